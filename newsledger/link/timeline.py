"""How a figure moved: the claims of one story and measure, in date order, each marked against
the claims before it, the conflicts between them, and a consensus band.

A claim's *scope* is what its figure covers. A figure bounded to a period ("1,000 in the past
week") has the scope of that period's length; anything else ("more than 3,000 since their
deployment", or no period at all) is *cumulative*. Figures of different scopes cannot be
compared: a weekly toll is neither an update of nor a contradiction to a running total.

Claims are compared only when their subjects can be the same: the countries their subject names
("North Korean soldiers", "troops (Pyongyang)") must match, and a subject naming none matches any.
Ten thousand North Korean soldiers and fifty thousand Russian troops do not contradict each other.

Marks, for a claim against the earlier claims of its timeline:

- ``first``: nothing before it about its subject.
- ``scope``: nothing before it has its scope (period against cumulative, a week against a
  month), or it is a period figure for a later period than the ones before it.
- ``conflict``: an earlier claim of the same scope made the same day has bounds that do not
  overlap — they cannot both be true. Also any claim whose own mentions disagree: two outlets
  reporting one statement with bounds that do not overlap ("dozens" against "hundreds"), so at
  least one misreports it.
- ``repeat``: an earlier claim of the same scope has the same bounds (another speaker, or the
  same speaker on another occasion, saying the same).
- ``update``: a cumulative figure, later than an earlier cumulative one, whose bounds moved —
  from the same or another speaker. The note says which way and from what.
- ``consistent``: the same day and scope as earlier claims, different bounds that overlap them.
- ``undated``: no date, so it cannot be placed against the others (and repeats nothing).

Consensus band, in the spirit of UCDP's low / best / high estimates: see ``BAND_RULE``.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from .entities import side_of

BAND_RULE = ("Over each source's latest cumulative figure about the section's main subject: "
             "low = the lowest lower bound any of them gives (0 for “fewer than”), "
             "high = the highest upper bound (open when a source's is), "
             "best = the median of their central values (a range counts as its midpoint, an open bound as its end); "
             "the sources disagree when no single number fits all their bounds.")

_CUMULATIVE = re.compile(r"\b(since|so far|to date|in total|overall|altogether|cumulative|all told)\b", re.I)
_UNITS = {"hour": "hour", "day": "day", "night": "day", "week": "week", "weekend": "week", "fortnight": "2 week",
          "month": "month", "year": "year"}
_NUMBER_WORDS = {"a": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "several": "n", "few": "n", "recent": "n"}
_PERIOD = re.compile(r"(?:(\d+|[a-z]+)\s+)?(hour|day|night|weekend|week|fortnight|month|year)s?\b", re.I)


def scope(claim) -> str:
    """``cumulative``, or the length of the period the figure covers ("1 week", "n month", "year")."""
    period = getattr(claim, "period", None)
    if not period or _CUMULATIVE.search(period):
        return "cumulative"
    m = None
    for m in _PERIOD.finditer(period):
        pass  # the last one names the length: "in the last two weeks of December" is rare; "past week" common
    if m is None:
        return "period: " + period.strip().lower()
    unit = _UNITS[m.group(2).lower()]
    count = (m.group(1) or "1").lower()
    n = int(count) if count.isdigit() else _NUMBER_WORDS.get(count, 1)
    if unit.startswith("2 "):
        n, unit = (2 * n if isinstance(n, int) else n), unit[2:]
    return f"{n} {unit}"


def subject_key(c) -> frozenset[str]:
    return side_of(getattr(c, "subject", None))


def same_subject(a, b) -> bool:
    ka, kb = subject_key(a), subject_key(b)
    return not ka or not kb or ka == kb


def interval(c) -> tuple[float, float]:
    lo = c.low if c.low is not None else float("-inf")
    hi = c.high if c.high is not None else float("inf")
    return lo, hi


def overlap(a, b) -> bool:
    alo, ahi = interval(a)
    blo, bhi = interval(b)
    return alo <= bhi and blo <= ahi


def central(c) -> float | None:
    """One number for a claim's bounds: the midpoint of a range, the end of an open bound."""
    if c.low is None and c.high is None:
        return None
    lo = c.low if c.low is not None else c.high
    hi = c.high if c.high is not None else c.low
    return (lo + hi) / 2


def _same_bounds(a, b) -> bool:
    return a.low == b.low and a.high == b.high and getattr(a, "unit", None) == getattr(b, "unit", None)


def _who(c) -> str:
    return c.speaker or "the outlet"


def _said(c) -> str:
    return f"“{c.text}” ({_who(c)}, {c.stated_on or 'undated'})"


@dataclass
class Conflict:
    """Two sides that cannot both be right, each a (claim, mention) so its words can be quoted."""
    kind: str            # "claims": two claims of one scope and day; "wording": two reports of one claim
    a: object
    a_mention: object | None
    b: object
    b_mention: object | None
    note: str


def _original_first(c):
    """The mention to quote for a claim: one in an original document rather than in a copy."""
    ms = getattr(c, "mentions", None) or []
    return next((m for m in ms if not getattr(m, "copy_of", None)), ms[0] if ms else None)


