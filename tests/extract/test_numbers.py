"""find_quantities: value bounds, units and exact offsets of quantity expressions.

Every sentence here is invented for the test. Expected values follow the value conventions of
../shared/docs/export-format.md.
"""
from __future__ import annotations

import pytest

from newsledger.extract.numbers import find_quantities


def only(text: str, words: str):
    """The one quantity whose text is ``words``; it must be found exactly at those words."""
    hits = [q for q in find_quantities(text) if text[q.start:q.end] == words]
    assert len(hits) == 1, [(q.text, q.start, q.end) for q in find_quantities(text)]
    q = hits[0]
    assert q.start == text.index(words) and q.end == q.start + len(words)
    assert q.text == words
    return q


def bounds(q):
    return (q.low, q.high)


# -- digits ---------------------------------------------------------------------------------

def test_digits_with_thousands_separator():
    q = only("The depot holds 12,000 rifles.", "12,000")
    assert bounds(q) == (12000, 12000) and q.unit is None and q.bound is None


def test_broken_thousands_separator_is_one_number():
    q = only("Officials counted 12, 000 tents at the camp.", "12, 000")
    assert bounds(q) == (12000, 12000)


def test_list_of_small_numbers_is_not_a_broken_separator():
    # a comma-space joins digits only before a group of exactly three: "3, 4 and 5" is a list
    qs = find_quantities("The teams scored 3, 4 and 5 goals.")
    assert [q.low for q in qs] == [3, 4, 5]


def test_plain_digits_without_separator():
    q = only("A convoy of 1000 lorries waited.", "1000")
    assert bounds(q) == (1000, 1000)


def test_decimal_with_scale_word():
    q = only("The region lost 2.5 million hectares of forest.", "2.5 million hectares")
    assert bounds(q) == (2.5e6, 2.5e6) and q.unit == "hectare"


# -- number words -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, words, value", [
    ("Rescuers pulled three climbers from the ice.", "three", 3),
    ("Rescuers pulled twenty-five climbers from the ice.", "twenty-five", 25),
    ("A dozen protesters were fined.", "A dozen", 12),
    ("Police counted a thousand marchers on the bridge.", "a thousand", 1000),
    ("The fund hired two hundred nurses.", "two hundred", 200),
])
def test_number_words(sentence, words, value):
    q = only(sentence, words)
    assert bounds(q) == (value, value)
    assert q.words_only


def test_the_verb_estimated_is_not_part_of_the_figure():
    q = only("Police estimated a thousand marchers on the bridge.", "a thousand")
    assert bounds(q) == (1000, 1000)


# -- vague quantities -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, words, low, high", [
    ("Dozens of villagers fled the flood.", "Dozens", 24, 99),
    ("Several dozen fishermen stayed ashore.", "Several dozen", 24, 99),
    ("Several hundred workers joined the strike.", "Several hundred", 200, 999),
    ("Hundreds of workers joined the strike.", "Hundreds", 200, 999),
    ("A few hundred workers joined the strike.", "A few hundred", 200, 500),
    ("Thousands of workers joined the strike.", "Thousands", 2000, 9999),
    ("Several thousand workers joined the strike.", "Several thousand", 2000, 9999),
    ("Tens of thousands of workers joined the strike.", "Tens of thousands", 20000, 99999),
    ("Hundreds of thousands of workers joined the strike.", "Hundreds of thousands", 200000, 999999),
])
def test_vague_quantities_follow_the_table(sentence, words, low, high):
    q = only(sentence, words)
    assert bounds(q) == (low, high)
    assert q.vague


def test_millions_scale_to_two_and_nine_point_nine_nine_million():
    q = only("Millions of viewers watched the final.", "Millions")
    assert q.low == 2e6
    assert q.high == pytest.approx(9.99e6)


