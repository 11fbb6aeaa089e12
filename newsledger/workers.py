"""The per-article analysis spread over worker processes, its results handed back in input order.

Analysis (spaCy and the extractors) is pure per article and is nearly all of an ingest's time;
storing and linking read and write the one ledger, so they stay in the calling process, the one
writer. Workers are started with ``spawn`` (a clean interpreter: no lock or thread of the caller,
such as a progress bar's, is inherited half-held) and load the model once each.
"""
from __future__ import annotations

import collections
import multiprocessing
import os
import pickle
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .model import Article

START_METHOD = "spawn"
# Chunks queued per worker: enough that no worker waits for the writer, few enough that memory
# holds a handful of chunks whatever the size of the input.
AHEAD = 2


def default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _start() -> None:
    from .nlp import ModelMissing, load

    try:
        load()
    except ModelMissing:
        pass  # raised again, with its message, by the first chunk analysed


def _work(chunk: list[Article]) -> list[tuple[Article, object]]:
    from .ledger import _analyse_chunk

    out = []
    for a, an in _analyse_chunk(chunk):
        if isinstance(an, Exception):
            try:
                pickle.dumps(an)
            except Exception:  # an exception that cannot cross to the writer: its text can
                an = RuntimeError(f"{type(an).__name__}: {an}")
        out.append((a, an))
    return out


def analysed(chunks: Iterable[list[Article]], jobs: int) -> Iterator[tuple[Article, object]]:
    """``ledger._analyse_chunk`` over ``chunks`` in ``jobs`` processes: each article with its
    analysis or the exception that stopped it, in input order. A worker that dies (killed, out
    of memory) costs only the article it died on: the pool is replaced and the rest redone."""
    pool = _pool(jobs)
    pending: collections.deque[tuple[list[Article], Future]] = collections.deque()
    try:
        for chunk in chunks:
            pending.append((chunk, _submit(pool, chunk)))
            while len(pending) > AHEAD * jobs:
                pool = yield from _take(pending, pool, jobs)
        while pending:
            pool = yield from _take(pending, pool, jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(START_METHOD),
                               initializer=_start)


def _submit(pool: ProcessPoolExecutor, chunk: list[Article]) -> Future:
    try:
        return pool.submit(_work, chunk)
    except BrokenProcessPool as e:
        failed: Future = Future()
        failed.set_exception(e)
        return failed


def _take(pending, pool: ProcessPoolExecutor, jobs: int):
    chunk, future = pending.popleft()
    try:
        results = future.result()
    except BrokenProcessPool:
        # some worker died, not necessarily on this chunk, and every chunk in hand is lost with
        # the pool. This one is redone an article at a time in a process of its own (nothing
        # else running there can kill it), so only an article that kills its worker again is
        # lost; then a new pool takes the chunks queued behind it.
        pool.shutdown(wait=False, cancel_futures=True)
        results = _one_by_one(chunk)
        pool = _pool(jobs)
        for n, (c, f) in enumerate(pending):
            if not (f.done() and not f.cancelled() and f.exception() is None):
                pending[n] = (c, _submit(pool, c))
    yield from results
    return pool


def _one_by_one(chunk: list[Article]) -> list[tuple[Article, object]]:
    out = []
    solo = _pool(1)
    try:
        for a in chunk:
            try:
                out += _submit(solo, [a]).result()
            except BrokenProcessPool as e:
                out.append((a, RuntimeError(f"the analysing process died ({e})")))
                solo.shutdown(wait=False, cancel_futures=True)
                solo = _pool(1)
    finally:
        solo.shutdown(wait=True)
    return out
