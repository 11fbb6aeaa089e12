"""Fetching pages and feeds over HTTP, defensively.

A URL in a feed or on the command line is untrusted input: it may point at the user's own
network (a router, a cloud metadata endpoint), never answer, or send gigabytes. So every hop is
resolved first and refused if any address is not public, and the connection then goes to that
checked address (a second DNS lookup could answer differently); redirects are followed here, one
checked hop at a time; bodies are streamed and cut off at a size cap and an overall deadline.
Every failure is a ``Problem`` with one line a person can act on.
"""
from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx

from .. import __version__
from ..model import Problem

USER_AGENT = f"newsledger/{__version__} (+https://github.com/newsledger/newsledger)"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/xml", "text/xml",
})
REDIRECTS = {301, 302, 303, 307, 308}


@dataclass
class FetchConfig:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0      # longest silence allowed between two packets
    total_timeout: float = 60.0     # a server dripping a byte a second must not hold us forever
    max_bytes: int = 10_000_000     # decoded body; also stops gzip bombs served over HTTP
    max_redirects: int = 5
    min_interval: float = 1.0       # seconds between two requests to one host
    allow_private: bool = False
    user_agent: str = USER_AGENT


@dataclass
class Fetched:
    url: str                 # after redirects
    status: int
    content_type: str | None  # media type, lower case, without parameters
    charset: str | None
    body: bytes
    redirects: list[str] = field(default_factory=list)


@dataclass
class _Redirect:
    location: str


Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """All addresses of ``host``, IPv4 first (more often reachable), without duplicates."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for family, *_rest, sockaddr in sorted(infos, key=lambda i: i[0] != socket.AF_INET):
        if sockaddr[0] not in seen:
            seen.append(sockaddr[0])
    return seen


def refusal(address: str) -> str | None:
    """Why fetching from ``address`` is refused ('a loopback address'...), or None if public."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "unspecified", "multicast", "reserved", "private"):
        if getattr(ip, f"is_{kind}"):
            return f"a {kind.replace('_', '-')} address"
    if not ip.is_global:  # shared address space (100.64/10) and other non-routable ranges
        return "not a public address"
    return None


class Fetcher:
    """One HTTP client for a run: connections are reused and the rate limit spans all inputs."""

    def __init__(self, config: FetchConfig | None = None, resolver: Resolver = resolve):
        self.config = config or FetchConfig()
        self._resolve = resolver
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.config.read_timeout, connect=self.config.connect_timeout),
            follow_redirects=False,
            trust_env=False,  # an environment proxy would make the address check meaningless
            headers={"User-Agent": self.config.user_agent},
        )
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def fetch(self, url: str, accept: Collection[str] = HTML_TYPES | FEED_TYPES) -> Fetched | Problem:
        """GET ``url`` following at most ``max_redirects`` redirects, each hop checked."""
        current, hops = url, []
        for _ in range(self.config.max_redirects + 1):
            try:
                result = self._get(current, accept)
            except httpx.ConnectTimeout:
                return Problem(url, f"timed out connecting to {_host(current)} after {self.config.connect_timeout:g} s")
            except httpx.ReadTimeout:
                return Problem(url, f"timed out: {_host(current)} sent nothing for {self.config.read_timeout:g} s")
            except httpx.TimeoutException:
                return Problem(url, f"timed out talking to {_host(current)}")
            except httpx.DecodingError:
                return Problem(url, "the server sent a corrupt compressed response")
            except httpx.HTTPError as e:
                return Problem(url, f"fetch failed: {type(e).__name__}: {e}".splitlines()[0])
            if isinstance(result, _Redirect):
                hops.append(current)
                current = result.location
                continue
            if isinstance(result, Problem):
                return Problem(url, result.message)
            result.redirects = hops
            return result
        return Problem(url, f"too many redirects (more than {self.config.max_redirects})")

    def _get(self, url: str, accept: Collection[str]) -> Fetched | _Redirect | Problem:
        try:
            target = httpx.URL(url)
        except httpx.InvalidURL as e:
            return Problem(url, f"not a valid URL: {e}")
        if target.scheme not in ("http", "https") or not target.host:
            return Problem(url, f"only http and https URLs are fetched, not {url!r}")
        host, port = target.host, target.port or (443 if target.scheme == "https" else 80)
        try:
            addresses = self._resolve(host, port)
        except (socket.gaierror, UnicodeError, OSError):
            return Problem(url, f"cannot resolve host {host}")
        if not addresses:
            return Problem(url, f"cannot resolve host {host}")
        if not self.config.allow_private:
            for address in addresses:
                why = refusal(address)
                if why:
                    return Problem(url, f"refused: {host} resolves to {address}, {why} (use --allow-private to fetch it)")
        self._wait_turn(host)
        last_error: Exception | None = None
        for address in addresses:
            try:
                return self._get_from(target, address, accept)
            except httpx.ConnectError as e:
                last_error = e
        return Problem(url, f"cannot connect to {host}: {last_error}".splitlines()[0])

    def _get_from(self, target: httpx.URL, address: str, accept: Collection[str]) -> Fetched | _Redirect | Problem:
        url = str(target)
        # Connect to the address that was checked, but speak to the server by its name.
        pinned = target.copy_with(host=address)
        headers = {"Host": target.netloc.decode("ascii")}
        extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
        deadline = time.monotonic() + self.config.total_timeout
        with self._client.stream("GET", pinned, headers=headers, extensions=extensions) as resp:
            if resp.status_code in REDIRECTS and resp.headers.get("location"):
                return _Redirect(urljoin(url, resp.headers["location"]))
            if resp.status_code >= 400:
                return Problem(url, f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
            if resp.status_code != 200:
                return Problem(url, f"HTTP {resp.status_code}: no page in the response")
            media, charset = parse_content_type(resp.headers.get("content-type"))
            if media and media not in accept:
                return Problem(url, f"wrong content type {media}; expected a web page or a feed")
            limit = self.config.max_bytes
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                return Problem(url, f"too large: {int(declared):,} bytes (limit {limit:,})")
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > limit:
                    return Problem(url, f"too large: more than {limit:,} bytes")
                if time.monotonic() > deadline:
                    return Problem(url, f"timed out: download took longer than {self.config.total_timeout:g} s")
                chunks.append(chunk)
        return Fetched(url=url, status=resp.status_code, content_type=media, charset=charset, body=b"".join(chunks))

    def _wait_turn(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            ready = self._last.get(host, float("-inf")) + self.config.min_interval
            if ready > now:
                time.sleep(ready - now)
            self._last[host] = time.monotonic()


def parse_content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    media, *params = (p.strip() for p in header.split(";"))
    charset = None
    for p in params:
        name, _, value = p.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return media.lower() or None, charset


def _host(url: str) -> str:
    try:
        return httpx.URL(url).host or url
    except httpx.InvalidURL:
        return url
