"""Rows written as JSON Lines, CSV or Parquet: the same fields in every format, so a spreadsheet,
a data frame and the scorer read one ledger.

Each file is written beside its final name and moved into place, so a reader never sees half of
one. CSV has no lists: a list or object field (``hedges``) is written as its JSON text.
"""
from __future__ import annotations

import csv
import json
import pathlib

FORMATS = ("jsonl", "csv", "parquet")


def _columns(rows: list[dict]) -> list[str]:
    cols: dict[str, None] = {}
    for row in rows:
        for k in row:
            cols.setdefault(k, None)
    return list(cols)


def _write_jsonl(tmp: pathlib.Path, rows: list[dict]) -> None:
    with tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _cell(v):
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return "" if v is None else v


def _write_csv(tmp: pathlib.Path, rows: list[dict]) -> None:
    cols = _columns(rows)
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(cols)
        for row in rows:
            w.writerow([_cell(row.get(c)) for c in cols])


def _write_parquet(tmp: pathlib.Path, rows: list[dict]) -> None:
    import pyarrow as pa  # only for this format: a large library most runs never need
    import pyarrow.parquet as pq

    cols = _columns(rows)
    table = pa.Table.from_pylist([{c: row.get(c) for c in cols} for row in rows]) if rows else pa.table({})
    pq.write_table(table, tmp)


_WRITERS = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}


def write_rows(folder: pathlib.Path, name: str, rows: list[dict], fmt: str = "jsonl") -> pathlib.Path:
    """Write ``rows`` to ``folder/name.<fmt>`` and return the path."""
    if fmt not in _WRITERS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    path = folder / f"{name}.{fmt}"
    tmp = path.with_suffix(path.suffix + ".tmp")
    _WRITERS[fmt](tmp, rows)
    tmp.replace(path)
    return path
