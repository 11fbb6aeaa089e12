"""What the terminal tables show, as JSON for scripts (``--format json``): the same rows, every
field named, nothing styled or cut to fit a screen."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3


def _plain(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def dumps(value) -> str:
    return json.dumps(_plain(value), ensure_ascii=False, indent=2) + "\n"


def documents(conn: sqlite3.Connection) -> list[dict]:
    """The rows of ``newsledger documents``, whole (the table cuts titles to fit)."""
    rows = conn.execute(
        "SELECT d.*, (SELECT COUNT(*) FROM figures f WHERE f.doc_id = d.id) AS n FROM documents d ORDER BY d.id").fetchall()
    return [{"doc": r["doc"], "published": r["published"], "published_inferred": bool(r["published_inferred"]),
             "outlet": r["outlet"], "language": r["language"], "figures_extracted": not r["skipped"],
             "figures": r["n"], "copy_of": r["duplicate_of"], "story": r["story"], "title": r["title"]}
            for r in rows]


def report(sections) -> list[dict]:
    """The sections of ``newsledger report``: per story and measure, the claims in date order with
    their mentions, marks, conflicts and consensus band."""
    out = []
    for sec in sections:
        d = _plain(sec)
        d["anchor"] = sec.anchor
        out.append(d)
    return out
