"""Measures in disaster and war coverage; sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from newsledger.model import Article
from newsledger.pipeline import analyse


def _measure(text, words):
    return _figure(text, words).measure


@pytest.mark.parametrize("text, words, measure", [
    ("About 2,000 relief workers were flown to the coast.", "About 2,000", "deployed"),
    ("Rescuers said 41 miners remained trapped underground on Monday.", "41", "missing"),
    ("The operation drew 1,200 rescue workers from three provinces.", "1,200", "deployed"),
    ("Officials said 300 rescuers combed the rubble overnight.", "300", "deployed"),
    ("The storm left 30,000 people homeless.", "30,000", "displaced"),
    ("Officials named 41 of the deceased on Thursday.", "41", "killed"),
    ("The blaze has burned 2,000 acres of brush since Tuesday.", "2,000 acres", "other"),
    ("The army said it had captured 400 square kilometres of land.", "400 square kilometres", "territory"),
])
def test_measure(text, words, measure):
    assert _measure(text, words) == measure


def _figure(text, words):
    (result,) = list(analyse([Article(doc="t", text=text, published=dt.date(2025, 3, 12))]))
    found = {m.figure.text: m.figure for m in result.mentions}
    assert words in found, found
    return found[words]


@pytest.mark.parametrize("text, words, unit", [
    ("Morocco said homes would get 30,000 dirhams each.", "30,000 dirhams", "MAD"),
    ("Pakistan's prime minister approved Rs1 million for each family.", "Rs1 million", "PKR"),
    ("The Emirates pledged 50,000 dirhams.", "50,000 dirhams", "AED"),
])
def test_a_shared_currency_name_is_the_named_countrys(text, words, unit):
    assert _figure(text, words).unit == unit


@pytest.mark.parametrize("text, words, unit", [
    ("Gusts reached 80 miles per hour near the coast.", "80 miles per hour", "mph"),
    ("The river rose to 249.5 feet overnight.", "249.5 feet", "ft"),
    ("A plane brought more than 22 tons of supplies.", "more than 22 tons", "ton"),
])
def test_speeds_lengths_and_weights_carry_their_unit_and_count_nothing(text, words, unit):
    f = _figure(text, words)
    assert (f.unit, f.measure) == (unit, "other")


def test_animals_killed_are_no_casualties():
    assert _measure("Floods have killed 706 livestock animals in the province.", "706") == "other"


def test_a_magnitude_is_no_toll():
    assert _measure("The magnitude 6.8 earthquake killed at least 2,000 people.", "6.8") == "other"


def test_people_taken_captive_are_captured():
    assert _measure("More than 250 others were taken captive.", "More than 250") == "captured"


def test_south_asian_digit_grouping():
    f = _figure("The minister said 1,05,505 people were injured.", "1,05,505")
    assert f.low == 105505


def test_one_person_killed_is_a_figure():
    assert _measure("The storm killed one person in the county.", "one") == "killed"


def test_scores_more_is_a_vague_count():
    f = _figure("The governor warned that scores more bodies could be found.", "scores")
    assert (f.low, f.high) == (24, 99)


def test_who_did_the_killing_are_not_the_killed():
    assert _measure("Dozens of gunmen killed 30 villagers.", "Dozens") != "killed"


def test_who_died_are_the_killed():
    assert _measure("Twelve died in the blast, officials said.", "Twelve") == "killed"


def test_people_forced_from_their_homes_are_displaced():
    assert _measure("Fighting has driven 40,000 people from their homes.", "40,000") == "displaced"


def test_roofs_torn_from_homes_are_not_displaced():
    assert _measure("The storm ripped 300 roofs from homes.", "300") != "displaced"


def test_a_toll_that_rose_after_a_sized_quake_is_still_a_toll():
    from newsledger import nlp
    from newsledger.extract.figures import extract_figures
    figs = {f.text: f for f in extract_figures(nlp.load()("The death toll from the 6.4 magnitude earthquake rose to 37."))}
    assert figs["37"].measure == "killed"