# -- bounds -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, words, low, high", [
    ("The rebels hold more than 3,000 prisoners.", "more than 3,000", 3000, None),
    ("At least 40 boats sank in the storm.", "At least 40", 40, None),
    ("The ferry carries up to 800 passengers.", "up to 800", None, 800),
    ("Fewer than 50 shops reopened.", "Fewer than 50", None, 50),
    ("Nearly 600 homes lost power.", "Nearly 600", 600, 600),
    ("The crowd was approaching 5,000 people.", "approaching 5,000", 5000, 5000),
    ("Some 200 guards were posted.", "Some 200", 200, 200),
])
def test_hedge_words_set_the_bounds(sentence, words, low, high):
    q = only(sentence, words)
    assert bounds(q) == (low, high)


def test_trailing_plus_is_a_lower_bound():
    q = only("The union has 3,000+ members.", "3,000+")
    assert bounds(q) == (3000, None)
    assert q.bound == "lower"


def test_more_than_a_vague_quantity_keeps_the_vague_floor():
    q = only("More than a dozen ships were seized.", "More than a dozen")
    assert bounds(q) == (12, None)


# -- ranges -------------------------------------------------------------------------------------

def test_hyphenated_range():
    q = only("The army sent 10,000-12,000 reservists.", "10,000-12,000")
    assert bounds(q) == (10000, 12000) and q.bound == "range"


def test_between_and_range_is_one_quantity_with_both_parts():
    text = "The army sent between 10,000 and 12,000 reservists."
    q = only(text, "between 10,000 and 12,000")
    assert bounds(q) == (10000, 12000)
    assert [text[a:b] for a, b in q.parts] == ["10,000", "12,000"]


def test_to_range():
    q = only("Estimates put the crowd at 8,000 to 9,000 people.", "8,000 to 9,000")
    assert bounds(q) == (8000, 9000)


def test_range_first_amount_borrows_the_scale():
    q = only("The repairs will cost $5-6 million.", "$5-6 million")
    assert bounds(q) == (5e6, 6e6) and q.unit == "USD"


# -- money ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, words, value, unit", [
    ("The ministry has $5.6bn left to spend.", "$5.6bn", 5.6e9, "USD"),
    ("The ministry has 5.6 billion dollars left to spend.", "5.6 billion dollars", 5.6e9, "USD"),
    ("The club paid £600m for the stadium.", "£600m", 6e8, "GBP"),
    ("The town won a €2.3 million grant.", "€2.3 million", 2.3e6, "EUR"),
])
def test_money(sentence, words, value, unit):
    q = only(sentence, words)
    assert q.low == pytest.approx(value) and q.high == pytest.approx(value)
    assert q.unit == unit


def test_money_with_a_stray_full_stop_before_the_currency_word():
    q = only("Funds of 5.6 billion. dollars remain unspent.", "5.6 billion. dollars")
    assert q.low == pytest.approx(5.6e9) and q.unit == "USD"


def test_cents_are_money_in_dollars():
    q = only("A stamp now costs 17 cents more.", "17 cents")
    assert q.low == pytest.approx(0.17) and q.high == pytest.approx(0.17)
    assert q.unit == "USD"


def test_percentage_rise_to_an_amount_is_not_a_range():
    text = "Profits jumped 76% to $1.13bn last year."
    got = [(q.text, q.low, q.high, q.unit) for q in find_quantities(text)]
    assert got == [("76%", 76, 76, "%"), ("$1.13bn", 1.13e9, 1.13e9, "USD")]


def test_vague_money():
    q = only("The war has cost billions of dollars so far.", "billions of dollars")
    assert q.low == 2e9 and q.high == pytest.approx(9.99e9) and q.unit == "USD"


def test_bare_m_after_a_number_is_not_read_as_million_money():
    q = only("She won the 100m final.", "100m")
    assert q.unit is None  # no currency: figures.py decides it is a distance


# -- percentages and fractions ---------------------------------------------------------------------

def test_percent_sign():
    q = only("Turnout fell to 40% this spring.", "40%")
    assert bounds(q) == (40, 40) and q.unit == "%"


def test_per_cent_words():
    q = only("Prices rose by 25 per cent over the year.", "25 per cent")
    assert bounds(q) == (25, 25) and q.unit == "%"


def test_percentage_range_between():
    q = only("Support is between 30 and 35 percent.", "between 30 and 35 percent")
    assert bounds(q) == (30, 35) and q.unit == "%"


