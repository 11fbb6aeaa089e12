"""Shared fixtures: real pages from ../shared (read by path, never copied into the repo) and a
local HTTP server the tests start on 127.0.0.1 (nothing reaches the internet)."""
from __future__ import annotations

import gzip
import http.server
import json
import pathlib
import threading
import time
from dataclasses import dataclass, field

import pytest

SHARED = pathlib.Path(__file__).resolve().parents[2].parent / "shared"
BENCH = SHARED / "corpora" / "article-extraction-benchmark"

# Benchmark pages used by several tests, by hash. Outlet, language and date noted by a person.
VENTUREBEAT = "06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85"
KOREAN = "0ec95c7261d122f304728e90c983450ef1ce1e0b423546835c397d50aaf0d0f2"
SCIENCEALERT = "14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f"
THEHILL = "156770d676ce79905198e1c8407f81e5ecfb617d9aa44712718707eb7e3b8e38"

if not BENCH.is_dir():
    pytest.skip(f"shared corpora not found at {BENCH}", allow_module_level=True)


def page_path(prefix: str) -> pathlib.Path:
    matches = sorted((BENCH / "html").glob(f"{prefix[:10]}*.html.gz"))
    assert len(matches) == 1, prefix
    return matches[0]


def page_html(prefix: str) -> str:
    return gzip.decompress(page_path(prefix).read_bytes()).decode("utf-8")


def truth(prefix: str) -> dict:
    data = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    return data[page_path(prefix).name.split(".")[0]]


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    chunked: bool = False


class Server:
    """A tiny HTTP server whose routes tests fill in; it records every request it gets."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 (the stdlib's name)
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path, Route(404, b"not here", "text/plain"))
                if route.delay:
                    time.sleep(route.delay)
                try:
                    self.send_response(route.status)
                    if route.content_type:
                        self.send_header("Content-Type", route.content_type)
                    for k, v in route.headers.items():
                        self.send_header(k, v)
                    if route.chunked:
                        self.send_header("Transfer-Encoding", "chunked")
                        self.end_headers()
                        for i in range(0, len(route.body), 65536):
                            piece = route.body[i:i + 65536]
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                        self.wfile.write(b"0\r\n\r\n")
                    else:
                        self.send_header("Content-Length", str(len(route.body)))
                        self.end_headers()
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client hung up on purpose (size cap, timeout)

            def log_message(self, *args):
                pass

        class Quiet(http.server.ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # clients hang up mid-connection on purpose here (timeouts, size caps)

        self.httpd = Quiet(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


@pytest.fixture
def server():
    s = Server()
    s.thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


def rss(items: list[tuple[str, str, str]], title: str = "Test feed") -> bytes:
    """An RSS 2.0 feed of (title, link, RFC 822 date) entries."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
        for t, link, date in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.org/</link><description>d</description>{entries}</channel></rss>").encode()


def atom(items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id><updated>{date}</updated></entry>'
        for t, link, date in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Atom test</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>{entries}</feed>").encode()


# A page written for these tests (no article text from ../shared): long enough for trafilatura.
OWN_BODY = "".join(
    f"<p>Paragraph {i}: officials in the test town said the new bridge carried more traffic than "
    f"planned, and engineers reported that repairs would take several more weeks to finish.</p>"
    for i in range(1, 7))


def own_page(head: str = "", body_extra: str = "", lang: str = "en") -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><title>Bridge traffic rises</title>{head}</head>'
            f"<body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><article>"
            f"<h1>Bridge traffic rises</h1>{body_extra}{OWN_BODY}</article>"
            f"<footer>Copyright test site</footer></body></html>")
