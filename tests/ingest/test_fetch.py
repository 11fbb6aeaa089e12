import time

import pytest

from newsledger.ingest import fetch as fetch_mod
from newsledger.ingest.fetch import FetchConfig, Fetched, Fetcher, refusal
from newsledger.model import Problem

from .conftest import VENTUREBEAT, Route, page_html


def fetcher(**kw) -> Fetcher:
    kw.setdefault("allow_private", True)
    kw.setdefault("min_interval", 0.0)
    return Fetcher(FetchConfig(**kw))


@pytest.fixture
def page(server):
    server.routes["/page"] = Route(body=page_html(VENTUREBEAT).encode("utf-8"))
    return server.url("/page")


def test_fetches_a_page(page):
    with fetcher() as f:
        got = f.fetch(page)
    assert isinstance(got, Fetched)
    assert got.content_type == "text/html" and got.charset == "utf-8"
    assert got.body.decode("utf-8") == page_html(VENTUREBEAT)


def test_sends_a_clear_user_agent(server, page):
    with fetcher() as f:
        f.fetch(page)
    agent = server.requests[-1][1]["User-Agent"]
    assert agent.startswith("newsledger/") and "+http" in agent


def test_loopback_refused_by_default(server, page):
    with Fetcher(FetchConfig(min_interval=0)) as f:
        got = f.fetch(page)
    assert isinstance(got, Problem) and "refused" in got.message and "loopback" in got.message
    assert server.requests == []


def test_name_is_checked_after_dns_resolution(server, page):
    with Fetcher(FetchConfig(min_interval=0)) as f:
        got = f.fetch(page.replace("127.0.0.1", "localhost"))
    assert isinstance(got, Problem) and "refused: localhost resolves to" in got.message
    assert server.requests == []


@pytest.mark.parametrize("address,kind", [
    ("10.1.2.3", "private"), ("192.168.0.1", "private"), ("169.254.169.254", "link-local"),
    ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"), ("fe80::1", "link-local"),
    ("0.0.0.0", "unspecified"), ("100.64.0.1", "not a public"), ("240.0.0.1", "reserved"),
])
def test_non_public_addresses_are_named(address, kind):
    assert kind in refusal(address)


def test_public_address_is_allowed():
    assert refusal("93.184.216.34") is None


def test_redirect_is_followed(server, page):
    server.routes["/old"] = Route(302, headers={"Location": "/page"})
    with fetcher() as f:
        got = f.fetch(server.url("/old"))
    assert isinstance(got, Fetched) and got.url == page and got.redirects == [server.url("/old")]


def test_redirect_loop_stops_at_the_limit(server):
    server.routes["/loop"] = Route(301, headers={"Location": "/loop"})
    with fetcher(max_redirects=3) as f:
        got = f.fetch(server.url("/loop"))
    assert isinstance(got, Problem) and "too many redirects" in got.message
    assert server.paths() == ["/loop"] * 4


def test_redirect_to_private_address_is_refused(server, monkeypatch):
    # Pretend the test server's address is public; the redirect target is another loopback one.
    real = fetch_mod.refusal
    monkeypatch.setattr(fetch_mod, "refusal", lambda a: None if a == "127.0.0.1" else real(a))
    server.routes["/hop"] = Route(302, headers={"Location": f"http://127.0.0.2:{server.port}/page"})
    with Fetcher(FetchConfig(min_interval=0)) as f:
        got = f.fetch(server.url("/hop"))
    assert isinstance(got, Problem) and "refused: 127.0.0.2" in got.message


def test_404_is_a_problem(server):
    with fetcher() as f:
        got = f.fetch(server.url("/missing"))
    assert isinstance(got, Problem) and got.message == "HTTP 404 Not Found"


def test_slow_server_times_out(server):
    server.routes["/slow"] = Route(body=b"<html></html>", delay=2.0)
    started = time.monotonic()
    with fetcher(read_timeout=0.3) as f:
        got = f.fetch(server.url("/slow"))
    assert isinstance(got, Problem) and "timed out" in got.message
    assert time.monotonic() - started < 1.5


def test_declared_oversize_body_is_refused(server):
    server.routes["/big"] = Route(body=b"x" * 300_000)
    with fetcher(max_bytes=100_000) as f:
        got = f.fetch(server.url("/big"))
    assert isinstance(got, Problem) and got.message.startswith("too large: 300,000 bytes")


def test_undeclared_oversize_body_is_cut_off(server):
    server.routes["/stream"] = Route(body=b"x" * 300_000, chunked=True)
    with fetcher(max_bytes=100_000) as f:
        got = f.fetch(server.url("/stream"))
    assert isinstance(got, Problem) and got.message == "too large: more than 100,000 bytes"


def test_wrong_content_type_is_refused(server):
    server.routes["/img"] = Route(body=b"\x89PNG", content_type="image/png")
    with fetcher() as f:
        got = f.fetch(server.url("/img"))
    assert isinstance(got, Problem) and "wrong content type image/png" in got.message


def test_only_http_urls(server):
    with fetcher() as f:
        got = f.fetch("file:///etc/passwd")
    assert isinstance(got, Problem) and "only http and https" in got.message


def test_requests_to_one_host_are_spaced(server, page):
    with fetcher(min_interval=0.4) as f:
        f.fetch(page)
        started = time.monotonic()
        f.fetch(page)
    assert time.monotonic() - started >= 0.35


def test_connects_to_the_checked_address_and_names_the_host(server, page):
    # "news.test" exists only in this resolver: success means the request went to the address
    # that was checked, not to a second lookup.
    resolver = lambda host, port: ["127.0.0.1"] if host == "news.test" else []  # noqa: E731
    with Fetcher(FetchConfig(allow_private=True, min_interval=0), resolver=resolver) as f:
        got = f.fetch(f"http://news.test:{server.port}/page")
    assert isinstance(got, Fetched) and got.url == f"http://news.test:{server.port}/page"
    assert server.requests[-1][1]["Host"] == f"news.test:{server.port}"


def test_unresolvable_host_is_a_problem():
    with Fetcher(FetchConfig(min_interval=0), resolver=lambda h, p: []) as f:
        got = f.fetch("http://nowhere.test/")
    assert isinstance(got, Problem) and got.message == "cannot resolve host nowhere.test"
