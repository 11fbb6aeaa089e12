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


def crisis_events(which: str) -> tuple[list[str], str | None]:
    """The crisis events to score ('dev': all but the held-back ones; 'heldout': only those), and why
    none are when the texts have not been rebuilt into devdata/crisis."""
    from tests.devset import anchored

    held = anchored.held_out()
    names = [e for e in anchored.events() if (e in held) == (which == "heldout")]
    missing = [e for e in names if not (anchored.TEXTS / e / "manifest.csv").exists()]
    if missing:
        return [e for e in names if e not in missing], (
            "crisis events skipped, texts not rebuilt into devdata/crisis/ "
            f"(see ../shared/corpora/crisis/README.md): {', '.join(missing)}")
    return names, None


def stage_crisis(events: list[str], folder: pathlib.Path, golds: pathlib.Path) -> tuple[list[dict], list[pathlib.Path]]:
    from tests.devset import anchored

    rows, paths = [], []
    for event in events:
        try:
            gold = anchored.build(event)
        except anchored.DraftError as e:
            print(f"devset: {event} skipped, its draft does not resolve:\n{e}", file=sys.stderr)
            continue
        meta = anchored.manifest(event)
        for d in gold["documents"]:
            file = d["doc"][len(event) + 1:] + ".txt"
            os.symlink(anchored.TEXTS / event / file, folder / (d["doc"] + ".txt"))
            m = meta[file]
            rows.append({"file": d["doc"] + ".txt", "published": m.get("published") or "",
                         "outlet": m.get("outlet") or "", "url": m.get("url") or "", "title": m.get("title") or ""})
        path = golds / f"crisis-{event}.gold.json"
        path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return rows, paths


def stage(shared: pathlib.Path, folder: pathlib.Path, crisis: list[str] = (), sets: str = "all") -> list[pathlib.Path]:
    """Link every listed file into `folder` and write its manifest; return the gold files."""
    rows = []
    listings = sorted(HERE.glob("*.files.csv")) if sets == "all" else []
    for listing in listings:
        with listing.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                src = shared / row["path"]
                name = row["doc"] + "".join(src.suffixes[-1:])
                os.symlink(src, folder / name)
                rows.append({"file": name, "published": row.get("published") or "", "outlet": row.get("outlet") or "",
                             "url": "", "title": row.get("title") or ""})
    crisis_rows, crisis_golds = stage_crisis(list(crisis), folder, folder.parent)
    rows += crisis_rows
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["file", "published", "outlet", "url", "title"])
        w.writeheader()
        w.writerows(rows)
    return (sorted(HERE.glob("*.gold.json")) if sets == "all" else []) + crisis_golds


def build_export(shared: pathlib.Path, work: pathlib.Path, crisis: list[str] = (),
                 sets: str = "all") -> tuple[pathlib.Path, pathlib.Path, list[pathlib.Path]]:
    from newsledger import store
    from newsledger.ledger import ingest
    from newsledger.report.export import export

    docs = work / "docs"
    docs.mkdir()
    golds = stage(shared, docs, crisis, sets)
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


def gold_name(path: pathlib.Path) -> str:
    return path.name.replace(".gold.json", "").replace("crisis-", "")


def per_gold(shared, export_dir, docs, golds) -> dict[str, dict]:
    """Each gold file's metrics, scored with every gold file loaded (the scorer's --focus)."""
    out = {}
    for gold in golds:
        res = score(shared, export_dir, docs, golds, ["--json", "--focus", str(gold)])
        if res.returncode != 0:
            raise RuntimeError(res.stderr)
        out[gold_name(gold)] = json.loads(res.stdout)
    return out


FIELDS = ["gold_figures", "detect_f1", "strict_f1", "value_accuracy", "measure_accuracy", "subject_accuracy",
          "speaker_accuracy", "stated_on_accuracy", "claim_pair_f1"]


def table(shared, export_dir, docs, golds) -> str:
    crisis = [g for g in golds if g.name.startswith("crisis-")]
    cols = [("all", golds, [])]
    if crisis and len(crisis) < len(golds):
        cols.append(("crisis", crisis, []))
    cols += [(gold_name(g), golds, ["--focus", str(g)]) for g in golds]
    results = {name: json.loads(score(shared, export_dir, docs, gs, ["--json"] + extra).stdout)
               for name, gs, extra in cols}
    lines = ["| metric | " + " | ".join(name for name, _, _ in cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for f in FIELDS:
        cells = [(f"{results[n][f]:.3f}" if isinstance(results[n].get(f), float) else str(results[n].get(f, "")))
                 for n, _, _ in cols]
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
    ap.add_argument("--sets", choices=["all", "crisis", "heldout"], default="all",
                    help="all: every development set and the crisis events not held back; crisis: those events "
                         "alone; heldout: only the held-back crisis events (score them once, at the end)")
    a = ap.parse_args(argv)
    crisis, skipped = crisis_events("heldout" if a.sets == "heldout" else "dev")
    if skipped:
        print(f"devset: {skipped}", file=sys.stderr)
    if a.sets != "all" and not crisis:
        print("devset: no crisis event to score", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = a.keep or pathlib.Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        export_dir, docs, golds = build_export(a.shared, work, crisis, "all" if a.sets == "all" else "crisis")
        if a.table:
            print(table(a.shared, export_dir, docs, golds))
            return 0
        extra = (["--verbose"] if a.verbose else []) + (["--json"] if a.json else [])
        if a.focus:
            extra += ["--focus", str(next(g for g in golds if g.name.replace("crisis-", "").startswith(a.focus)))]
        res = score(a.shared, export_dir, docs, golds, extra)
        sys.stdout.write(res.stdout)
        sys.stderr.write(res.stderr)
        return res.returncode


if __name__ == "__main__":
    sys.exit(main())
