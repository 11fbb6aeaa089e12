"""The web UI in a real browser: Debian's chromium, headless, driven by Playwright.

Skipped, saying why, only where /usr/bin/chromium is absent. Screenshots of the main pages are
kept in test-artifacts/screenshots/ (git-ignored) for a person to look at.
"""
from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from newsledger.web.app import create_app

from ..test_hostile_input import ARTICLES as HOSTILE_ARTICLES
from .conftest import LiveServer


@pytest.fixture(scope="module")
def site(flood_db):
    with LiveServer(create_app(flood_db)) as server:
        yield server


@pytest.fixture
def tab(site, tab_factory):
    t = tab_factory(site.url)
    yield t
    assert not t.dialogs, t.dialogs


def _claim_of(site, doc: str, text: str) -> str:
    import httpx
    figs = httpx.get(f"{site.url}/api/figures", params={"doc": doc}).json()
    return next(f["claim"] for f in figs if f["text"] == text)


def _series_of(site, speaker: str, text: str) -> str:
    import httpx
    figs = httpx.get(f"{site.url}/api/figures", params={"speaker": speaker}).json()
    return next(f["series"] for f in figs if f["text"] == text)


def _rows(tab) -> list[dict]:
    return tab.page.eval_on_selector_all("table.figures tbody tr", """rows => rows.map(r => ({
        date: r.cells[0].innerText.trim().slice(0, 10), figure: r.cells[1].querySelector("a").innerText.trim(),
        speaker: r.cells[3].innerText.trim(), outlet: r.cells[4].innerText.trim().split("\\n")[0]}))""")


def main_pages(site) -> dict[str, str]:
    return {
        "overview": "/",
        "figures": "/figures",
        "figures-filtered": "/figures?speaker=Ana+Duarte&sort=date&order=desc",
        "search": "/search?q=%22sandbags+along+the+embankment%22",
        "sources": "/speakers",
        "source": "/speaker/" + quote("Ana Duarte"),
        "series": "/series/" + _series_of(site, "Piet Olsen", "9,000"),
        "stories": "/stories",
        "story": "/story/flood-1",
        "document-copy": "/doc/flood-2-copy",
        "claim": "/claim/" + _claim_of(site, "flood-3", "9,000"),
    }


def test_the_main_pages_load_with_no_console_error(site, tab):
    for name, path in main_pages(site).items():
        tab.goto(path)
        tab.screenshot(name)
        assert tab.errors == [], (path, tab.errors)


def test_a_figures_highlight_links_to_its_claim(site, tab):
    tab.goto("/doc/flood-3")
    tab.page.click("a.figure:text-is('9,000')")
    tab.page.wait_for_load_state("load")
    assert tab.page.url == site.url + "/claim/" + _claim_of(site, "flood-3", "9,000")
    assert "Piet Olsen" in tab.page.inner_text("h1") and "9,000" in tab.page.inner_text("h1")


def test_a_figure_in_the_list_links_to_its_highlight(site, tab):
    tab.goto("/figures?speaker=Piet+Olsen")
    tab.page.click("a.highlight:text-is('9,000')")
    tab.page.wait_for_load_state("load")
    assert tab.page.url.startswith(site.url + "/doc/flood-3#f")
    # the highlight the link lands on is the figure itself (:target)
    assert tab.page.eval_on_selector("a.figure:target", "a => a.innerText") == "9,000"


def test_a_speaker_facet_narrows_the_list_and_the_url_keeps_it(site, tab):
    tab.goto("/figures")
    assert len(_rows(tab)) == 10
    tab.page.click("#facet-speaker a:has-text('Ana Duarte')")
    tab.page.wait_for_load_state("load")
    rows = _rows(tab)
    assert len(rows) == 5 and {r["speaker"] for r in rows} == {"Ana Duarte"}
    assert "speaker=Ana+Duarte" in tab.page.url
    tab.page.reload()
    assert len(_rows(tab)) == 5


def test_two_facets_combine(site, tab):
    tab.goto("/figures?speaker=Ana+Duarte")
    tab.page.click("#facet-outlet a:has-text('River Times')")
    tab.page.wait_for_load_state("load")
    assert _rows(tab) == [{"date": "2031-05-05", "figure": "1,200", "speaker": "Ana Duarte", "outlet": "River Times"}]


def test_the_date_range_in_the_form_narrows_the_list(site, tab):
    tab.goto("/figures")
    tab.page.fill("#f-since", "2031-05-07")
    tab.page.fill("#f-until", "2031-05-31")
    tab.page.click("#apply")
    tab.page.wait_for_load_state("load")
    rows = _rows(tab)
    assert sorted(r["figure"] for r in rows) == ["3,500", "3,500", "9,000"]
    assert "since=2031-05-07" in tab.page.url and "until=2031-05-31" in tab.page.url


