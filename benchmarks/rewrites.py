"""Edited copies and rewrites, measured pairwise: what the shingle check finds, what the
sentence alignment of newsledger/link/rewrites.py adds, and what each wrongly joins.

    .venv/bin/python benchmarks/rewrites.py [--shared ../shared] [--out benchmarks/results/rewrites.json]

Positives: real articles (a BBC sample and BASIL) against copies derived from them at run time —
the near-copy variants of benchmarks/copies.py, plus heavier ones: a third of the words
replaced ("heavy_edits"), and a spun rewrite (40% of the words replaced, sentences reordered,
shortened, retitled: what aggregators publish). Negatives: every pair of BASIL reports of one
event by different outlets (independent reports of the same statements, the hard case), and
random pairs of BBC articles of one section. No article text is written out.
"""
from __future__ import annotations

import argparse
import itertools
import json
import pathlib
import random
import re
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from copies import VARIANTS, load_basil, load_bbc, paragraphs, reorder_sentences, retitle, truncate  # noqa: E402
from newsledger.link import duplicates as D  # noqa: E402
from newsledger.link import rewrites as R  # noqa: E402

SEED = 7


def replace_words(text, rng, rate):
    """Replace ``rate`` of the words by a different token, as a synonym swap does to shingles."""
    out = []
    for w in re.split(r"(\s+)", text):
        if w.strip() and w[:1].isalpha() and rng.random() < rate:
            w = w[::-1] if len(w) > 3 else w.upper() + "x"
        out.append(w)
    return "".join(out)


def heavy_edits(text, rng, other_title):
    return replace_words(text, rng, 0.33)


def spin(text, rng, other_title):
    t = retitle(text, rng, other_title)
    t = truncate(t, rng, other_title) or t
    t = reorder_sentences(t, rng, other_title)
    return replace_words(t, rng, 0.4)


ALL = dict(VARIANTS, heavy_edits=heavy_edits, spin=spin)


def shingle_copy(a: str, b: str) -> bool:
    return D.is_copy(D.shingles(a), D.shingles(b))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(ROOT / "benchmarks/results/rewrites.json"))
    args = ap.parse_args(argv)
    shared = pathlib.Path(args.shared)
    rng = random.Random(SEED)
    bbc = load_bbc(shared)
    basil = load_basil(shared)
    originals = [t for _, t, _ in rng.sample(bbc, 200)] + [d["text"] for d in rng.sample(basil, 60)]
    titles = [paragraphs(t)[0] for t in originals]
    t0 = time.time()
    result = {"variants": {}}
    for name, fn in ALL.items():
        found = {"shingles": 0, "rewrite": 0, "either": 0, "n": 0}
        for text in originals:
            v = fn(text, rng, rng.choice(titles))
            if not v:
                continue
            s, r = shingle_copy(v, text), R.is_rewrite(v, text)
            found["n"] += 1
            found["shingles"] += s
            found["rewrite"] += r
            found["either"] += s or r
        result["variants"][name] = {k: (round(v / found["n"], 4) if k != "n" else v) for k, v in found.items()}
    same_event = [(a, b) for a, b in itertools.combinations(basil, 2) if a["story"] == b["story"]]
    shares = [R.aligned_share(a["text"], b["text"]) for a, b in same_event]
    result["basil_same_event"] = {"pairs": len(shares), "marked_rewrite": sum(R.is_rewrite(a["text"], b["text"])
                                                                              for a, b in same_event),
                                  "max_aligned_share": round(max(shares), 4),
                                  "p95_aligned_share": round(sorted(shares)[int(0.95 * len(shares))], 4)}
    by_section: dict[str, list[str]] = {}
    for name, text, _ in bbc:
        by_section.setdefault(name.split("/")[1], []).append(text)
    pairs = []
    for texts in by_section.values():
        for _ in range(200):
            a, b = rng.sample(texts, 2)
            if a != b:
                pairs.append((a, b))
    result["bbc_same_section"] = {"pairs": len(pairs),
                                  "marked_rewrite": sum(R.is_rewrite(a, b) and not shingle_copy(a, b) for a, b in pairs)}
    result["seconds"] = round(time.time() - t0, 1)
    result["params"] = {"sentence_match": R.SENTENCE_MATCH, "min_aligned": R.MIN_ALIGNED,
                        "min_sentences": R.MIN_SENTENCES}
    pathlib.Path(args.out).write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
