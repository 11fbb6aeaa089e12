"""Which article URLs become links: absolute http(s) only, everything else shown as text."""
from __future__ import annotations

import pytest

from newsledger.safeurl import http_url, link_html


@pytest.mark.parametrize("url", [
    "https://news.example.org/2024/12/floods",
    "http://example.com",
    "HTTPS://Example.COM/a?b=c&d=e#f",
    "https://user@example.com:8443/path",
])
def test_absolute_http_addresses_are_linkable(url):
    assert http_url(url) == url


@pytest.mark.parametrize("url", [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.com/x",
    "//evil.example.com/x",
    "/doc/relative",
    "relative/page.html",
    "https:evil.example.com",
    "http:\\\\evil.example.com",
    "https://",
    "http://[::1",
    "https://exa mple.com/",
    "",
    None,
    "https://example.com/" + "a" * 5000,
])
def test_anything_else_is_not_linkable(url):
    assert http_url(url) is None


def test_a_safe_url_becomes_an_escaped_link():
    assert link_html('https://example.com/?q="x"&y=<b>', "original") == (
        '<a href="https://example.com/?q=&quot;x&quot;&amp;y=&lt;b&gt;" rel="noreferrer noopener">original</a>')


def test_an_unsafe_url_is_shown_as_escaped_text_after_its_label():
    out = link_html('javascript:alert("x")//<b>', "original")
    assert "<a " not in out and "href" not in out
    assert out.startswith("original <span")
    assert "javascript:alert(&quot;x&quot;)//&lt;b&gt;</span>" in out


def test_a_long_unsafe_url_is_shown_cut_short():
    out = link_html("data:text/plain," + "x" * 10_000, "original")
    assert "x" * 200 not in out and "…</span>" in out


def test_no_url_leaves_the_label_alone():
    assert link_html(None, "Floods <in> the valley") == "Floods &lt;in&gt; the valley"