def test_a_chip_removes_its_filter(site, tab):
    tab.goto("/figures?measure=wounded")
    assert len(_rows(tab)) == 3
    tab.page.click("a.chip")
    tab.page.wait_for_load_state("load")
    assert len(_rows(tab)) == 10


def test_sorting_by_value_descending_puts_the_largest_first(site, tab):
    tab.goto("/figures")
    tab.page.click("th a.sort:has-text('figure')")
    tab.page.wait_for_load_state("load")
    tab.page.click("th a.sort:has-text('figure')")
    tab.page.wait_for_load_state("load")
    assert [r["figure"] for r in _rows(tab)][:2] == ["9,000", "3,500"]
    assert "order=desc" in tab.page.url


def test_search_finds_a_phrase_and_links_to_it(site, tab):
    tab.goto("/search")
    tab.page.fill("#q", '"sandbags along the embankment"')
    tab.page.click("#go")
    tab.page.wait_for_load_state("load")
    docs = tab.page.eval_on_selector_all("ol.hits a.doc", "as => as.map(a => a.innerText)")
    assert sorted(docs) == ["Families leave Marrowby as river bursts banks", "Floods force families from Marrowby"]
    tab.page.click("ol.hits a.doc:text-is('Floods force families from Marrowby')")
    tab.page.wait_for_load_state("load")
    assert tab.page.url.startswith(site.url + "/doc/flood-1?at=") and tab.page.url.endswith("#hit")
    assert tab.page.inner_text("mark.hit") == "sandbags along the embankment"


# --- hostile input: the articles of tests/test_hostile_input.py, through ingest, in the browser

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from newsledger import store
    from newsledger.ledger import ingest

    folder = tmp_path_factory.mktemp("hostile-browser")
    src = folder / "hostile.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in HOSTILE_ARTICLES), encoding="utf-8")
    conn = store.connect(folder / "ledger.db")
    report = ingest(conn, [str(src)])
    assert not report.failed, report.problems
    conn.close()
    with LiveServer(create_app(folder / "ledger.db")) as server:
        yield server


def _hostile_pages(base: str) -> list[str]:
    import httpx
    docs = [d["doc"] for d in httpx.get(f"{base}/api/documents").json()]
    claims = [c["claim"] for c in httpx.get(f"{base}/api/claims").json()]
    speakers = [s["speaker"] for s in httpx.get(f"{base}/api/speakers").json()]
    stories = [s["story"] for s in httpx.get(f"{base}/api/stories").json()]
    series = {c["series"] for c in httpx.get(f"{base}/api/claims").json() if c["series"]}
    return (["/", "/figures", "/speakers", "/stories", "/search?q=script", "/search?q=" + quote("<script>alert(1)")]
            + [f"/doc/{quote(d, safe='')}" for d in docs] + [f"/claim/{quote(c, safe='')}" for c in claims]
            + [f"/speaker/{quote(s, safe='')}" for s in speakers] + [f"/story/{quote(s, safe='')}" for s in stories]
            + [f"/series/{quote(s, safe='')}" for s in series]
            + [f"/figures?outlet={quote(HOSTILE_ARTICLES[0]['outlet'], safe='')}"])


def test_the_hostile_input_pages_run_no_script(hostile_site, tab_factory):
    tab = tab_factory(hostile_site.url)
    # a flag only a script of the page could set; an alert would also open a dialog
    tab.page.add_init_script("window.__ran = [];")
    pages = _hostile_pages(hostile_site.url)
    assert len(pages) > 15
    for path in pages:
        tab.goto(path)
        live = tab.page.evaluate("""() => ({
            scripts: document.scripts.length,
            frames: document.querySelectorAll('iframe, frame, object, embed, img').length,
            handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => /^on/i.test(a.name))).length,
            js_links: [...document.querySelectorAll('[href]')].filter(e => !/^(https?:|\\/|#)/i.test(e.getAttribute('href').trim())).length,
        })""")
        assert live == {"scripts": 0, "frames": 0, "handlers": 0, "js_links": 0}, (path, live)
        assert tab.errors == [] and tab.dialogs == [], (path, tab.errors, tab.dialogs)
    tab.screenshot("hostile-document")


def test_the_tab_would_see_a_script_run_and_a_refused_one(site, tab_factory):
    # the checks above can fail: a script that runs opens a dialog, one the policy refuses logs an error
    tab = tab_factory(site.url)
    tab.page.set_content("<p>x</p><script>alert('ran')</script>")
    assert tab.dialogs == ["alert: ran"]
    tab.goto("/")
    tab.page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'alert(2)'; "
                      "document.body.append(s); }")
    tab.page.wait_for_timeout(200)
    assert tab.dialogs == ["alert: ran"] and any("Content Security Policy" in e for e in tab.errors)
