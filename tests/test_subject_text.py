"""The subject's text format: places told in a description, and taken back out."""
from __future__ import annotations

from newsledger.subject_text import tell_places, untell_places


def test_places_told_after_a_clause_come_out_when_all_are_the_lists_own():
    context = " [" + tell_places("died in the floods", ["Ardley", "Marlow"]) + "]"
    assert untell_places(context, {"Ardley", "Marlow", "Kestrel Bay"}) == " [died in the floods]"


def test_places_told_stay_when_one_is_not_the_lists():
    context = " [" + tell_places("", ["Ardley", "Ruritania"]) + "]"
    assert untell_places(context, {"Ardley"}) == context
