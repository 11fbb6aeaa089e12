#!/usr/bin/env python3
"""Build tests/devset/bbc_politics.gold.json and .files.csv from a compact hand-written draft.

    python tests/devset/tools/make_gold_politics.py [--draft tests/devset/drafts/bbc_politics.draft.txt]

Draft format (one directive per line, '#' starts a comment line, fields separated by ' | '):

    @doc DOC_ID | PATH_RELATIVE_TO_/work/shared
    @spk KEY | alias; alias; ... | key group / key group ...   (tokens of one group joined by '+')
    TEXT[#OCC] | LOW HIGH | MEASURE [UNIT] | SUBJECT KEYS | SPEAKER | CLAIM | DESC | FLAGS | NOTE

  TEXT#OCC   the figure words and which occurrence (word-bounded, 1-based; default 1)
  LOW HIGH   numbers or 'n' for null (1.5e9 allowed)
  SUBJECT    alternatives separated by ',', groups by ';'
  SPEAKER    '-' = outlet's own voice (null, may be null); 'KEY' = a declared speaker;
             '?KEY' = that speaker, but null also acceptable
  CLAIM      '' = a new claim of its own; 'label' = shared with the other figures of that label
  DESC       a few words for the claim description (what is counted)
  FLAGS      'opt' for optional
Claims are numbered BP1, BP2 ... in order of first appearance; figures bp001 ...
The draft holds only figure words and a few context words, never article sentences.
"""
from __future__ import annotations

import argparse
import csv
import json
import pathlib
import re
import sys

SHARED = pathlib.Path("/work/shared")
HERE = pathlib.Path(__file__).resolve().parents[1]
MEASURES = {"casualties", "killed", "wounded", "captured", "missing", "deployed", "displaced", "money",
            "territory", "other"}


def num(s: str):
    if s == "n":
        return None
    v = float(s)
    return int(v) if v.is_integer() and abs(v) < 1e15 else v


def find_nth(text: str, needle: str, n: int) -> int:
    count = 0
    for m in re.finditer(re.escape(needle), text):
        s, e = m.start(), m.end()
        before = text[s - 1] if s else " "
        after = text[e] if e < len(text) else " "
        if needle[0].isalnum() and (before.isalnum() or (before in ",." and s > 1 and text[s - 2].isdigit())):
            continue
        if needle[-1].isdigit() and after == "%":
            continue
        if needle[-1].isalnum() and (after.isalnum() or (after in ",." and e + 1 < len(text) and text[e + 1].isdigit())):
            continue
        count += 1
        if count == n:
            return s
    raise SystemExit(f"not found: {needle!r} occurrence {n} (only {count})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--draft", type=pathlib.Path, default=HERE / "drafts" / "bbc_politics.draft.txt")
    ap.add_argument("--out", type=pathlib.Path, default=HERE / "bbc_politics.gold.json")
    ap.add_argument("--files", type=pathlib.Path, default=HERE / "bbc_politics.files.csv")
    ap.add_argument("--show", action="store_true", help="print each figure in context")
    a = ap.parse_args(argv)

    docs, figures, claims = [], [], {}
    files_rows = []
    speakers: dict[str, dict] = {}
    label_to_claim: dict[tuple[str, str], str] = {}
    doc = text = None
    nclaim = 0
    for lineno, raw in enumerate(a.draft.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            if line.startswith("@doc "):
                doc, path = [p.strip() for p in line[5:].split("|")]
                text = (SHARED / path).read_text(encoding="utf-8")
                title = text.split("\n")[0]
                docs.append({"doc": doc, "published": None, "outlet": "BBC", "title": title, "duplicate_of": None,
                             "boilerplate_lines": [], "heading_lines": [title]})
                files_rows.append([doc, path, "", "BBC", ""])
                speakers = {}
                continue
            if line.startswith("@spk "):
                key, aliases, keys = [p.strip() for p in line[5:].split("|")]
                speakers[key] = {
                    "aliases": [x.strip().lower() for x in aliases.split(";") if x.strip()],
                    "keys": [[t.strip().lower() for t in g.split("+") if t.strip()] for g in keys.split("/") if g.strip()],
                }
                continue
            parts = [p.strip() for p in line.split("|")]
            parts += [""] * (9 - len(parts))
            ftext, vals, meas, subj, spk, clabel, desc, flags, note = parts[:9]
            occ = 1
            if "#" in ftext:
                ftext, o = ftext.rsplit("#", 1)
                occ = int(o)
            start = find_nth(text, ftext, occ)
            end = start + len(ftext)
            assert text[start:end] == ftext
            lo, hi = (num(v) for v in vals.split())
            mparts = meas.split()
            measure = mparts[0]
            unit = mparts[1] if len(mparts) > 1 else None
            if measure not in MEASURES:
                raise ValueError(f"bad measure {measure}")
            subject_keys = [[k.strip().lower() for k in g.split(",") if k.strip()] for g in subj.split(";") if g.strip()]
            if spk == "-":
                speaker, may_null = None, True
            elif spk.startswith("?"):
                speaker, may_null = speakers[spk[1:]], True
            else:
                speaker, may_null = speakers[spk], False
            if clabel and (doc, clabel) in label_to_claim:
                cid = label_to_claim[(doc, clabel)]
            else:
                nclaim += 1
                cid = f"BP{nclaim}"
                if clabel:
                    label_to_claim[(doc, clabel)] = cid
                who = speaker["aliases"][0] if speaker else "BBC (own voice)"
                claims[cid] = f"{doc}: {who}: {ftext} {desc}".strip()
            fig = {
                "id": f"bp{len(figures) + 1:03d}", "doc": doc, "start": start, "end": end,
                "line": text.count("\n", 0, start) + 1, "text": ftext, "occurrence": occ,
                "low": lo, "high": hi, "measure": measure, "unit": unit, "subject_keys": subject_keys,
                "speaker": speaker, "speaker_may_be_null": may_null, "stated_on": [None], "claim": cid,
                "optional": "opt" in flags.split(), "note": note,
            }
            figures.append(fig)
            if a.show:
                ctx = text[max(0, start - 50):end + 40].replace("\n", " ")
                print(f"{fig['id']} {doc[-3:]} {ftext!r:28} [{lo}, {hi}] {measure} {unit or ''} spk={spk} {cid}"
                      f"{' OPT' if fig['optional'] else ''}\n      ...{ctx}...")
        except SystemExit:
            raise
        except Exception as e:  # noqa: BLE001
            raise SystemExit(f"draft line {lineno}: {e}\n  {raw}")

    gold = {"version": 1, "corpus": "devset-bbc-politics", "documents": docs, "figures": figures,
            "claims": claims, "ambiguous_claims": []}
    a.out.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    with a.files.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["doc", "path", "published", "outlet", "title"])
        w.writerows(files_rows)
    print(f"{len(docs)} documents, {len(figures)} figures ({sum(f['optional'] for f in figures)} optional), "
          f"{len(claims)} claims -> {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
