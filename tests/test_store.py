"""The SQLite ledger: schema versions, transactions, offsets into the original text."""
from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from newsledger import store


def test_a_new_ledger_has_run_every_migration(tmp_path):
    conn = store.connect(tmp_path / "ledger.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(store.MIGRATIONS)


def test_a_new_ledger_has_the_tables_of_the_design(tmp_path):
    conn = store.connect(tmp_path / "ledger.db")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "figures", "attributions", "entity_aliases", "claims"} <= tables


def test_opening_a_ledger_twice_changes_nothing(tmp_path):
    db = tmp_path / "ledger.db"
    store.connect(db).close()
    schema = sqlite3.connect(db).execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    store.connect(db).close()
    assert sqlite3.connect(db).execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema


def test_a_ledger_from_a_newer_version_is_refused(tmp_path):
    db = tmp_path / "ledger.db"
    raw = sqlite3.connect(db)
    raw.execute(f"PRAGMA user_version = {len(store.MIGRATIONS) + 3}")
    raw.close()
    with pytest.raises(store.NewerLedger, match=r"schema version \d+, written by a newer newsledger"):
        store.connect(db)


def test_a_ledger_from_a_newer_version_is_left_untouched(tmp_path):
    db = tmp_path / "ledger.db"
    raw = sqlite3.connect(db)
    raw.execute(f"PRAGMA user_version = {len(store.MIGRATIONS) + 1}")
    raw.close()
    with pytest.raises(store.LedgerError):
        store.connect(db)
    raw = sqlite3.connect(db)
    assert raw.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == 0
    assert raw.execute("PRAGMA user_version").fetchone()[0] == len(store.MIGRATIONS) + 1


def test_another_programs_database_is_refused(tmp_path):
    db = tmp_path / "other.db"
    raw = sqlite3.connect(db)
    raw.execute("CREATE TABLE bookmarks (url TEXT)")
    raw.close()
    with pytest.raises(store.LedgerError, match="bookmarks"):
        store.connect(db)


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database\n" * 100)
    with pytest.raises(sqlite3.DatabaseError):
        store.connect(path)


def test_a_failed_migration_leaves_the_version_where_it_was(tmp_path, monkeypatch):
    db = tmp_path / "ledger.db"
    store.connect(db).close()
    monkeypatch.setattr(store, "MIGRATIONS", store.MIGRATIONS + ["CREATE TABLE extra (x); SELECT * FROM nowhere"])
    with pytest.raises(sqlite3.OperationalError):
        store.connect(db)
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == len(store.MIGRATIONS) - 1
    assert raw.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra'").fetchone()[0] == 0


def test_a_later_migration_runs_on_an_existing_ledger(tmp_path, monkeypatch):
    db = tmp_path / "ledger.db"
    store.connect(db).close()
    monkeypatch.setattr(store, "MIGRATIONS", store.MIGRATIONS + ["ALTER TABLE documents ADD COLUMN section TEXT"])
    conn = store.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(store.MIGRATIONS)
    assert "section" in {r[1] for r in conn.execute("PRAGMA table_info(documents)")}


def test_a_transaction_that_raises_leaves_no_rows(tmp_path):
    conn = store.connect(tmp_path / "ledger.db")
    with pytest.raises(RuntimeError):
        with store.transaction(conn):
            conn.execute("INSERT INTO link_state (name, state) VALUES ('x', '{}')")
            raise RuntimeError("boom")
    assert conn.execute("SELECT COUNT(*) FROM link_state").fetchone()[0] == 0


def test_deleting_a_document_deletes_its_rows(ledger_copy):
    conn = store.connect(ledger_copy)
    with store.transaction(conn):
        conn.execute("DELETE FROM documents")
    for table in ("lines", "mentions_entity", "speakers", "figures", "attributions"):
        assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table


def test_every_figure_offset_points_at_its_text_in_the_original(seed_ledger):
    conn = store.connect(seed_ledger)
    rows = store.figure_rows(conn)
    assert rows
    assert [r["doc_text"][r["start"]:r["end"]] for r in rows] == [r["text"] for r in rows]


def test_every_speaker_offset_points_at_its_name_in_the_original(seed_ledger):
    conn = store.connect(seed_ledger)
    rows = conn.execute("SELECT s.name, s.start, s.\"end\", d.text FROM speakers s JOIN documents d "
                        "ON d.id = s.doc_id WHERE s.start IS NOT NULL").fetchall()
    assert rows
    # the name may be resolved ("he" -> "John Kirby"), but the span is always words of the text
    assert all(0 <= r["start"] < r["end"] <= len(r["text"]) and r["text"][r["start"]:r["end"]].strip() for r in rows)


def test_the_original_text_is_stored_as_read(seed_ledger, seed_files):
    conn = store.connect(seed_ledger)
    stored = {r["doc"]: r["text"] for r in conn.execute("SELECT doc, text FROM documents")}
    assert stored == {f.stem: f.read_bytes().decode("utf-8") for f in seed_files}


