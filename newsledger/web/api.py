"""The ledger as JSON: the same records the export writes, filtered, and the claims as the report
groups and marks them."""
from __future__ import annotations

import dataclasses
import sqlite3

from ..report.export import figure_records
from ..report.view import documents, sections


def document_list(conn: sqlite3.Connection) -> list[dict]:
    return [dataclasses.asdict(d) for d in documents(conn)]


def has_document(conn: sqlite3.Connection, doc: str) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE doc = ?", (doc,)).fetchone() is not None


def figures(conn: sqlite3.Connection, doc: str | None = None, measure: str | None = None,
            speaker: str | None = None) -> list[dict]:
    """Figures in export format; ``speaker`` matches the canonical name or as written, ignoring case,
    and a part of a name matches ("kirby" finds John Kirby)."""
    want = speaker.casefold() if speaker else None
    out = []
    for f in figure_records(conn):
        if doc and f["doc"] != doc or measure and f["measure"] != measure:
            continue
        if want is not None and not any(want in (s or "").casefold() for s in (f["speaker"], f["speaker_as_written"])):
            continue
        out.append(f)
    return out


def claims(conn: sqlite3.Connection, measure: str | None = None) -> list[dict]:
    out = []
    for sec in sections(conn, measure=measure, include_other=True):
        for c in sec.claims:
            out.append({
                "claim": c.claim, "story": sec.story, "measure": c.measure, "subject": c.subject,
                "speaker": c.speaker, "text": c.text, "low": c.low, "high": c.high, "unit": c.unit,
                "stated_on": c.stated_on, "period": c.period, "status": c.status, "note": c.note,
                "mentions": len(c.mentions), "independent": c.independent, "outlets": c.outlets,
                "reports": [{"doc": m.doc, "start": m.start, "end": m.end, "text": m.text, "outlet": m.outlet,
                             "copy_of": m.copy_of} for m in c.mentions],
            })
    return out
