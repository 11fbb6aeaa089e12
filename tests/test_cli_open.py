"""How `newsledger` commands open a ledger that another process is writing."""
from __future__ import annotations

import sqlite3
import threading
import time

from newsledger import store


def test_a_ledger_locked_past_the_wait_is_reported_busy_not_as_something_else(cli, tmp_path, monkeypatch):
    db = tmp_path / "ledger.db"
    sqlite3.connect(db).close()  # a new, empty file: opening it must take the write lock to create the schema
    monkeypatch.setattr(store, "BUSY_TIMEOUT_S", 0.05)
    monkeypatch.setattr(store, "WRITE_WAIT_S", 0.3)
    locked = threading.Event()

    def hold():
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        locked.set()
        time.sleep(1.0)
        conn.execute("ROLLBACK")
        conn.close()

    holder = threading.Thread(target=hold)
    holder.start()
    locked.wait()
    try:
        result = cli("documents", "--db", db)
    finally:
        holder.join()
    assert result.exit_code == 2
    assert "another process kept the ledger locked" in result.output
    assert "not a newsledger ledger" not in result.output
