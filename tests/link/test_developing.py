"""Developing stories: word-stories joined by the claims and sources their reports share."""
from __future__ import annotations

import datetime as dt

from newsledger.link.developing import StoryDoc, developing_stories, lead_kinds, lead_places, story_label

D = dt.date


def test_stories_sharing_a_claim_become_one():
    docs = [StoryDoc("a", "a", D(2024, 12, 17), 1, claims={"C1"}),
            StoryDoc("b", "b", D(2024, 12, 27), 2, claims={"C1", "C2"})]
    assert developing_stories(docs) == {"a": "a", "b": "a"}


def test_stories_quoting_one_source_about_one_party_within_weeks_become_one():
    docs = [StoryDoc("a", "a", D(2024, 12, 16), 1, sources={("John Kirby", "North Korea")}),
            StoryDoc("b", "b", D(2024, 12, 27), 2, sources={("John Kirby", "North Korea")})]
    assert developing_stories(docs)["b"] == "a"


def test_the_same_source_about_another_party_does_not_join():
    docs = [StoryDoc("a", "a", D(2024, 12, 16), 1, sources={("John Kirby", "North Korea")}),
            StoryDoc("b", "b", D(2024, 12, 27), 2, sources={("John Kirby", "Israel")})]
    assert developing_stories(docs)["b"] == "b"


def test_the_same_source_about_one_party_in_reports_of_another_kind_of_event_does_not_join():
    docs = [StoryDoc("a", "a", D(2025, 1, 14), 1, sources={("Health Ministry", "Ruritania")}),
            StoryDoc("b", "b", D(2025, 1, 25), 2, sources={("Health Ministry", "Ruritania")})]
    docs[0].kinds, docs[1].kinds = {"outbreak"}, set()
    assert developing_stories(docs)["b"] == "b"


def test_an_epidemic_is_a_kind_of_event_by_the_disease_it_names():
    assert "outbreak" in lead_kinds("Twenty deaths linked to cholera were reported in the first week of the year.")


def test_the_same_source_months_apart_does_not_join():
    docs = [StoryDoc("a", "a", D(2024, 3, 1), 1, sources={("John Kirby", "North Korea")}),
            StoryDoc("b", "b", D(2024, 12, 27), 2, sources={("John Kirby", "North Korea")})]
    assert developing_stories(docs)["b"] == "b"


def test_undated_documents_join_nothing():
    docs = [StoryDoc("a", "a", None, 1, claims={"C1"}), StoryDoc("b", "b", None, 2, claims={"C1"})]
    assert developing_stories(docs) == {"a": "a", "b": "b"}


def test_the_earliest_document_names_the_joined_story():
    docs = [StoryDoc("late", "late", D(2024, 12, 27), 1, claims={"C1"}),
            StoryDoc("early", "early", D(2024, 12, 17), 2, claims={"C1"}),
            StoryDoc("copy", "late", D(2024, 12, 28), 3)]
    assert set(developing_stories(docs).values()) == {"early"}


def _event(doc, day, main, places=(), kinds=("flood",), seq=1):
    return StoryDoc(doc, doc, day, seq, main_place=main, places={main, *places}, kinds=set(kinds))


def test_reports_of_one_kind_of_event_in_one_province_weeks_apart_become_one_story():
    docs = [_event("a", D(2023, 7, 1), "northshire", seq=1), _event("b", D(2023, 9, 20), "northshire", seq=2)]
    assert developing_stories(docs)["b"] == "a"


def test_another_kind_of_event_in_the_same_place_stays_apart():
    docs = [_event("a", D(2023, 7, 1), "northshire", seq=1),
            _event("b", D(2023, 7, 3), "northshire", kinds=("earthquake",), seq=2)]
    assert developing_stories(docs)["b"] == "b"


def test_a_country_alone_joins_reports_over_weeks_not_months():
    docs = [_event("a", D(2016, 6, 12), "france", kinds=("attack",), seq=1),
            _event("b", D(2016, 9, 28), "france", kinds=("attack",), seq=2)]
    assert developing_stories(docs)["b"] == "b"


def test_a_place_named_only_in_passing_by_both_does_not_join():
    docs = [_event("a", D(2024, 8, 15), "gaza", places=("lebanon",), kinds=("war",), seq=1),
            _event("b", D(2024, 8, 20), "sudan", places=("lebanon",), kinds=("war",), seq=2)]
    assert developing_stories(docs)["b"] == "b"


