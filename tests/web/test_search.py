"""Full-text search: the query is never read as FTS5 syntax, hits carry the offsets of the
words, snippets are escaped, and the index follows the ledger."""
from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from newsledger.web.app import create_app, open_readonly
from newsledger.web.search import BadQuery, SearchIndex, fts_query, locate, snippet_html

from .articles import PHRASE


@pytest.fixture(scope="module")
def client(flood_db) -> TestClient:
    return TestClient(create_app(flood_db))


def test_every_word_is_quoted_so_operators_are_plain_words():
    # words joined by punctuation stay together, as the tokenizer would read them in the text
    assert fts_query('floods OR NEAR(x) body:"rain') == ('"floods" "OR" "NEAR x" "body rain"',
                                                         [["floods"], ["OR"], ["NEAR", "x"], ["body", "rain"]])


def test_a_quoted_phrase_stays_a_phrase_and_a_star_a_prefix():
    assert fts_query('"river burst" embank*')[0] == '"river burst" "embank"*'


def test_a_query_with_no_word_is_refused():
    with pytest.raises(BadQuery):
        fts_query('" * ()')


def test_locate_finds_the_words_in_a_row_any_case():
    assert locate("Volunteers filled Sandbags along the bank", [["sandbags", "along"]]) == (18, 32)


def test_locate_extends_a_prefix_to_the_whole_word():
    assert locate("the embankment held", [["embank"]]) == (4, 14)


def test_a_snippet_is_escaped_around_its_marks():
    assert snippet_html("a <b>\x02rain\x03</b>") == "a &lt;b&gt;<mark>rain</mark>&lt;/b&gt;"


def test_a_phrase_is_found_in_the_two_reports_that_carry_it(client):
    hits = client.get("/api/search", params={"q": f'"{PHRASE}"'}).json()
    assert sorted(h["doc"] for h in hits) == ["flood-1", "flood-1-edit"]


def test_a_hit_gives_the_offsets_of_the_words_in_the_text(client):
    hit = next(h for h in client.get("/api/search", params={"q": f'"{PHRASE}"'}).json() if h["doc"] == "flood-1")
    text = client.get("/api/documents/flood-1").json()["text"]
    assert text[hit["start"]:hit["end"]] == PHRASE
    assert hit["href"] == f"/doc/flood-1?at={hit['start']}-{hit['end']}#hit"


def test_every_word_must_occur(client):
    assert client.get("/api/search", params={"q": "sandbags tractor"}).json() == []


def test_case_is_ignored(client):
    assert {h["doc"] for h in client.get("/api/search", params={"q": "HOLMFIRTH"}).json()} == {"tractors"}


def test_the_document_page_marks_the_words_and_anchors_their_line(client):
    hit = next(h for h in client.get("/api/search", params={"q": f'"{PHRASE}"'}).json() if h["doc"] == "flood-1")
    page = client.get(f"/doc/flood-1?at={hit['start']}-{hit['end']}").text
    assert f'<mark class="hit">{PHRASE}</mark>' in page
    assert page.count('id="hit"') == 1


def test_the_search_page_lists_the_hits(client):
    page = client.get("/search", params={"q": "Holmfirth"}).text
    assert '<b id="hit-count">1</b>' in page and "Tractor plant to open in Holmfirth" in page


def test_the_index_is_rebuilt_when_documents_are_added(flood_db, tmp_path):
    from newsledger import store
    from newsledger.ledger import ingest

    db = tmp_path / "ledger.db"
    shutil.copyfile(flood_db, db)
    index = SearchIndex()
    with open_readonly(db) as conn:
        assert index.search(conn, "lighthouse") == []
    (tmp_path / "new.txt").write_text("The keeper said the lighthouse at Marrowby was lit again.\n", encoding="utf-8")
    writer = store.connect(db)
    ingest(writer, [str(tmp_path / "new.txt")])
    writer.close()
    with open_readonly(db) as conn:
        assert len(index.search(conn, "lighthouse")) == 1
