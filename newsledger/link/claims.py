"""Claims: one statement — same speaker, same figure, same occasion — with all its mentions.

Mentions are bucketed by (speaker key, measure, unit) through a dict, so a mention is only
compared with the claims of its own speaker and measure, never with every other mention (within
a bucket the work grows with the bucket's claims). Inside a bucket, a mention joins a claim when
its bounds are compatible (the intervals overlap: "1,000" and "more than 1,000" are one claim,
"dozens" and "1,000" are not) and its date does not contradict (two dates read from cues must
agree; a date defaulted from publication yields to a cued one). A mention whose own sentence
gave no date then takes the claim's date: that is the export's "borrowed" stated_on.

The grouping depends only on the set of mentions (sorted before clustering), never on the order
they were ingested in.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

STRONG = {"cue", "carried"}


@dataclass
class MentionRef:
    """What claim linking needs of one figure mention."""

    key: int                       # figures.id
    doc: str
    start: int
    speaker_key: str               # canonical person/org, anonymous key, or "outlet:<doc family>"
    measure: str
    unit: str | None
    low: float | None
    high: float | None
    stated_on: dt.date | None
    strong_date: bool              # the date was read from the sentence (or carried from it)
    family: str                    # the document's copy family (its original's id)
    outlet: str | None = None
    story: str | None = None
    affiliation: str = ""          # anonymous sources: "us" of "us official" ("" = not said)
    sentence: int | None = None    # where the mention's sentence starts in its document


@dataclass
class Claim:
    id: str
    members: list[MentionRef] = field(default_factory=list)
    stated_on: dt.date | None = None

    @property
    def low(self):
        return self.members[0].low

    @property
    def high(self):
        return self.members[0].high


def _interval(m: MentionRef) -> tuple[float, float]:
    lo = m.low if m.low is not None else float("-inf")
    hi = m.high if m.high is not None else float("inf")
    return lo, hi


ROUNDING = 0.025  # "$43 million" and "$43,885,310", "nearly $15 million" and "$14,959,450"


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= ROUNDING * max(abs(x), abs(y), 1.0)


def _point(m: MentionRef) -> bool:
    return m.low is not None and m.high is not None and _close(m.low, m.high)


def _same_figure(a: MentionRef, b: MentionRef) -> bool:
    """One written figure: the same point, or the same hedged bounds ("at least 48", "nearly
    650") — not a vague range, which many different figures share ("hundreds", "dozens")."""
    if _point(a) or _point(b):
        return _point(a) and _point(b) and a.low == b.low
    if (a.low, a.high) != (b.low, b.high) or a.low is None and a.high is None:
        return False
    return a.low is None or a.high is None or a.high <= 1.2 * a.low


def _grain(v: float, unit: str | None) -> float:
    """The rounding a written figure implies: 43,000,000 ("$43 million") is good to a million,
    10.9 to a tenth. A percentage's trailing zero is written, not rounded ("70%" is not 69%)."""
    v = abs(v)
    if v == 0:
        return 1.0
    text = f"{v:.6f}".rstrip("0")
    if not text.endswith("."):
        return 10 ** -len(text.split(".")[1])
    whole = int(v)
    if unit in {"%", "fraction"} or whole < 1000:
        return 1.0  # "40 killed" is a count, not a rounding of 41
    grain = 1
    while whole and whole % (grain * 10) == 0:
        grain *= 10
    return float(grain)


def _same_point(a: float, b: float, unit: str | None) -> bool:
    """Equal up to the rounding of the rounder figure ("nearly $15 million" and "$14,959,450")
    or its truncation ("$43 million" for $43,885,310), never more than a few per cent apart
    ("$300m" is not "$284m")."""
    ga, gb = _grain(a, unit), _grain(b, unit)
    rough, r_grain, precise = (a, ga, b) if ga >= gb else (b, gb, a)
    cap = 0.04 * max(abs(a), abs(b))
    if abs(a - b) > cap:
        return False
    if min(ga, gb) * 100 > r_grain:
        # both written to similar precision ("$300m", "$310m"): they must agree to it
        return abs(a - b) < min(ga, gb) / 2 + 1e-9
    return abs(a - b) <= r_grain / 2 or rough <= precise < rough + r_grain


def compatible_values(a: MentionRef, b: MentionRef) -> bool:
    """Could these two be the same statement, rounded or hedged differently? Two exact figures
    must agree up to rounding; an open bound ("more than 1,000") must sit at the other's value,
    not merely admit it ("more than $60,000" is not "$250,000"); a vague range ("hundreds")
    holds any figure inside it."""
    if _point(a) and _point(b):
        return _same_point(a.low, b.low, a.unit)
    for x, y in ((a, b), (b, a)):
        if x.low is not None and x.high is not None and not _point(x):   # x is a closed range
            ylo, yhi = _interval(y)
            # a vague range is already wide: no rounding slack ("hundreds" is not 1,000)
            if y.low is not None and y.high is not None:
                return x.low <= yhi and ylo <= x.high
            bound = y.low if y.low is not None else y.high
            return bound is not None and x.low <= bound <= x.high
    # one or both open-ended, or points against open bounds: the written numbers must agree
    ends_a = [v for v in (a.low, a.high) if v is not None]
    ends_b = [v for v in (b.low, b.high) if v is not None]
    if not ends_a or not ends_b:
        return False
    if (a.high is None) != (b.high is None) and not (_point(a) or _point(b)):
        return False  # "more than N" against "fewer than N"
    return any(_close(x, y) for x in ends_a for y in ends_b)


def _fits(claim: Claim, m: MentionRef) -> bool:
    if not all(compatible_values(m, other) for other in claim.members):
        return False
    if m.sentence is not None and any(o.doc == m.doc and o.sentence == m.sentence for o in claim.members):
        return False  # "two congressmen and two police officers": a sentence never restates its own figure
    if m.story and all(o.story and o.story != m.story for o in claim.members) and not (
            m.strong_date and any(o.strong_date and o.stated_on == m.stated_on for o in claim.members)):
        return False  # other stories: only a statement dated to the same day is the same one
    # "a senior defence official" may be the "US official" of another outlet; a Ukrainian one not
    if m.affiliation and any(o.affiliation and o.affiliation != m.affiliation for o in claim.members):
        return False
    if m.strong_date and claim.stated_on is not None and any(o.strong_date for o in claim.members):
        return m.stated_on == claim.stated_on
    if not m.strong_date and claim.stated_on is not None and m.stated_on is not None:
        # a defaulted date (publication) cannot precede the statement it reports
        return claim.stated_on <= m.stated_on
    return True


def claim_id(m: MentionRef) -> str:
    basis = f"{m.speaker_key}|{m.measure}|{m.unit}|{m.low}|{m.high}|{m.stated_on}|{m.doc}|{m.start}"
    return "C" + hashlib.sha1(basis.encode()).hexdigest()[:10]


def link_claims(mentions: list[MentionRef]) -> list[Claim]:
    buckets: dict[tuple, list[MentionRef]] = defaultdict(list)
    for m in mentions:
        buckets[(m.speaker_key, m.measure, m.unit)].append(m)
    claims: list[Claim] = []
    for _, group in sorted(buckets.items(), key=lambda kv: str(kv[0])):
        # dated mentions first (they fix the occasion), then by date, document and offset
        group.sort(key=lambda m: (not m.strong_date, m.stated_on or dt.date.max, m.doc, m.start))
        local: list[Claim] = []
        for m in group:
            home = next((c for c in local if _fits(c, m)), None)
            if home is None:
                home = Claim(claim_id(m), stated_on=m.stated_on if m.strong_date else None)
                local.append(home)
            home.members.append(m)
        for c in local:
            if c.stated_on is None:
                dates = [m.stated_on for m in c.members if m.stated_on is not None]
                # undated everywhere: the earliest publication that reports it
                c.stated_on = min(dates) if dates else None
        claims += local
    return _merge_outlet_voices(_fold_restatements(claims))


def _merge_outlet_voices(claims: list[Claim]) -> list[Claim]:
    """Outlets of one story that state the same figure in their own voice ("$43 million",
    "$43,885,310") report one fact; their claims merge when every value agrees up to rounding."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    out = []
    for c in claims:
        m0 = c.members[0]
        if all(m.speaker_key.startswith("outlet:") for m in c.members) and m0.story:
            groups[(m0.story, m0.measure, m0.unit)].append(c)
        else:
            out.append(c)
    for _, cs in sorted(groups.items(), key=lambda kv: str(kv[0])):
        merged: list[Claim] = []
        for c in cs:
            home = next((h for h in merged if {m.family for m in h.members}.isdisjoint({m.family for m in c.members})
                         and all(compatible_values(x, y) for x in h.members for y in c.members)), None)
            if home is None:
                merged.append(c)
            else:
                home.members += c.members
        out += merged
    return _join_vague_sources(_join_restated_elsewhere(out))


def _fold_into_one(claims: list[Claim], target_scopes, candidate_scope, fits) -> list[Claim]:
    """Fold a candidate claim into the one target claim of its scope (story or copy family),
    measure and unit that it fits — only when exactly one does. ``target_scopes(c)`` are the
    scopes a claim can be found in as a target (none: it is no target); ``candidate_scope(c)`` is
    the scope a candidate looks in (None: it is no candidate)."""
    targets: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        for scope in target_scopes(c):
            targets[(scope, c.members[0].measure, c.members[0].unit)].append(c)
    out = []
    for c in claims:
        scope = candidate_scope(c)
        if scope is not None:
            m0 = c.members[0]
            found = [t for t in targets.get((scope, m0.measure, m0.unit), []) if fits(c, t)]
            if len(found) == 1:
                found[0].members += c.members
                continue
        out.append(c)
    return out


def _outlet(m: MentionRef) -> bool:
    return m.speaker_key.startswith("outlet:")


def _join_vague_sources(claims: list[Claim]) -> list[Claim]:
    """A figure one outlet gives to "officials" and another, the same day, to the ministry those
    officials speak for is one statement told with more or less precision about its source: an
    anonymous claim joins the one named claim of its story that gives exactly its figure that day.
    Two named sources giving one figure stay two claims — that is corroboration, not a repeat."""
    def targets(c):
        named = all(m.speaker_key.startswith("name:") for m in c.members)
        return {m.story for m in c.members if m.story} if named else set()

    def candidate(c):
        m0 = c.members[0]
        vague = all(m.speaker_key.startswith("anon:") for m in c.members)
        return m0.story if vague and m0.story and c.stated_on is not None else None

    def fits(c, n):
        m0 = c.members[0]
        return n.stated_on == c.stated_on and all(_same_figure(o, m0) for o in n.members) \
            and all(_same_figure(m, m0) for m in c.members)
    return _fold_into_one(claims, targets, candidate, fits)


def _join_restated_elsewhere(claims: list[Claim]) -> list[Claim]:
    """An outlet that states, in its own voice, exactly the figure another outlet of the story
    attributes to someone restates that claim — when exactly one attributed claim has it."""
    def candidate(c):
        m0 = c.members[0]
        return m0.story if all(_outlet(m) for m in c.members) and m0.story else None
    return _fold_into_one(
        claims, lambda c: {m.story for m in c.members if not _outlet(m) and m.story}, candidate,
        lambda c, a: all(_same_figure(o, m) for o in a.members for m in c.members))


def _fold_restatements(claims: list[Claim]) -> list[Claim]:
    """An outlet that repeats, in its own voice, a figure it attributes elsewhere in the same
    article ("the reported loss of 1,000 troops" after "Kirby said 1,000") restates that claim.
    Folded only when exactly one attributed claim of the article fits."""
    def fits(c, a):
        return all(compatible_values(m, o) for m in c.members for o in a.members) and any(
            _point(m) and _point(o) and m.low == o.low for m in c.members for o in a.members)
    return _fold_into_one(
        claims, lambda c: {m.family for m in c.members if not _outlet(m)},
        lambda c: c.members[0].family if _outlet(c.members[0]) else None, fits)


def borrowed_day(claim: Claim, m: MentionRef) -> dt.date | None:
    """The day a mention whose article gives none of its own takes from its claim, if any: only a
    day some member's own words fix (an undated background fact keeps each article's default
    rather than the earliest outlet's publication day), and never one after the mention's own
    default — an article cannot report what was said after it was published."""
    if m.strong_date or claim.stated_on is None or not any(o.strong_date for o in claim.members):
        return None
    if m.stated_on is not None and claim.stated_on >= m.stated_on:
        return None
    return claim.stated_on


def independent_reports(claim: Claim) -> int:
    """Copies of one article count once."""
    return len({m.family for m in claim.members})
