"""The Spark job (newsledger/spark): analysed on Spark in local mode, loaded into a ledger, it
gives the ledger a local ingest of the same inputs gives.

The inputs are built here from articles written for these tests: a WARC as a news crawl writes
it (request/response pairs, a redirect and an image among the pages) and a JSONL file with a
broken line and an article in German. One SparkSession and one job run serve the module.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import pathlib
import shutil

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsledger import ledger, store
from newsledger.model import Article
from newsledger.pipeline import analyse
from newsledger.spark.__main__ import main
from newsledger.spark.inputs import expand
from newsledger.spark.load import load, rows_in_order
from newsledger.spark.rows import analysis_to_row, row_to_analysis

FLOOD_BODY = [
    "At least 4,000 people have been forced from their homes after the Kessel river burst its banks, "
    "regional officials said on Monday.",
    "Maria Lindqvist, the head of the regional emergency office, said 12 people had died and 35 were "
    "still missing.",
    "\u201cWe have opened 18 shelters across the valley,\u201d she told reporters in the town of Ostby.",
    "The national weather service said more than 200 millimetres of rain had fallen in two days.",
]
UPDATE_BODY = [
    "The number of people killed by the floods in the Kessel valley has risen to 19, Maria Lindqvist "
    "said on Wednesday.",
    "About 6,500 people remain in emergency shelters, according to the Red Cross.",
    "Repairs to roads and bridges will cost an estimated \u20ac45m, the transport ministry said.",
]
PAGES = [
    ("https://valleyherald.example/2025/03/kessel-floods", "Valley Herald", "2025-03-04",
     "Floods drive thousands from their homes in Kessel valley", FLOOD_BODY),
    # the same report syndicated a day later, with a line of its own: a copy of the first
    ("https://northpost.example/news/kessel-floods-homes", "North Post", "2025-03-05",
     "Floods drive thousands from their homes in Kessel valley",
     FLOOD_BODY + ["This report first appeared in the Valley Herald."]),
    ("https://valleyherald.example/2025/03/kessel-toll-rises", "Valley Herald", "2025-03-06",
     "Death toll in Kessel floods rises to 19", UPDATE_BODY),
]
SHIPPING = ("Norvik Shipping said on Tuesday that its quarterly profit rose 14% to $310m. Chief executive "
            "Anders Holm told analysts the company would hire 250 more staff next year.")
GERMAN = ("Die Polizei hat am Dienstag in der Innenstadt 30 Personen festgenommen. Nach Angaben der "
          "Stadtverwaltung waren mehr als 2000 Menschen auf den Strassen, die meisten friedlich.")


def _page(outlet: str, published: str, title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:site_name" content="{outlet}">'
            f'<meta property="article:published_time" content="{published}T08:00:00Z"></head>'
            f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright {outlet}</footer></body></html>").encode("utf-8")


def build_warc() -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    w.write_record(w.create_warcinfo_record("kessel.warc.gz", {"software": "newsledger tests"}))

    def response(uri: str, status: str, ctype: str, payload: bytes) -> None:
        w.write_record(w.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=StatusAndHeaders(
            f"GET {uri} HTTP/1.1", [], is_http_request=True)))
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=StatusAndHeaders(
            status, [("Content-Type", ctype)], protocol="HTTP/1.1")))

    for n, (uri, outlet, published, title, paragraphs) in enumerate(PAGES):
        response(uri, "200 OK", "text/html; charset=utf-8", _page(outlet, published, title, paragraphs))
        if n == 0:
            response("https://valleyherald.example/old", "301 Moved Permanently", "text/html", b"<html>moved</html>")
            response("https://valleyherald.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    return buf.getvalue()


def build_jsonl() -> bytes:
    lines = [
        json.dumps({"id": "norvik-profit", "title": "Norvik Shipping profit rises", "text": SHIPPING,
                    "outlet": "Harbour Times", "published": "2025-02-11"}),
        '{"id": "broken", "text": "an unfinished line',
        json.dumps({"id": "demo-de", "title": "Festnahmen in der Innenstadt", "text": GERMAN,
                    "outlet": "Stadtanzeiger", "published": "2025-02-12"}),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "kessel.warc.gz").write_bytes(build_warc())
    (folder / "wire.jsonl").write_bytes(build_jsonl())
    return [str(folder / "kessel.warc.gz"), str(folder / "wire.jsonl")]


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None:
        pytest.skip("no Java runtime on this machine: `make test` installs openjdk-17-jre-headless")
    from newsledger.spark.job import session

    s = session("local[2]", app="newsledger-tests", conf={"spark.ui.enabled": "false"})
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def out(spark, inputs, tmp_path_factory) -> pathlib.Path:
    from newsledger.spark.job import run

    folder = tmp_path_factory.mktemp("spark") / "out"
    run(spark, inputs, str(folder))
    return folder


@pytest.fixture(scope="module")
def spark_ledger(out, tmp_path_factory):
    conn = store.connect(tmp_path_factory.mktemp("spark-ledger") / "ledger.db")
    report = load(conn, out)
    yield conn, report
    conn.close()


@pytest.fixture(scope="module")
def local_ledger(inputs, tmp_path_factory):
    conn = store.connect(tmp_path_factory.mktemp("local-ledger") / "ledger.db")
    report = ledger.ingest(conn, inputs)
    yield conn, report
    conn.close()


def _figures(conn) -> list[tuple]:
    return [tuple(r) for r in conn.execute(
        "SELECT d.doc, f.start, f.\"end\", f.text, f.low, f.high, f.unit, f.measure, f.subject, f.hedges, "
        "a.speaker, a.speaker_kind, a.speaker_start, a.speaker_end, a.stated_on, a.stated_on_source, f.claim "
        "FROM figures f JOIN documents d ON d.id = f.doc_id LEFT JOIN attributions a ON a.figure_id = f.id "
        "ORDER BY d.id, f.start")]


def test_figures_equal_those_of_a_local_ingest(spark_ledger, local_ledger):
    spark_figures = _figures(spark_ledger[0])
    assert len(spark_figures) >= 10
    assert spark_figures == _figures(local_ledger[0])


def test_documents_equal_those_of_a_local_ingest(spark_ledger, local_ledger):
    query = ("SELECT id, doc, content_hash, source, kind, url, title, outlet, published, language, body, "
             "skipped, duplicate_of, story FROM documents ORDER BY id")
    assert [tuple(r) for r in spark_ledger[0].execute(query)] == [tuple(r) for r in local_ledger[0].execute(query)]


def test_speakers_entities_and_claims_equal_those_of_a_local_ingest(spark_ledger, local_ledger):
    queries = ['SELECT d.doc, s.name, s.kind, s.role, s.start, s."end" FROM speakers s '
               "JOIN documents d ON d.id = s.doc_id ORDER BY s.rowid",
               'SELECT d.doc, e.text, e.label, e.start, e."end" FROM mentions_entity e '
               "JOIN documents d ON d.id = e.doc_id ORDER BY e.rowid",
               "SELECT * FROM claims ORDER BY claim",
               "SELECT alias, kind, role, canonical FROM entity_aliases ORDER BY alias, kind, role"]
    for q in queries:
        assert [tuple(r) for r in spark_ledger[0].execute(q)] == [tuple(r) for r in local_ledger[0].execute(q)], q


def test_a_figure_keeps_its_offsets_value_and_speaker(spark_ledger):
    conn = spark_ledger[0]
    row = conn.execute(
        "SELECT d.text, f.start, f.\"end\", f.low, f.high, f.measure, a.speaker, a.stated_on FROM figures f "
        "JOIN documents d ON d.id = f.doc_id JOIN attributions a ON a.figure_id = f.id "
        "WHERE d.url = ? AND f.text = '19' AND f.start > 60", (PAGES[2][0],)).fetchone()
    assert row["text"][row["start"]:row["end"]] == "19"
    assert (row["low"], row["high"], row["measure"]) == (19.0, 19.0, "killed")
    assert (row["speaker"], row["stated_on"]) == ("Maria Lindqvist", "2025-03-05")


def test_the_syndicated_copy_is_linked_to_its_original(spark_ledger):
    rows = {r["url"]: r for r in spark_ledger[0].execute("SELECT doc, url, duplicate_of FROM documents")}
    assert rows[PAGES[1][0]]["duplicate_of"] == rows[PAGES[0][0]]["doc"]


def test_a_broken_line_is_reported_and_the_rest_is_stored(spark_ledger):
    conn, report = spark_ledger
    assert [(p.source.rsplit("/", 1)[-1], p.message.split(" is ")[0]) for p in report.problems] == [
        ("wire.jsonl:2", "line 2")]
    assert len(report.added) == 5


def test_an_article_not_in_english_is_stored_without_figures(spark_ledger):
    conn, report = spark_ledger
    row = conn.execute("SELECT language, skipped, (SELECT count(*) FROM figures f WHERE f.doc_id = d.id) AS n "
                       "FROM documents d WHERE doc = 'demo-de'").fetchone()
    assert (row["language"], row["n"]) == ("de", 0) and row["skipped"].startswith("language 'de'")
    assert report.skipped_language == ["demo-de"]


def test_loading_again_changes_nothing(out, spark_ledger):
    conn, first = spark_ledger
    before = _figures(conn)
    again = load(conn, out)
    assert (again.added, sorted(again.unchanged)) == ([], sorted(first.added))
    assert _figures(conn) == before


def test_rows_come_back_in_input_order(out):
    keys = [(r["input"], r["item"]) for r in rows_in_order(out)]
    assert keys == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)]


def test_an_analysis_survives_the_row_format():
    article = Article(doc="t1", text="Officials said on Friday that 120 homes were destroyed.\n",
                      published=dt.date(2025, 1, 10), language="en", source="t1.txt")
    (an,) = analyse([article])
    assert an.mentions
    assert row_to_analysis(json.loads(json.dumps(analysis_to_row(an), default=str), object_hook=_dates)) == an


def _dates(d: dict) -> dict:
    # the JSON detour stands in for Parquet, which gives dates back as dates
    for k in ("published", "stated_on", "period_start", "period_end"):
        if isinstance(d.get(k), str):
            d[k] = dt.date.fromisoformat(d[k])
    return d


def test_inputs_other_than_jsonl_and_warc_are_refused(tmp_path):
    (tmp_path / "a.jsonl").write_text("{}\n")
    (tmp_path / "note.txt").write_text("text\n")
    files, problems = expand([str(tmp_path), str(tmp_path / "missing.warc")])
    assert files == [str((tmp_path / "a.jsonl").resolve())]
    assert [(pathlib.Path(p.source).name, p.message.split(",")[0]) for p in problems] == [
        ("note.txt", "not read by the Spark job"), ("missing.warc", "no such file or folder")]


def test_the_load_command_exits_1_when_an_input_had_a_problem(out, tmp_path):
    assert main(["load", str(out), "--db", str(tmp_path / "cli.db"), "--quiet"]) == 1


def test_load_refuses_an_unfinished_output(tmp_path, capsys):
    (tmp_path / "half").mkdir()
    assert main(["load", str(tmp_path / "half"), "--db", str(tmp_path / "x.db")]) == 2
    assert "no _SUCCESS file" in capsys.readouterr().err
