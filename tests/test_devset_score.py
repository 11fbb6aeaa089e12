"""The development set (tests/devset): real articles of other stories, annotated by hand.

The floors are what the extractors reach today, measured by `make devset`; they are raised as
the extractors improve and must never be lowered to make a change pass.
"""
from __future__ import annotations

import json
import pathlib
import tempfile

import pytest

from tests.devset.run import build_export, default_shared, score

SHARED = default_shared()
FLOORS = {"detect_f1": 0.96, "strict_f1": 0.63, "value_accuracy": 0.98, "measure_accuracy": 0.95,
          "subject_accuracy": 0.78, "speaker_accuracy": 0.87, "stated_on_accuracy": 0.96,
          "claim_pair_f1": 0.62}


@pytest.fixture(scope="module")
def metrics():
    if not (SHARED / "corpora").is_dir():
        pytest.skip(f"shared corpora not found at {SHARED}")
    with tempfile.TemporaryDirectory() as tmp:
        export_dir, docs, golds = build_export(SHARED, pathlib.Path(tmp))
        res = score(SHARED, export_dir, docs, golds, ["--json"])
        assert res.returncode == 0, res.stderr
        return json.loads(res.stdout)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_devset_metric_holds_its_floor(metrics, metric):
    assert metrics[metric] >= FLOORS[metric], f"{metric} = {metrics[metric]:.3f} < {FLOORS[metric]}"
