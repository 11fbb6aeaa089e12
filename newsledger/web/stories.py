"""Stories: the developing stories the ledger joined (``link.developing``), each with its label
(the kind of event and its place), its reports — copies marked with how they copy — and its
timelines."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from html import escape

from ..report import html as rh
from ..report.view import DocumentView, Section, documents, sections, story_labels
from ..safeurl import link_html
from . import links
from .copies import original_of
from .pages import LINKS


def _story(d: DocumentView) -> str:
    return d.story or d.doc


def story_list(conn: sqlite3.Connection) -> list[dict]:
    labels = story_labels(conn)
    out: dict[str, dict] = {}
    for d in documents(conn):  # date order: the first document opens the story
        s = out.setdefault(_story(d), {"story": _story(d), "label": labels.get(_story(d), _story(d)),
                                       "documents": 0, "figures": 0, "outlets": [], "first": None, "last": None})
        s["documents"] += 1
        s["figures"] += d.figures
        if d.outlet and d.outlet not in s["outlets"]:
            s["outlets"].append(d.outlet)
        if d.published:
            s["first"] = s["first"] or d.published
            s["last"] = d.published
    return list(out.values())


@dataclass
class StoryView:
    story: str
    label: str
    documents: list[DocumentView]
    copies: dict[str, tuple[str, str]]      # doc -> (original, copy kind)
    sections: list[Section]

    def as_dict(self) -> dict:
        from .api import claim_dict
        return {"story": self.story, "label": self.label,
                "documents": [{"doc": d.doc, "title": d.label, "outlet": d.outlet, "published": d.published,
                               "url": d.url, "figures": d.figures,
                               "copy_of": self.copies.get(d.doc, (None, None))[0],
                               "copy_kind": self.copies.get(d.doc, (None, None))[1]} for d in self.documents],
                "series": sorted({(c.series, c.series_label) for s in self.sections for c in s.claims}),
                "claims": [claim_dict(c, s.story) for s in self.sections for c in s.claims]}


def load(conn: sqlite3.Connection, story: str) -> StoryView | None:
    docs = [d for d in documents(conn) if _story(d) == story]
    if not docs:
        return None
    copies = {}
    for d in docs:
        orig = original_of(conn, d.doc) if d.duplicate_of else None
        if orig:
            copies[d.doc] = (orig.doc, orig.kind)
    secs = [s for s in sections(conn, include_other=True) if (s.story or "") == (docs[0].story or "")]
    return StoryView(story, story_labels(conn).get(story, story), docs, copies, secs)


def _documents_table(view: StoryView) -> str:
    rows = []
    for d in view.documents:
        copy = ""
        if d.doc in view.copies:
            orig, kind = view.copies[d.doc]
            copy = (f'<span class="badge copy-{escape(kind)}">{escape(kind)}</span> copy of '
                    f'<a href="{escape(links.doc(orig))}">{escape(orig)}</a>')
        rows.append(f'<tr><td class="num">{escape(d.published or "—")}</td><td>{escape(d.outlet or "—")}</td>'
                    f'<td><a href="{escape(links.doc(d.doc))}">{escape(d.label)}</a></td>'
                    f'<td class="num">{d.figures}</td><td>{copy}</td><td>{link_html(d.url, "original")}</td></tr>')
    return ('<table class="docs"><thead><tr><th>published</th><th>outlet</th><th>document</th><th>figures</th>'
            f'<th>copy</th><th>original</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def page_body(view: StoryView) -> str:
    series = sorted({(c.series, c.series_label) for s in view.sections for c in s.claims if c.series},
                    key=lambda kv: kv[1])
    series_html = " · ".join(f'<a href="{escape(links.series(i))}">{escape(label or i)}</a>' for i, label in series)
    return "".join([
        f'<h1><span class="story-label">{escape(view.label)}</span></h1>',
        f'<p class="sub">story {escape(view.story)} · {len(view.documents)} reports · '
        f'<a href="{escape(links.figures(story=view.story))}">its figures</a> · '
        f'<a href="/api/stories/{escape(links.story(view.story)[len("/story/"):])}">JSON</a></p>',
        f'<p><b>Series:</b> {series_html or "none"}</p>' ,
        "<h2>Reports</h2>", _documents_table(view),
        *(rh.section_html(s, LINKS) for s in view.sections),
    ])


def list_body(stories: list[dict]) -> str:
    rows = "".join(
        f'<tr><td><a href="{escape(links.story(s["story"]))}">{escape(s["label"])}</a></td>'
        f'<td class="num">{escape(s["first"] or "—")} – {escape(s["last"] or "—")}</td>'
        f'<td class="num">{s["documents"]}</td><td class="num">{s["figures"]}</td>'
        f'<td>{escape(", ".join(s["outlets"]))}</td></tr>' for s in stories)
    return ('<h1>Stories</h1><p class="sub">The developing stories the ledger joined, in order of their first report.</p>'
            '<table class="stories"><thead><tr><th>story</th><th>days</th><th>reports</th><th>figures</th>'
            f'<th>outlets</th></tr></thead><tbody>{rows}</tbody></table>')
