"""The state of a figures list — facets, date range, sorting, page — read from and written to
query parameters, so any view is a URL that can be shared and reloaded.

Facet counts follow the usual rule of faceted search: each facet counts the rows that every
*other* active filter lets through, so choosing a speaker still shows the other speakers
one could switch to.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

FACETS = ("speaker", "outlet", "measure", "series", "story")
# the label a facet value is shown with (its id is what the URL keeps)
LABELS = {"series": "series_label", "story": "story_label"}
SORTS = {
    "date": lambda r: r["date"],
    "value": lambda r: r["low"] if r["low"] is not None else r["high"],
    "speaker": lambda r: (r["speaker"] or "").casefold() or None,
    "outlet": lambda r: (r["outlet"] or "").casefold() or None,
    "measure": lambda r: r["measure"],
    "published": lambda r: r["published"],
}
DEFAULT_LIMIT = 200   # per page in the browser; the API returns everything unless asked
MAX_LIMIT = 5000


class BadFilter(ValueError):
    """A parameter that cannot be read (a malformed date, an unknown sort): said to the user."""


def _day(name: str, value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadFilter(f"{name} must be a date written YYYY-MM-DD, not {value!r}") from None


@dataclass(frozen=True)
class Filters:
    speaker: str | None = None
    outlet: str | None = None
    measure: str | None = None
    series: str | None = None
    story: str | None = None
    doc: str | None = None
    since: str | None = None     # inclusive, on the figure's date (``records.figure_rows``)
    until: str | None = None     # inclusive
    sort: str = "date"
    order: str = "asc"
    limit: int | None = None
    offset: int = 0

    @classmethod
    def read(cls, **params) -> "Filters":
        """From query parameters; an empty form field means no filter."""
        clean = {k: (v.strip() if isinstance(v, str) else v) for k, v in params.items()}
        clean = {k: v for k, v in clean.items() if v not in (None, "")}
        f = cls(**{k: v for k, v in clean.items() if k in {x.name for x in fields(cls)}})
        if f.sort not in SORTS:
            raise BadFilter(f"sort must be one of {', '.join(SORTS)}, not {f.sort!r}")
        if f.order not in {"asc", "desc"}:
            raise BadFilter(f"order must be asc or desc, not {f.order!r}")
        if f.limit is not None and not 1 <= f.limit <= MAX_LIMIT:
            raise BadFilter(f"limit must be between 1 and {MAX_LIMIT}")
        if f.offset < 0:
            raise BadFilter("offset must not be negative")
        since, until = _day("since", f.since), _day("until", f.until)
        if since and until and since > until:
            raise BadFilter(f"since ({since}) is after until ({until})")
        return replace(f, since=since, until=until)

    @property
    def active(self) -> dict[str, str]:
        """The filters in force, by name (facets, document and dates; not sorting or paging)."""
        names = (*FACETS, "doc", "since", "until")
        return {n: getattr(self, n) for n in names if getattr(self, n)}

    def query(self, **changes) -> str:
        """The query string of this state with ``changes``; defaults are left out so URLs stay short.
        Changing a filter goes back to the first page."""
        if any(k not in {"sort", "order", "offset"} for k in changes):
            changes.setdefault("offset", 0)
        state = replace(self, **changes)
        default = Filters()
        pairs = [(x.name, getattr(state, x.name)) for x in fields(state)
                 if getattr(state, x.name) not in (None, "", getattr(default, x.name))
                 # the page's own page size is its default; the API's default is everything
                 and not (x.name == "limit" and state.limit == DEFAULT_LIMIT)]
        return urlencode(pairs)


def _speaker_match(value: str, names: set[str]):
    """A name the ledger gives (as the facets list it) matches exactly; any other text matches as
    part of the name, in any case, as the speaker is named or as the article wrote it."""
    if value in names:
        return lambda r: r["speaker"] == value
    want = value.casefold()
    return lambda r: any(want in (s or "").casefold() for s in (r["speaker"], r["speaker_as_written"]))


def _tests(f: Filters, rows: list[dict], skip: str | None = None) -> list:
    names = {r["speaker"] for r in rows if r["speaker"]}
    tests = []
    for name, value in f.active.items():
        if name == skip:
            continue
        if name == "speaker":
            tests.append(_speaker_match(value, names))
        elif name == "since":
            tests.append(lambda r, v=value: bool(r["date"]) and r["date"] >= v)
        elif name == "until":
            # a date may carry a time or be a month ("2031-05"): compare its first ten characters
            tests.append(lambda r, v=value: bool(r["date"]) and r["date"][:10] <= v)
        else:
            tests.append(lambda r, n=name, v=value: r[n] == v)
    return tests


def apply(f: Filters, rows: list[dict]) -> list[dict]:
    """The rows ``f`` lets through, sorted; rows missing the sort key go last either way."""
    tests = _tests(f, rows)
    kept = [r for r in rows if all(t(r) for t in tests)]
    key = SORTS[f.sort]
    present = [r for r in kept if key(r) is not None]
    missing = [r for r in kept if key(r) is None]
    # date order within equal keys, so a sort by speaker reads each speaker in time
    present.sort(key=lambda r: (r["date"] or "", r["doc"], r["start"]))
    present.sort(key=key, reverse=f.order == "desc")
    return present + missing


def page(f: Filters, rows: list[dict]) -> list[dict]:
    end = None if f.limit is None else f.offset + f.limit
    return rows[f.offset:end]


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def facets(f: Filters, rows: list[dict]) -> dict[str, list[FacetValue]]:
    """For each facet, its values with the number of rows they would give, most first."""
    out = {}
    for name in FACETS:
        tests = _tests(f, rows, skip=name)
        counts: Counter = Counter()
        labels: dict[str, str] = {}
        for r in rows:
            v = r[name]
            if v and all(t(r) for t in tests):
                counts[v] += 1
                labels[v] = r.get(LABELS.get(name, name)) or v
        chosen = getattr(f, name)
        out[name] = [FacetValue(v, labels[v], n, v == chosen)
                     for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], labels[kv[0]].casefold()))]
    return out
