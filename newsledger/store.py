"""The ledger in SQLite: a versioned schema, one transaction per article.

Migrations are a list of SQL scripts; ``PRAGMA user_version`` records how many have run, so an
older ledger is brought up to date when opened. Every extracted row keeps character offsets
into ``documents.text``, the original text, which is stored as read.

Several processes may write one ledger at once (ingests) while others read it (``serve``).
The journal is a write-ahead log, so readers never wait for a writer nor block its commit;
every write transaction starts with ``BEGIN IMMEDIATE``, so writers queue for the one write
lock before they read anything they decide on, and a writer kept waiting retries with backoff
until ``WRITE_WAIT_S`` has passed, then fails with ``LedgerBusy``.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
import pathlib
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .model import Article
from .pipeline import Analysis

MIGRATIONS = [
    # 1: the ledger
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        doc TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        source TEXT, kind TEXT, url TEXT, title TEXT, outlet TEXT,
        published TEXT, published_inferred INTEGER NOT NULL DEFAULT 0,
        language TEXT, text TEXT NOT NULL, html TEXT, body TEXT NOT NULL,
        skipped TEXT,
        duplicate_of TEXT, story TEXT,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE lines (
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind TEXT NOT NULL
    );
    CREATE TABLE mentions_entity (
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        text TEXT NOT NULL, label TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
    );
    CREATE TABLE speakers (
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        name TEXT NOT NULL, kind TEXT NOT NULL, role TEXT, start INTEGER, "end" INTEGER
    );
    CREATE TABLE figures (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        low REAL, high REAL, unit TEXT, measure TEXT NOT NULL, subject TEXT,
        hedges TEXT NOT NULL DEFAULT '[]', period TEXT,
        sentence_start INTEGER, sentence_end INTEGER,
        claim TEXT
    );
    CREATE TABLE attributions (
        figure_id INTEGER PRIMARY KEY REFERENCES figures(id) ON DELETE CASCADE,
        speaker TEXT, speaker_kind TEXT, speaker_start INTEGER, speaker_end INTEGER,
        cue TEXT, cue_start INTEGER, content_start INTEGER, content_end INTEGER,
        direct INTEGER NOT NULL DEFAULT 0, relayed_by TEXT,
        stated_on TEXT, stated_on_source TEXT NOT NULL DEFAULT 'none', date_cue TEXT,
        -- what the article itself gave (stated_on above may be borrowed) from the same claim elsewhere
        own_stated_on TEXT, own_source TEXT NOT NULL DEFAULT 'none'
    );
    CREATE TABLE entity_aliases (
        alias TEXT NOT NULL, kind TEXT NOT NULL, role TEXT NOT NULL DEFAULT '',
        link TEXT NOT NULL DEFAULT '', doc TEXT NOT NULL DEFAULT '', count INTEGER NOT NULL DEFAULT 1,
        canonical TEXT,
        PRIMARY KEY (alias, kind, role, link, doc)
    );
    CREATE TABLE claims (
        claim TEXT PRIMARY KEY, speaker TEXT, measure TEXT, subject TEXT,
        low REAL, high REAL, unit TEXT, stated_on TEXT,
        mentions INTEGER NOT NULL, outlets INTEGER NOT NULL, independent INTEGER NOT NULL
    );
    CREATE TABLE link_state (
        name TEXT PRIMARY KEY, state TEXT NOT NULL
    );
    CREATE INDEX figures_doc ON figures(doc_id);
    CREATE INDEX figures_claim ON figures(claim);
    CREATE INDEX figures_measure_value ON figures(measure, low, high);
    """,
    # 2: what incremental linking (ledger.link_incremental) keeps between runs, so adding an
    # article touches only the rows it can change. Derived from the rows above: a full relink
    # rebuilds all of it.
    """
    CREATE TABLE doc_links (
        doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        doc TEXT NOT NULL,
        copy_of TEXT, word_story TEXT,          -- the copy and word-story indexes' groups
        kinds TEXT, main_place TEXT, places TEXT  -- link/developing.py lead facts (JSON lists)
    );
    CREATE INDEX doc_links_story ON doc_links(word_story);
    CREATE TABLE speaker_names (
        doc TEXT NOT NULL, surface TEXT NOT NULL, kind TEXT, role TEXT,
        skey TEXT,                              -- a person's surname key (NULL: organisation, anonymous)
        canonical TEXT NOT NULL,
        PRIMARY KEY (doc, surface)
    );
    CREATE INDEX speaker_names_skey ON speaker_names(skey);
    CREATE TABLE claim_keys (
        figure_id INTEGER PRIMARY KEY REFERENCES figures(id) ON DELETE CASCADE,
        bucket TEXT NOT NULL, family TEXT NOT NULL, story TEXT NOT NULL
    );
    CREATE INDEX claim_keys_bucket ON claim_keys(bucket);
    CREATE INDEX claim_keys_family ON claim_keys(family);
    CREATE INDEX claim_keys_story ON claim_keys(story);
    CREATE TABLE link_blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL);
    ALTER TABLE entity_aliases ADD COLUMN skey TEXT;
    CREATE INDEX entity_aliases_skey ON entity_aliases(skey);
    CREATE INDEX speaker_names_surface ON speaker_names(surface);
    CREATE INDEX speakers_doc ON speakers(doc_id);
    CREATE INDEX mentions_entity_doc ON mentions_entity(doc_id);
    CREATE INDEX lines_doc ON lines(doc_id);
    """,
    # 3: the copy and story indexes as keyed rows instead of one saved state each (link/copy_store.py,
    # link/story_store.py), so adding an article reads the few rows it can match and writes its own,
    # and never loads or saves the whole index; ``link_pending`` lists the documents whose copy
    # or word-story group moved since the links across articles were last computed, whichever
    # writer moved them. A ledger that kept the old states takes them in when next written.
    # The dev_* tables key what joins developing stories, so they are updated where they change.
    """
    CREATE TABLE copy_docs (
        doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        doc TEXT NOT NULL UNIQUE, published TEXT,
        root TEXT NOT NULL,                     -- the copy group's earliest document
        shingles BLOB NOT NULL                  -- sorted uint32 shingle hashes
    );
    CREATE INDEX copy_docs_root ON copy_docs(root);
    CREATE TABLE copy_bands (band INTEGER NOT NULL, doc_id INTEGER NOT NULL);  -- MinHash LSH band keys
    CREATE INDEX copy_bands_band ON copy_bands(band);
    CREATE TABLE story_docs (
        doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        doc TEXT NOT NULL UNIQUE, published TEXT,
        story TEXT NOT NULL,                    -- the word-story's earliest document
        terms TEXT NOT NULL, entities TEXT NOT NULL  -- key terms with counts, entity keys (JSON)
    );
    CREATE INDEX story_docs_story ON story_docs(story);
    CREATE TABLE story_postings (term TEXT NOT NULL, published TEXT, doc_id INTEGER NOT NULL);
    CREATE INDEX story_postings_term ON story_postings(term, published);
    CREATE TABLE story_df (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE link_pending (doc TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE INDEX documents_story ON documents(story);
    -- what developing stories are joined on (link/developing_store.py), per dated document
    CREATE TABLE dev_claims (claim TEXT NOT NULL, doc_id INTEGER NOT NULL);
    CREATE INDEX dev_claims_claim ON dev_claims(claim);
    CREATE INDEX dev_claims_doc ON dev_claims(doc_id);
    CREATE TABLE dev_sources (source TEXT, side TEXT NOT NULL, published TEXT NOT NULL, doc_id INTEGER NOT NULL);
    CREATE INDEX dev_sources_key ON dev_sources(source, side, published);
    CREATE INDEX dev_sources_doc ON dev_sources(doc_id);
    CREATE TABLE dev_places (place TEXT NOT NULL, published TEXT NOT NULL, doc_id INTEGER NOT NULL);
    CREATE INDEX dev_places_key ON dev_places(place, published);
    CREATE TABLE dev_place_counts (place TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
    CREATE INDEX dev_place_counts_n ON dev_place_counts(n);
    """,
    # 4: every person surname key the ledger knows, by length, so the fuzzy neighbours of a new
    # name are found without reading every key (link/entity_store.py); the whole entity index is
    # no longer kept pickled (only its organisations are)
    """
    CREATE TABLE entity_skeys (skey TEXT PRIMARY KEY, len INTEGER NOT NULL) WITHOUT ROWID;
    CREATE INDEX entity_skeys_len ON entity_skeys(len);
    INSERT OR IGNORE INTO entity_skeys (skey, len)
        SELECT skey, length(skey) FROM entity_aliases WHERE skey IS NOT NULL
        UNION SELECT skey, length(skey) FROM speaker_names WHERE skey IS NOT NULL;
    DELETE FROM link_blobs WHERE name = 'entities';
    -- organisation and anonymous-source names, the canonical form last given to each and the
    -- organisation state that answer read (link/entity_store.py)
    CREATE TABLE org_names (name TEXT PRIMARY KEY, canonical TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE org_name_deps (token TEXT NOT NULL, name TEXT NOT NULL);
    CREATE INDEX org_name_deps_token ON org_name_deps(token);
    CREATE INDEX org_name_deps_name ON org_name_deps(name);
    -- the dated documents are counted on every link (developing stories' common places): from
    -- this index, not from the rows, which carry whole texts
    CREATE INDEX documents_published ON documents(published);
    """,
    # 5: the organisation part of the entity index as rows read on demand (link/entity_store.py:
    # a record per organisation key, the keys per word and per acronym, the links per acronym),
    # instead of one pickle loaded and saved whole on every ingest
    """
    CREATE TABLE org_state (token TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
    """,
    # 6: surname keys indexed by a prefix of their numbered bigrams (link/entity_store.py), so
    # a new name's fuzzy neighbours are looked up, not scanned for among every key of its length;
    # keys kept before (grams = 0) are still scanned for
    """
    ALTER TABLE entity_skeys ADD COLUMN grams INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX entity_skeys_scan ON entity_skeys(grams, len);
    CREATE TABLE entity_skey_grams (gram TEXT NOT NULL, skey TEXT NOT NULL);
    CREATE INDEX entity_skey_grams_gram ON entity_skey_grams(gram);
    """,
]


