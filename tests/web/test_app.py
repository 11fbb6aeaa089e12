"""The web app over the seed ledger: pages, highlights at the stored offsets, the JSON API."""
from __future__ import annotations

import re
import shutil
import sqlite3
from html import escape

import pytest
from fastapi.testclient import TestClient

from newsledger.web.app import create_app, open_readonly

FIGURE_FIELDS = {"doc", "start", "end", "text", "low", "high", "unit", "measure", "subject", "speaker",
                 "stated_on", "claim"}


@pytest.fixture(scope="module")
def client(seed_db) -> TestClient:
    return TestClient(create_app(seed_db))


@pytest.fixture(scope="module")
def figures(client) -> list[dict]:
    return client.get("/api/figures").json()


def test_overview_shows_the_ledger(client):
    r = client.get("/")
    assert r.status_code == 200 and "<svg" in r.text and "Who says how many" in r.text


def test_document_page_links_each_figure_at_its_offsets(client, figures, seed_db):
    conn = open_readonly(seed_db)
    for f in figures[:8]:
        text = conn.execute("SELECT text FROM documents WHERE doc = ?", (f["doc"],)).fetchone()["text"]
        page = client.get(f"/doc/{f['doc']}").text
        fid = conn.execute("SELECT f.id FROM figures f JOIN documents d ON d.id = f.doc_id WHERE d.doc = ? AND f.start = ?",
                           (f["doc"], f["start"])).fetchone()["id"]
        m = re.search(rf'<a class="figure" id="f{fid}" href="([^"]+)"[^>]*data-start="(\d+)" data-end="(\d+)">([^<]*)</a>',
                      page)
        assert m, f
        assert (int(m.group(2)), int(m.group(3))) == (f["start"], f["end"])
        assert m.group(4) == escape(text[f["start"]:f["end"]])
        assert m.group(1) == f"/claim/{f['claim']}"


def test_document_page_greys_out_furniture(client):
    page = client.get("/doc/004_cd2ecf6e86e7e1ee").text
    assert '<div class="ln furniture">Settings</div>' in page


def test_claim_page_lists_every_mention(client, figures):
    claim = max({f["claim"] for f in figures}, key=lambda c: sum(f["claim"] == c for f in figures))
    page = client.get(f"/claim/{claim}").text
    for f in (f for f in figures if f["claim"] == claim):
        assert f'href="/doc/{f["doc"]}#f' in page and f"<mark>{escape(f['text'])}</mark>" in page


def test_api_figures_have_the_export_fields(figures, seed_db):
    assert len(figures) == open_readonly(seed_db).execute("SELECT count(*) FROM figures").fetchone()[0] > 0
    assert all(FIGURE_FIELDS <= set(f) for f in figures)


def test_api_figures_filter_by_doc_measure_and_speaker(client):
    got = client.get("/api/figures", params={"doc": "003_358d319b90d9cb9c", "measure": "casualties",
                                             "speaker": "kirby"}).json()
    assert got and all(f["doc"] == "003_358d319b90d9cb9c" and f["measure"] == "casualties"
                       and "Kirby" in f["speaker"] for f in got)


def test_api_documents_lists_each_document(client):
    docs = client.get("/api/documents").json()
    assert sorted(d["doc"] for d in docs) == [f"00{i}_" + s for i, s in enumerate(
        ["6177fd27f8000f68", "8cc046b3effebbdc", "a47338178fe5654e", "358d319b90d9cb9c", "cd2ecf6e86e7e1ee"])]
    assert {"title", "outlet", "published", "language", "duplicate_of", "story", "figures"} <= set(docs[0])


def test_api_claims_carry_marks_and_reports(client, figures):
    claims = client.get("/api/claims").json()
    assert {c["claim"] for c in claims} == {f["claim"] for f in figures}
    assert all(c["status"] and c["mentions"] == len(c["reports"]) >= c["independent"] >= 1 for c in claims)


@pytest.mark.parametrize("url", ["/doc/no-such-doc", "/api/figures?doc=no-such-doc", "/claim/no-such-claim"])
def test_unknown_document_or_claim_is_404(client, url):
    assert client.get(url).status_code == 404


def test_app_opens_the_ledger_read_only(seed_db):
    with pytest.raises(sqlite3.OperationalError):
        open_readonly(seed_db).execute("DELETE FROM documents")


@pytest.fixture
def scratch_db(seed_db, tmp_path):
    """A copy of the seed ledger a test may change."""
    path = tmp_path / "copy.db"
    shutil.copy(seed_db, path)
    return path


@pytest.mark.parametrize("url,linked", [("https://news.example.org/floods", True), ("javascript:alert(1)", False),
                                        ("data:text/html,<script>alert(1)</script>", False)])
def test_document_page_links_the_original_only_when_it_is_http(scratch_db, url, linked):
    conn = sqlite3.connect(scratch_db)
    conn.execute("UPDATE documents SET url = ? WHERE doc = '003_358d319b90d9cb9c'", (url,))
    conn.commit()
    conn.close()
    page = TestClient(create_app(scratch_db)).get("/doc/003_358d319b90d9cb9c").text
    assert (f'<a href="{escape(url)}" rel="noreferrer noopener">original</a>' in page) is linked
    assert ('original <span class="unlinked"' in page) is not linked
