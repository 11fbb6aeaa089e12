"""Every reader on hostile and odd input (Hypothesis): random bytes under every suffix, invalid
UTF-8 and BOMs, control characters and right-to-left text, truncated gzip and WARC, deeply
nested HTML, huge attributes, 1 MB lines, empty and whitespace-only articles.

Properties: the readers never raise (each input gives Articles or a one-line ``Problem`` of the
project's own, never dispatch's last-resort "could not read: <exception>"), they finish within
the deadline, and what they give is an article with text.
"""
from __future__ import annotations

import json
import time

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsledger.ingest.feeds import articles_from_feed
from newsledger.ingest.fetch import FetchConfig, Fetcher
from newsledger.ingest.language import detect_language, normalise
from newsledger.ingest.manifest import parse_date
from newsledger.model import Article, Problem

from .fuzz_inputs import (ARTICLE_TEXT, FUZZ, FUZZ_SLOW, assert_clear, build_warc, gz, jsonl_line,
                          mangled_bytes, odd_text, page, read, whitespace_only, write)

SUFFIXES = [".txt", ".json", ".html", ".htm", ".html.gz", ".jsonl", ".jsonl.gz", ".ndjson",
            ".warc", ".warc.gz", ".rss", ".atom", ".xml", ".csv", ""]


# -- random bytes under every suffix --------------------------------------------------------------

@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(data=st.binary(max_size=3000))
@example(data=b"")
@example(data=b"\x00" * 64)
@example(data=b"\x1f\x8b\x08")  # a gzip magic and nothing else
@example(data=b"WARC/1.0\r\n")
@example(data=b"WARC/1.0\r\nContent-Length: 99999999999999999999\r\n\r\n")
def test_random_bytes_are_read_or_refused(tmp_path, suffix, data):
    read(write(tmp_path, suffix, data))


# -- text-like inputs: odd characters, mixed newlines, encodings ----------------------------------

@FUZZ
@given(text=odd_text())
def test_odd_text_files(tmp_path, text):
    items = read(write(tmp_path, ".txt", text.encode("utf-8")))
    assert len(items) == 1
    body = text.removeprefix("\ufeff")
    if isinstance(items[0], Article):
        assert items[0].text == body, "the text reader rewrote the text"
    elif "\x00" not in text[:4096]:
        assert items[0].message in ("empty article", "binary file, not text"), items[0].message


@FUZZ
@given(text=odd_text(), data=st.data())
def test_mangled_encodings_in_text_files(tmp_path, text, data):
    items = read(write(tmp_path, ".txt", data.draw(mangled_bytes(text))))
    assert len(items) == 1


@FUZZ
@given(text=whitespace_only)
@example(text="")
@example(text="\ufeff")
@example(text="\ufeff\n\n")
def test_empty_and_whitespace_only_articles_are_refused(tmp_path, text):
    raw = text.encode("utf-8")
    for suffix, data in [(".txt", raw),
                         (".json", json.dumps({"title": text, "text": text}).encode()),
                         (".jsonl", jsonl_line(text=text) + jsonl_line(html=text) + b"\n" + raw),
                         (".html", f"<html><body><p>{text}</p></body></html>".encode()),
                         (".html.gz", gz(raw))]:
        items = read(write(tmp_path, suffix, data))
        assert all(isinstance(i, Problem) for i in items), (suffix, items)


@FUZZ
@given(text=odd_text(), title=odd_text(max_lines=2), data=st.data())
def test_odd_json_articles(tmp_path, text, title, data):
    rec = data.draw(st.fixed_dictionaries({}, optional={
        "title": st.just(title), "text": st.just(text), "body-paragraphs": st.lists(st.one_of(st.just(text), st.lists(st.one_of(st.just(title), st.integers(), st.none()), max_size=3), st.integers(), st.none()), max_size=3),
        "published": st.one_of(st.just(title), st.sampled_from(["2031-02-30", "9999-99-99", "-1", "2031-01-01T25:00"])),
        "outlet": st.one_of(st.just(title), st.integers(), st.lists(st.none())), "url": st.just(title)}))
    item = read(write(tmp_path, ".json", json.dumps(rec).encode("utf-8")))
    assert len(item) == 1


@FUZZ
@given(rec=st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20)),
                        lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                st.dictionaries(st.sampled_from(["text", "html", "title", "url", "id", "doc",
                                                                                 "published", "outlet", "language", "body-paragraphs", "x"]),
                                                                inner, max_size=5)),
                        max_leaves=12))
