"""The gazetteer: every ISO 3166-1 country and territory from pycountry, with countryinfo's
demonyms and capitals, and the few hand tables (link/gazetteer.py). Expected values written
for these tests."""
import re

import pycountry

from newsledger.link.gazetteer import (alternation, countries, country_keys, country_of_subdivision, is_country,
                                       phrase_table)


def test_every_iso_country_and_territory_is_there():
    assert {c.code for c in countries()} == {c.alpha_2 for c in pycountry.countries}


def test_official_name_is_a_country():
    assert is_country("Republic of the Sudan") and is_country("Kingdom of Morocco")


def test_a_place_that_stands_for_a_side_is_not_a_country():
    assert phrase_table()["gaza"] == "Palestine"
    assert not is_country("Gaza")


def test_inverted_iso_name_is_read_in_its_natural_order():
    assert phrase_table()["democratic republic of the congo"] == "Democratic Republic of the Congo"


def test_demonym_shared_by_two_countries_names_the_far_more_populous():
    assert phrase_table()["dominican"] == "Dominican Republic"


def test_demonym_shared_by_two_countries_of_like_size_names_neither():
    assert "channel islander" not in phrase_table()


def test_ordinary_words_among_the_package_names_are_left_out():
    table = phrase_table()
    assert "male" not in table and "island" not in table and "reunion" not in table


def test_anonymous_source_keys_keep_the_short_forms():
    assert country_keys()["United States"] == "us" and country_keys()["Sudan"] == "sudan"


def test_trie_alternation_prefers_the_longest_phrase():
    rx = re.compile(r"\b(" + alternation(["niger", "nigeria", "nigerian"]) + r")\b")
    assert [m.group(1) for m in rx.finditer("nigerian troops left niger for nigeria")] == \
        ["nigerian", "niger", "nigeria"]


def test_a_province_names_its_country():
    assert country_of_subdivision("Kerala") == "India"


def test_a_province_named_with_the_word_province_names_its_country():
    assert country_of_subdivision("Herat province") == "Afghanistan"


def test_a_subdivision_name_several_countries_share_names_no_country():
    assert country_of_subdivision("Central") is None


def test_a_name_that_is_a_country_is_left_to_the_country_table():
    assert country_of_subdivision("Georgia") is None


def test_a_city_is_no_subdivision():
    assert country_of_subdivision("Springfield") is None
