"""Every response of the web app carries the security headers; pages run no script and their
one style block is the one the policy allows."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from newsledger.csp import source_hash
from newsledger.web.app import create_app

FIXED = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "x-frame-options": "DENY"}
PAGES = ["/", "/?measure=casualties", "/doc/003_358d319b90d9cb9c", "/doc/no-such-doc", "/claim/no-such-claim"]


@pytest.fixture(scope="module")
def client(seed_db) -> TestClient:
    return TestClient(create_app(seed_db))


@pytest.fixture(scope="module")
def claim_page(client) -> str:
    return "/claim/" + client.get("/api/figures").json()[0]["claim"]


def _directives(csp: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in csp.split(";")) if d}


@pytest.mark.parametrize("url", PAGES + ["/api/figures", "/api/claims", "/openapi.json", "/docs"])
def test_every_response_carries_the_fixed_headers(client, url):
    headers = client.get(url).headers
    assert {k: headers.get(k) for k in FIXED} == FIXED


@pytest.mark.parametrize("url", PAGES + ["/api/figures"])
def test_pages_and_answers_allow_no_script_and_no_outside_source(client, url):
    csp = _directives(client.get(url).headers["content-security-policy"])
    assert csp["default-src"] == ["'none'"] and "script-src" not in csp
    assert csp["frame-ancestors"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    assert all(s.startswith("'sha256-") for s in csp["style-src"])


def test_a_page_has_one_style_block_and_the_policy_allows_exactly_it(client, claim_page):
    for url in ["/", "/doc/003_358d319b90d9cb9c", claim_page]:
        r = client.get(url)
        styles = re.findall(r"<style>(.*?)</style>", r.text, re.S)
        assert len(styles) == 1, url
        assert _directives(r.headers["content-security-policy"])["style-src"] == [source_hash(styles[0])]


def test_pages_hold_no_script_handler_or_style_attribute(client, claim_page):
    for url in ["/", "/doc/003_358d319b90d9cb9c", claim_page]:
        text = client.get(url).text
        assert not re.search(r"<script|\son\w+\s*=|\sstyle\s*=", text, re.I), url


def test_the_api_docs_allow_only_their_own_two_scripts(client):
    r = client.get("/docs")
    csp = _directives(r.headers["content-security-policy"])
    inline = re.findall(r"<script>(.*?)</script>", r.text, re.S)
    assert len(inline) == 1
    assert csp["script-src"] == ["https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js",
                                 source_hash(inline[0])]
    assert csp["default-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]


def test_redoc_is_not_served(client):
    # it would pull fonts from Google; /docs is the API page
    assert client.get("/redoc").status_code == 404
