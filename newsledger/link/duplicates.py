"""Copies: syndicated, retitled, shortened or lightly edited versions of one article.

Incremental: :class:`CopyIndex` takes documents one at a time. A new document is compared
only with the candidates that MinHash LSH (datasketch) returns for it, then each candidate is
verified exactly on word shingles. Verified copy links are kept as a union-find forest, so a
chain of copies (A -> B -> C, C no longer close to A) is one group, and every member's
``duplicate_of`` is the group's earliest document: smallest ``published`` date, undated
documents after dated ones, ties broken by insertion order. Because LSH banding and the
verification are both symmetric, the groups do not depend on the order documents arrive in;
only the choice of root among equal dates does.

Persistence
-----------
The store keeps one :class:`CopyEntry` per document (``CopyIndex.entries()``), e.g. in a table
``copies(doc TEXT PRIMARY KEY, seq INTEGER, published TEXT, root TEXT, minhash BLOB,
shingles BLOB)``, plus the index parameters (``CopyIndex.params``; they must not change
between runs, or signatures stop being comparable). ``CopyIndex.from_entries(params,
entries)`` rebuilds the LSH tables from the saved signatures (no text needed), and the next
``add`` continues as if nothing had stopped. ``to_state()``/``from_state()`` wrap the same
data as one dict for callers that would rather keep a single blob.

``minhash`` is a serialised ``datasketch.LeanMinHash`` (~0.5 kB at 128 permutations);
``shingles`` is the sorted array of 32-bit shingle hashes (4 bytes per word of text), kept so
that verification is exact without re-reading the candidate's text.

Thresholds (measured by ``benchmarks/copies.py``, numbers in benchmarks/results/copies.json)
--------------------------------------------------------------------------------------------
See the constants below; each comment says what the measurement showed.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from array import array
from dataclasses import dataclass

from datasketch import LeanMinHash, MinHash, MinHashLSH

# Numbers below are from benchmarks/copies.py (results/copies.json, "sweep").
#
# Word 5-grams: long enough that two outlets telling one event rarely share one outside a
# quotation (BASIL same-event pairs: median containment 0.02, max 0.34), short enough that
# one edited word spoils only five shingles (5% of words edited keeps containment ~0.75).
SHINGLE_WORDS = 5
NUM_PERM = 128
# LSH recall target on Jaccard. A copy cut to 40% of its source has Jaccard ~0.4 with it
# although the source contains all of it, so the net must be wide: at 0.3 (b=37, r=3) a
# J=0.4 pair is a candidate 91% of the time and truncated copies were found at 88%; at 0.2
# (b=28, r=2) 99%, and near-copy F1 went 0.985 -> 0.997 for 3.4 instead of 3.0 candidates
# per document on the near-copy set (0.1 per document on BBC). Verification is exact, so the
# wider net costs time, never precision.
LSH_THRESHOLD = 0.2
# Share of the shorter text's shingles found in the longer one. Gold near-copy pairs: 5th
# percentile 0.62, and 0.5 and 0.4 give the same recall; 0.7 loses 12% of it (edits plus
# reordering). BASIL same-event pairs from different outlets top out at 0.34 and at 0.3 two of
# them became copies; 0.5 leaves a margin on both sides.
MIN_CONTAINMENT = 0.5
# Below this many shingles (~ two sentences) a text is too short to call a copy by overlap
# alone: a one-paragraph brief quoting a longer story would be "contained" in it.
MIN_SHINGLES = 20

_TOKEN = re.compile(r"\w+", re.UNICODE)
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                       "\u2013": "-", "\u2014": "-"})


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; punctuation, quotes and spacing differences vanish."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD).lower()
    return _TOKEN.findall(text)


def _h32(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "little")


def shingles(text: str, k: int = SHINGLE_WORDS) -> frozenset[int]:
    """32-bit hashes of the word k-grams of ``text`` (a text shorter than k is one shingle)."""
    toks = tokens(text)
    if not toks:
        return frozenset()
    if len(toks) < k:
        return frozenset((_h32(" ".join(toks)),))
    return frozenset(_h32(" ".join(toks[i:i + k])) for i in range(len(toks) - k + 1))


def signature(sh: frozenset[int], num_perm: int = NUM_PERM, seed: int = 1) -> LeanMinHash:
    """MinHash of a shingle set; shingles are already 32-bit hashes, so hash them no further."""
    m = MinHash(num_perm=num_perm, seed=seed, hashfunc=int)
    if sh:
        m.update_batch(list(sh))
    return LeanMinHash(m)


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """|a & b| / min(|a|, |b|): how much of the shorter text the longer one holds."""
    if not a or not b:
        return 0.0
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return sum(1 for x in small if x in big) / len(small)


def is_copy(a: frozenset[int], b: frozenset[int], min_containment: float = MIN_CONTAINMENT,
            min_shingles: int = MIN_SHINGLES) -> bool:
    """The verification pass: symmetric, exact, on shingle sets."""
    if a == b and a:
        return True
    if min(len(a), len(b)) < min_shingles:
        return False
    return containment(a, b) >= min_containment


# Above this share of shared 5-word shingles both ways, a copy is the same text give or take a
# line of furniture: an exact copy. Below it, the copy was edited (cut, reordered, retitled,
# reworded in places) but still shares long runs of words with its original.
EXACT_JACCARD = 0.9


def copy_kind(copy_text: str, original_text: str) -> str:
    """``exact``, ``edited`` or ``rewrite``: how far a document found to copy another departs
    from it — the same text give or take furniture; long runs of words shared (cut, reordered,
    retitled, lightly reworded); or reworded throughout (link/rewrites.py found it)."""
    a, b = shingles(copy_text), shingles(original_text)
    if a and b and len(a & b) / len(a | b) >= EXACT_JACCARD:
        return "exact"
    return "edited" if is_copy(a, b) else "rewrite"


def _pack(sh: frozenset[int]) -> bytes:
    return array("I", sorted(sh)).tobytes()


def _unpack(b: bytes) -> frozenset[int]:
    a = array("I")
    a.frombytes(b)
    return frozenset(a)


def _lean_bytes(m: LeanMinHash) -> bytes:
    buf = bytearray(m.bytesize())
    m.serialize(buf)
    return bytes(buf)


def union_rows(conn, table: str, group: str, ra: str, rb: str) -> None:
    """EarliestFirstGroups.union over a table of documents (``doc``, ``published``, ``doc_id`` and
    the ``group`` column naming each one's root), for the copy and story stores: the later root's
    members move to the earlier root, and every moved document and the root are queued in
    ``link_pending``. ``ra`` and ``rb`` are roots; ``table`` and ``group`` are the stores' own names."""
    if ra == rb:
        return
    ka, kb = (conn.execute(f"SELECT published, doc_id FROM {table} WHERE doc = ?", (r,)).fetchone() for r in (ra, rb))

    def order(published: str | None, seq: int) -> tuple:
        return EarliestFirstGroups.order_key(dt.date.fromisoformat(published) if published else None, seq)

    new, old = (ra, rb) if order(*ka) <= order(*kb) else (rb, ra)
    moved = [r[0] for r in conn.execute(f"SELECT doc FROM {table} WHERE {group} = ?", (old,))]
    conn.execute(f"UPDATE {table} SET {group} = ? WHERE {group} = ?", (new, old))
    # kept in the ledger, not in this process: another writer's link step must see it too
    conn.executemany("INSERT OR IGNORE INTO link_pending (doc) VALUES (?)", [(d,) for d in moved + [new]])


class EarliestFirstGroups:
    """Union-find whose root is always the earliest member: smallest date, undated after
    dated, then insertion order. Trees are kept flat, so ``root`` is one lookup; a merge
    re-points every member of the later group, and ``changed`` records them for the caller
    (the store must rewrite those rows). Shared by copies and stories."""

    def __init__(self):
        self._key: dict[str, tuple] = {}
        self._root: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}   # on roots only
        self.changed: set[str] = set()

    @staticmethod
    def order_key(published: dt.date | None, seq: int) -> tuple:
        # Undated documents sort after dated ones: a dated version is the better original.
        return (published is None, published or dt.date.min, seq)

    def __contains__(self, item: str) -> bool:
        return item in self._root

    def add(self, item: str, published: dt.date | None, seq: int) -> None:
        self._key[item] = self.order_key(published, seq)
        self._root[item] = item
        self._members[item] = [item]

    def root(self, item: str) -> str:
        return self._root[item]

    def members(self, item: str) -> list[str]:
        return list(self._members[self._root[item]])

    def groups(self) -> list[list[str]]:
        return [list(m) for m in self._members.values()]

    def union(self, a: str, b: str) -> str:
        ra, rb = self._root[a], self._root[b]
        if ra == rb:
            return ra
        new, old = (ra, rb) if self._key[ra] <= self._key[rb] else (rb, ra)
        moved = self._members.pop(old)
        for m in moved:
            self._root[m] = new
        self._members[new] = sorted(self._members[new] + moved, key=self._key.__getitem__)
        self.changed.update(moved)
        self.changed.add(new)
        return new


