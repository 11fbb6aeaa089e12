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


@pytest.mark.parametrize("text, words, measure", [
    ("Officials said 14 people were killed and dozens injured in Marrow.", "14", "killed"),
    ("Officials said 14 people were killed and dozens injured in Marrow.", "dozens", "wounded"),
    ("The agency reported 31 deaths and 52 injuries by nightfall.", "52", "wounded"),
    ("The crash caused seven deaths, 90 injuries and 12 people trapped.", "90", "wounded"),
    ("Officials said 40 people were killed or injured.", "40", "casualties"),
])
def test_two_tallies_in_one_sentence_keep_their_own_measures(text, words, measure):
    assert _measure(text, words) == measure


@pytest.mark.parametrize("text, words, measure", [
    ("Dozens are still missing as the death toll from the Tarn floods reaches 58.", "58", "killed"),
    ("Quarry blast: death count rises to 12 as missing workers are sought.", "12", "killed"),
    ("The number of injured climbed to 230 on Friday.", "230", "wounded"),
])
def test_a_named_toll_is_what_it_reached_whatever_else_the_sentence_counts(text, words, measure):
    assert _measure(text, words) == measure


def test_a_toll_that_passes_a_number_is_at_least_that_number():
    f = _figure("Valley flood death toll passes 60 as rain returns.", "passes 60")
    assert (f.low, f.high) == (60, None)


@pytest.mark.parametrize("text, words", [
    ("The fire killed 48 people. They include 30 guests and 18 staff.", "30"),
    ("The fire killed 48 people. They include 30 guests and 18 staff.", "18"),
    ("Officials said the 48 dead include 30 guests and 18 staff.", "18"),
])
def test_a_breakdown_of_the_dead_counts_the_dead(text, words):
    assert _measure(text, words) == "killed"


def test_a_breakdown_of_a_delivery_stays_a_count_of_things():
    assert _measure("The convoy includes 40 trucks and 12 buses.", "40") == "other"


def test_people_a_family_lost_are_dead():
    assert _measure("The farmer, who lost nine relatives in the mudslide, wept.", "nine") == "killed"


@pytest.mark.parametrize("text, words", [
    ("More than 90,000 homes have lost power.", "More than 90,000"),
    ("The ferry with 300 passengers on board lost power at sea.", "300"),
])
def test_what_lost_something_is_not_lost_itself(text, words):
    assert _measure(text, words) != "killed"


@pytest.mark.parametrize("text, words", [
    ("About 12,500 people were staying in evacuation centres on Sunday.", "About 12,500"),
    ("Officials moved 3,400 residents to shelters overnight.", "3,400"),
    ("Nearly 9,000 people had to leave their homes.", "Nearly 9,000"),
    ("The fighting forced hundreds of families to seek refuge in the capital.", "hundreds"),
    ("Some 2,100 people remain evacuated.", "Some 2,100"),
])
def test_people_in_shelters_or_out_of_their_homes_are_displaced(text, words):
    assert _measure(text, words) == "displaced"


def test_the_shelters_themselves_are_not_displaced():
    assert _measure("Residents were moved to 47 relief camps.", "47") != "displaced"


@pytest.mark.parametrize("text, words", [
    ("A helicopter rescued nine people who had been trapped in a quarry.", "nine"),
    ("Divers got four people out that were trapped in the hull.", "four"),
    ("Crews evacuated 70 people trapped in the tunnels.", "70"),
])
def test_the_rescued_are_no_longer_missing(text, words):
    assert _measure(text, words) != "missing"


@pytest.mark.parametrize("text, words", [
    ("Some 40 miners remain trapped.", "Some 40"),
    ("About 300 hikers were stranded on the pass.", "About 300"),
])
def test_the_trapped_and_stranded_are_missing(text, words):
    assert _measure(text, words) == "missing"


def test_an_including_list_counts_what_its_whole_counts():
    text = "A total of 1,200 people, including 300 men and 450 children, were moved to shelters."
    assert _measure(text, "450") == "displaced"


def test_a_noun_that_is_a_measure_says_it_whatever_verb_the_parse_hangs_it_on():
    assert _measure("Early findings confirm at least 21 fatalities and 34 injured.", "at least 21") == "killed"


def test_a_toll_that_rose_to_a_number_on_a_weekday_is_a_figure():
    f = _figure("The death toll from the strike rose to 14 Sunday, the governor said.", "14")
    assert (f.measure, f.low) == ("killed", 14)


def test_people_moved_to_safer_areas_are_displaced():
    assert _measure("More than 2,000 people were moved to safer areas as the river rose.", "More than 2,000") == "displaced"


def test_aid_moved_to_an_area_is_no_displacement():
    assert _measure("The team moved 40 tonnes of aid to the area.", "40 tonnes") == "other"


def test_a_magnitude_written_as_one_word_with_its_number_is_no_toll():
    assert _measure("Most of those killed in the magnitude-6.2 earthquake lived in the valley.", "6.2") == "other"


def test_heads_of_livestock_are_animals():
    assert _measure("The flood killed 1,174 heads of livestock.", "1,174") == "other"


def test_incidents_in_which_people_were_killed_are_no_toll():
    assert _measure("About 700 civilians were killed in approximately 30 incidents.", "approximately 30") == "other"


def test_boats_that_sank_are_no_toll():
    assert _measure("Divers searched 29 boats known to have sunk in the bay.", "29") == "other"


def test_soldiers_martyred_in_fighting_were_killed():
    assert _measure("The army said 14 soldiers were martyred in the fighting on Sunday.", "14") == "killed"


def test_a_deployment_participle_yields_to_what_befell_the_counted():
    assert _measure("Four of its peacekeepers deployed with the regional mission had been killed in the clashes.",
                    "Four") == "killed"
