"""How a figure moved: each claim on a timeline marked first, repeat, update, scope or conflict,
and a consensus band over the latest claims.

Marks, for claims of one story and measure in date order:
- ``repeat``: the same bounds as an earlier claim (another speaker saying the same).
- ``scope``: a figure bounded to a period ("in the past week") against cumulative ones, or the
  other way round — not comparable, so neither an update nor a conflict.
- ``update``: a later cumulative figure whose bounds move (usually up) from the latest earlier one.
- ``conflict``: same date, same scope, incompatible bounds (they cannot both be true).

Consensus band (in the spirit of UCDP's low / best / high estimates), over the latest claim of
each speaker that is cumulative (no period): low = the highest lower bound any speaker commits
to; high = the lowest upper bound; best = the median of the claims' midpoints (an open bound
counts as its closed end). Where low > high the sources disagree and the band says so.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass


def _interval(c) -> tuple[float, float]:
    lo = c.low if c.low is not None else float("-inf")
    hi = c.high if c.high is not None else float("inf")
    return lo, hi


def _overlap(a, b) -> bool:
    alo, ahi = _interval(a)
    blo, bhi = _interval(b)
    return alo <= bhi and blo <= ahi


def _scoped(c) -> bool:
    return bool(getattr(c, "period", None)) and not str(c.period).lower().startswith("since")


def mark_timeline(claims: list) -> None:
    """Set ``status`` and ``note`` on each claim; claims are in date order."""
    for i, c in enumerate(claims):
        earlier = claims[:i]
        if not earlier:
            c.status = "first"
            continue
        same_day = [e for e in earlier if e.stated_on == c.stated_on and e.stated_on and _scoped(e) == _scoped(c)]
        if any(not _overlap(e, c) and (e.speaker != c.speaker) for e in same_day):
            e = next(e for e in same_day if not _overlap(e, c))
            c.status, c.note = "conflict", f"incompatible with {e.speaker or 'the outlet'} the same day"
            continue
        if any(_overlap(e, c) and e.low == c.low and e.high == c.high for e in earlier):
            c.status = "repeat"
            continue
        if _scoped(c) != _scoped(earlier[-1]):
            c.status, c.note = "scope", (f"covers {c.period}" if _scoped(c) else "cumulative")
            continue
        c.status = "update"


@dataclass
class Band:
    low: float | None
    best: float | None
    high: float | None
    agree: bool


def consensus(claims: list) -> Band | None:
    latest = {}
    for c in claims:
        if _scoped(c) or (c.low is None and c.high is None):
            continue
        latest[c.speaker or f"outlet:{id(c)}"] = c
    if not latest:
        return None
    lows = [c.low for c in latest.values() if c.low is not None]
    highs = [c.high for c in latest.values() if c.high is not None]
    low = max(lows) if lows else None
    high = min(highs) if highs else None
    mids = []
    for c in latest.values():
        lo, hi = c.low if c.low is not None else c.high, c.high if c.high is not None else c.low
        mids.append((lo + hi) / 2)
    best = statistics.median(mids)
    agree = low is None or high is None or low <= high
    return Band(low, best, high, agree)
