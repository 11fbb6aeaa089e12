"""``create_app(db_path)``: the ledger in a browser, read-only.

Each request opens its own read-only connection (``mode=ro``): the web app can never change the
ledger, and a concurrent ``newsledger ingest`` is seen on the next request. Every response
carries the security headers (``headers.py``); pages allow no script — filters, sorting and
search are links and plain GET forms, so every view is a URL. Each page has a JSON twin under
``/api/``, described at ``/openapi.json`` and browsable at ``/docs``.
"""
from __future__ import annotations

import dataclasses
import pathlib
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse

from ..csp import header_policy
from . import api, figures as figures_page, pages, records, search as search_mod, series as series_mod
from . import speakers as speakers_mod, stories as stories_mod
from .apidocs import docs_page
from .copies import copies_of, original_of
from .filters import DEFAULT_LIMIT, BadFilter, Filters, apply, facets, page as page_of
from .headers import SecurityHeaders

TAGS = [
    {"name": "figures", "description": "Every figure with its source, outlet, series and story; filtered, sorted, paged."},
    {"name": "search", "description": "Full-text search over the articles (SQLite FTS5)."},
    {"name": "views", "description": "The JSON twin of each page: a source, a series, a story, a document."},
    {"name": "ledger", "description": "The documents and claims as the report groups them."},
]


