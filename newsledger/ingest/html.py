"""Web pages (``.html``, ``.htm``, ``.html.gz``) -> ``Article``, through trafilatura and htmldate.

``Article.text`` is the page's title, a blank line, then the body trafilatura extracted (the same
shape as the text and JSON readers, so a figure in a headline is found like any other). All
offsets refer to that text; the page itself is kept in ``Article.html``.

``article_from_html`` is the one place HTML becomes an article: the URL, feed, WARC and JSONL
readers all go through it.
"""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import logging
import pathlib
import re
import signal
import threading
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

import htmldate
import trafilatura

from ..model import Article, Problem
from .language import detect_language, normalise
from .textfile import has_text, looks_binary

SUFFIXES = (".html.gz", ".html", ".htm")
# Real article pages are well under 5 MB; a .gz that inflates past this is refused as a
# possible decompression bomb rather than read into memory.
MAX_HTML_BYTES = 20_000_000

# Chosen on ../shared/corpora/article-extraction-benchmark by benchmarks/extraction.py.
EXTRACT_OPTIONS = dict(
    include_comments=False,
    include_tables=True,
    favor_precision=True,  # F1 0.964 vs 0.960 default, 0.959 favor_recall
    favor_recall=False,
)

# trafilatura and htmldate log every unparsable page at WARNING/ERROR; those become Problems.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


# trafilatura's work grows with the square of the elements in one container: 5,000 links in
# one paragraph take 2 s, 20,000 (a 320 kB page) 30 s, 200,000 hours. Extraction is stopped
# past this many seconds and the page refused; real pages take well under one.
EXTRACT_SECONDS = 20.0


# Past this many child elements in one element (links or inline tags in one paragraph) the
# quadratic part runs inside lxml, where no timer reaches: such pages are refused up front.
MAX_CHILDREN = 5_000


def _widest(html: str) -> int:
    """The most child elements any one element of the page has (one linear lxml pass)."""
    import lxml.html
    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # trafilatura says what it makes of markup lxml cannot parse
        return 0
    return max((len(e) for e in root.iter()), default=0)


class _TookTooLong(BaseException):
    """Raised by the timer inside trafilatura; a BaseException so its ``except Exception``
    blocks do not swallow it."""


@contextmanager
def _time_limit(seconds: float):
    """Interrupt the block after ``seconds``, by SIGALRM: only in the main thread, and only when
    no other interval timer is running (then the block runs unbounded, as before)."""
    if (seconds <= 0 or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0):
        yield
        return
    armed = True

    def on_alarm(signum, frame):
        if armed:
            raise _TookTooLong

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Extracted:
    body: str
    title: str | None
    sitename: str | None
    published: dt.date | None
    language: str | None


