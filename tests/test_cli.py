"""The command line: every flag, every error a user can cause, and the exit status."""
from __future__ import annotations

import re
import sqlite3

import pytest

from newsledger import __version__, store

from .conftest import ENGLISH, ENGLISH_OTHER, GERMAN, read_jsonl, table_counts, write

SEED = "000_6177fd27f8000f68"


def _bad_input(kind: str, tmp_path):
    """A path for each kind of input the ingest must refuse without stopping."""
    if kind == "missing":
        return tmp_path / "no-such-article.txt"
    path = tmp_path / f"bad-{kind}.txt"
    data = {"binary": bytes(range(256)) * 8,
            "empty": b"",
            "latin1": "Officials said 300 people were evacuated from the caf\u00e9 in M\u00fcnster.".encode("latin-1")}[kind]
    path.write_bytes(data)
    return path


def _lines_naming(text: str, name: str) -> list[str]:
    return [ln for ln in text.splitlines() if name in ln]


def _docs(db) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT doc FROM documents ORDER BY id")]
    finally:
        conn.close()


# --- ingest: bad input ------------------------------------------------------------------------

@pytest.mark.parametrize("kind,reason", [
    ("binary", "binary"), ("empty", "empty"), ("latin1", "not UTF-8"), ("missing", "no such file"),
])
def test_bad_input_gets_one_clear_line_and_exit_1_while_the_seed_lands(cli, seed_files, tmp_path, kind, reason):
    bad = _bad_input(kind, tmp_path)
    db = tmp_path / "ledger.db"
    result = cli("ingest", bad, seed_files[0], "--db", db)
    assert result.exit_code == 1
    lines = _lines_naming(result.stderr, bad.name)
    assert len(lines) == 1, result.stderr
    assert reason in lines[0]
    assert _docs(db) == [SEED]


def test_all_bad_inputs_together_are_each_reported_and_counted(cli, seed_files, tmp_path):
    bads = [_bad_input(k, tmp_path) for k in ("binary", "empty", "latin1", "missing")]
    db = tmp_path / "ledger.db"
    result = cli("ingest", *bads, seed_files[0], "--db", db)
    assert result.exit_code == 1
    for bad in bads:
        assert len(_lines_naming(result.stderr, bad.name)) == 1
    assert "1 added, 0 unchanged, 4 failed" in result.stderr


def test_a_clean_ingest_exits_0(cli, tmp_path):
    result = cli("ingest", write(tmp_path / "floods.txt", ENGLISH), "--db", tmp_path / "ledger.db")
    assert result.exit_code == 0, result.output
    assert "1 added, 0 unchanged, 0 failed" in result.stderr


def test_a_problem_line_shows_a_file_name_with_brackets_as_written(cli, tmp_path):
    # Rich would read "[bold]" as markup and drop it from the message
    bad = tmp_path / "[bold]report.txt"
    bad.write_bytes(b"")
    result = cli("ingest", bad, "--db", tmp_path / "ledger.db")
    assert "[bold]report.txt" in result.stderr


def test_a_problem_line_is_not_wrapped_however_long_the_path(cli, tmp_path):
    deep = tmp_path / ("a-long-folder-name-" * 6)
    deep.mkdir()
    bad = deep / "empty-article-with-a-long-name.txt"
    bad.write_bytes(b"")
    result = cli("ingest", bad, "--db", tmp_path / "ledger.db")
    assert len(_lines_naming(result.stderr, "empty article")) == 1
    assert len(_lines_naming(result.stderr, bad.name)) == 1


# --- ingest: flags ----------------------------------------------------------------------------

def test_reingesting_the_seeds_says_unchanged_and_changes_nothing(cli, seeds, ledger_copy):
    before = table_counts(ledger_copy)
    result = cli("ingest", seeds, "--db", ledger_copy)
    assert result.exit_code == 0
    assert len(re.findall(r"^unchanged ", result.stderr, re.M)) == 5
    assert "0 added, 5 unchanged, 0 failed" in result.stderr
    assert table_counts(ledger_copy) == before