def test_find_by_hash_finds_stored_content_only(seed_ledger):
    conn = store.connect(seed_ledger)
    doc, digest = conn.execute("SELECT doc, content_hash FROM documents LIMIT 1").fetchone()
    assert store.find_by_hash(conn, digest) == doc
    assert store.find_by_hash(conn, "0" * 64) is None


def test_unique_doc_id_numbers_a_taken_id(seed_ledger):
    conn = store.connect(seed_ledger)
    taken = conn.execute("SELECT doc FROM documents LIMIT 1").fetchone()[0]
    assert store.unique_doc_id(conn, "fresh") == "fresh"
    assert store.unique_doc_id(conn, taken) == f"{taken}~2"


def test_link_state_round_trips_bytes(tmp_path):
    conn = store.connect(tmp_path / "ledger.db")
    state = {"hashes": [b"\x00\xff", b"abc"], "n": 3, "nested": {"k": b"\x01"}}
    store.save_state(conn, "copies", state)
    assert store.load_state(conn, "copies") == state
    assert store.load_state(conn, "missing") is None


# --- many writers, readers during writes -------------------------------------------------------

def _hold_write_lock(db, seconds: float, locked: threading.Event) -> threading.Thread:
    """Another connection (as another process would) holds the write lock for ``seconds``."""
    def hold():
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        locked.set()
        time.sleep(seconds)
        conn.execute("COMMIT")
        conn.close()

    t = threading.Thread(target=hold)
    t.start()
    locked.wait()
    return t


def test_a_ledger_is_written_ahead_so_readers_never_wait(tmp_path):
    conn = store.connect(tmp_path / "ledger.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_write_waits_for_a_lock_held_longer_than_the_busy_timeout_and_succeeds(tmp_path):
    db = tmp_path / "ledger.db"
    store.connect(db).close()
    # SQLite alone gives up after 50 ms; only the retries outlast the 0.6 s the lock is held
    conn = store.connect(db, busy_timeout=0.05)
    holder = _hold_write_lock(db, 0.6, threading.Event())
    with store.transaction(conn, wait_s=10):
        conn.execute("INSERT INTO link_state (name, state) VALUES ('mine', '{}')")
    holder.join()
    assert [r[0] for r in conn.execute("SELECT name FROM link_state")] == ["mine"]


def test_a_write_kept_waiting_past_its_limit_fails_saying_the_ledger_is_busy(tmp_path):
    db = tmp_path / "ledger.db"
    store.connect(db).close()
    conn = store.connect(db, busy_timeout=0.05)
    holder = _hold_write_lock(db, 1.0, threading.Event())
    try:
        with pytest.raises(store.LedgerBusy, match=r"kept the ledger locked for more than 0.3 s"):
            with store.transaction(conn, wait_s=0.3):
                pass
    finally:
        holder.join()


def test_a_write_that_is_not_kept_waiting_is_not_retried(tmp_path):
    # only "locked" is worth waiting out: any other error surfaces at once
    conn = store.connect(tmp_path / "ledger.db")
    calls = []

    def broken():
        calls.append(1)
        raise sqlite3.OperationalError("no such table: nowhere")

    with pytest.raises(sqlite3.OperationalError, match="nowhere"):
        store.with_retry(broken, "testing", wait_s=5)
    assert len(calls) == 1
    conn.close()


def test_a_reader_sees_the_last_committed_rows_while_a_write_is_open(tmp_path):
    from newsledger.web.app import open_readonly

    db = tmp_path / "ledger.db"
    writer = store.connect(db)
    store.save_state(writer, "before", {})
    with store.transaction(writer):
        store.save_state(writer, "during", {})
        reader = open_readonly(db)  # as `newsledger serve` opens it, per request
        assert [r[0] for r in reader.execute("SELECT name FROM link_state")] == ["before"]
    assert sorted(r[0] for r in reader.execute("SELECT name FROM link_state")) == ["before", "during"]


def test_a_reader_in_the_middle_of_a_read_does_not_hold_up_a_commit(tmp_path):
    from newsledger.web.app import open_readonly

    db = tmp_path / "ledger.db"
    writer = store.connect(db, busy_timeout=0.05)
    reader = open_readonly(db)
    reader.execute("BEGIN")
    assert reader.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0  # read snapshot held open
    with store.transaction(writer, wait_s=0):
        store.save_state(writer, "written", {})
    reader.execute("COMMIT")
    assert writer.execute("SELECT COUNT(*) FROM link_state").fetchone()[0] == 1


def test_connections_creating_one_new_ledger_at_once_all_open_it(tmp_path):
    # each connection takes SQLite's file locks as a separate process would
    db = tmp_path / "ledger.db"
    start, errors = threading.Barrier(6), []

    def open_it():
        start.wait()
        try:
            store.connect(db).close()
        except Exception as e:  # collected: an exception in a thread would not fail the test
            errors.append(e)

    threads = [threading.Thread(target=open_it) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == len(store.MIGRATIONS)
