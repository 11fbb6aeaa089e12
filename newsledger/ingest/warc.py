"""WARC and WARC.gz files, as Common Crawl's news crawl writes them: response records holding HTML.

Each HTML response becomes one article, its id derived from the record's target URI (so the same
page crawled into two archives gets the same id). Records that are not successful HTML responses
(requests, metadata, redirects, images) are skipped silently: an archive is mostly those.

A broken record is reported and reading resumes at the next record that can be found: in a
WARC.gz every record is its own gzip member, in a plain WARC every record starts "WARC/1.".
"""
from __future__ import annotations

import pathlib
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArchiveLoadFailed

from ..model import Article, Problem
from .html import MAX_HTML_BYTES, article_from_html, decode_html, doc_id_from_url
from .fetch import HTML_TYPES, parse_content_type

SUFFIXES = (".warc.gz", ".warc")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."


class _QuietIterator(ArchiveIterator):
    # warcio prints a multi-line warning to stderr for a bad Content-Length; the Problem that
    # follows says it in one line.
    INC_RECORD = ""


def read_warc_file(path: pathlib.Path) -> Iterator[Article | Problem]:
    try:
        fh = path.open("rb")
    except OSError as e:
        yield Problem(str(path), f"cannot read: {e.strerror or e}")
        return
    with fh:
        found = False
        for item in _read_from(fh, path):
            found = True
            yield item
    if not found:  # only requests, metadata, redirects, images: say so rather than nothing
        yield Problem(str(path), "no HTML pages in this WARC file (no successful HTML response records)")


def _read_from(fh, path: pathlib.Path) -> Iterator[Article | Problem]:
    magic = fh.read(3)
    fh.seek(0)
    signature = _GZIP_MAGIC if magic == _GZIP_MAGIC else _WARC_MAGIC
    if signature == _WARC_MAGIC and not magic.startswith(b"WAR"):
        yield Problem(str(path), "not a WARC file (it does not start with a WARC record)")
        return
    start = 0
    while start is not None:
        fh.seek(start)
        records = _QuietIterator(fh)
        position = start
        try:
            for record in records:
                try:
                    item = _from_record(record, path, position)
                except Exception as e:  # the record's framing held but its content did not
                    item = Problem(f"{path}@{position}", f"unreadable WARC record at byte {position}: {_first_line(e)}")
                if item is not None:
                    yield item
                records.read_to_end()
                position = records.offset
            return
        except Exception as e:  # warcio raises several kinds for a broken record; all mean the same
            yield Problem(f"{path}@{position}", f"broken WARC record at byte {position} ({_first_line(e)}); skipped to the next record")
            start = _next_start(fh, position + 1, signature)


def _first_line(e: Exception) -> str:
    # warcio's own messages quote the bytes it choked on, which may be binary or page text.
    if isinstance(e, ArchiveLoadFailed):
        return "invalid record header"
    if isinstance(e, zlib.error):
        return "corrupt compressed data"
    if isinstance(e, EOFError):
        return "the file ends inside the record"
    return type(e).__name__


def _next_start(fh, offset: int, signature: bytes) -> int | None:
    """The byte offset of the next record start at or after ``offset``, or None at the end."""
    fh.seek(offset)
    carry = b""
    base = offset
    while True:
        block = fh.read(1 << 16)
        if not block:
            return None
        data = carry + block
        found = data.find(signature)
        while found != -1:
            # A plain record header sits at the start of a line; a mere mention of "WARC/1." in a
            # page does not.
            if signature == _GZIP_MAGIC or found + base - len(carry) == 0 or data[found - 1:found] == b"\n":
                return base - len(carry) + found
            found = data.find(signature, found + 1)
        carry = data[-(len(signature) - 1):]
        base += len(block)


def _from_record(record, path: pathlib.Path, position: int) -> Article | Problem | None:
    kind = record.rec_type
    if kind not in ("response", "resource"):
        return None
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    if kind == "response":
        if record.http_headers is None or not (record.http_headers.get_statuscode() or "").startswith("200"):
            return None
        media, charset = parse_content_type(record.http_headers.get_header("Content-Type"))
    else:
        media, charset = parse_content_type(record.rec_headers.get_header("Content-Type"))
    if media is not None and media not in HTML_TYPES:
        return None
    # content_stream undoes chunked transfer and gzip content encoding: a bomb is capped here too.
    body = record.content_stream().read(MAX_HTML_BYTES + 1)
    where = f"{path}@{position}"
    if len(body) > MAX_HTML_BYTES:
        return Problem(where, f"page {uri} is larger than {MAX_HTML_BYTES // 1_000_000} MB; skipped")
    if getattr(record.raw_stream, "limit", 0) > 0:
        # The record declared more bytes than the file holds: a download or copy cut short.
        return Problem(where, f"{uri or 'record'}: the file ends inside this record (truncated WARC)")
    if media is None and b"<html" not in body[:2048].lower():
        return None
    item = article_from_html(decode_html(body, charset), doc_id_from_url(uri) if uri else f"{path.name}-{position}",
                             source=where, url=uri or None, kind="warc")
    if isinstance(item, Problem):
        return Problem(where, f"{uri or 'record'}: {item.message}")
    return item
