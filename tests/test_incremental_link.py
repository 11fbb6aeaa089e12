"""Incremental linking (ledger.link_incremental) gives the ledger a full relink gives.

Made-up coverage of a few events — floods, a quake, a strike — told by several outlets over
weeks, with named, anonymous and unattributed figures, repeated claims, exact and edited copies
and speakers named in full in one article and by surname in the next, is ingested one article
at a time (every ingest after the first links incrementally), then the same rows are relinked in
full, and every linked row is compared: copies, stories, names, claims, dates.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import sqlite3

import pytest

from newsledger import ledger, store

from .conftest import write

EVENTS = [
    ("flood", "Floods swamp {place}", "Flooding in {place} has left {n} people dead, {who} said on {day}.",
     ["Marlow", "Tarnby", "Kessington"]),
    ("quake", "Earthquake strikes {place}", "An earthquake near {place} killed {n} people, {who} said on {day}.",
     ["Velora", "Ostrava Hills"]),
    ("strike", "Rail strike hits {place}", "The strike in {place} cost the railway {money}, {who} said on {day}.",
     ["Durnham", "Lisbury"]),
]
SPEAKERS = [("Health Minister Jane Okafor", "Ms Okafor"), ("police spokesman Daniel Whitcombe", "Mr Whitcombe"),
            ("the interior ministry", "the ministry"), ("officials", "a senior official"),
            ("union leader Maria Castellanos", "Ms Castellanos")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
FILLER = ["Rescue teams worked through the night to reach villages cut off by the water.",
          "Residents said they had received little warning before the disaster struck.",
          "The government promised to review its emergency plans once the crisis was over.",
          "Shops and schools stayed closed across the region for a second day.",
          "Aid agencies appealed for donations of food, blankets and clean water."]


def _articles(n: int, seed: int = 7) -> list[tuple[str, str, dt.date, str]]:
    """(name, text, published, outlet): events told over weeks, some copied or edited."""
    rng = random.Random(seed)
    out: list[tuple[str, str, dt.date, str]] = []
    start = dt.date(2031, 3, 2)
    while len(out) < n:
        if out and rng.random() < 0.15:      # a copy, exact or edited
            name, text, day, _ = rng.choice(out)
            if rng.random() < 0.5:
                text = text.replace("Residents said", "Locals said")
            out.append((f"copy{len(out):02d}", text, day + dt.timedelta(days=rng.randint(0, 2)),
                        rng.choice(["Wire Daily", "The Aggregator"])))
            continue
        kind, title, line, places = rng.choice(EVENTS)
        place = rng.choice(places)
        full, short = rng.choice(SPEAKERS)
        day = start + dt.timedelta(days=rng.randint(0, 40))
        said = DAYS[rng.randint(0, 4)]
        toll = rng.choice([12, 40, 45, 120, 1200])
        body = [line.format(place=place, n=f"at least {toll}", money=f"${toll} million", who=full, day=said),
                rng.choice(FILLER),
                f"{short[0].upper() + short[1:]} said {rng.choice([3, 8, 250, 3000])} homes had been damaged.",
                rng.choice(FILLER),
                f"More than {rng.choice([500, 2000])} people were moved to shelters.",
                rng.choice(FILLER)]
        if rng.random() < 0.4:                # undated: borrows the date of the same claim
            body[0] = body[0].replace(f" on {said}", "")
        out.append((f"a{len(out):02d}", title.format(place=place) + "\n\n" + " ".join(body) + "\n", day,
                    rng.choice(["The Herald", "Daily Post", "Morning Star", "Wire Daily"])))
    return out


def _snapshot(db) -> dict[str, list]:
    conn = sqlite3.connect(db)
    try:
        q = {
            "documents": "SELECT doc, duplicate_of, story FROM documents ORDER BY id",
            "figures": "SELECT id, claim FROM figures ORDER BY id",
            "dates": "SELECT figure_id, stated_on, stated_on_source FROM attributions ORDER BY figure_id",
            "claims": "SELECT * FROM claims ORDER BY claim",
            "names": "SELECT doc, surface, kind, role, canonical FROM speaker_names ORDER BY doc, surface",
            "aliases": "SELECT alias, kind, role, link, doc, count, canonical FROM entity_aliases "
                       "ORDER BY alias, kind, role, link, doc",
            "claim_keys": "SELECT * FROM claim_keys ORDER BY figure_id",
            "doc_links": "SELECT * FROM doc_links ORDER BY doc_id",
        }
        return {k: [tuple(r) for r in conn.execute(sql)] for k, sql in q.items()}
    finally:
        conn.close()


def _full_relink(db) -> None:
    conn = store.connect(db)
    try:
        ix = ledger._load(conn)
        with store.transaction(conn):
            ledger._refresh_groups(conn, ix.copies, ix.stories)
            ledger.relink(conn)
    finally:
        conn.close()


@pytest.fixture(scope="module")
def one_by_one(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("incremental")
    db = tmp / "ledger.db"
    calls = {"full": 0, "incremental": 0}
    real_relink, real_inc = ledger.relink, ledger.link_incremental

    def counting_relink(conn):
        calls["full"] += 1
        return real_relink(conn)

    def counting_inc(conn, ix):
        done = real_inc(conn, ix)
        calls["incremental"] += bool(done)
        return done
    mp = pytest.MonkeyPatch()
    mp.setattr(ledger, "relink", counting_relink)
    mp.setattr(ledger, "link_incremental", counting_inc)
    try:
        for name, text, day, outlet in _articles(36):
            f = write(tmp / f"{name}.txt", text)
            conn = store.connect(db)
            try:
                report = ledger.ingest(conn, [str(f)], published=day, outlet=outlet)
            finally:
                conn.close()
            assert not report.failed, report.problems
    finally:
        mp.undo()
    return db, calls


def test_every_ingest_after_the_first_links_incrementally(one_by_one):
    _, calls = one_by_one
    assert calls == {"full": 1, "incremental": 35}


def test_the_made_up_coverage_exercises_claims_copies_and_stories(one_by_one):
    db, _ = one_by_one
    snap = _snapshot(db)
    assert any(dup for _, dup, _ in snap["documents"])                      # copies
    assert len({s for _, _, s in snap["documents"]}) < len(snap["documents"]) - 5   # stories join
    assert any(r[8] > 1 for r in snap["claims"])                             # claims of several mentions
    assert any(src == "borrowed" for _, _, src in snap["dates"])              # dates borrowed


def test_the_incremental_ledger_equals_a_full_relink_of_the_same_rows(one_by_one, tmp_path):
    db, _ = one_by_one
    copy = tmp_path / "full.db"
    shutil.copy(db, copy)
    _full_relink(copy)
    inc, full = _snapshot(db), _snapshot(copy)
    for table in full:
        assert inc[table] == full[table], table


def test_the_kept_count_of_dated_documents_takes_in_every_article(one_by_one):
    # 36 made-up articles, 6 of them exact copies of an earlier text (stored once): 30
    # documents, every one dated, all but the first counted in by incremental links
    db, _ = one_by_one
    conn = sqlite3.connect(db)
    try:
        state = conn.execute("SELECT state FROM link_state WHERE name = 'dated_documents'").fetchone()[0]
    finally:
        conn.close()
    assert json.loads(state) == {"n": 30}
