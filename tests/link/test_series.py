"""Series keys and labels, on subjects written for these tests."""
from __future__ import annotations

from dataclasses import dataclass

from newsledger.link.series import scope, series_key


@dataclass
class C:
    subject: str
    measure: str = "killed"
    unit: str | None = None
    period: str | None = None
    speaker: str | None = None


def test_a_province_and_a_day_are_said_in_the_label():
    assert series_key(C("people killed (in Northshire; on Wednesday)")).label == \
        "killed — people in Northshire on Wednesday, running total"


def test_a_figure_of_another_kind_is_labelled_by_what_it_measures():
    assert series_key(C("magnitude quake", measure="other")).label == "other — magnitude"


def test_a_weekly_toll_is_its_own_series_and_says_so():
    k = series_key(C("people killed", period="in the past week"))
    assert k != series_key(C("people killed")) and k.label.endswith("per 1 week")


def test_a_country_named_as_the_place_is_a_side():
    assert series_key(C("people killed (in Ukraine)")).side == series_key(C("Ukrainian dead")).side != frozenset()


def test_the_speakers_own_name_in_the_subject_does_not_split_a_series():
    assert series_key(C("people killed (Northshire Health Office)", speaker="Northshire Health Office")) == \
        series_key(C("people killed"))


def test_scope_reads_a_running_total_from_since():
    assert scope(C("people killed", period="since the war began")) == "cumulative"


def test_a_claim_naming_no_country_takes_the_one_country_its_story_names():
    from newsledger.link.series import settle
    keys = settle([series_key(C("people killed (in Ukraine)")), series_key(C("people killed"))])
    assert keys[0] == keys[1]


def test_a_claim_naming_no_country_stays_unsaid_where_the_story_names_two():
    from newsledger.link.series import settle
    keys = settle([series_key(C("people killed (in Ukraine)")), series_key(C("people killed (in Russia)")),
                   series_key(C("people killed"))])
    assert keys[2].side == frozenset()


def test_the_bracketed_clause_words_of_a_subject_are_no_part_of_its_series():
    from newsledger.link.series import split_subject

    assert split_subject("people killed (in Northfield) [killed in the floods in Northfield on Monday]") == \
        ("people killed", ["in Northfield"])


def test_an_aftershocks_magnitude_is_not_the_quakes_series():
    from newsledger.link.series import series_key
    from types import SimpleNamespace as NS
    quake = NS(measure="other", unit=None, subject="magnitude", speaker="survey", period=None)
    after = NS(measure="other", unit=None, subject="aftershock magnitude", speaker="survey", period=None)
    assert series_key(quake) != series_key(after)
