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

TEXT_FIELDS = ("text", "body", "content", "articleBody")
PARAGRAPH_FIELDS = ("body-paragraphs", "paragraphs")
DATE_FIELDS = ("published", "date", "datePublished", "pubDate")
OUTLET_FIELDS = ("outlet", "source", "site_name", "sitename", "publisher")


def _first(rec: dict, names) -> str | None:
    for n in names:
        v = rec.get(n)
        if isinstance(v, str) and v.strip():
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
                parts = [" ".join(p) if isinstance(p, list) else str(p) for p in paras]
                body = "\n\n".join(p.strip() for p in parts if p and p.strip())
                break
    if not body:
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


def read_json_file(path: pathlib.Path) -> Article | Problem:
    try:
        rec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        return Problem(str(path), f"cannot read JSON: {e}")
    return article_from_record(rec, path.stem, str(path))
