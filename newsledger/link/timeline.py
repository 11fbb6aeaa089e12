"""How a figure moved: the claims of one story, in date order, each marked against the claims of
its series before it (newsledger.link.series), the conflicts between them, and a consensus band.

Claims are compared only within a series: the same measure, unit, counted population (who and
where), occasion, state and kind of period. A province's toll is not set against the nation's,
the children among the dead against the dead, a weekly toll against a running total, one
country's soldiers against another's.

Marks, for a claim against the earlier claims of its series (``relative_to`` names the one):

- ``first``: nothing before it in its series, and no series of the same count over another period.
- ``scope``: nothing before it in its series, but an earlier claim counts the same over another
  period (a week against a running total); or it has no date, so it cannot be placed in time.
- ``conflict``: an earlier claim of the series made the same day by an independent source (another
  speaker, another document family) has bounds that do not overlap — they cannot both be true.
  Also a claim whose own mentions disagree: two outlets reporting one statement with bounds
  that do not overlap ("dozens" against "hundreds"), so at least one misreports it.
- ``repeat``: an earlier claim of the series has the same bounds.
- ``update``: a later figure of the series whose bounds moved, or a source's own figure revised
  the same day. The note says which way and from what.
- ``consistent``: the same day as earlier claims of the series, different bounds that overlap them.

Consensus band, in the spirit of UCDP's low / best / high estimates: see ``BAND_RULE``.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import statistics
from dataclasses import dataclass

from .entities import fold, may_be_one_person, name_initials, parse_org
from .series import MEASURE_NOUNS, SeriesKey, scope, series_key, settle

BAND_RULE = ("Over each source's latest cumulative figure in the section's main series: "
             "low = the lowest lower bound any of them gives (0 for “fewer than”), "
             "high = the highest upper bound (open when a source's is), "
             "best = the median of their central values (a range counts as its midpoint, an open bound as its end); "
             "the sources disagree when no single number fits all their bounds.")

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
            if not overlap(a, b) and ratio(a, b) >= MIN_RATIO:
                out.append(Conflict("wording", c, a, c, b,
                                    f"{a.outlet or a.doc} writes “{a.text}”, {b.outlet or b.doc} writes “{b.text}”"))
    return out


def _families(c) -> set[str]:
    return {getattr(m, "copy_of", None) or m.doc for m in getattr(c, "mentions", None) or []}


def _same_source(a, b) -> bool:
    """One source, however fully each mention names it: "the intelligence ministry" is "Iran's
    Intelligence Ministry" shortened (the shorter name's words stand in order inside the longer),
    a person named by title and surname is the same person named in full."""
    if not (a.speaker and b.speaker):
        return False
    if may_be_one_person(a.speaker, b.speaker):
        return True  # "Sheriff Leitha" and "Larry Leitha Jr."
    for x, y in ((a.speaker, b.speaker), (b.speaker, a.speaker)):
        short = _acronym_of(x)
        if short is not None and short in _initialisms(y):
            return True  # "SOHR" and "the Syrian Observatory for Human Rights"
    wa, wb = (re.sub(r"^the ", "", fold(s)).split() for s in (a.speaker, b.speaker))
    short, long_ = sorted((wa, wb), key=len)
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


# Conflicts compare every pair of a series' claims: a name is parsed once, not once per pair.
@functools.lru_cache(maxsize=4096)
def _acronym_of(name: str) -> str | None:
    org = parse_org(name)
    return org.key[1] if org.key[0] == "acr" else None


@functools.lru_cache(maxsize=4096)
def _initialisms(name: str) -> frozenset[str]:
    return parse_org(name).acronyms | name_initials(name)


def independent(a, b) -> bool:
    """Two claims from sources that can contradict each other: different speakers, in documents
    that are not one article or copies of one. Within one article, figures that do not agree are
    nearly always a breakdown, an earlier toll it recalls, or a list the extractor failed to tell
    apart; on the crisis development set every same-article "conflict" was one of those."""
    if _same_source(a, b):
        return False
    return not (_families(a) & _families(b))


# Counts that grow as a disaster or a war goes on: two sources a few hours apart differ by a
# little without contradicting each other, and figures a hundred times apart are not one count
# (a clinic's bodies against a national toll, a wave's dead against a war's) but a part the
# subject failed to name. Only the band between is worth a fact-checker's time.
RISING = {"killed", "wounded", "casualties", "missing", "displaced", "captured", "deployed"}
MIN_RATIO = 1.25
MAX_RATIO = 10.0


def ratio(a, b) -> float:
    """How far apart two claims' bounds are: the higher one's floor over the lower one's ceiling (1 when they touch)."""
    alo, ahi = interval(a)
    blo, bhi = interval(b)
    lo_top, hi_floor = (ahi, blo) if ahi < blo else (bhi, alo)
    if lo_top <= 0 or hi_floor == float("inf") or lo_top == float("-inf"):
        return float("inf")
    return max(hi_floor / lo_top, 1.0)


