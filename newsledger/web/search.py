"""Full-text search over the articles with SQLite FTS5.

The served ledger is opened read-only and its schema belongs to ``store.py``, so the index
cannot live in it. It is built here, in an in-memory SQLite database, from the ledger's lines
the first time a search is made, and again whenever documents were added since (their count
or highest id changed) — an ingest running beside ``serve`` is searchable on the next query.
One row per line of article text (page furniture left out), so a hit names the line and the
words, and the result links to the document page at them.

Cost: the index holds the articles' text once more plus FTS5's own tables, and building it
reads every document: a fraction of a second for hundreds of articles, a few seconds and tens of
megabytes for tens of thousands. Fine for ledgers of thousands of articles; a much larger
ledger would want the index built at ingest time in a file beside the ledger.
"""
from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from html import escape

# Words, or phrases in double quotes; a word ending in * matches as a prefix.
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)
# the snippet's markers: control characters no article line keeps (``_line_text`` blanks them)
OPEN, CLOSE = "\x02", "\x03"
SEARCHED_KINDS = ("title", "heading", "body")
MAX_HITS = 200


class BadQuery(ValueError):
    """A query with no word in it."""


@dataclass
class Hit:
    doc: str
    title: str
    outlet: str | None
    published: str | None
    start: int          # the matched words' offsets into documents.text, for the link
    end: int
    snippet_html: str   # escaped, the matched words in <mark>

    def as_dict(self) -> dict:
        from . import links
        return {"doc": self.doc, "title": self.title, "outlet": self.outlet, "published": self.published,
                "start": self.start, "end": self.end, "snippet_html": self.snippet_html,
                "href": links.phrase(self.doc, self.start, self.end)}


def fts_query(q: str) -> tuple[str, list[list[str]]]:
    """The user's words as an FTS5 expression every word of which is quoted, so no input is read
    as FTS5 syntax (a stray quote, AND, NEAR, a column filter); and the word groups, to find
    the words again in the line. All words must occur; "a phrase" must occur as written."""
    parts, groups = [], []
    for phrase, word in _TOKEN.findall(q):
        words = _WORD.findall(phrase if phrase else word)
        if not words:
            continue
        prefix = bool(word) and word.endswith("*") and len(words) == 1
        parts.append('"' + " ".join(words) + '"' + ("*" if prefix else ""))
        groups.append(words)
    if not parts:
        raise BadQuery("type a word to search for")
    return " ".join(parts), groups


def locate(line: str, groups: list[list[str]]) -> tuple[int, int] | None:
    """Where in ``line`` the first of the query's word groups occurs (its words in a row, any
    case, the last word as a prefix); None if the tokenizer matched what a regex cannot see."""
    for words in groups:
        rx = r"\b" + r"\W+".join(re.escape(w) for w in words)
        m = re.search(rx, line, re.I | re.UNICODE)
        if m:
            tail = re.match(r"\w*", line[m.end():])
            return m.start(), m.end() + (tail.end() if tail else 0)
    return None


def _line_text(text: str) -> str:
    return text.replace(OPEN, " ").replace(CLOSE, " ")


def snippet_html(snippet: str) -> str:
    return escape(snippet).replace(OPEN, "<mark>").replace(CLOSE, "</mark>")


