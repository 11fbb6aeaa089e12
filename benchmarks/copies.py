"""Copy detection, measured pairwise: BBC identical files, derived near-copies, BASIL triplets.

    .venv/bin/python benchmarks/copies.py [--shared ../shared] [--out benchmarks/results/copies.json]

(a) bbc:   all 2,225 BBC articles; gold pairs = byte-identical files. Extra predicted pairs are
           listed with their containment, because a real near-copy that is not byte-identical
           is counted as a false positive here.
(b) near:  real articles (BBC sample + BASIL) and copies derived from them at run time (a
           paragraph dropped, a new headline, sentences reordered, light word edits,
           truncation, wire furniture, and a mix); gold = each original with its variants.
           Every variant is published after its original, in shuffled arrival order, so the
           check on ``duplicate_of`` -> earliest is not helped by insertion order.
(c) basil: the 300 BASIL articles (100 events x 3 outlets); any predicted pair is an error.

Also a sweep of the verification threshold over the LSH candidate pairs, which is what the
constants in newsledger/link/duplicates.py are chosen from. No article text is written out.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import glob
import hashlib
import itertools
import json
import pathlib
import random
import re
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsledger.ingest.jsonarticle import text_from_record  # noqa: E402
from newsledger.link import duplicates as D  # noqa: E402

SEED = 4
_SENT = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"”’'])\s+")


# -- corpora -----------------------------------------------------------------------------------
def load_bbc(shared: pathlib.Path) -> list[tuple[str, str, bytes]]:
    out = []
    for p in sorted((shared / "corpora/bbc").glob("*/*.txt")):
        raw = p.read_bytes()
        out.append((f"bbc/{p.parent.name}/{p.stem}", raw.decode("utf-8", "replace"), raw))
    return out


def load_basil(shared: pathlib.Path) -> list[dict]:
    out = []
    for p in sorted(glob.glob(str(shared / "corpora/basil/*/*.json"))):
        rec = json.loads(pathlib.Path(p).read_text(encoding="utf-8"))
        out.append({"doc": "basil/" + pathlib.Path(p).stem, "text": text_from_record(rec),
                    "published": dt.date.fromisoformat(rec["date"]),
                    "story": rec["triplet-uuid"], "outlet": rec["source"].lower()})
    return out


# -- derived near-copies -----------------------------------------------------------------------
def paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def sentences(par: str) -> list[str]:
    return [s for s in _SENT.split(par) if s.strip()]


def drop_paragraph(text, rng, other_title):
    ps = paragraphs(text)
    if len(ps) < 4:
        return None
    del ps[rng.randrange(1, len(ps))]          # never the headline
    return "\n\n".join(ps)


def retitle(text, rng, other_title):
    ps = paragraphs(text)
    return "\n\n".join([other_title] + ps[1:])


def reorder_sentences(text, rng, other_title):
    """Shuffle the sentences inside each paragraph and swap two paragraphs: an editor's recut."""
    ps = paragraphs(text)
    body = []
    for p in ps[1:]:
        ss = sentences(p)
        rng.shuffle(ss)
        body.append(" ".join(ss))
    if len(body) >= 3:
        i, j = rng.sample(range(len(body)), 2)
        body[i], body[j] = body[j], body[i]
    return "\n\n".join([ps[0]] + body)


_FILLER = ["reportedly", "also", "now", "still", "indeed", "further"]


def light_edits(text, rng, other_title, rate=0.05):
    """Edit ~5% of the words: drop one, duplicate a filler, change a number, swap case."""
    out = []
    for w in re.split(r"(\s+)", text):
        if w.strip() and rng.random() < rate:
            r = rng.random()
            if r < 0.3:
                continue                                   # deleted
            if r < 0.55:
                out.append(w + " " + rng.choice(_FILLER))  # inserted
                continue
            if any(c.isdigit() for c in w):
                w = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), w, count=1)
            else:
                w = w[::-1] if len(w) > 3 else w.upper()   # replaced by a different token
        out.append(w)
    return "".join(out)


def truncate(text, rng, other_title):
    """The first 40-60% of the paragraphs: a shortened syndication."""
    ps = paragraphs(text)
    if len(ps) < 5:
        return None
    keep = max(3, round(len(ps) * rng.uniform(0.4, 0.6)))
    return "\n\n".join(ps[:keep])


def wire_furniture(text, rng, other_title):
    ps = paragraphs(text)
    return "\n\n".join([ps[0], "LONDON (Newswire) - " + ps[1]] + ps[2:] +
                       ["Copyright 2005 Newswire. All rights reserved. This material may not "
                        "be published, broadcast, rewritten or redistributed."])


def rewrite_mix(text, rng, other_title):
    t = retitle(text, rng, other_title)
    t = drop_paragraph(t, rng, other_title) or t
    t = reorder_sentences(t, rng, other_title)
    return light_edits(t, rng, other_title)


VARIANTS = {"drop_paragraph": drop_paragraph, "retitle": retitle,
            "reorder_sentences": reorder_sentences, "light_edits": light_edits,
            "truncate": truncate, "wire_furniture": wire_furniture, "rewrite_mix": rewrite_mix}


