"""A ledger of the seed articles, read by path from ../shared (never copied into the repo)."""
from __future__ import annotations

import pathlib

import pytest

SEEDS = pathlib.Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> pathlib.Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    from newsledger import store
    from newsledger.ledger import ingest

    path = tmp_path_factory.mktemp("ledger") / "seeds.db"
    conn = store.connect(path)
    report = ingest(conn, [str(SEEDS)])
    assert not report.failed, report.problems
    conn.close()
    return path