def test_published_sets_the_date_of_a_single_file(cli, tmp_path):
    db = tmp_path / "ledger.db"
    cli("ingest", write(tmp_path / "floods.txt", ENGLISH), "--published", "2023-03-06", "--db", db)
    row = sqlite3.connect(db).execute("SELECT published, published_inferred FROM documents").fetchone()
    assert row == ("2023-03-06", 0)


def test_published_that_is_not_a_date_is_refused_before_reading(cli, tmp_path):
    db = tmp_path / "ledger.db"
    result = cli("ingest", write(tmp_path / "floods.txt", ENGLISH), "--published", "6 March", "--db", db)
    assert result.exit_code == 2
    assert "not a date" in result.stderr
    assert not db.exists()


def test_outlet_sets_the_outlet(cli, tmp_path):
    db = tmp_path / "ledger.db"
    cli("ingest", write(tmp_path / "floods.txt", ENGLISH), "--outlet", "Valley Gazette", "--db", db)
    assert sqlite3.connect(db).execute("SELECT outlet FROM documents").fetchone()[0] == "Valley Gazette"


def test_quiet_prints_problems_and_the_summary_only(cli, tmp_path):
    good, bad = write(tmp_path / "floods.txt", ENGLISH), _bad_input("empty", tmp_path)
    result = cli("ingest", good, bad, "--db", tmp_path / "ledger.db", "--quiet")
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, result.stderr
    assert bad.name in lines[0] and "1 added, 0 unchanged, 1 failed" in lines[1]


def test_without_quiet_each_article_gets_a_progress_line(cli, tmp_path):
    files = [write(tmp_path / f"{n}.txt", text) for n, text in (("floods", ENGLISH), ("tractors", ENGLISH_OTHER))]
    result = cli("ingest", *files, "--db", tmp_path / "ledger.db")
    assert re.findall(r"^added (\S+):", result.stderr, re.M) == ["floods", "tractors"]


@pytest.mark.parametrize("flag,expected", [([], False), (["--allow-private"], True)])
def test_allow_private_is_passed_to_the_ingest(cli, tmp_path, monkeypatch, flag, expected):
    import newsledger.ledger as ledger

    seen = {}

    def fake_ingest(conn, paths, **kwargs):
        seen.update(kwargs)
        return ledger.IngestReport()

    monkeypatch.setattr(ledger, "ingest", fake_ingest)
    result = cli("ingest", "http://127.0.0.1:9/article", *flag, "--db", tmp_path / "ledger.db")
    assert result.exit_code == 0
    assert seen["allow_private"] is expected


def test_ingest_creates_the_folder_of_a_new_ledger(cli, tmp_path):
    db = tmp_path / "new" / "ledger.db"
    result = cli("ingest", write(tmp_path / "floods.txt", ENGLISH), "--db", db)
    assert result.exit_code == 0
    assert _docs(db) == ["floods"]


def _passed_to_ingest(cli, monkeypatch, *args) -> dict:
    """The keyword arguments the CLI hands to ledger.ingest (which is not run)."""
    import newsledger.ledger as ledger

    seen = {}

    def fake_ingest(conn, paths, **kwargs):
        seen.update(kwargs)
        return ledger.IngestReport()

    monkeypatch.setattr(ledger, "ingest", fake_ingest)
    result = cli("ingest", *args)
    assert result.exit_code == 0, result.output
    return seen


def test_jobs_is_passed_to_the_ingest(cli, tmp_path, monkeypatch):
    # a URL holds an unknown number of articles: the processes asked for are used
    seen = _passed_to_ingest(cli, monkeypatch, "http://127.0.0.1:9/feed", "--jobs", "3", "--db", tmp_path / "l.db")
    assert seen["jobs"] == 3


def test_jobs_defaults_to_every_core(cli, tmp_path, monkeypatch):
    from newsledger import workers

    monkeypatch.setattr(workers, "default_jobs", lambda: 5)
    seen = _passed_to_ingest(cli, monkeypatch, "http://127.0.0.1:9/feed", "--db", tmp_path / "l.db")
    assert seen["jobs"] == 5


def test_a_few_articles_are_analysed_in_one_process_whatever_jobs_says(cli, tmp_path, monkeypatch):
    floods = write(tmp_path / "floods.txt", ENGLISH)
    seen = _passed_to_ingest(cli, monkeypatch, floods, "--jobs", "4", "--db", tmp_path / "l.db")
    assert seen["jobs"] == 1


