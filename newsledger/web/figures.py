"""The figures list: every figure in the ledger, narrowed by facets and a date range, sorted,
paged — all in the URL. Server-rendered: a facet is a link, the form is a plain GET form, so
the page needs no script and every state can be bookmarked."""
from __future__ import annotations

from html import escape

from .filters import FACETS, FacetValue, Filters, SORTS
from .tables import figure_table

FACET_TITLES = {"speaker": "Speaker", "outlet": "Outlet", "measure": "Measure", "series": "Series", "story": "Story"}
SHOWN = 12   # values per facet in the side list; the form's menus hold them all


def _chips(f: Filters, labels: dict[str, dict[str, str]]) -> str:
    if not f.active:
        return ""
    chips = []
    for name, value in f.active.items():
        shown = labels.get(name, {}).get(value, value)
        chips.append(f'<a class="chip" href="/figures?{escape(f.query(**{name: None}))}" '
                     f'title="remove this filter">{escape(name)}: {escape(shown)} ×</a>')
    clear = Filters(sort=f.sort, order=f.order).query()
    return (f'<p class="chips">{"".join(chips)} <a class="clear" href="/figures{"?" + escape(clear) if clear else ""}">'
            f'clear all</a></p>')


def _select(name: str, values: list[FacetValue], chosen: str | None) -> str:
    opts = ['<option value="">any</option>']
    if chosen and not any(v.value == chosen for v in values):
        # a value typed into the URL that matches no row (or part of a name): keep it visible
        opts.append(f'<option value="{escape(chosen)}" selected>{escape(chosen)}</option>')
    for v in values:
        sel = " selected" if v.selected else ""
        opts.append(f'<option value="{escape(v.value)}"{sel}>{escape(v.label)} ({v.count})</option>')
    return (f'<label>{escape(FACET_TITLES[name])}<select name="{name}" id="f-{name}">{"".join(opts)}</select></label>')


def _form(f: Filters, facets: dict[str, list[FacetValue]]) -> str:
    parts = ['<form class="filters" method="get" action="/figures">']
    parts += [_select(n, facets[n], getattr(f, n)) for n in FACETS]
    parts.append(f'<label>From<input type="date" name="since" id="f-since" value="{escape(f.since or "")}"></label>'
                 f'<label>To<input type="date" name="until" id="f-until" value="{escape(f.until or "")}"></label>')
    sorts = "".join(f'<option value="{k}"{" selected" if k == f.sort else ""}>{k}</option>' for k in SORTS)
    orders = "".join(f'<option value="{k}"{" selected" if k == f.order else ""}>{t}</option>'
                     for k, t in (("asc", "ascending"), ("desc", "descending")))
    parts.append(f'<label>Sort by<select name="sort" id="f-sort">{sorts}</select></label>'
                 f'<label>Order<select name="order" id="f-order">{orders}</select></label>')
    if f.doc:
        parts.append(f'<input type="hidden" name="doc" value="{escape(f.doc)}">')
    if f.limit:
        parts.append(f'<input type="hidden" name="limit" value="{f.limit}">')
    parts.append('<button type="submit" id="apply">Apply</button></form>')
    return "".join(parts)


def _facet_lists(f: Filters, facets: dict[str, list[FacetValue]]) -> str:
    out = ['<aside class="facets">']
    for name in FACETS:
        values = facets[name]
        if not values:
            continue
        items = []
        for v in values[:SHOWN]:
            if v.selected:
                items.append(f'<li class="on"><a href="/figures?{escape(f.query(**{name: None}))}">'
                             f'{escape(v.label)} <span class="n">{v.count}</span> ×</a></li>')
            else:
                items.append(f'<li><a href="/figures?{escape(f.query(**{name: v.value}))}">'
                             f'{escape(v.label)} <span class="n">{v.count}</span></a></li>')
        more = f'<li class="note">{len(values) - SHOWN} more in the menu above</li>' if len(values) > SHOWN else ""
        out.append(f'<div class="facet" id="facet-{name}"><h4>{escape(FACET_TITLES[name])}</h4>'
                   f'<ul>{"".join(items)}{more}</ul></div>')
    out.append("</aside>")
    return "".join(out)


def _pager(f: Filters, total: int) -> str:
    if f.limit is None or total <= f.limit:
        return ""
    parts = []
    if f.offset > 0:
        parts.append(f'<a rel="prev" href="/figures?{escape(f.query(offset=max(0, f.offset - f.limit)))}">← previous</a>')
    parts.append(f"{f.offset + 1}–{min(total, f.offset + f.limit)} of {total}")
    if f.offset + f.limit < total:
        parts.append(f'<a rel="next" href="/figures?{escape(f.query(offset=f.offset + f.limit))}">next →</a>')
    return f'<p class="pager">{" · ".join(parts)}</p>'


def body(f: Filters, shown: list[dict], total: int, everything: int, facets: dict[str, list[FacetValue]]) -> str:
    labels = {n: {v.value: v.label for v in vs} for n, vs in facets.items()}
    api = f"/api/figures?{f.query(limit=None, offset=0)}".rstrip("?")
    return "".join([
        "<h1>Figures</h1>",
        f'<p class="sub"><b id="match-count">{total}</b> of {everything} figures · '
        f'<a href="{escape(api)}">this list as JSON</a></p>',
        _chips(f, labels), _form(f, facets),
        '<div class="workspace">', _facet_lists(f, facets),
        '<div class="results">', _pager(f, total),
        figure_table(shown, f) if shown else '<p class="empty">No figure matches these filters.</p>',
        _pager(f, total), "</div></div>",
    ])
