"""Many writers at once: four ingest processes into one ledger give the sequential ledger.

Four folders hold files of the same names (a.txt, b.txt, c.txt) with partly the same texts, so
the writers race for the same document ids and store the same texts. Each writer is a real
process (spawned, as `newsledger ingest` runs), loads the model first and then waits for the
others, so all four ingest at the same moment rather than one after another by accident of
load times. The ledger they leave is compared with four ingests of the same folders run one
after the other, and with one ingest of the files the writers stored, in the order they stored
them. The articles are made up for this test.
"""
from __future__ import annotations

import json
import multiprocessing
import pathlib
import re
import sqlite3

import pytest

from newsledger import ledger, store

from .conftest import write

TEXTS = [
    "Bridge repairs delayed\n"
    "The city council said on Tuesday that repairs to the Elm Street bridge would cost $4.5 million. "
    "About 12,000 drivers cross the bridge every day, a council engineer said.\n",
    "Harvest falls short\n"
    "Farmers in the northern district harvested 40,000 tonnes of wheat this year, the agriculture "
    "ministry said on Friday.\n",
    "Library reopens\n"
    "The public library reopened on Monday after a renovation that cost $800,000, its director said. "
    "More than 300 visitors came on the first day.\n",
    "Ferry service cut\n"
    "The ferry operator said on Wednesday it would cut 25 sailings a week because it is short of crew. "
    "Around 2,000 passengers use the route every day.\n",
    "School enrolment rises\n"
    "Enrolment at primary schools in the province rose to 150,000 pupils, the education minister "
    "said on Thursday.\n",
    "Storm damage\n"
    "A storm damaged 120 homes in the coastal village, emergency officials said on Saturday.\n",
]
# folder -> file name -> text: every name holds two or three different texts across the
# folders, and every text but one is in two folders, under the same name or another
FOLDERS = {
    "w0": {"a": 0, "b": 1, "c": 2},
    "w1": {"a": 0, "b": 3, "c": 1},
    "w2": {"a": 4, "b": 1, "c": 5},
    "w3": {"a": 2, "b": 3, "c": 4},
}
WRITERS_TIMEOUT_S = 300


def _write_folders(root: pathlib.Path) -> list[pathlib.Path]:
    folders = []
    for name, files in FOLDERS.items():
        (root / name).mkdir(parents=True)
        for stem, text in files.items():
            write(root / name / f"{stem}.txt", TEXTS[text])
        folders.append(root / name)
    return folders


def _writer(folder: str, db: str, start, out: str) -> None:
    """One `newsledger ingest` process: the model loaded first, then the ingest at the signal."""
    from typer.testing import CliRunner

    from newsledger import nlp
    from newsledger.cli import app

    nlp.load()
    start.wait()
    result = CliRunner().invoke(app, ["ingest", folder, "--db", db, "--quiet"])
    pathlib.Path(out).write_text(json.dumps({"exit_code": result.exit_code, "output": result.output}))


