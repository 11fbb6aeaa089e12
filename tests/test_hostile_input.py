"""Articles whose every field is an attack, through ingest, then the HTML report and the served
pages: the text shows up as text, no script or handler is live, only http(s) URLs are links,
and the served pages carry the security headers.

The articles are written here; nothing is copied from ../shared.
"""
from __future__ import annotations

import json
import pathlib
from html import escape
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from newsledger.web.app import create_app

ARTICLES = [
    {"id": "hostile-title",
     "title": 'Floods <script>alert("title")</script> in the valley',
     "outlet": "The Valley Post\"><img src=x onerror=alert('outlet')>",
     "url": "javascript:alert(document.cookie)",
     "published": "2031-03-04",
     "text": ('Regional officials said on Monday that 300 people had been evacuated from Riverton '
              '<script>alert("body")</script> after the river burst its banks.\n'
              'Mayor Jonas "><img src=x onerror=alert(1)> Whitfield said the clean-up would cost about $2 million.\n'
              '"Three hundred people left," said Jonas<img/src=x/onerror=alert(1)>Whitfield on Monday.\n')},
    {"id": "hostile-speaker",
     "title": "Troops <svg/onload=alert('svg')> sent north",
     "outlet": "<b onmouseover=alert('b')>Border Wire</b>",
     "url": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
     "published": "2031-03-05",
     "text": ("Commander <iframe src=javascript:alert('frame')></iframe> Okafor told reporters on Tuesday that "
              "120 soldiers had been deployed to the border.\n"
              "General Amadou-<script>alert('speaker')</script> said on Tuesday that 80 more soldiers had arrived.\n"
              "Regional officials said 300 people had been evacuated from Riverton.\n")},
    {"id": "\"><script>alert('id')</script>",
     "title": "A quiet day at the port",
     "outlet": "Harbour News",
     "url": "  JaVaScRiPt:alert('spaced')",
     "published": "2031-03-06",
     "text": "The harbour master said on Wednesday that 40 boats had returned to the quay.\n"},
    {"id": "vbscript-url",
     "title": "Ferry service resumes",
     "outlet": "Harbour News",
     "url": "vbscript:msgbox(1)",
     "published": "2031-03-06",
     "text": "The ferry operator said 12 crossings would run on Thursday.\n"},
    {"id": "plain-url",
     "title": "Bridge reopens",
     "outlet": "Harbour News",
     "url": 'https://news.example.org/bridge?a=1&b="2"',
     "published": "2031-03-07",
     "text": "Engineers said on Friday that 3 lanes of the bridge had reopened.\n"},
]
SAFE_URL = 'https://news.example.org/bridge?a=1&b="2"'
# the attributes through which a page loads or navigates somewhere
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
LIVE_TAGS = {"script", "iframe", "frame", "object", "embed", "img", "image", "base", "form", "link", "style"}


