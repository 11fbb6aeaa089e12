"""A ledger written before the copy and story indexes were tables (schema 2 kept each as one
saved state in ``link_state``) takes those states in as rows when next written."""
from __future__ import annotations

from newsledger import ledger, store


def _as_schema_2(db) -> None:
    """Keep the indexes as the saved states of schema 2, and empty their tables."""
    conn = store.connect(db)
    try:
        copies, stories = ledger.load_indexes(conn)
        with store.transaction(conn):
            store.save_state(conn, "copies", copies.to_state())
            store.save_state(conn, "stories", stories.to_state())
            for table in ("copy_docs", "copy_bands", "story_docs", "story_postings", "story_df"):
                conn.execute(f"DELETE FROM {table}")
    finally:
        conn.close()


def _groups(db) -> tuple[dict, dict, int]:
    conn = store.connect(db)
    try:
        ix = ledger._load(conn)
        return ix.copies.roots(), ix.stories.stories(), ix.stories.n_docs()
    finally:
        conn.close()


def test_the_saved_states_become_the_same_index_rows(ledger_copy):
    db = ledger_copy
    expected = _groups(db)
    _as_schema_2(db)
    assert _groups(db) == expected


def test_the_saved_states_are_dropped_once_taken_in(ledger_copy):
    db = ledger_copy
    _as_schema_2(db)
    _groups(db)
    conn = store.connect(db)
    try:
        assert conn.execute("SELECT COUNT(*) FROM link_state WHERE name IN ('copies', 'stories')").fetchone()[0] == 0
    finally:
        conn.close()
