"""Developing stories: stories told over weeks, joined through what their reports share.

``stories.StoryIndex`` groups reports of one event by their words, within days: a developing
story drifts in wording ("dozens" of casualties one week, "1,000 in the past week" two weeks
later) and its reports fall into several word-stories. Two of those are one developing story
when their reports carry the same claim (the same speaker's same figure on the same day, as
linked by ``claims.link_claims``), or when they quote the same named source about the same
party within a few weeks. Undated documents join nothing here: without dates, a shared name is
too weak a link across a corpus.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .duplicates import EarliestFirstGroups

WINDOW_DAYS = 21  # a developing story's reports a few weeks apart still answer each other


@dataclass
class StoryDoc:
    doc: str
    story: str
    published: dt.date | None
    seq: int
    claims: set[str] = field(default_factory=set)            # attributed, dated claims it reports
    sources: set[tuple[str, str]] = field(default_factory=set)  # (named speaker, party counted)


def developing_stories(docs: list[StoryDoc]) -> dict[str, str]:
    """doc -> the id of its developing story (its earliest document)."""
    groups = EarliestFirstGroups()
    for d in sorted(docs, key=lambda d: d.seq):
        groups.add(d.doc, d.published, d.seq)
    first_of_story: dict[str, str] = {}
    for d in docs:
        first_of_story.setdefault(d.story, d.doc)
        groups.union(d.doc, first_of_story[d.story])
    by_claim: dict[str, str] = {}
    by_source: dict[tuple[str, str], list[StoryDoc]] = {}
    for d in sorted(docs, key=lambda d: d.seq):
        if d.published is None:
            continue
        for c in sorted(d.claims):
            if c in by_claim:
                groups.union(d.doc, by_claim[c])
            else:
                by_claim[c] = d.doc
        for s in sorted(d.sources):
            for other in by_source.get(s, []):
                if abs((other.published - d.published).days) <= WINDOW_DAYS:
                    groups.union(d.doc, other.doc)
            by_source.setdefault(s, []).append(d)
    return {d.doc: groups.root(d.doc) for d in docs}
