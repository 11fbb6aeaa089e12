"""Export in JSON Lines, CSV and Parquet: the same rows in every format."""
from __future__ import annotations

import csv
import json
import sqlite3

import pytest

from newsledger.report.export import export
from newsledger.report.formats import write_rows

ROWS = [{"doc": "a", "low": 12.0, "hedges": ["estimate"], "speaker": None},
        {"doc": "b", "low": None, "hedges": [], "speaker": "Mayor Ann Lee", "extra": 1}]


def test_csv_has_every_field_of_every_row_as_a_column(tmp_path):
    path = write_rows(tmp_path, "figures", ROWS, "csv")
    with path.open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == ["doc", "low", "hedges", "speaker", "extra"]


def test_csv_writes_lists_as_json_and_nulls_as_empty_cells(tmp_path):
    path = write_rows(tmp_path, "figures", ROWS, "csv")
    with path.open(encoding="utf-8", newline="") as fh:
        first = list(csv.DictReader(fh))[0]
    assert (json.loads(first["hedges"]), first["speaker"]) == (["estimate"], "")


def test_parquet_keeps_the_rows_and_their_types(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(write_rows(tmp_path, "figures", ROWS, "parquet"))
    assert table.to_pylist()[1] == {"doc": "b", "low": None, "hedges": [], "speaker": "Mayor Ann Lee", "extra": 1}


def test_an_unknown_format_is_refused_with_the_choices(tmp_path):
    with pytest.raises(ValueError, match="jsonl, csv, parquet"):
        write_rows(tmp_path, "figures", ROWS, "xlsx")


def test_no_temporary_file_is_left_behind(tmp_path):
    write_rows(tmp_path, "figures", ROWS, "csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures.csv"]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_writes_the_three_tables_in_the_format_asked(seed_ledger, tmp_path, fmt):
    conn = sqlite3.connect(seed_ledger)
    conn.row_factory = sqlite3.Row
    export(conn, tmp_path, fmt)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"documents.{fmt}", f"figures.{fmt}", f"timeline.{fmt}"]
