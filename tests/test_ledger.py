"""Ingest orchestration: content hashes, one transaction per article, order independence."""
from __future__ import annotations

import datetime as dt
import sqlite3

from newsledger import ledger, pipeline, store
from newsledger.link.story_store import StoryStore

from .conftest import ENGLISH, ENGLISH_OTHER, GERMAN, read_jsonl, table_counts, write

THIRD = "002_a47338178fe5654e"
# every table that holds rows of one document, and how to reach the document from it
PER_DOCUMENT = {
    "lines": "SELECT COUNT(*) FROM lines WHERE doc_id = ?",
    "mentions_entity": "SELECT COUNT(*) FROM mentions_entity WHERE doc_id = ?",
    "speakers": "SELECT COUNT(*) FROM speakers WHERE doc_id = ?",
    "figures": "SELECT COUNT(*) FROM figures WHERE doc_id = ?",
    "attributions": "SELECT COUNT(*) FROM attributions a JOIN figures f ON f.id = a.figure_id WHERE f.doc_id = ?",
}


def _ingest(db, inputs, **kw) -> ledger.IngestReport:
    conn = store.connect(db)
    try:
        return ledger.ingest(conn, [str(i) for i in inputs], **kw)
    finally:
        conn.close()


def _export(db, out):
    from newsledger.report.export import export

    conn = store.connect(db)
    try:
        export(conn, out)
    finally:
        conn.close()
    return read_jsonl(out / "figures.jsonl"), read_jsonl(out / "documents.jsonl")


def _fail_on(n: int, real):
    """``real``, except that its n-th call raises (as a bug or a full disk would)."""
    calls = {"n": 0}

    def wrapper(*a, **k):
        calls["n"] += 1
        if calls["n"] == n:
            raise OSError("disk full (simulated)")
        return real(*a, **k)
    return wrapper


def _doc_rows(db, doc: str) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT id FROM documents WHERE doc = ?", (doc,)).fetchone()
        # the id the document would have had: rows left behind would carry it
        doc_id = row[0] if row else conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM documents").fetchone()[0]
        return {t: conn.execute(q, (doc_id,)).fetchone()[0] for t, q in PER_DOCUMENT.items()}
    finally:
        conn.close()


def _claim_groups(figures: list[dict]) -> set[frozenset]:
    """Which mentions share a claim, whatever the claims are called."""
    groups: dict[str, set] = {}
    for f in figures:
        groups.setdefault(f["claim"], set()).add((f["doc"], f["start"]))
    return {frozenset(g) for g in groups.values()}


def _story_groups(documents: list[dict]) -> set[frozenset]:
    """Which documents share a story, whatever the stories are called (a story is named after
    one of its documents, which may depend on which arrived first)."""
    groups: dict[str, set] = {}
    for d in documents:
        groups.setdefault(d["story"], set()).add(d["doc"])
    return {frozenset(g) for g in groups.values()}


def _copies(documents: list[dict]) -> dict[str, str | None]:
    return {d["doc"]: d["duplicate_of"] for d in documents}


# --- content hash -----------------------------------------------------------------------------

def test_reingesting_the_same_content_changes_no_row(seeds, ledger_copy):
    before = table_counts(ledger_copy)
    report = _ingest(ledger_copy, [seeds])
    assert (len(report.added), len(report.unchanged)) == (0, 5)
    assert table_counts(ledger_copy) == before


def test_reingesting_changes_no_export(seeds, seed_export, ledger_copy, tmp_path):
    _ingest(ledger_copy, [seeds])
    figures, documents = _export(ledger_copy, tmp_path / "again")
    assert figures == read_jsonl(seed_export / "figures.jsonl")
    assert documents == read_jsonl(seed_export / "documents.jsonl")


def test_the_same_content_under_another_name_is_unchanged(seed_files, ledger_copy, tmp_path):
    renamed = tmp_path / "renamed.txt"
    renamed.write_bytes(seed_files[0].read_bytes())
    report = _ingest(ledger_copy, [renamed])
    assert report.unchanged == [seed_files[0].stem] and report.added == []


def test_the_same_content_twice_in_one_run_is_stored_once(tmp_path):
    (tmp_path / "a").mkdir()
    a, b = write(tmp_path / "a" / "floods.txt", ENGLISH), write(tmp_path / "floods-copy.txt", ENGLISH)
    report = _ingest(tmp_path / "ledger.db", [a, b])
    assert report.added == ["floods"] and report.unchanged == ["floods"]
    assert not report.failed


