"""End to end: ingest ../shared/seeds, export, and score the export with ../shared/eval/score.py.

The bars are issue 2's floor; later issues raise them.
"""
from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from newsledger.cli import app

SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared"
REQUIRE = {"detect_f1": 0.90, "strict_f1": 0.75, "claim_pair_f1": 0.75,
           "boilerplate_removed": 0.9, "content_kept": 1.0}


def test_the_seed_export_meets_the_floor(tmp_path):
    score, gold, seeds = SHARED / "eval" / "score.py", SHARED / "eval" / "seeds.gold.json", SHARED / "seeds"
    if not (score.is_file() and gold.is_file() and seeds.is_dir()):
        pytest.skip(f"{SHARED} with eval/score.py, eval/seeds.gold.json and seeds/ is not beside the repo")
    db, out = tmp_path / "ledger.db", tmp_path / "export"
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(seeds), "--db", str(db), "--quiet"], catch_exceptions=False)
    assert ingested.exit_code == 0, ingested.output
    exported = runner.invoke(app, ["export", "--db", str(db), "--out", str(out)], catch_exceptions=False)
    assert exported.exit_code == 0, exported.output
    cmd = [sys.executable, str(score), "--gold", str(gold), "--export", str(out), "--docs", str(seeds)]
    for metric, bar in REQUIRE.items():
        cmd += ["--require", f"{metric}={bar}"]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