def test_half_is_a_fraction():
    q = only("The rebels lost half their ground.", "half")
    assert bounds(q) == (0.5, 0.5) and q.unit == "fraction"


def test_two_thirds_is_a_fraction():
    q = only("Two-thirds of the members voted yes.", "Two-thirds")
    assert q.low == pytest.approx(2 / 3) and q.unit == "fraction"


# -- offsets ------------------------------------------------------------------------------------------

def test_offsets_exclude_trailing_punctuation():
    text = "The toll reached 1,200."
    q = only(text, "1,200")
    assert text[q.end] == "."


def test_offsets_in_a_sentence_with_several_figures():
    text = "Of the 4,500 staff, about 300 left and 12% retired."
    got = [(text[q.start:q.end], q.low, q.high, q.unit) for q in find_quantities(text)]
    assert got == [("4,500", 4500, 4500, None), ("about 300", 300, 300, None), ("12%", 12, 12, "%")]


def test_words_inside_other_words_are_not_numbers():
    # "tone", "often", "someone", "weight" hide number words
    assert find_quantities("Someone often set the tone, whatever its weight.") == []


def test_an_amount_and_a_count_joined_by_to_are_two_figures():
    # written for this test: a money amount then a bare count share neither currency nor scale
    found = find_quantities("Losses fell to £808m to 8,177 cases.")
    assert [(q.text, q.unit) for q in found] == [("£808m", "GBP"), ("8,177", None)]


# -- shapes found on the blind-annotated BBC articles -----------------------------------------

def test_a_count_then_in_a_year_is_not_a_ratio():
    text = "Output fell from 52 in 1999 to 40."
    assert only(text, "52").unit is None


def test_a_hedged_ratio_keeps_its_hedge():
    q = only("About one in 40 riders wore no helmet.", "About one in 40")
    assert q.unit == "fraction" and q.bound == "approx" and bounds(q) == (0.025, 0.025)


def test_words_before_a_scale_share_it():
    q = only("The repairs will cost eight or nine million pounds.", "eight or nine million pounds")
    assert bounds(q) == (8e6, 9e6) and q.unit == "GBP"


def test_several_hundred_million_of_a_currency():
    q = only("Donors gave several hundred million dollars.", "several hundred million dollars")
    assert bounds(q) == (2e8, 9.99e8) and q.unit == "USD"


def test_a_currency_word_joined_by_a_hyphen():
    q = only("It tabled a 250bn-peso budget.", "250bn-peso")
    assert bounds(q) == (2.5e11, 2.5e11) and q.unit == "MXN"


def test_a_bare_count_before_a_scaled_sum_is_its_own_figure():
    text = "Claims went from 9,120 to £40m in a year."
    assert [q.text for q in find_quantities(text)] == ["9,120", "£40m"]


def test_a_quoted_amount_takes_the_currency_after_the_quote():
    q = only('She said the fund would reach "tens of millions" of dollars.', "tens of millions")
    assert q.unit == "USD"


def test_a_few_thousand():
    q = only("The site gets a few thousand visitors a day.", "a few thousand")
    assert bounds(q) == (2000, 5000)


@pytest.mark.parametrize("text, words, value", [
    ("He gave the party a one-in-four chance.", "one-in-four", 0.25),
    ("Odds of 1-in-5 were quoted.", "1-in-5", 0.2),
    ("About five dozen cases were filed.", "About five dozen", 60),
    ("A half-dozen aides resigned.", "half-dozen", 6),
])
def test_hyphenated_ratios_and_dozens(text, words, value):
    q = [q for q in find_quantities(text) if words in q.text][0]
    assert q.low == q.high == value


def test_anything_less_than_names_the_amount_asked_for():
    q = only("The union would not accept anything less than £9bn for the scheme.", "£9bn")
    assert bounds(q) == (9e9, 9e9) and q.bound is None


def test_or_so_is_an_approximation():
    q = only("The 40 or so rebels met on Tuesday.", "40 or so")
    assert bounds(q) == (40, 40) and q.bound == "approx"


# -- dates and times are not amounts ---------------------------------------------------------

