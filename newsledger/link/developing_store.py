"""Developing stories (developing.py) kept up to date from keyed rows, so adding an article
recomputes only the developing stories it can change.

What joins two documents is kept per document in tables indexed by what they are joined on:
the dated claims each reports (``dev_claims``), the (named source, party) pairs it quotes
(``dev_sources``) and the places its lead names (``dev_places``, with ``dev_place_counts``
saying how many dated leads name each place). When some documents' joins may have changed
(``affected``: new documents, documents whose word-story, claims or speakers' names changed,
documents naming a place that became or stopped being too common to join on), the part of the
ledger to recompute is every document connected to them, now or before (their old developing
stories' members): a closed part, in which ``developing_stories`` gives what it gives over the
whole ledger, given the whole ledger's place counts. Nothing outside it can have changed:
every join that appeared or vanished has an affected document at one end.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable

from .developing import (WINDOW_DAYS, StoryDoc, common_limit, developing_stories, event_lead,
                         join_keys, joins_on, window)
from .entities import side_of

_FACTS_SQL = (
    "SELECT f.doc_id, f.claim, f.measure, f.subject, k.bucket, sn.canonical FROM figures f "
    "JOIN documents d ON d.id = f.doc_id JOIN claims c ON c.claim = f.claim JOIN claim_keys k ON k.figure_id = f.id "
    "LEFT JOIN attributions a ON a.figure_id = f.id "
    "LEFT JOIN speaker_names sn ON sn.doc = d.doc AND sn.surface = a.speaker "
    "WHERE c.stated_on IS NOT NULL AND k.bucket NOT LIKE 'outlet:%'")
_DOCS_SQL = ("SELECT d.id, d.doc, d.story, d.published, l.word_story, l.kinds, l.main_place, l.places "
             "FROM documents d JOIN doc_links l ON l.doc_id = d.id")


def _in(items) -> str:
    return "(" + ",".join("?" * len(items)) + ")"


def _chunks(items: list, n: int = 500):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _select(conn: sqlite3.Connection, sql: str, among: str, ids: list[int] | None) -> list:
    """The rows of ``sql``, for every document or, chunked, for the documents ``ids`` (``among``
    is the clause that restricts it: " WHERE d.id IN ")."""
    if ids is None:
        return conn.execute(sql).fetchall()
    rows = []
    for part in _chunks(sorted(ids)):
        rows += conn.execute(sql + among + _in(part), part).fetchall()
    return rows


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def _docs(conn: sqlite3.Connection, ids: list[int] | None) -> tuple[dict[int, StoryDoc], dict[int, str]]:
    """StoryDocs (without claims and sources) and their current ``documents.story``."""
    rows = _select(conn, _DOCS_SQL, " WHERE d.id IN ", ids)
    docs, now = {}, {}
    for r in rows:
        d = docs[r[0]] = StoryDoc(r[1], r[4] or r[1], _date(r[3]), r[0])
        d.kinds, d.main_place, d.places = set(json.loads(r[5])), r[6], set(json.loads(r[7]))
        now[r[0]] = r[2]
    return docs, now


def _read_facts(conn: sqlite3.Connection, docs: dict[int, StoryDoc], ids: list[int] | None) -> None:
    """Each document's dated claims and (named source, party) pairs, from the linked rows."""
    rows = _select(conn, _FACTS_SQL, " AND f.doc_id IN ", ids)
    for i, claim, measure, subject, bucket, canonical in rows:
        d = docs[i]
        d.claims.add(claim)
        if bucket.startswith("name:") and measure not in {"money", "other"}:
            for side in side_of(subject or ""):
                d.sources.add((canonical, side))


def _write_facts(conn: sqlite3.Connection, docs: Iterable[StoryDoc]) -> None:
    """Replace the kept joins of ``docs``; only dated documents join on claims, sources and places."""
    docs = list(docs)
    ids = [d.seq for d in docs]
    for part in _chunks(ids):
        for table in ("dev_claims", "dev_sources"):
            conn.execute(f"DELETE FROM {table} WHERE doc_id IN {_in(part)}", part)
    dated = [d for d in docs if d.published is not None]
    conn.executemany("INSERT INTO dev_claims (claim, doc_id) VALUES (?, ?)",
                     [(c, d.seq) for d in dated for c in sorted(d.claims)])
    conn.executemany("INSERT INTO dev_sources (source, side, published, doc_id) VALUES (?, ?, ?, ?)",
                     [(s, side, d.published.isoformat(), d.seq) for d in dated for s, side in sorted(d.sources, key=repr)])


def _add_places(conn: sqlite3.Connection, docs: Iterable[StoryDoc]) -> None:
    for d in docs:
        if not event_lead(d):
            continue
        conn.executemany("INSERT INTO dev_places (place, published, doc_id) VALUES (?, ?, ?)",
                         [(p, d.published.isoformat(), d.seq) for p in sorted(join_keys(d))])
        conn.executemany("INSERT INTO dev_place_counts (place, n) VALUES (?, 1) "
                         "ON CONFLICT(place) DO UPDATE SET n = n + 1", [(p,) for p in sorted(join_keys(d))])


def _dated_total(conn: sqlite3.Connection, added: int | None = None) -> int:
    """The number of dated documents, kept in ``link_state`` so an update adds its new ones
    instead of counting the ledger again (counted when there is no kept number, or ``added`` is None)."""
    row = conn.execute("SELECT state FROM link_state WHERE name = 'dated_documents'").fetchone()
    if row is None or added is None:
        n = conn.execute("SELECT COUNT(*) FROM documents WHERE published IS NOT NULL").fetchone()[0]
    else:
        n = json.loads(row[0])["n"] + added
    conn.execute("INSERT OR REPLACE INTO link_state (name, state) VALUES ('dated_documents', ?)",
                 (json.dumps({"n": n}),))
    return n


