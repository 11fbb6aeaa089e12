"""``manifest.csv`` beside articles: per-file metadata (file, published, outlet, url, title)."""
from __future__ import annotations

import csv
import datetime as dt
import pathlib
from dataclasses import dataclass


@dataclass
class Meta:
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None


def parse_date(value: str | None) -> dt.date | None:
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_manifest(folder: pathlib.Path) -> dict[str, Meta]:
    """Map file name -> metadata. A missing manifest is an empty map; blank cells are None."""
    path = folder / "manifest.csv"
    if not path.is_file():
        return {}
    out: dict[str, Meta] = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("file") or "").strip()
            if not name:
                continue
            out[name] = Meta(
                published=parse_date(row.get("published")),
                outlet=(row.get("outlet") or "").strip() or None,
                url=(row.get("url") or "").strip() or None,
                title=(row.get("title") or "").strip() or None,
            )
    return out
