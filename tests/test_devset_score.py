"""The development set (tests/devset): real articles of other stories, annotated by hand.

Each gold file keeps its own floors: what the extractors reach on it today, measured by
`make devset`. Floors are raised as the extractors improve and never lowered to make a change
pass; a gold file added later (bbc_world, basil_blind: annotated blind after the others were
tuned on) starts at what it measured when it came in, so adding articles never waters the older
floors down.
"""
from __future__ import annotations

import json
import pathlib
import tempfile

import pytest

from tests.devset.run import build_export, default_shared, score

SHARED = default_shared()
FLOORS = {
    "basil": {"detect_f1": 0.97, "strict_f1": 0.79, "value_accuracy": 0.99, "measure_accuracy": 0.95,
              "subject_accuracy": 0.94, "speaker_accuracy": 0.96, "stated_on_accuracy": 0.93,
              "claim_pair_f1": 0.59},
    "basil_blind": {"detect_f1": 0.97, "strict_f1": 0.79, "value_accuracy": 0.99, "measure_accuracy": 0.98,
                    "subject_accuracy": 0.86, "speaker_accuracy": 0.91, "stated_on_accuracy": 0.96,
                    "claim_pair_f1": 0.92},
    "bbc_business": {"detect_f1": 0.99, "strict_f1": 0.91, "value_accuracy": 0.99, "measure_accuracy": 0.99,
                     "subject_accuracy": 0.95, "speaker_accuracy": 0.96, "stated_on_accuracy": 0.99,
                     "claim_pair_f1": 0.78},
    "bbc_politics": {"detect_f1": 0.99, "strict_f1": 0.85, "value_accuracy": 0.99, "measure_accuracy": 0.98,
                     "subject_accuracy": 0.92, "speaker_accuracy": 0.96, "stated_on_accuracy": 0.99,
                     "claim_pair_f1": 0.42},
    "bbc_world": {"detect_f1": 0.97, "strict_f1": 0.86, "value_accuracy": 0.99, "measure_accuracy": 0.98,
                  "subject_accuracy": 0.92, "speaker_accuracy": 0.96, "stated_on_accuracy": 0.99,
                  "claim_pair_f1": 0.39},
}


@pytest.fixture(scope="module")
def metrics():
    if not (SHARED / "corpora").is_dir():
        pytest.skip(f"shared corpora not found at {SHARED}")
    with tempfile.TemporaryDirectory() as tmp:
        export_dir, docs, golds = build_export(SHARED, pathlib.Path(tmp))
        out = {}
        for gold in golds:
            res = score(SHARED, export_dir, docs, golds, ["--json", "--focus", str(gold)])
            assert res.returncode == 0, res.stderr
            out[gold.name.replace(".gold.json", "")] = json.loads(res.stdout)
        return out


def test_every_gold_file_has_floors(metrics):
    assert sorted(metrics) == sorted(FLOORS)


@pytest.mark.parametrize("gold, metric", [(g, m) for g in sorted(FLOORS) for m in sorted(FLOORS[g])])
def test_devset_metric_holds_its_floor(metrics, gold, metric):
    got = metrics[gold][metric]
    assert got >= FLOORS[gold][metric], f"{gold} {metric} = {got:.3f} < {FLOORS[gold][metric]}"


def test_figure_and_claim_ids_are_unique_across_gold_files():
    # the scorer merges every gold file: two files sharing a claim id would make one false claim
    seen_figures, seen_claims = {}, {}
    for path in sorted((pathlib.Path(__file__).parent / "devset").glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for fig in gold["figures"]:
            assert seen_figures.setdefault(fig["id"], path.name) == path.name, f"figure id {fig['id']} in two files"
        for claim in {fig["claim"] for fig in gold["figures"]}:
            assert seen_claims.setdefault(claim, path.name) == path.name, f"claim id {claim} in two files"
