"""An http(s) URL given as input: fetched once, then read as a feed or as an article page.

Whether it is a feed is decided by what the server sends, not by the URL: the content type when
it is specific (RSS/Atom), the document's root element when it is generic XML or missing.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..model import Article, Problem
from .feeds import articles_from_feed, looks_like_feed
from .fetch import Fetcher
from .html import article_from_html, decode_html, doc_id_from_url

_FEED_ONLY = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}


def read_url(url: str, fetcher: Fetcher) -> Iterator[Article | Problem]:
    fetched = fetcher.fetch(url)
    if isinstance(fetched, Problem):
        yield fetched
        return
    if fetched.content_type in _FEED_ONLY or looks_like_feed(fetched.body):
        yield from articles_from_feed(fetched.body, url, fetcher, base_url=fetched.url)
        return
    # The id comes from the URL the user gave, so re-running the same input gives the same doc.
    yield article_from_html(decode_html(fetched.body, fetched.charset), doc_id_from_url(url),
                            source=url, url=fetched.url, kind="url")
