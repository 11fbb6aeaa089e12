"""Shared pieces of the fuzz suites (tests/test_fuzz_*.py): hostile and odd input, made up here.

Nothing is read from ../shared: pages, WARCs and JSONL are built at test time from the text
below, then cut, corrupted or stuffed.
"""
from __future__ import annotations

import gzip
import io
import json
import pathlib

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from newsledger.ingest import iter_articles
from newsledger.model import Article, Problem

# Every example writes a file and runs a reader: a few hundred ms for trafilatura at worst.
# The deadline is the "no hang" property: a reader that loops or goes quadratic fails it.
FUZZ = settings(max_examples=40, deadline=2000,
                # tmp_path is shared by the examples of one test; each example writes its own name
                suppress_health_check=[HealthCheck.function_scoped_fixture])
FUZZ_SLOW = settings(FUZZ, max_examples=12, deadline=5000)

PARAGRAPHS = [
    "Officials in the harbour town of Westmere said on Monday that 240 families had left their homes "
    "after the river rose by two metres overnight.",
    "The regional council said repairs to the flood wall would cost about $3.5 million and take "
    "several weeks, according to its chief engineer, Dana Morrow.",
    "\u201cWe have never seen the water this high,\u201d said Morrow, who added that 12 pumps had been "
    "brought in from neighbouring districts.",
]
TITLE = "River rises in Westmere"
ARTICLE_TEXT = TITLE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"


def page(body_extra: str = "", head: str = "", title: str = TITLE) -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 2)
    return (f'<!DOCTYPE html><html lang="en"><head><title>{title}</title>{head}</head><body>'
            f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body_extra}{paras}</article>"
            f"<footer>Westmere Gazette</footer></body></html>")


def jsonl_line(**rec) -> bytes:
    return json.dumps(rec, ensure_ascii=False).encode("utf-8") + b"\n"


def build_warc(pages: list[tuple[str, bytes]], gz: bool = True) -> bytes:
    """A warcinfo record, then a request/response pair per (uri, body)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    w.write_record(w.create_warcinfo_record("fuzz.warc", {"software": "newsledger fuzz tests"}))
    for uri, body in pages:
        req = w.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                   http_headers=StatusAndHeaders(f"GET {uri} HTTP/1.1", [], is_http_request=True))
        w.write_record(req)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


# -- strategies ---------------------------------------------------------------------------------

# The characters that make text odd: C0 controls and NUL, DEL and C1, bidi controls and
# right-to-left scripts, BOM and zero-width, every line boundary Python knows, combining marks,
# surrogate-free astral characters.
ODD_CHARS = ("\x00\x01\x07\x08\x0b\x0c\x1b\x1c\x1d\x1e\x1f\x7f\x85\x9b\xa0"
             "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
             "\u2028\u2029\ufeff\ufffd\u0301\u0645\u0631\u062d\u0628\u0627\u05e9\u05dc\u05d5\u05dd"
             "\U0001f600\U00010348")
NEWLINES = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]

odd_char = st.sampled_from(ODD_CHARS)
plain_char = st.characters(codec="utf-8")
newline = st.sampled_from(NEWLINES)


@st.composite
def odd_text(draw, max_lines: int = 12) -> str:
    """Lines of article-like words, odd characters and mixed line breaks."""
    words = st.one_of(st.sampled_from(" ".join(PARAGRAPHS + [TITLE]).split()), st.text(plain_char, max_size=8),
                      st.text(odd_char, min_size=1, max_size=3))
    lines = draw(st.lists(st.lists(words, max_size=25).map(" ".join), max_size=max_lines))
    breaks = draw(st.lists(newline, min_size=len(lines), max_size=len(lines)))
    text = "".join(line + br for line, br in zip(lines, breaks))
    if draw(st.booleans()):
        text = draw(st.sampled_from(["", " ", "\ufeff", "\u202e", "\t\n"])) + text
    return text


whitespace_only = st.text(st.sampled_from(" \t\n\r\x0b\x0c\u00a0\u2028\u2029\u3000\ufeff"), max_size=50)


@st.composite
def mangled_bytes(draw, text: str) -> bytes:
    """``text`` in UTF-8 with invalid bytes, a BOM or a cut inside a character."""
    data = text.encode("utf-8")
    how = draw(st.sampled_from(["invalid", "bom", "bom-twice", "cut", "latin1", "utf16"]))
    if how == "invalid":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80"])) + data[at:]
    elif how == "bom":
        data = b"\xef\xbb\xbf" + data
    elif how == "bom-twice":
        data = b"\xef\xbb\xbf\xef\xbb\xbf" + data
    elif how == "cut":
        data = data[:draw(st.integers(0, len(data)))]
    elif how == "latin1":
        data = text.encode("latin-1", "replace")
    else:
        data = text.encode("utf-16")
    return data


def cut(data: bytes, draw_or_at) -> bytes:
    return data[:draw_or_at]


# -- checks -------------------------------------------------------------------------------------

_counter = iter(range(10**9))


def write(folder: pathlib.Path, suffix: str, data: bytes) -> pathlib.Path:
    """A fresh file for this example (Hypothesis runs many examples in one tmp_path)."""
    path = folder / f"in{next(_counter)}{suffix}"
    path.write_bytes(data)
    return path


def read(path: pathlib.Path, **kw) -> list[Article | Problem]:
    """Everything the readers make of ``path``, checked: only Articles and clear Problems."""
    items = list(iter_articles([str(path)], **kw))
    for item in items:
        check_item(item)
    return items


def check_item(item) -> None:
    assert isinstance(item, (Article, Problem)), item
    if isinstance(item, Problem):
        assert_clear(item)
    else:
        assert isinstance(item.text, str) and item.text.strip(), "an article with no text"
        assert isinstance(item.doc, str) and item.doc


def assert_clear(p: Problem) -> None:
    """A refusal a person can read: one line, said by the project, not a stray traceback."""
    assert p.message and p.message.strip(), p
    assert "\n" not in p.message and "\r" not in p.message, f"multi-line message: {p.message!r}"
    # dispatch's last-resort catch: a reader raised instead of refusing
    assert not p.message.startswith("could not read:"), f"a reader raised: {p.message}"
    assert len(p.message) < 400, f"overlong message: {p.message[:200]!r}…"
