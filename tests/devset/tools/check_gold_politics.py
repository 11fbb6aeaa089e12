#!/usr/bin/env python3
"""Validate a devset gold file against its source texts, and optionally write a perfect export of it.

    python tests/devset/tools/check_gold_politics.py [--gold G] [--files F] [--export-to DIR]
"""
from __future__ import annotations

import argparse
import csv
import json
import pathlib
import sys

SHARED = pathlib.Path("/work/shared")
HERE = pathlib.Path(__file__).resolve().parents[1]
MEASURES = {"casualties", "killed", "wounded", "captured", "missing", "deployed", "displaced", "money",
            "territory", "other"}
FIELDS = ["id", "doc", "start", "end", "line", "text", "occurrence", "low", "high", "measure", "unit",
          "subject_keys", "speaker", "speaker_may_be_null", "stated_on", "claim", "optional", "note"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=pathlib.Path, default=HERE / "bbc_politics.gold.json")
    ap.add_argument("--files", type=pathlib.Path, default=HERE / "bbc_politics.files.csv")
    ap.add_argument("--export-to", type=pathlib.Path)
    a = ap.parse_args(argv)
    g = json.loads(a.gold.read_text(encoding="utf-8"))
    errs = []
    assert set(g) == {"version", "corpus", "documents", "figures", "claims", "ambiguous_claims"}, set(g)
    rows = list(csv.DictReader(a.files.open(encoding="utf-8")))
    paths = {r["doc"]: r["path"] for r in rows}
    texts = {}
    for d in g["documents"]:
        t = (SHARED / paths[d["doc"]]).read_text(encoding="utf-8")
        texts[d["doc"]] = t
        if d["title"] != t.split("\n")[0] or d["heading_lines"] != [d["title"]]:
            errs.append(f"{d['doc']}: title")
    ids = set()
    spans = set()
    for f in g["figures"]:
        missing = [k for k in FIELDS if k not in f]
        if missing:
            errs.append(f"{f.get('id')}: missing {missing}")
            continue
        if f["id"] in ids:
            errs.append(f"{f['id']}: duplicate id")
        ids.add(f["id"])
        t = texts.get(f["doc"])
        if t is None:
            errs.append(f"{f['id']}: unknown doc")
            continue
        if t[f["start"]:f["end"]] != f["text"]:
            errs.append(f"{f['id']}: offsets give {t[f['start']:f['end']]!r} not {f['text']!r}")
        if t.count("\n", 0, f["start"]) + 1 != f["line"]:
            errs.append(f"{f['id']}: line")
        for (d, s, e) in spans:
            if d == f["doc"] and s < f["end"] and f["start"] < e:
                errs.append(f"{f['id']}: overlaps another figure")
        spans.add((f["doc"], f["start"], f["end"]))
        if f["measure"] not in MEASURES:
            errs.append(f"{f['id']}: measure {f['measure']}")
        if f["measure"] == "money" and not f["unit"] and not f["optional"]:
            errs.append(f"{f['id']}: money without unit")
        if f["claim"] not in g["claims"]:
            errs.append(f"{f['id']}: claim {f['claim']} not described")
        if f["speaker"] is None and not f["speaker_may_be_null"]:
            errs.append(f"{f['id']}: null speaker must be allowed null")
        if f["speaker"] is not None and (not f["speaker"]["aliases"] or not f["speaker"]["keys"]):
            errs.append(f"{f['id']}: speaker without aliases/keys")
        if f["low"] is not None and f["high"] is not None and f["low"] > f["high"]:
            errs.append(f"{f['id']}: low > high")
        if not f["optional"] and not f["subject_keys"]:
            errs.append(f"{f['id']}: no subject keys")
    for e in errs:
        print(e)
    print(f"{len(g['documents'])} docs, {len(g['figures'])} figures, {len(g['claims'])} claims: "
          f"{'OK' if not errs else str(len(errs)) + ' problems'}")
    if a.export_to:
        a.export_to.mkdir(parents=True, exist_ok=True)
        with (a.export_to / "figures.jsonl").open("w", encoding="utf-8") as fh:
            for f in g["figures"]:
                spk = f["speaker"]["aliases"][0] if f["speaker"] else None
                subj = " ".join(grp[0] for grp in f["subject_keys"])
                fh.write(json.dumps({"doc": f["doc"], "start": f["start"], "end": f["end"], "text": f["text"],
                                     "low": f["low"], "high": f["high"], "unit": f["unit"], "measure": f["measure"],
                                     "subject": subj, "speaker": spk, "stated_on": f["stated_on"][0],
                                     "claim": f["claim"]}) + "\n")
        with (a.export_to / "documents.jsonl").open("w", encoding="utf-8") as fh:
            for d in g["documents"]:
                fh.write(json.dumps({"doc": d["doc"], "title": d["title"], "outlet": "BBC", "published": None,
                                     "language": "en", "body": texts[d["doc"]], "duplicate_of": None}) + "\n")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