def _apply(conn: sqlite3.Connection, merged: dict[str, str], now: dict[str, str | None]) -> None:
    for doc, story in merged.items():
        if story != now[doc]:
            conn.execute("UPDATE documents SET story = ? WHERE doc = ?", (story, doc))


def rebuild(conn: sqlite3.Connection) -> None:
    """Every developing story and every kept join, from the linked rows (a full relink)."""
    for table in ("dev_claims", "dev_sources", "dev_places", "dev_place_counts"):
        conn.execute(f"DELETE FROM {table}")
    docs, now = _docs(conn, None)
    _read_facts(conn, docs, None)
    _write_facts(conn, docs.values())
    _add_places(conn, docs.values())
    _dated_total(conn)
    merged = developing_stories(list(docs.values()))
    _apply(conn, merged, {d.doc: now[i] for i, d in docs.items()})


def update(conn: sqlite3.Connection, affected: set[int], new: set[int]) -> None:
    """Bring developing stories up to date after the documents ``new`` were added and the joins
    of ``affected`` (which holds ``new``) may have changed; see the module docstring."""
    docs, now = _docs(conn, list(affected))
    _read_facts(conn, docs, list(affected))
    _write_facts(conn, docs.values())
    dated_new = [d for i, d in docs.items() if i in new and d.published is not None]
    total = _dated_total(conn, len(dated_new))
    before, after = common_limit(total - len(dated_new)), common_limit(total)
    added = Counter(p for d in dated_new if event_lead(d) for p in join_keys(d))
    _add_places(conn, (d for i, d in docs.items() if i in new))
    # places that crossed the line of "too common to join on" change joins wherever they are named
    crossing = {r[0] for r in conn.execute("SELECT place FROM dev_place_counts WHERE n > ? AND n <= ?",
                                           (before, after + len(dated_new)))} | set(added)
    counts = _place_counts(conn, crossing)
    flipped = [p for p in sorted(crossing) if (counts.get(p, 0) - added[p] > before) != (counts.get(p, 0) > after)]
    for p in flipped:
        affected |= {r[0] for r in conn.execute("SELECT doc_id FROM dev_places WHERE place = ?", (p,))}
    # the part to recompute: the affected documents, their old stories' members, and everything
    # joined to any of them now
    olds: set[str] = set()
    for part in _chunks(sorted(affected)):
        olds |= {r[0] for r in conn.execute(f"SELECT story FROM documents WHERE id IN {_in(part)}", part) if r[0]}
    todo = set(affected)
    for part in _chunks(sorted(olds)):
        todo |= {r[0] for r in conn.execute(f"SELECT id FROM documents WHERE story IN {_in(part)}", part)}
    region: dict[int, StoryDoc] = {}
    stories_now: dict[int, str | None] = {}
    while todo:
        batch = sorted(todo - set(region))
        todo = set()
        if not batch:
            break
        got, cur = _docs(conn, batch)
        _read_facts(conn, got, batch)
        region.update(got)
        stories_now.update(cur)
        todo = _neighbours(conn, list(got.values()), total) - set(region)
    share = _place_counts(conn, {p for d in region.values() for p in join_keys(d)})
    merged = developing_stories(list(region.values()), Counter(share), total)
    _apply(conn, merged, {d.doc: stories_now[i] for i, d in region.items()})


def _place_counts(conn: sqlite3.Connection, places: set[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in _chunks(sorted(places)):
        out.update(conn.execute(f"SELECT place, n FROM dev_place_counts WHERE place IN {_in(part)}", part).fetchall())
    return out


def _neighbours(conn: sqlite3.Connection, docs: list[StoryDoc], total: int) -> set[int]:
    """Every document joined to one of ``docs`` (developing.developing_stories' joins)."""
    out: set[int] = set()
    stories = sorted({d.story for d in docs})
    for part in _chunks(stories):
        out |= {r[0] for r in conn.execute(f"SELECT doc_id FROM doc_links WHERE word_story IN {_in(part)} "
                                           f"OR (word_story IS NULL AND doc IN {_in(part)})", part + part)}
    claims = sorted({c for d in docs if d.published is not None for c in d.claims})
    for part in _chunks(claims):
        out |= {r[0] for r in conn.execute(f"SELECT doc_id FROM dev_claims WHERE claim IN {_in(part)}", part)}
    limit = common_limit(total)
    counts = _place_counts(conn, {p for d in docs if event_lead(d) for p in join_keys(d)})
    for d in docs:
        if d.published is None:
            continue
        for source, side in d.sources:
            lo, hi = d.published - dt.timedelta(days=WINDOW_DAYS), d.published + dt.timedelta(days=WINDOW_DAYS)
            out |= {r[0] for r in conn.execute(
                "SELECT doc_id FROM dev_sources WHERE source IS ? AND side = ? AND published BETWEEN ? AND ?",
                (source, side, lo.isoformat(), hi.isoformat()))}
        if not event_lead(d):
            continue
        for place in sorted(join_keys(d)):
            if counts.get(place, 0) > limit:
                continue
            span = dt.timedelta(days=window(place))
            for i, main, kinds in conn.execute(
                    "SELECT p.doc_id, l.main_place, l.kinds FROM dev_places p JOIN doc_links l ON l.doc_id = p.doc_id "
                    "WHERE p.place = ? AND p.published BETWEEN ? AND ?",
                    (place, (d.published - span).isoformat(), (d.published + span).isoformat())):
                if joins_on(place, d.main_place, main, d.kinds, set(json.loads(kinds))):
                    out.add(i)
    return out
