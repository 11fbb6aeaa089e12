"""The spaCy pipeline as newsledger loads it; sentences written for these tests."""
from __future__ import annotations

from newsledger import nlp


def _sentences(text):
    return [s.text.strip() for s in nlp.load()(text).sents]


def test_an_amount_in_millions_ends_its_sentence():
    assert _sentences("The sale raised £40m. Shares in the group rose.") == [
        "The sale raised £40m.", "Shares in the group rose."]


def test_clock_times_stay_whole():
    doc = nlp.load()("The vote closed at 9 p.m. on Friday.")
    assert "p.m." in [t.text for t in doc]


def test_a_line_break_ends_a_sentence():
    assert _sentences("Heading without a stop\nThe first paragraph starts here.") == [
        "Heading without a stop", "The first paragraph starts here."]
