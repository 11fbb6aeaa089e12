"""Every figure with what an analyst filters it by: its document's outlet, date and story, its
claim's series and mark, and the figure's id (for the link to its highlight).

One list feeds the figures page, its facets, the speaker page and ``/api/figures``, so the pages
and the API cannot disagree. It is rebuilt per request from the ledger (the export's own
records): a concurrent ingest is seen on the next request.
"""
from __future__ import annotations

import sqlite3

from ..report.export import figure_records, timeline_records
from ..report.view import documents, story_labels


def figure_ids(conn: sqlite3.Connection) -> dict[tuple[str, int, int], int]:
    """(doc, start, end) -> figure id: the export's records carry offsets, the page anchors ids."""
    return {(r["doc"], r["start"], r["end"]): r["id"] for r in conn.execute(
        'SELECT f.id, d.doc, f.start, f."end" FROM figures f JOIN documents d ON d.id = f.doc_id')}


def figure_rows(conn: sqlite3.Connection) -> list[dict]:
    docs = {d.doc: d for d in documents(conn)}
    labels = story_labels(conn)
    ids = figure_ids(conn)
    # report.view names a figure outside any claim "row<id>"; the timeline is keyed the same way
    timeline = {t["claim"]: t for t in timeline_records(conn)}
    out = []
    for f in figure_records(conn):
        d = docs[f["doc"]]
        fid = ids.get((f["doc"], f["start"], f["end"]), 0)
        t = timeline.get(f["claim"] or f"row{fid}", {})
        story = d.story or d.doc
        out.append({
            **f, "figure_id": fid, "outlet": d.outlet, "published": d.published, "title": d.label,
            "copy_of": d.duplicate_of, "story": story, "story_label": labels.get(story, story),
            "series": t.get("series"), "series_label": t.get("series_label"), "status": t.get("status"),
            "reason": t.get("reason"),
            # the day the figure was given; a figure with no date of its own is placed on its
            # article's publication day, so a date range never silently drops it
            "date": f["stated_on"] or d.published,
        })
    return out