class Tags(HTMLParser):
    """Every element and attribute the browser would build from the page."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def live_markup(page: str) -> list[str]:
    """What in ``page`` could run script or load from elsewhere; empty when nothing can."""
    found = []
    tags = Tags(page).tags
    styles = [t for t, _ in tags if t == "style"]
    for tag, attrs in tags:
        if tag in LIVE_TAGS - {"style"} or (tag == "style" and len(styles) > 1):
            found.append(f"<{tag}>")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            found.append("<meta refresh>")
        for name, value in attrs.items():
            if name.startswith("on") or name == "style":
                found.append(f"<{tag} {name}=…>")
            if name in URL_ATTRS:
                v = (value or "").strip()
                if not v.startswith(("/", "#", "http://", "https://")) or v.startswith("//"):
                    found.append(f"<{tag} {name}={value!r}>")
    return found


def hrefs(page: str) -> list[str]:
    return [attrs["href"] for tag, attrs in Tags(page).tags if tag == "a" and "href" in attrs]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory, cli) -> pathlib.Path:
    folder = tmp_path_factory.mktemp("hostile")
    src = folder / "hostile.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "ledger.db"
    result = cli("ingest", src, "--db", db, "--quiet")
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def report(hostile_db, cli) -> str:
    out = hostile_db.parent / "report.html"
    result = cli("report", "--db", hostile_db, "--format", "html", "-o", out)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client(hostile_db) -> TestClient:
    return TestClient(create_app(hostile_db))


@pytest.fixture(scope="module")
def served(client) -> dict[str, object]:
    """Every page of the site: the overview, each document, each claim."""
    docs = [d["doc"] for d in client.get("/api/documents").json()]
    claims = [c["claim"] for c in client.get("/api/claims").json()]
    urls = ["/"] + [f"/doc/{d}" for d in docs] + [f"/claim/{c}" for c in claims]
    # the client must not normalise the hostile document id away
    pages = {u: client.get(f"/doc/{_quoted(u[5:])}" if u.startswith("/doc/") else u) for u in urls}
    return pages


def _quoted(doc: str) -> str:
    from urllib.parse import quote
    return quote(doc, safe="")


def test_every_hostile_article_is_ingested(hostile_db, client):
    assert len(client.get("/api/documents").json()) == len(ARTICLES)


def test_the_checker_finds_live_markup():
    # the check must be able to fail: a page with each kind of attack is caught
    page = ('<style>p{}</style><a href="javascript:alert(1)">x</a><b onclick="x()">y</b>'
            '<script>1</script><span style="color:red">z</span><a href="/fine">ok</a>')
    assert live_markup(page) == ["<a href='javascript:alert(1)'>", "<b onclick=…>", "<script>", "<span style=…>"]


def test_the_report_holds_no_live_markup(report):
    assert live_markup(report) == []


def test_the_report_shows_hostile_titles_and_outlets_as_text(report):
    assert "Floods &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; in the valley" in report
    assert "The Valley Post&quot;&gt;&lt;img src=x onerror=alert(&#x27;outlet&#x27;)&gt;" in report


def test_the_report_links_only_the_http_original(report):
    outside = [h for h in hrefs(report) if not h.startswith("#")]
    assert outside == [SAFE_URL]


def test_the_report_shows_refused_urls_as_text(report):
    assert "javascript:alert(document.cookie)</span>" in report
    assert "vbscript:msgbox(1)</span>" in report


def test_served_pages_hold_no_live_markup(served):
    assert len(served) > len(ARTICLES)
    for url, r in served.items():
        assert r.status_code == 200, url
        assert live_markup(r.text) == [], url


def test_served_document_pages_link_only_the_http_original(served):
    outside = {h for url, r in served.items() if url.startswith("/doc/")
               for h in hrefs(r.text) if not h.startswith(("/", "#"))}
    assert outside == {SAFE_URL}


def test_hostile_body_text_is_shown_as_text(served):
    page = served["/doc/hostile-title"].text
    assert "Mayor Jonas &quot;&gt;&lt;img src=x onerror=alert(" in page


def test_hostile_speaker_names_are_shown_as_text(client, served, report):
    names = {f["speaker"] for f in client.get("/api/figures").json() if "<" in (f["speaker"] or "")}
    assert names  # the extractor took markup into a name: the case under test is there
    site = "".join(r.text for r in served.values())
    for name in names:
        assert escape(name) in report and escape(name) in site, name


def test_served_pages_carry_the_security_headers(served):
    for url, r in served.items():
        assert r.headers["x-content-type-options"] == "nosniff", url
        assert r.headers["content-security-policy"].startswith("default-src 'none'; style-src 'sha256-"), url
        assert "script-src" not in r.headers["content-security-policy"], url


def test_api_answers_are_json_so_hostile_text_is_never_read_as_html(client):
    r = client.get("/api/documents")
    assert "<script>" in r.text  # the title is data here, stored as written
    assert r.headers["content-type"] == "application/json" and r.headers["x-content-type-options"] == "nosniff"