# -- scoring -----------------------------------------------------------------------------------
def pairs_of(groups) -> set[frozenset]:
    return {frozenset(p) for g in groups for p in itertools.combinations(sorted(g), 2)}


def prf(pred: set, gold: set) -> dict:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"pairs_gold": len(gold), "pairs_pred": len(pred), "tp": tp,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def run_index(docs, order=None, **params):
    """docs: list of (doc, text, published). Returns the index and seconds spent."""
    idx = D.CopyIndex(**params)
    t0 = time.perf_counter()
    for d, text, pub in (order or docs):
        idx.add(d, text, pub)
    return idx, time.perf_counter() - t0


def candidate_containments(docs, gold: set) -> tuple[list, list]:
    """Containment of every LSH candidate pair, split by gold label, plus gold pairs LSH missed."""
    sh = {d: D.shingles(t) for d, t, _ in docs}
    lsh = D.MinHashLSH(threshold=D.LSH_THRESHOLD, num_perm=D.NUM_PERM)
    seen, pos, neg = set(), [], []
    for d, _, _ in docs:
        m = D.signature(sh[d])
        for c in lsh.query(m):
            pair = frozenset((d, c))
            seen.add(pair)
            (pos if pair in gold else neg).append(D.containment(sh[d], sh[c]))
        lsh.insert(d, m)
    missed = [p for p in gold if p not in seen]
    return pos, neg, missed


def sweep(near_docs, near_gold, basil_docs):
    """The whole index at other settings: near-copy P/R/F1 and BASIL pairs marked copies."""
    out = []
    for lsh_t in (0.2, 0.3, 0.5):
        for cont in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
            idx, _ = run_index(near_docs, lsh_threshold=lsh_t, min_containment=cont)
            r = prf(pairs_of(idx.groups()), near_gold)
            b, _ = run_index(basil_docs, lsh_threshold=lsh_t, min_containment=cont)
            out.append({"lsh_threshold": lsh_t, "min_containment": cont,
                        "near_precision": r["precision"], "near_recall": r["recall"],
                        "near_f1": r["f1"], "basil_pairs": len(pairs_of(b.groups())),
                        "candidates_per_doc": round(idx.stats["candidates"] / len(near_docs), 2)})
    return out


def quantiles(xs):
    if not xs:
        return None
    xs = sorted(xs)
    q = lambda f: round(xs[min(len(xs) - 1, int(f * len(xs)))], 4)  # noqa: E731
    return {"n": len(xs), "min": round(xs[0], 4), "p05": q(0.05), "median": q(0.5),
            "p95": q(0.95), "max": round(xs[-1], 4)}


# -- the three measurements --------------------------------------------------------------------
def bench_bbc(bbc):
    by_hash = collections.defaultdict(list)
    for d, _, raw in bbc:
        by_hash[hashlib.sha256(raw).hexdigest()].append(d)
    gold = pairs_of(g for g in by_hash.values() if len(g) > 1)
    docs = [(d, t, None) for d, t, _ in bbc]
    idx, secs = run_index(docs)
    pred = pairs_of(idx.groups())
    sh = {d: D.shingles(t) for d, t, _ in docs}
    extra = sorted(((round(D.containment(sh[a], sh[b]), 3), a, b)
                    for a, b in (sorted(p) for p in pred - gold)), reverse=True)
    res = prf(pred, gold)
    body = {d: t.split("\n", 1)[-1] for d, t, _ in docs}
    res["extra_pairs_same_body_other_title"] = sum(body[a] == body[b] for _, a, b in extra)
    res["extra_pairs_containment_ge_0.9"] = sum(c >= 0.9 for c, _, _ in extra)
    res.update({"docs": len(docs), "identical_groups": sum(len(g) > 1 for g in by_hash.values()),
                "seconds": round(secs, 2), "docs_per_second": round(len(docs) / secs),
                "candidates_per_doc": round(idx.stats["candidates"] / len(docs), 2),
                "extra_pairs": [{"a": a, "b": b, "containment": c} for c, a, b in extra]})
    return res


def overlapping(docs, min_containment=0.3) -> set[str]:
    """Documents sharing 30%+ of their shingles with another: BBC holds retitled and updated
    versions that are not byte-identical, and an original must not have a sibling outside its
    gold group. Wide LSH (0.1) + exact containment, a stricter net than the detector's."""
    sh = {d: D.shingles(t) for d, t in docs}
    lsh = D.MinHashLSH(threshold=0.1, num_perm=D.NUM_PERM)
    out = set()
    for d, _ in docs:
        m = D.signature(sh[d])
        for c in lsh.query(m):
            if D.containment(sh[d], sh[c]) >= min_containment:
                out.update((d, c))
        lsh.insert(d, m)
    return out


