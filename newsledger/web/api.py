"""The ledger as JSON: the same records the export writes, filtered, and the claims as the report
groups and marks them. The views' own JSON (a speaker, a series, a story) is built by their
modules from these pieces, so a page and its ``/api/`` twin say the same thing."""
from __future__ import annotations

import dataclasses
import sqlite3

from ..report.view import ClaimView, MentionView, documents, sections
from . import records
from .filters import Filters, apply, page


def document_list(conn: sqlite3.Connection) -> list[dict]:
    return [dataclasses.asdict(d) for d in documents(conn)]


def has_document(conn: sqlite3.Connection, doc: str) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE doc = ?", (doc,)).fetchone() is not None


def figures(conn: sqlite3.Connection, doc: str | None = None, measure: str | None = None,
            speaker: str | None = None, f: Filters | None = None) -> list[dict]:
    """Figures in export format, with their document's outlet, date and story and their claim's
    series and mark (``records.figure_rows``), filtered and sorted by ``f`` (``filters``);
    ``speaker`` matches the canonical name, or a part of the name as given or as written in any
    case ("kirby" finds John Kirby)."""
    f = f or Filters()
    f = dataclasses.replace(f, doc=doc or f.doc, measure=measure or f.measure, speaker=speaker or f.speaker)
    return page(f, apply(f, records.figure_rows(conn)))


def mention_dict(m: MentionView) -> dict:
    return {"doc": m.doc, "figure_id": m.figure_id, "start": m.start, "end": m.end, "text": m.text,
            "outlet": m.outlet, "published": m.published, "copy_of": m.copy_of, "sentence": m.quote}


def claim_dict(c: ClaimView, story: str | None) -> dict:
    return {
        "claim": c.claim, "story": story, "measure": c.measure, "subject": c.subject,
        "speaker": c.speaker, "text": c.text, "low": c.low, "high": c.high, "unit": c.unit,
        "stated_on": c.stated_on, "period": c.period, "status": c.status, "note": c.note,
        "series": c.series, "series_label": c.series_label, "relative_to": c.relative_to,
        "mentions": len(c.mentions), "independent": c.independent, "outlets": c.outlets,
        "reports": [{"doc": m.doc, "start": m.start, "end": m.end, "text": m.text, "outlet": m.outlet,
                     "copy_of": m.copy_of} for m in c.mentions],
    }


def conflict_dict(k, rank: int) -> dict:
    """One conflict: both claims, the sentences they were said in, their sources and the reason."""
    def side(c, m):
        return {"claim": c.claim, "speaker": c.speaker, "stated_on": c.stated_on, "text": c.text,
                "low": c.low, "high": c.high, "unit": c.unit,
                "report": mention_dict(m) if m is not None else None}
    return {"rank": rank, "kind": k.kind, "reason": k.note, "a": side(k.a, k.a_mention), "b": side(k.b, k.b_mention)}


def claims(conn: sqlite3.Connection, measure: str | None = None) -> list[dict]:
    return [claim_dict(c, sec.story) for sec in sections(conn, measure=measure, include_other=True)
            for c in sec.claims]
