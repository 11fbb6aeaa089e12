"""What a figure measures when its own words do not say; sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from newsledger.model import Article
from newsledger.pipeline import analyse


def _figures(text):
    (result,) = list(analyse([Article(doc="t", text=text, published=dt.date(2025, 3, 12))]))
    return {m.figure.text: m.figure for m in result.mentions}


def test_a_ratio_is_not_a_count_of_the_people_it_compares():
    fig = _figures("Young drivers were 2.5 times more likely to be arrested than older drivers.")["2.5 times"]
    assert fig.measure == "other"


def test_a_change_whose_subject_the_parse_lost_takes_the_noun_before_it():
    figs = _figures("The tally of reported scams passed the 5,000 mark and the number of new scams grew by more than 40%.")
    assert "number of new scams" in figs["more than 40%"].subject


def test_a_loss_in_the_sentence_before_does_not_make_job_cuts_casualties():
    figs = _figures("The steelmaker reported heavy losses last year. It now plans to reduce its workforce by 4,000.")
    assert figs["4,000"].measure == "other"


def test_the_last_of_a_list_of_victims_keeps_the_verb_that_befell_them():
    figs = _figures("The blast injured a guard, a driver, a cook, a cleaner and three police officers.")
    assert figs["three"].measure == "wounded"