def test_json_values_of_any_shape(tmp_path, rec):
    for suffix, data in [(".json", json.dumps(rec).encode()), (".jsonl", json.dumps(rec).encode() + b"\n")]:
        read(write(tmp_path, suffix, data))


@pytest.mark.parametrize("data, why", [
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),               # was a RecursionError
    (b'{"text": "x", "n": ' + b"7" * 5000 + b"}", "4300 digits"),       # was a ValueError
    (b'{"text": "a", "body-paragraphs": [[1, null]]}', None),
], ids=["nested", "huge-int", "null-paragraph"])
def test_json_that_json_refuses_by_raising(tmp_path, data, why):
    for suffix in (".json", ".jsonl"):
        items = read(write(tmp_path, suffix, data))
        assert len(items) == 1
        if why:
            assert isinstance(items[0], Problem) and why in items[0].message, items


def test_json_paragraphs_that_are_not_strings_are_not_text(tmp_path):
    # was a TypeError (" ".join over numbers), and a null paragraph became the text "None"
    rec = {"title": "River rises", "body-paragraphs": [[1, "The council said 40 homes were hit."], None, 7]}
    items = read(write(tmp_path, ".json", json.dumps(rec).encode()))
    assert items[0].text == "River rises\n\nThe council said 40 homes were hit."


# -- JSONL: good lines land whatever the bad lines around them ------------------------------------

@FUZZ
@given(bad=st.lists(st.one_of(st.binary(max_size=200).filter(lambda b: b"\n" not in b),
                              odd_text(max_lines=1).map(lambda s: s.encode("utf-8", "surrogatepass"))),
                    max_size=6),
       newline=st.sampled_from([b"\n", b"\r\n"]))
def test_jsonl_good_lines_survive_bad_ones(tmp_path, bad, newline):
    good = jsonl_line(id="good-one", text=ARTICLE_TEXT).rstrip(b"\n")
    lines = [b.replace(b"\n", b" ").replace(b"\r", b" ") for b in bad]
    data = newline.join([*lines, good, *lines]) + newline
    items = read(write(tmp_path, ".jsonl", data))
    assert [i.doc for i in items if isinstance(i, Article)].count("good-one") == 1


@FUZZ
@given(data=st.data())
def test_truncated_jsonl_gz(tmp_path, data):
    whole = gz(b"".join(jsonl_line(id=f"a{i}", text=ARTICLE_TEXT + str(i)) for i in range(4)))
    at = data.draw(st.integers(0, len(whole) - 1))
    items = read(write(tmp_path, ".jsonl.gz", whole[:at]))
    assert sum(isinstance(i, Problem) for i in items) >= 1 or at == 0 and items == []


# -- gzip'd HTML ----------------------------------------------------------------------------------

@FUZZ
@given(data=st.data())
def test_truncated_and_corrupt_html_gz(tmp_path, data):
    whole = gz(page().encode("utf-8"))
    at = data.draw(st.integers(0, len(whole) - 1))
    mangled = bytearray(whole[:at])
    if mangled and data.draw(st.booleans()):
        i = data.draw(st.integers(0, len(mangled) - 1))
        mangled[i] ^= data.draw(st.integers(1, 255))
    items = read(write(tmp_path, ".html.gz", bytes(mangled)))
    assert len(items) == 1


# -- WARC: truncated and corrupted archives -------------------------------------------------------

PAGES = [(f"https://westmere.example/story-{i}", page(title=f"River rises, report {i}").encode()) for i in range(3)]
# built once: a WARC holds random record ids and the time, and Hypothesis needs the same input
# for the same draws
WARCS = {True: build_warc(PAGES, gz=True), False: build_warc(PAGES, gz=False)}


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
@FUZZ_SLOW
@given(data=st.data())
def test_truncated_warc(tmp_path, compressed, data):
    whole = WARCS[compressed]
    at = data.draw(st.integers(0, len(whole) - 1))
    items = read(write(tmp_path, ".warc.gz" if compressed else ".warc", whole[:at]))
    got = [i for i in items if isinstance(i, Article)]
    assert len(got) <= len(PAGES)


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
@FUZZ_SLOW
@given(data=st.data())
def test_corrupted_warc(tmp_path, compressed, data):
    whole = bytearray(WARCS[compressed])
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(whole) - 1))
        whole[i] = data.draw(st.integers(0, 255))
    read(write(tmp_path, ".warc.gz" if compressed else ".warc", bytes(whole)))


def test_a_whole_warc_reads_every_page(tmp_path):
    for compressed, suffix in [(True, ".warc.gz"), (False, ".warc")]:
        items = read(write(tmp_path, suffix, build_warc(PAGES, gz=compressed)))
        assert [type(i) for i in items] == [Article] * 3


