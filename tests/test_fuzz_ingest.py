"""Hostile and odd input through ``newsledger.ledger.ingest`` on a temporary ledger (Hypothesis):
whatever the input, ingest returns a report (never raises), every refusal is one clear line, a
refused input leaves every table of the ledger as it was, and the good articles beside it land.

spaCy analyses what is accepted, so the examples are few and short.
"""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsledger import store
from newsledger.ledger import ingest

from .fuzz_inputs import (ARTICLE_TEXT, FUZZ, assert_clear, build_warc, gz, jsonl_line, mangled_bytes,
                          odd_text, page, whitespace_only, write)

INGEST = settings(FUZZ, max_examples=8, deadline=None)  # the first example loads spaCy


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                         "AND name NOT LIKE 'sqlite_%'")]
    return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    """One ledger for the module, with one article in it, so 'unchanged' means something."""
    folder = tmp_path_factory.mktemp("fuzz-ledger")
    conn = store.connect(folder / "ledger.db")
    (folder / "first.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    report = ingest(conn, [str(folder / "first.txt")], published=None)
    assert report.added == ["first"], report.problems
    yield conn, folder
    conn.close()


REFUSED = st.one_of(
    st.binary(max_size=500).map(lambda b: (".txt", b"\x00" + b)),                          # binary
    whitespace_only.map(lambda s: (".txt", s.encode("utf-8"))),                             # empty
    st.sampled_from([(".txt", b"\xef\xbb\xbf\xe2\x80\x8b\n"), (".txt", b"caf\xe9 au lait, 40 homes"),
                     (".json", b'{"text": ' * 3000), (".json", b"[" * 50_000),
                     (".jsonl", b"not json\n{}\n[1]\n"), (".html", b"<html><body><script>x</script></body></html>"),
                     (".html.gz", gz(page().encode())[:60]), (".jsonl.gz", gz(jsonl_line(text=ARTICLE_TEXT))[:40]),
                     (".warc.gz", b"\x1f\x8b\x08" + bytes(100)), (".warc", b"WARC/1.0\r\nbroken\r\n\r\n"),
                     (".rss", b"<rss><channel><item><link>http://127.0.0.1/x</link></item></channel></rss>"),
                     (".rss", b'<rss version="2.0"><channel><title>t</title></channel></rss>'),
                     (".jsonl", b"\n\r\n  \n"), (".warc", b"WARC/1.0\r\nbroken\r\n\r\n")]),
    st.binary(max_size=300).map(lambda b: (".json", b)).filter(lambda x: not x[1].strip().startswith(b"{")),
)


@INGEST
@given(bad=REFUSED)
@example(bad=(".warc", b"WARC/1.0\r\nbroken\r\n\r\n"))  # was read as nothing at all, and said nothing
def test_a_refused_input_leaves_the_ledger_unchanged(ledger, bad):
    conn, folder = ledger
    before = counts(conn)
    report = ingest(conn, [str(write(folder, *bad))])
    assert report.added == [], report.added
    assert report.problems, "a refused input must be reported"
    for p in report.problems:
        assert_clear(p)
    assert counts(conn) == before


@INGEST
@given(text=odd_text(max_lines=8), data=st.data(), bad=st.lists(REFUSED, max_size=3))
@example(text="\u202eRiver rises\u202c\n\nOfficials said 40 homes\x00 were hit.\u2028Morrow said 12 pumps arrived.\r\n",
         data=None, bad=[])
def test_odd_articles_land_beside_refused_ones(ledger, text, data, bad):
    conn, folder = ledger
    # a fresh line makes the good article new to the ledger (not "unchanged")
    good = text + f"\n\nThe council said {len(text) + 7} homes in Westmere were hit on Monday.\n"
    raw = good.encode("utf-8", "surrogatepass")
    if data is not None and data.draw(st.booleans()):
        raw = data.draw(mangled_bytes(good))
    before = counts(conn)
    paths = [write(folder, ".txt", raw)] + [write(folder, *b) for b in bad]
    report = ingest(conn, [str(p) for p in paths])
    for p in report.problems:
        assert_clear(p)
        assert not p.message.startswith(("not analysed", "not stored")), p.message
    after = counts(conn)
    assert after["documents"] == before["documents"] + len(report.added)
    assert len(report.added) + len(report.unchanged) + len(report.problems) >= len(paths)
    if not bad and not report.problems:
        assert len(report.added) + len(report.unchanged) == 1
    for doc in report.added:
        (text_stored,) = conn.execute("SELECT text FROM documents WHERE doc = ?", (doc,)).fetchone()
        assert text_stored.strip()


def test_a_folder_of_hostile_files_with_one_good_article(ledger, tmp_path):
    conn, _ = ledger
    (tmp_path / "manifest.csv").write_bytes(b"file,outlet\r\ngood.txt,\xff\r\n")
    (tmp_path / "good.txt").write_text("Ferry service resumes\n\nThe operator said 12 crossings ran on Thursday.\n",
                                       encoding="utf-8")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf\n")
    (tmp_path / "deep.json").write_bytes(b"[" * 50_000)
    (tmp_path / "cut.warc.gz").write_bytes(build_warc([("https://w.example/a", page().encode())])[:300])
    (tmp_path / "nul.txt").write_bytes(b"River\x00rises")
    (tmp_path / "lines.jsonl").write_bytes(b"{oops\n" + jsonl_line(text=" \u200b ") + b"[]\n")
    before = counts(conn)
    report = ingest(conn, [str(tmp_path)])
    assert report.added == ["good"]
    for p in report.problems:
        assert_clear(p)
    by_file = {p.source.rsplit("/", 1)[-1]: p.message for p in report.problems}
    assert len(report.problems) == 8, by_file  # the manifest, four files, three JSONL lines
    assert by_file["manifest.csv"] == "manifest not UTF-8 (byte 0xff); its metadata is not used"
    assert by_file["bom.txt"] == "empty article"
    assert by_file["deep.json"] == "cannot read JSON: nested too deeply"
    assert by_file["nul.txt"] == "binary file, not text"
    assert counts(conn)["documents"] == before["documents"] + 1
