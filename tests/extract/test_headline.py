"""A headline's figure takes its source and day from the body; sentences written for these tests."""
from __future__ import annotations

import datetime as dt

from newsledger.model import Article
from newsledger.pipeline import analyse


def _mentions(text):
    (result,) = list(analyse([Article(doc="t", text=text, published=dt.date(2025, 3, 12))]))
    return {m.figure.text: m for m in result.mentions}


def test_a_headline_figure_takes_the_source_and_day_of_the_lede_that_gives_it():
    got = _mentions("Flood toll rises to 412 in Northshire\n\n"
                    "The Northshire health ministry said on Tuesday that at least 412 people had died.")
    assert got["412"].speaker == "Northshire health ministry" and got["412"].stated_on == dt.date(2025, 3, 11)


def test_a_headline_figure_the_body_does_not_repeat_stays_the_outlets():
    got = _mentions("Flood toll rises to 412 in Northshire\n\n"
                    "The Northshire health ministry said on Tuesday that 37 people were still missing.")
    assert got["412"].speaker is None


def test_a_sourced_headline_figure_is_the_ledes_statement_told_short():
    text = ("Health ministry revises flood toll to 412\n\n"
            "Ministry spokesman Ana Ruiz said on Monday that 412 people had died.")
    (result,) = list(analyse([Article(doc="t", text=text, published=dt.date(2025, 3, 12))]))
    head = result.mentions[0]
    assert head.speaker == "Ana Ruiz" and head.stated_on == dt.date(2025, 3, 10)
