"""Score series, conflicts and stories against the hand-made `<event>.series` files:
`python -m tests.devset.series_eval --sets crisis|heldout [--verbose] [--keep DIR]`.

Predicted figures are matched to gold figures as the shared scorer does (character overlap in
one document); each gold figure carries a claim label, and the `.series` file puts every label
in one series and lists the conflicts a fact-checker would want to see. Then:

- series purity: predicted series, counted over matched figures, each scored by its largest
  gold series; inverse purity the other way round (a ledger that puts every claim alone is pure
  and useless, so both are printed);
- conflict precision and recall over pairs of gold claim labels: a predicted conflict (a
  timeline row with status `conflict`, and the claim it is `relative_to`, or the disagreeing
  mentions of one claim) is right when the gold lists that pair (or, for one label, a wording
  conflict);
- story pair F1: every event is one story.
"""
from __future__ import annotations

import argparse
import collections
import itertools
import json
import pathlib
import sys
import tempfile

from tests.devset import run




def parse_series(event: str) -> dict:
    """{'series': {label: series_id}, 'pairs': {frozenset}, 'wording': {label}} from `<event>.series`."""
    path = pathlib.Path(__file__).parent / "crisis" / f"{event}.series"
    series, pairs, wording = {}, set(), set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("@"):
            continue
        kind, _, rest = line.partition(" ")
        if kind == "series":
            sid, _, tail = rest.partition("|")
            labels = tail.rpartition("|")[2].split()
            for label in labels:
                series[label] = sid.strip()
        elif kind == "conflict":
            a, b = rest.partition("|")[0].split()[:2]
            pairs.add(frozenset((a, b)))
        elif kind == "wording":
            wording.add(rest.partition("|")[0].split()[0])
    return {"series": series, "pairs": pairs, "wording": wording}


def _label(gold_claim: str) -> str:
    return gold_claim.split("-", 1)[1]  # anchored prefixes labels with the event's initials