def test_jobs_below_one_is_refused(cli, tmp_path):
    result = cli("ingest", write(tmp_path / "floods.txt", ENGLISH), "--jobs", "0", "--db", tmp_path / "l.db")
    assert result.exit_code == 2
    assert not (tmp_path / "l.db").exists()


def test_no_progress_bar_when_stderr_is_not_a_terminal(cli, tmp_path):
    result = cli("ingest", write(tmp_path / "floods.txt", ENGLISH), "--db", tmp_path / "l.db")
    assert "articles/s" not in result.stderr and "\x1b" not in result.stderr


def _terminal(monkeypatch):
    """stderr as a terminal would be (Rich draws its bar there), captured."""
    import io

    from rich.console import Console

    import newsledger.cli as cli_module

    buf = io.StringIO()
    monkeypatch.setattr(cli_module, "err", Console(file=buf, force_terminal=True, width=200, soft_wrap=True))
    return buf


def test_a_terminal_gets_a_bar_with_count_rate_and_time(cli, tmp_path, monkeypatch):
    buf = _terminal(monkeypatch)
    files = [write(tmp_path / f"{n}.txt", t) for n, t in (("floods", ENGLISH), ("tractors", ENGLISH_OTHER))]
    cli("ingest", *files, "--db", tmp_path / "l.db")
    out = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", buf.getvalue())
    assert "2/2" in out and "articles/s" in out and "elapsed" in out


class _Task:
    """What the progress columns read of a Rich task."""

    def __init__(self, total, elapsed, remaining, finished=False):
        self.total, self.elapsed, self.time_remaining = total, elapsed, remaining
        self.finished, self.finished_time = finished, elapsed


def test_the_bar_gives_the_time_left_when_the_total_is_known():
    from newsledger.progress import _Times

    assert _Times().render(_Task(total=300, elapsed=65, remaining=3725)).plain == "0:01:05 elapsed, 1:02:05 left"


def test_the_bar_gives_no_time_left_when_the_total_is_unknown():
    from newsledger.progress import _Times

    assert _Times().render(_Task(total=None, elapsed=65, remaining=None)).plain == "0:01:05 elapsed"


def test_under_the_bar_each_problem_keeps_its_line_and_the_summary_comes_last(cli, tmp_path, monkeypatch):
    buf = _terminal(monkeypatch)
    bad = _bad_input("empty", tmp_path)
    cli("ingest", write(tmp_path / "floods.txt", ENGLISH), bad, "--db", tmp_path / "l.db", "--quiet")
    out = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", buf.getvalue())
    assert len(re.findall(r"skipped \S*bad-empty\.txt", out)) == 1
    assert out.rstrip().splitlines()[-1].startswith("1 added, 0 unchanged, 1 failed")


def test_articles_are_counted_ahead_only_where_files_hold_one_each(tmp_path):
    from newsledger.progress import count_articles

    (tmp_path / "news").mkdir()
    write(tmp_path / "news" / "a.txt", ENGLISH)
    write(tmp_path / "news" / "b.html", "<p>x</p>")
    write(tmp_path / "news" / "manifest.csv", "file,published\n")
    write(tmp_path / "news" / ".hidden.txt", ENGLISH)
    write(tmp_path / "many.jsonl", "{}\n")
    assert count_articles([str(tmp_path / "news")]) == 2
    assert count_articles([str(tmp_path / "news"), str(tmp_path / "many.jsonl")]) is None
    assert count_articles(["https://example.org/feed"]) is None


# --- report -----------------------------------------------------------------------------------

def test_report_in_the_terminal_by_default(cli, seed_ledger):
    result = cli("report", "--db", seed_ledger)
    assert result.exit_code == 0
    assert "casualties" in result.stdout and "John Kirby" in result.stdout


def test_report_format_terminal_to_a_file(cli, seed_ledger, tmp_path):
    out = tmp_path / "report.txt"
    result = cli("report", "--db", seed_ledger, "--format", "terminal", "-o", out)
    assert result.exit_code == 0
    assert "John Kirby" in out.read_text(encoding="utf-8")
    assert "John Kirby" not in result.stdout