class LedgerError(RuntimeError):
    """The file is not a ledger this newsledger can use."""


class NewerLedger(LedgerError):
    """Written by a later newsledger: opening it would risk the data, so it is refused."""


class LedgerBusy(LedgerError):
    """Another process held the write lock for longer than this one was prepared to wait."""


# How long SQLite itself waits for a lock before reporting SQLITE_BUSY; the retry loop below
# then backs off and asks again, so one long writer (a relink over a big ledger holds the lock
# for seconds) delays the others instead of failing them.
BUSY_TIMEOUT_S = 5.0
# The whole wait for the write lock, over every retry, before a write gives up.
WRITE_WAIT_S = 600.0
# Back-off between retries: doubling from the first to the cap, each sleep jittered so that
# writers released by the same commit do not all ask again at the same instant.
BACKOFF_FIRST_S, BACKOFF_CAP_S = 0.05, 2.0

# SQLite's primary result codes for "locked by another connection" (extended codes keep them
# in the low byte)
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


def connect(path: str | pathlib.Path, *, busy_timeout: float | None = None) -> sqlite3.Connection:
    busy_timeout = BUSY_TIMEOUT_S if busy_timeout is None else busy_timeout
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=busy_timeout)  # explicit transactions below
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    # switching to WAL takes an exclusive lock once, when the file is new: another process
    # creating the same ledger at that moment makes this wait like any other write
    with_retry(lambda: conn.execute("PRAGMA journal_mode = WAL"), f"opening {path}")
    migrate(conn)
    return conn


