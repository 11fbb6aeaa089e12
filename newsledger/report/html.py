"""The ledger as one self-contained HTML file (no network, no external assets)."""
from __future__ import annotations

import html as h
import sqlite3

from .view import bounds, sections


def render(conn: sqlite3.Connection, measure: str | None = None) -> str:
    parts = ["<!doctype html><html lang=en><meta charset=utf-8><title>newsledger</title>",
             "<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1200px}"
             "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:4px;text-align:left;vertical-align:top}"
             ".conflict{color:#b00;font-weight:bold}.update{color:#06c}.scope{color:#909}.repeat{color:#888}"
             "details{font-size:12px;color:#444}mark{background:#ffe58a}</style>",
             "<h1>Ledger</h1>"]
    for sec in sections(conn, measure=measure, include_other=False):
        parts.append(f"<h2>{h.escape(sec.measure)}" + (f" — {h.escape(sec.title)}" if sec.title else "") + "</h2>")
        parts.append("<table><tr><th>stated on<th>figure<th>bounds<th>subject<th>speaker<th>reports<th>mark</tr>")
        for c in sec.claims:
            quotes = "".join(
                f"<li><b>{h.escape(m.outlet or m.doc)}</b>{' (copy of ' + h.escape(m.copy_of) + ')' if m.copy_of else ''}: "
                f"{h.escape(m.quote)}</li>" for m in c.mentions)
            parts.append(
                f"<tr><td>{h.escape(c.stated_on or '—')}<td>{h.escape(c.text)}<td>{h.escape(bounds(c.low, c.high, c.unit))}"
                f"<td>{h.escape(c.subject)}<td>{h.escape(c.speaker or '(outlet)')}"
                f"<td>{len(c.mentions)} in {c.independent}<details><summary>{h.escape(', '.join(c.outlets))}</summary><ul>{quotes}</ul></details>"
                f"<td class={c.status}>{h.escape(c.status)} {h.escape(c.note)}</tr>")
        parts.append("</table>")
    parts.append("</html>")
    return "\n".join(parts)
