"""The web pages, built from the report's HTML pieces so the site and the report agree."""
from __future__ import annotations

import sqlite3
from html import escape
from urllib.parse import quote

from ..ledger import canonical_speakers
from ..report import html as rh
from ..report.view import ClaimView, DocumentView, MentionView, Section, bounds, documents, sections
from ..safeurl import link_html
from . import links
from .copies import KIND_WORDS, copies_of, original_of
from .document import line_kinds, spans, text_html, with_hit

# No search box here: a form on every page would put one on the pages the hostile-input tests
# hold to "nothing live"; the search page has its own.
NAV = ('<nav class="site"><a href="/">ledger</a> · <a href="/figures">figures</a> · <a href="/search">search</a> · '
       '<a href="/speakers">sources</a> · <a href="/stories">stories</a> · <a href="/#documents">documents</a> · '
       '<a href="/docs">API</a></nav>')
PAGE_CSS = """.meta{color:var(--mute);font-size:14px}.meta b{color:var(--ink)}
.figlist td{font-size:13px}.figure-legend{font-size:13px;color:var(--mute);margin:8px 0 16px}
.figure-legend .speaker{text-decoration:underline dotted}.figure-legend .furniture{color:#aab1b8}
body{max-width:1360px}
nav.site{font-size:14px;margin:0 0 12px;padding-bottom:8px;border-bottom:1px solid var(--line)}
form.filters{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:flex-end;background:var(--soft);padding:10px 14px;
 border-radius:6px;margin:8px 0 14px;font-size:13px}
form.filters label{display:flex;flex-direction:column;color:var(--mute);gap:2px}
form.filters select,form.filters input{font:inherit;max-width:220px;padding:3px 4px}
form.search{display:flex;gap:8px;margin:8px 0}form.search input{flex:1;max-width:520px;font:inherit;padding:6px 8px}
button{font:inherit;padding:4px 14px;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px;cursor:pointer}
.workspace{display:grid;grid-template-columns:220px 1fr;gap:20px;align-items:start}
.results{overflow-x:auto}
aside.facets{font-size:13px}aside.facets ul{list-style:none;margin:0 0 12px;padding:0}
aside.facets li{margin:2px 0}aside.facets li.on a{font-weight:700}aside.facets .n{color:var(--mute)}
aside.facets h4{margin:8px 0 4px}
.chips{margin:6px 0}.chip{display:inline-block;background:#e7f0fb;border-radius:12px;padding:1px 10px;margin:0 6px 4px 0;font-size:13px}
.clear{font-size:13px}.pager{font-size:13px;color:var(--mute)}.empty{color:var(--mute);font-style:italic}
table.figures td{font-size:13px}table.figures td.sentence{min-width:320px}
ol.hits{padding-left:22px}ol.hits li{margin:0 0 12px}.snippet{font-size:14px;color:var(--ink)}
ol.conflicts{padding-left:22px}
.copy-exact{background:#fde2e1;color:#a4161a}.copy-edited{background:#fff3bf;color:#7a5b00}.copy-rewrite{background:#f1e4fb;color:#6b2a91}
.copies-of{font-size:14px;margin:4px 0 12px}
.doctext .ln:target{background:#fff8db}.doctext mark.hit{background:#a5d8ff}
.story-label{text-transform:none}"""
# The site's one style block: the policy allows it by its hash, so it must not vary per page.
CSS = rh.CSS + PAGE_CSS


def claim_href(c: ClaimView) -> str:
    return links.claim(c.claim)


def mention_href(m: MentionView) -> str:
    return links.figure(m.doc, m.figure_id)


def doc_href(d: DocumentView) -> str:
    return links.doc(d.doc)


LINKS = rh.Links(claim=claim_href, mention=mention_href)


def page(title: str, body: str) -> str:
    return rh.page(title, f"{NAV}{body}", css=CSS)


def overview(conn: sqlite3.Connection, measure: str | None = None, include_other: bool = False) -> str:
    return page("newsledger", rh.overview_body(conn, measure=measure, include_other=include_other,
                                               links=LINKS, doc_href=doc_href))


