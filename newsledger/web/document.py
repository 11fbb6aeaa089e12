"""A document as it was read: the original text, furniture greyed, every figure a link to its claim.

Offsets are into ``documents.text``, so what is highlighted is exactly the words the ledger cites.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from ..report.view import bounds


@dataclass
class Span:
    start: int
    end: int
    kind: str           # "figure" | "speaker" | "hit" (words a search found)
    figure_id: int = 0
    claim: str | None = None
    title: str = ""


def spans(conn: sqlite3.Connection, doc_id: int, names: dict, doc: str) -> list[Span]:
    """Figures, then the speakers they are attributed to; a speaker span that would cross a figure
    is dropped, so the markup nests."""
    figs, speakers = [], []
    for r in conn.execute(
            "SELECT f.id, f.start, f.\"end\", f.low, f.high, f.unit, f.measure, f.claim, f.period, a.speaker, "
            "a.speaker_start, a.speaker_end, a.stated_on FROM figures f LEFT JOIN attributions a ON a.figure_id = f.id "
            "WHERE f.doc_id = ? ORDER BY f.start", (doc_id,)):
        who = names.get((doc, r["speaker"]), r["speaker"]) if r["speaker"] else "the outlet"
        title = f"{r['measure']}: {bounds(r['low'], r['high'], r['unit'])} · {who} · {r['stated_on'] or 'undated'}"
        if r["period"]:
            title += f" · {r['period']}"
        figs.append(Span(r["start"], r["end"], "figure", r["id"], r["claim"], title))
        if r["speaker_start"] is not None and r["speaker_end"] is not None:
            speakers.append(Span(r["speaker_start"], r["speaker_end"], "speaker", title=f"speaker: {who}"))
    out = list(figs)
    for s in speakers:
        if not any(s.start < o.end and o.start < s.end for o in out):
            out.append(s)
    return sorted(out, key=lambda s: s.start)


def line_kinds(conn: sqlite3.Connection, doc_id: int) -> list[tuple[int, int, str]]:
    return [(r["start"], r["end"], r["kind"]) for r in
            conn.execute('SELECT start, "end", kind FROM lines WHERE doc_id = ? ORDER BY start', (doc_id,))]


def _kind_at(kinds: list[tuple[int, int, str]], start: int, end: int) -> str:
    for a, b, k in kinds:
        if a <= start < max(b, a + 1) or (start == end == a):
            return k
    return "body"


def _inline(text: str, start: int, end: int, spans: list[Span]) -> str:
    """text[start:end] with the spans inside it marked; a span crossing the line is clipped to it."""
    out, pos = [], start
    for s in spans:
        a, b = max(s.start, start), min(s.end, end)
        if a >= b or a < pos:
            continue
        out.append(escape(text[pos:a]))
        inner = escape(text[a:b])
        if s.kind == "figure":
            href = f"/claim/{quote(s.claim, safe='')}" if s.claim else f"#f{s.figure_id}"
            ident = f' id="f{s.figure_id}"' if a == s.start else ""
            out.append(f'<a class="figure"{ident} href="{escape(href)}" title="{escape(s.title)}" '
                       f'data-start="{s.start}" data-end="{s.end}">{inner}</a>')
        elif s.kind == "hit":
            out.append(f'<mark class="hit">{inner}</mark>')
        else:
            out.append(f'<span class="speaker" title="{escape(s.title)}">{inner}</span>')
        pos = b
    out.append(escape(text[pos:end]))
    return "".join(out)


def with_hit(marks: list[Span], start: int, end: int) -> list[Span]:
    """``marks`` plus the words a search found; where they overlap a figure or a speaker the
    figure's link wins (the line is still the anchor, see ``text_html``)."""
    if start >= end or any(start < m.end and m.start < end for m in marks):
        return marks
    return sorted([*marks, Span(start, end, "hit")], key=lambda s: s.start)


def text_html(text: str, kinds: list[tuple[int, int, str]], marks: list[Span], anchor: int | None = None) -> str:
    """One block per line of the original (split on newlines, so offsets stay exact). The line
    holding offset ``anchor`` gets ``id="hit"``, where a search result's link lands."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        kind = _kind_at(kinds, pos, end) if line.strip() else "blank"
        ident = ' id="hit"' if anchor is not None and pos <= anchor <= end else ""
        if ident:
            anchor = None
        out.append(f'<div class="ln {escape(kind)}"{ident}>{_inline(text, pos, end, marks) or " "}</div>')
        pos = end + 1
    return f'<div class="doctext">{"".join(out)}</div>'
