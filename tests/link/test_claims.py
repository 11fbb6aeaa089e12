"""link_claims / compatible_values: which figure mentions are one statement.

Mentions are built by hand; the values and dates follow ../shared/docs/export-format.md."""
from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest

from newsledger.link.claims import Claim, MentionRef, borrowed_day, compatible_values, link_claims

D17, D20, D23, D27 = (dt.date(2024, 12, d) for d in (17, 20, 23, 27))
_keys = itertools.count(1)


def ref(low, high, *, speaker="person:john kirby", doc="a", start=None, measure="casualties", unit=None,
        stated_on=D27, strong=True, family=None, story="s1", affiliation=""):
    key = next(_keys)
    return MentionRef(key=key, doc=doc, start=key * 10 if start is None else start, speaker_key=speaker,
                      measure=measure, unit=unit, low=low, high=high, stated_on=stated_on,
                      strong_date=strong, family=family or doc, story=story, affiliation=affiliation)


def partition(claims):
    return sorted(sorted(m.key for m in c.members) for c in claims)


def claim_of(claims, m):
    (c,) = [c for c in claims if any(x.key == m.key for x in c.members)]
    return c


def together(claims, a, b) -> bool:
    return claim_of(claims, a) is claim_of(claims, b)


# -- compatible_values -------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b, expected", [
    ((1000, 1000), (1000, None), True),        # "1,000" / "more than 1,000"
    ((1000, 1000), (1000, 1000), True),
    ((43e6, 43e6), (43_885_310, 43_885_310), True),   # rounding
    ((1000, 1000), (1200, 1200), False),
    ((24, 99), (1000, 1000), False),           # "dozens" / "1,000"
    ((200, 999), (500, 500), True),            # "hundreds" holds 500
    ((200, 999), (24, 99), False),             # "hundreds" / "dozens"
    ((2000, 9999), (3000, None), True),        # "thousands" / "more than 3,000"
    ((60000, None), (250000, 250000), False),  # an open bound must sit at the other's value
    ((1000, None), (None, 1000), False),       # "more than N" / "fewer than N"
    ((10000, 12000), (11000, None), True),     # a range / a bound inside it
    ((10000, 12000), (50000, 50000), False),
])
def test_compatible_values(a, b, expected):
    x, y = ref(*a), ref(*b)
    assert compatible_values(x, y) is expected
    assert compatible_values(y, x) is expected


def test_hundreds_does_not_hold_a_thousand():
    assert compatible_values(ref(200, 999), ref(1000, 1000)) is False


# -- link_claims -----------------------------------------------------------------------------------

def test_exact_and_more_than_by_one_speaker_on_one_day_are_one_claim():
    a = ref(1000, 1000, doc="a")
    b = ref(1000, None, doc="b")
    claims = link_claims([a, b])
    assert len(claims) == 1 and together(claims, a, b)


def test_dozens_and_a_thousand_are_two_claims():
    a = ref(24, 99, doc="a")
    b = ref(1000, 1000, doc="b")
    assert len(link_claims([a, b])) == 2


def test_same_figure_by_two_speakers_is_two_claims():
    a = ref(1000, 1000, speaker="person:john kirby")
    b = ref(1000, 1000, speaker="person:volodymyr zelensky")
    assert len(link_claims([a, b])) == 2


def test_same_figure_different_measure_is_two_claims():
    a = ref(1000, 1000, measure="casualties")
    b = ref(1000, 1000, measure="deployed")
    assert len(link_claims([a, b])) == 2


def test_two_cued_dates_that_differ_split():
    a = ref(3000, None, stated_on=D20, doc="a")
    b = ref(3000, None, stated_on=D23, doc="b")
    claims = link_claims([a, b])
    assert len(claims) == 2
    assert {c.stated_on for c in claims} == {D20, D23}


def test_undated_mention_borrows_the_cued_date():
    cued = ref(1000, 1000, stated_on=D23, strong=True, doc="a")
    undated = ref(1000, None, stated_on=None, strong=False, doc="b")
    claims = link_claims([undated, cued])
    assert len(claims) == 1
    assert claims[0].stated_on == D23


def test_publication_date_yields_to_the_cued_date():
    cued = ref(1000, 1000, stated_on=D23, strong=True, doc="a")
    defaulted = ref(1000, 1000, stated_on=D27, strong=False, doc="b")   # published later, no cue
    claims = link_claims([defaulted, cued])
    assert len(claims) == 1 and claims[0].stated_on == D23


def test_a_report_published_before_the_statement_cannot_carry_it():
    cued = ref(1000, 1000, stated_on=D27, strong=True, doc="a")
    earlier = ref(1000, 1000, stated_on=D20, strong=False, doc="b")    # published a week before
    assert len(link_claims([cued, earlier])) == 2