def contradicts(a, b, key: SeriesKey | None = None) -> bool:
    """Figures of one series (``key``, read from ``a`` when not given), the same day, from
    independent sources, that cannot both be true and are as far apart as sources that disagree
    are, not as a part and its whole are."""
    if overlap(a, b) or not independent(a, b):
        return False
    if not (a.speaker and b.speaker):
        # a figure in an outlet's own voice is background or a rounding of someone's statement;
        # it is set against a source only by a reader who knows which (measured: every such
        # "conflict" on the crisis development events was a part, another scale or a later count)
        return False
    who = (key or series_key(a)).who
    if getattr(a, "measure", None) in {"other", "money"} and not (who and who <= MEASURE_NOUNS):
        # Of the figures that count no harm, only a measurement of one event (a magnitude, a wind
        # speed) has one true value two sources can dispute; "people" affected, rescued or
        # relocated, "fires" or "teams" are counts of too many different things to set against each other.
        return False
    r = ratio(a, b)
    floor = MIN_RATIO if getattr(a, "measure", None) in RISING else 1.0
    return floor <= r <= MAX_RATIO


def _day(c) -> dt.date | None:
    try:
        return dt.date.fromisoformat(c.stated_on) if c.stated_on else None
    except (TypeError, ValueError):
        return None


def _close_in_time(a, b) -> bool:
    """Said at about the same time: the same day for a count that rises (a day later it has moved),
    a day apart for a figure of another kind (a quake's magnitude, the pagers that exploded)."""
    da, db = _day(a), _day(b)
    if da is None or db is None:
        return False
    return abs((da - db).days) <= (0 if getattr(b, "measure", None) in RISING else 1)


def _moved(prev, c) -> str:
    a, b = central(prev), central(c)
    if a is None or b is None:
        return "moved"
    return "up" if b > a else "down" if b < a else "moved"


@dataclass
class Mark:
    status: str
    note: str
    relative_to: object | None = None   # the claim the mark compares against
    clash: bool = False                 # relative_to is a claim it conflicts with


def _mark(c, key: SeriesKey, series: list, other_scopes: list, said=lambda e: True) -> Mark:
    """The mark for ``c`` against the earlier claims of its series (``series``) and the earlier
    claims that count the same over another period (``other_scopes``); ``said(e)`` tells whether
    ``e`` and ``c`` are in one series by their own words, not by what `settle` filled in."""
    if not series:
        if other_scopes:
            return Mark("scope", _scope_note(c, scope(c)), other_scopes[-1])
        return Mark("first", "")
    if c.stated_on is None:
        twin = next((e for e in series if _same_bounds(e, c)), None)
        if twin is not None:
            return Mark("repeat", f"same as {_said(twin)}", twin)
        return Mark("scope", "no date: it cannot be placed in time against the others", series[-1])
    same_day = [e for e in series if e.stated_on == c.stated_on]
    # a series settled from the story's other claims is good enough to chart, not to accuse a source
    clashes = [e for e in series if _close_in_time(e, c) and said(e) and contradicts(e, c, key)]
    if clashes:
        # against a named source before an outlet's own figure, the latest of them first
        clash = max(reversed(clashes), key=lambda e: bool(e.speaker))
        when = "the same day" if clash.stated_on == c.stated_on else "a day apart"
        return Mark("conflict", f"incompatible with {_said(clash)}, {when}", clash, clash=True)
    twin = next((e for e in series if _same_bounds(e, c)), None)
    if twin is not None:
        return Mark("repeat", f"same as {_said(twin)}", twin)
    revised = next((e for e in reversed(same_day) if not overlap(e, c)), None)
    if revised is not None and ratio(revised, c) > MAX_RATIO:
        return Mark("scope", f"{ratio(revised, c):.0f} times {_said(revised)}, the same day: more likely a part "
                             "and its whole than one count", revised)
    if revised is not None:
        return Mark("update", f"{_moved(revised, c)} from {_said(revised)}, the same day", revised)
    before = [e for e in series if e.stated_on is not None and e.stated_on < c.stated_on]
    if before:
        prev = before[-1]
        if scope(c) != "cumulative":
            return Mark("update", f"a later {scope(c)} than {_said(prev)}", prev)
        return Mark("update", f"{_moved(prev, c)} from {_said(prev)}", prev)
    if same_day:
        return Mark("consistent", f"overlaps {_said(same_day[-1])}", same_day[-1])
    return Mark("scope", "no date of its own to place it against the others", series[-1])


