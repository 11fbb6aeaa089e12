"""The analyst's pages over the hostile articles of tests/test_hostile_input.py, parsed: nothing
live but the site's own GET forms (figures filters, search), attacks shown as text."""
from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsledger.web.app import create_app

from ..test_hostile_input import ARTICLES, Tags, live_markup

OWN_FORMS = {"/figures", "/search"}


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    from newsledger import store
    from newsledger.ledger import ingest

    folder = tmp_path_factory.mktemp("hostile-views")
    (folder / "hostile.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    conn = store.connect(folder / "ledger.db")
    assert not ingest(conn, [str(folder / "hostile.jsonl")]).failed
    conn.close()
    return TestClient(create_app(folder / "ledger.db"))


@pytest.fixture(scope="module")
def pages(client) -> dict[str, str]:
    speakers = [s["speaker"] for s in client.get("/api/speakers").json()]
    stories = [s["story"] for s in client.get("/api/stories").json()]
    series = {c["series"] for c in client.get("/api/claims").json() if c["series"]}
    urls = (["/figures", "/speakers", "/stories", "/search?q=script", "/search?q=" + quote('"><script>alert(1)')]
            + [f"/speaker/{quote(s, safe='')}" for s in speakers] + [f"/story/{quote(s, safe='')}" for s in stories]
            + [f"/series/{quote(s, safe='')}" for s in series])
    got = {u: client.get(u) for u in urls}
    assert all(r.status_code == 200 for r in got.values()), {u: r.status_code for u, r in got.items()}
    return {u: r.text for u, r in got.items()}


def test_the_pages_hold_no_live_markup_but_their_own_forms(pages):
    for url, page in pages.items():
        assert [m for m in live_markup(page) if m != "<form>"] == [], url
        assert {a.get("action") for t, a in Tags(page).tags if t == "form"} <= OWN_FORMS, url


def test_the_forms_only_read(pages):
    methods = {a.get("method") for page in pages.values() for t, a in Tags(page).tags if t == "form"}
    assert methods == {"get"}


def test_a_hostile_outlet_is_a_facet_shown_as_text(pages):
    assert "The Valley Post&quot;&gt;&lt;img src=x onerror=alert(&#x27;outlet&#x27;)&gt;" in pages["/figures"]


def test_a_hostile_search_is_echoed_as_text(pages):
    page = pages["/search?q=" + quote('"><script>alert(1)')]
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)"' in page