@dataclass
class CopyEntry:
    """What the store keeps per document to resume the index."""

    doc: str
    seq: int                        # insertion order, the tie-break between equal dates
    published: str | None           # ISO date or None
    root: str                       # the group's earliest document (itself when original)
    minhash: bytes                  # serialised LeanMinHash
    shingles: bytes                 # sorted uint32 shingle hashes


@dataclass
class _Doc:
    seq: int
    published: dt.date | None
    shingles: frozenset[int]
    minhash: LeanMinHash


class CopyIndex:
    """Incremental copy detection; see the module docstring."""

    def __init__(self, num_perm: int = NUM_PERM, lsh_threshold: float = LSH_THRESHOLD,
                 min_containment: float = MIN_CONTAINMENT, min_shingles: int = MIN_SHINGLES,
                 shingle_words: int = SHINGLE_WORDS):
        self.params = {"num_perm": num_perm, "lsh_threshold": lsh_threshold,
                       "min_containment": min_containment, "min_shingles": min_shingles,
                       "shingle_words": shingle_words}
        self._lsh = MinHashLSH(threshold=lsh_threshold, num_perm=num_perm)
        self._docs: dict[str, _Doc] = {}
        self._groups = EarliestFirstGroups()
        self._next_seq = 0
        self.stats = {"added": 0, "candidates": 0, "copies": 0}  # cost, for the benchmark

    # -- queries ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc: str) -> bool:
        return doc in self._docs

    @property
    def changed(self) -> set[str]:
        """Documents whose ``duplicate_of`` moved since the caller last cleared this set."""
        return self._groups.changed

    def root(self, doc: str) -> str:
        return self._groups.root(doc)

    def duplicate_of(self, doc: str) -> str | None:
        r = self.root(doc)
        return None if r == doc else r

    def groups(self) -> list[list[str]]:
        """Copy groups of two or more documents, earliest first."""
        return [g for g in self._groups.groups() if len(g) > 1]

    def candidates(self, text: str) -> list[str]:
        return self._lsh.query(signature(self._shingles(text), self.params["num_perm"]))

    # -- updates ---------------------------------------------------------------------------
    def add(self, doc: str, text: str, published: dt.date | None = None) -> str | None:
        """Index one document and return its ``duplicate_of`` (None for an original).

        When the new document is earlier than the group it joins, it becomes the root and the
        others' ``duplicate_of`` move to it; ``self.changed`` collects every such document.
        """
        if doc in self._docs:
            raise ValueError(f"document {doc!r} is already indexed")
        sh = self._shingles(text)
        return self._insert(doc, self._next_seq, published, sh,
                            signature(sh, self.params["num_perm"]))

    def _shingles(self, text: str) -> frozenset[int]:
        return shingles(text, self.params["shingle_words"])

    def _insert(self, doc, seq, published, sh, mh, link: bool = True) -> str | None:
        me = _Doc(seq, published, sh, mh)
        self._next_seq = max(self._next_seq, seq + 1)
        matches = []
        if link:
            cands = self._lsh.query(mh)
            matches = [c for c in cands
                       if is_copy(sh, self._docs[c].shingles, self.params["min_containment"],
                                  self.params["min_shingles"])]
            self.stats["added"] += 1
            self.stats["candidates"] += len(cands)
            self.stats["copies"] += bool(matches)
        self._docs[doc] = me
        self._groups.add(doc, published, seq)
        self._lsh.insert(doc, mh, check_duplication=False)
        for c in matches:
            self._groups.union(doc, c)
        return self.duplicate_of(doc)

    # -- persistence -----------------------------------------------------------------------
    def entries(self) -> list[CopyEntry]:
        return [CopyEntry(k, d.seq, d.published.isoformat() if d.published else None,
                          self.root(k), _lean_bytes(d.minhash), _pack(d.shingles))
                for k, d in sorted(self._docs.items(), key=lambda kv: kv[1].seq)]

    @classmethod
    def from_entries(cls, params: dict, entries) -> "CopyIndex":
        idx = cls(**params)
        entries = sorted(entries, key=lambda e: e.seq)
        for e in entries:
            pub = dt.date.fromisoformat(e.published) if e.published else None
            idx._insert(e.doc, e.seq, pub, _unpack(e.shingles),
                        LeanMinHash.deserialize(e.minhash), link=False)
        for e in entries:             # the saved groups, without re-verifying
            if e.root != e.doc:
                idx._groups.union(e.doc, e.root)
        idx.changed.clear()
        return idx

    def to_state(self) -> dict:
        return {"params": dict(self.params), "entries": [vars(e) for e in self.entries()]}

    @classmethod
    def from_state(cls, state: dict) -> "CopyIndex":
        return cls.from_entries(state["params"], [CopyEntry(**e) for e in state["entries"]])
