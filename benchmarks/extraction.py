"""Body extraction from HTML, scored on scrapinghub's article-extraction-benchmark.

    .venv/bin/python benchmarks/extraction.py [--shared ../shared] [--favor recall|precision]

Runs the same extraction the HTML reader uses (``newsledger.ingest.html.extract``) over the 181
pages in ``<shared>/corpora/article-extraction-benchmark/html`` and compares each body with
``ground-truth.json`` the way that repository's ``evaluate.py`` does: texts are split into
``\\w+`` tokens, precision and recall are counted over multisets of 4-token shingles (its
default; single-token figures are written too, under ``tokens``), each page's counts are
normalised so long pages weigh no more than short ones, precision and recall are averaged
over pages, and F1 is their harmonic mean. The numbers go to ``benchmarks/results/extraction.json``.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import re
import statistics
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsledger.ingest import html as html_reader  # noqa: E402

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def tp_fp_fn(true: str, pred: str, n: int) -> tuple[float, float, float]:
    t, p = shingles(true, n), shingles(pred, n)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    p = statistics.mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _extract(path: pathlib.Path) -> tuple[str, str]:
    key = path.name.split(".")[0]
    data = html_reader.read_gzip_capped(path)
    if isinstance(data, html_reader.Problem):
        return key, ""
    ex = html_reader.extract(html_reader.decode_html(data))
    return key, ex.body if ex else ""


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared")
    ap.add_argument("--favor", choices=["recall", "precision"], help="trafilatura's bias, for tuning")
    ap.add_argument("--no-tables", action="store_true", help="leave tables out, for tuning")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=pathlib.Path, default=ROOT / "benchmarks" / "results" / "extraction.json")
    args = ap.parse_args(argv)

    if args.favor:
        html_reader.EXTRACT_OPTIONS["favor_" + args.favor] = True
    if args.no_tables:
        html_reader.EXTRACT_OPTIONS["include_tables"] = False
    bench = args.shared / "corpora" / "article-extraction-benchmark"
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((bench / "html").glob("*.html.gz"))

    started = time.perf_counter()
    # Worker processes import the module afresh, so tuning flags reach them through initializer.
    with ProcessPoolExecutor(args.jobs, initializer=_set_options, initargs=(dict(html_reader.EXTRACT_OPTIONS),)) as pool:
        predicted = dict(pool.map(_extract, pages, chunksize=4))
    seconds = time.perf_counter() - started

    def measured(n: int) -> dict[str, float]:
        counts = [tp_fp_fn(truth[k].get("articleBody", ""), predicted.get(k, ""), n) for k in truth]
        return {k: round(v, 4) for k, v in score(counts).items()}

    result = {
        **measured(4),
        "tokens": measured(1),
        "pages": len(truth),
        "empty": sum(1 for k in truth if not predicted.get(k)),
        "seconds": round(seconds, 1),
        "trafilatura": html_reader.trafilatura.__version__,
        "options": html_reader.EXTRACT_OPTIONS,
        "command": " ".join(["python benchmarks/extraction.py", *(argv if argv is not None else sys.argv[1:])]),
    }
    print(f"pages={result['pages']} precision={result['precision']:.3f} recall={result['recall']:.3f} "
          f"F1={result['f1']:.3f} (single tokens: F1={result['tokens']['f1']:.3f}; {result['seconds']} s, trafilatura {result['trafilatura']})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return result


def _set_options(options: dict) -> None:
    html_reader.EXTRACT_OPTIONS.clear()
    html_reader.EXTRACT_OPTIONS.update(options)


if __name__ == "__main__":
    main()