def test_lead_kinds_reads_what_happened_not_what_was_counted():
    assert lead_kinds("A powerful quake struck the valley overnight, killing 40") == {"earthquake"}
    assert lead_kinds("Troops fired warning shots near the ward") == set()


def test_lead_places_takes_the_first_place_and_not_a_people():
    main, places = lead_places([("Israeli", "NORP", 0), ("Northshire", "GPE", 30), ("Lakeside", "GPE", 50),
                                ("Farland", "GPE", 900)])
    assert main == "northshire" and places == {"israel", "northshire", "lakeside"}


def test_a_story_is_labelled_by_the_kind_of_event_and_the_place_most_reports_tell():
    members = [({"flood"}, "northshire", "Rains swamp Northshire"), ({"flood", "landslide"}, "northshire", None),
               ({"landslide"}, "lakeside", "Hill gives way")]
    assert story_label(members) == "flood in Northshire"


def test_a_story_with_no_kind_of_event_is_labelled_by_its_place_and_first_title():
    assert story_label([(set(), "northshire", "Council votes on budget")]) == "Northshire: Council votes on budget"


def test_a_lead_naming_a_province_also_names_its_country():
    main, places = lead_places([("Kerala", "GPE", 12)])
    assert main == "kerala" and places == {"kerala", "india"}


def test_an_organisation_that_is_no_place_stays_out():
    assert lead_places([("Red Cross", "ORG", 10)]) == (None, set())


def test_a_lead_naming_only_a_people_is_placed_in_its_country():
    main, places = lead_places([("Chilean", "NORP", 5), ("Sunday", "DATE", 30)])
    assert main == "chile" and places == {"chile"}


def test_a_place_named_after_a_people_is_still_the_main_place():
    main, _ = lead_places([("Chilean", "NORP", 5), ("Valparaiso", "GPE", 60)])
    assert main == "valparaiso"


def test_a_storm_named_in_the_lead_is_read_with_its_name():
    assert lead_kinds("Hurricane Zelda tore through the coast overnight.") == {"storm", "storm:zelda"}


def test_a_word_the_report_also_writes_in_lower_case_is_no_storm_name():
    text = "Storm Front reaches the coast\n\nThe front moved east on Monday."
    assert lead_kinds(text) == {"storm"}


def test_the_national_hurricane_center_names_no_storm():
    assert lead_kinds("The National Hurricane Center said the system had weakened.") == {"storm"}


def _storm(doc, day, main, name, seq):
    return StoryDoc(doc, doc, day, seq, main_place=main, places={main}, kinds={"storm", "storm:" + name})


def test_reports_of_one_named_storm_in_different_places_become_one_story():
    docs = [_storm("a", D(2031, 9, 2), "seaport", "zelda", 1), _storm("b", D(2031, 9, 20), "hillton", "zelda", 2)]
    assert developing_stories(docs)["b"] == "a"


def test_two_named_storms_in_different_places_stay_apart():
    docs = [_storm("a", D(2031, 9, 2), "seaport", "zelda", 1), _storm("b", D(2031, 9, 9), "hillton", "yusuf", 2)]
    assert developing_stories(docs)["b"] == "b"


def test_a_storm_name_does_not_appear_in_a_story_label():
    members = [({"storm", "storm:zelda"}, "seaport", "Zelda hits Seaport"), ({"storm:zelda"}, "seaport", None)]
    assert story_label(members) == "storm in Seaport"


def test_a_country_the_tagger_left_inside_an_organisations_name_places_a_lead_that_names_no_place():
    assert lead_places([("The Kenya government", "ORG", 5), ("Friday", "DATE", 40)]) == ("kenya", {"kenya"})


def test_an_organisations_country_does_not_displace_a_tagged_place():
    main, _ = lead_places([("Kenya Red Cross", "ORG", 5), ("Northshire", "GPE", 60)])
    assert main == "northshire"


def test_a_fire_service_named_in_a_lead_is_no_fire():
    assert lead_kinds("The jet crashed into the river, said the city's Fire and EMS Chief Dana Ortiz.") == {"crash"}


def test_a_fire_in_a_lead_is_a_fire():
    assert "fire" in lead_kinds("A fire swept through the market on Sunday, the fire department said.")
