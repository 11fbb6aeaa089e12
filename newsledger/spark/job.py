"""The Spark side: JSONL and WARC files in, one Parquet row per article (or problem) out.

Shaped like Common Crawl's cc-pyspark jobs: the driver lists the input files, each task reads
its files and analyses their articles on an executor, and the rows are written as Parquet. The
per-article analysis is the local ingest's own (``ledger._analyse_chunk`` over
``pipeline.analyse``), so an article's figures, speakers and offsets do not depend on where it
was analysed. Nothing here links across articles: that needs every article at once and stays
with the loader (``load.py``), on one machine.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .. import ledger, nlp
from ..model import Article, Problem
from . import inputs
from .rows import output_row
from .schema import output_schema

# One unit of work: an input's number in the input order and the file to read, or the
# problem the driver already found with it (a missing file), kept in its place in the order.
Work = tuple[int, "str | Problem"]


@dataclass
class Counts:
    articles: int = 0
    figures: int = 0
    problems: int = 0


def session(master: str | None = None, app: str = "newsledger", conf: dict[str, str] | None = None):
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app)
    if "PYSPARK_GATEWAY_PORT" not in os.environ:
        # Started from plain Python (not spark-submit): the workers Spark forks must be this
        # interpreter, the one newsledger and its model are installed in, not the first
        # python3 on PATH. Under spark-submit the cluster's own setting decides.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        if master is None or master.startswith("local"):
            # a local run talks only to itself: no need for the host name to resolve
            builder = builder.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
    if master:
        builder = builder.master(master)
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def read_work(work: Work) -> Iterator[tuple[int, int, Article | Problem]]:
    input_no, what = work
    if isinstance(what, Problem):
        yield input_no, 0, what
        return
    for item_no, item in enumerate(inputs.read(what)):
        yield input_no, item_no, item


def analyse_partition(records: Iterable[tuple[int, int, Article | Problem]]) -> Iterator[dict]:
    """Output rows for one partition's records. The model is loaded here, once per partition
    (and kept by the Python worker for the next one), never shipped from the driver."""
    nlp.load()
    batch: list[tuple[int, int, Article | Problem]] = []
    for record in records:
        batch.append(record)
        if len(batch) >= ledger.BATCH:
            yield from _analyse_batch(batch)
            batch = []
    if batch:
        yield from _analyse_batch(batch)


def _analyse_batch(batch: list[tuple[int, int, Article | Problem]]) -> Iterator[dict]:
    articles = [item for _, _, item in batch if isinstance(item, Article)]
    done = {id(a): an for a, an in ledger._analyse_chunk(articles)}
    for input_no, item_no, item in batch:
        if isinstance(item, Problem):
            yield output_row(input_no, item_no, item)
            continue
        an = done[id(item)]
        if isinstance(an, Exception):
            # the local ingest's own wording for an article the pipeline could not analyse
            an = Problem(item.source, f"not analysed: {type(an).__name__}: {an}")
        yield output_row(input_no, item_no, an)


def plan(paths: Iterable[str]) -> list[Work]:
    files, problems = inputs.expand(paths)
    # problems first: they are reported, never stored, so their place changes no ledger
    return list(enumerate([*problems, *files]))


def run(spark, paths: Iterable[str], out: str, partitions: int | None = None) -> Counts:
    """Analyse every article of ``paths`` on the executors and write the rows to ``out``
    (Parquet, replaced if it exists). Returns what was written, counted as it was written."""
    sc = spark.sparkContext
    work = plan(paths)
    cores = partitions or sc.defaultParallelism
    records = sc.parallelize(work, numSlices=max(1, len(work))).flatMap(read_work)
    if len(work) < cores:
        # Fewer files than cores (one big WARC): spread the articles, or the other cores idle.
        # Reading is cheap next to analysis, so the shuffle of texts costs little.
        records = records.repartition(cores)
    articles, figures, problems = sc.accumulator(0), sc.accumulator(0), sc.accumulator(0)

    def counted(rows: Iterable[dict]) -> Iterator[dict]:
        for row in rows:
            if row["problem"] is not None:
                problems.add(1)
            else:
                articles.add(1)
                figures.add(len(row["analysis"]["mentions"]))
            yield row

    rows = records.mapPartitions(lambda part: counted(analyse_partition(part)))
    frame = spark.createDataFrame(rows, output_schema())
    # Sorted within each part file only (no global sort: its sampling pass would analyse
    # everything twice); the loader merges the sorted files back into input order.
    frame.sortWithinPartitions("input", "item").write.mode("overwrite").parquet(out)
    return Counts(articles.value, figures.value, problems.value)
