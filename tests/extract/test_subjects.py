"""What a figure measures when its own words do not say; sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from newsledger.model import Article
from newsledger.pipeline import analyse


def _noun(subject):
    """The subject without the words of its clause, which follow it in brackets."""
    return subject.split(" [", 1)[0]


def _figures(text):
    (result,) = list(analyse([Article(doc="t", text=text, published=dt.date(2025, 3, 12))]))
    return {m.figure.text: m.figure for m in result.mentions}


def test_a_ratio_is_not_a_count_of_the_people_it_compares():
    fig = _figures("Young drivers were 2.5 times more likely to be arrested than older drivers.")["2.5 times"]
    assert fig.measure == "other"


def test_a_change_whose_subject_the_parse_lost_takes_the_noun_before_it():
    figs = _figures("The tally of reported scams passed the 5,000 mark and the number of new scams grew by more than 40%.")
    assert "number of new scams" in figs["more than 40%"].subject


def test_a_loss_in_the_sentence_before_does_not_make_job_cuts_casualties():
    figs = _figures("The steelmaker reported heavy losses last year. It now plans to reduce its workforce by 4,000.")
    assert figs["4,000"].measure == "other"


def test_the_last_of_a_list_of_victims_keeps_the_verb_that_befell_them():
    figs = _figures("The blast injured a guard, a driver, a cook, a cleaner and three police officers.")
    assert figs["three"].measure == "wounded"


@pytest.mark.parametrize("text, words, subject", [
    ("The audit found the charity's card paid $3,120.50 at a golf resort, $880.00 at a jeweller and "
     "over $2,000 at an electronics store.", "$880.00", "jeweller"),
    ("The Joneses paid hundreds of thousands of dollars in state taxes.", "hundreds of thousands of dollars", "state taxes"),
    ("The bank could not yet size its legal reserve, which it last set at $900m.", "$900m", "legal reserve"),
    ("The claim for $45bn (£30bn) was thrown out in a unanimous ruling.", "$45bn", "claim"),
    ("She promised to give back the $12,000 to the Treasury.", "$12,000", "give"),
])
def test_what_a_sum_without_a_noun_of_its_own_is(text, words, subject):
    assert subject in _figures(text)[words].subject


def test_the_figure_compared_with_counts_what_the_first_counts():
    figs = _figures("The brewer made an operating profit of £40m ($52m), compared with £55m a year earlier.")
    assert "operating profit" in figs["£55m"].subject



@pytest.mark.parametrize("text, words, subject", [
    ("He spent over $450 at Toys-R-Us.", "over $450", "Toys-R-Us"),
    ("Council schemes costing £120m have not cut truancy.", "£120m", "schemes"),
    ("Nearly two-thirds of members (64%) backed the strike.", "64%", "members"),
    ("Auditors found thousands of dollars on personal purchases.", "thousands of dollars", "purchases"),
])
def test_subject_kept_whole_or_taken_from_what_the_figure_modifies(text, words, subject):
    assert subject in _figures(text)[words].subject


def test_whoever_killed_is_not_who_died():
    figs = _figures("Storms kill at least 30 across the coast\n\nAt least 30 people died when storms hit the coast, "
                    "officials said.")
    # the storms may say which deaths these are, never who died
    assert figs["at least 30"].subject.startswith("people") and "Storms" not in figs["at least 30"].subject.split("(")[0]


def test_a_bare_number_in_a_list_takes_what_befell_the_lists_noun_not_a_word_from_the_sentence_before():
    figs = _figures("Divers recovered nine bodies from the lake. Nearly 5,000 people were affected, "
                    "and some 600 are staying in tents.")
    assert figs["some 600"].measure == "other"


def test_plural_orders_are_things_not_in_the_order_of():
    figs = _figures("Sales climbed, helped by a 30% jump in online orders, the company said.")
    assert _noun(figs["30%"].subject) == "online orders"


def test_in_the_order_of_names_nothing_counted():
    figs = _figures("Losses were in the order of 2,000, the report said.")
    assert "order" not in figs["2,000"].subject


def test_those_asked_keeps_the_participle_that_says_who_they_are():
    figs = _figures("More than a third (36%) of those polled said they had never voted.")
    assert figs["36%"].subject == "those polled"


def test_a_second_verb_shares_the_first_ones_subject_and_skips_the_other_end_of_the_change():
    figs = _figures("Inflation would reach 3.1% this year, but ease to 2.2% next year from an earlier forecast of 2.6%, the bank said.")
    assert _noun(figs["2.2%"].subject) == "Inflation"


@pytest.mark.parametrize("text, words, subject", [
    ("The plan offers payroll tax cuts worth 3.2bn rand.", "3.2bn rand", "tax cuts"),
    ("A total of 58% of those polled backed the plan.", "58%", "those polled"),
    ("The number waiting over a year fell from 5,210 to 4,900.", "5,210", "number waiting"),
    ("Flags flew at half mast for the estimated 12,000 dead.", "12,000", "dead"),
])
def test_subject_from_worth_a_total_of_a_participle_or_an_adjective(text, words, subject):
    assert subject in _figures(text)[words].subject


def test_wounded_beside_killed_stays_wounded():
    figs = _figures("The mayor said the blast left 12 people killed and 31 wounded in the market.")
    assert figs["31"].measure == "wounded"


def test_a_score_from_high_to_low_is_two_figures():
    figs = _figures("The Greens lead the Centre Party by 41% to 36%, the poll found.")
    assert "41%" in figs and "36%" in figs


def test_a_month_after_last_is_when_not_what():
    figs = _figures("There are 12,400 people on the list, down from 13,050 last month.")
    assert "13,050" in figs


@pytest.mark.parametrize("text, words, subject", [
    ("Two-thirds said the council should resign.", "Two-thirds", "people who said the council should resign"),
    ("A majority of tenants (61%) want the rent frozen.", "61%", "tenants"),
    ("The club is seeking grants worth up to £2m per season.", "up to £2m", "grants"),
])
def test_subject_of_a_worded_share_a_bracketed_share_and_a_hedged_worth(text, words, subject):
    assert _figures(text)[words].subject.startswith(subject)


def test_a_figure_joined_to_another_in_a_list_counts_the_same():
    figs = _figures("Export forecasts were cut to 2.1% this year and 2.6% in 2027, the institute said.")
    assert _noun(figs["2.6%"].subject) == _noun(figs["2.1%"].subject) != ""


@pytest.mark.parametrize("text, words, subject", [
    ("A majority, 57%, said the mayor should stay.", "57%", "people who said the mayor should stay"),
    ("One in five said they would move abroad.", "One in five", "people who said they would move abroad"),
    ("Almost half those polled said the tax was unfair.", "Almost half", "those polled"),
    ("Most 18 to 21-year-olds (88%) use the app.", "88%", "21-year-olds"),
])
def test_shares_of_people_in_apposition_ratio_predeterminer_and_age_band(text, words, subject):
    assert subject in _figures(text)[words].subject


def test_a_bare_sum_that_something_costs_is_money_in_the_articles_currency():
    figs = _figures("The new fence cost $4m. Guarding every school would cost billions, the senator said.")
    assert (figs["billions"].measure, figs["billions"].unit) == ("money", "USD")


def test_a_sum_set_off_by_dashes_restates_the_noun_beside_it():
    figs = _figures("Most of the grant - about £30m - will go to rural schools.")
    assert "grant" in figs["about £30m"].subject


def test_the_figure_points_back_to_what_the_figure_before_counts():
    figs = _figures("Nationally 8% of nurses are agency staff, and in Leeds the figure rises to 15%.")
    assert _noun(figs["8%"].subject) == "nurses"
    assert _noun(figs["15%"].subject) == "nurses (Leeds)"  # the share the figure points back to, in Leeds


def test_who_speaks_is_not_what_is_counted():
    figs = _figures("The country's largest insurer said claims rose 9% in 2023, but by only 2% in the final quarter.")
    assert "insurer" not in figs["2%"].subject


def test_the_clause_of_a_share_stops_before_the_next_share():
    figs = _figures("In the poll, 48% said the mayor should resign and 39% that she should stay.")
    assert figs["48%"].subject == "people who said the mayor should resign"


@pytest.mark.parametrize("text, words, subject", [
    ("Analysts put it at a 1 in 4 chance that rates rise.", "1 in 4", "chance"),
    ("The council will shift £40m from the roads budget and £12m from the parks fund.", "£12m", "parks fund"),
    ("Ministers plan to steer £2bn toward construction of new prisons.", "£2bn", "construction"),
])
def test_what_a_ratio_or_a_moved_sum_is(text, words, subject):
    assert subject in _figures(text)[words].subject


def test_a_share_of_arrests_is_a_share_not_a_count_of_captives():
    figs = _figures("About one-third of the arrests were made at the northern crossing.")
    assert figs["About one-third"].measure == "other"


def test_what_a_vague_sum_sold_was():
    figs = _figures("The fund threatened to respond by selling tens of millions of dollars in city bonds.")
    assert "city bonds" in figs["tens of millions of dollars"].subject


def test_an_age_band_names_who_is_counted():
    assert _noun(_figures("Just 21% of 18 to 24 year olds voted in the election.")["21%"].subject) == "18 to 24 year olds"


def test_a_list_of_victims_is_of_the_whole_not_the_subset_named_inside_it():
    figs = _figures("Shelling of the town killed at least 21 villagers, including four children, and wounded more than 60, "
                    "officials said.")
    assert figs["more than 60"].subject.startswith("villagers")  # "villagers wounded", not "children"


def test_where_people_died_is_not_who_died():
    figs = _figures("Storms kill dozens in coastal town\n\nAt least 30 residents died when storms hit the coast.")
    who, _, where = figs["dozens"].subject.partition("(")
    assert "town" not in who and "in coastal town" in where  # who died, and where


def test_a_running_total_names_its_own_subject():
    figs = _figures("The army said it lost 40 soldiers on Friday, bringing its total losses this month to 310.")
    assert "total losses" in figs["310"].subject


def test_places_taken_are_territory_not_prisoners():
    assert _figures("The ministry said its forces had captured three villages.")["three"].measure == "territory"


def test_n_of_those_killed_were_children_counts_children():
    figs = _figures("Officials said that around 13,200 of those killed were children.")
    assert figs["around 13,200"].subject.startswith("children")


def test_a_cause_with_a_hyphenated_place_keeps_the_place_whole():
    figs = _figures("Fighting in El-Fasher killed at least 226 people.")
    assert "El-Fasher" in figs["at least 226"].subject


def test_a_count_hanging_from_an_event_takes_the_events_day():
    figs = _figures("Two bombs exploded in the market on Tuesday, killing 14 people.")
    assert "Tuesday" in figs["14"].subject


def test_a_count_told_after_a_raid_on_a_town_keeps_the_town():
    figs = _figures("Gunmen stormed a village in Zamfara state on Sunday, killing at least 41 people.")
    assert "Zamfara" in figs["at least 41"].subject


def test_the_place_of_one_count_in_a_sentence_is_not_given_to_the_other():
    figs = _figures("Officials said 16 people died in Aleppo, while 20 others were injured in Idlib.")
    assert "Aleppo" not in figs["20"].subject
    assert "Idlib" in figs["20"].subject


def test_a_storm_that_killed_people_in_a_relative_clause_gives_its_place():
    figs = _figures("Forecasters compared it with the cyclone in Odisha that killed about 10,000 people in 1999.")
    assert "Odisha" in figs["about 10,000"].subject


def test_a_count_told_of_a_past_year_keeps_the_year():
    figs = _figures("It was the region's worst flood since 1998, when the river killed 4,100 people.")
    assert "1998" in figs["4,100"].subject


def test_a_toll_whose_sentence_names_no_place_is_the_headline_countrys():
    figs = _figures("Floods kill dozens in Malawi\n\nRescuers said on Monday that 48 people had died.")
    assert "Malawi" in figs["48"].subject


def test_a_toll_whose_sentence_names_its_own_place_keeps_it_alone():
    figs = _figures("Floods kill dozens in Malawi\n\nIn Mozambique, 12 people died.")
    assert "Mozambique" in figs["12"].subject and "Malawi" not in figs["12"].subject


def test_the_injured_of_a_list_headed_by_the_dead_are_not_called_dead():
    figs = _figures("The quake left 2,012 dead and 1,204 injured, the ministry said.")
    assert "dead" not in figs["1,204"].subject and "wounded" in figs["1,204"].subject


def test_a_count_reported_missing_keeps_the_place_of_its_own_clause():
    import datetime as dt
    from newsledger.model import Article
    from newsledger.pipeline import analyse
    (result,) = list(analyse([Article(doc="t", text="The mayor said that at least 70 people have been reported "
                                      "missing in the city of Santa Rosa.", published=dt.date(2025, 3, 12))]))
    subject = next(m.figure.subject for m in result.mentions if m.figure.text == "at least 70")
    assert "Santa Rosa" in subject


def test_people_counted_where_they_are_keep_the_place():
    import datetime as dt
    from newsledger.model import Article
    from newsledger.pipeline import analyse
    (result,) = list(analyse([Article(doc="t", text="The ferry with 312 people on board sank off the coast.",
                                      published=dt.date(2025, 3, 12))]))
    subject = next(m.figure.subject for m in result.mentions if m.figure.text == "312")
    assert "on board" in subject


def test_a_number_a_tally_reaches_counts_what_the_tally_counts():
    figures = _figures("The number of flooded homes has risen again, reaching 2,416.")
    assert _noun(figures["2,416"].subject) == "flooded homes"


def test_a_name_that_opens_the_sentence_after_in_places_its_counts():
    figures = _figures("In Westmoor, 12 bridges were swept away and 340 houses destroyed.")
    assert "Westmoor" in figures["340"].subject


def test_a_place_put_first_also_places_a_clause_set_beside_by_while():
    figures = _figures("In Westmoor, 40 roads have been damaged, while 2,822 houses have been destroyed.")
    assert "Westmoor" in figures["2,822"].subject


def test_a_persons_words_opening_a_sentence_are_no_place():
    figures = _figures("In Smith's view, 40 schools will close.")
    assert "Smith" not in _noun(figures["40"].subject)


def test_a_participle_on_the_counted_noun_gives_its_place():
    figures = _figures("Neighbouring countries have reported floods, with 155 people reported dead in Kelvaria.")
    assert "Kelvaria" in figures["155"].subject


def test_a_magnitude_is_a_magnitude_whatever_the_quake_is_called():
    figures = _figures("The tremor that struck the valley on Tuesday measured magnitude 6.8, the agency said.")
    assert _noun(figures["6.8"].subject) == "magnitude"


def test_an_aftershocks_magnitude_is_its_own():
    figures = _figures("A magnitude 5.8 aftershock struck the valley on Monday.")
    assert _noun(figures["5.8"].subject) == "aftershock magnitude"


def test_the_name_a_where_clause_hangs_on_is_the_place_of_its_counts():
    figures = _figures("The worst-hit district is Brackenridge, where 88 deaths have been recorded.")
    assert "Brackenridge" in _noun(figures["88"].subject)


_QUAKE_TOLLS = ("After a powerful earthquake rocked Ruritania on Friday, the junta chief said 144 people lost "
               "their lives, while 730 sustained injuries.")


def test_a_toll_whose_clause_names_no_place_is_described_with_its_sentences_places():
    figures = _figures(_QUAKE_TOLLS)
    assert "Ruritania" in figures["730"].subject


def test_a_place_from_elsewhere_in_the_sentence_is_no_part_of_the_subject():
    figures = _figures(_QUAKE_TOLLS)
    assert "Ruritania" not in _noun(figures["730"].subject)


def test_a_where_clause_on_a_kind_of_place_takes_the_name_it_is_said_of():
    figures = _figures("Westmarch was the worst-hit province, where 640 people were killed.")
    assert "Westmarch" in _noun(figures["640"].subject)


def test_the_people_a_named_place_holds_are_placed_there():
    got = _figures("Shelling reached Marrow, a town of some 40,000 people, on Sunday.")
    assert "Marrow" in got["some 40,000"].subject