def test_report_format_html_is_one_file_with_no_outside_assets(cli, seed_ledger, tmp_path):
    out = tmp_path / "report.html"
    result = cli("report", "--db", seed_ledger, "--format", "html", "-o", out)
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.lower().startswith("<!doctype html") and "John Kirby" in page
    # links to the originals are outside addresses; nothing is loaded from one
    assert not re.search(r"""src\s*=|<link\b|@import|url\(""", page, re.I)


def test_report_format_markdown_to_stdout(cli, seed_ledger):
    result = cli("report", "--db", seed_ledger, "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Ledger")
    assert "| stated on |" in result.stdout


def test_report_measure_keeps_one_measure(cli, seed_ledger):
    result = cli("report", "--db", seed_ledger, "--format", "markdown", "--measure", "killed")
    measures = {h.split(" — ")[0] for h in re.findall(r"^## (.+)$", result.stdout, re.M)}
    assert measures == {"killed"}


def test_report_unknown_measure_is_an_error(cli, seed_ledger):
    result = cli("report", "--db", seed_ledger, "--measure", "casualtys")
    assert result.exit_code == 2
    assert "unknown measure 'casualtys'" in result.stderr


def test_report_all_adds_the_figures_of_measure_other(cli, tmp_path):
    db = tmp_path / "ledger.db"
    cli("ingest", write(tmp_path / "tractors.txt", ENGLISH_OTHER), "--db", db)
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM figures WHERE measure = 'other'").fetchone()[0] > 0
    without = cli("report", "--db", db, "--format", "markdown").stdout
    with_all = cli("report", "--db", db, "--format", "markdown", "--all").stdout
    assert "## other" not in without
    assert "## other" in with_all


def test_report_unknown_format_is_an_error(cli, seed_ledger):
    result = cli("report", "--db", seed_ledger, "--format", "pdf")
    assert result.exit_code == 2
    assert "unknown format 'pdf'" in result.stderr


@pytest.mark.parametrize("command", ["report", "export", "documents"])
def test_a_missing_ledger_is_an_error_and_is_not_created(cli, tmp_path, command):
    db = tmp_path / "nothing.db"
    result = cli(command, "--db", db)
    assert result.exit_code == 2
    assert "no ledger at" in result.stderr
    assert not db.exists()


@pytest.mark.parametrize("command", ["report", "export", "documents", "ingest"])
def test_a_file_that_is_not_a_ledger_is_an_error(cli, tmp_path, command):
    db = write(tmp_path / "notes.db", "shopping list: eggs, milk\n" * 50)
    args = [command, "--db", db] + ([str(tmp_path / "missing.txt")] if command == "ingest" else [])
    result = cli(*args)
    assert result.exit_code == 2
    assert "is not a newsledger ledger" in result.stderr


def test_another_programs_sqlite_file_is_not_taken_over(cli, tmp_path, seed_files):
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.close()
    result = cli("ingest", seed_files[0], "--db", db)
    assert result.exit_code == 2
    assert "is not a newsledger ledger" in result.stderr
    assert table_counts(db) == {"bookmarks": 0}


def test_a_ledger_from_a_newer_newsledger_is_refused_clearly(cli, ledger_copy):
    conn = sqlite3.connect(ledger_copy)
    conn.execute(f"PRAGMA user_version = {len(store.MIGRATIONS) + 1}")
    conn.close()
    result = cli("report", "--db", ledger_copy)
    assert result.exit_code == 2
    assert "newer newsledger" in result.stderr


@pytest.fixture(scope="module")
def floods_ledger(tmp_path_factory, cli):
    """Two articles written for these tests, ingested once (read-only)."""
    tmp = tmp_path_factory.mktemp("floods")
    db = tmp / "ledger.db"
    files = [write(tmp / f"{n}.txt", t) for n, t in (("floods", ENGLISH), ("tractors", ENGLISH_OTHER))]
    assert cli("ingest", *files, "--db", db, "--quiet").exit_code == 0
    return db


