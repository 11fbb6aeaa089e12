"""Walk inputs and hand each to the reader for its kind."""
from __future__ import annotations

import inspect
import pathlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from ..model import Article, Problem
from .feeds import read_feed_file
from .fetch import FetchConfig, Fetcher
from .html import read_html_file
from .jsonarticle import read_json_file
from .jsonl import read_jsonl_file
from .language import detect_language
from .manifest import BadManifest, Meta, read_manifest
from .textfile import read_text_file
from .url import read_url
from .warc import read_warc_file


@dataclass
class ReadContext:
    """What a reader may need beyond its input: one fetcher per run, so connections are reused
    and the per-host rate limit holds across all inputs."""

    allow_private: bool = False
    fetch_config: FetchConfig | None = None
    _fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            config = replace(self.fetch_config or FetchConfig(), allow_private=self.allow_private)
            self._fetcher = Fetcher(config)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


# suffix (or "url") -> reader(input) or reader(input, ctx) -> Iterable[Article | Problem].
# Other modules register more kinds; a reader that fetches takes the ReadContext as well.
READERS: dict[str, Callable[..., Iterable[Article | Problem]]] = {
    ".txt": lambda p: [read_text_file(p)],
    ".text": lambda p: [read_text_file(p)],
    ".json": lambda p: [read_json_file(p)],
    ".html": lambda p: [read_html_file(p)],
    ".htm": lambda p: [read_html_file(p)],
    ".html.gz": lambda p: [read_html_file(p)],
    ".jsonl": read_jsonl_file,
    ".jsonl.gz": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".warc": read_warc_file,
    ".warc.gz": read_warc_file,
    ".rss": lambda p, ctx: read_feed_file(p, ctx.fetcher),
    ".atom": lambda p, ctx: read_feed_file(p, ctx.fetcher),
    ".xml": lambda p, ctx: read_feed_file(p, ctx.fetcher),
    "url": lambda u, ctx: read_url(u, ctx.fetcher),
}
SKIP_NAMES = {"manifest.csv"}


def _suffix(path: pathlib.Path) -> str:
    name = path.name.lower()
    for s in sorted(READERS, key=len, reverse=True):
        if s.startswith(".") and name.endswith(s):  # "url" is a kind of input, not a suffix
            return s
    return path.suffix.lower()


def _call(reader: Callable[..., Iterable[Article | Problem]], arg, ctx: ReadContext):
    try:
        takes_ctx = len(inspect.signature(reader).parameters) >= 2
    except (TypeError, ValueError):
        takes_ctx = False
    return reader(arg, ctx) if takes_ctx else reader(arg)


def _apply(article: Article, meta: Meta | None, published=None, outlet=None) -> Article:
    if article.language is None:
        # Every reader's articles get a language, so the pipeline can set non-English ones aside.
        article.language = detect_language(article.text)
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


def _read_file(path: pathlib.Path, meta: Meta | None, published, outlet,
               ctx: ReadContext) -> Iterator[Article | Problem]:
    reader = READERS.get(_suffix(path))
    if reader is None:
        reader = READERS[".txt"]  # unknown suffix: try it as text; the text reader says if it is not
    try:
        for item in _call(reader, path, ctx):
            yield _apply(item, meta, published, outlet) if isinstance(item, Article) else item
    except Exception as e:  # a reader bug must cost one input, not the run
        yield Problem(str(path), f"could not read: {type(e).__name__}: {e}")


def iter_articles(inputs: Iterable[str], published=None, outlet=None, *,
                  allow_private: bool = False,
                  fetch_config: FetchConfig | None = None) -> Iterator[Article | Problem]:
    """Yield an Article or a Problem for every input, in a stable order (folders sorted).

    ``allow_private`` lets URLs (given directly or found in feeds) reach loopback, private and
    link-local addresses, which are refused by default; ``fetch_config`` tunes timeouts, size
    cap and rate limit.
    """
    ctx = ReadContext(allow_private=allow_private, fetch_config=fetch_config)
    try:
        yield from _iter_inputs(inputs, published, outlet, ctx)
    finally:
        ctx.close()


def _iter_inputs(inputs: Iterable[str], published, outlet, ctx: ReadContext) -> Iterator[Article | Problem]:
    for raw in inputs:
        if raw.lower().startswith(("http://", "https://")):
            url_reader = READERS.get("url")
            if url_reader is None:
                yield Problem(raw, "URLs are not supported in this build")
                continue
            try:
                for item in _call(url_reader, raw, ctx):
                    yield _apply(item, None, published, outlet) if isinstance(item, Article) else item
            except Exception as e:  # a reader bug must cost one input, not the run
                yield Problem(raw, f"could not read: {type(e).__name__}: {e}")
            continue
        path = pathlib.Path(raw)
        if not path.exists():
            yield Problem(raw, "no such file or folder")
        elif path.is_dir():
            walked = list(_walk(path))
            ids = _doc_ids(path, [f for _, files in walked for f in files])
            for folder, files in walked:
                manifest = yield from _manifest(folder)
                for f in files:
                    for item in _read_file(f, manifest.get(f.name), published, outlet, ctx):
                        if isinstance(item, Article) and item.doc == _stem(f):
                            item.doc = ids[f]
                        yield item
        else:
            meta = (yield from _manifest(path.parent)).get(path.name)
            yield from _read_file(path, meta, published, outlet, ctx)


def _manifest(folder: pathlib.Path):
    """The folder's manifest; one that cannot be read is reported once, and its files are
    still read, without its metadata."""
    try:
        return read_manifest(folder)
    except BadManifest as e:
        yield Problem(str(folder / "manifest.csv"), str(e))
        return {}


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
