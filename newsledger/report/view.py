"""The ledger as readers ask for it: per story and measure, the claims in date order.

One structure feeds the terminal, HTML and web views, so they cannot disagree.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..clean import without_stamp


@dataclass
class MentionView:
    doc: str
    outlet: str | None
    text: str
    quote: str              # the sentence, as in the original text
    start: int              # the figure's offsets into documents.text
    end: int
    copy_of: str | None
    figure_id: int = 0
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    quote_start: int = 0    # where ``quote`` starts in documents.text, to place the figure in it
    published: str | None = None
    title: str | None = None
    speaker: str | None = None  # as the article names the source
    hedges: list[str] = field(default_factory=list)

    @property
    def source(self) -> str:
        return self.outlet or self.doc

    def quote_parts(self) -> tuple[str, str, str]:
        """The quote split around the figure: (before, figure, after); the figure alone if it is not inside."""
        a, b = self.start - self.quote_start, self.end - self.quote_start
        if 0 <= a <= b <= len(self.quote) and self.quote[a:b] == self.text:
            return self.quote[:a], self.quote[a:b], self.quote[b:]
        return "", self.text, ""


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
    status: str = ""        # a timeline mark: see newsledger.link.timeline
    note: str = ""
    period: str | None = None
    series: str = ""        # newsledger.link.series: the claims that count the same thing
    series_label: str = ""
    relative_to: str | None = None  # the claim ``status`` compares against

    @property
    def outlets(self) -> list[str]:
        seen = []
        for m in self.mentions:
            if m.source not in seen:
                seen.append(m.source)
        return seen

    def families(self) -> list[tuple[MentionView, list[MentionView]]]:
        """Mentions grouped under their original document: (first mention of the family, the rest).
        A copy whose original does not carry the claim heads its own family."""
        heads: dict[str, list[MentionView]] = {}
        docs = {m.doc for m in self.mentions}
        for m in sorted(self.mentions, key=lambda m: (m.copy_of is not None, m.published or "", m.doc, m.start)):
            root = m.copy_of if m.copy_of in docs else m.doc
            heads.setdefault(root, []).append(m)
        return [(ms[0], ms[1:]) for ms in heads.values()]


@dataclass
class Section:
    story: str | None
    measure: str
    claims: list[ClaimView]
    title: str = ""
    conflicts: list = field(default_factory=list)   # newsledger.link.timeline.Conflict, most worth checking first
    band: object | None = None                      # newsledger.link.timeline.Band
    label: str = ""                                 # what the story is about (story_labels)

    @property
    def anchor(self) -> str:
        return f"s-{self.story or 'none'}-{self.measure}"


@dataclass
class DocumentView:
    doc: str
    title: str | None
    outlet: str | None
    published: str | None
    published_inferred: bool
    language: str | None
    skipped: str | None
    duplicate_of: str | None
    story: str | None
    url: str | None
    figures: int
    label: str = ""         # the title, or for an untitled document its first line



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
        return f"{v:,.0f}" if float(v).is_integer() or abs(v) >= 100 else f"{v:,.2f}"
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


def documents(conn: sqlite3.Connection) -> list[DocumentView]:
    rows = conn.execute(
        "SELECT d.*, (SELECT count(*) FROM figures f WHERE f.doc_id = d.id) AS n FROM documents d "
        "ORDER BY d.published IS NULL, d.published, d.id").fetchall()
    return [DocumentView(r["doc"], r["title"], r["outlet"], r["published"], bool(r["published_inferred"]),
                         r["language"], r["skipped"], r["duplicate_of"], r["story"], r["url"], r["n"],
                         r["title"] or _first_line(conn, r["id"], r["text"])) for r in rows]


def _first_line(conn: sqlite3.Connection, doc_id: int, text: str, width: int = 90) -> str:
    """A title for an untitled document: its title line if cleaning found one, else its lead."""
    row = conn.execute("SELECT start, \"end\" FROM lines WHERE doc_id = ? AND kind IN ('title', 'body') "
                       "AND \"end\" > start ORDER BY kind = 'title' DESC, start LIMIT 1", (doc_id,)).fetchone()
    line = without_stamp(text[row["start"]:row["end"]]).strip() if row else ""
    return line if len(line) <= width else line[:width].rsplit(" ", 1)[0] + "…"


def sections(conn: sqlite3.Connection, measure: str | None = None, include_other: bool = True) -> list[Section]:
    from ..ledger import canonical_speakers
    from ..link.timeline import consensus, mark_timeline

    names = canonical_speakers(conn)
    ledger_speaker = {r["claim"]: r["speaker"] for r in conn.execute("SELECT claim, speaker FROM claims")}
    docs = {d.doc: d for d in documents(conn)}
    rows = conn.execute(
        """SELECT f.*, d.doc, d.outlet, d.story, d.duplicate_of, d.published, d.text AS doc_text,
                  a.speaker, a.stated_on
           FROM figures f JOIN documents d ON d.id = f.doc_id LEFT JOIN attributions a ON a.figure_id = f.id
           ORDER BY d.published IS NULL, d.published, d.id, f.start""").fetchall()
    claims: dict[str, ClaimView] = {}
    story_of: dict[str, str | None] = {}
    speakers: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if measure and r["measure"] != measure:
            continue
        if not include_other and r["measure"] == "other":
            continue
        cid = r["claim"] or f"row{r['id']}"
        cv = claims.get(cid)
        if cv is None:
            cv = claims[cid] = ClaimView(cid, r["stated_on"], None, r["text"], r["low"], r["high"], r["unit"],
                                         r["measure"], r["subject"] or "", period=r["period"])
            story_of[cid] = r["story"]
        if r["speaker"]:
            speakers[cid][names.get((r["doc"], r["speaker"]), r["speaker"])] += 1
        s0, s1 = r["sentence_start"], r["sentence_end"]
        if s0 is None or s1 is None:
            s0, s1 = r["start"], r["end"]
        raw = r["doc_text"][s0:s1]
        lead = len(raw) - len(raw.lstrip())
        cv.mentions.append(MentionView(
            r["doc"], r["outlet"], r["text"], raw.strip(), r["start"], r["end"], r["duplicate_of"],
            figure_id=r["id"], low=r["low"], high=r["high"], unit=r["unit"], quote_start=s0 + lead,
            published=r["published"], title=docs[r["doc"]].label if r["doc"] in docs else None,
            speaker=r["speaker"], hedges=json.loads(r["hedges"] or "[]")))
        if cv.stated_on is None and r["stated_on"]:
            cv.stated_on = r["stated_on"]
        if cv.period is None and r["period"]:
            cv.period = r["period"]
    for cid, cv in claims.items():
        cv.speaker = ledger_speaker.get(cid) or (speakers[cid].most_common(1)[0][0] if speakers[cid] else None)
        cv.independent = len({m.copy_of or m.doc for m in cv.mentions})
    grouped: dict[tuple, list[ClaimView]] = defaultdict(list)
    for cid, cv in claims.items():
        grouped[(story_of[cid] or "", cv.measure)].append(cv)
    out = []
    labels = story_labels(conn)
    members: dict[str, list[DocumentView]] = defaultdict(list)
    for d in docs.values():  # already in date order
        members[d.story or ""].append(d)
    for (story, meas), cvs in sorted(grouped.items(), key=lambda kv: (_story_date(members[kv[0][0]]), kv[0][0],
                                                                       _measure_rank(kv[0][1]))):
        cvs.sort(key=lambda c: (c.stated_on or "9999", c.speaker or "", c.low or 0))
        conflicts = mark_timeline(cvs)
        out.append(Section(story or None, meas, cvs, _story_title(members[story]), conflicts, consensus(cvs),
                           labels.get(story, "")))
    return out


def story_labels(conn: sqlite3.Connection) -> dict[str, str]:
    """story id -> what it is about, in a few words (link/developing.story_label)."""
    from ..ledger import lead_facts
    from ..link.developing import story_label

    facts = lead_facts(conn)
    members: dict[str, list] = {}
    for d in documents(conn):  # in date order, so the earliest title leads
        kinds, main, _ = facts.get(d.doc, (set(), None, set()))
        members.setdefault(d.story or d.doc, []).append((kinds, main, d.label))
    return {story: story_label(ms) for story, ms in members.items()}


def _story_date(members: list[DocumentView]) -> str:
    return next((d.published for d in members if d.published), "9999")


def _story_title(members: list[DocumentView]) -> str:
    """The earliest headline in the story; an untitled story is named by its first document's lead."""
    titled = [d for d in members if d.title]
    return titled[0].title if titled else (members[0].label if members else "")


_RANK = ["casualties", "killed", "wounded", "captured", "missing", "displaced", "deployed", "territory", "money", "other"]


def _measure_rank(m: str) -> int:
    return _RANK.index(m) if m in _RANK else len(_RANK)