def open_readonly(db_path: str | pathlib.Path) -> sqlite3.Connection:
    uri = pathlib.Path(db_path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def read_filters(
        speaker: str | None = Query(None, description="a source as the ledger names it (exact), or part of a name, any case"),
        outlet: str | None = Query(None, description="the outlet, exactly as listed"),
        measure: str | None = Query(None, description="casualties, killed, wounded, displaced, deployed, money, other, …"),
        series: str | None = Query(None, description="a series id (claims counting the same thing), e.g. from /api/facets"),
        story: str | None = Query(None, description="a story id, e.g. from /api/stories"),
        doc: str | None = Query(None, description="document id"),
        since: str | None = Query(None, description="YYYY-MM-DD, inclusive: figures given on or after (undated "
                                                    "figures count on their article's publication day)"),
        until: str | None = Query(None, description="YYYY-MM-DD, inclusive"),
        sort: str = Query("date", description="date, value, speaker, outlet, measure or published"),
        order: str = Query("asc", description="asc or desc"),
        limit: int | None = Query(None, description="at most this many (the page shows 200 by default)"),
        offset: int = Query(0, description="skip this many first")) -> Filters:
    try:
        return Filters.read(speaker=speaker, outlet=outlet, measure=measure, series=series, story=story, doc=doc,
                            since=since, until=until, sort=sort, order=order, limit=limit, offset=offset)
    except BadFilter as e:
        raise HTTPException(422, str(e)) from None


def _at(at: str | None) -> tuple[int, int] | None:
    m = re.fullmatch(r"(\d+)-(\d+)", at or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def create_app(db_path: str | pathlib.Path) -> FastAPI:
    db_path = pathlib.Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"no ledger at {db_path}")
    # /docs is built below under its own policy; ReDoc would also pull web fonts from Google,
    # and one API page is enough
    app = FastAPI(title="newsledger", description="Who says how many, when — with the words it came from.",
                  docs_url=None, redoc_url=None, openapi_tags=TAGS)
    app.add_middleware(SecurityHeaders, csp=header_policy(pages.CSS))
    index = search_mod.SearchIndex()

    @contextmanager
    def ledger() -> Iterator[sqlite3.Connection]:
        conn = open_readonly(db_path)
        try:
            yield conn
        finally:
            conn.close()

    def missing(what: str, name: str) -> HTTPException:
        return HTTPException(404, f"no {what} {name!r} in the ledger")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(measure: str | None = None, all: bool = False):
        with ledger() as conn:
            return pages.overview(conn, measure=measure, include_other=all)

    # ids come from the input (a JSONL "id", a file name) and may hold "/": the link escapes it
    # as %2F, which the server decodes before routing
    @app.get("/doc/{doc:path}", response_class=HTMLResponse, include_in_schema=False)
    def document(doc: str, at: str | None = None):
        with ledger() as conn:
            body = pages.document(conn, doc, at=_at(at))
        if body is None:
            raise missing("document", doc)
        return body

    @app.get("/claim/{claim}", response_class=HTMLResponse, include_in_schema=False)
    def claim(claim: str):
        with ledger() as conn:
            body = pages.claim(conn, claim)
        if body is None:
            raise missing("claim", claim)
        return body

    @app.get("/figures", response_class=HTMLResponse, include_in_schema=False)
    def figures_html(f: Filters = Depends(read_filters)):
        shown_f = f if f.limit else dataclasses.replace(f, limit=DEFAULT_LIMIT)
        with ledger() as conn:
            rows = records.figure_rows(conn)
        kept = apply(shown_f, rows)
        return pages.page("figures", figures_page.body(shown_f, page_of(shown_f, kept), len(kept), len(rows),
                                                       facets(shown_f, rows)))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_html(q: str = ""):
        if not q.strip():
            return pages.page("search", search_mod.page_body("", None))
        with ledger() as conn:
            try:
                hits = index.search(conn, q, limit=100)
            except search_mod.BadQuery as e:
                return pages.page("search", search_mod.page_body(q, None, str(e)))
        return pages.page(f"search: {q}", search_mod.page_body(q, hits))

    @app.get("/speakers", response_class=HTMLResponse, include_in_schema=False)
    def speakers_html():
        with ledger() as conn:
            return pages.page("sources", speakers_mod.list_body(speakers_mod.speaker_list(records.figure_rows(conn))))

    @app.get("/speaker/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def speaker_html(name: str):
        with ledger() as conn:
            view = speakers_mod.load(conn, name, records.figure_rows(conn))
        if view is None:
            raise missing("source", name)
        return pages.page(name, speakers_mod.page_body(view))

    @app.get("/series/{series:path}", response_class=HTMLResponse, include_in_schema=False)
    def series_html(series: str):
        with ledger() as conn:
            view = series_mod.load(conn, series)
        if view is None:
            raise missing("series", series)
        return pages.page(view.label, series_mod.page_body(view))

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_html():
        with ledger() as conn:
            return pages.page("stories", stories_mod.list_body(stories_mod.story_list(conn)))

    @app.get("/story/{story:path}", response_class=HTMLResponse, include_in_schema=False)
    def story_html(story: str):
        with ledger() as conn:
            view = stories_mod.load(conn, story)
        if view is None:
            raise missing("story", story)
        return pages.page(view.label, stories_mod.page_body(view))

    @app.get("/docs", include_in_schema=False)
    def docs():
        return docs_page(app.openapi_url, f"{app.title} — API")

    # --- the JSON API ---

    @app.get("/api/documents", tags=["ledger"])
    def documents():
        """Every document: title, outlet, publication date, language, story, copy of, figure count."""
        with ledger() as conn:
            return api.document_list(conn)

    @app.get("/api/documents/{doc:path}", tags=["views"])
    def document_json(doc: str):
        """One document's metadata and text, what it copies and what copies it (exact / edited / rewrite)."""
        with ledger() as conn:
            row = conn.execute("SELECT doc, title, outlet, published, url, language, story, duplicate_of, text "
                               "FROM documents WHERE doc = ?", (doc,)).fetchone()
            if row is None:
                raise missing("document", doc)
            orig = original_of(conn, doc)
            return {**dict(row), "copy_kind": orig.kind if orig else None,
                    "copies": [dataclasses.asdict(c) for c in copies_of(conn, doc)]}

    @app.get("/api/figures", tags=["figures"])
    def figures(f: Filters = Depends(read_filters)):
        """Figures in export format with their outlet, date, story and series, filtered and sorted
        as the figures page is (the same parameters, so a page's URL works here too)."""
        with ledger() as conn:
            if f.doc and not api.has_document(conn, f.doc):
                raise missing("document", f.doc)
            return api.figures(conn, f=f)

    @app.get("/api/facets", tags=["figures"])
    def facets_json(f: Filters = Depends(read_filters)):
        """For each facet (speaker, outlet, measure, series, story), its values and how many figures
        each would give under the other filters in force."""
        with ledger() as conn:
            rows = records.figure_rows(conn)
        return {"total": len(apply(f, rows)),
                "facets": {k: [dataclasses.asdict(v) for v in vs] for k, vs in facets(f, rows).items()}}

    @app.get("/api/search", tags=["search"])
    def search_json(q: str = Query(..., description='words (all must occur in one line), "a phrase", or a prefix*'),
                    limit: int = Query(50, ge=1, le=search_mod.MAX_HITS)):
        """Lines of articles holding the words, best first, each with a snippet and a link to its place."""
        with ledger() as conn:
            try:
                return [h.as_dict() for h in index.search(conn, q, limit=limit)]
            except search_mod.BadQuery as e:
                raise HTTPException(422, str(e)) from None

    @app.get("/api/speakers", tags=["views"])
    def speakers_json():
        """Every named source, with its figure and claim counts, outlets, measures and first and last day."""
        with ledger() as conn:
            return speakers_mod.speaker_list(records.figure_rows(conn))

    @app.get("/api/speakers/{name:path}", tags=["views"])
    def speaker_json(name: str):
        """Every figure a source gave, in time, and its claims."""
        with ledger() as conn:
            view = speakers_mod.load(conn, name, records.figure_rows(conn))
        if view is None:
            raise missing("source", name)
        return view.as_dict()

    @app.get("/api/series/{series:path}", tags=["views"])
    def series_json(series: str):
        """A series' claims with their marks, its consensus band and its conflicts, ranked."""
        with ledger() as conn:
            view = series_mod.load(conn, series)
        if view is None:
            raise missing("series", series)
        return view.as_dict()

    @app.get("/api/stories", tags=["views"])
    def stories_json():
        """Every story: its label, reports, figures, outlets and first and last day."""
        with ledger() as conn:
            return stories_mod.story_list(conn)

    @app.get("/api/stories/{story:path}", tags=["views"])
    def story_json(story: str):
        """A story: its label, its reports with copy kinds, its series and claims."""
        with ledger() as conn:
            view = stories_mod.load(conn, story)
        if view is None:
            raise missing("story", story)
        return view.as_dict()

    @app.get("/api/claims", tags=["ledger"])
    def claims(measure: str | None = None):
        """Every claim with its mark, series and reports, as the report groups them."""
        with ledger() as conn:
            return api.claims(conn, measure=measure)

    return app
