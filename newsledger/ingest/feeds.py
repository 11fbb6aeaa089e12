"""RSS and Atom feeds (a file or a fetched URL): every entry's link is fetched and read as a page.

The entry's title and date are the publisher's own metadata for the article, so they win over
what extraction finds in the page; the page's site name is preferred to the feed's title as the
outlet ("BBC News" rather than "BBC News - World").
"""
from __future__ import annotations

import datetime as dt
import pathlib
import re
from collections.abc import Iterator

import feedparser

from ..model import Article, Problem
from .fetch import HTML_TYPES, Fetcher
from .html import article_from_html, decode_html, doc_id_from_url

MAX_FEED_BYTES = 20_000_000
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)


def looks_like_feed(data: bytes) -> bool:
    """Whether a document is RSS/Atom/RDF rather than a page, by its root element."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and bool(_FEED_ROOT.search(head))


def read_feed_file(path: pathlib.Path, fetcher: Fetcher) -> Iterator[Article | Problem]:
    try:
        if path.stat().st_size > MAX_FEED_BYTES:
            yield Problem(str(path), f"feed larger than {MAX_FEED_BYTES // 1_000_000} MB; not read")
            return
        data = path.read_bytes()
    except OSError as e:
        yield Problem(str(path), f"cannot read: {e.strerror or e}")
        return
    yield from articles_from_feed(data, str(path), fetcher)


def articles_from_feed(data: bytes, source: str, fetcher: Fetcher,
                       base_url: str | None = None) -> Iterator[Article | Problem]:
    # Always bytes: given a str, feedparser would treat it as a URL or path and fetch it itself,
    # past every check in fetch.py.
    headers = {"content-location": base_url} if base_url else {}
    parsed = feedparser.parse(bytes(data), response_headers=headers)
    if not parsed.get("version"):
        why = parsed.get("bozo_exception")
        detail = f" (not XML: {why})" if why else ""
        yield Problem(source, f"not an RSS or Atom feed{detail}")
        return
    if parsed.get("bozo") and not parsed.entries:
        yield Problem(source, f"malformed feed with no entries: {parsed.get('bozo_exception')}")
        return
    if not parsed.entries:
        yield Problem(source, "the feed has no entries")
        return
    feed_title = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, 1):
        link = (entry.get("link") or "").strip()
        if not link:
            yield Problem(source, f"entry {number} has no link")
            continue
        yield _read_entry(entry, link, fetcher, feed_title)


def _read_entry(entry, link: str, fetcher: Fetcher, feed_title: str | None) -> Article | Problem:
    fetched = fetcher.fetch(link, accept=HTML_TYPES)
    if isinstance(fetched, Problem):
        return fetched
    item = article_from_html(decode_html(fetched.body, fetched.charset), doc_id_from_url(link),
                             source=link, url=fetched.url, kind="feed")
    if isinstance(item, Problem):
        return item
    title = " ".join((entry.get("title") or "").split())
    if title:
        item.title = title
    published = entry_date(entry)
    if published:
        item.published, item.published_inferred = published, False
    item.outlet = item.outlet or feed_title
    return item


def entry_date(entry) -> dt.date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        return dt.date(*stamp[:3])
    except (TypeError, ValueError):
        return None
