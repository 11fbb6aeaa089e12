"""Throughput per core: the Spark job in local mode against a local ingest of the same WARC.

    .venv/bin/python benchmarks/spark_local.py [--shared ../shared] [--articles 300] [--cores 2]
                                              [--warcs 1] [--out benchmarks/results/spark_local.json]

Writes the first ``--articles`` BBC articles (``corpora/bbc``, taken in turn from the five topic
folders) as HTML pages into ``--warcs`` WARC.gz files in a temporary folder (consecutive
articles per file), as a news crawl would hold them; no article text is kept. Then, each in its
own child process so neither starts warm:

- **local**: ``ledger.ingest`` of the WARCs into a fresh ledger (one process, one core);
- **spark**: ``newsledger.spark`` in ``local[N]``: the session is started, the model loaded in
  every Python worker and the job run once on a WARC of four other articles (warm-up: on a
  cluster the JVM and the workers outlive one file), then the job (read, analyse, write
  Parquet) is timed, then the loader (store and link into a fresh ledger), on the driver.

One WARC is read by one task: with fewer files than cores the job spreads the articles after
reading, so the reading (HTML extraction) of that file runs on one core.

Per core is counted two ways. By CPU time: articles per CPU-second used by the run, over the
whole process tree (for Spark: the driver, the JVM, the Python daemon and its workers, read from
``/proc``), which holds however busy the machine is with other work. By wall-clock: articles /
(seconds x cores given), which holds only on an otherwise idle machine (the load average is
recorded). Model loading and JVM start are timed apart from the runs, for both. The two ledgers' figures (offsets, values, measures, speakers, dates,
claims) are compared and the result printed.
"""
from __future__ import annotations

import argparse
import html
import io
import json
import os
import pathlib
import platform
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOPICS = ("business", "entertainment", "politics", "sport", "tech")


def tree_cpu_seconds(root: int | None = None) -> float:
    """User + system CPU of a process and all its descendants, living or reaped (a reaped
    child's time is in its parent's cutime/cstime), from /proc."""
    root = root or os.getpid()
    parent, ticks = {}, {}
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # gone since listed
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # the name may hold spaces and parentheses
        pid = int(entry.name)
        parent[pid] = int(fields[1])
        ticks[pid] = sum(int(x) for x in fields[11:15])  # utime, stime, cutime, cstime
    total = 0
    for pid in ticks:
        p = pid
        while p and p != root:
            p = parent.get(p, 0)
        if p == root:
            total += ticks[pid]
    return total / os.sysconf("SC_CLK_TCK")


def _files(shared: pathlib.Path, n: int) -> list[pathlib.Path]:
    by_topic = [sorted((shared / "corpora" / "bbc" / t).glob("*.txt")) for t in TOPICS]
    out, i = [], 0
    while len(out) < n and any(i < len(fs) for fs in by_topic):
        out += [fs[i] for fs in by_topic if i < len(fs)]
        i += 1
    return out[:n]


def _page(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    title, paragraphs = html.escape(lines[0]), "".join(f"<p>{html.escape(p)}</p>" for p in lines[1:])
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:site_name" content="BBC News"></head><body><article><h1>{title}</h1>'
            f"{paragraphs}</article></body></html>")


