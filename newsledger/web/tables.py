"""The figures table the figures list and the speaker page share: one row per figure, each
linking to its highlight in the document, its speaker, its series and its claim."""
from __future__ import annotations

from html import escape

from ..report.chart import OUTLET
from ..report.html import badge
from ..report.view import bounds
from . import links
from .filters import Filters

# (sort key or None, heading)
COLUMNS = [("date", "date"), ("value", "figure"), ("measure", "measure · subject"), ("speaker", "speaker"),
           ("outlet", "outlet"), (None, "mark · series"), (None, "sentence")]


def sentence_html(quote: str | None, text: str) -> str:
    """The sentence with the figure's words marked (their first occurrence in it)."""
    if not quote:
        return ""
    i = quote.find(text) if text else -1
    if i < 0:
        return escape(quote)
    return f"{escape(quote[:i])}<mark>{escape(text)}</mark>{escape(quote[i + len(text):])}"


def _heading(key: str | None, title: str, f: Filters | None) -> str:
    if key is None or f is None:
        return f"<th>{escape(title)}</th>"
    if f.sort == key:
        flip = "desc" if f.order == "asc" else "asc"
        arrow = " ▲" if f.order == "asc" else " ▼"
        return (f'<th aria-sort="{"ascending" if f.order == "asc" else "descending"}">'
                f'<a class="sort" href="/figures?{escape(f.query(order=flip))}">{escape(title)}{arrow}</a></th>')
    return f'<th><a class="sort" href="/figures?{escape(f.query(sort=key, order="asc"))}">{escape(title)}</a></th>'


def figure_row(r: dict) -> str:
    speaker = (f'<a href="{escape(links.speaker(r["speaker"]))}">{escape(r["speaker"])}</a>'
               if r["speaker"] else f'<span class="note">{escape(OUTLET)}</span>')
    series = (f'<a href="{escape(links.series(r["series"]))}">{escape(r["series_label"] or r["series"])}</a>'
              if r["series"] else "")
    copy = f'<span class="note">copy of {escape(r["copy_of"])}</span>' if r["copy_of"] else ""
    own_date = "" if r["stated_on"] else '<span class="note">published</span>'
    return (f'<tr class="figrow" data-doc="{escape(r["doc"])}">'
            f'<td class="num">{escape(r["date"] or "undated")}{own_date}</td>'
            f'<td class="fig"><a class="highlight" href="{escape(links.figure(r["doc"], r["figure_id"]))}">'
            f'{escape(r["text"])}</a><span class="note">{escape(bounds(r["low"], r["high"], r["unit"]))}</span></td>'
            f'<td>{escape(r["measure"] or "")}<span class="note">{escape(r["subject"] or "")}</span></td>'
            f'<td class="who">{speaker}</td><td class="outlet">{escape(r["outlet"] or "—")}{copy}</td>'
            f'<td>{badge(r["status"] or "")}<span class="note">{series}</span></td>'
            f'<td class="sentence">{sentence_html(r["quote"], r["text"])}</td></tr>')


def figure_table(rows: list[dict], f: Filters | None = None) -> str:
    head = "".join(_heading(k, t, f) for k, t in COLUMNS)
    body = "".join(figure_row(r) for r in rows)
    return f'<table class="figures"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
