"""Stories: documents about one event, grouped incrementally.

Two documents are linked when their text similarity, discounted by the days between them,
passes a threshold; a story is a connected group of links (single link), and its id is its
earliest document (smallest date, then insertion order), as for copies. A new document is
compared only with the documents sharing two of its heaviest terms within the time window
(an inverted index), never with every document. A copy joins its original's story
without a comparison.

Similarity = (1 - ENTITY_WEIGHT) * cosine of TF-IDF over content words
           + ENTITY_WEIGHT * cosine of IDF-weighted entity sets,
times exp(-days / DECAY_DAYS). IDF comes from the document frequencies of everything indexed
so far, read at comparison time: early in a run (few documents) it is close to plain term
frequency, which is why it is smoothed (a word in every document still weighs 1).

Plain Python, no scikit-learn: the vectors are small dicts (the KEY_TERMS heaviest terms of a
document), and the measurements in benchmarks/stories.py did not call for more.

Persistence
-----------
Per document the store keeps a :class:`StoryEntry` (``StoryIndex.entries()``): doc, seq,
published, story, key-term counts and entities (small; JSON in a TEXT column is fine), plus
once per index ``StoryIndex.params`` and the document-frequency table ``df`` with ``n_docs``
(``StoryIndex.vocabulary()``: one JSON blob, or a table ``story_df(term, n)``). The df table
covers every word of every document, not only key terms, so it cannot be rebuilt from the
entries. ``StoryIndex.from_entries(params, vocabulary, entries)`` resumes;
``to_state()``/``from_state()`` wrap all of it as one dict. Documents whose story id changed
because two stories merged are collected in ``StoryIndex.changed``.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from .duplicates import EarliestFirstGroups

# Measured on BASIL with spaCy entities (benchmarks/results/stories.json, "sweep_dated" and
# "sweep_undated"); pairwise F1 sits on a plateau of 0.93-0.957 for thresholds 0.10-0.15 and
# decays of 3-6 days, and falls off above 0.18 (recall: outlets word one event differently).
LINK_THRESHOLD = 0.15
# Same-event BASIL pairs are at most 4 days apart; a 6-day decay keeps a 4-day-old report at
# half weight. exp(-d/6) < LINK_THRESHOLD beyond ~11 days, which bounds the candidate scan.
DECAY_DAYS = 6.0
# A pair where either date is unknown is discounted as if this many days apart: text alone
# must then reach 0.15 * exp(3/6) = 0.25, the best undated threshold (F1 0.77; below it single
# links chain unrelated events, above it recall drops).
UNDATED_DAYS = 3.0
# Entities move F1 by less than 0.01 either way on BASIL (0.0 / 0.2 / 0.4 all within the
# plateau); a small weight keeps names as evidence for short texts with few content words.
ENTITY_WEIGHT = 0.2
# Terms kept per document for the similarity (TF-IDF heaviest first).
KEY_TERMS = 60
# Candidates: documents sharing at least MIN_SHARED of their INDEXED_TERMS heaviest terms.
# Same-event BASIL pairs: 297 of 300 share 2+ of their top 20; other pairs: 2.4% do.
INDEXED_TERMS = 20
MIN_SHARED = 2

_STOP = frozenset("""
a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can can't could couldn't did didn't do does doesn't
doing don't down during each few for from further had hadn't has hasn't have haven't having he
her here hers herself him himself his how i if in into is isn't it it's its itself just let's
me more most mr mrs ms much must my myself no nor not now of off on once only or other ought
our ours ourselves out over own same says said say she should shouldn't so some such than that
the their theirs them themselves then there these they this those through to too under until
up very was wasn't we were weren't what when where which while who whom why will with won't
would wouldn't you your yours yourself yourselves one two three new told year years week
like get got make made many may might people time would could also even still back well
""".split())
# Capitalised but never names: a run made only of these is dropped by the fallback.
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december""".split())
_WORD = re.compile(r"[^\W\d_][\w'\-]*[^\W_]|[^\W\d_]", re.UNICODE)
_CAPRUN = re.compile(r"(?:[A-Z][\w'\-.]*[A-Za-z](?:\s+(?:of|the|for|and|de|al)\s+|\s+)?)+")
_HONORIFIC = re.compile(r"^(?:the|mr|mrs|ms|dr|sen|rep|gov|gen|president|prime minister|"
                        r"secretary|senator|governor|general)\.?\s+")


