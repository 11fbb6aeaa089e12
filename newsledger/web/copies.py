"""What a document copies and what copies it, and how (exact / edited / rewrite), for its page.

``link.duplicates.copy_kind`` compares two bodies; the export computes it for every document,
a page needs only its own and its copies'."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..link.duplicates import copy_kind

KIND_WORDS = {
    "exact": "an exact copy (the same text, give or take a line of furniture)",
    "edited": "an edited copy (cut, reordered or lightly reworded)",
    "rewrite": "a rewrite (reworded throughout, the same content sentence by sentence)",
}


@dataclass
class Copy:
    doc: str
    outlet: str | None
    published: str | None
    kind: str


def _body(row: sqlite3.Row) -> str:
    return row["body"] or row["text"] or ""


def original_of(conn: sqlite3.Connection, doc: str) -> Copy | None:
    """The document ``doc`` copies, with how it copies it; None for an original."""
    row = conn.execute("SELECT body, text, duplicate_of FROM documents WHERE doc = ?", (doc,)).fetchone()
    if row is None or not row["duplicate_of"]:
        return None
    orig = conn.execute("SELECT doc, outlet, published, body, text FROM documents WHERE doc = ?",
                        (row["duplicate_of"],)).fetchone()
    if orig is None:
        return None
    return Copy(orig["doc"], orig["outlet"], orig["published"], copy_kind(_body(row), _body(orig)))


def copies_of(conn: sqlite3.Connection, doc: str) -> list[Copy]:
    """The documents that copy ``doc``, oldest first, each with how it copies it."""
    orig = conn.execute("SELECT body, text FROM documents WHERE doc = ?", (doc,)).fetchone()
    if orig is None:
        return []
    return [Copy(r["doc"], r["outlet"], r["published"], copy_kind(_body(r), _body(orig))) for r in conn.execute(
        "SELECT doc, outlet, published, body, text FROM documents WHERE duplicate_of = ? "
        "ORDER BY published IS NULL, published, id", (doc,))]