class SearchIndex:
    """The FTS5 index of one ledger, kept in memory; thread-safe (one lock around it)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._version: tuple | None = None

    @staticmethod
    def version(conn: sqlite3.Connection) -> tuple:
        return tuple(conn.execute("SELECT count(*), max(id) FROM documents").fetchone())

    def _build(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        db = sqlite3.connect(":memory:", check_same_thread=False)
        # unicode61 folds case and, with remove_diacritics, accents: "Dueñas" is found by "duenas"
        db.execute("CREATE VIRTUAL TABLE lines USING fts5(body, doc UNINDEXED, start UNINDEXED, "
                   "tokenize = 'unicode61 remove_diacritics 2')")
        db.execute("CREATE TABLE docs (doc TEXT PRIMARY KEY, title TEXT, outlet TEXT, published TEXT)")
        from ..report.view import documents
        db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)",
                       [(d.doc, d.label, d.outlet, d.published) for d in documents(conn)])
        marks = ",".join("?" * len(SEARCHED_KINDS))
        for d in conn.execute("SELECT id, doc, text FROM documents"):
            text = d["text"] or ""
            spans = conn.execute(f'SELECT start, "end" FROM lines WHERE doc_id = ? AND kind IN ({marks}) '
                                 f'AND "end" > start ORDER BY start', (d["id"], *SEARCHED_KINDS)).fetchall()
            if not spans:  # a document stored without its lines: search it line by line of the text
                spans, pos = [], 0
                for line in text.split("\n"):
                    spans.append((pos, pos + len(line)))
                    pos += len(line) + 1
            seen: set[str] = set()
            rows = []
            for a, b in spans:
                line = text[a:b]
                # a headline given as metadata is also the text's first line: one hit, not two
                if line.strip() and line.strip() not in seen:
                    seen.add(line.strip())
                    rows.append((_line_text(line), d["doc"], a))
            db.executemany("INSERT INTO lines (body, doc, start) VALUES (?, ?, ?)", rows)
        db.commit()
        return db

    def _current(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        v = self.version(conn)
        if self._db is None or v != self._version:
            old, self._db, self._version = self._db, self._build(conn), v
            if old is not None:
                old.close()
        return self._db

    def search(self, conn: sqlite3.Connection, q: str, limit: int = 50) -> list[Hit]:
        """The lines holding every word of ``q``, best first (FTS5's bm25)."""
        expr, groups = fts_query(q)
        limit = max(1, min(limit, MAX_HITS))
        with self._lock:
            db = self._current(conn)
            rows = db.execute(
                f"SELECT l.doc, l.start, l.body, snippet(lines, 0, '{OPEN}', '{CLOSE}', '…', 24), "
                "d.title, d.outlet, d.published FROM lines l JOIN docs d ON d.doc = l.doc "
                "WHERE lines MATCH ? ORDER BY bm25(lines) LIMIT ?", (expr, limit)).fetchall()
        hits = []
        for doc, start, body, snip, title, outlet, published in rows:
            where = locate(body, groups) or (0, len(body))
            hits.append(Hit(doc, title or doc, outlet, published, start + where[0], start + where[1],
                            snippet_html(snip)))
        return hits


def page_body(q: str, hits: list[Hit] | None, error: str | None = None) -> str:
    from . import links
    form = ('<form class="search" method="get" action="/search">'
            f'<input type="search" name="q" id="q" value="{escape(q)}" placeholder="words or &quot;a phrase&quot;" '
            'aria-label="search the articles"><button type="submit" id="go">Search</button></form>')
    parts = ["<h1>Search the articles</h1>", form,
             '<p class="hint">Every word must occur in one line; put a phrase in double quotes; '
             'end a word with * to match its beginning. Case and accents are ignored.</p>']
    if error:
        parts.append(f'<p class="empty">{escape(error)}</p>')
    elif hits is not None:
        parts.append(f'<p class="sub"><b id="hit-count">{len(hits)}</b> line{"s" if len(hits) != 1 else ""} found</p>')
        items = []
        for h in hits:
            meta = " · ".join(escape(x) for x in (h.outlet or "", h.published or "") if x)
            items.append(f'<li class="hit"><a class="doc" href="{escape(links.phrase(h.doc, h.start, h.end))}">'
                         f'{escape(h.title)}</a> <span class="note">{meta}</span>'
                         f'<div class="snippet">{h.snippet_html}</div></li>')
        parts.append(f'<ol class="hits">{"".join(items)}</ol>' if items else
                     '<p class="empty">No line of any article holds all these words.</p>')
    return "".join(parts)
