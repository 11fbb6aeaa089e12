"""The job's inputs: JSONL and WARC files, found on the driver, read on the executors.

A file is the unit of work, as in Common Crawl's own jobs (one WARC per task): the driver
only lists files, and each executor reads its files with the same readers a local ingest uses,
so every article comes out with the id, metadata and language it would get locally.
"""
from __future__ import annotations

import pathlib
from collections.abc import Iterable, Iterator

from ..ingest import iter_articles
from ..ingest.dispatch import SKIP_NAMES
from ..ingest.jsonl import SUFFIXES as JSONL_SUFFIXES
from ..ingest.warc import SUFFIXES as WARC_SUFFIXES
from ..model import Article, Problem

SUFFIXES = JSONL_SUFFIXES + WARC_SUFFIXES
# Pages, texts and feeds are cheap to ingest locally; a cluster pays off on archives.
_REFUSED = f"not read by the Spark job, which takes JSONL and WARC files ({', '.join(SUFFIXES)}): use newsledger ingest"


def readable(path: pathlib.Path) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def expand(inputs: Iterable[str]) -> tuple[list[str], list[Problem]]:
    """The files to read, in the order a local ingest reads them (folders walked sorted), as
    absolute paths: an executor does not share the driver's working directory."""
    files: list[str] = []
    problems: list[Problem] = []
    for raw in inputs:
        path = pathlib.Path(raw)
        if not path.exists():
            problems.append(Problem(raw, "no such file or folder"))
        elif path.is_dir():
            folders = [path] + sorted(p for p in path.rglob("*") if p.is_dir() and not p.name.startswith("."))
            for folder in folders:
                for f in sorted(folder.iterdir()):
                    if not f.is_file() or f.name.startswith(".") or f.name in SKIP_NAMES:
                        continue
                    if readable(f):
                        files.append(str(f.resolve()))
                    else:
                        problems.append(Problem(str(f), _REFUSED))
        elif readable(path):
            files.append(str(path.resolve()))
        else:
            problems.append(Problem(raw, _REFUSED))
    return files, problems


def read(path: str) -> Iterator[Article | Problem]:
    """Every article or problem of one file, in file order."""
    yield from iter_articles([path])
