"""Print today's crisis numbers as floors for tests/test_devset_score.py (CRISIS_FLOORS).

    python -m tests.devset.floors

Each floor is today's value cut (not rounded) to two decimals: a later change must keep it.
"""
from __future__ import annotations

import math
import pathlib
import sys
import tempfile

from tests.devset.run import build_export, crisis_events, default_shared, per_gold

METRICS = ["detect_f1", "strict_f1", "value_accuracy", "measure_accuracy", "subject_accuracy", "speaker_accuracy",
           "stated_on_accuracy", "claim_pair_f1"]


def main() -> int:
    shared = default_shared()
    events, skipped = crisis_events("dev")
    if skipped:
        print(skipped, file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        metrics = per_gold(shared, *build_export(shared, pathlib.Path(tmp), events, "crisis"))
    print("CRISIS_FLOORS = {")
    for name, m in metrics.items():
        cells = ", ".join(f'"{k}": {math.floor(m[k] * 100) / 100:.2f}' for k in METRICS)
        print(f'    "{name}": {{{cells}}},')
    print("}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
