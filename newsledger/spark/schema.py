"""The Spark schema of the job's output, derived from the same dataclasses as ``rows``.

Given explicitly rather than inferred: inference from Python rows guesses a null column's type
and cannot see a list that happens to be empty in the rows it samples.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import typing

from pyspark.sql import types as T

from ..pipeline import Analysis
from .rows import carried, hints, optional, tuple_names

_SCALARS = {str: T.StringType(), int: T.LongType(), float: T.DoubleType(), bool: T.BooleanType(),
            dt.date: T.DateType()}


def spark_type(tp, field: str) -> T.DataType:
    if tp in _SCALARS:
        return _SCALARS[tp]
    if typing.get_origin(tp) is list:
        (item,) = typing.get_args(tp)
        return T.ArrayType(spark_type(item, field), containsNull=False)
    if typing.get_origin(tp) is tuple:
        members = [optional(t) for t in typing.get_args(tp)]
        return T.StructType([T.StructField(n, spark_type(t, field), nullable=null)
                             for n, (t, null) in zip(tuple_names(field, tp), members)])
    if dataclasses.is_dataclass(tp):
        return struct_of(tp)
    raise TypeError(f"no Parquet column type for {field!r} ({tp!r}): add it to newsledger/spark/schema.py")


def struct_of(cls) -> T.StructType:
    fields = []
    for f in carried(cls):
        base, nullable = optional(hints(cls)[f.name])
        fields.append(T.StructField(f.name, spark_type(base, f.name), nullable=nullable))
    return T.StructType(fields)


def output_schema() -> T.StructType:
    problem = T.StructType([T.StructField("source", T.StringType(), nullable=False),
                            T.StructField("message", T.StringType(), nullable=False)])
    return T.StructType([
        T.StructField("input", T.LongType(), nullable=False),
        T.StructField("item", T.LongType(), nullable=False),
        T.StructField("analysis", struct_of(Analysis), nullable=True),
        T.StructField("problem", problem, nullable=True),
    ])
