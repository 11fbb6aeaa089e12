"""A headline's figure is the lede's statement: its source and its day come from the body.

"Death toll rises to 2,900 in Morocco earthquake" names no one; the sentence under it
("Government officials announced on Tuesday that the death toll … has risen to at least 2,900")
does. A headline figure with no source of its own takes the source and the date of the first
body figure with the same number (and unit), one of the same measure first. Pure function of the mentions and
the lines the cleaner classified.
"""
from __future__ import annotations

import dataclasses

from ..model import Line, Mention


def _same_number(a, b) -> bool:
    """One of the two bounds is the same number ("2,900" and "at least 2,900")."""
    return any(x is not None and x == y for x, y in ((a.low, b.low), (a.high, b.high), (a.low, b.high), (a.high, b.low)))


def headline_sources(mentions: list[Mention], lines: list[Line]) -> None:
    """Give each unsourced figure of a title or heading line above the first body line the
    attribution of the first body figure with the same number (of the same measure, if any);
    a sourced one with no day of its own takes that figure's day."""
    first_body = next((ln.start for ln in lines if ln.kind == "body"), None)
    if first_body is None:
        return
    heads = [ln for ln in lines if ln.kind in {"title", "heading"} and ln.end <= first_body]
    body = sorted((m for m in mentions if m.figure.start >= first_body and m.attribution is not None),
                  key=lambda m: m.figure.start)
    for m in mentions:
        line = next((ln for ln in heads if ln.start <= m.figure.start < ln.end), None)
        if line is None or m.attribution is not None and m.stated_on_source not in {"published", "lead"}:
            continue
        same = [o for o in body if o.figure.unit == m.figure.unit and _same_number(o.figure, m.figure)]
        # the same measure first; a headline and its lede may read one toll two ways
        twin = next((o for o in same if o.figure.measure == m.figure.measure), same[0] if same else None)
        if twin is None:
            continue
        if m.attribution is not None:
            # "Ruritania revises toll to 412" has a source of its own, but no day: it is the
            # lede's statement of that figure, told short ("Ruritania" for its spokesman), when the
            # lede's cue gives the day
            if twin.stated_on_source in {"cue", "carried"}:
                m.attribution = dataclasses.replace(twin.attribution, content_start=line.start, content_end=line.end)
                m.speaker, m.stated_on, m.stated_on_source = twin.speaker, twin.stated_on, "carried"
            continue
        # the source's words stay where they are written; the attributed content is the headline
        m.attribution = dataclasses.replace(twin.attribution, content_start=line.start, content_end=line.end)
        m.speaker = twin.speaker
        # a day the lede read from its cue is carried; one it only defaulted to stays a default,
        # which a dated mention of the same claim elsewhere may still replace
        m.stated_on = twin.stated_on
        m.stated_on_source = "carried" if twin.stated_on_source in {"cue", "carried"} else twin.stated_on_source
