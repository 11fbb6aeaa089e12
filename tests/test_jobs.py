"""Analysis in worker processes (ingest --jobs): one writer, input order, one article's failure
costs only that article. Articles written for these tests."""
from __future__ import annotations

import os
import sqlite3

import pytest

from newsledger import ledger, pipeline, store, workers

from .conftest import ENGLISH, ENGLISH_OTHER, GERMAN, write

STORM = ("Storm at the harbour\nCoastguard officials said on Tuesday that 14 boats had sunk in the harbour "
         "overnight and 3 fishermen were missing.\n")


def _inputs(tmp_path):
    # several batches (ledger.BATCH is 1 in these tests): each goes to a worker of its own
    return [write(tmp_path / f"{n}.txt", t) for n, t in
            (("b-storm", STORM), ("a-floods", ENGLISH), ("c-hochwasser", GERMAN), ("d-tractors", ENGLISH_OTHER))]


def _ingest(db, inputs, jobs):
    conn = store.connect(db)
    try:
        return ledger.ingest(conn, [str(i) for i in inputs], jobs=jobs)
    finally:
        conn.close()


def _rows(db, sql):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def one_per_batch(monkeypatch):
    monkeypatch.setattr(ledger, "BATCH", 1)


@pytest.fixture
def forked(monkeypatch):
    """Workers started by fork, so they run the code as patched by the test."""
    monkeypatch.setattr(workers, "START_METHOD", "fork")


def test_two_jobs_store_documents_in_input_order(tmp_path, one_per_batch):
    inputs = _inputs(tmp_path)
    _ingest(tmp_path / "ledger.db", inputs, jobs=2)
    assert [r[0] for r in _rows(tmp_path / "ledger.db", "SELECT doc FROM documents ORDER BY id")] == \
        ["b-storm", "a-floods", "c-hochwasser", "d-tractors"]


def test_two_jobs_store_the_figures_one_job_does(tmp_path, one_per_batch):
    inputs = _inputs(tmp_path)
    _ingest(tmp_path / "one.db", inputs, jobs=1)
    _ingest(tmp_path / "two.db", inputs, jobs=2)
    sql = ("SELECT d.doc, f.start, f.text, f.measure, a.speaker FROM figures f JOIN documents d ON d.id = f.doc_id "
           "LEFT JOIN attributions a ON a.figure_id = f.id ORDER BY d.doc, f.start")
    assert _rows(tmp_path / "two.db", sql) == _rows(tmp_path / "one.db", sql)


def test_an_analysis_bug_in_a_worker_costs_only_that_article(tmp_path, one_per_batch, forked, monkeypatch):
    real = pipeline.analyse_doc

    def buggy(article, lines, doc):
        if article.doc == "a-floods":
            raise ValueError("extractor bug (simulated)")
        return real(article, lines, doc)

    monkeypatch.setattr(pipeline, "analyse_doc", buggy)
    report = _ingest(tmp_path / "ledger.db", _inputs(tmp_path), jobs=2)
    assert report.added == ["b-storm", "c-hochwasser", "d-tractors"]
    [problem] = report.problems
    assert problem.source.endswith("a-floods.txt") and "extractor bug" in problem.message


def test_a_worker_that_dies_costs_only_its_articles(tmp_path, one_per_batch, forked, monkeypatch):
    real = pipeline.analyse_doc

    def dies(article, lines, doc):
        if article.doc == "a-floods":
            os._exit(3)  # as the kernel's out-of-memory killer would end it
        return real(article, lines, doc)

    monkeypatch.setattr(pipeline, "analyse_doc", dies)
    report = _ingest(tmp_path / "ledger.db", _inputs(tmp_path), jobs=2)
    assert report.added == ["b-storm", "c-hochwasser", "d-tractors"]
    [problem] = report.problems
    assert problem.source.endswith("a-floods.txt") and "died" in problem.message


def test_default_jobs_is_every_usable_core():
    assert workers.default_jobs() == len(os.sched_getaffinity(0))
