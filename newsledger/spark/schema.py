"""The Spark schema of the job's output, derived from the same dataclasses as ``rows``.

Given explicitly rather than inferred: inference from Python rows guesses a null column's type
and cannot see a list that happens to be empty in the rows it samples.
"""
from __future__ import annotations

import datetime as dt
import typing

from pyspark.sql import types as T

from ..model import Article, Line, Mention
from .rows import ENTITY, SPEAKER, carried, hints, optional

_SCALARS = {str: T.StringType(), int: T.LongType(), float: T.DoubleType(), bool: T.BooleanType(),
            dt.date: T.DateType()}


def spark_type(tp) -> T.DataType:
    if tp in _SCALARS:
        return _SCALARS[tp]
    if typing.get_origin(tp) is list:
        (item,) = typing.get_args(tp)
        return T.ArrayType(spark_type(item), containsNull=False)
    if isinstance(tp, type) and hasattr(tp, "__dataclass_fields__"):
        return struct_of(tp)
    raise TypeError(f"no Parquet column type for {tp!r}: add it to newsledger/spark/schema.py")


def struct_of(cls) -> T.StructType:
    fields = []
    for f in carried(cls):
        base, nullable = optional(hints(cls)[f.name])
        fields.append(T.StructField(f.name, spark_type(base), nullable=nullable))
    return T.StructType(fields)


def _named(names: tuple[str, ...], kinds: dict[str, T.DataType], nullable: set[str]) -> T.StructType:
    return T.StructType([T.StructField(n, kinds[n], nullable=n in nullable) for n in names])


def analysis_schema() -> T.StructType:
    text, long_ = T.StringType(), T.LongType()
    entity = _named(ENTITY, {"text": text, "label": text, "start": long_, "end": long_}, set())
    speaker = _named(SPEAKER, {"name": text, "kind": text, "role": text, "start": long_, "end": long_}, {"role"})
    return T.StructType([
        T.StructField("article", struct_of(Article), nullable=False),
        T.StructField("lines", T.ArrayType(struct_of(Line), containsNull=False), nullable=False),
        T.StructField("body", text, nullable=False),
        T.StructField("mentions", T.ArrayType(struct_of(Mention), containsNull=False), nullable=False),
        T.StructField("entities", T.ArrayType(entity, containsNull=False), nullable=False),
        T.StructField("speakers", T.ArrayType(speaker, containsNull=False), nullable=False),
        T.StructField("skipped", text, nullable=True),
    ])


def output_schema() -> T.StructType:
    problem = T.StructType([T.StructField("source", T.StringType(), nullable=False),
                            T.StructField("message", T.StringType(), nullable=False)])
    return T.StructType([
        T.StructField("input", T.LongType(), nullable=False),
        T.StructField("item", T.LongType(), nullable=False),
        T.StructField("analysis", analysis_schema(), nullable=True),
        T.StructField("problem", problem, nullable=True),
    ])
