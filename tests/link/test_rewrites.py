"""Rewrites: copies reworded throughout, told from independent reports of one event. Texts written for these tests."""
from __future__ import annotations

from newsledger.link.rewrites import aligned_share, is_rewrite

ORIGINAL = (
    "Floodwater swept through the riverside town of Marlow Bridge early on Monday, officials said. "
    "The regional emergency agency said 14 residents had died and another 30 were missing. "
    "Rescue crews using boats pulled dozens of families from rooftops along the eastern bank. "
    "The mayor asked residents of low-lying streets to move to the school on Hill Road. "
    "Forecasters expect more heavy rain across the valley until Thursday evening.")

REWORDED = (
    "Flood waters tore through the riverside settlement of Marlow Bridge early Monday, authorities said. "
    "According to the regional emergency agency, 14 residents died and a further 30 remain missing. "
    "Boat crews pulled dozens of families off rooftops along the eastern bank of the river. "
    "Residents of low-lying streets were asked by the mayor to shelter in the school on Hill Road. "
    "Heavy rain is forecast to continue across the valley until Thursday evening.")

INDEPENDENT = (
    "Residents of Marlow Bridge counted their losses on Tuesday after the worst flood in decades. "
    "\"We lost everything in an hour,\" said shopkeeper Dana Ilves, whose store stood on the eastern bank. "
    "The regional emergency agency put the toll at 14 dead, with 30 people unaccounted for. "
    "Insurance companies warned that claims could run into the tens of millions. "
    "Critics say warnings about the river defences were ignored for years.")


def test_a_copy_reworded_sentence_by_sentence_is_a_rewrite():
    assert is_rewrite(REWORDED, ORIGINAL)


def test_an_independent_report_of_the_same_event_is_not_a_rewrite():
    assert not is_rewrite(INDEPENDENT, ORIGINAL)


def test_a_shortened_rewrite_is_measured_on_its_own_sentences():
    short = ". ".join(REWORDED.split(". ")[:3]) + "."
    assert aligned_share(short, ORIGINAL) == 1.0


def test_two_sentences_are_too_few_to_call_anything_a_rewrite():
    assert aligned_share("Floodwater swept through Marlow Bridge on Monday, officials said. "
                         "The agency said 14 residents had died and 30 were missing.", ORIGINAL) == 0.0
