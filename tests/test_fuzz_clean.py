"""The cleaner on hostile and odd text (Hypothesis): offsets are sacred whatever the text holds.

Properties: the lines tile the text in order (only line breaks between them), every line's
offsets index the original text and hold no line break, ``masked_text`` has the original's
length and differs only by spaces over furniture, ``body_text`` and ``title_of`` are made of
the original's lines, and the work is bounded (the deadline; 1 MB lines in plain tests).
"""
from __future__ import annotations

import time

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsledger.clean import body_text, classify_lines, masked_text, stamped_date, title_of

from .fuzz_inputs import ARTICLE_TEXT, FUZZ, NEWLINES, odd_text, whitespace_only

KINDS = {"body", "heading", "title", "furniture", "blank"}
BREAKS = set("".join(NEWLINES))


def check(text: str) -> None:
    lines = classify_lines(text)
    pos = 0
    for ln in lines:
        assert ln.kind in KINDS
        assert pos <= ln.start <= ln.end <= len(text)
        assert set(text[pos:ln.start]) <= BREAKS, f"text lost between lines: {text[pos:ln.start]!r}"
        assert not set(text[ln.start:ln.end]) & BREAKS, f"a line holds a line break: {text[ln.start:ln.end]!r}"
        pos = ln.end
    assert set(text[pos:]) <= BREAKS
    assert sum(ln.kind == "title" for ln in lines) <= 1

    masked = masked_text(text, lines)
    assert len(masked) == len(text)
    pos = 0
    for ln in lines:
        assert masked[pos:ln.start] == text[pos:ln.start], "masked_text changed a line break"
        m, t = masked[ln.start:ln.end], text[ln.start:ln.end]
        if ln.kind == "furniture":
            assert m == " " * len(t)
        else:  # unchanged, or a leading date stamp blanked
            k = len(m) - len(m.lstrip(" "))
            assert m[k:] == t[k:], f"masked_text rewrote a kept line: {t!r} -> {m!r}"
        pos = ln.end
    assert masked[pos:] == text[pos:]

    kept = {text[ln.start:ln.end] for ln in lines if ln.kind != "furniture"}
    for piece in body_text(text, lines).split("\n"):
        assert piece == "" or piece in kept, f"body_text made up a line: {piece!r}"
    title = title_of(text, lines)
    assert title is None or title in text
    stamped_date(text, lines)


@FUZZ
@given(text=odd_text(max_lines=30))
@example(text="a\u2028b\x85c\x0bd\x0ce\x1cf\x1dg\x1eh\r\ni\rj\n")  # every line boundary Python knows
@example(text="\ufeff\u202eTitle of the piece\u202c\n\nBody with 40 homes.\u2029")
def test_offsets_kept_on_odd_text(text):
    check(text)


@FUZZ
@given(text=st.text(max_size=400))
def test_offsets_kept_on_any_text(text):
    check(text)


@FUZZ
@given(text=whitespace_only)
def test_whitespace_only_text_has_no_content_lines(text):
    lines = classify_lines(text)
    check(text)
    assert all(ln.kind in ("blank", "furniture") or not text[ln.start:ln.end].strip() for ln in lines)


@FUZZ
@given(lines=st.lists(st.sampled_from(ARTICLE_TEXT.splitlines() + ["Share this article", "© Gazette",
                                                                   "date 2031-05-06 The council said 40 homes were hit.",
                                                                   "Photo: Dana Morrow / AP", "By Dana Morrow",
                                                                   "Read more: river rises"]), max_size=40),
       newline=st.sampled_from(NEWLINES))
def test_offsets_kept_on_shuffled_furniture(lines, newline):
    check(newline.join(lines))


def test_line_separators_inside_a_line_are_not_part_of_it():
    # the spans used to keep U+2028, U+0085, \v, \f and \x1c-\x1e: splitlines() breaks there,
    # but only \r and \n were stripped from the end of a line
    text = "Title of the report here\u2028Officials said 40 homes were hit.\x85Next line\x0c"
    lines = classify_lines(text)
    assert [text[ln.start:ln.end] for ln in lines] == [
        "Title of the report here", "Officials said 40 homes were hit.", "Next line"]


MB = 1_000_000


@pytest.mark.parametrize("line", ["word " * (MB // 5), "\u202e\u0645" * (MB // 2), "Share " * (MB // 6),
                                  "2031-05-06 " * (MB // 11), "I am a journalist " * (MB // 18)],
                         ids=["words", "rtl", "ui-words", "dates", "bio"])
def test_one_megabyte_line_is_bounded(line):
    text = "River rises in Westmere\n\n" + line + "\nThe council said 40 homes were hit.\n" + line
    t = time.perf_counter()
    check(text)
    assert time.perf_counter() - t < 10
