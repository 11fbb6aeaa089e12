"""The day a figure was stated, read from the article around it; sentences written for these tests."""
from __future__ import annotations

import datetime as dt

from newsledger.model import Article
from newsledger.pipeline import analyse

MONDAY = dt.date(2025, 3, 10)


def _days(text, published=MONDAY):
    (result,) = list(analyse([Article(doc="t", text=text, published=published)]))
    return {m.figure.text: m.stated_on for m in result.mentions}


def test_a_count_reported_on_a_day_was_given_that_day():
    got = _days("Rescue work went on as 64 people were reported missing on Sunday, the agency said.")
    assert got["64"] == dt.date(2025, 3, 9)


def test_they_say_after_a_dated_announcement_is_the_same_occasion():
    got = _days("Officials in Brask announced on Saturday that 212 people had died. They say more than "
                "900 people were injured.")
    assert got["more than 900"] == dt.date(2025, 3, 8)


def test_a_present_statement_of_an_undated_speaker_is_of_publication_day():
    got = _days("The charity says 300 families need shelter.")
    assert got["300"] == MONDAY


def test_an_earlier_count_with_its_own_reporting_day_keeps_that_day():
    got = _days("The agency said the toll had climbed to 96, up from 58 reported on Saturday.")
    assert got["58"] == dt.date(2025, 3, 8)


def test_a_day_in_an_after_clause_is_the_events_not_the_statements():
    got = _days("At least 40 people died after the river burst its banks on Friday, officials said.")
    assert got["At least 40"] == MONDAY


def test_a_count_as_of_yesterday_stood_yesterday():
    got = _days("The storm had caused nine shipwrecks as of yesterday.")
    assert got["nine"] == dt.date(2025, 3, 9)


def test_a_count_till_a_day_stood_that_day():
    got = _days("Till March 8, rescuers had recovered 220 bodies.")
    assert got["220"] == dt.date(2025, 3, 8)


def test_data_as_of_a_day_weeks_before_is_not_the_day_it_was_reported():
    got = _days("The agency's report, released on Monday, counted 400 deaths as of February 10.")
    assert got["400"] == MONDAY


def test_a_statement_over_the_weekend_has_no_one_day():
    got = _days("Rights groups over the weekend estimated that 1,190 people had been killed.")
    assert got["1,190"] is None


def test_a_count_given_on_a_day_was_given_that_day():
    got = _days("At least 60 people died, doctors said, up from an official count of 41 provided Saturday by the ministry.")
    assert got["41"] == dt.date(2025, 3, 8)


def test_a_statement_an_agency_relays_keeps_the_day_it_was_made():
    got = _days("The death toll from the quake exceeded 3,000, state media reported on Saturday, Anatolia Agency reports.")
    assert got["exceeded 3,000"] == dt.date(2025, 3, 8)


def test_a_day_told_of_the_source_a_sentence_is_according_to_dates_it():
    got = _days("The toll stood at 12, according to government figures relayed late Saturday by the relief office.")
    assert got["12"] == dt.date(2025, 3, 8)


def test_the_day_of_another_event_in_the_source_phrase_does_not_date_it():
    got = _days("The toll stood at 40, according to a ministry report on Saturday's floods.")
    assert got["40"] == MONDAY
