"""Real articles from ../shared, read by path (never copied into the repo)."""
from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest

from newsledger.ingest.jsonarticle import text_from_record

SHARED = pathlib.Path(__file__).resolve().parents[2].parent / "shared"
BBC = SHARED / "corpora" / "bbc"
BASIL = SHARED / "corpora" / "basil"

if not BBC.is_dir() or not BASIL.is_dir():
    pytest.skip(f"shared corpora not found under {SHARED}", allow_module_level=True)


def bbc(name: str) -> str:
    """A BBC article by "topic/number", e.g. "tech/131"."""
    return (BBC / f"{name}.txt").read_text(encoding="utf-8")


def basil(stem: str) -> tuple[str, dt.date]:
    """A BASIL article by "year/triplet_n": its text (as the JSON reader builds it) and date."""
    rec = json.loads((BASIL / f"{stem}.json").read_text(encoding="utf-8"))
    return text_from_record(rec), dt.date.fromisoformat(rec["date"])


def basil_year(year: int) -> list[tuple[str, str, dt.date]]:
    """(doc id, text, date) for every BASIL article of one year, in file order."""
    out = []
    for p in sorted((BASIL / str(year)).glob("*.json")):
        text, day = basil(f"{year}/{p.stem}")
        out.append((p.stem, text, day))
    return out


def basil_all() -> list[tuple[str, str, dt.date]]:
    """All 300 BASIL articles in publication order (ties by id), as a pipeline would meet them."""
    docs = [d for p in sorted(BASIL.iterdir()) if p.is_dir() for d in basil_year(int(p.name))]
    return sorted(docs, key=lambda d: (d[2], d[0]))