# -- HTML: nesting, attributes, odd text ----------------------------------------------------------

@FUZZ_SLOW
@given(depth=st.integers(1, 3000), tag=st.sampled_from(["div", "span", "b", "table", "p", "blockquote", "ul><li"]),
       closed=st.booleans())
@example(depth=3000, tag="div", closed=False)
def test_deeply_nested_html(tmp_path, depth, tag, closed):
    opener = f"<{tag}>" * depth
    closer = "".join(f"</{t}>" for t in reversed(tag.split("><"))) * depth if closed else ""
    read(write(tmp_path, ".html", page(body_extra=opener + "<p>Deep inside, 40 people were counted.</p>" + closer).encode()))


@FUZZ_SLOW
@given(size=st.integers(1, 2_000_000), where=st.sampled_from(["a-href", "div-class", "meta", "html-lang", "title"]))
@example(size=2_000_000, where="html-lang")
def test_huge_attributes(tmp_path, size, where):
    v = "x" * size
    html = {"a-href": page(body_extra=f'<a href="https://w.example/{v}">link</a>'),
            "div-class": page(body_extra=f'<div class="{v}" data-x="{v[:1000]}">' + "</div>"),
            "meta": page(head=f'<meta charset="{v}"><meta name="description" content="{v}">'),
            "html-lang": page().replace('lang="en"', f'lang="en-{v}"'),
            "title": page(title=v[:200_000])}[where]
    read(write(tmp_path, ".html", html.encode()))


@FUZZ
@given(text=odd_text(max_lines=6))
def test_odd_text_inside_html(tmp_path, text):
    body = "".join(f"<p>{line}</p>" for line in text.splitlines())
    read(write(tmp_path, ".html", page(body_extra=body, title=text[:80]).encode("utf-8", "surrogatepass")))


@FUZZ
@given(text=odd_text(max_lines=4), data=st.data())
def test_mangled_encodings_in_html(tmp_path, text, data):
    read(write(tmp_path, ".html", data.draw(mangled_bytes(page(body_extra=f"<p>{text}</p>")))))


# -- 1 MB lines -----------------------------------------------------------------------------------

MB = 1_000_000


def _timed(fn, limit: float):
    t = time.perf_counter()
    out = fn()
    assert time.perf_counter() - t < limit, f"took {time.perf_counter() - t:.1f} s"
    return out