def _claim(*members, day):
    return Claim("c", stated_on=day, members=list(members))


def test_an_undated_mention_borrows_the_day_its_claim_was_stated():
    cued, defaulted = ref(1000, 1000, stated_on=D23, strong=True), ref(1000, 1000, stated_on=D27, strong=False)
    assert borrowed_day(_claim(cued, defaulted, day=D23), defaulted) == D23


def test_a_mention_never_borrows_a_day_after_its_article_was_published():
    cued, defaulted = ref(1000, 1000, stated_on=D27, strong=True), ref(1000, 1000, stated_on=D20, strong=False)
    assert borrowed_day(_claim(cued, defaulted, day=D27), defaulted) is None


def test_an_undated_claim_lends_no_day():
    a, b = ref(1000, 1000, stated_on=D20, strong=False), ref(1000, 1000, stated_on=D27, strong=False)
    assert borrowed_day(_claim(a, b, day=D20), b) is None


def test_undated_everywhere_takes_the_earliest_publication():
    a = ref(1000, 1000, stated_on=D27, strong=False, doc="a")
    b = ref(1000, 1000, stated_on=D23, strong=False, doc="b")
    claims = link_claims([a, b])
    assert len(claims) == 1 and claims[0].stated_on == D23


def test_anonymous_sources_of_different_affiliation_split():
    us = ref(200, 999, speaker="anon:official", affiliation="us", doc="a")
    ua = ref(200, 999, speaker="anon:official", affiliation="ukraine", doc="b")
    plain = ref(200, 999, speaker="anon:official", affiliation="", doc="c")
    claims = link_claims([us, ua, plain])
    assert not together(claims, us, ua)
    assert len(claims) == 2


def test_grouping_does_not_depend_on_input_order():
    mentions = [
        ref(1000, 1000, stated_on=D27, doc="a"),
        ref(1000, None, stated_on=None, strong=False, doc="b"),
        ref(1000, 1000, stated_on=D20, doc="c"),
        ref(24, 99, stated_on=D17, doc="d"),
        ref(3000, None, speaker="person:volodymyr zelensky", stated_on=D23, doc="e"),
        ref(3000, 3000, speaker="person:volodymyr zelensky", stated_on=D27, strong=False, doc="f"),
        ref(1000, 1000, speaker="outlet:b", stated_on=D27, strong=False, doc="b", family="b"),
    ]
    baseline = link_claims(list(mentions))
    want = partition(baseline)
    want_ids = sorted(c.id for c in baseline)
    rng = random.Random(7)
    for _ in range(20):
        shuffled = mentions[:]
        rng.shuffle(shuffled)
        claims = link_claims(shuffled)
        assert partition(claims) == want
        assert sorted(c.id for c in claims) == want_ids


def test_claim_ids_are_stable_across_runs():
    def build():
        return [ref(1000, 1000, doc="a", start=5), ref(1000, None, doc="b", start=9)]
    assert [c.id for c in link_claims(build())] == [c.id for c in link_claims(build())]


# -- the outlet's own voice -------------------------------------------------------------------------

def test_own_voice_restatement_folds_into_the_attributed_claim():
    said = ref(1000, 1000, speaker="person:john kirby", doc="n", family="n")
    restated = ref(1000, 1000, speaker="outlet:n", doc="n", family="n", strong=False)
    claims = link_claims([said, restated])
    assert len(claims) == 1 and together(claims, said, restated)


def test_own_voice_figure_of_another_article_is_not_folded():
    said = ref(1000, 1000, speaker="person:john kirby", doc="n", family="n")
    other = ref(1000, 1000, speaker="outlet:m", doc="m", family="m", strong=False, story="s2")
    assert len(link_claims([said, other])) == 2


def test_own_voice_figure_with_a_different_value_is_not_folded():
    said = ref(1000, 1000, speaker="person:john kirby", doc="n", family="n")
    own = ref(3000, None, speaker="outlet:n", doc="n", family="n", strong=False)
    assert len(link_claims([said, own])) == 2


def test_a_vague_word_in_someones_quotation_does_not_take_the_outlets_vague_word():
    # "thousands of civil servants worry …" in a union leader's quotation is not the source of
    # the article's own "Thousands of jobs have gone": a vague word matches too much to be a restatement
    union = ref(2000, 9999, speaker="person:mark serwotka", doc="n", family="n")
    lede = ref(2000, 9999, speaker="outlet:n", doc="n", family="n", strong=False)
    assert len(link_claims([union, lede])) == 2


def test_own_voice_restatement_is_not_folded_when_two_claims_fit():
    kirby = ref(1000, 1000, speaker="person:john kirby", doc="n", family="n")
    other = ref(1000, 1000, speaker="org:pentagon", doc="n", family="n")
    own = ref(1000, 1000, speaker="outlet:n", doc="n", family="n", strong=False)
    claims = link_claims([kirby, other, own])
    assert len(claims) == 3


