"""The state or the window a count's own words give it; sentences written for these tests."""
from __future__ import annotations

import datetime as dt

from newsledger.model import Article
from newsledger.pipeline import analyse


def _subjects(text):
    (result,) = list(analyse([Article(doc="t", text=text, published=dt.date(2025, 3, 12))]))
    return [(m.figure.text, m.figure.subject) for m in result.mentions]


def test_a_severity_word_after_a_count_belongs_to_that_count_alone():
    subjects = dict(_subjects("The storm injured more than 900 people, including 31 people critically, officials said."))
    assert "critically" in subjects["31"]
    assert "critically" not in subjects["more than 900"]


def test_a_window_of_hours_bounds_the_counts_of_its_own_clause():
    subjects = dict(_subjects("The toll rose to 4,100 after 35 people were killed over the past 24 hours."))
    assert "past 24 hours" in subjects["35"]
    assert "past 24 hours" not in subjects["4,100"]


def test_bodies_said_to_be_identified_are_the_identified_part():
    subjects = dict(_subjects("Police said 61 bodies had been identified so far."))
    assert "identified" in subjects["61"]


def test_a_toll_carries_the_words_of_its_own_clause_in_brackets():
    subjects = dict(_subjects("Eleven people were badly burned and trapped in a warehouse fire, the mayor said."))
    assert subjects["Eleven"].endswith("[people were badly burned and trapped in a warehouse fire]")


def test_the_clause_words_leave_out_the_attribution_and_other_counts_clauses():
    subjects = dict(_subjects("Officials said 12 people were killed in Northfield and 30 were injured in Eastmoor."))
    assert "Officials" not in subjects["12"] and "injured" not in subjects["12"]
