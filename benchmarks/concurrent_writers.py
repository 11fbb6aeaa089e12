"""Many writers at once: 4 `newsledger ingest` processes into one ledger, against one after another.

    .venv/bin/python benchmarks/concurrent_writers.py [--shared ../shared] [--per-writer 40]
                                                     [--writers 4] [--out benchmarks/results/concurrent_writers.json]

Builds one folder per writer from BBC articles (``corpora/bbc``: business, entertainment,
politics, tech), every folder with the same file names 001.txt, 002.txt, …: an even-numbered
name holds the same article in every folder (one writer adds it, the others must find it
unchanged), an odd-numbered name holds a different article in each folder (the writers race
for the name: one gets ``001``, the others ``001~2``, ``001~3``, …). The writers are started at
the same moment as separate `newsledger ingest` commands into a fresh ledger, while this
process reads the ledger as `newsledger serve` does (a read-only connection per request) and
counts what the reads return. It is then compared by content with three ledgers built by one
writer at a time: the texts stored, the figures, which figures share a claim, the copies, the
stories, and the document ids.

- ``sequential``: the same folders ingested one after the other (the issue's "run one after
  the other"). Document ids may differ (which of two texts called 001.txt is ``001`` depends on
  who stored it first), and so may stories: the story index is incremental, so its groups
  depend on the order articles arrive in;
- ``reversed``: the folders one after the other in reverse order, compared with
  ``sequential``: what the order of arrival alone changes, with no concurrency at all;
- ``replay``: one ingest of the files the concurrent writers stored, in the order they stored
  them (documents' row ids). The concurrent ledger should equal it in everything, ids included.

The folders are written to a temporary directory and deleted; no article text is kept.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOPICS = ("business", "entertainment", "politics", "tech")  # sport/199 is not UTF-8: left out
SUMMARY = re.compile(r"(\d+) added, (\d+) unchanged, (\d+) failed")


def build_folders(shared: pathlib.Path, root: pathlib.Path, writers: int, per_writer: int) -> list[pathlib.Path]:
    bbc = shared / "corpora" / "bbc"
    folders = []
    for w in range(writers):
        folder = root / f"writer{w}"
        folder.mkdir(parents=True)
        for i in range(1, per_writer + 1):
            # shared names take their article from one topic for all writers; the others from
            # the writer's own topic, so the same name holds a different text in each folder
            topic = TOPICS[(i // 2) % len(TOPICS)] if i % 2 == 0 else TOPICS[w % len(TOPICS)]
            number = i if i % 2 == 0 else i + 100 * (w // len(TOPICS))
            shutil.copyfile(bbc / topic / f"{number:03d}.txt", folder / f"{i:03d}.txt")
        folders.append(folder)
    return folders


def _ingest_cmd(paths: list[pathlib.Path], db: pathlib.Path) -> list[str]:
    return [sys.executable, "-m", "newsledger.cli", "ingest", *map(str, paths), "--db", str(db), "--quiet"]


def _summary(stderr: str) -> dict:
    m = SUMMARY.search(stderr)
    added, unchanged, failed = (int(g) for g in m.groups()) if m else (0, 0, -1)
    problems = [ln for ln in stderr.splitlines() if ln.startswith(("skipped", "error"))]
    return {"added": added, "unchanged": unchanged, "failed": failed, "problems": problems}


class Reader(threading.Thread):
    """Reads the ledger as `newsledger serve` does, one read-only connection per request,
    until stopped; counts the reads and the errors."""

    def __init__(self, db: pathlib.Path):
        super().__init__(daemon=True)
        self.db, self.reads, self.errors, self.stop = db, 0, [], threading.Event()

    def run(self):
        from newsledger.web import api
        from newsledger.web.app import open_readonly

        while not self.stop.is_set():
            if not self.db.exists():
                time.sleep(0.05)
                continue
            try:
                conn = open_readonly(self.db)
                try:
                    api.document_list(conn)
                    conn.execute("SELECT COUNT(*) FROM figures f JOIN claims c ON c.claim = f.claim").fetchone()
                finally:
                    conn.close()
                self.reads += 1
            except sqlite3.OperationalError as e:
                if "no such table" not in str(e):  # the first writer has not created the schema yet
                    self.errors.append(str(e))
            time.sleep(0.1)  # a busy browser's pace; faster, the reader itself slows the writers on 2 cores


def run_concurrent(folders: list[pathlib.Path], db: pathlib.Path) -> dict:
    reader = Reader(db)
    reader.start()
    t = time.perf_counter()
    procs = [subprocess.Popen(_ingest_cmd([f], db), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for f in folders]
    outs = [p.communicate() for p in procs]
    seconds = time.perf_counter() - t
    reader.stop.set()
    reader.join()
    return {"seconds": round(seconds, 1),
            "writers": [{"exit": p.returncode, **_summary(err)} for p, (_, err) in zip(procs, outs)],
            "reads_during_writes": reader.reads, "read_errors": reader.errors}


def run_sequential(inputs: list[list[pathlib.Path]], db: pathlib.Path) -> dict:
    """One ingest after another, each of one list of inputs."""
    t = time.perf_counter()
    writers = []
    for paths in inputs:
        res = subprocess.run(_ingest_cmd(paths, db), cwd=ROOT, capture_output=True, text=True)
        writers.append({"exit": res.returncode, **_summary(res.stderr)})
    return {"seconds": round(time.perf_counter() - t, 1), "writers": writers}


def stored_order(db: pathlib.Path) -> list[pathlib.Path]:
    return [pathlib.Path(r[0]) for r in _rows(db, "SELECT source FROM documents ORDER BY id")]


def _rows(db: pathlib.Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def _groups(pairs) -> set[frozenset]:
    out: dict = {}
    for key, member in pairs:
        out.setdefault(key, set()).add(member)
    return {frozenset(g) for g in out.values()}


def content(db: pathlib.Path) -> dict:
    """The ledger named by content, not by document id."""
    hash_of = dict(_rows(db, "SELECT doc, content_hash FROM documents"))
    figures = _rows(db, "SELECT d.content_hash, f.start, f.\"end\", f.low, f.high, f.measure, f.claim "
                        "FROM figures f JOIN documents d ON d.id = f.doc_id")
    docs = _rows(db, "SELECT content_hash, duplicate_of, story FROM documents")
    return {
        "ids": sorted(hash_of.items()),
        "texts": sorted(hash_of.values()),
        "figures": sorted(f[:6] for f in figures),
        "claims": _groups((f[6], (f[0], f[1])) for f in figures),
        "copies": sorted((h, hash_of[dup]) for h, dup, _ in docs if dup),
        "stories": _groups((story, h) for h, _, story in docs),
    }


def compare(a_db: pathlib.Path, b_db: pathlib.Path) -> dict:
    a, b = content(a_db), content(b_db)
    return {
        "documents": [len(a["texts"]), len(b["texts"])],
        "figures": [len(a["figures"]), len(b["figures"])],
        "claims": [len(a["claims"]), len(b["claims"])],
        "equal": {k: a[k] == b[k] for k in ("texts", "figures", "claims", "copies", "stories", "ids")},
    }


def distinct_ids(db: pathlib.Path) -> bool:
    n_docs, n_ids = _rows(db, "SELECT COUNT(*), COUNT(DISTINCT doc) FROM documents")[0]
    return n_docs == n_ids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared")
    ap.add_argument("--writers", type=int, default=4)
    ap.add_argument("--per-writer", type=int, default=40, help="files in each writer's folder")
    ap.add_argument("--out", type=pathlib.Path, default=ROOT / "benchmarks" / "results" / "concurrent_writers.json")
    args = ap.parse_args()
    if not (args.shared / "corpora" / "bbc").is_dir():
        raise SystemExit(f"no BBC corpus under {args.shared}/corpora/bbc")

    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        folders = build_folders(args.shared, root / "in", args.writers, args.per_writer)
        dbs = {k: root / f"{k}.db" for k in ("concurrent", "sequential", "reversed", "replay")}
        print(f"{args.writers} writers x {args.per_writer} files; ingesting at once …", file=sys.stderr, flush=True)
        runs = {"concurrent": run_concurrent(folders, dbs["concurrent"])}
        print("one after the other, forwards, backwards, and in the order stored …", file=sys.stderr, flush=True)
        runs["sequential"] = run_sequential([[f] for f in folders], dbs["sequential"])
        runs["reversed"] = run_sequential([[f] for f in reversed(folders)], dbs["reversed"])
        runs["replay"] = run_sequential([stored_order(dbs["concurrent"])], dbs["replay"])
        comparisons = {"concurrent vs sequential": compare(dbs["concurrent"], dbs["sequential"]),
                       "reversed vs sequential": compare(dbs["reversed"], dbs["sequential"]),
                       "concurrent vs replay": compare(dbs["concurrent"], dbs["replay"])}
        ids_distinct = distinct_ids(dbs["concurrent"])

    result = {"corpus": "bbc", "writers": args.writers, "files_per_writer": args.per_writer,
              "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
              "runs": runs, "comparisons": comparisons, "concurrent_doc_ids_distinct": ids_distinct}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    report(result)


def report(r: dict) -> None:
    print(f"\n{r['writers']} writers x {r['files_per_writer']} BBC files (same names, overlapping texts)\n")
    print(f"{'':12}{'seconds':>9}{'ingests':>9}{'added':>7}{'unchanged':>11}{'failed':>8}  exit codes")
    for name, run in r["runs"].items():
        w = run["writers"]
        print(f"{name:12}{run['seconds']:>9}{len(w):>9}{sum(x['added'] for x in w):>7}"
              f"{sum(x['unchanged'] for x in w):>11}{sum(x['failed'] for x in w):>8}  {' '.join(str(x['exit']) for x in w)}")
        for x in w:
            for p in x["problems"]:
                print(f"  problem: {p}")
    c = r["runs"]["concurrent"]
    print(f"\nreads during the concurrent writes (as serve reads): {c['reads_during_writes']}, "
          f"errors: {len(c['read_errors'])}")
    for e in c["read_errors"][:5]:
        print(f"  read error: {e}")
    print(f"document ids in the concurrent ledger distinct: {r['concurrent_doc_ids_distinct']}\n")
    keys = list(next(iter(r["comparisons"].values()))["equal"])
    print(f"{'':26}{'documents':>11}{'figures':>11}{'claims':>11}   equal: " + " ".join(f"{k:>7}" for k in keys))
    for name, cmp in r["comparisons"].items():
        print(f"{name:26}" + "".join(f"{'%d/%d' % tuple(cmp[k]):>11}" for k in ("documents", "figures", "claims"))
              + "          " + " ".join(f"{'yes' if cmp['equal'][k] else 'NO':>7}" for k in keys))


if __name__ == "__main__":
    main()