def evaluate(shared: pathlib.Path, export: pathlib.Path, golds: list[pathlib.Path], verbose: bool = False) -> dict:
    sys.path.insert(0, str(shared / "eval"))
    import score as shared_score  # the shared scorer's matching, so both count the same figures

    figures = [json.loads(x) for x in (export / "figures.jsonl").open(encoding="utf-8")]
    timeline = {r["claim"]: r for r in map(json.loads, (export / "timeline.jsonl").open(encoding="utf-8"))}
    documents = [json.loads(x) for x in (export / "documents.jsonl").open(encoding="utf-8")]
    totals = collections.Counter()
    per_event = {}
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        event = path.name[len("crisis-"):-len(".gold.json")]
        if not (pathlib.Path(__file__).parent / "crisis" / f"{event}.series").exists():
            continue
        truth = parse_series(event)
        docs = {d["doc"] for d in gold["documents"]}
        pred = [f for f in figures if f["doc"] in docs]
        g2p = shared_score.match(gold["figures"], pred)
        label_of_pred = {}   # predicted figure index -> gold label
        for gi, pi in g2p.items():
            label_of_pred[pi] = _label(gold["figures"][gi]["claim"])
        # predicted claim -> the gold labels of its matched figures
        claim_labels = collections.defaultdict(collections.Counter)
        for pi, f in enumerate(pred):
            claim_labels[f["claim"]][label_of_pred.get(pi)] += 1
        # series purity over matched figures
        cells = collections.Counter()
        for pi, label in label_of_pred.items():
            row = timeline.get(pred[pi]["claim"])
            gs = truth["series"].get(label)
            if row is None or gs is None:
                continue
            cells[(row["series"], gs)] += 1
        n = sum(cells.values())
        by_pred, by_gold = collections.defaultdict(collections.Counter), collections.defaultdict(collections.Counter)
        for (ps, gs), k in cells.items():
            by_pred[ps][gs] += k
            by_gold[gs][ps] += k
        pure = sum(max(c.values()) for c in by_pred.values())
        inverse = sum(max(c.values()) for c in by_gold.values())
        # conflicts
        predicted_pairs = set()
        for cid in claim_labels:
            row = timeline.get(cid)
            if row is None or row["status"] != "conflict":
                continue
            mine = [lb for lb, _ in claim_labels[cid].most_common()]
            if row["relative_to"]:
                theirs = [lb for lb, _ in claim_labels.get(row["relative_to"], collections.Counter()).most_common()]
                a, b = (mine or [None])[0], (theirs or [None])[0]
            else:  # the claim's own mentions disagree
                a = mine[0] if mine else None
                b = mine[1] if len(mine) > 1 else a
            predicted_pairs.add(frozenset((a, b)) if a != b else (a,))
        gold_pairs = set(truth["pairs"]) | {(w,) for w in truth["wording"]}
        tp = len(predicted_pairs & gold_pairs)
        fp = len(predicted_pairs - gold_pairs)
        fn = len(gold_pairs - predicted_pairs)
        # stories: one per event
        stories = {d["doc"]: d["story"] for d in documents if d["doc"] in docs}
        spairs = list(itertools.combinations(sorted(stories), 2))
        same = sum(stories[a] == stories[b] for a, b in spairs)
        per_event[event] = {"figures": n, "series_purity": pure / n if n else 1.0,
                            "series_inverse_purity": inverse / n if n else 1.0,
                            "conflicts_predicted": len(predicted_pairs), "conflicts_gold": len(gold_pairs),
                            "conflict_tp": tp, "story_pairs_same": same, "story_pairs": len(spairs)}
        totals.update({"n": n, "pure": pure, "inverse": inverse, "tp": tp, "fp": fp, "fn": fn,
                       "spairs": len(spairs), "ssame": same})
        if verbose:
            print(f"== {event}")
            for p in sorted(predicted_pairs - gold_pairs, key=str):
                print("  FP conflict", sorted(map(str, p)))
            for p in sorted(gold_pairs - predicted_pairs, key=str):
                print("  FN conflict", sorted(map(str, p)))
            for ps, c in by_pred.items():
                if len(c) > 1:
                    print("  impure series", timeline_label(timeline, ps), dict(c))
    p = totals["tp"] / (totals["tp"] + totals["fp"]) if totals["tp"] + totals["fp"] else 1.0
    r = totals["tp"] / (totals["tp"] + totals["fn"]) if totals["tp"] + totals["fn"] else 1.0
    # Story pairs: every other-event pair is a false link if joined; within-event pairs count recall.
    return {"events": per_event, "series_purity": totals["pure"] / max(totals["n"], 1),
            "series_inverse_purity": totals["inverse"] / max(totals["n"], 1),
            "conflict_precision": p, "conflict_recall": r,
            "conflict_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "conflicts": {"tp": totals["tp"], "fp": totals["fp"], "fn": totals["fn"]},
            "story_pair_recall": totals["ssame"] / max(totals["spairs"], 1),
            "story_pair_precision": _story_precision(documents, golds)}


def timeline_label(timeline: dict, series: str) -> str:
    return next((r["series_label"] for r in timeline.values() if r["series"] == series), series)


def _story_precision(documents: list[dict], golds: list[pathlib.Path]) -> float:
    event_of = {}
    for path in golds:
        for d in json.loads(path.read_text(encoding="utf-8"))["documents"]:
            event_of[d["doc"]] = path.name
    docs = [d for d in documents if d["doc"] in event_of]
    joined = right = 0
    for a, b in itertools.combinations(docs, 2):
        if a["story"] == b["story"]:
            joined += 1
            right += event_of[a["doc"]] == event_of[b["doc"]]
    return right / joined if joined else 1.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=pathlib.Path, default=run.default_shared())
    ap.add_argument("--sets", choices=["crisis", "heldout"], default="crisis")
    ap.add_argument("--keep", type=pathlib.Path, help="reuse (or keep) the ledger and export in this folder")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    work = args.keep or pathlib.Path(tempfile.mkdtemp(prefix="newsledger-series-"))
    if not (work / "export" / "timeline.jsonl").exists():
        events, why = run.crisis_events("heldout" if args.sets == "heldout" else "dev")
        if why:
            print(why, file=sys.stderr)
        if not events:
            return 0
        run.build_export(args.shared, work, crisis=events, sets=args.sets)
    golds = sorted(work.glob("crisis-*.gold.json"))
    result = evaluate(args.shared, work / "export", golds, args.verbose)
    print(json.dumps({k: v for k, v in result.items() if k != "events"}, indent=1))
    for event, m in result["events"].items():
        print(event, json.dumps(m))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
