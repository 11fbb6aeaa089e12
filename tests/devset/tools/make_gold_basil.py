"""Build tests/devset/basil.gold.json and basil.files.csv from the compact draft
tests/devset/drafts/basil_draft.py, validate it, and optionally write a figures.jsonl /
documents.jsonl export of the gold itself (for a self-check with score.py).

    .venv/bin/python tests/devset/tools/make_gold_basil.py [--export DIR]

Offsets are computed here from text_from_record(json) -- never by hand. A draft figure is
located by (line, text, occurrence of text within that line).
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
from newsledger.ingest.jsonarticle import text_from_record  # noqa: E402

SHARED = pathlib.Path("/work/shared")
DEVSET = ROOT / "tests" / "devset"
MEASURES = {"casualties", "killed", "wounded", "captured", "missing", "deployed", "displaced", "money", "territory", "other"}
OUTLETS = {"nyt": "New York Times", "hpo": "HuffPost", "fox": "Fox News"}


def load_draft():
    spec = importlib.util.spec_from_file_location("basil_draft", DEVSET / "drafts" / "basil_draft.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def find_file(key: str) -> pathlib.Path:
    trip, _, n = key.partition("_")
    hits = list((SHARED / "corpora" / "basil").glob(f"*/{trip}*_{n}.json"))
    if len(hits) != 1:
        raise SystemExit(f"draft doc {key!r}: {len(hits)} files")
    return hits[0]


def locate(text: str, line_no: int, needle: str, occ: int) -> int:
    lines = text.split("\n")
    if not 1 <= line_no <= len(lines):
        raise ValueError(f"line {line_no} out of range")
    base = sum(len(l) + 1 for l in lines[: line_no - 1])
    line = lines[line_no - 1]
    i = -1
    for _ in range(occ):
        i = line.find(needle, i + 1)
        if i < 0:
            raise ValueError(f"{needle!r} occurrence {occ} not on line {line_no}: {line[:80]!r}")
    return base + i


def build(draft):
    documents, figures, files = [], [], []
    texts = {}
    n = 0
    for key, entries in draft.DOCS.items():
        path = find_file(key)
        rec = json.loads(path.read_text(encoding="utf-8"))
        text = text_from_record(rec)
        doc = path.stem
        texts[doc] = text
        outlet = OUTLETS[rec["source"].strip().lower()]
        title = rec["title"].strip()
        files.append({"doc": doc, "path": str(path.relative_to(SHARED)), "published": rec["date"],
                      "outlet": outlet, "title": title})
        documents.append({"doc": doc, "published": rec["date"], "outlet": outlet, "title": title,
                          "duplicate_of": None, "boilerplate_lines": [], "heading_lines": [title]})
        for e in entries:
            n += 1
            start = locate(text, e["line"], e["text"], e.get("occ", 1))
            end = start + len(e["text"])
            spk = e.get("speaker")
            figures.append({
                "id": f"ba{n:03d}", "doc": doc, "start": start, "end": end,
                "line": text[:start].count("\n") + 1, "text": e["text"], "occurrence": e.get("occ", 1),
                "low": e["low"], "high": e["high"], "measure": e["measure"], "unit": e.get("unit"),
                "subject_keys": e["subject"],
                "speaker": None if spk is None else {"aliases": spk["aliases"], "keys": spk["keys"]},
                "speaker_may_be_null": bool(e.get("may_null", spk is None)),
                "stated_on": e["dates"], "claim": e["claim"], "optional": bool(e.get("optional", False)),
                "note": e.get("note", ""),
            })
    gold = {"version": 1, "corpus": "devset-basil", "documents": documents, "figures": figures,
            "claims": dict(draft.CLAIMS), "ambiguous_claims": [list(p) for p in draft.AMBIGUOUS]}
    return gold, files, texts


def validate(gold, texts) -> list[str]:
    errs = []
    ids = set()
    used_claims = set()
    docs = {d["doc"] for d in gold["documents"]}
    for f in gold["figures"]:
        w = f"{f['id']} {f['doc'][:10]} {f['text']!r}"
        if f["id"] in ids:
            errs.append(f"{w}: duplicate id")
        ids.add(f["id"])
        if f["doc"] not in docs:
            errs.append(f"{w}: unknown doc")
        t = texts[f["doc"]]
        if t[f["start"]:f["end"]] != f["text"]:
            errs.append(f"{w}: offsets do not match text")
        if t[:f["start"]].count("\n") + 1 != f["line"]:
            errs.append(f"{w}: line")
        if f["measure"] not in MEASURES:
            errs.append(f"{w}: measure {f['measure']}")
        if f["measure"] == "money" and not f["unit"]:
            errs.append(f"{w}: money without unit")
        for b in ("low", "high"):
            if f[b] is not None and not isinstance(f[b], (int, float)):
                errs.append(f"{w}: {b} not a number")
        if f["low"] is not None and f["high"] is not None and f["low"] > f["high"]:
            errs.append(f"{w}: low > high")
        if not f["subject_keys"] or not all(g and all(k == k.lower() for k in g) for g in f["subject_keys"]):
            errs.append(f"{w}: subject_keys empty or not lowercase")
        s = f["speaker"]
        if s is not None and (not s["aliases"] or not s["keys"]):
            errs.append(f"{w}: speaker needs aliases and keys")
        if s is None and not f["speaker_may_be_null"]:
            errs.append(f"{w}: null speaker must have speaker_may_be_null")
        if not isinstance(f["stated_on"], list) or not f["stated_on"]:
            errs.append(f"{w}: stated_on must be a non-empty list")
        for d in f["stated_on"]:
            if d is not None and not (isinstance(d, str) and len(d) == 10 and d[4] == d[7] == "-"):
                errs.append(f"{w}: bad date {d}")
            if d is not None and d > next(x["published"] for x in gold["documents"] if x["doc"] == f["doc"]):
                errs.append(f"{w}: stated_on {d} after publication")
        if f["claim"] not in gold["claims"]:
            errs.append(f"{w}: claim {f['claim']} not described")
        used_claims.add(f["claim"])
    for c in gold["claims"]:
        if c not in used_claims:
            errs.append(f"claim {c} described but unused")
    for a, b in gold["ambiguous_claims"]:
        if a not in gold["claims"] or b not in gold["claims"]:
            errs.append(f"ambiguous pair {a},{b}: unknown claim")
    # overlapping spans in one document would confuse the one-to-one matching
    by_doc = {}
    for f in gold["figures"]:
        by_doc.setdefault(f["doc"], []).append(f)
    for fs in by_doc.values():
        fs.sort(key=lambda f: f["start"])
        for a, b in zip(fs, fs[1:]):
            if b["start"] < a["end"]:
                errs.append(f"{a['id']} and {b['id']} overlap")
    return errs


def self_export(gold, texts, out: pathlib.Path):
    out.mkdir(parents=True, exist_ok=True)
    with (out / "figures.jsonl").open("w", encoding="utf-8") as fh:
        for f in gold["figures"]:
            spk = f["speaker"]["aliases"][0] if f["speaker"] and not f["speaker_may_be_null"] else (
                f["speaker"]["aliases"][0] if f["speaker"] else None)
            subject = " ".join(g[0] for g in f["subject_keys"])
            fh.write(json.dumps({"doc": f["doc"], "start": f["start"], "end": f["end"], "text": f["text"],
                                 "low": f["low"], "high": f["high"], "unit": f["unit"], "measure": f["measure"],
                                 "subject": subject, "speaker": spk, "stated_on": f["stated_on"][0],
                                 "claim": f["claim"]}) + "\n")
    with (out / "documents.jsonl").open("w", encoding="utf-8") as fh:
        for d in gold["documents"]:
            fh.write(json.dumps({"doc": d["doc"], "title": d["title"], "outlet": d["outlet"],
                                 "published": d["published"], "language": "en", "body": texts[d["doc"]],
                                 "duplicate_of": None, "story": d["doc"].split("_")[0]}) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--export", type=pathlib.Path)
    a = ap.parse_args()
    gold, files, texts = build(load_draft())
    errs = validate(gold, texts)
    for e in errs:
        print("ERROR", e)
    if errs:
        return 1
    (DEVSET / "basil.gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    with (DEVSET / "basil.files.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["doc", "path", "published", "outlet", "title"], lineterminator="\n")
        w.writeheader()
        w.writerows(files)
    figs = gold["figures"]
    print(f"{len(gold['documents'])} documents, {len(figs)} figures ({sum(f['optional'] for f in figs)} optional), "
          f"{len(gold['claims'])} claims")
    if a.export:
        self_export(gold, texts, a.export)
    return 0


if __name__ == "__main__":
    sys.exit(main())
