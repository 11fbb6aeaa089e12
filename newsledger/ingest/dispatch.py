"""Walk inputs and hand each to the reader for its kind."""
from __future__ import annotations

import pathlib
from collections.abc import Callable, Iterable, Iterator

from ..model import Article, Problem
from .jsonarticle import read_json_file
from .manifest import Meta, read_manifest
from .textfile import read_text_file

# suffix -> reader(path) -> Iterable[Article | Problem]. Other modules register more kinds.
READERS: dict[str, Callable[[pathlib.Path], Iterable[Article | Problem]]] = {
    ".txt": lambda p: [read_text_file(p)],
    ".text": lambda p: [read_text_file(p)],
    ".json": lambda p: [read_json_file(p)],
}
SKIP_NAMES = {"manifest.csv"}


def _suffix(path: pathlib.Path) -> str:
    name = path.name.lower()
    for s in sorted(READERS, key=len, reverse=True):
        if name.endswith(s):
            return s
    return path.suffix.lower()


def _apply(article: Article, meta: Meta | None, published=None, outlet=None) -> Article:
    if meta:
        article.published = meta.published or article.published
        article.outlet = meta.outlet or article.outlet
        article.url = meta.url or article.url
        article.title = meta.title or article.title
    if published is not None:
        article.published = published
        article.published_inferred = False
    if outlet:
        article.outlet = outlet
    return article


def _read_file(path: pathlib.Path, meta: Meta | None, published, outlet) -> Iterator[Article | Problem]:
    reader = READERS.get(_suffix(path))
    if reader is None:
        reader = READERS[".txt"]  # unknown suffix: try it as text; the text reader says if it is not
    try:
        for item in reader(path):
            yield _apply(item, meta, published, outlet) if isinstance(item, Article) else item
    except Exception as e:  # a reader bug must cost one input, not the run
        yield Problem(str(path), f"could not read: {type(e).__name__}: {e}")


def iter_articles(inputs: Iterable[str], published=None, outlet=None) -> Iterator[Article | Problem]:
    """Yield an Article or a Problem for every input, in a stable order (folders sorted)."""
    for raw in inputs:
        if raw.startswith(("http://", "https://")):
            url_reader = READERS.get("url")
            if url_reader is None:
                yield Problem(raw, "URLs are not supported in this build")
            else:
                yield from url_reader(raw)  # type: ignore[arg-type]
            continue
        path = pathlib.Path(raw)
        if not path.exists():
            yield Problem(raw, "no such file or folder")
        elif path.is_dir():
            walked = list(_walk(path))
            ids = _doc_ids(path, [f for _, files in walked for f in files])
            for folder, files in walked:
                manifest = read_manifest(folder)
                for f in files:
                    for item in _read_file(f, manifest.get(f.name), published, outlet):
                        if isinstance(item, Article) and item.doc == _stem(f):
                            item.doc = ids[f]
                        yield item
        else:
            meta = read_manifest(path.parent).get(path.name)
            yield from _read_file(path, meta, published, outlet)


def _doc_ids(root: pathlib.Path, files: list[pathlib.Path]) -> dict[pathlib.Path, str]:
    """A file's id is its stem; where two files in one tree share a stem (bbc/business/001.txt,
    bbc/politics/001.txt) both take their path below the root instead, joined by '-'."""
    stems: dict[str, int] = {}
    for f in files:
        stems[_stem(f)] = stems.get(_stem(f), 0) + 1
    ids = {}
    for f in files:
        stem = _stem(f)
        if stems[stem] > 1:
            rel = f.relative_to(root).parent.parts
            stem = "-".join((*rel, stem))
        ids[f] = stem
    return ids


def _stem(path: pathlib.Path) -> str:
    name = path.name
    for s in (".html.gz", ".warc.gz", ".jsonl.gz"):
        if name.lower().endswith(s):
            return name[: -len(s)]
    return path.stem


def _walk(root: pathlib.Path) -> Iterator[tuple[pathlib.Path, list[pathlib.Path]]]:
    folders = [root] + sorted(p for p in root.rglob("*") if p.is_dir() and not p.name.startswith("."))
    for folder in folders:
        files = sorted(p for p in folder.iterdir()
                       if p.is_file() and not p.name.startswith(".") and p.name not in SKIP_NAMES)
        if files:
            yield folder, files
