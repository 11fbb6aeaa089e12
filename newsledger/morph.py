"""spaCy's attribute ruler and lemmatizer, computed once per distinct token instead of per token.

Both components are lookups: what the attribute ruler sets on a token (its POS, morphology and
some lemmas, from the tag the tagger gave it) depends only on a few attributes of that token (and,
for a handful of two-word patterns such as "gon na", of its neighbour); the rule lemmatizer's
lemma depends only on the token's text, POS and morphology (spaCy's own cache is keyed so). Yet
spaCy runs a ``Matcher`` over every token for the first and builds a ``Token`` and a morphology
dict per token for the second: measured on 300 BBC articles, 2.1 s and 1.6 s of 19 s of spaCy —
a fifth of the pipeline for tables.

These wrappers are hand-written because spaCy has no memoised form of either component. They
keep spaCy's components and their data and call them for every combination of attributes not
seen before (the real ``Matcher`` on that one token, the real ``set_token_attrs``, the real
``lemmatize``), so a token gets exactly what spaCy would give it; the rest is numpy over
``Doc.to_array``. tests/test_morph.py checks the annotations equal spaCy's.
"""
from __future__ import annotations

import re

import numpy as np
from spacy.attrs import DEP, IDS, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens._retokenize import set_token_attrs

# What the attribute ruler may write; read before it runs, they are part of the key (a token's
# earlier value survives where no pattern sets it).
_OUT = [TAG, DEP, POS, MORPH, LEMMA]
# A cache that outgrows this is dropped and refilled: distinct tokens of a month of news are far
# fewer, so this only bounds memory on odd input.
MAX_CACHED = 500_000


def _plain(pattern: list[dict]) -> bool:
    """A pattern whose match depends on token attributes only (no operator, no extension)."""
    return all("OP" not in tok and "_" not in tok for tok in pattern)


