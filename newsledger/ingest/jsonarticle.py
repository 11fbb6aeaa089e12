"""A single article stored as a JSON object (BASIL-style corpora and similar dumps).

The article text is built deterministically from the record so offsets are reproducible:
the title, a blank line, then each paragraph separated by a blank line. A paragraph may be a
string or a list of sentence strings (joined by one space).
"""
from __future__ import annotations

import json
import pathlib

from ..model import Article, Problem
from .manifest import parse_date
from .textfile import MAX_TEXT_BYTES, has_text

TEXT_FIELDS = ("text", "body", "content", "articleBody")
PARAGRAPH_FIELDS = ("body-paragraphs", "paragraphs")
DATE_FIELDS = ("published", "date", "datePublished", "pubDate")
OUTLET_FIELDS = ("outlet", "source", "site_name", "sitename", "publisher")


def _first(rec: dict, names) -> str | None:
    for n in names:
        v = rec.get(n)
        if isinstance(v, str) and has_text(v):
            return v.strip()
    return None


def text_from_record(rec: dict) -> str | None:
    """The article text a JSON record stands for, or None when it holds none."""
    title = _first(rec, ("title", "headline"))
    body = _first(rec, TEXT_FIELDS)
    if body is None:
        for name in PARAGRAPH_FIELDS:
            paras = rec.get(name)
            if isinstance(paras, list) and paras:
                # only strings are text: a null or a number among them is not a paragraph
                parts = [" ".join(s for s in p if isinstance(s, str)) if isinstance(p, list)
                         else p if isinstance(p, str) else "" for p in paras]
                body = "\n\n".join(p.strip() for p in parts if has_text(p))
                break
    if not has_text(body):
        return None
    return f"{title}\n\n{body}" if title else body


def article_from_record(rec: dict, doc: str, source: str, kind: str = "json") -> Article | Problem:
    if not isinstance(rec, dict):
        return Problem(source, "not a JSON object")
    text = text_from_record(rec)
    if not text:
        return Problem(source, "no article text (expected one of: text, body, content, body-paragraphs)")
    return Article(
        doc=doc, text=text, source=source, kind=kind,
        published=parse_date(_first(rec, DATE_FIELDS)),
        outlet=_first(rec, OUTLET_FIELDS), url=_first(rec, ("url", "link")),
        title=_first(rec, ("title", "headline")), language=_first(rec, ("language", "lang")),
    )


def parse_json(data: bytes | str) -> object | str:
    """The JSON value of ``data``, or a one-line reason it is not one. Besides malformed JSON
    that covers what ``json`` refuses by raising something else: arrays or objects nested
    thousands deep (RecursionError) and integers of thousands of digits (ValueError)."""
    try:
        return _Parsed(json.loads(data))
    except UnicodeDecodeError as e:
        return f"not UTF-8 (byte 0x{e.object[e.start]:02x} at offset {e.start})"
    except json.JSONDecodeError as e:
        return str(e)
    except RecursionError:
        return "nested too deeply"
    except ValueError as e:  # "Exceeds the limit (4300 digits) for integer string conversion"
        return str(e).splitlines()[0]


class _Parsed:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


def read_json_file(path: pathlib.Path) -> Article | Problem:
    try:
        if path.stat().st_size > MAX_TEXT_BYTES:
            return Problem(str(path), f"larger than {MAX_TEXT_BYTES // 1_000_000} MB; longer than any article, not read")
        data = path.read_bytes()
    except OSError as e:
        return Problem(str(path), f"cannot read: {e.strerror or e}")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    rec = parse_json(data)
    if isinstance(rec, str):
        return Problem(str(path), f"cannot read JSON: {rec}")
    return article_from_record(rec.value, path.stem, str(path))
