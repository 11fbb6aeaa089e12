"""The ledger in the terminal (Rich) and as Markdown."""
from __future__ import annotations

import sqlite3

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..link.timeline import consensus
from .view import bounds, documents, sections

_STATUS_STYLE = {"first": "", "repeat": "dim", "update": "cyan", "scope": "magenta", "conflict": "bold red"}


def render(conn: sqlite3.Connection, console: Console, measure: str | None = None, include_other: bool = False) -> None:
    secs = sections(conn, measure=measure, include_other=include_other)
    if not secs:
        console.print("The ledger has no figures yet" + (f" of measure {measure!r}" if measure else "") + ".")
    for sec in secs:
        # article words may hold brackets ("[Russia's]"): never let Rich read them as markup
        title = f"[bold]{sec.measure}[/]" + (f" — {escape(sec.label)}" if sec.label else "") + \
            (f" — {escape(repr(sec.title[:70]))}" if sec.title and sec.title != sec.label else "")
        t = Table(title=title, title_justify="left", show_lines=False, expand=False)
        for col in ("stated on", "figure", "bounds", "series", "speaker", "reports", "mark"):
            t.add_column(col, overflow="fold")
        for c in sec.claims:
            outlets = ", ".join(c.outlets)
            reports = f"{len(c.mentions)} in {c.independent} ind. ({outlets})"
            style = _STATUS_STYLE.get(c.status, "")
            mark = escape(c.status + (f": {c.note}" if c.note else ""))
            t.add_row(c.stated_on or "—", escape(c.text), bounds(c.low, c.high, c.unit), escape(c.series_label[:48]),
                      escape(c.speaker) if c.speaker else "[dim](outlet)[/]", escape(reports),
                      f"[{style}]{mark}[/]" if style else mark)
        console.print(t)
        for rank, k in enumerate(sec.conflicts, 1):
            console.print(f"  [bold red]conflict {rank}[/] {escape(conflict_line(k))}")
        band = sec.band if sec.band is not None else consensus(sec.claims)
        if band and sec.measure not in {"money", "other"}:
            console.print(f"  consensus: low {bounds(band.low, band.low)}  best {bounds(band.best, band.best)}  "
                          f"high {bounds(band.high, band.high)}" + ("" if band.agree else "  [red](sources disagree)[/]"))
        console.print()
    skipped = [d for d in documents(conn) if d.skipped]
    if skipped:
        console.print(f"[yellow]{len(skipped)} document(s) stored but not extracted yet[/] "
                      f"(figures are extracted from English only): " + escape(", ".join(d.doc for d in skipped)))


def conflict_line(k) -> str:
    """Both sides of a conflict in words: who said what, where, and why they cannot both hold."""
    def side(c, m):
        where = f" in {m.outlet or m.doc}" if m is not None else ""
        return f"{c.speaker or 'the outlet'}: “{(m.text if m is not None else c.text)}”{where} ({c.stated_on or 'undated'})"
    if k.kind == "wording":
        return f"the reports of one statement disagree — {k.note}"
    return f"{side(k.a, k.a_mention)} against {side(k.b, k.b_mention)} — {k.b.series_label}"


def markdown(conn: sqlite3.Connection, measure: str | None = None, include_other: bool = False) -> str:
    lines = ["# Ledger", ""]
    for sec in sections(conn, measure=measure, include_other=include_other):
        lines += [f"## {sec.measure}" + (f" — {sec.label}" if sec.label else "") +
                  (f" — {sec.title}" if sec.title and sec.title != sec.label else ""), "",
                  "| stated on | figure | bounds | series | speaker | reports | mark |", "|---|---|---|---|---|---|---|"]
        for c in sec.claims:
            lines.append(f"| {c.stated_on or '—'} | {c.text} | {bounds(c.low, c.high, c.unit)} | {c.series_label} | "
                         f"{c.speaker or '(outlet)'} | {len(c.mentions)}: {', '.join(c.outlets)} | {c.status} |")
        lines += [f"- conflict {rank}: {conflict_line(k)}" for rank, k in enumerate(sec.conflicts, 1)]
        lines.append("")
    return "\n".join(lines)
