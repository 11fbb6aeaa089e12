"""The copy index (duplicates.py) kept in the ledger's own tables, so adding one document reads
and writes only the rows it can change: its LSH band rows' neighbours, their shingles, and the
members of the groups it joins. Loading or saving the whole index on every ingest was what made
adding one article grow with the ledger.

Same decisions as :class:`duplicates.CopyIndex`: the LSH candidates are the documents sharing
one of the 28 band keys datasketch would compute for the same MinHash (each band's key is kept
as a 64-bit hash of band number and key bytes: a collision only adds a candidate, and every
candidate is verified exactly on shingles), and groups keep their earliest member as root
(smallest date, undated after dated, then insertion order, which is the documents' row order).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from dataclasses import dataclass

from datasketch import MinHashLSH

from .duplicates import (LSH_THRESHOLD, MIN_CONTAINMENT, MIN_SHINGLES, NUM_PERM, SHINGLE_WORDS,
                         _pack, _unpack, is_copy, shingles, signature, union_rows)

# The band layout datasketch picks for this threshold and number of permutations.
_RANGES = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges


def band_keys(sig) -> list[int]:
    """One signed 64-bit key per LSH band of a MinHash signature."""
    out = []
    for i, (start, end) in enumerate(_RANGES):
        raw = bytes(sig.hashvalues[start:end].byteswap().data)
        h = hashlib.blake2b(i.to_bytes(2, "little") + raw, digest_size=8).digest()
        out.append(int.from_bytes(h, "little", signed=True))
    return out


@dataclass
class CopyStore:
    """The copy index over ``copy_docs`` and ``copy_bands``; the caller holds the transaction."""

    conn: sqlite3.Connection

    def __contains__(self, doc: str) -> bool:
        return self.conn.execute("SELECT 1 FROM copy_docs WHERE doc = ?", (doc,)).fetchone() is not None

    def root(self, doc: str) -> str:
        return self.conn.execute("SELECT root FROM copy_docs WHERE doc = ?", (doc,)).fetchone()[0]

    def duplicate_of(self, doc: str) -> str | None:
        r = self.root(doc)
        return None if r == doc else r

    def add(self, doc_id: int, doc: str, text: str, published: dt.date | None) -> str | None:
        """Index one document (``doc_id``: its row id, the insertion order) and return its
        ``duplicate_of``."""
        sh = shingles(text, SHINGLE_WORDS)
        keys = band_keys(signature(sh, NUM_PERM))
        cands = self._candidates(keys)
        matches = [c for c, other in cands if is_copy(sh, other, MIN_CONTAINMENT, MIN_SHINGLES)]
        pub = published.isoformat() if published else None
        self.conn.execute("INSERT INTO copy_docs (doc_id, doc, published, root, shingles) VALUES (?,?,?,?,?)",
                          (doc_id, doc, pub, doc, _pack(sh)))
        self.conn.executemany("INSERT INTO copy_bands (band, doc_id) VALUES (?, ?)", [(k, doc_id) for k in keys])
        for c in matches:
            self._union(doc, c)
        return self.duplicate_of(doc)

    def _candidates(self, keys: list[int]) -> list[tuple[str, frozenset[int]]]:
        rows = self.conn.execute(
            f"SELECT doc, shingles FROM copy_docs WHERE doc_id IN (SELECT doc_id FROM copy_bands "
            f"WHERE band IN ({','.join('?' * len(keys))})) ORDER BY doc_id", keys).fetchall()
        return [(r[0], _unpack(r[1])) for r in rows]

    def _union(self, a: str, b: str) -> None:
        union_rows(self.conn, "copy_docs", "root", self.root(a), self.root(b))

    def import_entries(self, entries, doc_ids: dict[str, int]) -> None:
        """Take in a copy index saved by an earlier version (``CopyIndex.entries()``)."""
        from datasketch import LeanMinHash
        for e in entries:
            keys = band_keys(LeanMinHash.deserialize(e.minhash))
            i = doc_ids[e.doc]
            self.conn.execute("INSERT INTO copy_docs (doc_id, doc, published, root, shingles) VALUES (?,?,?,?,?)",
                              (i, e.doc, e.published, e.root, e.shingles))
            self.conn.executemany("INSERT INTO copy_bands (band, doc_id) VALUES (?, ?)", [(k, i) for k in keys])

    def roots(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT doc, root FROM copy_docs")}

    def to_index(self):
        """The same index as an in-memory :class:`duplicates.CopyIndex` (tests, tools)."""
        from datasketch import LeanMinHash
        from .duplicates import CopyEntry, CopyIndex, _lean_bytes
        entries = []
        for r in self.conn.execute("SELECT doc, doc_id, published, root, shingles FROM copy_docs ORDER BY doc_id"):
            sh = _unpack(r[4])
            entries.append(CopyEntry(r[0], r[1], r[2], r[3], _lean_bytes(LeanMinHash(signature(sh, NUM_PERM))), r[4]))
        return CopyIndex.from_entries(CopyIndex().params, entries)
