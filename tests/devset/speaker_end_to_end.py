"""The learned speaker choice against the rules, end to end, leaving one crisis event out at a time:

    python -m tests.devset.speaker_end_to_end [--shared ../shared]

For each development event a choice model is trained on every other annotated figure
(``learn.fit_speaker``), the crisis development ledger is built with it, and that event's own
speaker, stated_on and strict scores are read; then the same with the rules alone. Slow (a
ledger per event, a few minutes): the names the linker gives in the export are what is scored,
which the quick comparison in ``learn`` (raw names as the sentence gives them) cannot see.
Runs in a copy of the package (a temporary folder), so the shipped model file is not touched.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

from tests.devset import learn

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIELDS = ("speaker_accuracy", "stated_on_accuracy", "strict_f1")


def _table(work: pathlib.Path) -> dict[str, dict[str, str]]:
    r = subprocess.run([sys.executable, "-m", "tests.devset.run", "--sets", "crisis", "--table"], cwd=work,
                       env={**os.environ, "PYTHONPATH": str(work)}, capture_output=True, text=True, check=True)
    lines = [line for line in r.stdout.splitlines() if line.startswith("|")]
    head = [c.strip() for c in lines[0].strip("|").split("|")]
    return {cells[0]: dict(zip(head[1:], cells[1:]))
            for cells in ([c.strip() for c in line.strip("|").split("|")] for line in lines[2:])}


def main(argv=None) -> int:
    from tests.devset.run import default_shared

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=pathlib.Path, default=default_shared())
    a = ap.parse_args(argv)
    rows = learn.speaker_rows(learn.examples(a.shared), learn.scorer_test(a.shared, "speaker_ok"))
    events = sorted({e.group for e, _ in rows if e.crisis})
    with tempfile.TemporaryDirectory(prefix="newsledger-speaker-") as tmp:
        work = pathlib.Path(tmp)
        shutil.copytree(ROOT / "newsledger", work / "newsledger")
        shutil.copytree(ROOT / "tests", work / "tests", ignore=shutil.ignore_patterns("__pycache__"))
        (work / "devdata").symlink_to(ROOT / "devdata")
        model = work / "newsledger" / "extract" / "models" / "speaker.json"
        spec = json.loads(model.read_text(encoding="utf-8"))
        model.write_text(json.dumps(dict(spec, use=False)), encoding="utf-8")
        table = _table(work)
        rules = {event: {f: table[f][event] for f in FIELDS} for event in events}
        learned = {}
        for event in events:
            model.write_text(json.dumps(dict(learn.fit_speaker([r for r in rows if r[0].group != event]), use=True)),
                             encoding="utf-8")
            table = _table(work)
            learned[event] = {f: table[f][event] for f in FIELDS}
            print(event, file=sys.stderr, flush=True)
    print("| left-out event | speaker, rules | speaker, learned | stated_on, rules | stated_on, learned "
          "| strict, rules | strict, learned |")
    print("|---|---|---|---|---|---|---|")
    for event in events:
        cells = [f"{rules[event][f]} | {learned[event][f]}" for f in FIELDS]
        print(f"| {event} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