def test_an_iso_date_yields_no_amount():
    assert find_quantities("date 2023-09-10 Rescuers reached the valley.") == []


def test_an_iso_date_with_a_clock_time_yields_no_amount():
    assert find_quantities("Updated 2023-09-10T14:05 by the desk") == []


def test_a_count_beside_an_iso_date_is_still_found():
    q = only("On 2023-09-10 the ministry counted 2,012 dead.", "2,012")
    assert bounds(q) == (2012, 2012)


# -- currency codes, local symbols, per cent as 'pc', areas -------------------------------------

@pytest.mark.parametrize("text, words, unit, value", [
    ("The fund raised RM500 million last year.", "RM500 million", "MYR", 500e6),
    ("It changed hands for $US1,234,567,890 in May.", "$US1,234,567,890", "USD", 1234567890),
    ("The club paid AUD1.2m for him.", "AUD1.2m", "AUD", 1.2e6),
    ("The budget sets aside INR 2.5 trillion for roads.", "INR 2.5 trillion", "INR", 2.5e12),
    ("Profit slid to PS300m in the half.", "PS300m", "GBP", 300e6),
    ("Crop losses reached P4,250,000 in the province.", "P4,250,000", "PHP", 4.25e6),
    ("The council released P3.5 million for repairs.", "P3.5 million", "PHP", 3.5e6),
])
def test_currency_codes_and_local_symbols(text, words, unit, value):
    q = only(text, words)
    assert (q.unit, q.low, q.high) == (unit, value, value)


def test_a_capital_p_before_a_short_number_is_no_peso():
    assert [q.text for q in find_quantities("She finished P5 in the sprint and 12 seconds behind.")] == ["12"]


def test_a_lower_case_word_is_not_a_currency_code():
    assert [q.unit for q in find_quantities("We will try 5 more times.")] == [None]


def test_pc_is_per_cent():
    q = only("Sales rose 40pc in March.", "40pc")
    assert (q.unit, q.low) == ("%", 40)


@pytest.mark.parametrize("text, words, unit", [
    ("The flat measures 1,520 sq m in all.", "1,520 sq m", "m2"),
    ("A 32m2 studio rents fast.", "32m2", "m2"),
    ("The fire burned 2,000 acres of scrub.", "2,000 acres", "acre"),
    ("Water covered 400 square kilometres of farmland.", "400 square kilometres", "km2"),
    ("Crews cleared 5,000 hectares of forest.", "5,000 hectares", "hectare"),
])
def test_areas_carry_their_unit(text, words, unit):
    assert only(text, words).unit == unit


@pytest.mark.parametrize("text, words", [
    ("A 7.5-magnitude quake struck the coast.", "7.5"),
    ("The magnitude-7.6 earthquake hit at dusk.", "7.6"),
])
def test_a_hyphenated_magnitude_is_read(text, words):
    q = only(text, words)
    assert q.low == float(words)


def test_a_hedge_before_an_opening_quote_still_bounds_the_number():
    q = find_quantities("The party said more than \u201cforty people were killed\u201d in the raid.")[0]
    assert (q.text, q.low, q.high) == ("more than \u201cforty", 40, None)


def test_a_long_number_in_words_with_a_british_and_is_one_number():
    (q,) = find_quantities("The repairs cost one hundred and twenty-three thousand dollars.")
    assert (q.text, q.low, q.unit) == ("one hundred and twenty-three thousand dollars", 123000.0, "USD")


def test_another_dozen_is_twelve():
    q = only("Another dozen people were hurt in the second blast.", "Another dozen")
    assert bounds(q) == (12, 12)


def test_n_plus_is_at_least_n():
    q = only("The slide buried 100-plus homes.", "100-plus")
    assert bounds(q) == (100, None)


@pytest.mark.parametrize("text, words", [
    ("Japan flew in a 64-person search-and-rescue team.", "64"),
    ("A 10-member investigation team reached the site.", "10"),
])
def test_the_size_of_a_team_written_into_its_name_is_a_count(text, words):
    assert only(text, words).low == int(words)


def test_a_two_man_event_is_no_count():
    assert find_quantities("He won the two-man bobsleigh.") == []
