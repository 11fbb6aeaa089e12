"""Articles longer than spaCy takes at once: read in pieces with every offset kept, or, past the
stated limit, refused with a sentence that says what to do. The texts are written here.

The full-size run of real sentences (1.1 million characters of them: 8 minutes on a busy
2-core machine, most of it in the extractors and in linking 12,000 mentions of one claim) is
skipped unless NEWSLEDGER_SLOW=1; the default run checks the same path on a text of the same
length that is mostly page furniture, which is read quickly (about 8 seconds).
"""
from __future__ import annotations

import datetime as dt
import os
import sqlite3

import pytest

from newsledger import pipeline
from newsledger.model import Article
from newsledger.nlp import TextTooLong, pieces

from .conftest import ENGLISH, write

PARAGRAPH = "The harbour authority said on Tuesday that 40 boats had been moved to the northern quay.\n"
STORY = (
    "Harbour storm damage counted\n"
    "Port officials said on Monday that 40 boats had been damaged when the storm reached the northern quay.\n"
    "The harbour master, Ines Calder, said 12 cranes would stay closed until engineers had checked them.\n"
    "\n"
    "Rescue crews said they had taken 85 people off the breakwater overnight.\n"
    "The regional government said on Tuesday it would spend $3 million on repairs.\n"
    "\n"
    "Tomas Reyes, who leads the fishermen's union, said 300 members had lost a week of work.\n"
    "The ferry company said on Wednesday that 6 crossings had been cancelled.\n"
)


def _rows(db, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# --- where the text is cut ----------------------------------------------------------------------

def test_pieces_cover_the_text_end_to_end_within_the_bound():
    text = STORY * 7
    spans = pieces(text, 300)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b - a <= 300 for a, b in spans) and len(spans) > 1


def test_a_piece_ends_after_a_blank_line_when_there_is_one():
    text = "a" * 60 + "\n\n" + "b" * 30 + "\n" + "c" * 30
    assert pieces(text, 100)[0] == (0, 62)


def test_without_a_blank_line_a_piece_ends_after_a_line_break():
    text = "a" * 60 + "\n" + "b" * 30 + " " + "c" * 30
    assert pieces(text, 100)[0] == (0, 61)


def test_without_a_line_break_a_piece_ends_after_a_space():
    text = "word " * 40
    assert pieces(text, 100)[0] == (0, 100)
    assert pieces("x" * 20 + " " + "y" * 200, 40)[0] == (0, 21)


def test_a_blank_line_early_in_the_window_does_not_make_a_tiny_piece():
    text = "a\n\n" + "word " * 40
    assert pieces(text, 100)[0] == (0, 98)


def test_a_run_with_nowhere_to_cut_is_cut_at_the_bound():
    assert pieces("x" * 250, 100) == [(0, 100), (100, 200), (200, 250)]


def test_a_short_text_is_one_piece():
    assert pieces("Short.", 100) == [(0, 6)]


# --- read in pieces -----------------------------------------------------------------------------

def _article(text: str) -> Article:
    return Article(doc="storm", source="storm.txt", text=text, kind="text", published=dt.date(2031, 3, 7))


def _found(an) -> list[tuple]:
    return [(m.figure.start, m.figure.end, m.figure.text, m.figure.measure, m.speaker, m.stated_on,
             m.attribution.speaker_start if m.attribution else None) for m in an.mentions]


def test_an_article_read_in_pieces_gives_what_it_gives_whole():
    [whole] = pipeline.analyse([_article(STORY)])
    article = _article(STORY)
    lines, masked = pipeline.prepare(article)
    parts = pipeline.analyse_in_pieces(article, lines, masked, size=120)
    assert len(pieces(masked, 120)) >= 4
    assert _found(parts) == _found(whole) and len(whole.mentions) >= 5


def test_figures_found_in_a_later_piece_point_into_the_whole_text():
    article = _article(STORY)
    lines, masked = pipeline.prepare(article)
    parts = pipeline.analyse_in_pieces(article, lines, masked, size=120)
    last = parts.mentions[-1].figure
    assert (last.text, STORY[last.start:last.end]) == ("6", "6") and last.start > 120 * 3


def test_the_ledes_occasion_dates_an_undated_statement_in_a_later_piece():
    article = _article(STORY)
    lines, masked = pipeline.prepare(article)
    parts = pipeline.analyse_in_pieces(article, lines, masked, size=120)
    rescue = next(m for m in parts.mentions if m.figure.text == "85")
    assert rescue.stated_on == dt.date(2031, 3, 3)  # "on Monday" in the lede, before 7 March 2031


def test_a_text_longer_than_spacy_takes_is_ingested_with_its_offsets(cli, tmp_path):
    # page furniture between the paragraphs: the cleaner blanks it, so spaCy reads it quickly,
    # yet the text is longer than spaCy's 1,000,000 characters and is cut into pieces
    filler = "Share this article\n" * 5_300
    text = "Storm at the harbour\n" + "".join(PARAGRAPH + filler for _ in range(11))
    assert len(text) > 1_100_000
    db = tmp_path / "ledger.db"
    result = cli("ingest", write(tmp_path / "long.txt", text), "--db", db)
    assert result.exit_code == 0, result.output
    assert "E088" not in result.output
    figures = _rows(db, 'SELECT start, "end", text FROM figures ORDER BY start')
    assert len(figures) == 11 and figures[-1][0] > 1_000_000
    assert all(text[a:b] == t == "40" for a, b, t in figures)


@pytest.mark.skipif(not os.environ.get("NEWSLEDGER_SLOW"), reason="takes minutes; set NEWSLEDGER_SLOW=1 to run it")
def test_a_million_characters_of_sentences_are_read_in_full(cli, tmp_path):
    text = "Storm at the harbour\n" + PARAGRAPH * (1_100_000 // len(PARAGRAPH) + 1)
    db = tmp_path / "ledger.db"
    result = cli("ingest", write(tmp_path / "long.txt", text), "--db", db)
    assert result.exit_code == 0, result.output
    figures = _rows(db, 'SELECT start, "end", text FROM figures')
    assert len(figures) == text.count(PARAGRAPH)
    assert all(text[a:b] == t == "40" for a, b, t in figures)


# --- refused past the limit ---------------------------------------------------------------------

def test_the_refusal_names_the_size_the_limit_and_what_to_do():
    assert str(TextTooLong(12_345_678)) == (
        "the text is 12,345,678 characters long; newsledger analyses at most 10,000,000 characters "
        "per article (about 10 MB of text): split it into smaller files and ingest those")


def test_an_article_past_the_limit_is_one_problem_and_the_others_land(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_CHARS", 2_000)
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 1_000)
    text = "Storm at the harbour\n" + PARAGRAPH * 40
    long = write(tmp_path / "long.txt", text)
    floods = write(tmp_path / "floods.txt", ENGLISH)
    db = tmp_path / "ledger.db"
    result = cli("ingest", long, floods, "--db", db)
    assert result.exit_code == 1
    [line] = [ln for ln in result.stderr.splitlines() if "long.txt" in ln]
    assert f"the text is {len(text):,} characters long; newsledger analyses at most 2,000 characters" in line
    assert "split it into smaller files and ingest those" in line
    assert "E088" not in result.stderr
    assert _rows(db, "SELECT doc FROM documents") == [("floods",)]