def _run_writers(folders: list[pathlib.Path], db: pathlib.Path, logs: pathlib.Path) -> list[dict]:
    ctx = multiprocessing.get_context("spawn")  # a fresh interpreter each, as separate commands are
    start = ctx.Barrier(len(folders))
    outs = [logs / f"{f.name}.json" for f in folders]
    procs = [ctx.Process(target=_writer, args=(str(f), str(db), start, str(o))) for f, o in zip(folders, outs)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(WRITERS_TIMEOUT_S)
    for p in procs:
        if p.is_alive():
            p.kill()
    assert [p.exitcode for p in procs] == [0] * len(procs), "a writer process crashed or hung"
    return [json.loads(o.read_text()) for o in outs]


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("writers")
    folders = _write_folders(root / "in")
    concurrent, sequential = root / "concurrent.db", root / "sequential.db"
    # the ledger exists already, as on any day but the first: the writers race over ids and
    # texts, not over creating the file (tests/test_store.py has that race)
    store.connect(concurrent).close()
    results = _run_writers(folders, concurrent, root)
    for f in folders:
        _ingest(sequential, [str(f)])
    replay = root / "replay.db"
    _ingest(replay, [r[0] for r in _rows(concurrent, "SELECT source FROM documents ORDER BY id")])
    return {"results": results, "concurrent": concurrent, "sequential": sequential, "replay": replay}


def _ingest(db: pathlib.Path, inputs: list[str]) -> None:
    conn = store.connect(db)
    try:
        report = ledger.ingest(conn, inputs)
    finally:
        conn.close()
    assert not report.failed, report.problems


def _rows(db: pathlib.Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def _claim_groups(db: pathlib.Path) -> set[frozenset]:
    """Which figures share a claim, each figure named by its text's hash and offset (document
    ids may differ: which of two texts called a.txt got "a" depends on who stored it first)."""
    groups: dict[str, set] = {}
    for claim, digest, start in _rows(db, "SELECT f.claim, d.content_hash, f.start FROM figures f "
                                          "JOIN documents d ON d.id = f.doc_id"):
        groups.setdefault(claim, set()).add((digest, start))
    return {frozenset(g) for g in groups.values()}


def _summary(output: str) -> tuple[int, int, int]:
    """(added, unchanged, failed) from the line `newsledger ingest` ends with."""
    m = re.search(r"(\d+) added, (\d+) unchanged, (\d+) failed", output)
    assert m, output
    return int(m[1]), int(m[2]), int(m[3])


def test_every_writer_exits_cleanly(ledgers):
    assert [r["exit_code"] for r in ledgers["results"]] == [0, 0, 0, 0], [r["output"] for r in ledgers["results"]]


def test_no_writer_reports_a_failure(ledgers):
    assert [_summary(r["output"])[2] for r in ledgers["results"]] == [0, 0, 0, 0]


def test_the_writers_between_them_add_each_text_once_and_find_the_rest_unchanged(ledgers):
    summaries = [_summary(r["output"]) for r in ledgers["results"]]
    assert (sum(s[0] for s in summaries), sum(s[1] for s in summaries)) == (6, 12 - 6)


def test_the_concurrent_ledger_holds_the_same_texts_as_the_sequential_one(ledgers):
    hashes = "SELECT content_hash FROM documents"
    assert sorted(_rows(ledgers["concurrent"], hashes)) == sorted(_rows(ledgers["sequential"], hashes))
    assert len(_rows(ledgers["concurrent"], hashes)) == 6


def test_the_concurrent_ledger_holds_as_many_figures_as_the_sequential_one(ledgers):
    count = "SELECT COUNT(*) FROM figures"
    assert _rows(ledgers["concurrent"], count) == _rows(ledgers["sequential"], count) != [(0,)]


def test_every_document_id_in_the_concurrent_ledger_is_distinct(ledgers):
    assert _rows(ledgers["concurrent"], "SELECT COUNT(DISTINCT doc), COUNT(*) FROM documents") == [(6, 6)]


def test_the_concurrent_ledger_groups_figures_into_the_same_claims(ledgers):
    assert _claim_groups(ledgers["concurrent"]) == _claim_groups(ledgers["sequential"])


def test_the_last_linking_took_in_every_writers_figures(ledgers):
    assert _rows(ledgers["concurrent"], "SELECT COUNT(*) FROM figures WHERE claim IS NULL") == [(0,)]


def test_the_saved_copy_index_holds_every_writers_documents(ledgers):
    conn = store.connect(ledgers["concurrent"])
    try:
        copies, _ = ledger.load_indexes(conn)
        docs = [r[0] for r in conn.execute("SELECT doc FROM documents")]
    finally:
        conn.close()
    assert len(docs) == 6 and all(d in copies for d in docs)


def test_the_concurrent_ledger_is_the_ledger_of_its_documents_ingested_in_the_order_they_were_stored(ledgers):
    # ids, copies and stories depend on the order articles arrive in; given that order, the
    # writers leave exactly what one writer would
    docs = "SELECT doc, content_hash, duplicate_of, story FROM documents ORDER BY id"
    figures = "SELECT d.doc, f.start, f.claim FROM figures f JOIN documents d ON d.id = f.doc_id ORDER BY d.id, f.start"
    assert _rows(ledgers["concurrent"], docs) == _rows(ledgers["replay"], docs)
    assert _rows(ledgers["concurrent"], figures) == _rows(ledgers["replay"], figures)
