"""``create_app(db_path)``: the ledger in a browser, read-only.

Each request opens its own read-only connection (``mode=ro``): the web app can never change the
ledger, and a concurrent ``newsledger ingest`` is seen on the next request. Every response
carries the security headers (``headers.py``); pages allow no script.
"""
from __future__ import annotations

import pathlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse

from ..csp import header_policy
from . import api, pages
from .apidocs import docs_page
from .headers import SecurityHeaders


def open_readonly(db_path: str | pathlib.Path) -> sqlite3.Connection:
    uri = pathlib.Path(db_path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def create_app(db_path: str | pathlib.Path) -> FastAPI:
    db_path = pathlib.Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"no ledger at {db_path}")
    # /docs is built below under its own policy; ReDoc would also pull web fonts from Google,
    # and one API page is enough
    app = FastAPI(title="newsledger", description="Who says how many, when — with the words it came from.",
                  docs_url=None, redoc_url=None)
    app.add_middleware(SecurityHeaders, csp=header_policy(pages.CSS))

    @contextmanager
    def ledger() -> Iterator[sqlite3.Connection]:
        conn = open_readonly(db_path)
        try:
            yield conn
        finally:
            conn.close()

    @app.get("/", response_class=HTMLResponse)
    def overview(measure: str | None = None, all: bool = False):
        with ledger() as conn:
            return pages.overview(conn, measure=measure, include_other=all)

    # ids come from the input (a JSONL "id", a file name) and may hold "/": the link escapes it
    # as %2F, which the server decodes before routing
    @app.get("/doc/{doc:path}", response_class=HTMLResponse)
    def document(doc: str):
        with ledger() as conn:
            body = pages.document(conn, doc)
        if body is None:
            raise HTTPException(404, f"no document {doc!r} in the ledger")
        return body

    @app.get("/claim/{claim}", response_class=HTMLResponse)
    def claim(claim: str):
        with ledger() as conn:
            body = pages.claim(conn, claim)
        if body is None:
            raise HTTPException(404, f"no claim {claim!r} in the ledger")
        return body

    @app.get("/docs", include_in_schema=False)
    def docs():
        return docs_page(app.openapi_url, f"{app.title} — API")

    @app.get("/api/documents")
    def documents():
        with ledger() as conn:
            return api.document_list(conn)

    @app.get("/api/figures")
    def figures(doc: str | None = Query(None, description="document id"),
                measure: str | None = Query(None, description="casualties, killed, deployed, money, …"),
                speaker: str | None = Query(None, description="part of a speaker's name, any case")):
        with ledger() as conn:
            if doc and not api.has_document(conn, doc):
                raise HTTPException(404, f"no document {doc!r} in the ledger")
            return api.figures(conn, doc=doc, measure=measure, speaker=speaker)

    @app.get("/api/claims")
    def claims(measure: str | None = None):
        with ledger() as conn:
            return api.claims(conn, measure=measure)

    return app
