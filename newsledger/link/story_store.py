"""The story index (stories.py) kept in the ledger's own tables, so adding one document reads
only its terms' document frequencies, the postings of its heaviest terms within the time window,
the candidates' key terms, and the members of the stories it joins.

Same decisions as :class:`stories.StoryIndex`: document frequencies are updated before the new
document's key terms are chosen, candidates share ``MIN_SHARED`` of its ``INDEXED_TERMS``
heaviest terms within ``_max_days``, similarity is computed with the IDF of everything indexed so
far, and a story's id is its earliest document (insertion order is the documents' row order).
Postings carry the document's date so the window is an index range, not a scan of every
document that ever used a common word.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections import Counter
from dataclasses import dataclass

from .duplicates import union_rows
from .stories import (DECAY_DAYS, ENTITY_WEIGHT, INDEXED_TERMS, KEY_TERMS, LINK_THRESHOLD, MIN_SHARED,
                      UNDATED_DAYS, _Doc, _idf, _unit, content_terms, cosine, fallback_entities, key_terms,
                      normalise_entity)

# Beyond this gap even identical texts fall under the threshold (StoryIndex._max_days).
HORIZON_DAYS = DECAY_DAYS * math.log(1 / LINK_THRESHOLD)
# The number of documents indexed, kept as one more row of ``story_df`` (no term or "@entity"
# key starts with "#"), so it is updated in the same statement as the frequencies.
N_DOCS = "#documents"


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def _in(items) -> str:
    return "(" + ",".join("?" * len(items)) + ")"


def _chunks(items: list, n: int = 500):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _gap(pa: dt.date | None, pb: dt.date | None) -> float:
    return UNDATED_DAYS if pa is None or pb is None else abs((pa - pb).days)


@dataclass
class StoryStore:
    """The story index over ``story_docs``, ``story_postings`` and ``story_df``; the caller
    holds the transaction."""

    conn: sqlite3.Connection

    def __contains__(self, doc: str) -> bool:
        return self.conn.execute("SELECT 1 FROM story_docs WHERE doc = ?", (doc,)).fetchone() is not None

    def story(self, doc: str) -> str:
        return self.conn.execute("SELECT story FROM story_docs WHERE doc = ?", (doc,)).fetchone()[0]

    def n_docs(self) -> int:
        return self._df([N_DOCS]).get(N_DOCS, 0)

    def _df(self, terms) -> dict[str, int]:
        out: dict[str, int] = {}
        for part in _chunks(sorted(set(terms))):
            out.update(self.conn.execute(f"SELECT term, n FROM story_df WHERE term IN {_in(part)}", part).fetchall())
        return out

    def _bump(self, terms) -> None:
        self.conn.executemany("INSERT INTO story_df (term, n) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET n = n + 1",
                              [(t,) for t in terms])

    def add(self, doc_id: int, doc: str, text: str, published: dt.date | None = None,
            entities: list[str] | None = None, duplicate_of: str | None = None) -> str:
        """StoryIndex.add: index one document (``doc_id``: its row id) and return its story id."""
        terms = content_terms(text)
        if entities is None:
            entities = fallback_entities(text)
        ents = frozenset(k for e in entities for k in normalise_entity(e))
        # document frequencies first, so this document's own words count in its IDF
        self._bump([N_DOCS] + sorted(set(terms)) + ["@" + e for e in sorted(ents)])
        df = Counter(self._df(set(terms)))
        n = self.n_docs()
        me = _Doc(doc_id, published, key_terms(terms, df, n, KEY_TERMS), ents)
        matches = []
        if duplicate_of is None:
            cands = self._candidates(me)
            vocab = self._df({t for _, d in cands for t in d.terms} | set(me.terms)
                             | {"@" + e for _, d in cands for e in d.entities} | {"@" + e for e in ents})
            mine = _vectors(me, vocab, n)
            matches = [c for c, d in cands if _sim(mine, _vectors(d, vocab, n), me.published, d.published) >= LINK_THRESHOLD]
        pub = published.isoformat() if published else None
        self.conn.execute("INSERT INTO story_docs (doc_id, doc, published, story, terms, entities) VALUES (?,?,?,?,?,?)",
                          (doc_id, doc, pub, doc, json.dumps(me.terms), json.dumps(sorted(ents))))
        self.conn.executemany("INSERT INTO story_postings (term, published, doc_id) VALUES (?,?,?)",
                              [(t, pub, doc_id) for t in list(me.terms)[:INDEXED_TERMS]])
        if duplicate_of is not None and duplicate_of in self:
            matches = [duplicate_of]
        for c in matches:
            self._union(doc, c)
        return self.story(doc)

    def _candidates(self, me: _Doc) -> list[tuple[str, _Doc]]:
        keys = list(me.terms)[:INDEXED_TERMS]
        if me.published is None:
            where, window = "", ()
        else:
            span = dt.timedelta(days=math.floor(HORIZON_DAYS))
            where = " AND (published IS NULL OR published BETWEEN ? AND ?)"
            window = ((me.published - span).isoformat(), (me.published + span).isoformat())
        shared: Counter = Counter()
        for k in keys:
            shared.update(r[0] for r in self.conn.execute(
                "SELECT doc_id FROM story_postings WHERE term = ?" + where, (k, *window)))
        ids = sorted(i for i, c in shared.items() if c >= MIN_SHARED)
        out = []
        for part in _chunks(ids):
            for r in self.conn.execute(f"SELECT doc_id, doc, published, terms, entities FROM story_docs "
                                       f"WHERE doc_id IN {_in(part)}", part):
                d = _Doc(r[0], _date(r[2]), json.loads(r[3]), frozenset(json.loads(r[4])))
                if _gap(me.published, d.published) <= HORIZON_DAYS:
                    out.append((r[1], d))
        return sorted(out, key=lambda cd: cd[1].seq)

    def _union(self, a: str, b: str) -> None:
        union_rows(self.conn, "story_docs", "story", self.story(a), self.story(b))

    def import_entries(self, vocabulary: dict, entries, doc_ids: dict[str, int]) -> None:
        """Take in a story index saved by an earlier version (``StoryIndex.to_state()``)."""
        self.conn.executemany("INSERT OR REPLACE INTO story_df (term, n) VALUES (?, ?)",
                              [(N_DOCS, vocabulary["n_docs"]), *vocabulary["df"].items()])
        for e in entries:
            i = doc_ids[e.doc]
            self.conn.execute("INSERT INTO story_docs (doc_id, doc, published, story, terms, entities) VALUES (?,?,?,?,?,?)",
                              (i, e.doc, e.published, e.story, json.dumps(e.terms), json.dumps(sorted(e.entities))))
            self.conn.executemany("INSERT INTO story_postings (term, published, doc_id) VALUES (?,?,?)",
                                  [(t, e.published, i) for t in list(e.terms)[:INDEXED_TERMS]])

    def stories(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT doc, story FROM story_docs")}

    def to_index(self):
        """The same index as an in-memory :class:`stories.StoryIndex` (tests, tools)."""
        from .stories import StoryEntry, StoryIndex
        vocab = {"n_docs": self.n_docs(), "df": {t: n for t, n in self.conn.execute(
            "SELECT term, n FROM story_df WHERE term != ?", (N_DOCS,))}}
        entries = [StoryEntry(r[0], r[1], r[2], r[3], json.loads(r[4]), json.loads(r[5])) for r in self.conn.execute(
            "SELECT doc, doc_id, published, story, terms, entities FROM story_docs ORDER BY doc_id")]
        return StoryIndex.from_entries(StoryIndex().params, vocab, entries)


def _vectors(d: _Doc, df: dict[str, int], n: int) -> tuple[dict, dict]:
    """StoryIndex._vectors with the document frequencies read for this comparison."""
    tv = _unit({t: (1 + math.log(c)) * _idf(df.get(t, 0), n) for t, c in d.terms.items()})
    ev = _unit({e: _idf(df.get("@" + e, 0), n) for e in d.entities})
    return tv, ev


def _sim(va, vb, pa, pb) -> float:
    w = ENTITY_WEIGHT
    if not (va[1] and vb[1]):
        w = 0.0               # no entities on one side is no evidence against the link
    s = (1 - w) * cosine(va[0], vb[0]) + (w * cosine(va[1], vb[1]) if w else 0.0)
    return s * math.exp(-_gap(pa, pb) / DECAY_DAYS)