def document(conn: sqlite3.Connection, doc: str, at: tuple[int, int] | None = None) -> str | None:
    """The document page; ``at`` (offsets) marks the words a search found and anchors their line."""
    row = conn.execute("SELECT * FROM documents WHERE doc = ?", (doc,)).fetchone()
    if row is None:
        return None
    view = next(d for d in documents(conn) if d.doc == doc)
    marks = spans(conn, row["id"], canonical_speakers(conn), doc)
    if at is not None:
        marks = with_hit(marks, *at)
    meta = [f"<b>{escape(row['outlet'] or 'unknown outlet')}</b>",
            escape((row["published"] or "undated") + (" (date inferred)" if row["published_inferred"] else "")),
            f"language {escape(row['language'] or '?')}", f"{view.figures} figures"]
    if row["story"]:
        meta.append(f'<a href="{escape(links.story(row["story"]))}">its story</a>')
    orig = original_of(conn, doc)
    if orig is not None:
        meta.append(f'copy of <a href="/doc/{quote(orig.doc, safe="")}">{escape(orig.doc)}</a> '
                    f'<span class="badge copy-{escape(orig.kind)}" title="{escape(KIND_WORDS.get(orig.kind, ""))}">'
                    f'{escape(orig.kind)}</span>')
    elif row["duplicate_of"]:
        meta.append(f'copy of <a href="/doc/{quote(row["duplicate_of"], safe="")}">{escape(row["duplicate_of"])}</a>')
    if row["url"]:
        meta.append(link_html(row["url"], "original"))
    body = [f"<h1>{escape(view.label)}</h1>", f'<p class="meta">{" · ".join(meta)}</p>']
    if orig is not None:
        body.append(f'<p class="copies-of">This report is {escape(KIND_WORDS.get(orig.kind, orig.kind))} of '
                    f'{escape(orig.outlet or orig.doc)}\'s report of {escape(orig.published or "an unknown date")}.</p>')
    copies = copies_of(conn, doc)
    if copies:
        body.append('<p class="copies-of">Copied by: ' + ", ".join(
            f'<a href="/doc/{quote(c.doc, safe="")}">{escape(c.outlet or c.doc)}</a> '
            f'<span class="badge copy-{escape(c.kind)}">{escape(c.kind)}</span>' for c in copies) + "</p>")
    if row["skipped"]:
        body.append(f'<p class="skipped">Figures are not extracted from this document yet: {escape(row["skipped"])}.</p>')
    body.append('<p class="figure-legend"><mark>highlighted</mark> = a figure (links to its claim) · '
                '<span class="speaker">underlined</span> = its speaker · '
                '<span class="furniture">grey</span> = page furniture, not part of the article</p>')
    body.append(text_html(row["text"], line_kinds(conn, row["id"]), marks, anchor=at[0] if at else None))
    return page(view.label, "".join(body))


def find_claim(conn: sqlite3.Connection, claim: str) -> tuple[Section, ClaimView] | None:
    for sec in sections(conn, include_other=True):
        for c in sec.claims:
            if c.claim == claim:
                return sec, c
    return None


def claim(conn: sqlite3.Connection, claim_id: str) -> str | None:
    found = find_claim(conn, claim_id)
    if found is None:
        return None
    sec, c = found
    body = [f"<h1>“{escape(c.text)}” — {escape(c.speaker or rh.OUTLET)}</h1>",
            f'<p class="meta"><b>{escape(bounds(c.low, c.high, c.unit))}</b> {escape(c.measure)} · '
            f'{escape(c.subject)} · stated on {escape(c.stated_on or "an unknown date")}'
            + (f" · {escape(c.period)}" if c.period else "")
            + f' · {len(c.mentions)} mentions in {c.independent} independent reports</p>',
            f'<p>{rh.badge(c.status)} {escape(c.note)} — <a href="/#{escape(sec.anchor)}">on its timeline</a>'
            + (f' · series <a href="{escape(links.series(c.series))}">{escape(c.series_label or c.series)}</a>'
               if c.series else "")
            + (f' · every figure from <a href="{escape(links.speaker(c.speaker))}">{escape(c.speaker)}</a>'
               if c.speaker else "")
            + (f' · <a href="{escape(links.story(sec.story))}">its story</a>' if sec.story else "") + '</p>']
    own = [k for k in sec.conflicts if c is k.a or c is k.b]
    body.append(rh.conflicts_html(own, LINKS))
    body.append("<h4>Every mention</h4><table class=figlist><thead><tr><th>source</th><th>published</th>"
                "<th>as written</th><th>bounds</th><th>speaker as written</th><th>hedges</th><th>sentence</th>"
                "</tr></thead><tbody>")
    for m in c.mentions:
        copy = f'<span class="note">copy of {escape(m.copy_of)}</span>' if m.copy_of else ""
        body.append(f'<tr><td><a href="{escape(mention_href(m))}">{escape(m.source)}</a>{copy}</td>'
                    f'<td class=num>{escape(m.published or "—")}</td><td class=fig>{escape(m.text)}</td>'
                    f'<td class=num>{escape(bounds(m.low, m.high, m.unit))}</td><td>{escape(m.speaker or "—")}</td>'
                    f'<td>{escape(", ".join(m.hedges))}</td><td>{rh.quote_html(m)}</td></tr>')
    body.append("</tbody></table>")
    return page(f"claim {c.claim}", "".join(body))
