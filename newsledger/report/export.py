"""The export contract of docs/export-format.md: figures.jsonl, documents.jsonl and timeline.jsonl."""
from __future__ import annotations

import json
import pathlib
import sqlite3

from .. import store
from . import view
from ..ledger import canonical_speakers


def _doc_id(doc: str) -> str:
    return doc


def figure_records(conn: sqlite3.Connection) -> list[dict]:
    names = canonical_speakers(conn)
    out = []
    claim_speakers = {r["claim"]: r["speaker"] for r in conn.execute("SELECT claim, speaker FROM claims")}
    for r in store.figure_rows(conn):
        speaker = names.get((r["doc"], r["speaker"]), r["speaker"]) if r["speaker"] else None
        if speaker is None and r["claim"]:
            # the outlet restating, in its own voice, a figure its article attributes: the claim's
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
    return [{
        "doc": _doc_id(r["doc"]), "title": r["title"], "outlet": r["outlet"], "published": r["published"],
        "published_inferred": bool(r["published_inferred"]), "language": r["language"], "body": r["body"],
        "duplicate_of": r["duplicate_of"], "story": r["story"], "url": r["url"], "source": r["source"],
        "figures_extracted": r["skipped"] is None, "note": r["skipped"],
    } for r in conn.execute("SELECT * FROM documents ORDER BY id")]


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


def write_jsonl(path: pathlib.Path, rows: list[dict]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(path)  # a reader never sees half a file


def export(conn: sqlite3.Connection, out: pathlib.Path) -> tuple[int, int]:
    out.mkdir(parents=True, exist_ok=True)
    figs, docs = figure_records(conn), document_records(conn)
    write_jsonl(out / "figures.jsonl", figs)
    write_jsonl(out / "documents.jsonl", docs)
    write_jsonl(out / "timeline.jsonl", timeline_records(conn))
    return len(figs), len(docs)
