"""Crisis annotations anchored by line and words, resolved against rebuilt texts.

    python -m tests.devset.anchored show EVENT FILE     print a text with line numbers
    python -m tests.devset.anchored check [EVENT ...]   resolve every anchor, list what fails
    python -m tests.devset.anchored build EVENT OUT     write the gold JSON for one event

The texts are third-party pages rebuilt into the git-ignored `devdata/crisis/<event>/`; a
gold file with character offsets would break when a text comes back a few bytes different,
so the drafts (tests/devset/crisis/<event>.draft, format in its README) name a line and the
figure's words, and offsets are computed here, each time, from the text as it is.
Standard library only: annotators run it without the project's environment.
"""
from __future__ import annotations

import argparse
import csv
import json
import pathlib
import re
import sys
from decimal import Decimal, InvalidOperation

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DRAFTS = HERE / "crisis"
TEXTS = ROOT / "devdata" / "crisis"
MEASURES = {"casualties", "killed", "wounded", "captured", "missing", "deployed", "displaced", "money",
            "territory", "other"}
SUFFIX = {"k": 10**3, "m": 10**6, "bn": 10**9, "tn": 10**12}
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


class DraftError(ValueError):
    pass


def held_out() -> set[str]:
    path = DRAFTS / "HELD_OUT"
    if not path.exists():
        return set()
    return {ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")}


def events() -> list[str]:
    return sorted(p.stem for p in DRAFTS.glob("*.draft"))


def doc_id(event: str, file: str) -> str:
    return f"{event}_{pathlib.Path(file).stem}"


def read_text(event: str, file: str) -> str:
    with (TEXTS / event / file).open(encoding="utf-8", newline="") as fh:
        return fh.read()


def manifest(event: str) -> dict[str, dict]:
    path = TEXTS / event / "manifest.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["file"]: row for row in csv.DictReader(fh)}


def number(tok: str, low=None):
    if tok == "-":
        return None
    if tok == "=":
        return low
    m = re.fullmatch(r"([0-9]*\.?[0-9]+(?:e[0-9]+)?)(k|m|bn|tn)?", tok.replace(",", ""))
    if not m:
        raise DraftError(f"bad number {tok!r}")
    try:
        v = Decimal(m.group(1)) * Decimal(SUFFIX.get(m.group(2) or "", 1))
    except InvalidOperation as e:
        raise DraftError(f"bad number {tok!r}") from e
    return int(v) if v == int(v) else float(v)


def find_in_line(line: str, needle: str, n: int) -> int:
    """Column of the n-th occurrence of `needle` that is not the inside of a longer word or number."""
    seen = 0
    for m in re.finditer(re.escape(needle), line):
        s, e = m.start(), m.end()
        before = line[s - 1] if s else " "
        after = line[e] if e < len(line) else " "
        if needle[0].isalnum() and before.isalnum():
            continue
        if needle[0].isdigit() and before in ".," and s > 1 and line[s - 2].isdigit():
            continue
        if needle[-1].isalnum() and after.isalnum():
            continue
        if needle[-1].isdigit() and after in ".," and e + 1 < len(line) and line[e + 1].isdigit():
            continue
        seen += 1
        if seen == n:
            return s
    raise DraftError(f"{needle!r} #{n} not on the line")


def speaker_entry(spec: str) -> tuple[str, dict]:
    name, _, rest = spec.partition("=")
    aliases, _, keys = rest.partition("|")
    alias_list = [a.strip().lower() for a in aliases.split(";") if a.strip()]
    key_groups = [[k.strip().lower() for k in grp.split("+") if k.strip()] for grp in keys.split("/") if grp.strip()]
    if not name.strip() or not alias_list:
        raise DraftError(f"@spk needs 'ID = alias; alias | key+key / key': {spec!r}")
    return name.strip(), {"aliases": alias_list, "keys": key_groups or [[alias_list[0]]]}


def build(event: str) -> dict:
    """Gold JSON (the scorer's format) for one event; raises DraftError listing every failure."""
    draft = DRAFTS / f"{event}.draft"
    meta = manifest(event)
    prefix = "".join(w[0] for w in event.split("-")[:-1]).upper() + event.split("-")[-1][-2:]
    docs, figures, claims, amb, errors = [], [], {}, [], []
    speakers: dict[str, dict] = {}
    labels: dict[str, str] = {}
    cur = text = lines = starts = None
    for lineno, raw in enumerate(draft.read_text(encoding="utf-8").splitlines(), 1):
        ln = raw.strip()
        if not ln or ln.startswith("#"):
            continue
        try:
            if ln.startswith("@event"):
                if ln.split()[1:2] != [event]:
                    raise DraftError(f"@event should be {event}")
            elif ln.startswith("@spk"):
                k, v = speaker_entry(ln[4:])
                speakers[k] = v
            elif ln.startswith("@doc"):
                parts = ln.split()
                file = parts[1]
                dup = next((p[4:] for p in parts[2:] if p.startswith("dup=")), None)
                if file not in meta:
                    raise DraftError(f"{file} is not in the event's manifest")
                text = read_text(event, file)
                lines = text.split("\n")
                starts = [0]
                for line in lines[:-1]:
                    starts.append(starts[-1] + len(line) + 1)
                cur = {"doc": doc_id(event, file), "published": meta[file].get("published") or None,
                       "outlet": meta[file].get("outlet") or None, "title": meta[file].get("title") or None,
                       "duplicate_of": doc_id(event, dup) if dup else None,
                       "boilerplate_lines": [], "heading_lines": []}
                docs.append(cur)
            elif ln.startswith("@boiler") or ln.startswith("@head"):
                if cur is None:
                    raise DraftError("line mark before @doc")
                field = "boilerplate_lines" if ln.startswith("@boiler") else "heading_lines"
                for tok in ln.split()[1:]:
                    cur[field].append(lines[int(tok) - 1].strip())
            elif ln.startswith("@amb"):
                amb.append(ln.split()[1:3])
            elif ln.startswith("L"):
                if cur is None:
                    raise DraftError("figure before @doc")
                figures.append(figure(ln, cur, lines, starts, speakers, labels, claims, prefix, len(figures)))
            else:
                raise DraftError("unknown line")
        except (DraftError, IndexError, ValueError, OSError) as e:
            errors.append(f"{draft.name}:{lineno}: {e}: {raw.strip()[:100]}")
    published = {d["doc"]: d["published"] for d in docs}
    for f in figures:
        # export-format.md, "Dating a claim": a background claim with no date anywhere is null,
        # "the publication date is accepted there too" — drafts write only the null
        if f["stated_on"] == [None] and published.get(f["doc"]):
            f["stated_on"] = [None, published[f["doc"]]]
    seen: dict[tuple, str] = {}
    for f in figures:
        key = (f["doc"], f["start"])
        if key in seen:
            errors.append(f"{draft.name}: {f['doc']} {f['text']!r} at {f['start']} annotated twice")
        seen[key] = f["id"]
    amb_ids = []
    for a, b in amb:
        if a not in labels or b not in labels:
            errors.append(f"{draft.name}: @amb names an unknown claim label: {a} {b}")
        else:
            amb_ids.append([labels[a], labels[b]])
    if errors:
        raise DraftError("\n".join(errors))
    return {"version": 1, "corpus": f"crisis/{event}", "documents": docs, "figures": figures,
            "claims": claims, "ambiguous_claims": amb_ids}


def figure(ln, doc, lines, starts, speakers, labels, claims, prefix, index) -> dict:
    cells = [c.strip() for c in ln.split("|")]
    if len(cells) < 9:
        raise DraftError(f"expected at least 9 cells, found {len(cells)}")
    cells += [""] * (11 - len(cells))
    anchor, words, nth, bounds, mu, subj, spk, stated, claim, flags, note = cells[:11]
    row = int(anchor[1:])
    if not 1 <= row <= len(lines):
        raise DraftError(f"line {row} is outside the text ({len(lines)} lines)")
    col = find_in_line(lines[row - 1], words, int(nth or 1))
    start = starts[row - 1] + col
    lo_tok, hi_tok = (bounds.split() + ["="])[:2]
    low = number(lo_tok)
    high = number(hi_tok, low)
    measure, unit = (mu.split() + ["-"])[:2]
    if measure not in MEASURES:
        raise DraftError(f"unknown measure {measure!r}")
    groups = [[k.strip().lower() for k in g.split(",") if k.strip()] for g in subj.split("&") if g.strip()]
    may_be_null = spk.endswith("?")
    sid = spk.rstrip("?")
    if sid == "-":
        speaker = None
    elif sid in speakers:
        speaker = speakers[sid]
    else:
        raise DraftError(f"unknown speaker {sid!r} (define it with @spk)")
    dates = []
    for d in stated.split("/"):
        d = d.strip()
        if d == "-" or not d:
            dates.append(None)
        elif ISO.fullmatch(d):
            dates.append(d)
        else:
            raise DraftError(f"bad stated_on {d!r}")
    label, _, desc = claim.partition(":")
    label = label.strip()
    if label.startswith("="):
        label = label[1:].strip()
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", label):
        raise DraftError(f"bad claim label {label!r}")
    if label not in labels:
        labels[label] = f"{prefix}-{label}"
        claims[labels[label]] = desc.strip() or label
    return {"id": f"{doc['doc']}-f{index + 1}", "doc": doc["doc"], "start": start, "end": start + len(words),
            "line": row, "text": words, "occurrence": int(nth or 1), "low": low, "high": high,
            "measure": measure, "unit": None if unit == "-" else unit, "subject_keys": groups,
            "speaker": speaker, "speaker_may_be_null": may_be_null or speaker is None,
            "stated_on": dates, "claim": labels[label], "optional": "opt" in flags.split(), "note": note}


def show(event: str, file: str) -> None:
    for i, line in enumerate(read_text(event, file).split("\n"), 1):
        print(f"{i:4d}  {line}")


def check(names: list[str]) -> int:
    bad = 0
    for event in names or events():
        try:
            gold = build(event)
        except DraftError as e:
            print(e)
            bad += 1
            continue
        except FileNotFoundError as e:
            print(f"{event}: text not rebuilt ({e.filename})")
            bad += 1
            continue
        print(f"{event}: {len(gold['documents'])} documents, {len(gold['figures'])} figures, "
              f"{len(gold['claims'])} claims — all anchors resolve")
    return 1 if bad else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("show")
    s.add_argument("event")
    s.add_argument("file")
    c = sub.add_parser("check")
    c.add_argument("events", nargs="*")
    b = sub.add_parser("build")
    b.add_argument("event")
    b.add_argument("out", type=pathlib.Path)
    a = ap.parse_args(argv)
    if a.cmd == "show":
        show(a.event, a.file)
        return 0
    if a.cmd == "check":
        return check(a.events)
    a.out.write_text(json.dumps(build(a.event), indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
