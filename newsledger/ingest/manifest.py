"""``manifest.csv`` beside articles: per-file metadata (file, published, outlet, url, title)."""
from __future__ import annotations

import csv
import datetime as dt
import pathlib
from dataclasses import dataclass


class BadManifest(ValueError):
    """A manifest.csv that cannot be read; the message is one line for the user."""


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
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except UnicodeDecodeError as e:
        raise BadManifest(f"manifest not UTF-8 (byte 0x{e.object[e.start]:02x}); its metadata is not used") from None
    except csv.Error as e:
        raise BadManifest(f"manifest is not a readable CSV ({e}); its metadata is not used") from None
    except OSError as e:
        raise BadManifest(f"cannot read the manifest: {e.strerror or e}") from None
    for row in rows:
        name = _cell(row, "file")
        if not name:
            continue
        out[name] = Meta(
            published=parse_date(_cell(row, "published")),
            outlet=_cell(row, "outlet") or None,
            url=_cell(row, "url") or None,
            title=_cell(row, "title") or None,
        )
    return out


def _cell(row: dict, name: str) -> str:
    # a short row leaves None, a long one puts a list under the None key: neither is a cell
    value = row.get(name)
    return value.strip() if isinstance(value, str) else ""
