"""JSON Lines (``.jsonl``, ``.jsonl.gz``): one article per line, each line a JSON object.

Fields of a line:

``text`` (or ``body``, ``content``, ``articleBody``)
    The article text. The stored text is the title, a blank line, then this, as for ``.json``
    files; offsets refer to that.
``html``
    The page instead of the text; extracted as an HTML file would be. When a line has both,
    ``text`` wins (someone already chose the body).
``url``
    Where the article was published.
``title``, ``outlet``, ``published`` (ISO date, ``YYYY-MM-DD`` or a longer ISO timestamp),
``language`` (ISO 639-1)
    Metadata; when given they override what is found in the ``html``.
``id`` or ``doc`` (optional)
    The document id. Without one, the id is derived from ``url`` (host plus a short hash), or
    else from the file name and line number (``dump-00042``).

A line that is not a JSON object, or has neither text nor html, is reported with its line number
and the rest of the file is read.
"""
from __future__ import annotations

import gzip
import pathlib
import zlib
from collections.abc import Iterator

from ..model import Article, Problem
from .html import article_from_html, doc_id_from_url
from .jsonarticle import article_from_record, parse_json
from .language import detect_language
from .manifest import parse_date

SUFFIXES = (".jsonl.gz", ".jsonl", ".ndjson")
# One line holds one article; a line longer than this is not one (and would be read whole).
MAX_LINE_BYTES = 20_000_000


def doc_stem(path: pathlib.Path) -> str:
    name = path.name
    for s in SUFFIXES:
        if name.lower().endswith(s):
            return name[: -len(s)]
    return path.stem


def read_jsonl_file(path: pathlib.Path) -> Iterator[Article | Problem]:
    try:
        raw = path.open("rb")
    except OSError as e:
        yield Problem(str(path), f"cannot read: {e.strerror or e}")
        return
    with raw:
        stream = gzip.GzipFile(fileobj=raw) if path.name.lower().endswith(".gz") else raw
        # Streamed line by line: a .jsonl.gz of any size is fine, only single lines are capped.
        number = 0
        said = False
        try:
            while True:
                line = stream.readline(MAX_LINE_BYTES + 1)
                if not line:
                    break
                number += 1
                if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                    yield Problem(f"{path}:{number}", f"line {number} is longer than {MAX_LINE_BYTES // 1_000_000} MB; stopped reading the file")
                    return
                if line.strip():
                    said = True
                    yield article_from_line(line, path, number)
        except EOFError:
            yield Problem(str(path), f"truncated gzip file: stopped after line {number}")
        except (gzip.BadGzipFile, zlib.error) as e:
            yield Problem(str(path), f"corrupt gzip data after line {number} ({e})")
        except OSError as e:
            yield Problem(str(path), f"cannot read after line {number}: {e.strerror or e}")
        else:
            if not said:
                yield Problem(str(path), "no articles: the file is empty or every line is blank")


def article_from_line(line: bytes, path: pathlib.Path, number: int) -> Article | Problem:
    source = f"{path}:{number}"
    parsed = parse_json(line)
    if isinstance(parsed, str):
        return Problem(source, f"line {number} is not valid JSON: {parsed}")
    rec = parsed.value
    if not isinstance(rec, dict):
        return Problem(source, f"line {number} is not a JSON object")
    url = _str(rec.get("url"))
    doc = _str(rec.get("id")) or _str(rec.get("doc")) or (doc_id_from_url(url) if url else f"{doc_stem(path)}-{number:05d}")
    html = rec.get("html")
    if not _has_text(rec) and isinstance(html, str) and html.strip():
        item = article_from_html(html, doc, source, url=url, kind="jsonl")
        if isinstance(item, Problem):
            return Problem(source, f"line {number}: {item.message}")
        _overlay(item, rec)
        return item
    item = article_from_record(rec, doc, source, kind="jsonl")
    if isinstance(item, Problem):
        return Problem(source, f"line {number}: no article text (expected text or html)")
    if item.language is None:
        item.language = detect_language(item.text)
    return item


def _has_text(rec: dict) -> bool:
    return any(_str(rec.get(k)) for k in ("text", "body", "content", "articleBody"))


def _overlay(item: Article, rec: dict) -> None:
    """The record's own metadata is what the collector knew; it beats what the page suggests."""
    if _str(rec.get("title")):
        item.title = _str(rec["title"])
    if _str(rec.get("outlet")):
        item.outlet = _str(rec["outlet"])
    published = parse_date(_str(rec.get("published")))
    if published:
        item.published, item.published_inferred = published, False
    if _str(rec.get("language")):
        item.language = _str(rec["language"])


def _str(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


__all__ = ["read_jsonl_file", "article_from_line", "SUFFIXES"]
