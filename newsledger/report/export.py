"""The export contract of docs/export-format.md: figures.jsonl, documents.jsonl and timeline.jsonl."""
from __future__ import annotations

import json
import pathlib
import sqlite3

from .. import store
from . import view
from .formats import FORMATS, write_rows
from ..ledger import canonical_speakers
from ..link.duplicates import copy_kind


def _doc_id(doc: str) -> str:
    return doc


def figure_records(conn: sqlite3.Connection) -> list[dict]:
    names = canonical_speakers(conn)
    out = []
    claim_speakers = {r["claim"]: r["speaker"] for r in conn.execute("SELECT claim, speaker FROM claims")}
    rows = list(store.figure_rows(conn))
    attributed_in = {(r["claim"], r["doc"]) for r in rows if r["speaker"] and r["claim"]}
    for r in rows:
        speaker = names.get((r["doc"], r["speaker"]), r["speaker"]) if r["speaker"] else None
        if speaker is None and r["claim"] and (r["claim"], r["doc"]) in attributed_in:
            # the outlet restating, in its own voice, a figure its article attributes: the claim's
            # (another outlet's attribution is that outlet's word, not this one's)
            speaker = claim_speakers.get(r["claim"])
        text = r["doc_text"]
        out.append({
            "doc": _doc_id(r["doc"]), "start": r["start"], "end": r["end"], "text": r["text"],
            "low": r["low"], "high": r["high"], "unit": r["unit"], "measure": r["measure"],
            "subject": r["subject"], "speaker": speaker, "stated_on": r["stated_on"], "claim": r["claim"],
            "quote": text[r["sentence_start"]:r["sentence_end"]].strip() if r["sentence_end"] else None,
            "period": r["period"], "hedges": json.loads(r["hedges"] or "[]"),
            "speaker_as_written": r["speaker"], "speaker_kind": r["speaker_kind"],
            "relayed_by": r["relayed_by"], "stated_on_source": r["stated_on_source"],
            "direct_quote": bool(r["direct"]),
        })
    return out


def document_records(conn: sqlite3.Connection) -> list[dict]:
    rows = conn.execute("SELECT * FROM documents ORDER BY id").fetchall()
    bodies = {r["doc"]: r["body"] for r in rows}
    labels = view.story_labels(conn)
    return [{
        "doc": _doc_id(r["doc"]), "title": r["title"], "outlet": r["outlet"], "published": r["published"],
        "published_inferred": bool(r["published_inferred"]), "language": r["language"], "body": r["body"],
        "duplicate_of": r["duplicate_of"],
        "copy_kind": copy_kind(r["body"], bodies[r["duplicate_of"]]) if r["duplicate_of"] in bodies else None,
        "story": r["story"], "story_label": labels.get(r["story"]), "url": r["url"], "source": r["source"],
        "figures_extracted": r["skipped"] is None, "note": r["skipped"],
    } for r in rows]


def timeline_records(conn: sqlite3.Connection) -> list[dict]:
    """One row per claim: its series and how it stands against the claim before it in that series
    (the same marks the report shows: both are read from report.view.sections)."""
    out = []
    for sec in view.sections(conn):
        rank = {id(k.b): i for i, k in enumerate(sec.conflicts) if k.kind == "claims"}
        for c in sec.claims:
            out.append({
                "claim": c.claim, "series": c.series, "series_label": c.series_label, "status": c.status,
                "relative_to": c.relative_to, "reason": c.note, "story": sec.story, "measure": c.measure,
                "speaker": c.speaker, "stated_on": c.stated_on, "low": c.low, "high": c.high, "unit": c.unit,
                "mentions": len(c.mentions), "independent": c.independent,
                "conflict_rank": rank.get(id(c)),
            })
    return out


def export(conn: sqlite3.Connection, out: pathlib.Path, fmt: str = "jsonl") -> tuple[int, int]:
    """figures, documents and timeline in ``fmt`` (formats.FORMATS); returns the figure and document counts."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    out.mkdir(parents=True, exist_ok=True)
    figs, docs = figure_records(conn), document_records(conn)
    write_rows(out, "figures", figs, fmt)
    write_rows(out, "documents", docs, fmt)
    write_rows(out, "timeline", timeline_records(conn), fmt)
    return len(figs), len(docs)
