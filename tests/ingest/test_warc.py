import pytest

from newsledger.ingest import iter_articles
from newsledger.ingest.html import doc_id_from_url
from newsledger.ingest.warc import read_warc_file
from newsledger.model import Article, Problem

from .conftest import VENTUREBEAT, page_html
from .warcs import PAGES, build_warc, record_offsets


def _write(tmp_path, data, gz=True):
    f = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    f.write_bytes(data)
    return f


@pytest.mark.parametrize("gz", [True, False])
def test_html_responses_become_articles_and_the_rest_is_skipped(tmp_path, gz):
    items = list(read_warc_file(_write(tmp_path, build_warc(gz), gz)))
    assert [type(i) for i in items] == [Article] * 3
    assert [i.url for i in items] == [uri for uri, _ in PAGES]


def test_doc_id_comes_from_target_uri(tmp_path):
    items = list(read_warc_file(_write(tmp_path, build_warc())))
    assert [i.doc for i in items] == [doc_id_from_url(uri) for uri, _ in PAGES]


def test_record_keeps_page_and_kind(tmp_path):
    first = next(iter(read_warc_file(_write(tmp_path, build_warc()))))
    assert first.kind == "warc" and first.html == page_html(VENTUREBEAT)


def test_broken_gzip_record_is_reported_and_the_rest_goes_on(tmp_path):
    data = build_warc()
    at = record_offsets(data)[PAGES[1][0]]
    broken = data[: at + 40] + b"\x00garbage\xff" * 8 + data[at + 120:]
    items = list(read_warc_file(_write(tmp_path, broken)))
    assert [type(i) for i in items] == [Article, Problem, Article]
    assert items[1].message == f"broken WARC record at byte {at} (invalid record header); skipped to the next record"
    assert items[2].url == PAGES[2][0]


def test_wrong_content_length_in_plain_warc_is_reported_and_the_rest_goes_on(tmp_path):
    data = build_warc(gz=False)
    at = record_offsets(data)[PAGES[1][0]]
    start = data.index(b"Content-Length: ", at)
    end = data.index(b"\r\n", start)
    broken = data[:start] + b"Content-Length: 500" + data[end:]
    items = list(read_warc_file(_write(tmp_path, broken, gz=False)))
    assert isinstance(items[0], Article) and isinstance(items[-1], Article)
    assert any(isinstance(i, Problem) and "broken WARC record" in i.message for i in items)
    assert items[-1].url == PAGES[2][0]


def test_truncated_warc_gz_keeps_the_records_before(tmp_path):
    data = build_warc()
    items = list(read_warc_file(_write(tmp_path, data[: record_offsets(data)[PAGES[2][0]] + 500])))
    assert [type(i) for i in items] == [Article, Article, Problem]
    assert "truncated WARC" in items[2].message


def test_not_a_warc(tmp_path):
    f = tmp_path / "notes.warc"
    f.write_text("just some notes", encoding="utf-8")
    (p,) = read_warc_file(f)
    assert isinstance(p, Problem) and p.message.startswith("not a WARC file")


def test_warc_dispatched_by_suffix(tmp_path):
    _write(tmp_path, build_warc())
    assert [type(i) for i in iter_articles([str(tmp_path)])] == [Article] * 3