def _scope_note(c, sc: str) -> str:
    if sc == "cumulative":
        return "a running total; the figures before it cover a period"
    return f"covers {c.period}; the figures before it are running totals or cover another period"


def _without_scope(k: SeriesKey) -> tuple:
    return (k.measure, k.unit, k.who, k.side, k.where, k.occasion, k.state)


def mark_timeline(claims: list) -> list[Conflict]:
    """Set ``series``, ``series_label``, ``status``, ``note`` and ``relative_to`` on each claim
    (given in date order, undated last) and return the conflicts, between claims and within one
    claim's reports, the ones most worth a fact-checker's time first (``rank_conflicts``)."""
    conflicts: list[Conflict] = []
    stated = [series_key(c) for c in claims]
    keys = settle(stated)
    at = {id(c): j for j, c in enumerate(claims)}
    for i, c in enumerate(claims):
        k = keys[i]
        series = [e for e, ke in zip(claims[:i], keys[:i]) if ke == k]
        others = [e for e, ke in zip(claims[:i], keys[:i]) if ke != k and _without_scope(ke) == _without_scope(k)]
        m = _mark(c, k, series, others, said=lambda e, i=i: stated[at[id(e)]].side == stated[i].side)
        if m.clash:
            conflicts.append(Conflict("claims", m.relative_to, _original_first(m.relative_to), c, _original_first(c),
                                      m.note))
        own = wording_conflicts(c)
        status, note = m.status, m.note
        if own:
            conflicts.extend(own)
            if status != "conflict":
                note = "the outlets' wordings disagree: " + own[0].note + (f" (otherwise {status})" if status != "first" else "")
                status = "conflict"
        c.status, c.note = status, note
        c.relative_to = getattr(m.relative_to, "claim", None)
        c.series, c.series_label = k.id, k.label
    return rank_conflicts(conflicts)


def _gap(k: Conflict) -> float:
    a, b = central(k.a_mention or k.a), central(k.b_mention or k.b)
    if a is None or b is None or max(abs(a), abs(b)) == 0:
        return 0.0
    return abs(a - b) / max(abs(a), abs(b))


def rank_conflicts(conflicts: list[Conflict]) -> list[Conflict]:
    """Independent named sources first, then the same day before days apart, then the furthest apart in value."""
    def days(k):
        da, db = _day(k.a), _day(k.b)
        return abs((da - db).days) if da and db else 99

    def named(k):
        return int(bool(k.a.speaker)) + int(bool(k.b.speaker)) if k.kind == "claims" else 1
    return sorted(conflicts, key=lambda k: (-named(k), days(k), -_gap(k)))


@dataclass
class Band:
    low: float | None
    best: float | None
    high: float | None
    agree: bool
    sources: int
    unit: str | None = None
    about: str = ""     # the series the band is over, in words


def _keys(claims: list) -> list[SeriesKey]:
    """The claims' series keys, settled over the claims given (series.settle), as mark_timeline does."""
    return settle([series_key(c) for c in claims])


def main_series(claims: list, keys: list[SeriesKey] | None = None) -> SeriesKey | None:
    """The running-total series most sources speak to: the one a section's band is drawn over."""
    sources: dict[SeriesKey, set] = {}
    for c, k in zip(claims, keys or _keys(claims)):
        if k.scope != "cumulative" or (c.low is None and c.high is None):
            continue
        sources.setdefault(k, set()).add(c.speaker or f"outlet:{c.claim}")
    if not sources:
        return None
    return max(sources, key=lambda k: (len(sources[k]), not k.where and not k.occasion and not k.state, k.id))


def consensus(claims: list) -> Band | None:
    """The band over each source's latest claim in the main series (``BAND_RULE``); None when there is none."""
    keys = _keys(claims)
    key = main_series(claims, keys)
    if key is None:
        return None
    latest: dict[str, object] = {}
    for c, k in zip(claims, keys):  # date order, so later claims of a source replace earlier ones
        if k != key or (c.low is None and c.high is None):
            continue
        latest[f"speaker:{c.speaker}" if c.speaker else f"outlet:{c.claim}"] = c
    cs = list(latest.values())
    low = min(c.low if c.low is not None else 0.0 for c in cs)  # counts, sums and areas are never negative
    high = None if any(c.high is None for c in cs) else max(c.high for c in cs)
    best = statistics.median(central(c) for c in cs)
    floor = max((c.low for c in cs if c.low is not None), default=float("-inf"))
    ceiling = min((c.high for c in cs if c.high is not None), default=float("inf"))
    return Band(low, best, high, floor <= ceiling, len(cs), key.unit, key.label)