class FastAttributeRuler:
    """Built empty by its factory (a pipeline component must come from one), then ``wrap``s the
    loaded pipeline's own attribute ruler."""

    def wrap(self, ruler) -> "FastAttributeRuler":
        self.ruler = ruler
        self.vocab = ruler.vocab
        self.single = Matcher(self.vocab, validate=False)
        self.named: set[str] = set()   # words a one-token pattern names (equal, IN, NOT_IN)
        self.regexes: list[re.Pattern] = []
        self.multi = Matcher(self.vocab, validate=False)
        read = set()
        for attr_id in range(len(ruler.attrs)):
            _, patterns = ruler.matcher.get(str(attr_id))
            if not all(_plain(p) for p in patterns):
                raise ValueError("attribute ruler pattern with an operator or extension: not memoisable")
            ones = [p for p in patterns if len(p) == 1]
            longer = [p for p in patterns if len(p) > 1]
            if ones:
                if ruler.indices[attr_id] not in (0, -1):
                    raise ValueError("a one-token pattern with an index other than the token")
                self.single.add(str(attr_id), ones)
            if longer:
                self.multi.add(str(attr_id), longer)
            read |= {k.upper() for p in ones for tok in p for k in tok}
            for tok in (t for p in ones for t in p):
                for k, v in tok.items():
                    if k.upper() == "LOWER":
                        self._words(v)
        if any(k not in IDS for k in read):  # a condition Doc.to_array cannot read
            raise ValueError(f"attribute ruler conditions not memoisable: {sorted(k for k in read if k not in IDS)}")
        self.key_cols = sorted({IDS[k] for k in read} | set(_OUT))
        self.out_at = [self.key_cols.index(a) for a in _OUT]
        self.lower_at = self.key_cols.index(LOWER) if "LOWER" in read else None
        self.lower_class: dict[int, int] = {}
        self.cache: dict[bytes, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        return self

    def _words(self, value) -> None:
        if isinstance(value, str):
            self.named.add(value)
        elif isinstance(value, dict) and set(value) <= {"IN", "NOT_IN", "REGEX"}:
            self.named.update(value.get("IN", ()), value.get("NOT_IN", ()))
            if "REGEX" in value:
                self.regexes.append(re.compile(value["REGEX"]))
        else:
            raise ValueError(f"a LOWER condition not memoisable: {value!r}")

    def _classes(self, lowers):
        """Every word no one-token pattern names or matches is one class (0): each condition on
        the word is then false for all of them (equal, IN, REGEX) or true for all (NOT_IN). The
        key then holds a word only where it matters, and the cache stays small."""
        out = np.empty(len(lowers), dtype="uint64")
        for n, h in enumerate(lowers):
            c = self.lower_class.get(int(h))
            if c is None:
                w = self.vocab.strings[int(h)] if h else ""
                named = w in self.named or any(r.search(w) for r in self.regexes)
                if len(self.lower_class) > MAX_CACHED:
                    self.lower_class.clear()
                c = self.lower_class[int(h)] = int(h) if named else 0
            out[n] = c
        return out

    def _ids(self, matches) -> list[int]:
        return sorted({int(self.vocab.strings[m_id]) for m_id, _, _ in matches})

    def __call__(self, doc):
        if len(doc) == 0:
            return doc
        # the two-word patterns read the doc as the tagger and parser left it: matched first
        multi = self.multi(doc, allow_missing=True, as_spans=False) if len(self.multi) else []
        arr = doc.to_array(self.key_cols)
        key = arr
        if self.lower_at is not None:
            key = arr.copy()
            lowers, back = np.unique(arr[:, self.lower_at], return_inverse=True)
            key[:, self.lower_at] = self._classes(lowers)[back.reshape(-1)]
        rows, first, inverse = np.unique(key, axis=0, return_index=True, return_inverse=True)
        if len(self.cache) > MAX_CACHED:
            self.cache.clear()
        outs = np.empty((len(rows), len(_OUT)), dtype="uint64")
        ids_of_row = []
        for r, (row, i) in enumerate(zip(rows, first)):
            key = row.tobytes()
            hit = self.cache.get(key)
            if hit is None:
                tok = doc[int(i)]
                ids = self._ids(self.single(doc[tok.i:tok.i + 1], allow_missing=True, as_spans=False))
                for a in ids:  # in attribute order, later rules winning, as the ruler applies them
                    set_token_attrs(tok, self.ruler.attrs[a])
                hit = self.cache[key] = ((tok.tag, tok.dep, tok.pos, tok.morph.key, tok.lemma), tuple(ids))
            outs[r] = hit[0]
            ids_of_row.append(hit[1])
        doc.from_array(_OUT, outs[inverse.reshape(-1)])
        if multi:
            self._apply_multi(doc, multi, arr, inverse.reshape(-1), ids_of_row)
        return doc

    def _apply_multi(self, doc, multi, arr, inverse, ids_of_row) -> None:
        """A token a longer pattern sets: its attributes back to what the ruler read, then every
        rule that applies to it, in the ruler's order."""
        extra: dict[int, set[int]] = {}
        for m_id, start, end in multi:
            a = int(self.vocab.strings[m_id])
            extra.setdefault(doc[start:end][self.ruler.indices[a]].i, set()).add(a)
        for i, ids in extra.items():
            tok = doc[i]
            tag, dep, pos, morph, lemma = (int(arr[i, c]) for c in self.out_at)
            tok.tag, tok.dep, tok.pos, tok.lemma = tag, dep, pos, lemma
            tok.set_morph(morph if morph else None)
            for a in sorted(ids | set(ids_of_row[inverse[i]])):
                set_token_attrs(tok, self.ruler.attrs[a])


class FastLemmatizer:
    """The rule lemmatizer, once per (text, POS, morphology); tokens that already have a lemma
    (set by the attribute ruler) keep it, as spaCy's ``overwrite=False`` does."""

    def wrap(self, lemmatizer) -> "FastLemmatizer":
        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise ValueError("only the rule lemmatizer that keeps existing lemmas is memoised")
        self.lemmatizer = lemmatizer
        # spaCy tests "form in index" against a list of some 57,000 nouns per form tried: 150 µs a
        # word. The same words as a set answer the same question.
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos in list(index.keys()):
            index[pos] = frozenset(index[pos])
        self.strings = lemmatizer.vocab.strings
        self.cache: dict[tuple[int, int, int], int] = {}
        return self

    def __call__(self, doc):
        if len(doc) == 0:
            return doc
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        need = np.flatnonzero(arr[:, 3] == 0)
        if not len(need):
            return doc
        rows, first, inverse = np.unique(arr[need, :3], axis=0, return_index=True, return_inverse=True)
        if len(self.cache) > MAX_CACHED:
            self.cache.clear()
        lemmas = np.empty(len(rows), dtype="uint64")
        for r, (row, i) in enumerate(zip(rows, first)):
            key = (int(row[0]), int(row[1]), int(row[2]))
            lemma = self.cache.get(key)
            if lemma is None:
                lemma = self.cache[key] = self.strings.add(self.lemmatizer.lemmatize(doc[int(need[i])])[0])
            lemmas[r] = lemma
        out = arr[:, 3].copy()
        out[need] = lemmas[inverse.reshape(-1)]
        doc.from_array([LEMMA], out)
        return doc


@Language.factory("newsledger_memo_attribute_ruler")
def _memo_attribute_ruler(nlp, name):
    return FastAttributeRuler()


@Language.factory("newsledger_memo_lemmatizer")
def _memo_lemmatizer(nlp, name):
    return FastLemmatizer()


def memoise(nlp) -> None:
    """The pipeline's attribute ruler and lemmatizer replaced by their memoised forms, under the
    same names and at the same places."""
    for name, factory in (("attribute_ruler", "newsledger_memo_attribute_ruler"),
                          ("lemmatizer", "newsledger_memo_lemmatizer")):
        if name in nlp.pipe_names:
            original = nlp.get_pipe(name)
            memo = nlp.add_pipe(factory, name=f"{name}_memo", after=name)
            try:
                memo.wrap(original)
            except ValueError:  # another model's rules this cannot memoise: spaCy's component stays
                nlp.remove_pipe(f"{name}_memo")
                continue
            nlp.remove_pipe(name)
            nlp.rename_pipe(f"{name}_memo", name)
