import datetime as dt
import gzip
import json
import re

from newsledger.ingest import iter_articles
from newsledger.ingest.html import doc_id_from_url
from newsledger.ingest.jsonl import read_jsonl_file
from newsledger.model import Article, Problem

from .conftest import KOREAN, SCIENCEALERT, VENTUREBEAT, page_html, truth

OWN_TEXT = ("The council said on Monday that 1,200 homes had been connected to the new water main, "
            "and that another 300 would follow before the end of the month.")


def _lines():
    return [
        {"html": page_html(VENTUREBEAT), "url": "https://venturebeat.example/story", "id": "vb"},
        {"text": OWN_TEXT, "title": "Water main", "outlet": "Test Gazette", "published": "2024-02-03",
         "url": "https://gazette.example/water"},
        {"html": page_html(SCIENCEALERT), "title": "Collector's title", "published": "2020-01-02T10:00:00Z"},
    ]


def _write(path, records, gz=False):
    data = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records).encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def test_one_article_per_line(tmp_path):
    items = list(read_jsonl_file(_write(tmp_path / "dump.jsonl", _lines())))
    assert [type(i) for i in items] == [Article, Article, Article]
    assert {i.kind for i in items} == {"jsonl"}


def test_html_line_is_extracted_like_a_page(tmp_path):
    vb = next(iter(read_jsonl_file(_write(tmp_path / "dump.jsonl", _lines()))))
    assert vb.html == page_html(VENTUREBEAT) and vb.url == "https://venturebeat.example/story"
    true = set(re.findall(r"\w+", truth(VENTUREBEAT)["articleBody"]))
    assert len(true & set(re.findall(r"\w+", vb.text))) / len(true) > 0.95


def test_text_line_keeps_its_metadata(tmp_path):
    text = list(read_jsonl_file(_write(tmp_path / "dump.jsonl", _lines())))[1]
    assert text.text == "Water main\n\n" + OWN_TEXT
    assert (text.outlet, text.published, text.language) == ("Test Gazette", dt.date(2024, 2, 3), "en")


def test_record_metadata_beats_the_page(tmp_path):
    sa = list(read_jsonl_file(_write(tmp_path / "dump.jsonl", _lines())))[2]
    assert sa.title == "Collector's title" and sa.published == dt.date(2020, 1, 2)


def test_doc_ids_from_id_then_url_then_line(tmp_path):
    ids = [i.doc for i in read_jsonl_file(_write(tmp_path / "dump.jsonl", _lines()))]
    assert ids == ["vb", doc_id_from_url("https://gazette.example/water"), "dump-00003"]


def test_bad_lines_are_named_and_the_rest_goes_on(tmp_path):
    records = ["{not json", _lines()[1], "[1, 2]", {"title": "no body"}, "", _lines()[1]]
    items = list(read_jsonl_file(_write(tmp_path / "dump.jsonl", records)))
    assert [type(i) for i in items] == [Problem, Article, Problem, Problem, Article]
    assert items[0].message.startswith("line 1 is not valid JSON")
    assert items[2].message == "line 3 is not a JSON object"
    assert items[3].message.startswith("line 4: no article text") and items[3].source.endswith(":4")


def test_html_line_without_article_is_a_problem(tmp_path):
    (p,) = read_jsonl_file(_write(tmp_path / "d.jsonl", [{"html": "<html><body></body></html>"}]))
    assert isinstance(p, Problem) and p.message == "line 1: no article text found in the page"


def test_gzipped_jsonl(tmp_path):
    items = list(iter_articles([str(_write(tmp_path / "dump.jsonl.gz", _lines(), gz=True))]))
    assert [type(i) for i in items] == [Article, Article, Article]
    assert items[2].doc == "dump-00003"


def test_truncated_gzip_keeps_the_lines_before(tmp_path):
    records = [{"text": OWN_TEXT, "id": f"r{n}"} for n in range(200)] + [{"html": page_html(KOREAN)}]
    f = _write(tmp_path / "dump.jsonl.gz", records, gz=True)
    f.write_bytes(f.read_bytes()[:-2000])
    items = list(read_jsonl_file(f))
    assert isinstance(items[0], Article) and isinstance(items[-1], Problem)
    assert items[-1].message.startswith("truncated gzip file: stopped after line")
