"""The web pages, built from the report's HTML pieces so the site and the report agree."""
from __future__ import annotations

import sqlite3
from html import escape
from urllib.parse import quote

from ..ledger import canonical_speakers
from ..report import html as rh
from ..report.view import ClaimView, DocumentView, MentionView, Section, bounds, documents, sections
from ..safeurl import link_html
from .document import line_kinds, spans, text_html

NAV = '<p class="sub"><a href="/">ledger</a> · <a href="/#documents">documents</a> · <a href="/api/claims">API</a></p>'
PAGE_CSS = """.meta{color:var(--mute);font-size:14px}.meta b{color:var(--ink)}
.figlist td{font-size:13px}.figure-legend{font-size:13px;color:var(--mute);margin:8px 0 16px}
.figure-legend .speaker{text-decoration:underline dotted}.figure-legend .furniture{color:#aab1b8}"""
# The site's one style block: the policy allows it by its hash, so it must not vary per page.
CSS = rh.CSS + PAGE_CSS


def claim_href(c: ClaimView) -> str:
    return f"/claim/{quote(c.claim, safe='')}"


def mention_href(m: MentionView) -> str:
    return f"/doc/{quote(m.doc, safe='')}#f{m.figure_id}"


def doc_href(d: DocumentView) -> str:
    return f"/doc/{quote(d.doc, safe='')}"


LINKS = rh.Links(claim=claim_href, mention=mention_href)


def page(title: str, body: str) -> str:
    return rh.page(title, f"{NAV}{body}", css=CSS)


def overview(conn: sqlite3.Connection, measure: str | None = None, include_other: bool = False) -> str:
    return page("newsledger", rh.overview_body(conn, measure=measure, include_other=include_other,
                                               links=LINKS, doc_href=doc_href))


def document(conn: sqlite3.Connection, doc: str) -> str | None:
    row = conn.execute("SELECT * FROM documents WHERE doc = ?", (doc,)).fetchone()
    if row is None:
        return None
    view = next(d for d in documents(conn) if d.doc == doc)
    marks = spans(conn, row["id"], canonical_speakers(conn), doc)
    meta = [f"<b>{escape(row['outlet'] or 'unknown outlet')}</b>",
            escape((row["published"] or "undated") + (" (date inferred)" if row["published_inferred"] else "")),
            f"language {escape(row['language'] or '?')}", f"{view.figures} figures"]
    if row["duplicate_of"]:
        meta.append(f'copy of <a href="/doc/{quote(row["duplicate_of"], safe="")}">{escape(row["duplicate_of"])}</a>')
    if row["url"]:
        meta.append(link_html(row["url"], "original"))
    body = [f"<h1>{escape(view.label)}</h1>", f'<p class="meta">{" · ".join(meta)}</p>']
    if row["skipped"]:
        body.append(f'<p class="skipped">Figures are not extracted from this document yet: {escape(row["skipped"])}.</p>')
    body.append('<p class="figure-legend"><mark>highlighted</mark> = a figure (links to its claim) · '
                '<span class="speaker">underlined</span> = its speaker · '
                '<span class="furniture">grey</span> = page furniture, not part of the article</p>')
    body.append(text_html(row["text"], line_kinds(conn, row["id"]), marks))
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
            f'<p>{rh.badge(c.status)} {escape(c.note)} — <a href="/#{escape(sec.anchor)}">on its timeline</a></p>']
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
