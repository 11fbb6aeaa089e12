"""The ledger as HTML: one self-contained report file, and the pieces the web app reuses.

Everything the ledger holds came from articles, so every string is escaped on its way out.
Nothing is fetched: CSS is inline, charts are inline SVG, there is no script. The only outside
addresses are links to the originals, and only http(s) ones (``safeurl``).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ..csp import policy
from ..link.timeline import BAND_RULE, Conflict
from ..safeurl import link_html
from .chart import OUTLET, legend_html, timeline_svg
from .view import ClaimView, DocumentView, MentionView, Section, bounds, documents, sections

CSS = """
:root{--ink:#1d232a;--mute:#66707a;--line:#e3e6ea;--bg:#fff;--soft:#f6f7f9;--accent:#0b5cad}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);
 background:var(--bg);margin:0 auto;padding:24px 32px 64px;max-width:1180px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:40px 0 2px;padding-top:16px;border-top:2px solid var(--line)}
h3{font-size:18px;margin:28px 0 2px}
h4{font-size:13px;margin:16px 0 6px;color:var(--mute);text-transform:uppercase;letter-spacing:.05em}
section.measure{border-left:3px solid var(--line);padding-left:16px;margin:16px 0 32px}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
.sub{color:var(--mute);margin:0 0 8px}.story{color:var(--mute);font-size:14px}
nav.toc{columns:2;font-size:14px;background:var(--soft);padding:10px 16px;border-radius:6px}
nav.toc>div{break-inside:avoid;margin:0 0 6px}
table{border-collapse:collapse;width:100%;font-size:14px}
th{font-weight:600;color:var(--mute);text-align:left;border-bottom:2px solid var(--line);padding:6px 8px;white-space:nowrap}
td{border-bottom:1px solid var(--line);padding:6px 8px;vertical-align:top}
tr.claim td{border-bottom:none;padding-bottom:2px}
tr.carried td{padding-top:0;font-size:13px}
td.num{white-space:nowrap;font-variant-numeric:tabular-nums}
.fig{font-weight:600}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;background:#e9ecef;color:#444}
.b-update{background:#dbeafe;color:#0b4f9c}.b-scope{background:#f1e4fb;color:#6b2a91}
.b-conflict{background:#fde2e1;color:#a4161a}.b-repeat{background:#f1f3f5;color:#868e96}
.b-consistent{background:#dcf5e3;color:#1e6b34}.b-first{background:#eef0f2;color:#495057}
.note{color:var(--mute);font-size:12px;display:block}
ul.mentions{list-style:none;margin:2px 0 4px;padding:0}
ul.mentions li{margin:3px 0;padding-left:10px;border-left:3px solid var(--line)}
.src{font-weight:600}.date{color:var(--mute)}
.quote{font-style:normal}
mark{background:#ffe58a;padding:0 2px;border-radius:2px}
details>summary{cursor:pointer;color:var(--mute)}
details.copies{margin:2px 0 2px 12px}
.chart{margin:8px 0 4px;overflow-x:auto}
svg.timeline{max-width:100%;height:auto;font:12px system-ui,"DejaVu Sans",sans-serif}
svg .grid{stroke:#eef0f2}svg .axis{stroke:#adb5bd}svg .tick{fill:#66707a}
svg .band{fill:#6c757d;fill-opacity:.10}svg .best{stroke:#6c757d;stroke-dasharray:6 4}
svg .bandlabel{fill:#495057;font-size:11px}svg .halo{fill:none;stroke:#d62828;stroke-width:2;stroke-opacity:.7}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:13px;margin:2px 0}
.key svg{vertical-align:-2px}.hint{color:var(--mute);font-size:12px}
.band-line{background:var(--soft);border-radius:6px;padding:8px 12px;margin:10px 0}
.band-line .rule{display:block;color:var(--mute);font-size:12px}
.disagree{color:#a4161a;font-weight:600}
.conflict{border:1px solid #f3c4c2;background:#fff8f7;border-radius:6px;padding:8px 12px;margin:8px 0}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin-top:6px}
.sides blockquote{margin:0;padding:6px 10px;background:#fff;border-left:3px solid #f3c4c2;font-size:13px}
.skipped{color:var(--mute)}
.unlinked{color:var(--mute);font-size:12px;word-break:break-all}
.doctext{white-space:pre-wrap;font:15px/1.6 Georgia,"DejaVu Serif",serif;max-width:780px}
.doctext .ln{min-height:1.2em}.doctext .furniture,.doctext .blank{color:#aab1b8}
.doctext .title,.doctext .heading{font-weight:700;font-family:system-ui,"DejaVu Sans",sans-serif}
.doctext a.figure{background:#ffe58a;color:inherit;border-radius:2px;padding:0 1px}
.doctext a.figure:target,.doctext a.figure:hover{outline:2px solid #e0a800}
.doctext .speaker{text-decoration:underline dotted #0b5cad}
footer{margin-top:48px;color:var(--mute);font-size:12px}
"""


@dataclass
class Links:
    """Where a claim or a mention points. The offline report links claims to their rows and has
    no document pages; the web app links both to its pages."""
    claim: Callable[[ClaimView], str | None] = lambda c: f"#c-{c.claim}"
    mention: Callable[[MentionView], str | None] = lambda m: None


def page(title: str, body: str, css: str = CSS) -> str:
    """A whole page; ``css`` is its only style. The policy comes before the style it allows,
    and goes with the file, since an offline report is opened with no server to send headers."""
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{escape(policy(css))}">'
            f'<meta name="referrer" content="no-referrer">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<title>{escape(title)}</title><style>{css}</style></head>\n<body>\n{body}\n</body></html>\n')


def quote_html(m: MentionView) -> str:
    """The sentence with the figure marked."""
    before, fig, after = m.quote_parts()
    return f'<span class="quote">{escape(before)}<mark>{escape(fig)}</mark>{escape(after)}</span>'


def mention_html(m: MentionView, links: Links) -> str:
    href = links.mention(m)
    src = escape(m.source)
    src = f'<a class="src" href="{escape(href)}">{src}</a>' if href else f'<span class="src">{src}</span>'
    date = f' <span class="date">{escape(m.published)}</span>' if m.published else ""
    return f"<li>{src}{date}: {quote_html(m)}</li>"


def carried_html(c: ClaimView, links: Links) -> str:
    """Each original's mentions, its copies folded beneath it."""
    items = []
    for head, rest in c.families():
        same_doc = [m for m in rest if m.doc == head.doc]
        copies = [m for m in rest if m.doc != head.doc]
        inner = "".join(mention_html(m, links) for m in [head, *same_doc])
        if copies:
            n_docs = len({m.doc for m in copies})
            label = f"{n_docs} cop{'ies' if n_docs > 1 else 'y'}: " + ", ".join(dict.fromkeys(m.source for m in copies))
            inner += (f'<li><details class="copies"><summary>{escape(label)}</summary><ul class="mentions">'
                      + "".join(mention_html(m, links) for m in copies) + "</ul></details></li>")
        items.append(inner)
    return f'<ul class="mentions">{"".join(items)}</ul>'


def badge(status: str) -> str:
    return f'<span class="badge b-{escape(status)}">{escape(status)}</span>' if status else ""


def claims_table(sec: Section, links: Links) -> str:
    rows = ['<table class="claims"><thead><tr><th>stated on</th><th>figure</th><th>bounds</th><th>subject · series</th>'
            '<th>speaker</th><th>mark</th><th>reports</th></tr></thead><tbody>']
    for c in sec.claims:
        href = links.claim(c)
        fig = escape(c.text)
        fig = f'<a href="{escape(href)}">{fig}</a>' if href else fig
        period = f'<span class="note">{escape(c.period)}</span>' if c.period else ""
        reports = f"{len(c.mentions)} mention{'s' if len(c.mentions) != 1 else ''}<span class=note>{c.independent} independent</span>"
        rows.append(
            f'<tr class="claim" id="c-{escape(c.claim)}"><td class="num">{escape(c.stated_on or "undated")}</td>'
            f'<td class="fig">{fig}</td><td class="num">{escape(bounds(c.low, c.high, c.unit))}{period}</td>'
            f'<td>{escape(c.subject)}<span class="note">{escape(c.series_label)}</span></td><td>{escape(c.speaker or OUTLET)}</td>'
            f'<td>{badge(c.status)}<span class="note">{escape(c.note)}</span></td><td class="num">{reports}</td></tr>'
            f'<tr class="carried"><td></td><td colspan="6">{carried_html(c, links)}</td></tr>')
    rows.append("</tbody></table>")
    return "".join(rows)


def band_html(sec: Section) -> str:
    b = sec.band
    if b is None or b.best is None:
        return ""
    best = round(b.best) if abs(b.best) >= 10 else b.best
    about = f" about {escape(b.about)}" if b.about else ""
    verdict = ' <span class="disagree">the sources disagree</span>' if not b.agree else ""
    return (f'<div class="band-line"><b>Consensus</b>{about}: low <b>{escape(bounds(b.low, b.low, b.unit))}</b> · '
            f'best <b>{escape(bounds(best, best, b.unit))}</b> · high <b>{escape(bounds(b.high, b.high, b.unit)) if b.high is not None else "open"}</b>'
            f' from {b.sources} source{"s" if b.sources != 1 else ""}{verdict}'
            f'<span class="rule">{escape(BAND_RULE)}</span></div>')


def _side(c: ClaimView, m: MentionView | None, links: Links) -> str:
    who = escape(c.speaker or OUTLET)
    if m is None:
        return f"<blockquote><b>{who}</b>: “{escape(c.text)}”</blockquote>"
    href = links.mention(m)
    src = f'<a href="{escape(href)}">{escape(m.source)}</a>' if href else escape(m.source)
    return (f"<blockquote><b>{who}</b>, {escape(c.stated_on or 'undated')}, as reported by {src}:<br>"
            f"{quote_html(m)}</blockquote>")


def conflicts_html(conflicts: list[Conflict], links: Links) -> str:
    if not conflicts:
        return ""
    out = ["<h4>Conflicts, most worth checking first</h4>"]
    for rank, k in enumerate(conflicts, 1):
        head = (f"{rank}. Two sources give figures for one series ({k.b.series_label}) at about the same time "
                "that cannot both be true" if k.kind == "claims"
                else f"{rank}. Outlets report one statement with figures that cannot both be right")
        out.append(f'<div class="conflict"><b>{escape(head)}</b><span class="note">{escape(k.note)}</span>'
                   f'<div class="sides">{_side(k.a, k.a_mention, links)}{_side(k.b, k.b_mention, links)}</div></div>')
    return "".join(out)


def section_html(sec: Section, links: Links | None = None) -> str:
    links = links or Links()
    chart = timeline_svg(sec, href=links.claim)
    parts = [f'<section class="measure" id="{escape(sec.anchor)}"><h3>{escape(sec.measure)}</h3>']
    if chart:
        parts.append(f'<div class="chart">{chart}</div>{legend_html(sec)}')
    parts += [band_html(sec), conflicts_html(sec.conflicts, links), "<h4>Claims</h4>", claims_table(sec, links),
              "</section>"]
    return "".join(parts)


def documents_html(docs: list[DocumentView], doc_href: Callable[[DocumentView], str | None] | None = None) -> str:
    rows = ['<table class="docs"><thead><tr><th>published</th><th>outlet</th><th>title</th><th>language</th>'
            '<th>figures</th><th>copy of</th><th>document</th></tr></thead><tbody>']
    for d in docs:
        href = doc_href(d) if doc_href else None
        name = f'<a href="{escape(href)}">{escape(d.doc)}</a>' if href else escape(d.doc)
        pub = escape((d.published or "—") + (" (inferred)" if d.published_inferred else ""))
        lang = escape(d.language or "?")
        figs = str(d.figures)
        if d.skipped:
            figs = '<span class="skipped">not extracted yet</span>'
        rows.append(f"<tr><td class=num>{pub}</td><td>{escape(d.outlet or '—')}</td><td>{link_html(d.url, d.label)}</td>"
                    f"<td>{lang}</td><td>{figs}</td><td>{escape(d.duplicate_of or '')}</td><td>{name}</td></tr>")
    rows.append("</tbody></table>")
    skipped = [d for d in docs if d.skipped]
    note = ""
    if skipped:
        note = ("<p class=skipped>Not in English, stored but their figures are not extracted yet: "
                + ", ".join(f"{escape(d.doc)} ({escape(d.language or '?')}: {escape(d.skipped)})" for d in skipped)
                + ".</p>")
    return note + "".join(rows)


def by_story(secs: list[Section]) -> list[tuple[str, list[Section]]]:
    """Sections under their story, in the order ``sections`` gives (stories by first date)."""
    out: dict[str, list[Section]] = {}
    for s in secs:
        out.setdefault(s.story or "", []).append(s)
    return list(out.items())


def story_title(secs: list[Section]) -> str:
    """The story's label (what happened, where) and its earliest headline."""
    label, title = secs[0].label, secs[0].title
    if label and title and label != title:
        return f"{label} — {title}"
    return label or title or secs[0].story or "documents in no story"


def toc_html(secs: list[Section]) -> str:
    items = []
    for story, ss in by_story(secs):
        measures = " · ".join(f'<a href="#{escape(s.anchor)}">{escape(s.measure)} ({len(s.claims)})</a>' for s in ss)
        items.append(f'<div><a href="#story-{escape(story)}">{escape(story_title(ss))}</a><br>'
                     f'<span class="note">{measures}</span></div>')
    return f'<nav class="toc">{"".join(items)}</nav>' if items else ""


def stories_html(secs: list[Section], links: Links | None = None) -> str:
    parts = []
    for story, ss in by_story(secs):
        parts.append(f'<h2 id="story-{escape(story)}">{escape(story_title(ss))}</h2>')
        parts += [section_html(s, links) for s in ss]
    return "".join(parts)


def overview_body(conn: sqlite3.Connection, measure: str | None = None, include_other: bool = False,
                  links: Links | None = None, doc_href=None) -> str:
    secs = sections(conn, measure=measure, include_other=include_other)
    docs = documents(conn)
    n_claims = sum(len(s.claims) for s in secs)
    n_mentions = sum(len(c.mentions) for s in secs for c in s.claims)
    parts = ["<h1>Who says how many, when</h1>",
             f'<p class="sub">{len(docs)} documents · {n_mentions} figure mentions in {n_claims} claims · '
             f'{len({s.story for s in secs})} stories'
             + (f" · measure {escape(measure)}" if measure else "") + "</p>",
             toc_html(secs)]
    if not secs:
        parts.append("<p>The ledger has no figures yet" + (f" of measure {escape(measure)}" if measure else "") + ".</p>")
    parts.append(stories_html(secs, links))
    parts += ['<h2 id="documents">Documents</h2>', documents_html(docs, doc_href)]
    return "".join(parts)


def render(conn: sqlite3.Connection, measure: str | None = None, include_other: bool = False) -> str:
    body = overview_body(conn, measure=measure, include_other=include_other)
    return page("newsledger — who says how many, when",
                body + "<footer>newsledger report · every figure quoted from the article it came from</footer>")
