"""A series: the claims that count the same thing (``link.series``), charted over time, with
their marks, the consensus band and the conflicts within it, the ones most worth checking first."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from html import escape

from ..link.timeline import consensus, rank_conflicts
from ..report import html as rh
from ..report.chart import legend_html, timeline_svg
from ..report.view import Section, sections
from . import links
from .api import claim_dict, conflict_dict
from .pages import LINKS


@dataclass
class SeriesView:
    series: str
    section: Section        # the series' claims in date order, its band and its conflicts, ranked
    stories: list[str]
    story_labels: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.section.claims[0].series_label or self.series

    def as_dict(self) -> dict:
        b = self.section.band
        return {"series": self.series, "label": self.label, "measure": self.section.measure,
                "stories": self.stories,
                "band": None if b is None else {"low": b.low, "best": b.best, "high": b.high, "agree": b.agree,
                                                "sources": b.sources, "unit": b.unit, "about": b.about},
                "claims": [claim_dict(c, self.section.story) for c in self.section.claims],
                "conflicts": [conflict_dict(k, i + 1) for i, k in enumerate(self.section.conflicts)]}


def load(conn: sqlite3.Connection, series: str) -> SeriesView | None:
    """The series' claims from every section (a series is keyed by what it counts, so the same
    count told in two stories is one series; its marks were set within each story)."""
    claims, conflicts, stories, labels = [], [], [], {}
    for sec in sections(conn, include_other=True):
        mine = [c for c in sec.claims if c.series == series]
        if not mine:
            continue
        claims += mine
        stories.append(sec.story)
        labels[sec.story] = sec.label
        conflicts += [k for k in sec.conflicts if k.a.series == series or k.b.series == series]
    if not claims:
        return None
    claims.sort(key=lambda c: (c.stated_on or "9999", c.speaker or "", c.low or 0))
    sec = Section(stories[0] if len(stories) == 1 else None, claims[0].measure, claims,
                  title=claims[0].series_label, conflicts=rank_conflicts(conflicts), band=consensus(claims))
    return SeriesView(series, sec, [s for s in stories if s], {k: v for k, v in labels.items() if k})


def page_body(view: SeriesView) -> str:
    sec = view.section
    chart = timeline_svg(sec, href=LINKS.claim)
    labels = view.story_labels
    stories = " · ".join(f'<a href="{escape(links.story(s))}">{escape(labels.get(s) or "story " + s)}</a>'
                         for s in view.stories)
    parts = [f"<h1>{escape(view.label)}</h1>",
             f'<p class="sub">series {escape(view.series)} · {len(sec.claims)} claims · {stories} · '
             f'<a href="{escape(links.figures(series=view.series))}">its figures</a> · '
             f'<a href="/api/series/{escape(view.series)}">JSON</a></p>']
    if chart:
        parts.append(f'<div class="chart">{chart}</div>{legend_html(sec)}')
    parts.append(rh.band_html(sec))
    if sec.conflicts:
        parts.append(f'<div id="conflicts">{rh.conflicts_html(sec.conflicts, LINKS)}</div>')
    else:
        parts.append('<p class="note">No conflicts in this series.</p>')
    parts += ['<h2 id="claims">Claims and their marks</h2>', rh.claims_table(sec, LINKS)]
    return "".join(parts)
