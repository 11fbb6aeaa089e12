"""Rewrites: a report reworded throughout from another — an aggregator's machine rewrite, an
editor's heavy recut — that shares too few runs of five words for the shingle check
(link/duplicates.py) but keeps the other's content sentence by sentence.

Two reports of one event written independently share their subject, names and often a quoted
line; they do not share most of their sentences. A rewrite does: most sentences of the shorter
report find a sentence in the other that holds most of their content words, even when a third
of the words were swapped for synonyms. The check is only asked of reports of one story
published within days of each other, so its cost stays with the few candidates.
"""
from __future__ import annotations

import re

# Share of a sentence's content words found in its best match (overlap over the smaller set):
# a sentence with a third of its words replaced keeps about two thirds.
SENTENCE_MATCH = 0.5
# Share of the shorter report's sentences with a match. Swept in benchmarks/rewrites.py: at 0.7,
# copies with a third of their words replaced are found (0.995) and spun rewrites mostly (0.75),
# while one of BASIL's 300 pairs of independent reports of one event passes; at 0.6 spun
# rewrites rise to 0.92 but nine independent pairs pass.
MIN_ALIGNED = 0.7
MIN_SENTENCES = 3      # fewer, and one shared quote would decide
MIN_WORDS = 5          # sentences shorter than this say too little to match on

_SENT = re.compile(r"(?<=[.!?])[\"”’']?\s+|\n+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*", re.UNICODE)
_STOP = frozenset("""a an the and or but if of to in on at by for with from as is are was were be been being
it its this that these those he she they we you i his her their our your not no so than then there here
has have had do does did will would can could may might said says say told also more most very just
over after before about into out up down which who whom what when where while all any some such""".split())


def _sentences(text: str) -> list[frozenset[str]]:
    out = []
    for s in _SENT.split(text):
        words = frozenset(w.lower().strip("’'") for w in _WORD.findall(s)) - _STOP
        if len(words) >= MIN_WORDS:
            out.append(words)
    return out


def aligned_share(a: str, b: str) -> float:
    """Share of the shorter text's sentences that have a matching sentence in the other."""
    sa, sb = _sentences(a), _sentences(b)
    short, long_ = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    if len(short) < MIN_SENTENCES:
        return 0.0
    index: dict[str, list[int]] = {}
    for i, s in enumerate(long_):
        for w in s:
            index.setdefault(w, []).append(i)
    hits = 0
    for s in short:
        shared: dict[int, int] = {}
        for w in s:
            for i in index.get(w, ()):
                shared[i] = shared.get(i, 0) + 1
        if any(n / min(len(s), len(long_[i])) >= SENTENCE_MATCH for i, n in shared.items()):
            hits += 1
    return hits / len(short)


def is_rewrite(a: str, b: str) -> bool:
    return aligned_share(a, b) >= MIN_ALIGNED