def extract(html: str, url: str | None = None) -> Extracted | None:
    """Body and metadata of a page, or None when trafilatura finds no article in it."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, **EXTRACT_OPTIONS)
    if (doc is None or not (doc.text or "").strip()) and EXTRACT_OPTIONS.get("favor_precision"):
        # Precision mode gives up on badly broken markup (unclosed containers) where the
        # balanced mode still finds the article: better some furniture than no article.
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                          **{**EXTRACT_OPTIONS, "favor_precision": False})
    if doc is None or not has_text(doc.text):
        return None
    return Extracted(
        body=doc.text.strip(),
        title=_clean(doc.title),
        sitename=_clean(doc.sitename),
        published=stated_date(html, url),
        language=normalise(doc.language) or _declared_language(html),
    )


def stated_date(html: str, url: str | None = None) -> dt.date | None:
    """The publication date the page states in its markup or URL; None rather than a guess.

    htmldate's extensive search would scan the visible text for any date, which is inference;
    that belongs to the date extractor, which marks its result as inferred.
    """
    try:
        found = htmldate.find_date(html, url=url, extensive_search=False, original_date=True)
    except Exception:  # htmldate is best effort: a page without a usable date is not an error
        return None
    if not found:
        return None
    try:
        return dt.date.fromisoformat(found[:10])
    except ValueError:
        return None


_LANG_ATTR = re.compile(rb"""<html[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)""", re.I)


def _declared_language(html: str) -> str | None:
    m = _LANG_ATTR.search(html[:5000].encode("utf-8", "replace"))
    return normalise(m.group(1).decode()) if m else None


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def compose_text(title: str | None, body: str) -> str:
    """Title, blank line, body; the title is not repeated when the body already opens with it."""
    if not title or body.startswith(title):
        return body
    return f"{title}\n\n{body}"


def article_from_html(html: str, doc: str, source: str, url: str | None = None,
                      kind: str = "html") -> Article | Problem:
    """Turn one page into an Article; a page with no article in it becomes a Problem."""
    if not has_text(html):
        return Problem(source, "empty page")
    if "\x00" in html[:4096]:
        return Problem(source, "binary data, not an HTML page")
    widest = _widest(html)
    if widest > MAX_CHILDREN:
        return Problem(source, f"an element of the page has {widest:,} child elements (over {MAX_CHILDREN:,}); "
                               "refused: extracting it would take minutes")
    try:
        with _time_limit(EXTRACT_SECONDS):
            ex = extract(html, url)
    except _TookTooLong:
        return Problem(source, f"the page's markup took more than {EXTRACT_SECONDS:g} s to extract "
                               "(thousands of elements in one container); refused")
    except Exception as e:  # lxml and trafilatura can fail on pathological markup
        return Problem(source, f"malformed HTML: {type(e).__name__}: {e}".splitlines()[0])
    if ex is None:
        return Problem(source, "no article text found in the page")
    text = compose_text(ex.title, ex.body)
    return Article(
        doc=doc, text=text, source=source, kind=kind,
        published=ex.published, outlet=ex.sitename, url=url, title=ex.title,
        language=detect_language(ex.body, hint=ex.language), html=html,
    )


def doc_id_from_url(url: str) -> str:
    """A stable, readable id for a page known only by its URL: host plus a short hash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "page").removeprefix("www.")
    canonical = parts._replace(fragment="").geturl()
    return f"{host}-{hashlib.sha256(canonical.encode('utf-8')).hexdigest()[:12]}"


def doc_id_from_path(path: pathlib.Path) -> str:
    name = path.name
    for s in SUFFIXES:
        if name.lower().endswith(s):
            return name[: -len(s)]
    return path.stem


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Bytes of a page -> str, by the declared charset, the page's <meta>, then UTF-8.

    Offsets refer to the extracted text, not the page, so a lossy decode of a mislabelled page
    costs a few characters, never the alignment.
    """
    for charset in (declared, _meta_charset(data), "utf-8"):
        if not charset:
            continue
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _meta_charset(data: bytes) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def read_gzip_capped(path: pathlib.Path, cap: int = MAX_HTML_BYTES) -> bytes | Problem:
    """Inflate a .gz file, refusing to go past ``cap`` bytes (a decompression bomb)."""
    try:
        with gzip.open(path, "rb") as fh:
            data = fh.read(cap + 1)
    except EOFError:
        return Problem(str(path), "truncated gzip file (it ends before the compressed data does)")
    except gzip.BadGzipFile:
        return Problem(str(path), "not a gzip file, despite the .gz suffix")
    except zlib.error as e:
        return Problem(str(path), f"corrupt gzip data ({e})")
    except OSError as e:
        return Problem(str(path), f"cannot read: {e.strerror or e}")
    if len(data) > cap:
        return Problem(str(path), f"decompresses to more than {cap // 1_000_000} MB; refused as a possible decompression bomb")
    return data


def read_html_file(path: pathlib.Path) -> Article | Problem:
    if path.name.lower().endswith(".gz"):
        data = read_gzip_capped(path)
        if isinstance(data, Problem):
            return data
    else:
        try:
            if path.stat().st_size > MAX_HTML_BYTES:
                return Problem(str(path), f"larger than {MAX_HTML_BYTES // 1_000_000} MB; not read")
            data = path.read_bytes()
        except OSError as e:
            return Problem(str(path), f"cannot read: {e.strerror or e}")
    if looks_binary(data):
        return Problem(str(path), "binary data, not an HTML page")
    return article_from_html(decode_html(data), doc_id_from_path(path), str(path))