def test_report_format_json_gives_the_claims_of_each_measure(cli, floods_ledger):
    import json

    result = cli("report", "--db", floods_ledger, "--format", "json")
    assert result.exit_code == 0
    sections = json.loads(result.stdout)
    claims = {(sec["measure"], c["text"], c["low"]) for sec in sections for c in sec["claims"]}
    assert ("displaced", "300", 300.0) in claims and ("money", "about $2 million", 2_000_000.0) in claims


def test_report_format_json_keeps_to_the_measure_asked_for(cli, floods_ledger):
    import json

    result = cli("report", "--db", floods_ledger, "--format", "json", "--measure", "money")
    assert {sec["measure"] for sec in json.loads(result.stdout)} == {"money"}


def test_report_format_json_to_a_file(cli, floods_ledger, tmp_path):
    import json

    out = tmp_path / "report.json"
    result = cli("report", "--db", floods_ledger, "--format", "json", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))


def test_documents_format_json_lists_every_document_whole(cli, floods_ledger):
    import json

    result = cli("documents", "--db", floods_ledger, "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [(r["doc"], r["title"], r["language"], r["figures_extracted"]) for r in rows] == [
        ("floods", "Floods in the valley", "en", True), ("tractors", "Tractor sales rise", "en", True)]


def test_documents_unknown_format_is_an_error(cli, floods_ledger):
    result = cli("documents", "--db", floods_ledger, "--format", "xml")
    assert result.exit_code == 2 and "unknown format 'xml'" in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_format_writes_every_file_in_that_format(cli, floods_ledger, tmp_path, fmt):
    out = tmp_path / "export"
    result = cli("export", "--db", floods_ledger, "--out", out, "--format", fmt)
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [f"documents.{fmt}", f"figures.{fmt}", f"timeline.{fmt}"]


def test_export_csv_holds_the_rows_jsonl_holds(cli, floods_ledger, tmp_path):
    import csv

    cli("export", "--db", floods_ledger, "--out", tmp_path / "j")
    cli("export", "--db", floods_ledger, "--out", tmp_path / "c", "--format", "csv")
    with (tmp_path / "c" / "figures.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["doc"], r["text"]) for r in rows] == [(r["doc"], r["text"]) for r in read_jsonl(tmp_path / "j" / "figures.jsonl")]


def test_export_parquet_holds_the_rows_jsonl_holds(cli, floods_ledger, tmp_path):
    import pyarrow.parquet as pq

    cli("export", "--db", floods_ledger, "--out", tmp_path / "j")
    cli("export", "--db", floods_ledger, "--out", tmp_path / "p", "--format", "parquet")
    rows = pq.read_table(tmp_path / "p" / "figures.parquet").to_pylist()
    assert [(r["doc"], r["low"]) for r in rows] == [(r["doc"], r["low"]) for r in read_jsonl(tmp_path / "j" / "figures.jsonl")]


def test_export_unknown_format_is_an_error_and_writes_nothing(cli, floods_ledger, tmp_path):
    out = tmp_path / "export"
    result = cli("export", "--db", floods_ledger, "--out", out, "--format", "xlsx")
    assert result.exit_code == 2
    assert "unknown export format 'xlsx': use jsonl, csv, parquet" in result.stderr
    assert not out.exists()


# --- export, documents, version -----------------------------------------------------------------

def test_export_writes_every_file_into_out(cli, seed_ledger, tmp_path):
    out = tmp_path / "deep" / "export"
    result = cli("export", "--db", seed_ledger, "--out", out)
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["documents.jsonl", "figures.jsonl", "timeline.jsonl"]
    assert len(read_jsonl(out / "documents.jsonl")) == 5
    assert f"wrote {len(read_jsonl(out / 'figures.jsonl'))} figures and 5 documents" in result.stderr


def test_documents_lists_every_document(cli, seed_ledger, seed_files):
    result = cli("documents", "--db", seed_ledger)
    assert result.exit_code == 0
    for f in seed_files:
        assert f.stem in result.stdout


def test_documents_marks_a_non_english_document_as_stored_not_extracted(cli, tmp_path):
    db = tmp_path / "ledger.db"
    cli("ingest", write(tmp_path / "hochwasser.txt", GERMAN), write(tmp_path / "floods.txt", ENGLISH), "--db", db)
    result = cli("documents", "--db", db)
    [german] = _lines_naming(result.stdout, "hochwasser")
    [english] = _lines_naming(result.stdout, "floods")
    assert "de (stored, not extracted)" in german
    assert "not extracted" not in english


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"newsledger {__version__}"


FIGURE_FIELDS = {"doc", "start", "end", "text", "low", "high", "unit", "measure", "subject", "speaker",
                 "stated_on", "claim"}
DOCUMENT_FIELDS = {"doc", "title", "outlet", "published", "language", "body", "duplicate_of", "story"}


def test_export_has_every_field_of_the_format(seed_export):
    figures, documents = read_jsonl(seed_export / "figures.jsonl"), read_jsonl(seed_export / "documents.jsonl")
    assert figures and all(FIGURE_FIELDS <= set(f) for f in figures)
    assert all(DOCUMENT_FIELDS <= set(d) for d in documents)


def test_exported_offsets_index_the_file_as_decoded(seed_export, seeds):
    for f in read_jsonl(seed_export / "figures.jsonl"):
        original = (seeds / f"{f['doc']}.txt").read_bytes().decode("utf-8")
        assert original[f["start"]:f["end"]] == f["text"]


# --- serve ------------------------------------------------------------------------------------

def _served(cli, monkeypatch, *args) -> dict:
    """What ``serve`` hands uvicorn, without starting a server."""
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: seen.update(kwargs, app=app))
    result = cli("serve", *args)
    assert result.exit_code == 0, result.output
    return seen


