"""Developing stories: word-stories joined by the claims and sources their reports share."""
from __future__ import annotations

import datetime as dt

from newsledger.link.developing import StoryDoc, developing_stories

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
