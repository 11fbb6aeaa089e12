"""Counts of a place-by-place list each take their own place; sentences written for these tests."""
from __future__ import annotations

import datetime as dt

from newsledger.model import Article
from newsledger.pipeline import analyse


def _subjects(text):
    (result,) = list(analyse([Article(doc="t", text=text, published=dt.date(2025, 3, 12))]))
    return [(m.figure.text, m.figure.subject) for m in result.mentions]


def test_a_list_that_begins_with_a_place_pairs_each_count_with_the_place_before_it():
    subjects = dict(_subjects("Officials said Westmoor was the worst hit with 52 deaths, with Ardley reporting 31; "
                              "Kestrel Bay 17; and Lowfield 4 deaths."))
    assert "Ardley" in subjects["31"] and "Westmoor" not in subjects["31"]
    assert "Kestrel Bay" in subjects["17"]
    assert "Lowfield" in subjects["4"]


def test_a_flattened_county_table_pairs_each_number_with_the_name_before_it():
    subjects = _subjects("Deaths by county as of Friday:\nAldergrove, 3 Bramblewood, 12 Cinderford, 1 Dunmore, 6")
    assert [s.split("(")[-1].rstrip(")") for _, s in subjects] == ["Aldergrove", "Bramblewood", "Cinderford", "Dunmore"]


def test_places_joined_to_counts_by_respectively_are_paired_in_order():
    subjects = dict(_subjects("Northern Province and Eastern Province reported 308 and 223 deaths, respectively."))
    assert "Northern Province" in subjects["308"] and "Eastern" not in subjects["308"]
    assert "Eastern Province" in subjects["223"]


def test_a_total_before_the_list_keeps_none_of_the_lists_places():
    subjects = dict(_subjects("Of the 40 deaths, 25 were in Marlow, 10 in Brixham and five in Totnes."))
    assert not any(place in subjects["40"] for place in ("Marlow", "Brixham", "Totnes"))
    assert "Brixham" in subjects["10"]


def test_one_count_beside_a_place_is_no_list():
    subjects = dict(_subjects("Floods in Westmoor killed 12 people on Tuesday, officials said."))
    assert subjects["12"].startswith("people killed")



def _measures(text):
    (result,) = list(analyse([Article(doc="t", text=text, published=dt.date(2025, 3, 12))]))
    return [m.figure.measure for m in result.mentions]


def test_a_table_of_bare_numbers_counts_what_its_lead_in_line_names():
    assert _measures("Storm-related deaths by district as of Monday:\nNorthfield, 3 Eastmoor, 7 Southgate, 2 Westleigh, 5") \
        == ["killed"] * 4


def test_a_lead_in_that_names_no_harm_leaves_the_table_alone():
    assert "killed" not in _measures("Schools reopened by district as of Monday:\nNorthfield, 3 Eastmoor, 7 Southgate, 2 "
                                     "Westleigh, 5")


def test_a_paired_count_keeps_its_clause_words_after_its_place():
    subjects = dict(_subjects("Westmoor remains the worst-hit with 52 deaths, with Ardley reporting 31; "
                              "Kestrel Bay 17; and Lowfield 4 deaths."))
    assert subjects["52"] == "deaths (Westmoor) [worst-hit with deaths]"
    assert subjects["52"].count("(") == 1 and subjects["52"].endswith("]")


def test_a_place_with_two_counts_gives_both_its_name():
    subjects = dict(_subjects("Ardley had 31 deaths and 12 injuries, Kestrel Bay 17 deaths and 9 injuries, "
                              "officials said."))
    assert "Ardley" in subjects["12"] and "Kestrel" not in subjects["12"]
    assert "Kestrel Bay" in subjects["9"] and "Ardley" not in subjects["9"]


def test_a_place_name_the_tagger_reads_as_a_verb_still_heads_its_count():
    subjects = dict(_subjects("The agency said Ardley reported 37 deaths, Marlow 23, Rye 22 and Totnes 21."))
    assert "Totnes" in subjects["21"].split("[")[0] and "Rye" not in subjects["21"].split("[")[0]


def test_a_bracketed_short_form_stays_with_its_place():
    subjects = dict(_subjects("Westmoor recorded 20 deaths and four injuries, Upper Vale District (UVD) eight deaths "
                              "and three injuries, officials said."))
    assert "Upper Vale District" in subjects["eight"] and "Westmoor" not in subjects["eight"]




def test_a_count_that_names_its_own_place_after_it_takes_that_place():
    subjects = dict(_subjects("In Ardley, 71 people died, 68 in Kestrel Bay and 23 in Marlow."))
    assert "Kestrel Bay" in subjects["68"] and "Ardley" not in subjects["68"]
    assert "Marlow" in subjects["23"] and "Kestrel Bay" not in subjects["23"]