def is_busy(e: BaseException) -> bool:
    if not isinstance(e, sqlite3.OperationalError):
        return False
    code = getattr(e, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return "locked" in str(e) or "busy" in str(e)  # Pythons before 3.11 give only the message


def with_retry(step: Callable[[], object], what: str, wait_s: float | None = None):
    """``step()``, asked again with backoff while another process holds the lock it needs.

    Only a step that has not yet changed anything may be retried this way (taking the write
    lock, switching the journal mode): a transaction's body is never run twice."""
    wait_s = WRITE_WAIT_S if wait_s is None else wait_s
    deadline = time.monotonic() + wait_s
    pause = BACKOFF_FIRST_S
    while True:
        try:
            return step()
        except sqlite3.OperationalError as e:
            if not is_busy(e):
                raise
            left = deadline - time.monotonic()
            if left <= 0:
                raise LedgerBusy(f"{what}: another process kept the ledger locked for more than {wait_s:g} s "
                                 f"({e}); try again when it has finished") from e
            time.sleep(min(left, random.uniform(pause / 2, pause)))
            pause = min(pause * 2, BACKOFF_CAP_S)


def migrate(conn: sqlite3.Connection) -> int:
    version = _version(conn)
    if version == len(MIGRATIONS):
        return version  # the usual case, and the only one a read-mostly opener should pay for
    with transaction(conn):
        # read again under the write lock: another process may have migrated this ledger
        # (or created it) since the first look
        version = _version(conn)
        if version == 0:
            _refuse_foreign(conn)
        for n in range(version, len(MIGRATIONS)):
            for stmt in _statements(MIGRATIONS[n]):
                conn.execute(stmt)
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
    return len(MIGRATIONS)


def _version(conn: sqlite3.Connection) -> int:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise NewerLedger(f"this ledger has schema version {version}, written by a newer newsledger; "
                          f"this one knows up to version {len(MIGRATIONS)}: upgrade newsledger to open it")
    return version


def _refuse_foreign(conn: sqlite3.Connection) -> None:
    # version 0 with tables in it is some other program's SQLite file: adding ours would mix
    # two applications' data in one file
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    if tables:
        raise LedgerError(f"SQLite file with other tables ({', '.join(sorted(tables)[:3])}) and no "
                          "newsledger schema")


def _statements(script: str) -> Iterator[str]:
    for stmt in script.split(";"):
        if stmt.strip():
            yield stmt


@contextmanager
def transaction(conn: sqlite3.Connection, *, wait_s: float | None = None):
    """A write transaction. IMMEDIATE takes the write lock before the first read, so what the
    body reads (a free document id, whether a text is stored) is still true when it commits.
    In WAL mode that lock is the only thing a writer waits for, hence the retries are there."""
    with_retry(lambda: conn.execute("BEGIN IMMEDIATE"), "waiting to write to the ledger", wait_s)
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # some errors (a full disk) have already rolled it back
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def find_by_hash(conn: sqlite3.Connection, content_hash: str) -> str | None:
    row = conn.execute("SELECT doc FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
    return row["doc"] if row else None


def unique_doc_id(conn: sqlite3.Connection, doc: str) -> str:
    """A different text under a taken id gets a numbered id instead of replacing the first.
    Ask inside the write transaction that stores the document: only the write lock keeps the
    answer true until the row is in."""
    def free(d: str) -> bool:
        return not conn.execute("SELECT 1 FROM documents WHERE doc = ?", (d,)).fetchone()

    if free(doc):
        return doc
    n = 2
    while not free(f"{doc}~{n}"):
        n += 1
    return f"{doc}~{n}"


def save_analysis(conn: sqlite3.Connection, an: Analysis) -> int:
    """Write one analysed article. The caller holds the transaction."""
    a: Article = an.article
    cur = conn.execute(
        """INSERT INTO documents (doc, content_hash, source, kind, url, title, outlet, published,
               published_inferred, language, text, html, body, skipped, ingested_at)
           VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        (a.doc, a.content_hash, a.source, a.kind, a.url, a.title, a.outlet, _iso(a.published),
         int(a.published_inferred), a.language, a.text, a.html, an.body, an.skipped,
         dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
    doc_id = cur.lastrowid
    conn.executemany('INSERT INTO lines (doc_id, start, "end", kind) VALUES (?,?,?,?)',
                     [(doc_id, ln.start, ln.end, ln.kind) for ln in an.lines])
    conn.executemany('INSERT INTO mentions_entity (doc_id, text, label, start, "end") VALUES (?,?,?,?,?)',
                     [(doc_id, *e) for e in an.entities])
    conn.executemany('INSERT INTO speakers (doc_id, name, kind, role, start, "end") VALUES (?,?,?,?,?,?)',
                     [(doc_id, *s) for s in an.speakers])
    for m in an.mentions:
        f = m.figure
        cur = conn.execute(
            """INSERT INTO figures (doc_id, start, "end", text, low, high, unit, measure, subject,
                   hedges, period, sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (doc_id, f.start, f.end, f.text, f.low, f.high, f.unit, f.measure, f.subject,
             json.dumps(f.hedges), f.period, f.sentence_start, f.sentence_end))
        at = m.attribution
        conn.execute(
            """INSERT INTO attributions (figure_id, speaker, speaker_kind, speaker_start, speaker_end, cue,
                   cue_start, content_start, content_end, direct, relayed_by, stated_on, stated_on_source, date_cue,
                   own_stated_on, own_source)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (cur.lastrowid, m.speaker, at.kind if at else None, at.speaker_start if at else None,
             at.speaker_end if at else None, at.cue if at else None, at.cue_start if at else None,
             at.content_start if at else None, at.content_end if at else None,
             int(at.direct) if at else 0, at.relayed_by if at else None, _iso(m.stated_on),
             m.stated_on_source, at.date_cue if at else None, _iso(m.stated_on), m.stated_on_source))
    return doc_id


def _encode(o):
    if isinstance(o, bytes):
        return {"__b64__": base64.b64encode(o).decode("ascii")}
    raise TypeError(type(o))


def _decode(d: dict):
    return base64.b64decode(d["__b64__"]) if set(d) == {"__b64__"} else d


def save_state(conn: sqlite3.Connection, name: str, state: dict) -> None:
    conn.execute("INSERT OR REPLACE INTO link_state (name, state) VALUES (?, ?)",
                 (name, json.dumps(state, default=_encode)))


def load_state(conn: sqlite3.Connection, name: str) -> dict | None:
    row = conn.execute("SELECT state FROM link_state WHERE name = ?", (name,)).fetchone()
    return json.loads(row["state"], object_hook=_decode) if row else None


def documents(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM documents ORDER BY published IS NULL, published, id").fetchall()


def figure_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        """SELECT f.*, d.doc, d.outlet, d.published, d.duplicate_of, d.story, d.text AS doc_text,
                  a.speaker, a.speaker_kind, a.stated_on, a.stated_on_source, a.relayed_by, a.direct, a.cue,
                  a.speaker_start, a.speaker_end
           FROM figures f JOIN documents d ON d.id = f.doc_id
           LEFT JOIN attributions a ON a.figure_id = f.id
           ORDER BY d.id, f.start""").fetchall()