def write_warcs(files: list[pathlib.Path], paths: list[pathlib.Path]) -> tuple[int, int]:
    per = -(-len(files) // len(paths))
    counts = [write_warc(files[i * per:(i + 1) * per], p) for i, p in enumerate(paths)]
    return sum(c[0] for c in counts), sum(c[1] for c in counts)


def write_warc(files: list[pathlib.Path], path: pathlib.Path) -> tuple[int, int]:
    """The articles as response records; returns (articles, words). A file that is not UTF-8 is
    left out (a local ingest would refuse it too)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    articles = words = 0
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for f in files:
            try:
                text = f.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            uri = f"https://bbc.example/{f.parent.name}/{f.stem}"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(_page(text).encode("utf-8")),
                                                http_headers=headers))
            articles += 1
            words += len(text.split())
    return articles, words


FIGURES = ("SELECT d.doc, f.start, f.\"end\", f.low, f.high, f.unit, f.measure, f.subject, a.speaker, "
           "a.stated_on, f.claim FROM figures f JOIN documents d ON d.id = f.doc_id "
           "LEFT JOIN attributions a ON a.figure_id = f.id ORDER BY d.id, f.start")


def run_local(warcs: list[pathlib.Path], db: pathlib.Path) -> dict:
    from newsledger import ledger, nlp, store

    t = time.perf_counter()
    nlp.load()
    load_s = time.perf_counter() - t
    conn = store.connect(db)
    t, cpu = time.perf_counter(), tree_cpu_seconds()
    report = ledger.ingest(conn, [str(w) for w in warcs])
    seconds, cpu = time.perf_counter() - t, tree_cpu_seconds() - cpu
    return {"seconds": seconds, "cpu_seconds": cpu, "model_load_seconds": load_s, "added": len(report.added),
            "problems": len(report.problems), "figures": report.figures, "cores": 1}


def run_spark(warcs: list[pathlib.Path], warm: pathlib.Path, db: pathlib.Path, out: pathlib.Path, cores: int) -> dict:
    from newsledger import nlp, store
    from newsledger.spark.job import run, session
    from newsledger.spark.load import load

    t = time.perf_counter()
    spark = session(f"local[{cores}]", app="newsledger-bench")
    spark.sparkContext.setLogLevel("ERROR")
    start_s = time.perf_counter() - t
    t = time.perf_counter()
    # one task per core, each loading the model into its Python worker, which Spark reuses
    spark.sparkContext.parallelize(range(cores), cores).mapPartitions(lambda _: [bool(nlp.load())]).collect()
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    run(spark, [str(warm)], str(out.with_name("warm-up")))
    warm_s = time.perf_counter() - t
    t, cpu = time.perf_counter(), tree_cpu_seconds()
    counts = run(spark, [str(w) for w in warcs], str(out))
    job_s, job_cpu = time.perf_counter() - t, tree_cpu_seconds() - cpu
    spark.stop()
    conn = store.connect(db)
    t, cpu = time.perf_counter(), tree_cpu_seconds()
    report = load(conn, out)
    load_ledger_s, load_cpu = time.perf_counter() - t, tree_cpu_seconds() - cpu
    return {"seconds": job_s, "cpu_seconds": job_cpu, "loader_cpu_seconds": load_cpu,
            "session_start_seconds": start_s, "model_load_seconds": load_s, "warm_up_seconds": warm_s,
            "loader_seconds": load_ledger_s, "added": len(report.added), "problems": len(report.problems),
            "figures": counts.figures, "cores": cores}


def _warc_paths(tmp: pathlib.Path, n: int) -> list[pathlib.Path]:
    return [tmp / f"crawl-{i:05d}.warc.gz" for i in range(n)]


def _child(mode: str, args, tmp: pathlib.Path) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--tmp", str(tmp), "--cores", str(args.cores),
           "--warcs", str(args.warcs)]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if res.returncode != 0:
        sys.stderr.write(res.stderr[-5000:])
        raise SystemExit(f"{mode} run failed ({res.returncode})")
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--cores", type=int, default=2, help="Spark's local[N]")
    ap.add_argument("--warcs", type=int, default=1, help="how many WARC files the articles are written into")
    ap.add_argument("--out", type=pathlib.Path, default=ROOT / "benchmarks" / "results" / "spark_local.json")
    ap.add_argument("--child", choices=("local", "spark"), help=argparse.SUPPRESS)
    ap.add_argument("--tmp", type=pathlib.Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        warcs = _warc_paths(args.tmp, args.warcs)
    if args.child == "local":
        print(json.dumps(run_local(warcs, args.tmp / "local.db")))
        return
    if args.child == "spark":
        print(json.dumps(run_spark(warcs, args.tmp / "warm-up.warc.gz", args.tmp / "spark.db", args.tmp / "out",
                                   args.cores)))
        return
    if not (args.shared / "corpora" / "bbc").is_dir():
        raise SystemExit(f"no BBC corpus under {args.shared}/corpora/bbc")

    import sqlite3

    with tempfile.TemporaryDirectory() as tmp_:
        tmp = pathlib.Path(tmp_)
        files = _files(args.shared, args.articles + 4)
        n, words = write_warcs(files[:args.articles], _warc_paths(tmp, args.warcs))
        write_warc(files[args.articles:], tmp / "warm-up.warc.gz")
        print(f"{n} articles, {words:,} words in {args.warcs} WARC file(s); local ingest …", file=sys.stderr, flush=True)
        load_before = os.getloadavg()[0]
        local = _child("local", args, tmp)
        print(f"  {local['seconds']:.1f} s; Spark local[{args.cores}] …", file=sys.stderr, flush=True)
        spark = _child("spark", args, tmp)
        load_after = os.getloadavg()[0]
        rows = [[tuple(r) for r in sqlite3.connect(tmp / name).execute(FIGURES)] for name in ("local.db", "spark.db")]
        same = rows[0] == rows[1]
        if not same:
            only_local, only_spark = sorted(set(rows[0]) - set(rows[1])), sorted(set(rows[1]) - set(rows[0]))
            print(f"figures differ: {len(only_local)} only in the local ledger, {len(only_spark)} only in Spark's; "
                  f"first: {only_local[:3]} / {only_spark[:3]}", file=sys.stderr)

    def per_core(seconds: float, cores: int) -> float:
        return n / (seconds * cores)

    result = {
        "articles": n, "words": words, "cores": args.cores, "warcs": args.warcs, "same_figures": same, "figures": len(rows[0]),
        "local": local, "spark": spark,
        "local_articles_per_cpu_s": n / local["cpu_seconds"],
        "spark_job_articles_per_cpu_s": n / spark["cpu_seconds"],
        "spark_job_plus_load_articles_per_cpu_s": n / (spark["cpu_seconds"] + spark["loader_cpu_seconds"]),
        "local_articles_per_s_per_core": per_core(local["seconds"], 1),
        "spark_job_articles_per_s_per_core": per_core(spark["seconds"], args.cores),
        "spark_job_plus_load_articles_per_s_per_core": per_core(spark["seconds"] + spark["loader_seconds"], args.cores),
        "load_average_1min": [round(load_before, 2), round(load_after, 2)],
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
    }
    ratio = result["spark_job_articles_per_s_per_core"] / result["local_articles_per_s_per_core"]
    result["spark_job_per_core_vs_local"] = ratio
    cpu_ratio = result["spark_job_articles_per_cpu_s"] / result["local_articles_per_cpu_s"]
    result["spark_job_per_cpu_s_vs_local"] = cpu_ratio
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"| | wall s | CPU s | articles per CPU-second | articles/s per core (wall) |\n|---|---|---|---|---|\n"
          f"| local ingest (1 process) | {local['seconds']:.1f} | {local['cpu_seconds']:.1f} | "
          f"{result['local_articles_per_cpu_s']:.2f} | {result['local_articles_per_s_per_core']:.2f} |\n"
          f"| Spark job, local[{args.cores}] (read, analyse, write Parquet) | {spark['seconds']:.1f} | "
          f"{spark['cpu_seconds']:.1f} | {result['spark_job_articles_per_cpu_s']:.2f} ({cpu_ratio:.2f}x local) | "
          f"{result['spark_job_articles_per_s_per_core']:.2f} ({ratio:.2f}x local) |\n"
          f"| loader (store and link, one process) | {spark['loader_seconds']:.1f} | {spark['loader_cpu_seconds']:.1f} | | |\n"
          f"| Spark job + loader | {spark['seconds'] + spark['loader_seconds']:.1f} | "
          f"{spark['cpu_seconds'] + spark['loader_cpu_seconds']:.1f} | "
          f"{result['spark_job_plus_load_articles_per_cpu_s']:.2f} | "
          f"{result['spark_job_plus_load_articles_per_s_per_core']:.2f} |\n\n"
          f"model load {local['model_load_seconds']:.1f} s (local), {spark['model_load_seconds']:.1f} s "
          f"(Spark, all workers); warm-up job {spark['warm_up_seconds']:.1f} s; JVM and session start {spark['session_start_seconds']:.1f} s; "
          f"same figures: {same} ({len(rows[0])}); {args.warcs} WARC file(s); "
          f"load average {load_before:.1f} -> {load_after:.1f}")


if __name__ == "__main__":
    main()
