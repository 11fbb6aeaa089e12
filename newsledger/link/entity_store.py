"""The entity index (entities.py) for adding a few documents to a big ledger, without loading or
saving every name the ledger holds.

A person's canonical name depends only on the observations of the surname keys in its block
component (keys joined by ``fuzzy_neighbours``, transitively). So the index an ingest needs is
the observations (``entity_aliases`` rows) of the component closure of the new documents' keys
over every key the ledger knows (``entity_skeys``, looked up by bigram: ``_prefix``). Every name whose canonical form the new
observations can change lies in that closure, and is answered exactly by it.

Organisations are kept as rows of ``org_state``, one per record (by key), per acronym, per word
(the keys having it) and per acronym's links, each read the first time the index asks for it
(``OrgState``), so an ingest reads the organisations its names lead to and writes back those.
Which organisation and anonymous-source names to resolve again is told by what their last
answers read (``org_name_deps``, below).
"""
from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
from collections import Counter
from collections.abc import Iterable

from .entities import AliasRow, EntityIndex, _kind, fuzzy_neighbours, org_token, parse_person

ORGS_BLOB = "entities.orgs"


def person_skey(surface: str, kind: str | None, link: str | None = None) -> str | None:
    """The surname key a person's canonical name is resolved under (None: not a person)."""
    if _kind(kind, surface, link) != "PERSON":
        return None
    p = parse_person(link or surface)
    return p.surname_key if p else None


def _in(items) -> str:
    return "(" + ",".join("?" * len(items)) + ")"


def _chunks(items: list, n: int = 500):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def remember_keys(conn: sqlite3.Connection, keys: Iterable[str | None]) -> None:
    """Keep surname keys the ledger did not know, each with the bigrams it is found under."""
    for k in sorted({k for k in keys if k}):
        if conn.execute("SELECT 1 FROM entity_skeys WHERE skey = ?", (k,)).fetchone() is not None:
            continue
        prefix = _prefix(k)
        conn.execute("INSERT INTO entity_skeys (skey, len, grams) VALUES (?, ?, ?)", (k, len(k), int(prefix is not None)))
        conn.executemany("INSERT INTO entity_skey_grams (gram, skey) VALUES (?, ?)", [(g, k) for g in prefix or ()])


def _band(n: int) -> tuple[int, int]:
    # fuzz.ratio >= 88 needs 2 * min / (sum of lengths) >= 0.88: lengths within 27% of each other
    return int(n * 0.88 / 1.12), int(n * 1.12 / 0.88) + 1


# Fuzzy neighbours share bigrams. fuzz.ratio >= 88 means an insert/delete distance d of at most
# 12% of the two lengths together; each deleted letter breaks at most two of a key's bigrams and
# each inserted one at most one, so two neighbours of lengths la, lb share at least
# max(la, lb) - 1 - 2 * dmax of their bigrams (counted with repeats: "ab" twice is "ab1", "ab2").
# Two sets sharing t elements meet in their first |set| - t + 1 elements under any fixed order
# (prefix filtering), so a key is indexed under that many of its bigrams, t being the least
# it can share with a neighbour of any length, and a new key looks up all of its own.

def _grams(key: str) -> list[str]:
    seen: Counter = Counter()
    out = []
    for i in range(len(key) - 1):
        g = key[i:i + 2]
        seen[g] += 1
        out.append(f"{g}{seen[g]}")
    return sorted(out, key=lambda g: hashlib.blake2b(g.encode(), digest_size=4).digest())