def build_near(bbc, basil, n_bbc=300, n_basil=60):
    rng = random.Random(SEED)
    pool = [(d, t) for d, t, _ in bbc]
    taken = overlapping(pool)
    originals = [x for x in pool if x[0] not in taken]
    originals = rng.sample(originals, n_bbc) + \
        [(b["doc"], b["text"]) for b in rng.sample(basil, n_basil)]
    titles = [paragraphs(t)[0] for _, t in originals]
    base = dt.date(2020, 1, 1)
    docs, groups, per_variant = [], [], collections.defaultdict(list)
    for i, (d, text) in enumerate(originals):
        day = base + dt.timedelta(days=3 * i)
        docs.append((d, text, day))
        group = [d]
        for k, (name, fn) in enumerate(VARIANTS.items()):
            v = fn(text, rng, titles[(i + 1 + k) % len(titles)])
            if v is None or v == text:
                continue
            vd = f"{d}~{name}"
            docs.append((vd, v, day + dt.timedelta(days=1 + k % 2)))
            group.append(vd)
            per_variant[name].append((d, vd))
        groups.append(group)
    return docs, groups, per_variant


def bench_near(bbc, basil):
    docs, groups, per_variant = build_near(bbc, basil)
    gold = pairs_of(groups)
    order = list(docs)
    random.Random(SEED + 1).shuffle(order)   # arrival order unrelated to publication order
    idx, secs = run_index(docs, order)
    pred = pairs_of(idx.groups())
    res = prf(pred, gold)
    res.update({"docs": len(docs), "originals": len(groups), "seconds": round(secs, 2)})
    res["recall_by_variant"] = {
        name: round(sum(frozenset(p) in pred for p in ps) / len(ps), 4)
        for name, ps in per_variant.items()}
    res["variants_per_kind"] = {name: len(ps) for name, ps in per_variant.items()}
    # Of the variants found, the share whose duplicate_of is their (earlier) original.
    found = [(g[0], idx.duplicate_of(v)) for g in groups for v in g[1:]]
    found = [(o, r) for o, r in found if r is not None]
    res["duplicate_of_is_original"] = round(sum(o == r for o, r in found) / len(found), 4)
    res["originals_marked_copies"] = sum(idx.duplicate_of(g[0]) is not None for g in groups)
    pos, neg, missed = candidate_containments(docs, gold)
    res["lsh_missed_gold_pairs"] = len(missed)
    res["candidates_per_doc"] = round(idx.stats["candidates"] / len(docs), 2)
    res["containment_gold_candidates"] = quantiles(pos)
    res["containment_nongold_candidates"] = quantiles(neg)
    return res, docs, gold


def bench_basil(basil):
    docs = [(b["doc"], b["text"], b["published"]) for b in basil]
    idx, secs = run_index(docs)
    pred = pairs_of(idx.groups())
    story = {b["doc"]: b["story"] for b in basil}
    sh = {d: D.shingles(t) for d, t, _ in docs}
    same = [D.containment(sh[a], sh[b]) for a, b in itertools.combinations(sh, 2)
            if story[a] == story[b]]
    _, neg, _ = candidate_containments(docs, set())
    worst = sorted(((D.containment(sh[a], sh[b]), a, b)
                    for a, b in itertools.combinations(sh, 2) if story[a] == story[b]),
                   reverse=True)[:5]
    return {"docs": len(docs), "pairs_marked_copies": len(pred),
            "same_event_pairs_marked_copies": sum(story[a] == story[b]
                                                  for a, b in (sorted(p) for p in pred)),
            "containment_same_event_pairs": quantiles(same),
            "containment_lsh_candidates": quantiles(neg),
            "highest_same_event": [{"a": a, "b": b, "containment": round(c, 4)}
                                   for c, a, b in worst],
            "seconds": round(secs, 2)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(ROOT / "benchmarks/results/copies.json"))
    a = ap.parse_args(argv)
    shared = pathlib.Path(a.shared)
    bbc, basil = load_bbc(shared), load_basil(shared)
    near, near_docs, near_gold = bench_near(bbc, basil)
    basil_docs = [(b["doc"], b["text"], b["published"]) for b in basil]
    res = {"params": D.CopyIndex().params,
           "bbc_identical": bench_bbc(bbc),
           "near_copies": near,
           "basil": bench_basil(basil),
           "sweep": sweep(near_docs, near_gold, basil_docs)}
    out = pathlib.Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n")
    for k in ("bbc_identical", "near_copies"):
        r = res[k]
        print(f"{k:14s} P={r['precision']:.4f} R={r['recall']:.4f} F1={r['f1']:.4f} "
              f"({r['tp']}/{r['pairs_gold']} gold, {r['pairs_pred']} predicted)")
    print("near recall by variant:", res["near_copies"]["recall_by_variant"])
    print("duplicate_of is the original:", res["near_copies"]["duplicate_of_is_original"])
    print(f"basil          pairs marked copies: {res['basil']['pairs_marked_copies']}; "
          f"same-event containment {res['basil']['containment_same_event_pairs']}")
    print("sweep (lsh, containment): near P/R/F1, BASIL pairs, candidates/doc")
    for r in res["sweep"]:
        print(f"  {r['lsh_threshold']:.1f} {r['min_containment']:.1f}  {r['near_precision']:.4f} "
              f"{r['near_recall']:.4f} {r['near_f1']:.4f}  {r['basil_pairs']:3d}  "
              f"{r['candidates_per_doc']}")
    print("wrote", out)


if __name__ == "__main__":
    main()
