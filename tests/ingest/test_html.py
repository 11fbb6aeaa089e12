import datetime as dt
import gzip
import re

from newsledger.ingest.html import (
    MAX_HTML_BYTES, article_from_html, doc_id_from_url, read_html_file,
)
from newsledger.model import Article, Problem

from .conftest import KOREAN, VENTUREBEAT, own_page, page_html, page_path, truth


def _tokens(text):
    return re.findall(r"\w+", text)


def test_benchmark_page_becomes_article_named_after_file():
    a = read_html_file(page_path(VENTUREBEAT))
    assert isinstance(a, Article)
    assert a.doc == page_path(VENTUREBEAT).name.removesuffix(".html.gz")
    assert a.kind == "html"


def test_extracted_text_covers_the_true_body():
    a = read_html_file(page_path(VENTUREBEAT))
    true = set(_tokens(truth(VENTUREBEAT)["articleBody"]))
    got = set(_tokens(a.text))
    assert len(true & got) / len(true) > 0.95


def test_text_opens_with_title_and_keeps_the_page():
    a = read_html_file(page_path(VENTUREBEAT))
    assert a.title and a.text.startswith(a.title + "\n\n")
    assert a.html == page_html(VENTUREBEAT)


def test_outlet_comes_from_site_name():
    assert read_html_file(page_path(VENTUREBEAT)).outlet == "VentureBeat"


def test_publication_date_stated_by_page():
    # The page's own URL and links say 2019/11/18 (US time); its ISO stamp is 07:03 UTC next day.
    a = read_html_file(page_path(VENTUREBEAT))
    assert a.published == dt.date(2019, 11, 18)
    assert a.published_inferred is False


def test_date_in_meta_tag_is_used():
    html = own_page(head='<meta property="article:published_time" content="2024-03-05T10:00:00Z">')
    a = article_from_html(html, "d", "src")
    assert a.published == dt.date(2024, 3, 5)


def test_date_only_in_visible_text_is_left_to_inference():
    a = article_from_html(own_page(body_extra="<p>Posted on March 5, 2024.</p>"), "d", "src")
    assert a.published is None and a.published_inferred is False


def test_plain_html_and_htm_files_named_without_suffix(tmp_path):
    for name in ("story.html", "other.htm"):
        (tmp_path / name).write_text(own_page(), encoding="utf-8")
        assert read_html_file(tmp_path / name).doc == name.rsplit(".", 1)[0]


def test_non_english_page_is_still_an_article_marked_with_its_language():
    a = read_html_file(page_path(KOREAN))
    assert isinstance(a, Article) and a.language == "ko"


def test_english_page_language():
    assert read_html_file(page_path(VENTUREBEAT)).language == "en"


def test_article_from_html_keeps_given_url_and_doc():
    a = article_from_html(own_page(), "my-doc", "somewhere", url="https://example.org/a")
    assert (a.doc, a.source, a.url) == ("my-doc", "somewhere", "https://example.org/a")
    assert "Paragraph 3" in a.text


def test_truncated_gzip_is_a_problem(tmp_path):
    data = page_path(VENTUREBEAT).read_bytes()
    bad = tmp_path / "cut.html.gz"
    bad.write_bytes(data[: len(data) // 2])
    p = read_html_file(bad)
    assert isinstance(p, Problem) and "truncated" in p.message


def test_decompression_bomb_is_refused(tmp_path):
    bomb = tmp_path / "bomb.html.gz"
    with gzip.open(bomb, "wb", compresslevel=1) as fh:
        chunk = b" " * 1_000_000
        for _ in range(MAX_HTML_BYTES // len(chunk) + 2):
            fh.write(chunk)
    assert bomb.stat().st_size < 1_000_000
    p = read_html_file(bomb)
    assert isinstance(p, Problem) and "decompression bomb" in p.message


def test_not_gzip_despite_suffix(tmp_path):
    f = tmp_path / "x.html.gz"
    f.write_text(own_page(), encoding="utf-8")
    p = read_html_file(f)
    assert isinstance(p, Problem) and "not a gzip file" in p.message


def test_page_cut_short_still_yields_its_text():
    html = page_html(VENTUREBEAT)
    a = article_from_html(html[: int(len(html) * 0.9)], "cut", "src")
    true = set(_tokens(truth(VENTUREBEAT)["articleBody"]))
    assert len(true & set(_tokens(a.text))) / len(true) > 0.95


def test_unclosed_containers_still_yield_the_article():
    broken = page_html(VENTUREBEAT).replace("</div>", "")
    a = article_from_html(broken, "broken", "src")
    true = set(_tokens(truth(VENTUREBEAT)["articleBody"]))
    assert len(true & set(_tokens(a.text))) / len(true) > 0.95


def test_garbage_markup_is_a_problem_not_a_crash():
    p = article_from_html("<<<>>><</ <p <div></ >>" * 50, "g", "src")
    assert isinstance(p, Problem) and "no article text" in p.message


def test_binary_file_is_a_problem(tmp_path):
    f = tmp_path / "img.html"
    f.write_bytes(bytes(range(256)) * 20)
    p = read_html_file(f)
    assert isinstance(p, Problem) and "binary" in p.message


def test_doc_id_from_url_is_stable_and_ignores_fragment():
    a = doc_id_from_url("https://www.example.org/news/1")
    assert a == doc_id_from_url("https://www.example.org/news/1#comments")
    assert a.startswith("example.org-") and a != doc_id_from_url("https://www.example.org/news/2")