def test_a_new_text_under_a_taken_name_gets_its_own_id(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first, second = write(tmp_path / "one" / "news.txt", ENGLISH), write(tmp_path / "two" / "news.txt", ENGLISH_OTHER)
    db = tmp_path / "ledger.db"
    _ingest(db, [first])
    report = _ingest(db, [second])
    assert report.added == ["news~2"]


def test_two_new_texts_under_one_name_in_one_run_both_land(tmp_path):
    # both wait in one analysis batch before either is stored
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first, second = write(tmp_path / "one" / "news.txt", ENGLISH), write(tmp_path / "two" / "news.txt", ENGLISH_OTHER)
    report = _ingest(tmp_path / "ledger.db", [first, second])
    assert report.added == ["news", "news~2"] and not report.failed


# --- one transaction per article ----------------------------------------------------------------

def test_a_crash_storing_one_article_keeps_the_others(seeds, seed_ledger, tmp_path, monkeypatch):
    monkeypatch.setattr(store, "save_analysis", _fail_on(3, store.save_analysis))
    db = tmp_path / "ledger.db"
    report = _ingest(db, [seeds])
    assert [p.source.rsplit("/", 1)[-1] for p in report.problems] == [f"{THIRD}.txt"]
    assert report.added == [f.stem for f in sorted(seeds.glob("*.txt")) if f.stem != THIRD]
    expected = sqlite3.connect(seed_ledger).execute(
        "SELECT COUNT(*) FROM figures f JOIN documents d ON d.id = f.doc_id WHERE d.doc != ?", (THIRD,)).fetchone()[0]
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM figures").fetchone()[0] == expected


def test_a_crash_storing_one_article_leaves_no_row_of_it(seeds, tmp_path, monkeypatch):
    real = store.save_analysis

    def half_then_fail(conn, an):
        real(conn, an)  # every row of the article written, then the failure
        if an.article.doc == THIRD:
            raise OSError("disk full (simulated)")

    monkeypatch.setattr(store, "save_analysis", half_then_fail)
    db = tmp_path / "ledger.db"
    _ingest(db, [seeds])
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM documents WHERE doc = ?", (THIRD,)).fetchone()[0] == 0
    assert _doc_rows(db, THIRD) == dict.fromkeys(PER_DOCUMENT, 0)


def test_a_crash_in_the_story_index_leaves_the_copy_index_without_the_article(seeds, tmp_path, monkeypatch):
    monkeypatch.setattr(StoryStore, "add", _fail_on(3, StoryStore.add))
    db = tmp_path / "ledger.db"
    report = _ingest(db, [seeds])
    assert len(report.problems) == 1
    conn = store.connect(db)
    copies, stories = ledger.load_indexes(conn)
    assert THIRD not in copies and THIRD not in stories
    assert all(d in copies and d in stories for d in report.added)


def test_after_a_crash_ingesting_again_completes_the_same_ledger(seeds, seed_export, tmp_path, monkeypatch):
    db = tmp_path / "ledger.db"
    with monkeypatch.context() as m:
        m.setattr(store, "save_analysis", _fail_on(3, store.save_analysis))
        _ingest(db, [seeds])
    report = _ingest(db, [seeds])
    assert report.added == [THIRD]
    figures, documents = _export(db, tmp_path / "export")
    expected = read_jsonl(seed_export / "documents.jsonl")
    assert _claim_groups(figures) == _claim_groups(read_jsonl(seed_export / "figures.jsonl"))
    assert _copies(documents) == _copies(expected)
    assert _story_groups(documents) == _story_groups(expected)


def test_an_analysis_bug_in_one_article_costs_only_that_article(seeds, tmp_path, monkeypatch):
    real = pipeline.analyse_doc

    def buggy(article, lines, doc):
        if article.doc == THIRD:
            raise ValueError("extractor bug (simulated)")
        return real(article, lines, doc)

    monkeypatch.setattr(pipeline, "analyse_doc", buggy)
    report = _ingest(tmp_path / "ledger.db", [seeds])
    assert len(report.added) == 4 and THIRD not in report.added
    [problem] = report.problems
    assert problem.source.endswith(f"{THIRD}.txt") and "extractor bug" in problem.message


# --- order independence -------------------------------------------------------------------------

def test_seeds_one_at_a_time_give_the_same_figures_and_claims_as_all_at_once(seed_files, seed_export, tmp_path):
    db = tmp_path / "ledger.db"
    for f in seed_files:
        _ingest(db, [f])
    figures, _ = _export(db, tmp_path / "export")
    # claim ids are derived from content, so the files must agree exactly, ids included
    assert figures == read_jsonl(seed_export / "figures.jsonl")


def test_seeds_one_at_a_time_give_the_same_copies_and_stories_as_all_at_once(seed_files, seed_export, tmp_path):
    db = tmp_path / "ledger.db"
    for f in seed_files:
        _ingest(db, [f])
    _, documents = _export(db, tmp_path / "export")
    assert [(d["doc"], d["duplicate_of"], d["story"]) for d in documents] == \
        [(d["doc"], d["duplicate_of"], d["story"]) for d in read_jsonl(seed_export / "documents.jsonl")]


def test_seeds_in_reverse_order_group_claims_as_in_order(seed_files, seed_export, tmp_path):
    db = tmp_path / "ledger.db"
    for f in reversed(seed_files):
        _ingest(db, [f])
    figures, documents = _export(db, tmp_path / "export")
    expected = read_jsonl(seed_export / "documents.jsonl")
    assert _claim_groups(figures) == _claim_groups(read_jsonl(seed_export / "figures.jsonl"))
    assert _copies(documents) == _copies(expected)
    assert _story_groups(documents) == _story_groups(expected)


def test_documents_are_stored_in_input_order_whatever_their_language(tmp_path):
    # the pipeline hands non-English articles back ahead of the English ones it is batching
    files = [write(tmp_path / "a-floods.txt", ENGLISH), write(tmp_path / "b-hochwasser.txt", GERMAN),
             write(tmp_path / "c-tractors.txt", ENGLISH_OTHER)]
    db = tmp_path / "ledger.db"
    report = _ingest(db, files)
    assert report.added == ["a-floods", "b-hochwasser", "c-tractors"]
    assert [r[0] for r in sqlite3.connect(db).execute("SELECT doc FROM documents ORDER BY id")] == report.added


# --- languages ----------------------------------------------------------------------------------

def test_a_non_english_article_is_stored_without_figures(tmp_path):
    db = tmp_path / "ledger.db"
    report = _ingest(db, [write(tmp_path / "hochwasser.txt", GERMAN)])
    assert report.skipped_language == ["hochwasser"] and not report.failed
    row = sqlite3.connect(db).execute(
        "SELECT language, skipped IS NOT NULL, (SELECT COUNT(*) FROM figures) FROM documents").fetchone()
    assert row == ("de", 1, 0)


def test_ingest_reports_the_figures_it_stored(seed_ledger, seeds, tmp_path):
    report = _ingest(tmp_path / "ledger.db", [seeds])
    assert report.figures == sqlite3.connect(seed_ledger).execute("SELECT COUNT(*) FROM figures").fetchone()[0] > 0


def test_relink_gives_every_figure_a_claim(seed_ledger):
    conn = sqlite3.connect(seed_ledger)
    assert conn.execute("SELECT COUNT(*) FROM figures WHERE claim IS NULL").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM figures WHERE claim NOT IN (SELECT claim FROM claims)").fetchone()[0] == 0


def test_a_failure_linking_across_articles_keeps_the_articles_and_is_reported(seed_files, tmp_path, monkeypatch):
    def broken(conn):
        raise RuntimeError("linker bug (simulated)")

    db = tmp_path / "ledger.db"
    with monkeypatch.context() as m:
        m.setattr(ledger, "relink", broken)
        report = _ingest(db, seed_files[:2])
    assert report.added == [f.stem for f in seed_files[:2]]
    assert report.failed and "linker bug" in report.problems[0].message
    # the next ingest, with nothing new to read, still brings the links up to date
    again = _ingest(db, seed_files[:2])
    assert not again.failed
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM figures WHERE claim IS NULL").fetchone()[0] == 0


def test_an_undated_background_fact_keeps_each_articles_own_date(tmp_path):
    # two outlets state the same fact with no date cue; neither borrows the other's publication day
    one = write(tmp_path / "one.txt", "Harbour reopens\n\nThe harbour handled 4,200 ships last year, and trade is recovering.\n")
    two = write(tmp_path / "two.txt", "Harbour open again\n\nThe port, which handled 4,200 ships last year, reopened this week to traffic.\n")
    db = tmp_path / "ledger.db"
    _ingest(db, [one], published=dt.date(2025, 3, 10), outlet="Daily A")
    _ingest(db, [two], published=dt.date(2025, 3, 11), outlet="Daily B")
    figures, _ = _export(db, tmp_path / "out")
    dates = {f["doc"]: f["stated_on"] for f in figures if f["text"] == "4,200"}
    assert dates == {"one": "2025-03-10", "two": "2025-03-11"}


# --- another writer at the same time ------------------------------------------------------------

def _another_writer_meanwhile(monkeypatch, db, inputs):
    """While this ingest analyses its first batch, another writer (its own connection, as
    another process would be) ingests ``inputs`` into the same ledger and finishes."""
    real, done = ledger._analyse_chunk, []

    def analyse_then_let_the_other_write(chunk):
        results = list(real(chunk))
        if not done:
            done.append(True)  # the other writer's own analysis goes straight through
            other = _ingest(db, inputs)
            assert not other.failed, other.problems
        yield from results

    monkeypatch.setattr(ledger, "_analyse_chunk", analyse_then_let_the_other_write)


def test_a_text_another_writer_stored_meanwhile_is_unchanged_not_a_failure(tmp_path, monkeypatch):
    (tmp_path / "mine").mkdir()
    (tmp_path / "theirs").mkdir()
    mine, theirs = write(tmp_path / "mine" / "floods.txt", ENGLISH), write(tmp_path / "theirs" / "floods.txt", ENGLISH)
    db = tmp_path / "ledger.db"
    _another_writer_meanwhile(monkeypatch, db, [theirs])
    report = _ingest(db, [mine])
    assert (report.added, report.unchanged, report.problems) == ([], ["floods"], [])


def test_a_name_another_writer_took_meanwhile_gets_the_next_number(tmp_path, monkeypatch):
    (tmp_path / "mine").mkdir()
    (tmp_path / "theirs").mkdir()
    mine, theirs = write(tmp_path / "mine" / "news.txt", ENGLISH), write(tmp_path / "theirs" / "news.txt", ENGLISH_OTHER)
    db = tmp_path / "ledger.db"
    _another_writer_meanwhile(monkeypatch, db, [theirs])
    report = _ingest(db, [mine])
    assert (report.added, report.problems) == (["news~2"], [])


def test_linking_across_articles_takes_in_what_another_writer_stored_meanwhile(tmp_path, monkeypatch):
    mine, theirs = write(tmp_path / "floods.txt", ENGLISH), write(tmp_path / "tractors.txt", ENGLISH_OTHER)
    db = tmp_path / "ledger.db"
    _another_writer_meanwhile(monkeypatch, db, [theirs])
    report = _ingest(db, [mine])
    assert report.problems == []


def test_the_saved_indexes_keep_the_documents_of_a_writer_that_saved_first(tmp_path, monkeypatch):
    mine, theirs = write(tmp_path / "floods.txt", ENGLISH), write(tmp_path / "tractors.txt", ENGLISH_OTHER)
    db = tmp_path / "ledger.db"
    _another_writer_meanwhile(monkeypatch, db, [theirs])
    _ingest(db, [mine])
    conn = store.connect(db)
    copies, stories = ledger.load_indexes(conn)
    assert ("floods" in copies, "tractors" in copies) == (True, True)
    assert ("floods" in stories, "tractors" in stories) == (True, True)


def _copy_kinds(tmp_path, aggregator_published: str) -> dict:
    """Ingest a wire report, a page reworded from it (published as given; "" for none) and an
    independent report of the same event; each document's (duplicate_of, copy_kind)."""
    from tests.link.test_rewrites import INDEPENDENT, ORIGINAL, REWORDED

    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "wire.txt", "Floods hit Marlow Bridge\n" + ORIGINAL)
    write(folder / "aggregator.txt", "Marlow Bridge swamped by floods\n" + REWORDED)
    write(folder / "daily.txt", "Marlow Bridge counts its losses\n" + INDEPENDENT)
    write(folder / "manifest.csv", "file,published,outlet,url,title\nwire.txt,2024-03-04,Wire,,\n"
          f"aggregator.txt,{aggregator_published},Aggregator,,\ndaily.txt,2024-03-05,Daily,,\n")
    _ingest(tmp_path / "l.db", [folder])
    _, documents = _export(tmp_path / "l.db", tmp_path / "out")
    return {d["doc"]: (d["duplicate_of"], d["copy_kind"]) for d in documents}


def test_a_report_reworded_from_another_is_its_copy_and_a_rewrite(tmp_path):
    kinds = _copy_kinds(tmp_path, "2024-03-05")
    assert kinds == {"wire": (None, None), "aggregator": ("wire", "rewrite"), "daily": (None, None)}


def test_an_undated_page_reworded_from_a_dated_report_is_its_copy(tmp_path):
    kinds = _copy_kinds(tmp_path, "")
    assert kinds == {"wire": (None, None), "aggregator": ("wire", "rewrite"), "daily": (None, None)}