def test_own_voice_figures_of_two_outlets_in_one_story_merge():
    a = ref(43e6, 43e6, speaker="outlet:a", doc="a", family="a", measure="money", unit="USD", strong=False)
    b = ref(43_885_310, 43_885_310, speaker="outlet:b", doc="b", family="b", measure="money", unit="USD",
            strong=False)
    claims = link_claims([a, b])
    assert len(claims) == 1 and together(claims, a, b)


def test_own_voice_figures_of_two_stories_do_not_merge():
    a = ref(43e6, 43e6, speaker="outlet:a", doc="a", family="a", measure="money", unit="USD", strong=False,
            story="s1")
    b = ref(43e6, 43e6, speaker="outlet:b", doc="b", family="b", measure="money", unit="USD", strong=False,
            story="s2")
    assert len(link_claims([a, b])) == 2


def test_own_voice_figures_in_other_units_do_not_merge():
    a = ref(43e6, 43e6, speaker="outlet:a", doc="a", family="a", measure="money", unit="USD", strong=False)
    b = ref(43e6, 43e6, speaker="outlet:b", doc="b", family="b", measure="money", unit="GBP", strong=False)
    assert len(link_claims([a, b])) == 2


def test_copies_of_one_article_and_another_outlet_are_one_fact():
    # a syndicated copy shares its original's family and own-voice key
    a = ref(43e6, 43e6, speaker="outlet:a", doc="a", family="a", measure="money", unit="USD", strong=False)
    a2 = ref(43e6, 43e6, speaker="outlet:a", doc="a2", family="a", measure="money", unit="USD", strong=False)
    b = ref(43e6, 43e6, speaker="outlet:b", doc="b", family="b", measure="money", unit="USD", strong=False)
    claims = link_claims([a, a2, b])
    assert len(claims) == 1


def test_an_outlet_stating_exactly_what_another_outlet_attributes_restates_it():
    said = ref(750_000, 750_000, speaker="anon:prosecutors", doc="a", measure="money", unit="USD")
    own = ref(750_000, 750_000, speaker="outlet:b", doc="b", measure="money", unit="USD", strong=False)
    claims = link_claims([said, own])
    assert len(claims) == 1


def test_an_outlet_figure_close_but_not_equal_to_another_outlets_attributed_one_stays_apart():
    said = ref(750_000, 750_000, speaker="anon:prosecutors", doc="a", measure="money", unit="USD")
    own = ref(740_000, 740_000, speaker="outlet:b", doc="b", measure="money", unit="USD", strong=False)
    assert len(link_claims([said, own])) == 2


# -- vague and named sources of one figure ----------------------------------------------------------

def test_officials_and_the_ministry_giving_one_figure_the_same_day_are_one_statement():
    named = ref(20, 20, speaker="name:health ministry", doc="a")
    vague = ref(20, 20, speaker="anon:official", doc="b")
    assert together(link_claims([named, vague]), named, vague)


def test_two_named_sources_giving_one_figure_stay_two_claims():
    a = ref(20, 20, speaker="name:health ministry", doc="a")
    b = ref(20, 20, speaker="name:red crescent", doc="b")
    assert not together(link_claims([a, b]), a, b)


def test_a_vague_source_joins_no_one_when_two_named_sources_give_its_figure():
    a = ref(20, 20, speaker="name:health ministry", doc="a")
    b = ref(20, 20, speaker="name:red crescent", doc="b")
    vague = ref(20, 20, speaker="anon:official", doc="c")
    claims = link_claims([a, b, vague])
    assert not together(claims, a, vague) and not together(claims, b, vague)


def test_a_vague_source_another_day_is_another_statement():
    named = ref(20, 20, speaker="name:health ministry", doc="a", stated_on=D20)
    vague = ref(20, 20, speaker="anon:official", doc="b", stated_on=D23)
    assert not together(link_claims([named, vague]), named, vague)


def test_an_outlet_stating_the_same_hedged_figure_another_attributes_restates_it():
    said = ref(48, None, speaker="name:state government", doc="a")
    own = ref(48, None, speaker="outlet:b", doc="b", strong=False)
    assert len(link_claims([said, own])) == 1


def test_an_outlet_saying_hundreds_restates_no_one_elses_hundreds():
    said = ref(200, 999, speaker="name:state government", doc="a")
    own = ref(200, 999, speaker="outlet:b", doc="b", strong=False)
    assert len(link_claims([said, own])) == 2


def test_officials_and_the_government_giving_one_hedged_figure_the_same_day_are_one_statement():
    named = ref(48, None, speaker="name:state government", doc="a")
    vague = ref(48, None, speaker="anon:government", doc="b")
    assert together(link_claims([named, vague]), named, vague)
