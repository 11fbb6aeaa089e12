"""Which sentences of an article spaCy needs to see, and the article with the others blanked.

spaCy's tagger, parser and NER are most of an ingest's time, and most sentences of a news
article hold no figure. The extractors only ever start from a quantity (``find_quantities``);
everything else they read is context around it: the sentences just before (the "he" of "he
said", the source whose findings run on, the subject a toll carries back), the sentence after
("…,” the minister said."), the whole quotation a figure stands in, the lead (the occasion
that dates undated statements, the headline's source, the places a story is told by), the last
sentence naming a speaker before them, and the first mention of every name they use ("Obama" is
"Barack Obama"; "the chancellor" is whoever the article gives that post).

``focus`` keeps those sentences and replaces every other character by a space, line breaks
kept: the text spaCy parses has the length and the offsets of the original, so every offset
found in it is an offset into the article, and a blanked run costs spaCy one whitespace token.
The extractors still read the words of the whole article (``pipeline._read_whole``).

Measured: spaCy sees 90% of the characters of the 2,225 BBC articles (news is dense with
numbers) and an ingest takes 7% less CPU time (benchmarks/throughput.py); every figure of
every gold set comes out as from the whole parse.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from .extract.lexicon import ORG_TYPES, ROLE_NOUNS
from .extract.numbers import UNITS
from .extract.speakers import quote_regions

# Context kept around each sentence that holds a quantity. Measured on every gold set
# (tests/devset, seeds): the README's throughput paragraph gives what each setting costs.
BEFORE = 1
AFTER = 1
# The lead: the headline and first sentences, read for the occasion, the headline's source and
# the places a developing story is told by (link/developing.py reads the first 400 characters).
LEAD_CHARS = 400

# A full stop after these is not the end of a sentence ("Mr. Smith", "Jan. 5", "U.S. officials").
_ABBREV = {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "cpl", "maj", "adm", "rep",
           "sen", "gov", "prof", "rev", "hon", "jr", "sr", "no", "vol", "fig", "jan", "feb", "mar", "apr",
           "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "vs", "etc",
           "approx", "est", "dept", "univ", "mt", "ft", "pt", "sgt", "insp", "supt", "cmdr", "brig"}
# An end of sentence: . ! or ? (a closing quotation mark or bracket may follow), spaces, then what
# opens a sentence (a capital, a digit, an opening quotation mark or bracket).
_END = re.compile(r"[.!?][\"”’')\]]*( +)(?=[\"“‘'(\[]?[A-Z0-9])")
# The word before such a stop. Looked for in the last _WORD_WINDOW characters before it, not the
# whole line: searching a line's prefix from its start at every stop made sentence splitting half
# the cost of choosing sentences. A word that fills the window is looked for in the whole prefix.
_WORD = re.compile(r"([\w.]+)[.!?][\"”’')\]]*$")
_WORD_WINDOW = 64


@dataclass(frozen=True)
class Focused:
    text: str                # the article with every sentence not kept blanked (same length)
    starts: tuple[int, ...]  # offsets where a kept sentence follows a blanked run on its line
    kept: int                # characters kept (not counting line breaks)


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences, cheaply: a line break ends one, and so does a full stop, question or
    exclamation mark followed by a space and a capital, a digit or a quotation — not after an
    abbreviation or an initial. Coarser than spaCy's; it only decides what spaCy gets to see."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        start, s = line.start(), line.group(0)
        pos = 0
        for m in _END.finditer(s):
            lo = max(0, m.start(1) - _WORD_WINDOW)
            word = _WORD.search(s, lo, m.start(1))
            if word is not None and word.start() == lo and lo > 0:
                word = _WORD.search(s, 0, m.start(1))
            w = word.group(1).lower() if word else ""
            if w in _ABBREV or len(w) == 1 or "." in w:  # "Mr.", "J. Smith", "U.S."
                continue
            out.append((start + pos, start + m.start(1)))
            pos = m.end(1)
        if s[pos:].strip():
            out.append((start + pos, line.end()))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _lead_start(text: str) -> int:
    m = re.search(r"\S", text)
    return m.start() if m else 0


def select(text: str, before: int = BEFORE, after: int = AFTER, lead_chars: int = LEAD_CHARS,
           lede: int | None = None, spans: list[tuple[int, int]] | None = None) -> list[bool]:
    """For each of ``sentences(text)`` (or ``spans``, when already split), whether spaCy must see
    it. ``lede``: where the first body paragraph starts (its first ``lead_chars`` characters are
    kept too)."""
    if spans is None:
        spans = sentences(text)
    n = len(spans)
    keep = [False] * n
    holds = [_CAN_HOLD.search(text, a, b) is not None for a, b in spans]
    for i in range(n):
        if holds[i]:
            for j in range(max(0, i - before), min(n, i + after + 1)):
                keep[j] = True
    start = _lead_start(text)
    lead_end = max(start + lead_chars, (lede or 0) + lead_chars)
    for i, (a, _) in enumerate(spans):
        if a >= lead_end:
            break
        keep[i] = True
    _speakers_before(text, spans, keep)
    _names(text, spans, keep)
    _quotations(text, spans, keep)
    return keep


# Every way a quantity can be written has a digit or one of these words (numbers.QUANTITY_RE:
# "three", "a dozen", "hundreds of", "half", "two-thirds"): a sentence with neither holds none.
_CAN_HOLD = re.compile(
    r"\d|\b(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) +
    r"|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|scores|half|thirds?|quarters?|fifths?)\b",
    re.IGNORECASE)
# A word that names who speaks: the sentence the "he" of a kept sentence may point back to.
_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|according|added|adds|stated|announced|quoted|"
                     r"confirmed|claimed|warned|reported|insisted|estimated|explained|wrote)\b", re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+")
_CAP = re.compile(r"\b[A-Z][\w'’-]{2,}")
_POSTS = ROLE_NOUNS | ORG_TYPES


def _blocks(keep: list[bool]) -> list[int]:
    """The first sentence of every run of kept sentences."""
    return [i for i, k in enumerate(keep) if k and (i == 0 or not keep[i - 1])]


def _speakers_before(text: str, spans, keep: list[bool]) -> None:
    """Before each run of kept sentences, the nearest sentence that names who speaks: the
    resolver carries "he said", "the official added" back to the last speaker named."""
    for first in _blocks(keep):
        for j in range(first - 1, -1, -1):
            if keep[j]:
                break
            a, b = spans[j]
            if _SPEECH.search(text, a, b):
                keep[j] = True
                break


def _names(text: str, spans, keep: list[bool]) -> None:
    """Where the article first names whom a kept sentence names: "Obama said" is "Barack Obama"
    from his first mention, "the BSA" is "The Business Software Alliance (BSA) warned …" (a
    source whose reports later sentences carry); "the chancellor" is the person the article
    gives that post before or after. NER and the speaker resolver need those sentences."""
    lower = set(re.findall(r"\b[a-z][\w'’-]*", text))
    names, posts = set(), set()
    for (a, b), k in zip(spans, keep):
        if k:
            # a capitalised word the article never writes in lower case is a name, not "The"
            names.update(w for w in _CAP.findall(text, a, b) if w.lower() not in lower)
            posts.update(w for w in re.findall(r"[a-z]+", text[a:b]) if w in _POSTS)
    if not names and not posts:
        return
    given: dict[str, list[int]] = {p: [] for p in posts}
    for i, ((a, b), k) in enumerate(zip(spans, keep)):
        if k:
            continue
        here = set(_CAP.findall(text, a, b))
        if here & names:
            keep[i] = True  # the first mention; later ones add nothing the resolver uses
            names -= here
        if posts and _NAME.search(text, a, b):
            for p in posts & set(re.findall(r"[a-z]+", text[a:b].lower())):
                given[p].append(i)
    for found in given.values():
        for i in found[:1] + found[-1:]:  # the first and the last sentence giving that post a name
            keep[i] = True


def _quotations(text: str, spans, keep: list[bool]) -> None:
    """A quotation is one statement: kept whole when any of it is, with the sentence after it
    (its speaker: "“…,” the minister said.")."""
    n = len(spans)
    ends = [b for _, b in spans]
    for qa, qb in quote_regions(text):
        first = bisect.bisect_right(ends, qa)  # the first sentence ending after the quotation opens
        inside = list(itertools.takewhile(lambda i: spans[i][0] < qb, range(first, n)))
        if inside and any(keep[i] for i in inside):
            for i in inside + [inside[-1] + 1]:
                if i < n:
                    keep[i] = True


def focus(text: str, lede: int | None = None, **context) -> Focused:
    """``text`` with every sentence ``select`` leaves out replaced by spaces (line breaks kept)."""
    spans = sentences(text)
    keep = select(text, lede=lede, spans=spans, **context)
    out = list(text)
    starts = []
    kept = 0
    prev_end, prev_kept = 0, True
    for (a, b), k in zip(spans, keep):
        if k:
            kept += b - a
            # after a blanked sentence of the same line spaCy must start a new sentence here (a
            # line break already starts one: nlp's line_sentences)
            if not prev_kept and "\n" not in text[prev_end:a]:
                starts.append(a)
        else:
            for i in range(a, b):
                if out[i] != "\n":
                    out[i] = " "
        prev_end, prev_kept = b, k
    return Focused("".join(out), tuple(starts), kept)
