"""The analyst's pages over the made-up flood coverage (``articles.py``): the figures list and
its URL state, a source, a series, a story, copy kinds — each page and its JSON twin."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsledger.web.app import create_app


@pytest.fixture(scope="module")
def client(flood_db) -> TestClient:
    return TestClient(create_app(flood_db))


@pytest.fixture(scope="module")
def evacuated(client) -> str:
    """The series of people evacuated from Marrowby (the governor's and the mayor's figures)."""
    return next(f["series"] for f in client.get("/api/figures", params={"speaker": "Piet Olsen"}).json())


def figures(client, **params) -> list[tuple[str, str]]:
    return [(f["doc"], f["text"]) for f in client.get("/api/figures", params=params).json()]


# --- the figures list

def test_the_api_filters_by_outlet_and_date(client):
    assert figures(client, outlet="Coast Herald", since="2031-05-07") == [("flood-2", "3,500")]


def test_the_api_filters_by_story(client):
    assert figures(client, story="tractors") == [("tractors", "250")]


def test_the_api_filters_by_series(client, evacuated):
    assert sorted(figures(client, series=evacuated)) == [
        ("flood-1", "1,200"), ("flood-1-edit", "1,200"), ("flood-2", "3,500"), ("flood-2-copy", "3,500"),
        ("flood-3", "1,200"), ("flood-3", "9,000")]


def test_the_api_sorts_by_value_descending(client):
    assert [t for _, t in figures(client, sort="value", order="desc")][:3] == ["9,000", "3,500", "3,500"]


def test_an_unreadable_date_is_a_422_that_says_why(client):
    r = client.get("/api/figures", params={"since": "May 7"})
    assert r.status_code == 422 and "YYYY-MM-DD" in r.json()["detail"]


def test_facets_count_what_each_value_would_give(client):
    got = client.get("/api/facets", params={"measure": "wounded"}).json()
    assert got["total"] == 3
    assert [(v["value"], v["count"]) for v in got["facets"]["outlet"]] == [
        ("Coast Herald", 1), ("Valley Post", 1), ("Wire Digest", 1)]


def test_the_figures_page_counts_what_matches(client):
    page = client.get("/figures", params={"speaker": "Ana Duarte"}).text
    assert '<b id="match-count">5</b> of 10 figures' in page


def test_the_figures_page_keeps_its_state_in_the_form(client):
    page = client.get("/figures", params={"speaker": "Ana Duarte", "since": "2031-05-06"}).text
    assert '<option value="Ana Duarte" selected>' in page
    assert 'name="since" id="f-since" value="2031-05-06"' in page


def test_a_facet_link_keeps_the_other_filters(client):
    page = client.get("/figures", params={"measure": "displaced", "sort": "value"}).text
    assert 'href="/figures?speaker=Piet+Olsen&amp;measure=displaced&amp;sort=value"' in page


def test_each_row_links_to_the_figures_highlight(client):
    page = client.get("/figures", params={"speaker": "Piet Olsen"}).text
    assert re.search(r'<a class="highlight" href="/doc/flood-3#f\d+">9,000</a>', page)


def test_the_figures_page_pages_long_lists(client):
    page = client.get("/figures", params={"limit": 4}).text
    assert page.count('<tr class="figrow"') == 4 and 'href="/figures?limit=4&amp;offset=4">next' in page


# --- a source

def test_the_speaker_page_lists_every_figure_of_the_source_in_time(client):
    page = client.get("/speaker/" + quote("Ana Duarte")).text
    dates = re.findall(r'<tr class="figrow" data-doc="[^"]+"><td class="num">([\d-]+)', page)
    assert dates == ["2031-05-05"] * 3 + ["2031-05-07"] * 2


def test_the_speaker_page_charts_the_sources_claims(client):
    assert client.get("/speaker/" + quote("Ana Duarte")).text.count("<svg class=\"timeline\"") == 1


def test_the_speaker_api_gives_the_claims_in_time(client):
    got = client.get("/api/speakers/" + quote("Ana Duarte")).json()
    assert [(c["text"], c["status"]) for c in got["claims"]] == [("1,200", "first"), ("3,500", "update")]


def test_the_speaker_list_counts_figures_and_claims(client):
    got = {s["speaker"]: (s["figures"], s["claims"]) for s in client.get("/api/speakers").json()}
    assert got == {"Ana Duarte": (5, 2), "Tomas Berg": (3, 1), "Piet Olsen": (1, 1), "Lena Voss": (1, 1)}


def test_an_unknown_source_is_404(client):
    assert client.get("/speaker/Nobody").status_code == 404


# --- a series

def test_the_series_page_draws_its_chart(client, evacuated):
    assert '<svg class="timeline"' in client.get(f"/series/{evacuated}").text


def test_the_series_page_quotes_both_sides_of_its_conflict(client, evacuated):
    page = client.get(f"/series/{evacuated}").text
    assert "Mayor Piet Olsen said on Wednesday that <mark>9,000</mark>" in page
    assert "Governor Ana Duarte said on Wednesday that <mark>3,500</mark>" in page


def test_the_series_api_ranks_its_conflicts_with_their_reason(client, evacuated):
    got = client.get(f"/api/series/{evacuated}").json()
    assert [(k["rank"], k["a"]["text"], k["b"]["text"], k["a"]["report"]["outlet"], k["b"]["report"]["outlet"])
            for k in got["conflicts"]] == [(1, "3,500", "9,000", "Coast Herald", "River Times")]
    assert "the same day" in got["conflicts"][0]["reason"]


def test_the_series_api_gives_each_claims_mark(client, evacuated):
    got = client.get(f"/api/series/{evacuated}").json()
    assert [(c["text"], c["status"]) for c in got["claims"]] == [("1,200", "first"), ("3,500", "update"),
                                                                  ("9,000", "conflict")]


# --- a story and copy kinds

def test_the_story_page_shows_its_label(client):
    assert '<span class="story-label">flood in Marrowby</span>' in client.get("/story/flood-1").text


def test_the_story_api_marks_each_copy_with_its_kind(client):
    got = client.get("/api/stories/flood-1").json()
    assert {d["doc"]: (d["copy_of"], d["copy_kind"]) for d in got["documents"] if d["copy_of"]} == {
        "flood-1-edit": ("flood-1", "edited"), "flood-2-copy": ("flood-2", "exact")}


def test_the_story_list_gives_each_story_its_reports(client):
    assert {s["label"]: s["documents"] for s in client.get("/api/stories").json()} == {
        "flood in Marrowby": 5, "Holmfirth: Tractor plant to open in Holmfirth": 1}


def test_a_copys_page_says_what_it_copies_and_how(client):
    page = client.get("/doc/flood-2-copy").text
    assert 'copy of <a href="/doc/flood-2">flood-2</a> <span class="badge copy-exact"' in page


def test_an_originals_page_lists_its_copies_and_how(client):
    page = client.get("/doc/flood-1").text
    assert 'Copied by: <a href="/doc/flood-1-edit">Hill Gazette</a> <span class="badge copy-edited">edited</span>' in page


def test_the_document_api_gives_the_copy_kind(client):
    assert client.get("/api/documents/flood-1-edit").json()["copy_kind"] == "edited"


# --- the claim page links onward

def test_the_claim_page_links_its_series_and_its_source(client, evacuated):
    claim = next(f["claim"] for f in client.get("/api/figures", params={"speaker": "Piet Olsen"}).json())
    page = client.get(f"/claim/{claim}").text
    assert f'href="/series/{evacuated}"' in page and 'href="/speaker/Piet%20Olsen"' in page


# --- the API is documented

@pytest.mark.parametrize("path", ["/api/figures", "/api/facets", "/api/search", "/api/speakers",
                                  "/api/speakers/{name}", "/api/series/{series}", "/api/stories",
                                  "/api/stories/{story}", "/api/documents/{doc}"])
def test_each_view_is_in_the_openapi_description(client, path):
    assert path in client.get("/openapi.json").json()["paths"]


def test_the_figures_filters_are_documented(client):
    params = {p["name"] for p in client.get("/openapi.json").json()["paths"]["/api/figures"]["get"]["parameters"]}
    assert {"speaker", "outlet", "measure", "series", "story", "since", "until", "sort", "order"} <= params