def _shared_at_least(la: int, lb: int) -> int:
    return max(la, lb) - 1 - 2 * ((12 * (la + lb)) // 100)


def _prefix(key: str) -> list[str] | None:
    """The bigrams ``key`` is indexed under; None when a neighbour might share none (then it
    is found by scanning the keys of its length)."""
    n = len(key)
    lo, hi = _band(n)
    partners = [m for m in range(max(lo, 2), hi + 1) if max(n, m) >= 5]
    if not partners:
        return []          # too short to be anyone's fuzzy neighbour
    need = min(_shared_at_least(n, m) for m in partners)
    if need < 1:
        return None
    grams = _grams(key)
    return grams[:len(grams) - need + 1]


def _candidates(conn: sqlite3.Connection, key: str) -> set[str]:
    """Every key that can be a fuzzy neighbour of ``key`` (a superset)."""
    grams = _grams(key)
    out = set()
    for part in _chunks(grams):
        out |= {r[0] for r in conn.execute(f"SELECT skey FROM entity_skey_grams WHERE gram IN {_in(part)}", part)}
    lo, hi = _band(len(key))
    out |= {r[0] for r in conn.execute("SELECT skey FROM entity_skeys WHERE grams = 0 AND len BETWEEN ? AND ?", (lo, hi))}
    return out


def closure(conn: sqlite3.Connection, keys: Iterable[str]) -> set[str]:
    """``keys`` and every key joined to them through fuzzy neighbours."""
    out: set[str] = set()
    todo = {k for k in keys if k}
    while todo:
        out |= todo
        found = set()
        for k in todo:
            if len(k) >= 4:
                found |= {m for m in _candidates(conn, k) if fuzzy_neighbours(k, m)}
        todo = found - out
    return out


def load(conn: sqlite3.Connection, keys: set[str]) -> EntityIndex | None:
    """The index of the people under ``keys`` (a closure) and of the organisations, read as
    asked for (``OrgState``); None when the ledger keeps no organisation state (linked by an
    older version)."""
    _take_in_blob(conn)
    if conn.execute("SELECT 1 FROM link_state WHERE name = 'org_state'").fetchone() is None:
        return None
    rows = []
    for part in _chunks(sorted(keys)):
        rows += conn.execute("SELECT alias, kind, role, link, doc, count FROM entity_aliases "
                             f"WHERE skey IN {_in(part)}", part).fetchall()
    index = EntityIndex.from_rows(AliasRow("", r[1], r[0], r[2] or None, r[3] or None, r[4] or None, r[5])
                                  for r in sorted(rows, key=lambda r: (r[4], r[0], r[1], r[2], r[3])))
    index.set_org_state(tuple(OrgState(conn, kind, factory) for kind, factory in _ORG_PARTS))
    return index


def save(conn: sqlite3.Connection, index: EntityIndex) -> None:
    """Write the organisation state back: the entries read (the only ones that can have
    changed), or all of it for an index built whole (a full relink)."""
    parts = index.org_state()
    if all(isinstance(p, OrgState) for p in parts):
        for p in parts:
            p.write()
        return
    conn.execute("DELETE FROM org_state")
    for (kind, _), part in zip(_ORG_PARTS, parts):
        _write(conn, kind, part.items())
    conn.execute("INSERT OR REPLACE INTO link_state (name, state) VALUES ('org_state', '{}')")


# The organisation part of EntityIndex (``org_state()``): records by key, keys by acronym, keys
# by word, links by acronym, each with what a missing entry starts as.
_ORG_PARTS = (("o", None), ("a", set), ("w", set), ("l", Counter))


def _write(conn: sqlite3.Connection, kind: str, items) -> None:
    conn.executemany("INSERT OR REPLACE INTO org_state (token, data) VALUES (?, ?)",
                     [(org_token(kind, k), pickle.dumps((k, v), protocol=pickle.HIGHEST_PROTOCOL)) for k, v in items])


class OrgState(dict):
    """One part of the organisation state, each entry read from ``org_state`` the first time it
    is asked for, so an ingest reads the organisations its names touch and not the others.
    Behaves as the dict (``None`` factory) or defaultdict it stands for, for the operations
    EntityIndex uses on it."""

    def __init__(self, conn: sqlite3.Connection, kind: str, factory):
        super().__init__()
        self.conn, self.kind, self.factory = conn, kind, factory
        self.absent: set = set()

    def _fetch(self, key) -> bool:
        if dict.__contains__(self, key):
            return True
        if key in self.absent:
            return False
        row = self.conn.execute("SELECT data FROM org_state WHERE token = ?", (org_token(self.kind, key),)).fetchone()
        if row is None:
            self.absent.add(key)
            return False
        dict.__setitem__(self, key, pickle.loads(row[0])[1])
        return True

    def __contains__(self, key) -> bool:
        return self._fetch(key)

    def get(self, key, default=None):
        return dict.__getitem__(self, key) if self._fetch(key) else default

    def __getitem__(self, key):
        if not self._fetch(key):
            if self.factory is None:
                raise KeyError(key)
            dict.__setitem__(self, key, self.factory())
        return dict.__getitem__(self, key)

    def __setitem__(self, key, value) -> None:
        self.absent.discard(key)
        dict.__setitem__(self, key, value)

    def write(self) -> None:
        _write(self.conn, self.kind, dict.items(self))


def _take_in_blob(conn: sqlite3.Connection) -> None:
    """A ledger that kept the organisation state as one pickle (schema 4) gets it as rows."""
    blob = conn.execute("SELECT data FROM link_blobs WHERE name = ?", (ORGS_BLOB,)).fetchone()
    if blob is None:
        return
    for (kind, _), part in zip(_ORG_PARTS, pickle.loads(blob[0])):
        _write(conn, kind, part.items())
    conn.execute("INSERT OR REPLACE INTO link_state (name, state) VALUES ('org_state', '{}')")
    conn.execute("DELETE FROM link_blobs WHERE name = ?", (ORGS_BLOB,))


# -- organisations and anonymous sources ------------------------------------------------------
# A name that is not a person's ("s": a speaker's surface, kind and role; "a": an alias row's
# alias, kind, role and link) is resolved again only when organisation state its last answer
# read has changed: ``org_name_deps`` keeps the tokens each answer read (EntityIndex._org_event).

def _name_key(name: tuple) -> str:
    return json.dumps(list(name))


def names_reading(conn: sqlite3.Connection, tokens: set[str]) -> set[tuple]:
    """The names whose last answer read one of ``tokens``."""
    out: set[tuple] = set()
    for part in _chunks(sorted(tokens)):
        out |= {tuple(json.loads(r[0])) for r in conn.execute(
            f"SELECT DISTINCT name FROM org_name_deps WHERE token IN {_in(part)}", part)}
    return out


def resolve_names(conn: sqlite3.Connection, index: EntityIndex, names: Iterable[tuple]) -> list[tuple[tuple, str | None, str]]:
    """(name, its canonical form as last kept or None, its canonical form now) for each of
    ``names``, keeping what each answer read."""
    out = []
    for name in sorted(set(names), key=_name_key):
        key = _name_key(name)
        row = conn.execute("SELECT canonical FROM org_names WHERE name = ?", (key,)).fetchone()
        index.reads = set()
        if name[0] == "s":
            now = index.canonical(name[1], name[2], name[3])
        else:
            now = index.canonical(name[1], name[2], name[3] or None, name[4] or None)
        reads, index.reads = index.reads, None
        conn.execute("INSERT OR REPLACE INTO org_names (name, canonical) VALUES (?, ?)", (key, now))
        conn.execute("DELETE FROM org_name_deps WHERE name = ?", (key,))
        conn.executemany("INSERT INTO org_name_deps (token, name) VALUES (?, ?)", [(t, key) for t in sorted(reads)])
        out.append((name, row[0] if row else None, now))
    return out
