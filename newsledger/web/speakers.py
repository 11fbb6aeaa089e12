"""Sources: who gave figures, and for each, every figure it gave in time, charted by measure."""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from html import escape

from ..report.chart import legend_html, timeline_svg
from ..report.view import ClaimView, Section, sections
from . import links
from .api import claim_dict
from .filters import Filters, apply
from .tables import figure_table


def speaker_list(rows: list[dict]) -> list[dict]:
    """Every named source with how many figures and claims it gave, where, and over which days."""
    by: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["speaker"]:
            by[r["speaker"]].append(r)
    out = []
    for name, rs in by.items():
        dates = sorted(r["date"] for r in rs if r["date"])
        out.append({"speaker": name, "figures": len(rs), "claims": len({r["claim"] or r["figure_id"] for r in rs}),
                    "outlets": sorted({r["outlet"] for r in rs if r["outlet"]}),
                    "measures": sorted({r["measure"] for r in rs if r["measure"]}),
                    "first": dates[0] if dates else None, "last": dates[-1] if dates else None})
    return sorted(out, key=lambda s: (-s["figures"], s["speaker"].casefold()))


@dataclass
class SpeakerView:
    name: str
    figures: list[dict]                       # every mention, in time
    claims: list[tuple[ClaimView, str | None]] = field(default_factory=list)   # (claim, story), in time

    def as_dict(self) -> dict:
        return {"speaker": self.name, "figures": self.figures,
                "claims": [claim_dict(c, story) for c, story in self.claims]}


def load(conn: sqlite3.Connection, name: str, rows: list[dict]) -> SpeakerView | None:
    figs = apply(Filters(sort="date"), [r for r in rows if r["speaker"] == name])
    if not figs:
        return None
    claims = [(c, sec.story) for sec in sections(conn, include_other=True) for c in sec.claims if c.speaker == name]
    claims.sort(key=lambda cs: (cs[0].stated_on or "9999", cs[0].measure))
    return SpeakerView(name, figs, claims)


def _charts(view: SpeakerView) -> str:
    by_measure: dict[str, list[ClaimView]] = defaultdict(list)
    for c, _ in view.claims:
        by_measure[c.measure].append(c)
    out = []
    for measure, cs in by_measure.items():
        sec = Section(None, measure, cs)
        svg = timeline_svg(sec, href=lambda c: links.claim(c.claim))
        if svg:
            out.append(f'<h3>{escape(measure)}</h3><div class="chart">{svg}</div>{legend_html(sec)}')
    return "".join(out)


def page_body(view: SpeakerView) -> str:
    outlets = sorted({r["outlet"] for r in view.figures if r["outlet"]})
    return "".join([
        f'<h1>{escape(view.name)}</h1>',
        f'<p class="sub">{len(view.figures)} figures in {len(view.claims)} claims, reported by '
        f'{escape(", ".join(outlets) or "no named outlet")} · '
        f'<a href="{escape(links.figures(speaker=view.name))}">filter them in the figures list</a> · '
        f'<a href="/api/speakers/{escape(links.speaker(view.name)[len("/speaker/"):])}">JSON</a></p>',
        _charts(view),
        "<h2>Every figure, in time</h2>", figure_table(view.figures),
    ])


def list_body(speakers: list[dict]) -> str:
    rows = "".join(
        f'<tr><td><a href="{escape(links.speaker(s["speaker"]))}">{escape(s["speaker"])}</a></td>'
        f'<td class="num">{s["figures"]}</td><td class="num">{s["claims"]}</td>'
        f'<td>{escape(", ".join(s["measures"]))}</td><td>{escape(", ".join(s["outlets"]))}</td>'
        f'<td class="num">{escape(s["first"] or "—")} – {escape(s["last"] or "—")}</td></tr>' for s in speakers)
    return ("<h1>Sources</h1><p class=\"sub\">Every named source that gave a figure, most figures first.</p>"
            '<table class="speakers"><thead><tr><th>source</th><th>figures</th><th>claims</th><th>measures</th>'
            f'<th>reported by</th><th>days</th></tr></thead><tbody>{rows}</tbody></table>')