def wording_conflicts(c) -> list[Conflict]:
    """Mentions of one claim whose bounds do not overlap: some outlet misreports the statement."""
    groups: list = []  # one representative mention per distinct bounds, originals first
    for m in sorted(getattr(c, "mentions", None) or [], key=lambda m: bool(getattr(m, "copy_of", None))):
        if getattr(m, "low", None) is None and getattr(m, "high", None) is None:
            continue
        if not any(_same_bounds(g, m) for g in groups):
            groups.append(m)
    out = []
    for i, a in enumerate(groups):
        for b in groups[i + 1:]:
            if not overlap(a, b):
                out.append(Conflict("wording", c, a, c, b,
                                    f"{a.outlet or a.doc} writes “{a.text}”, {b.outlet or b.doc} writes “{b.text}”"))
    return out


def _mark(c, earlier: list) -> tuple[str, str, object | None]:
    """The mark for ``c`` against the claims before it, a note, and the claim it clashes with."""
    if not earlier:
        return "first", "", None
    earlier = [e for e in earlier if same_subject(e, c)]
    if not earlier:
        return "first", f"the first figure about {c.subject}", None
    sc = scope(c)
    same_scope = [e for e in earlier if scope(e) == sc]
    if c.stated_on is None:
        twin = next((e for e in same_scope if _same_bounds(e, c)), None)
        if twin is not None:
            return "repeat", f"same as {_said(twin)}", None
        return ("undated", "no date: cannot be placed against the others", None) if same_scope else \
            ("scope", _scope_note(c, sc), None)
    if not same_scope:
        return "scope", _scope_note(c, sc), None
    same_day = [e for e in same_scope if e.stated_on == c.stated_on]
    clash = next((e for e in same_day if not overlap(e, c)), None)
    if clash is not None:
        return "conflict", f"incompatible with {_said(clash)}", clash
    twin = next((e for e in same_scope if _same_bounds(e, c)), None)
    if twin is not None:
        return "repeat", f"same as {_said(twin)}", None
    before = [e for e in same_scope if e.stated_on is not None and e.stated_on < c.stated_on]
    if before and sc == "cumulative":
        prev = before[-1]
        a, b = central(prev), central(c)
        way = "up" if a is not None and b is not None and b > a else "down" if a is not None and b is not None and b < a \
            else "moved"
        return "update", f"{way} from {_said(prev)}", None
    if before:
        return "scope", f"covers a later {sc} than {_said(before[-1])}", None
    return "consistent", f"overlaps {_said(same_day[-1])}", None


def _scope_note(c, sc: str) -> str:
    if sc == "cumulative":
        return "cumulative; the figures before it cover a period"
    return f"covers {c.period}; the figures before it are cumulative or cover another period"


def mark_timeline(claims: list) -> list[Conflict]:
    """Set ``status`` and ``note`` on each claim (given in date order, undated last) and return
    the conflicts, between claims and within one claim's reports."""
    conflicts: list[Conflict] = []
    for i, c in enumerate(claims):
        status, note, clash = _mark(c, claims[:i])
        if clash is not None:
            conflicts.append(Conflict("claims", clash, _original_first(clash), c, _original_first(c), note))
        own = wording_conflicts(c)
        if own:
            conflicts.extend(own)
            if status != "conflict":
                note = "the outlets' wordings disagree: " + own[0].note + (f" (otherwise {status})" if status != "first" else "")
                status = "conflict"
        c.status, c.note = status, note
    return conflicts


@dataclass
class Band:
    low: float | None
    best: float | None
    high: float | None
    agree: bool
    sources: int
    unit: str | None = None
    about: str = ""     # the countries of the subject the band is over, when the section mixes subjects


def consensus(claims: list) -> Band | None:
    """The band over each source's latest cumulative claim (``BAND_RULE``); None when there is none."""
    units = [c.unit for c in claims if c.low is not None or c.high is not None]
    if not units:
        return None
    unit = statistics.mode(units)
    keys = Counter(subject_key(c) for c in claims if subject_key(c))
    key = keys.most_common(1)[0][0] if keys else frozenset()
    latest: dict[str, object] = {}
    for c in claims:  # date order, so later claims of a source replace earlier ones
        if scope(c) != "cumulative" or c.unit != unit or (c.low is None and c.high is None):
            continue
        if key and subject_key(c) and subject_key(c) != key:
            continue
        latest[f"speaker:{c.speaker}" if c.speaker else f"outlet:{c.claim}"] = c
    if not latest:
        return None
    cs = list(latest.values())
    low = min(c.low if c.low is not None else 0.0 for c in cs)  # counts, sums and areas are never negative
    high = None if any(c.high is None for c in cs) else max(c.high for c in cs)
    best = statistics.median(central(c) for c in cs)
    floor = max((c.low for c in cs if c.low is not None), default=float("-inf"))
    ceiling = min((c.high for c in cs if c.high is not None), default=float("inf"))
    return Band(low, best, high, floor <= ceiling, len(cs), unit, " and ".join(sorted(key)))