@pytest.mark.parametrize("unit", ["word ", "x", "\u202e\u0645", "\x01 ", "12,345 "])
def test_one_megabyte_line_in_a_text_file(tmp_path, unit):
    text = "Floods in Westmere\n\n" + unit * (MB // len(unit)) + "\nThe council said 40 homes were hit.\n"
    items = _timed(lambda: read(write(tmp_path, ".txt", text.encode())), 10)
    assert len(items) == 1


def test_one_megabyte_line_in_jsonl_and_html(tmp_path):
    long = "word " * (MB // 5)
    data = jsonl_line(id="long", text=long) + jsonl_line(id="short", text=ARTICLE_TEXT)
    items = _timed(lambda: read(write(tmp_path, ".jsonl", data)), 20)
    assert {i.doc for i in items if isinstance(i, Article)} == {"long", "short"}
    _timed(lambda: read(write(tmp_path, ".html", page(body_extra=f"<p>{long}</p>").encode())), 30)


# -- feeds: entries with hostile links are refused before anything is fetched --------------------

def _items(entries: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Westmere</title>'
            f"<link>http://westmere.example/</link><description>d</description>{entries}</channel></rss>").encode()


@FUZZ
@given(link=st.one_of(st.sampled_from(["javascript:alert(1)", "file:///etc/passwd", "http://127.0.0.1/x",
                                       "http://[::1]/", "http://10.0.0.1/", "ftp://w.example/", "http://", "//x",
                                       "http://0/", "http://169.254.169.254/latest/", "data:text/html,<p>x</p>"]),
                      st.text(st.characters(codec="ascii", exclude_characters="<&"), max_size=40)),
       title=odd_text(max_lines=1))
def test_feed_entries_with_hostile_links(link, title):
    from xml.sax.saxutils import escape
    fetcher = Fetcher(FetchConfig(connect_timeout=0.5, read_timeout=0.5, total_timeout=1.0, min_interval=0))
    data = _items(f"<item><title>{escape(title)}</title><link>{escape(link)}</link></item>")
    try:
        for item in articles_from_feed(data, "feed.xml", fetcher):
            assert isinstance(item, Problem), item
            assert_clear(item)
    finally:
        fetcher.close()


# -- manifest and language ------------------------------------------------------------------------

@FUZZ
@given(data=st.binary(max_size=1000))
@example(data=b"file,published\r\n\x00,\x00\r\n")
@example(data=b"\xff\xfe")
@example(data=b'file,published\n"unclosed,2031-01-01\n')
def test_hostile_manifest(tmp_path, data):
    folder = tmp_path / f"m{abs(hash(data))}"
    folder.mkdir(exist_ok=True)
    (folder / "manifest.csv").write_bytes(data)
    (folder / "a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    items = read(folder)
    assert [i.doc for i in items if isinstance(i, Article)] == ["a"]
    assert len(items) <= 2  # and at most one line about the manifest


@FUZZ
@given(value=st.one_of(st.none(), st.text(max_size=40)))
def test_parse_date_never_raises(value):
    parse_date(value)


@FUZZ
@given(text=odd_text(), hint=st.one_of(st.none(), st.text(max_size=12)))
def test_language_never_raises(text, hint):
    lang = detect_language(text, hint=hint)
    assert lang is None or (len(lang) == 2 and lang.isalpha())
    normalise(hint)


def test_a_manifest_that_is_not_utf8_is_reported_and_its_folder_still_read(tmp_path):
    # was a UnicodeDecodeError out of iter_articles: the whole ingest stopped
    (tmp_path / "manifest.csv").write_bytes(b"file,outlet\r\na.txt,Gazette \xff\r\n")
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    items = read(tmp_path)
    assert [type(i) for i in items] == [Problem, Article]
    assert items[0].message == "manifest not UTF-8 (byte 0xff); its metadata is not used"


def test_a_manifest_with_a_huge_field_is_reported(tmp_path):
    (tmp_path / "manifest.csv").write_text("file,title\na.txt," + "x" * 200_000 + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    items = read(tmp_path)
    assert [type(i) for i in items] == [Problem, Article]
    assert "not a readable CSV" in items[0].message


@pytest.mark.parametrize("text", ["\ufeff", "\ufeff\ufeff\n", "\u200b\u200e\u202e \n", "\x0b\x0c\x1c", "\u00ad\u2060"])
def test_invisible_only_articles_are_empty(tmp_path, text):
    # were stored as articles: str.strip() keeps BOMs, zero-width and direction marks
    for suffix, data in [(".txt", text.encode()), (".json", json.dumps({"text": text}).encode()),
                         (".jsonl", jsonl_line(text=text))]:
        items = read(write(tmp_path, suffix, data))
        assert [type(i) for i in items] == [Problem], (suffix, items)


@pytest.mark.parametrize("suffix, data, message", [
    (".warc", b"WARC/1.0\r\nbroken\r\n\r\n", "no HTML pages in this WARC file (no successful HTML response records)"),
    (".jsonl", b"\n \r\n\n", "no articles: the file is empty or every line is blank"),
    (".rss", b'<rss version="2.0"><channel><title>t</title></channel></rss>', "the feed has no entries"),
])
def test_inputs_with_nothing_in_them_say_so(tmp_path, suffix, data, message):
    # each gave nothing at all: no article, no line, exit status 0
    items = read(write(tmp_path, suffix, data))
    assert [(type(i), i.message) for i in items] == [(Problem, message)]


def test_a_page_that_would_take_minutes_to_extract_is_refused_in_bounded_time(tmp_path):
    # 20,000 links in one paragraph (a 320 kB page) took 30 s in trafilatura, 200,000 hours
    data = page(body_extra="<p>" + "<a href=x>w</a> " * 20_000 + "</p>").encode()
    items = _timed(lambda: read(write(tmp_path, ".html", data)), 5)
    assert [(type(i), i.message) for i in items] == [
        (Problem, "an element of the page has 20,000 child elements (over 5,000); refused: extracting it would take minutes")]


def test_extraction_is_stopped_by_the_timer(tmp_path, monkeypatch):
    from newsledger.ingest import html as html_reader
    monkeypatch.setattr(html_reader, "EXTRACT_SECONDS", 0.001)
    items = read(write(tmp_path, ".html", page().encode()))
    assert [(type(i), i.message) for i in items] == [
        (Problem, "the page's markup took more than 0.001 s to extract (thousands of elements in one container); refused")]
    monkeypatch.setattr(html_reader, "EXTRACT_SECONDS", 20.0)
    # and the next page is read normally: the timer is gone
    assert [type(i) for i in read(write(tmp_path, ".html", page().encode()))] == [Article]
