import datetime as dt

import pytest

from newsledger.ingest import iter_articles
from newsledger.ingest.feeds import read_feed_file
from newsledger.ingest.fetch import FetchConfig, Fetcher
from newsledger.model import Article, Problem

from .conftest import SCIENCEALERT, THEHILL, VENTUREBEAT, Route, atom, page_html, rss

CONFIG = FetchConfig(allow_private=True, min_interval=0.0)


@pytest.fixture
def site(server):
    for name, page in (("/a", VENTUREBEAT), ("/b", SCIENCEALERT), ("/c", THEHILL)):
        server.routes[name] = Route(body=page_html(page).encode("utf-8"))
    return server


def _feed_file(tmp_path, site, name="feed.rss", entries=None):
    entries = entries or [("First entry title", site.url("/a"), "Mon, 02 Mar 2020 08:00:00 GMT"),
                          ("Second entry title", site.url("/b"), "Tue, 03 Mar 2020 09:30:00 GMT")]
    f = tmp_path / name
    f.write_bytes(rss(entries))
    return f


def test_each_entry_link_is_fetched_and_read(tmp_path, site):
    with Fetcher(CONFIG) as fetcher:
        items = list(read_feed_file(_feed_file(tmp_path, site), fetcher))
    assert [type(i) for i in items] == [Article, Article]
    assert site.paths() == ["/a", "/b"]
    assert items[0].kind == "feed" and items[0].url == site.url("/a")


def test_entry_title_and_date_are_the_metadata(tmp_path, site):
    with Fetcher(CONFIG) as fetcher:
        first = next(iter(read_feed_file(_feed_file(tmp_path, site), fetcher)))
    assert first.title == "First entry title"
    assert first.published == dt.date(2020, 3, 2) and not first.published_inferred


def test_atom_feed(tmp_path, site):
    f = tmp_path / "feed.atom"
    f.write_bytes(atom([("Atom entry", site.url("/c"), "2021-05-06T07:00:00Z")]))
    with Fetcher(CONFIG) as fetcher:
        (item,) = read_feed_file(f, fetcher)
    assert (item.title, item.published) == ("Atom entry", dt.date(2021, 5, 6))


def test_dead_link_costs_one_entry(tmp_path, site):
    f = _feed_file(tmp_path, site, entries=[
        ("Gone", site.url("/gone"), "Mon, 02 Mar 2020 08:00:00 GMT"),
        ("Here", site.url("/c"), "Mon, 02 Mar 2020 08:00:00 GMT")])
    with Fetcher(CONFIG) as fetcher:
        gone, here = read_feed_file(f, fetcher)
    assert isinstance(gone, Problem) and gone.message == "HTTP 404 Not Found"
    assert isinstance(here, Article)


def test_feed_that_is_not_xml_is_a_problem(tmp_path):
    f = tmp_path / "feed.rss"
    f.write_text("this is a plain note, not a feed", encoding="utf-8")
    with Fetcher(CONFIG) as fetcher:
        (p,) = read_feed_file(f, fetcher)
    assert isinstance(p, Problem) and p.message.startswith("not an RSS or Atom feed (not XML")


def test_feed_links_to_private_addresses_refused_without_flag(tmp_path, site):
    items = list(iter_articles([str(_feed_file(tmp_path, site))]))
    assert all(isinstance(i, Problem) and "refused" in i.message for i in items) and len(items) == 2
    assert site.paths() == []


def test_feed_links_fetched_with_allow_private(tmp_path, site):
    cfg = FetchConfig(min_interval=0.0)
    items = list(iter_articles([str(_feed_file(tmp_path, site))], allow_private=True, fetch_config=cfg))
    assert [type(i) for i in items] == [Article, Article]


def test_feed_url_is_recognised_and_read(site):
    site.routes["/feed"] = Route(body=rss([("Via URL", site.url("/a"), "Mon, 02 Mar 2020 08:00:00 GMT")]),
                                 content_type="application/xml")
    (item,) = iter_articles([site.url("/feed")], allow_private=True, fetch_config=FetchConfig(min_interval=0))
    assert isinstance(item, Article) and item.kind == "feed" and item.title == "Via URL"


def test_feed_url_that_is_not_xml(site):
    site.routes["/bad"] = Route(body=b"oops, an error page", content_type="application/rss+xml")
    (p,) = iter_articles([site.url("/bad")], allow_private=True, fetch_config=FetchConfig(min_interval=0))
    assert isinstance(p, Problem) and "not an RSS or Atom feed" in p.message
