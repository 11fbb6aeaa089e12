#!/usr/bin/env python3
"""Build tests/devset/bbc_business.gold.json and .files.csv from a compact hand-written draft.

    python tests/devset/tools/make_gold_bbc_business.py [--review]

Draft: tests/devset/drafts/bbc_business.draft. Lines:

    # comment
    @doc DOC_ID PATH                       (path relative to the shared folder)
    @spk NAME = alias; alias; ... | key+key / key / ...   (alias lists and key groups, lowercase)
    @amb LABEL LABEL                       (two claims that may or may not be grouped)
    TEXT | N | LOW HIGH | MEASURE UNIT | SUBJ | SPK | CLAIM | FLAGS | NOTE

TEXT is the figure as written; N picks its N-th whole-token match in the document (blank = 1).
LOW/HIGH: a number (suffixes k, m, bn, tn allowed), '-' for null, '=' for the same as LOW.
UNIT: '-' for null. SUBJ: key groups separated by '&', keys inside a group by ','.
SPK: '-' (null), NAME (from @spk) or NAME? (speaker_may_be_null). CLAIM: 'label: description'
(label: lowercase words joined by '-') defines a claim, '=label' reuses one, a bare description makes an unlabelled claim.
FLAGS: 'opt' for optional. The claim ids BB1, BB2 ... are assigned in order of appearance.
"""
from __future__ import annotations

import argparse
import csv
import json
import pathlib
import re
import sys
from decimal import Decimal

HERE = pathlib.Path(__file__).resolve().parent
DEVSET = HERE.parent
SHARED = (DEVSET / "../../../shared").resolve()
DRAFT = DEVSET / "drafts" / "bbc_business.draft"
GOLD = DEVSET / "bbc_business.gold.json"
FILES = DEVSET / "bbc_business.files.csv"
MEASURES = {"casualties", "killed", "wounded", "captured", "missing", "deployed", "displaced", "money", "territory", "other"}
SUFFIX = {"k": 10**3, "m": 10**6, "bn": 10**9, "tn": 10**12}


def num(tok: str, low=None):
    if tok == "-":
        return None
    if tok == "=":
        return low
    m = re.fullmatch(r"([0-9.]+(?:e[0-9]+)?)(k|m|bn|tn)?", tok)
    if not m:
        raise ValueError(f"bad number {tok!r}")
    v = Decimal(m.group(1)) * Decimal(SUFFIX.get(m.group(2) or "", 1))
    return int(v) if v == int(v) else float(v)


def find_nth(text: str, needle: str, n: int) -> int:
    """Start of the n-th occurrence of needle that is not part of a longer number or word."""
    seen = 0
    for m in re.finditer(re.escape(needle), text):
        s, e = m.start(), m.end()
        before = text[s - 1] if s else " "
        after = text[e] if e < len(text) else " "
        if needle[0].isalnum() and (before.isalnum() or (before in ".,$£€" and s > 1 and text[s - 2].isdigit())):
            continue
        if before in "$£€" and needle[0].isdigit():
            continue
        if needle[-1].isalnum() and after.isalnum():
            continue
        if needle[-1].isdigit() and after in ".," and e + 1 < len(text) and text[e + 1].isdigit():
            continue
        seen += 1
        if seen == n:
            return s
    raise LookupError(f"{needle!r} #{n} not found")


def build():
    docs, figures, claims, amb = [], [], {}, []
    speakers, labels = {}, {}
    doc = text = None
    nclaim = 0
    seen_spans = set()
    for lineno, raw in enumerate(DRAFT.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            if line.startswith("@doc "):
                _, doc, path = line.split()
                text = (SHARED / path).read_text(encoding="utf-8")
                title = text.split("\n", 1)[0]
                docs.append({"doc": doc, "path": path, "title": title})
                continue
            if line.startswith("@spk "):
                name, _, rest = line[5:].partition("=")
                aliases, _, keys = rest.partition("|")
                speakers[name.strip()] = {
                    "aliases": [a.strip() for a in aliases.split(";") if a.strip()],
                    "keys": [[k.strip() for k in g.split("+") if k.strip()] for g in keys.split("/") if g.strip()],
                }
                continue
            if line.startswith("@amb "):
                amb.append(line.split()[1:])
                continue
            cols = [c.strip() for c in line.split("|")]
            cols += [""] * (9 - len(cols))
            ftext, n, bounds, mu, subj, spk, claim, flags, note = cols[:9]
            n = int(n or 1)
            start = find_nth(text, ftext, n)
            end = start + len(ftext)
            assert (doc, start) not in seen_spans, "duplicate span"
            seen_spans.add((doc, start))
            lo_t, hi_t = bounds.split()
            low = num(lo_t)
            high = num(hi_t, low)
            measure, unit = mu.split()
            assert measure in MEASURES, measure
            unit = None if unit == "-" else unit
            subject_keys = [[k.strip().lower() for k in g.split(",") if k.strip()] for g in subj.split("&") if g.strip()]
            if spk in ("-", ""):
                speaker, may_null = None, True
            else:
                may_null = spk.endswith("?")
                speaker = speakers[spk.rstrip("?")]
            if claim.startswith("="):
                cid = labels[claim[1:].strip()]
            else:
                label, sep, desc = claim.partition(":")
                if not sep or not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)+", label.strip()):
                    label, desc = None, claim
                nclaim += 1
                cid = f"BB{nclaim}"
                claims[cid] = desc.strip()
                assert desc.strip(), "claim without description"
                if label:
                    assert label.strip() not in labels, f"label {label} twice"
                    labels[label.strip()] = cid
            figures.append({
                "id": f"bb{len(figures) + 1:03d}",
                "doc": doc,
                "start": start,
                "end": end,
                "line": text.count("\n", 0, start) + 1,
                "text": ftext,
                "occurrence": text.count(ftext, 0, start) + 1,
                "low": low,
                "high": high,
                "measure": measure,
                "unit": unit,
                "subject_keys": subject_keys,
                "speaker": speaker,
                "speaker_may_be_null": may_null,
                "stated_on": [None],
                "claim": cid,
                "optional": "opt" in flags.split(),
                "note": note,
            })
        except Exception as e:  # noqa: BLE001
            sys.exit(f"{DRAFT.name}:{lineno}: {e}: {raw}")
    amb_ids = [[labels[a] for a in pair] for pair in amb]
    gold = {
        "version": 1,
        "corpus": "devset-bbc-business",
        "documents": [{
            "doc": d["doc"], "published": None, "outlet": "BBC", "title": d["title"],
            "duplicate_of": None, "boilerplate_lines": [], "heading_lines": [d["title"]],
        } for d in docs],
        "figures": figures,
        "claims": claims,
        "ambiguous_claims": amb_ids,
    }
    return gold, docs


