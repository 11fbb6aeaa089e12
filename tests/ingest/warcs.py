"""Small WARC files built at test time from benchmark pages, as Common Crawl's news crawl writes
them: a warcinfo record, then request/response pairs."""
from __future__ import annotations

import io

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .conftest import SCIENCEALERT, THEHILL, VENTUREBEAT, page_html

PAGES = [("https://news.example/venturebeat", VENTUREBEAT),
         ("https://news.example/sciencealert", SCIENCEALERT),
         ("https://news.example/thehill", THEHILL)]


def build_warc(gz: bool = True) -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    w.write_record(w.create_warcinfo_record("test.warc", {"software": "newsledger tests"}))

    def response(uri, status, ctype, body):
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        req = w.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                   http_headers=StatusAndHeaders(f"GET {uri} HTTP/1.1", [], is_http_request=True))
        w.write_record(req)
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))

    response(*_page(0))
    response("https://news.example/moved", "301 Moved Permanently", "text/html", b"<html>moved</html>")
    response(*_page(1))
    response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200))
    response(*_page(2))
    return buf.getvalue()


def _page(n):
    uri, page = PAGES[n]
    return uri, "200 OK", "text/html; charset=utf-8", page_html(page).encode("utf-8")


def record_offsets(data: bytes) -> dict[str, int]:
    """Byte offset of each response record, by target URI."""
    out = {}
    it = ArchiveIterator(io.BytesIO(data))
    for rec in it:
        kind, uri = rec.rec_type, rec.rec_headers.get_header("WARC-Target-URI")
        rec.content_stream().read()
        if kind == "response":
            out[uri] = it.get_record_offset()
    return out
