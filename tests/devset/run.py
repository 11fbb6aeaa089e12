"""Score newsledger on the development set: `python -m tests.devset.run [--verbose] [--json]`.

Each `*.files.csv` row names a file in the shared corpora; it is linked (not copied) into a
temporary folder under its `doc` name, with a `manifest.csv` giving its metadata, then the
folder is ingested, exported and scored by ../shared/eval/score.py against every `*.gold.json`.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def default_shared() -> pathlib.Path:
    return ROOT.parent / "shared"


def stage(shared: pathlib.Path, folder: pathlib.Path) -> list[pathlib.Path]:
    """Link every listed file into `folder` and write its manifest; return the gold files."""
    rows = []
    for listing in sorted(HERE.glob("*.files.csv")):
        with listing.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                src = shared / row["path"]
                name = row["doc"] + "".join(src.suffixes[-1:])
                os.symlink(src, folder / name)
                rows.append({"file": name, "published": row.get("published") or "", "outlet": row.get("outlet") or "",
                             "url": "", "title": row.get("title") or ""})
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["file", "published", "outlet", "url", "title"])
        w.writeheader()
        w.writerows(rows)
    return sorted(HERE.glob("*.gold.json"))


def build_export(shared: pathlib.Path, work: pathlib.Path) -> tuple[pathlib.Path, pathlib.Path, list[pathlib.Path]]:
    from newsledger import store
    from newsledger.ledger import ingest
    from newsledger.report.export import export

    docs = work / "docs"
    docs.mkdir()
    golds = stage(shared, docs)
    conn = store.connect(work / "ledger.db")
    report = ingest(conn, [str(docs)])
    if report.problems:
        raise SystemExit("devset: could not ingest: " + "; ".join(f"{p.source}: {p.message}" for p in report.problems))
    export(conn, work / "export")
    conn.close()
    return work / "export", docs, golds


def score(shared: pathlib.Path, export_dir: pathlib.Path, docs: pathlib.Path, golds: list[pathlib.Path],
          extra: list[str]) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(shared / "eval" / "score.py"), "--export", str(export_dir), "--docs", str(docs)]
    for g in golds:
        cmd += ["--gold", str(g)]
    return subprocess.run(cmd + extra, capture_output=True, text=True)


FIELDS = ["gold_figures", "detect_f1", "strict_f1", "value_accuracy", "measure_accuracy", "subject_accuracy",
          "speaker_accuracy", "stated_on_accuracy", "claim_pair_f1"]


def table(shared, export_dir, docs, golds) -> str:
    cols = [("all", [])] + [(g.name.replace(".gold.json", ""), ["--focus", str(g)]) for g in golds]
    results = {name: json.loads(score(shared, export_dir, docs, golds, ["--json"] + extra).stdout) for name, extra in cols}
    lines = ["| metric | " + " | ".join(name for name, _ in cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for f in FIELDS:
        cells = [(f"{results[n][f]:.3f}" if isinstance(results[n].get(f), float) else str(results[n].get(f, "")))
                 for n, _ in cols]
        lines.append(f"| {f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=pathlib.Path, default=default_shared())
    ap.add_argument("--verbose", action="store_true", help="list every mistake")
    ap.add_argument("--json", action="store_true", help="print the metrics as JSON")
    ap.add_argument("--focus", help="score only this gold file (e.g. basil)")
    ap.add_argument("--keep", type=pathlib.Path, help="keep the ledger and export in this folder")
    ap.add_argument("--table", action="store_true", help="a Markdown table of the fields, overall and per gold file")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = a.keep or pathlib.Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        export_dir, docs, golds = build_export(a.shared, work)
        if a.table:
            print(table(a.shared, export_dir, docs, golds))
            return 0
        extra = (["--verbose"] if a.verbose else []) + (["--json"] if a.json else [])
        if a.focus:
            extra += ["--focus", str(next(g for g in golds if g.name.startswith(a.focus)))]
        res = score(a.shared, export_dir, docs, golds, extra)
        sys.stdout.write(res.stdout)
        sys.stderr.write(res.stderr)
        return res.returncode


if __name__ == "__main__":
    sys.exit(main())