def test_serve_listens_on_loopback_only_by_default(cli, seed_ledger, monkeypatch):
    assert _served(cli, monkeypatch, "--db", seed_ledger)["host"] == "127.0.0.1"


def test_serve_listens_elsewhere_only_when_asked(cli, seed_ledger, monkeypatch):
    assert _served(cli, monkeypatch, "--db", seed_ledger, "--host", "0.0.0.0")["host"] == "0.0.0.0"


# --- help ---------------------------------------------------------------------------------------

def _help(cli, *command: str) -> str:
    """The help text with the table borders and line wrapping taken out."""
    result = cli(*command, "--help")
    assert result.exit_code == 0, result.output
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", result.stdout).split())


HELP = {
    (): ["--version print the version and exit"],
    ("ingest",): [
        "PATH files, folders (read recursively), http(s) URLs or RSS/Atom feeds to read, one or more",
        "--db FILE the ledger: an SQLite file (ingest creates it)",
        "--published DATE publication date (YYYY-MM-DD) for every article read in this run",
        "--outlet NAME outlet name for every article read in this run",
        "--allow-private allow fetching from loopback and private network addresses",
        "--quiet -q print only problems and the summary, not a line per article",
        "--jobs -j NUMBER [x>=1] analyse articles in this many processes (default: one per core)"],
    ("report",): [
        "--db FILE the ledger",
        "--format -f FORMAT terminal (tables), html (one self-contained file) or markdown; json: the tables' rows",
        "--output -o FILE write the report to this file instead of the screen",
        "--measure MEASURE only figures of this measure: casualties, killed, wounded",
        "--all also show figures of measure 'other'"],
    ("export",): [
        "--db FILE the ledger",
        "--out FOLDER folder to write figures.jsonl, documents.jsonl and timeline.jsonl into",
        "--format -f FORMAT jsonl (one JSON object a line), csv (lists as JSON text) or parquet"],
    ("documents",): ["--db FILE the ledger", "--format -f FORMAT table (for reading) or json"],
    ("serve",): [
        "--db FILE the ledger",
        "--host ADDRESS address to listen on; the default lets only this machine in [default: 127.0.0.1]",
        "--port NUMBER port to listen on"],
}


@pytest.mark.parametrize("command", list(HELP), ids=lambda c: " ".join(c) or "newsledger")
def test_help_says_what_each_option_means(cli, command):
    text = _help(cli, *command)
    for line in HELP[command]:
        assert line in text, (line, text)


@pytest.mark.parametrize("command", list(HELP), ids=lambda c: " ".join(c) or "newsledger")
def test_help_shows_no_python_type_in_place_of_a_value(cli, command):
    assert not re.search(r"<(bool|str|int|float|path|list\[\w+\])>", _help(cli, *command))
