"""Numbers that are not figures, and one that is a single guess; sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from newsledger.model import Article
from newsledger.pipeline import analyse


def _figures(text):
    (result,) = list(analyse([Article(doc="t", text=text, published=dt.date(2025, 3, 12))]))
    return {m.figure.text: m.figure for m in result.mentions}


@pytest.mark.parametrize("text", [
    "Police named the driver as Walter Crane Jr., 61, of Dayton.",
    "Ms. Okafor, now 84, still runs the shop.",
    "Records describe him as 6-foot-2 and 190 pounds.",
    "The coach said he was 100 percent certain of the result.",
    "The minister promised 100% transparency on the deal.",
    "She taught there for four semesters.",
    "\"Frankly 2019 was a dreadful year for us,\" the chairman said.",
    "The airline said the 767-300 had cut its fuel bill.",
    "Medics treated a man around 70 at the scene.",
])
def test_not_a_figure(text):
    assert _figures(text) == {}


def test_x_or_y_of_the_same_kind_is_one_guess():
    figs = _figures("On a busy day 20 or 30 volunteers turn up.")
    assert list(figs) == ["20 or 30"] and (figs["20 or 30"].low, figs["20 or 30"].high) == (20, 30)


def test_a_full_doubling_is_still_a_figure():
    assert "100%" in _figures("Ticket prices rose 100% in a year.")


@pytest.mark.parametrize("text, words", [
    ("Between 150-200 people gathered outside.", "150-200"),
])
def test_a_range_that_starts_round_is_a_range_not_a_model(text, words):
    assert words in _figures(text)


def test_an_age_limit_after_people_is_not_a_figure():
    assert list(_figures("Half of people under 40 rent their homes.")) == ["Half"]


@pytest.mark.parametrize("text", [
    "Rates will stay low until at least 2027, the bank said.",
    "Most 16- to 19-year-olds now own a laptop.",
    "Profits recovered in the second half of the year.",
])
def test_years_ages_and_parts_of_a_year_are_not_figures(text):
    assert _figures(text) == {}


def test_a_range_of_days_before_a_month_is_a_date():
    assert list(_figures("The firm surveyed 1,200 shoppers on 4-6 March.")) == ["1,200"]


@pytest.mark.parametrize("text", [
    "The Hawks (8-2, 5-1) host the Owls on Friday.",
    "City beat United 3-1 at home.",
    "She won 6-4, 3-6, 7-5.",
    "Nearly two years and a half later, the bridge reopened.",
    "Patients heard the alarm often[2] on the ward.",
    "The phone records 1080p video.",
    "Her test scores improved.",
    "The officer was arrested after a March 21 call to the office.",
])
def test_scores_footnotes_resolutions_and_dates_are_not_figures(text):
    assert _figures(text) == {}


def test_a_rising_range_is_still_a_range():
    figs = _figures("Between 10-12 people were hurt.")
    assert any(f.low == 10 and f.high == 12 for f in figs.values())


@pytest.mark.parametrize("text", [
    "Tips for spring\n1. Air the house\n2) Clean the gutters",
    "The new iPad 9 goes on sale today.",
])
def test_list_numbers_and_product_names_are_not_figures(text):
    assert _figures(text) == {}


def test_a_plural_fraction_before_a_noun_is_a_share_not_an_ordinal():
    assert "two-thirds" in _figures("The bill needs a two-thirds majority to pass.")


def test_the_two_thirds_majority_is_a_share():
    assert "two-thirds" in _figures("The vote cleared the two-thirds majority the leader had predicted.")


def test_the_preceding_three_quarters_is_time():
    assert _figures("Sales fell in the preceding three quarters.") == {}


@pytest.mark.parametrize("text", [
    "Write to P.O. Box 1200, Dayton, OH 45402.",
    "The console streams games at 1080p/1440p.",
])
def test_postal_codes_and_resolutions_are_not_figures(text):
    assert "45402" not in _figures(text) and "1080" not in _figures(text) and "1440" not in _figures(text)


@pytest.mark.parametrize("text", [
    "Traders watched the S&P 500 slide after lunch.",
    "Regulators grounded the 737 Max again.",
    "He pulled on the number 23 shirt for the last time.",
    "date 2023-09-10 Rescuers reached the valley at dawn.",
])
def test_a_named_or_dated_number_is_no_figure(text):
    assert _figures(text) == {}


@pytest.mark.parametrize("text", [
    "Train 12841 Shalimar Coromandel Express left the tracks near the station.",
    "The driver was charged under sections 37, 38 and 153 of the penal code.",
])
def test_numbers_that_name_a_train_or_sections_are_no_figures(text):
    assert _figures(text) == {}


def test_a_tally_by_place_is_counts_not_names():
    figs = _figures("The toll by province: Sindh 111; Punjab 97; Kashmir 22; and Islamabad 1.")
    assert {"111", "97", "22"} <= set(figs)


def test_a_number_inside_a_name_before_a_singular_noun_is_no_figure():
    assert _figures("Officials of the Big 12 conference met on Monday.") == {}


def test_the_second_day_of_a_range_of_dates_is_no_figure():
    from newsledger import nlp
    from newsledger.extract.figures import extract_figures
    texts = [f.text for f in extract_figures(nlp.load()("From April 1 to 24, the mission counted 848 casualties."))]
    assert texts == ["848"]


@pytest.mark.parametrize("text, measure", [
    ("The flash flood left four dead, one missing and 30 injured.", "missing"),
    ("Three people drowned in Larkin and one in Pell.", "killed"),
    ("The blast killed six workers, including one in the canteen.", "killed"),
])
def test_a_bare_one_in_a_toll_counts_someone(text, measure):
    assert _figures(text)["one"].measure == measure


def test_one_in_five_is_a_share_not_a_lone_count():
    assert "one" not in _figures("One in five people lost their homes in the floods.")


@pytest.mark.parametrize("text", [
    "3 min read Last Updated : Jan 14 2025 | 09:40 AM IST\n\nThe river rose overnight.",
    "Text size: 16 px\n\nThe river rose overnight.",
])
def test_a_pages_reading_time_or_type_size_is_no_figure(text):
    assert _figures(text) == {}


def test_no_one_missing_is_nobody():
    assert "one" not in _figures("The flash flood left four dead and no one missing.")
