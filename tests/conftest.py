"""Fixtures shared by the ledger, store and CLI tests.

The seed articles are read from ../shared by path, never copied into the repo. One seed
ledger is built per test session, through the CLI as a user would; tests that only read it
share it, tests that write make their own.
"""
from __future__ import annotations

import json
import pathlib
import shutil
import sqlite3

import pytest
from typer.testing import CliRunner

from newsledger.cli import app

SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def seeds() -> pathlib.Path:
    if not (SEEDS / "manifest.csv").is_file():
        pytest.skip(f"seed articles not found at {SEEDS} (the repo is expected beside ../shared)")
    return SEEDS


@pytest.fixture(scope="session")
def seed_files(seeds) -> list[pathlib.Path]:
    return sorted(seeds.glob("*.txt"))


class Run:
    """Invoke the CLI in this process (spaCy loads once per process, not once per call)."""

    def __init__(self):
        self.runner = CliRunner()

    def __call__(self, *args: str | pathlib.Path):
        return self.runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="session")
def cli() -> Run:
    return Run()


@pytest.fixture(scope="session")
def seed_ledger(tmp_path_factory, seeds, cli) -> pathlib.Path:
    """The five seeds ingested at once. Read-only: copy it (``ledger_copy``) to change it."""
    db = tmp_path_factory.mktemp("seed-ledger") / "ledger.db"
    result = cli("ingest", seeds, "--db", db, "--quiet")
    assert result.exit_code == 0, result.output
    _checkpoint(db)
    return db


@pytest.fixture(scope="session")
def seed_export(tmp_path_factory, seed_ledger, cli) -> pathlib.Path:
    out = tmp_path_factory.mktemp("seed-export")
    result = cli("export", "--db", seed_ledger, "--out", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def ledger_copy(seed_ledger, tmp_path) -> pathlib.Path:
    """A private copy of the seed ledger, for tests that write to it."""
    db = tmp_path / "ledger.db"
    shutil.copyfile(seed_ledger, db)
    return db


def _checkpoint(db: pathlib.Path) -> None:
    # fold the WAL into the main file so a plain file copy is the whole ledger
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def read_jsonl(path: pathlib.Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def table_counts(db: pathlib.Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def write(path: pathlib.Path, text: str) -> pathlib.Path:
    path.write_text(text, encoding="utf-8")
    return path


# Short articles written for the tests (no text from ../shared is copied here).
ENGLISH = (
    "Floods in the valley\n"
    "Regional officials said on Monday that 300 people had been evacuated from the town of "
    "Riverton after the river burst its banks.\n"
    "The mayor said the clean-up would cost about $2 million and take several weeks.\n"
)
ENGLISH_OTHER = (
    "Tractor sales rise\n"
    "The company sold 500 tractors last year, its chairman said, and plans to build a new "
    "factory near the port once the harbour has been dredged.\n"
)
GERMAN = (
    "Hochwasser im Tal\n"
    "Die Behörden teilten am Montag mit, dass 300 Menschen aus der Stadt evakuiert worden "
    "seien, nachdem der Fluss über die Ufer getreten war. Die Aufräumarbeiten würden mehrere "
    "Wochen dauern, sagte der Bürgermeister.\n"
)


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, seeds) -> pathlib.Path:
    """A seed ledger built through the library (not the CLI), for the report and web tests."""
    from newsledger import store
    from newsledger.ledger import ingest

    path = tmp_path_factory.mktemp("ledger") / "seeds.db"
    conn = store.connect(path)
    report = ingest(conn, [str(seeds)])
    assert not report.failed, report.problems
    conn.close()
    return path
