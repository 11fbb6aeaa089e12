import datetime as dt
import gzip
import shutil

from newsledger.ingest import iter_articles
from newsledger.ingest.dispatch import READERS
from newsledger.model import Article, Problem

from .conftest import KOREAN, VENTUREBEAT, page_path


def test_every_input_kind_is_registered():
    for key in (".html", ".htm", ".html.gz", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz", ".rss", ".atom", "url"):
        assert key in READERS, key


def test_folder_of_pages_read_by_suffix(tmp_path):
    shutil.copy(page_path(VENTUREBEAT), tmp_path)
    (tmp_path / "ko.html").write_bytes(gzip.decompress(page_path(KOREAN).read_bytes()))
    (tmp_path / "note.txt").write_text("Title\n\nSome 40 people were evacuated on Sunday, police said.\n", encoding="utf-8")
    items = list(iter_articles([str(tmp_path)]))
    assert [(type(i), i.kind) for i in items] == [(Article, "html"), (Article, "html"), (Article, "text")]
    assert items[0].doc == page_path(VENTUREBEAT).name.removesuffix(".html.gz")
    assert items[1].doc == "ko" and items[1].language == "ko"


def test_text_files_get_a_language_too(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("Title\n\nSome 40 people were evacuated from the flooded village on Sunday, police said.\n",
                 encoding="utf-8")
    (a,) = iter_articles([str(f)])
    assert a.language == "en"


def test_positional_published_and_outlet_still_apply(tmp_path):
    shutil.copy(page_path(VENTUREBEAT), tmp_path)
    (a,) = iter_articles([str(tmp_path)], dt.date(2020, 1, 1), "Given outlet")
    assert (a.published, a.outlet) == (dt.date(2020, 1, 1), "Given outlet")


def test_bad_page_does_not_stop_the_folder(tmp_path):
    (tmp_path / "a.html.gz").write_bytes(page_path(VENTUREBEAT).read_bytes()[:500])
    shutil.copy(page_path(VENTUREBEAT), tmp_path / "b.html.gz")
    items = list(iter_articles([str(tmp_path)]))
    assert [type(i) for i in items] == [Problem, Article]


def test_file_whose_name_ends_in_url_is_not_fetched(tmp_path):
    f = tmp_path / "notes_url"
    f.write_text("Title\n\nA plain note that happens to have an odd name.\n", encoding="utf-8")
    (a,) = iter_articles([str(f)])
    assert isinstance(a, Article) and a.kind == "text"
