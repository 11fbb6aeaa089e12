"""An Analysis as one plain row (dicts, lists, dates, numbers) and back.

The row is what the Spark job writes to Parquet and what the loader hands to the ledger's own
storing code, so it must carry everything ``store.save_analysis`` writes. It is derived from
the dataclasses' fields and their types rather than listed by hand: a field added to
``Analysis``, ``Figure`` or ``Attribution`` later travels through Spark without a change here.
Only fields that take part in a record's equality are carried (``Figure.evidence`` is a
trainer's aid, never stored).
"""
from __future__ import annotations

import dataclasses
import functools
import types
import typing

from ..model import Problem
from ..pipeline import Analysis

# Analysis keeps entities and speakers as bare tuples; Parquet columns need names.
TUPLE_NAMES = {
    "entities": ("text", "label", "start", "end"),
    "speakers": ("name", "kind", "role", "start", "end"),
}


def carried(cls) -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(cls) if f.compare]


@functools.cache
def hints(cls) -> dict[str, object]:
    return typing.get_type_hints(cls)


def optional(tp) -> tuple[object, bool]:
    """``X | None`` -> (X, True); anything else -> (tp, False)."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


def tuple_names(field: str, tp) -> tuple[str, ...]:
    names = TUPLE_NAMES.get(field)
    if names is None or len(names) != len(typing.get_args(tp)):
        raise TypeError(f"no column names for the tuples of {field!r} ({tp}): name them in newsledger/spark/rows.py")
    return names


def _out(value, tp, field: str):
    base, _ = optional(tp)
    if value is None:
        return None
    if dataclasses.is_dataclass(base):
        return record_to_row(value)
    if base is float:
        # Spark's DoubleType refuses a Python int; the extractors give 12 as well as 12.5
        return float(value)
    if typing.get_origin(base) is list:
        (item,) = typing.get_args(base)
        return [_out(v, item, field) for v in value]
    if typing.get_origin(base) is tuple:
        return {n: _out(v, t, field) for n, v, t in zip(tuple_names(field, base), value, typing.get_args(base))}
    return value


def _in(value, tp, field: str):
    base, _ = optional(tp)
    if value is None:
        return None
    if dataclasses.is_dataclass(base):
        return row_to_record(base, value)
    if typing.get_origin(base) is list:
        (item,) = typing.get_args(base)
        return [_in(v, item, field) for v in value]
    if typing.get_origin(base) is tuple:
        return tuple(_in(value[n], t, field) for n, t in zip(tuple_names(field, base), typing.get_args(base)))
    return value


def record_to_row(record) -> dict:
    types_ = hints(type(record))
    return {f.name: _out(getattr(record, f.name), types_[f.name], f.name) for f in carried(type(record))}


def row_to_record(cls, row: dict):
    types_ = hints(cls)
    # a column the row lacks (written by an older job) keeps the model's default
    return cls(**{f.name: _in(row[f.name], types_[f.name], f.name) for f in carried(cls) if f.name in row})


def analysis_to_row(an: Analysis) -> dict:
    return record_to_row(an)


def row_to_analysis(row: dict) -> Analysis:
    return row_to_record(Analysis, row)


def output_row(input_no: int, item_no: int, item: Analysis | Problem) -> dict:
    """One row of the job's output: where the item stands in the input order (the loader
    stores in that order, as a local ingest does, so row ids and links come out the same),
    and either the analysis or the problem that stopped it."""
    if isinstance(item, Problem):
        return {"input": input_no, "item": item_no, "analysis": None,
                "problem": {"source": item.source, "message": item.message}}
    return {"input": input_no, "item": item_no, "analysis": analysis_to_row(item), "problem": None}
