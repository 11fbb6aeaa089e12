"""python -m newsledger.spark run INPUTS... --out DIR    (analyse on Spark, write Parquet)
python -m newsledger.spark load DIR --db LEDGER       (store and link that Parquet into a ledger)

On a cluster, give this file to spark-submit in place of ``-m newsledger.spark`` (README,
"Spark"). Absolute imports only, so it also runs as a plain script.
"""
from __future__ import annotations

import argparse
import pathlib
import sqlite3
import sys


def _run(args) -> int:
    from newsledger.spark.job import run, session

    spark = session(args.master)
    try:
        counts = run(spark, args.inputs, args.out, partitions=args.partitions)
    finally:
        spark.stop()
    print(f"{counts.articles} articles ({counts.figures} figures), {counts.problems} problems -> {args.out}",
          file=sys.stderr)
    return 0


def _load(args) -> int:
    from newsledger import store
    from newsledger.spark.load import load

    db = pathlib.Path(args.db)
    if db.is_dir():
        print(f"error: {db} is a folder, not a ledger file", file=sys.stderr)
        return 2
    db.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = store.connect(db)
    except (sqlite3.DatabaseError, store.LedgerError) as e:
        print(f"error: {db} is not a newsledger ledger: {e}", file=sys.stderr)
        return 2

    def progress(kind: str, msg: str) -> None:
        if kind == "problem" or not args.quiet:
            print(f"{'skipped' if kind == 'problem' else kind} {msg}", file=sys.stderr)

    try:
        report = load(conn, args.dir, progress=progress)
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    summary = (f"{len(report.added)} added, {len(report.unchanged)} unchanged, "
               f"{len(report.problems)} failed; {report.figures} figures")
    if report.skipped_language:
        summary += f"; {len(report.skipped_language)} not in English (stored, figures not extracted)"
    print(f"{summary} -> {db}", file=sys.stderr)
    return 1 if report.failed else 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m newsledger.spark",
                                description="Analyse JSONL and WARC archives on Spark, then load the result into a ledger.")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="analyse articles on Spark and write Parquet")
    r.add_argument("inputs", nargs="+", help="JSONL (.jsonl, .jsonl.gz, .ndjson) and WARC (.warc, .warc.gz) files "
                                             "or folders, readable at the same path on every executor")
    r.add_argument("--out", required=True, help="output folder (Parquet; replaced if it exists)")
    r.add_argument("--master", default=None,
                   help="Spark master, e.g. local[4]; default: spark-submit's, or local[*] from plain Python")
    r.add_argument("--partitions", type=int, default=None,
                   help="spread the articles over this many tasks when there are fewer files "
                        "(default: the cluster's default parallelism)")
    r.set_defaults(func=_run)
    ld = sub.add_parser("load", help="store and link the job's Parquet into a ledger")
    ld.add_argument("dir", help="the folder `run` wrote")
    ld.add_argument("--db", default="newsledger.db", help="the ledger (SQLite file)")
    ld.add_argument("--quiet", "-q", action="store_true", help="print only problems and the summary")
    ld.set_defaults(func=_load)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
