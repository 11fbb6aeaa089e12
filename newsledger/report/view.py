"""The ledger as readers ask for it: per story and measure, the claims in date order.

One structure feeds the terminal, HTML and web views, so they cannot disagree.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class MentionView:
    doc: str
    outlet: str | None
    text: str
    quote: str
    start: int
    end: int
    copy_of: str | None


@dataclass
class ClaimView:
    claim: str
    stated_on: str | None
    speaker: str | None
    text: str               # the figure as first written
    low: float | None
    high: float | None
    unit: str | None
    measure: str
    subject: str
    mentions: list[MentionView] = field(default_factory=list)
    independent: int = 0
    status: str = ""        # first | repeat | update | scope | conflict (timeline marks)
    note: str = ""
    period: str | None = None

    @property
    def outlets(self) -> list[str]:
        seen = []
        for m in self.mentions:
            name = m.outlet or m.doc
            if name not in seen:
                seen.append(name)
        return seen


@dataclass
class Section:
    story: str | None
    measure: str
    claims: list[ClaimView]
    title: str = ""


def bounds(low, high, unit=None) -> str:
    def f(v):
        if v is None:
            return "…"
        if unit == "fraction":
            return f"{v:g}"
        if abs(v) >= 1e9:
            return f"{v / 1e9:g}bn"
        if abs(v) >= 1e6:
            return f"{v / 1e6:g}m"
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"
    if low == high:
        s = f(low)
    elif high is None:
        s = f"≥ {f(low)}"
    elif low is None:
        s = f"≤ {f(high)}"
    else:
        s = f"{f(low)}–{f(high)}"
    if unit and unit not in {"fraction"}:
        s += f" {unit}"
    return s


def sections(conn: sqlite3.Connection, measure: str | None = None, include_other: bool = True) -> list[Section]:
    from ..ledger import canonical_speakers
    from ..link.timeline import mark_timeline

    names = canonical_speakers(conn)
    rows = conn.execute(
        """SELECT f.*, d.doc, d.outlet, d.story, d.duplicate_of, d.text AS doc_text, d.title AS doc_title,
                  a.speaker, a.stated_on
           FROM figures f JOIN documents d ON d.id = f.doc_id LEFT JOIN attributions a ON a.figure_id = f.id
           ORDER BY d.id, f.start""").fetchall()
    claims: dict[str, ClaimView] = {}
    story_of: dict[str, str | None] = {}
    titles: dict[str, str] = {}
    for r in rows:
        if measure and r["measure"] != measure:
            continue
        if not include_other and r["measure"] == "other":
            continue
        cid = r["claim"] or f"row{r['id']}"
        cv = claims.get(cid)
        if cv is None:
            speaker = names.get((r["doc"], r["speaker"]), r["speaker"]) if r["speaker"] else None
            cv = claims[cid] = ClaimView(cid, r["stated_on"], speaker, r["text"], r["low"], r["high"], r["unit"],
                                         r["measure"], r["subject"] or "", period=r["period"])
            story_of[cid] = r["story"]
        titles.setdefault(r["story"] or "", r["doc_title"] or r["doc"])
        cv.mentions.append(MentionView(r["doc"], r["outlet"], r["text"],
                                       r["doc_text"][r["sentence_start"]:r["sentence_end"]].strip(),
                                       r["start"], r["end"], r["duplicate_of"]))
        if cv.stated_on is None and r["stated_on"]:
            cv.stated_on = r["stated_on"]
    for cv in claims.values():
        cv.independent = len({m.copy_of or m.doc for m in cv.mentions})
    grouped: dict[tuple, list[ClaimView]] = defaultdict(list)
    for cid, cv in claims.items():
        grouped[(story_of[cid] or "", cv.measure)].append(cv)
    out = []
    for (story, meas), cvs in sorted(grouped.items(), key=lambda kv: (kv[0][0], _measure_rank(kv[0][1]))):
        cvs.sort(key=lambda c: (c.stated_on or "9999", c.speaker or "", c.low or 0))
        mark_timeline(cvs)
        out.append(Section(story or None, meas, cvs, titles.get(story, "")))
    return out


_RANK = ["casualties", "killed", "wounded", "captured", "missing", "displaced", "deployed", "territory", "money", "other"]


def _measure_rank(m: str) -> int:
    return _RANK.index(m) if m in _RANK else len(_RANK)