def validate(gold, docs):
    paths = {d["doc"]: d["path"] for d in docs}
    problems = []
    ids = set()
    req = ["id", "doc", "start", "end", "line", "text", "occurrence", "low", "high", "measure", "unit",
           "subject_keys", "speaker", "speaker_may_be_null", "stated_on", "claim", "optional", "note"]
    for f in gold["figures"]:
        t = (SHARED / paths[f["doc"]]).read_text(encoding="utf-8")
        miss = [k for k in req if k not in f]
        if miss:
            problems.append((f["id"], "missing", miss))
        if t[f["start"]:f["end"]] != f["text"]:
            problems.append((f["id"], "offset"))
        if t.count("\n", 0, f["start"]) + 1 != f["line"]:
            problems.append((f["id"], "line"))
        if f["measure"] not in MEASURES:
            problems.append((f["id"], "measure"))
        if f["claim"] not in gold["claims"]:
            problems.append((f["id"], "claim"))
        if f["id"] in ids:
            problems.append((f["id"], "dup id"))
        ids.add(f["id"])
        if f["low"] is not None and f["high"] is not None and f["low"] > f["high"]:
            problems.append((f["id"], "low>high"))
        if f["measure"] == "money" and (f["unit"] or "") not in {"USD", "GBP", "EUR", "JPY", "INR"}:
            problems.append((f["id"], "money unit"))
        if not f["subject_keys"] or any(not g for g in f["subject_keys"]):
            problems.append((f["id"], "subject_keys"))
        if f["speaker"] is None and not f["speaker_may_be_null"]:
            problems.append((f["id"], "null speaker not nullable"))
    spans = sorted((f["doc"], f["start"], f["end"], f["id"]) for f in gold["figures"])
    for a, b in zip(spans, spans[1:]):
        if a[0] == b[0] and b[1] < a[2]:
            problems.append((a[3], b[3], "overlapping spans"))
    for pair in gold["ambiguous_claims"]:
        if any(c not in gold["claims"] for c in pair):
            problems.append(("amb", pair))
    return problems


NUMBERISH = re.compile(
    r"[$£€]?\d[\d,.]*(?:%|bn|m|tn|k)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|"
    r"dozen|dozens|half|third|thirds|quarter|quarters|double|doubled|halving|triple|percent|per cent)\b", re.I)


def review(gold, docs):
    paths = {d["doc"]: d["path"] for d in docs}
    for d in docs:
        t = (SHARED / d["path"]).read_text(encoding="utf-8")
        figs = [f for f in gold["figures"] if f["doc"] == d["doc"]]
        print(f"=== {d['doc']}  {len(figs)} figures ({sum(f['optional'] for f in figs)} optional)")
        for f in figs:
            ctx = t[max(0, f["start"] - 35):f["end"] + 25].replace("\n", " ")
            spk = f["speaker"]["aliases"][0] if f["speaker"] else None
            print(f"  {f['id']} {f['claim']:<5} {f['text']!r:<22} [{f['low']}, {f['high']}] {f['measure']}/{f['unit']} "
                  f"subj={f['subject_keys']} spk={spk}{'?' if f['speaker_may_be_null'] and spk else ''}"
                  f"{' OPT' if f['optional'] else ''}  ...{ctx}...")
        covered = [(f["start"], f["end"]) for f in figs]
        for m in NUMBERISH.finditer(t):
            if not any(s < m.end() and m.start() < e for s, e in covered):
                ctx = t[max(0, m.start() - 30):m.end() + 30].replace("\n", " ")
                print(f"    uncovered: {m.group()!r:<14} ...{ctx}...")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--review", action="store_true")
    a = ap.parse_args()
    gold, docs = build()
    problems = validate(gold, docs)
    if problems:
        for p in problems:
            print("PROBLEM", p)
        sys.exit(1)
    GOLD.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    with FILES.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["doc", "path", "published", "outlet", "title"])
        for d in docs:
            w.writerow([d["doc"], d["path"], "", "BBC", ""])
    n = len(gold["figures"])
    print(f"{len(docs)} documents, {n} figures ({sum(f['optional'] for f in gold['figures'])} optional), "
          f"{len(gold['claims'])} claims -> {GOLD.relative_to(DEVSET.parent.parent)}")
    if a.review:
        review(gold, docs)


if __name__ == "__main__":
    main()
