"""The single-node side: the job's Parquet stored and linked into a ledger.

Rows are stored in input order, each in its own transaction, through the very code a local
``newsledger ingest`` stores with (``ledger._store_one``: the content-hash check, the free
document id, the copy and story indexes), then linked across the whole ledger once
(``ledger._link_all``). So a ledger loaded from the job equals a ledger ingested locally from the
same inputs, and loading into a ledger that already holds some of the articles leaves those
unchanged, as a second ingest would.

Needs pyarrow, not Spark or Java: the part files are read one batch at a time and merged.
"""
from __future__ import annotations

import heapq
import pathlib
import sqlite3
from collections.abc import Callable, Iterator

from .. import ledger
from ..ledger import IngestReport
from ..model import Problem
from .rows import row_to_analysis

BATCH_ROWS = 64


def part_files(out: str | pathlib.Path) -> list[pathlib.Path]:
    root = pathlib.Path(out)
    if not (root / "_SUCCESS").is_file():
        # Spark writes _SUCCESS last: without it the job died half way and rows are missing
        raise FileNotFoundError(f"{root}: no finished Spark output here (no _SUCCESS file)")
    return sorted(root.glob("part-*.parquet"))


def _rows(path: pathlib.Path) -> Iterator[dict]:
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=BATCH_ROWS):
        yield from batch.to_pylist()


def rows_in_order(out: str | pathlib.Path) -> Iterator[dict]:
    """Every row of the output in input order. Each part file is sorted by the job; merging
    them keeps one batch per file in memory, whatever the size of the output."""
    return heapq.merge(*(_rows(p) for p in part_files(out)), key=lambda r: (r["input"], r["item"]))


def load(conn: sqlite3.Connection, out: str | pathlib.Path,
         progress: Callable[[str, str], None] | None = None) -> IngestReport:
    report = IngestReport()
    note = progress or (lambda kind, msg: None)
    ix = ledger._load(conn)
    for row in rows_in_order(out):
        if row["problem"] is not None:
            problem = Problem(row["problem"]["source"], row["problem"]["message"])
            report.problems.append(problem)
            note("problem", f"{problem.source}: {problem.message}")
            continue
        ix = ledger._store_one(conn, row_to_analysis(row["analysis"]), ix, report, note)
    ledger._link_all(conn, ix, report, note)
    return report