def content_terms(text: str) -> list[str]:
    """Lower-cased content words (stop words, numbers and 1-2 letter words dropped)."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").lower()
    return [w for w in _WORD.findall(text) if len(w) > 2 and w not in _STOP]


def normalise_entity(name: str) -> set[str]:
    """Keys an entity string matches on: the full name without honorifics or possessive, and
    for several-word names the last word too ("Barack Obama" also matches "Obama")."""
    s = unicodedata.normalize("NFKC", name).replace("\u2019", "'").lower().strip()
    s = re.sub(r"'s$", "", _HONORIFIC.sub("", s)).strip(" .,'\"")
    if len(s) < 2:
        return set()
    keys = {s}
    parts = s.split()
    if len(parts) > 1 and len(parts[-1]) > 2:
        keys.add(parts[-1])
    return keys


def _opens_sentence(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"'\u201c\u2018(":
        j -= 1
    return j < 0 or text[j] in ".!?\n:"


def fallback_entities(text: str) -> list[str]:
    """Runs of capitalised words, minus a lone capitalised word opening a sentence and
    leading stop words ("The White House" -> "White House"): a cheap stand-in for NER."""
    out = []
    for m in _CAPRUN.finditer(text):
        words = m.group().split()
        if len(words) == 1 and _opens_sentence(text, m.start()):
            continue
        while words and words[0].lower() in _STOP:
            words = words[1:]
        if words and not all(w.lower().strip(".") in _CALENDAR for w in words):
            out.append(" ".join(words))
    return out


def key_terms(terms: list[str], df: Counter, n_docs: int, k: int = KEY_TERMS) -> dict[str, int]:
    """The k terms with the highest TF-IDF in one document, with their counts."""
    tf = Counter(terms)
    scored = sorted(tf, key=lambda t: (-(1 + math.log(tf[t])) * _idf(df[t], n_docs), t))
    return {t: tf[t] for t in scored[:k]}


def _idf(df: int, n: int) -> float:
    return math.log((1 + n) / (1 + df)) + 1.0


def _unit(weights: dict[str, float]) -> dict[str, float]:
    n = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / n for t, w in weights.items()} if n else {}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


@dataclass
class StoryEntry:
    """What the store keeps per document."""

    doc: str
    seq: int
    published: str | None
    story: str
    terms: dict[str, int]          # key terms and their counts
    entities: list[str]            # normalised entity keys


@dataclass
class _Doc:
    seq: int
    published: dt.date | None
    terms: dict[str, int]
    entities: frozenset[str]


class StoryIndex:
    """Incremental story grouping; see the module docstring."""

    def __init__(self, link_threshold: float = LINK_THRESHOLD, decay_days: float = DECAY_DAYS,
                 entity_weight: float = ENTITY_WEIGHT, key_terms: int = KEY_TERMS,
                 undated_days: float = UNDATED_DAYS, indexed_terms: int = INDEXED_TERMS,
                 min_shared: int = MIN_SHARED):
        self.params = {"link_threshold": link_threshold, "decay_days": decay_days,
                       "entity_weight": entity_weight, "key_terms": key_terms,
                       "undated_days": undated_days, "indexed_terms": indexed_terms,
                       "min_shared": min_shared}
        self._docs: dict[str, _Doc] = {}
        self._groups = EarliestFirstGroups()
        self._postings: dict[str, list[str]] = defaultdict(list)
        self.df: Counter = Counter()      # term or "@entity" -> documents containing it
        self.n_docs = 0
        self._next_seq = 0
        self.stats = {"added": 0, "candidates": 0}

    # -- queries ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc: str) -> bool:
        return doc in self._docs

    @property
    def changed(self) -> set[str]:
        return self._groups.changed

    def story(self, doc: str) -> str:
        return self._groups.root(doc)

    def stories(self) -> list[list[str]]:
        return self._groups.groups()

    def similarity(self, a: str, b: str) -> float:
        """Time-discounted similarity of two indexed documents, with the current IDF."""
        da, db = self._docs[a], self._docs[b]
        return self._sim(self._vectors(da), self._vectors(db), da.published, db.published)

    # -- updates ---------------------------------------------------------------------------
    def add(self, doc: str, text: str, published: dt.date | None = None,
            entities: list[str] | None = None, duplicate_of: str | None = None) -> str:
        """Index one document and return its story id.

        ``entities``: PERSON/ORG/GPE names as written; None means "not computed", and
        capitalised runs stand in. ``duplicate_of``: when the document is a known copy of an
        indexed one, it joins that story directly (and still counts for IDF).
        """
        if doc in self._docs:
            raise ValueError(f"document {doc!r} is already indexed")
        terms = content_terms(text)
        if entities is None:
            entities = fallback_entities(text)
        ents = frozenset(k for e in entities for k in normalise_entity(e))
        # Document frequencies first, so this document's own words count in its IDF.
        self.n_docs += 1
        self.df.update(set(terms))
        self.df.update("@" + e for e in ents)
        me = _Doc(self._next_seq, published, key_terms(terms, self.df, self.n_docs,
                                                       self.params["key_terms"]), ents)
        return self._insert(doc, me, duplicate_of)

    def _insert(self, doc: str, me: _Doc, duplicate_of: str | None, link: bool = True) -> str:
        self._next_seq = max(self._next_seq, me.seq + 1)
        matches = []
        if link and duplicate_of is None:
            cands = self._candidates(me)
            mine = self._vectors(me)
            thr = self.params["link_threshold"]
            matches = [c for c in cands
                       if self._sim(mine, self._vectors(self._docs[c]), me.published,
                                    self._docs[c].published) >= thr]
            self.stats["added"] += 1
            self.stats["candidates"] += len(cands)
        self._docs[doc] = me
        self._groups.add(doc, me.published, me.seq)
        for key in self._keys(me):
            self._postings[key].append(doc)
        if duplicate_of is not None and duplicate_of in self._docs:
            matches = [duplicate_of]
        for c in matches:
            self._groups.union(doc, c)
        return self.story(doc)

    def _keys(self, d: _Doc) -> list[str]:
        # d.terms is ordered heaviest first (see key_terms)
        return list(d.terms)[: self.params["indexed_terms"]]

    def _max_days(self) -> float:
        # Beyond this gap even identical texts fall under the threshold.
        return self.params["decay_days"] * math.log(1 / self.params["link_threshold"])

    def _candidates(self, me: _Doc) -> list[str]:
        horizon = self._max_days()
        shared: Counter = Counter()
        for key in self._keys(me):
            shared.update(self._postings.get(key, ()))
        out = [c for c, n in shared.items() if n >= self.params["min_shared"]
               and self._gap(me.published, self._docs[c].published) <= horizon]
        return sorted(out, key=lambda c: self._docs[c].seq)

    def _vectors(self, d: _Doc) -> tuple[dict, dict]:
        n = self.n_docs
        tv = _unit({t: (1 + math.log(c)) * _idf(self.df[t], n) for t, c in d.terms.items()})
        ev = _unit({e: _idf(self.df["@" + e], n) for e in d.entities})
        return tv, ev

    def _gap(self, pa: dt.date | None, pb: dt.date | None) -> float:
        return self.params["undated_days"] if pa is None or pb is None else abs((pa - pb).days)

    def _sim(self, va, vb, pa, pb) -> float:
        w = self.params["entity_weight"]
        if not (va[1] and vb[1]):
            w = 0.0               # no entities on one side is no evidence against the link
        s = (1 - w) * cosine(va[0], vb[0]) + (w * cosine(va[1], vb[1]) if w else 0.0)
        return s * math.exp(-self._gap(pa, pb) / self.params["decay_days"])

    # -- persistence -----------------------------------------------------------------------
    def entries(self) -> list[StoryEntry]:
        return [StoryEntry(k, d.seq, d.published.isoformat() if d.published else None,
                           self.story(k), dict(d.terms), sorted(d.entities))
                for k, d in sorted(self._docs.items(), key=lambda kv: kv[1].seq)]

    def vocabulary(self) -> dict:
        return {"n_docs": self.n_docs, "df": dict(self.df)}

    @classmethod
    def from_entries(cls, params: dict, vocabulary: dict, entries) -> "StoryIndex":
        idx = cls(**params)
        idx.n_docs = vocabulary["n_docs"]
        idx.df = Counter(vocabulary["df"])
        entries = sorted(entries, key=lambda e: e.seq)
        for e in entries:
            pub = dt.date.fromisoformat(e.published) if e.published else None
            idx._insert(e.doc, _Doc(e.seq, pub, dict(e.terms), frozenset(e.entities)),
                        None, link=False)
        for e in entries:
            if e.story != e.doc:
                idx._groups.union(e.doc, e.story)
        idx.changed.clear()
        return idx

    def to_state(self) -> dict:
        return {"params": dict(self.params), "vocabulary": self.vocabulary(),
                "entries": [vars(e) for e in self.entries()]}

    @classmethod
    def from_state(cls, state: dict) -> "StoryIndex":
        return cls.from_entries(state["params"], state["vocabulary"],
                                [StoryEntry(**e) for e in state["entries"]])
