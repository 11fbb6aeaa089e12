"""The copy, story and name indexes kept as ledger rows (link/copy_store.py, story_store.py,
entity_store.py): each decides what its in-memory twin decides, reading only keyed rows."""
from __future__ import annotations

import datetime as dt

import pytest

from newsledger import store
from newsledger.link.copy_store import CopyStore
from newsledger.link.entity_store import closure, remember_keys
from newsledger.link.story_store import StoryStore

from .conftest import bbc
from .test_duplicates import edited_copy

D = dt.date


@pytest.fixture
def conn(tmp_path):
    c = store.connect(tmp_path / "ledger.db")
    c.execute("BEGIN IMMEDIATE")
    yield c
    c.execute("ROLLBACK")
    c.close()


def _doc(conn, doc: str, text: str, published: dt.date | None = None) -> int:
    return conn.execute(
        "INSERT INTO documents (doc, content_hash, text, body, published, ingested_at) VALUES (?,?,?,?,?,?)",
        (doc, doc, text, text, published.isoformat() if published else None, "2031-01-01")).lastrowid


def _add_copy(conn, copies: CopyStore, doc: str, text: str, published=None):
    return copies.add(_doc(conn, doc, text, published), doc, text, published)


def test_a_byte_identical_article_is_a_copy_of_the_first(conn):
    copies = CopyStore(conn)
    _add_copy(conn, copies, "first", bbc("entertainment/129"))
    _add_copy(conn, copies, "other", bbc("tech/001"))
    assert _add_copy(conn, copies, "again", bbc("entertainment/261")) == "first"


def test_distinct_articles_share_no_copy_group(conn):
    copies = CopyStore(conn)
    assert [_add_copy(conn, copies, n, bbc(n)) for n in ("business/001", "tech/001", "politics/001")] == [None] * 3


def test_an_earlier_original_arriving_later_becomes_the_root_and_the_move_is_kept(conn):
    text = bbc("politics/001")
    copies = CopyStore(conn)
    _add_copy(conn, copies, "rewrite", edited_copy(text), D(2005, 3, 2))
    assert _add_copy(conn, copies, "original", text, D(2005, 3, 1)) is None
    assert copies.duplicate_of("rewrite") == "original"
    assert {r[0] for r in conn.execute("SELECT doc FROM link_pending")} == {"rewrite", "original"}


def _add_story(conn, stories: StoryStore, doc: str, text: str, published, duplicate_of=None):
    return stories.add(_doc(conn, doc, text, published), doc, text, published, None, duplicate_of)


def test_the_same_report_a_day_later_joins_the_story(conn):
    stories = StoryStore(conn)
    _add_story(conn, stories, "monday", bbc("politics/001"), D(2005, 1, 3))
    _add_story(conn, stories, "other", bbc("tech/002"), D(2005, 1, 3))
    assert _add_story(conn, stories, "tuesday", bbc("politics/001") + "\nUpdated.", D(2005, 1, 4)) == "monday"


def test_the_same_report_a_month_later_is_another_story(conn):
    stories = StoryStore(conn)
    _add_story(conn, stories, "january", bbc("politics/001"), D(2005, 1, 3))
    assert _add_story(conn, stories, "february", bbc("politics/001") + "\nUpdated.", D(2005, 2, 3)) == "february"


def test_a_known_copy_joins_its_originals_story_whatever_its_date(conn):
    stories = StoryStore(conn)
    _add_story(conn, stories, "orig", bbc("politics/001"), D(2005, 1, 1))
    assert _add_story(conn, stories, "copy", bbc("politics/001"), D(2006, 1, 1), duplicate_of="orig") == "orig"


def test_every_document_counts_in_the_document_frequencies(conn):
    stories = StoryStore(conn)
    _add_story(conn, stories, "a", "Floods hit the valley town.", D(2005, 1, 1))
    _add_story(conn, stories, "b", "Floods again, the river rising.", D(2005, 1, 2))
    assert stories.n_docs() == 2
    assert conn.execute("SELECT n FROM story_df WHERE term = 'floods'").fetchone()[0] == 2


def test_the_key_closure_follows_spellings_from_one_to_the_next(conn):
    # one letter apart each (ratio 91), two letters apart end to end (ratio 82)
    remember_keys(conn, ["mykhailenka", "mykhailanka", "okafor", "smith"])
    assert closure(conn, {"mykhailenko"}) == {"mykhailenko", "mykhailenka", "mykhailanka"}


def test_a_four_letter_key_meets_a_five_letter_spelling_of_it(conn):
    remember_keys(conn, ["kamil", "kami"])
    assert closure(conn, {"kami"}) == {"kami", "kamil"}


def test_two_short_keys_are_never_fuzzy_neighbours(conn):
    remember_keys(conn, ["kim", "kin"])
    assert closure(conn, {"kim"}) == {"kim"}


def test_an_acronyms_answer_reads_its_links_and_a_definition_changes_them():
    from newsledger.link.entities import EntityIndex

    idx = EntityIndex()
    idx.reads = set()
    idx.canonical("DIU", "ORG")
    assert "l:diu" in idx.reads
    idx.changed = set()
    idx.add("DIU", "ORG", doc="later", link="Defence Intelligence of Ukraine")
    assert "l:diu" in idx.changed


def test_a_name_is_resolved_again_only_when_what_it_read_changed(conn):
    from newsledger.link.entities import EntityIndex
    from newsledger.link.entity_store import names_reading, resolve_names

    idx = EntityIndex()
    resolve_names(conn, idx, [("s", "DIU", "ORG", None), ("s", "Ministry of Health", "ORG", None)])
    assert names_reading(conn, {"l:diu"}) == {("s", "DIU", "ORG", None)}


def test_an_index_reads_only_the_organisations_its_names_lead_to(conn):
    from newsledger.link import entity_store
    from newsledger.link.entities import EntityIndex

    whole = EntityIndex()
    for name in ("Ministry of Health", "World Food Programme", "Red Crescent Society"):
        whole.add(name, "ORG", doc="a")
    entity_store.save(conn, whole)
    part = entity_store.load(conn, set())
    assert part.canonical("the Ministry of Health", "ORG") == "Ministry of Health"
    records, _, _, _ = part.org_state()
    assert [r.name.display for r in dict.values(records)] == ["Ministry of Health"]


def test_keys_looked_up_by_bigram_are_the_neighbours_a_scan_finds(conn):
    from newsledger.link.entities import fuzzy_neighbours

    names = ["mykhailenko", "mykhailenka", "mikhailenko", "michailenko", "okafor", "okafur", "smith", "smyth",
             "kami", "kamil", "kamila", "zelenskii", "zelenski", "zelensky", "whitcombe", "witcomb", "lee", "li"]
    remember_keys(conn, names)

    def scanned(k):     # the closure by comparing with every key
        out, todo = set(), {k}
        while todo:
            x = todo.pop()
            out.add(x)
            todo |= {m for m in names if len(x) >= 4 and fuzzy_neighbours(x, m)} - out
        return out
    for k in names:
        assert closure(conn, {k}) == scanned(k), k
