"""An Analysis as one plain row (dicts, lists, dates, numbers) and back.

The row is what the Spark job writes to Parquet and what the loader hands to the ledger's own
storing code, so it must carry everything ``store.save_analysis`` writes. It is derived from
the model's dataclasses field by field rather than listed by hand: a field added to ``Figure``
or ``Attribution`` later travels through Spark without a change here. Only fields that take
part in a record's equality are carried (``Figure.evidence`` is a trainer's aid, never stored).
"""
from __future__ import annotations

import dataclasses
import functools
import types
import typing

from ..model import Article, Line, Mention, Problem
from ..pipeline import Analysis

# Analysis keeps entities and speakers as bare tuples; Parquet columns need names.
ENTITY = ("text", "label", "start", "end")
SPEAKER = ("name", "kind", "role", "start", "end")


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


def _out(value, tp):
    base, _ = optional(tp)
    if value is None:
        return None
    if dataclasses.is_dataclass(base):
        return record_to_row(value)
    if base is float:
        # Spark's DoubleType refuses a Python int; the extractors give 12 as well as 12.5
        return float(value)
    if typing.get_origin(base) is list:
        return list(value)
    return value


def _in(value, tp):
    base, _ = optional(tp)
    if value is None:
        return None
    if dataclasses.is_dataclass(base):
        return row_to_record(base, value)
    if typing.get_origin(base) is list:
        return list(value)
    return value


def record_to_row(record) -> dict:
    types_ = hints(type(record))
    return {f.name: _out(getattr(record, f.name), types_[f.name]) for f in carried(type(record))}


def row_to_record(cls, row: dict):
    types_ = hints(cls)
    # a column the row lacks (written by an older job) keeps the model's default
    return cls(**{f.name: _in(row[f.name], types_[f.name]) for f in carried(cls) if f.name in row})


def analysis_to_row(an: Analysis) -> dict:
    return {
        "article": record_to_row(an.article),
        "lines": [record_to_row(ln) for ln in an.lines],
        "body": an.body,
        "mentions": [record_to_row(m) for m in an.mentions],
        "entities": [dict(zip(ENTITY, e)) for e in an.entities],
        "speakers": [dict(zip(SPEAKER, s)) for s in an.speakers],
        "skipped": an.skipped,
    }


def row_to_analysis(row: dict) -> Analysis:
    return Analysis(
        article=row_to_record(Article, row["article"]),
        lines=[row_to_record(Line, ln) for ln in row["lines"]],
        body=row["body"],
        mentions=[row_to_record(Mention, m) for m in row["mentions"]],
        entities=[tuple(e[k] for k in ENTITY) for e in row["entities"]],
        speakers=[tuple(s[k] for k in SPEAKER) for s in row["speakers"]],
        skipped=row["skipped"],
    )


def output_row(input_no: int, item_no: int, item: Analysis | Problem) -> dict:
    """One row of the job's output: where the item stands in the input order (the loader
    stores in that order, as a local ingest does, so row ids and links come out the same),
    and either the analysis or the problem that stopped it."""
    if isinstance(item, Problem):
        return {"input": input_no, "item": item_no, "analysis": None,
                "problem": {"source": item.source, "message": item.message}}
    return {"input": input_no, "item": item_no, "analysis": analysis_to_row(item), "problem": None}


__all__ = ["ENTITY", "SPEAKER", "analysis_to_row", "row_to_analysis", "output_row", "carried", "hints",
           "optional"]
