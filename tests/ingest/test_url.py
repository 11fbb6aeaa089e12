from newsledger.ingest import iter_articles
from newsledger.ingest.fetch import FetchConfig
from newsledger.ingest.html import doc_id_from_url
from newsledger.model import Article, Problem

from .conftest import VENTUREBEAT, Route, page_html

FAST = FetchConfig(min_interval=0.0)


def test_article_url_read_with_allow_private(server):
    server.routes["/story"] = Route(body=page_html(VENTUREBEAT).encode("utf-8"))
    (a,) = iter_articles([server.url("/story")], allow_private=True, fetch_config=FAST)
    assert isinstance(a, Article) and a.kind == "url"
    assert a.doc == doc_id_from_url(server.url("/story")) and a.url == server.url("/story")
    assert a.html == page_html(VENTUREBEAT)


def test_article_url_refused_without_allow_private(server):
    (p,) = iter_articles([server.url("/story")], fetch_config=FAST)
    assert isinstance(p, Problem) and "--allow-private" in p.message


def test_redirected_url_keeps_requested_id_and_final_url(server):
    server.routes["/story"] = Route(body=page_html(VENTUREBEAT).encode("utf-8"))
    server.routes["/short"] = Route(301, headers={"Location": "/story"})
    (a,) = iter_articles([server.url("/short")], allow_private=True, fetch_config=FAST)
    assert a.doc == doc_id_from_url(server.url("/short")) and a.url == server.url("/story")


def test_timeout_and_404_are_problems_and_the_rest_goes_on(server):
    server.routes["/story"] = Route(body=page_html(VENTUREBEAT).encode("utf-8"))
    server.routes["/slow"] = Route(body=b"<html></html>", delay=2.0)
    cfg = FetchConfig(min_interval=0.0, read_timeout=0.3)
    items = list(iter_articles([server.url("/slow"), server.url("/nope"), server.url("/story")],
                               allow_private=True, fetch_config=cfg))
    assert [type(i) for i in items] == [Problem, Problem, Article]
    assert "timed out" in items[0].message and "404" in items[1].message
