"""A conflict report written for these tests (not from any outlet): several sources in one
article, a quotation continued in a second sentence, a period that is not a statement date."""
from __future__ import annotations

import datetime as dt

import pytest

from newsledger.model import Article
from newsledger.pipeline import analyse

TEXT = """Strikes kill dozens in northern city, officials say

Share this article

At least 42 people were killed and more than 100 wounded in overnight strikes on the northern city, the regional health ministry said on Sunday.
The ministry said the death toll had risen from 35 a day earlier, adding that 12 children were among the dead.
"We have recovered 42 bodies so far," the ministry's spokesman, Ahmad Karimi, told reporters. "Dozens more are missing under the rubble."
The army said it had struck 15 militant targets and killed "about 60 terrorists", a figure that could not be independently verified.
Around 3,000 families have fled the area since Friday, according to the UN refugee agency UNHCR.
"""


@pytest.fixture(scope="module")
def mentions():
    article = Article(doc="report", text=TEXT, published=dt.date(2025, 3, 10))  # a Monday
    (result,) = list(analyse([article]))
    return {m.figure.text: m for m in result.mentions}


def test_a_figure_in_the_speakers_own_sentence_is_theirs(mentions):
    assert mentions["At least 42"].speaker == "regional health ministry"


def test_said_on_sunday_is_the_day_before_a_monday_publication(mentions):
    assert mentions["At least 42"].stated_on == dt.date(2025, 3, 9)


def test_killed_and_wounded_figures_side_by_side_keep_their_own_measures(mentions):
    assert (mentions["At least 42"].figure.measure, mentions["more than 100"].figure.measure) == ("killed", "wounded")


def test_among_the_dead_counts_the_killed(mentions):
    assert mentions["12"].figure.measure == "killed"


def test_a_quotation_continued_in_the_next_sentence_keeps_its_speaker(mentions):
    assert mentions["Dozens"].speaker == "Ahmad Karimi"


def test_missing_people_are_missing(mentions):
    assert mentions["Dozens"].figure.measure == "missing"


def test_the_army_is_not_the_ministry_named_earlier(mentions):
    assert mentions["about 60"].speaker == "army"


def test_targets_struck_are_not_people_killed(mentions):
    assert mentions["15"].figure.measure == "other"


def test_unverified_figure_is_hedged(mentions):
    assert "not independently verified" in mentions["about 60"].figure.hedges


def test_since_friday_is_a_period_not_the_date_of_the_statement(mentions):
    assert mentions["Around 3,000"].stated_on == dt.date(2025, 3, 10)


def test_according_to_an_agency_names_the_agency(mentions):
    assert mentions["Around 3,000"].speaker == "UNHCR"


def test_share_widget_line_is_not_in_the_body():
    article = Article(doc="report", text=TEXT, published=dt.date(2025, 3, 10))
    (result,) = list(analyse([article]))
    assert "Share this article" not in result.body


# Shapes of numbers that are not figures, and figures the date and year rules once swallowed;
# sentences written for these tests.
def _figures(text, published=dt.date(2025, 3, 12)):
    (result,) = list(analyse([Article(doc="t", text=text, published=published)]))
    return {m.figure.text: m for m in result.mentions}


@pytest.mark.parametrize("text", [
    "The 9/11 attacks changed the city.", "The helpline runs 24/7.", "The meeting started at 10:30.",
    "He spoke at No. 10 yesterday.", "They flew on a Boeing 737 last week.", "He lives at 221 Baker Street.",
    "Children under 5 were vaccinated.", "In 2004 the firm grew.",
])
def test_not_a_figure(text):
    assert _figures(text) == {}


@pytest.mark.parametrize("text, figure", [
    ("On Thursday, 300 people were arrested.", "300"), ("In March 300 workers lost their jobs.", "300"),
    ("The firm said 300 may lose their jobs.", "300"), ("The company employs 1200 staff.", "1200"),
    ("The toll rose to 1500.", "1500"), ("One in five people live in poverty.", "One in five"),
    ("It was watched by 8.5m viewers.", "8.5m"), ("The stamp costs 85p.", "85p"),
])
def test_a_figure_beside_a_date_word_or_in_the_year_range_is_kept(text, figure):
    assert figure in _figures(text)


def test_it_said_points_back_to_the_company():
    found = _figures("The company said profits rose 5%. It said on Friday that sales fell 2%.")
    assert found["2%"].speaker == "company" and found["2%"].stated_on == dt.date(2025, 3, 7)


def test_a_speech_verb_in_an_after_clause_does_not_claim_the_sentence():
    assert _figures("Shares in Acme rose 3% after the company said it would buy Beta for $2bn.")["3%"].speaker is None


def test_speaking_on_sunday_dates_the_statement():
    assert _figures("Speaking on Sunday, the minister said 300 jobs would go.")["300"].stated_on == dt.date(2025, 3, 9)


def test_a_standing_statement_does_not_take_the_date_of_an_earlier_one():
    found = _figures("Jane Smith said on Monday that 50 jobs would go. Smith has previously said that 200 jobs "
                     "were at risk.")
    assert found["200"].stated_on == dt.date(2025, 3, 12)


@pytest.mark.parametrize("text, figure, measure", [
    ("The charity sent 5,000 food parcels.", "5,000", "other"),
    ("Officials said 3,000 nurses would be recruited.", "3,000", "other"),
    ("The army deployed 200 tanks.", "200", "deployed"),
])
def test_sending_is_deploying_only_for_people_who_serve(text, figure, measure):
    assert _figures(text)[figure].figure.measure == measure


def test_an_anonymous_source_keeps_where_it_works():
    assert _figures("Analysts at Citi said profits would rise 5%.")["5%"].speaker == "Analysts at Citi"


# A second report written for these tests: the lede carries no date, a later sentence does.
TOLL = """Death toll rises to 1,200 as fighting spreads
Updated 2 hours ago
The death toll from a week of fighting has risen to 1,200, according to the local health ministry, which said a further 3,400 people had been injured.
The United Nations estimated on Wednesday that 1.9 million people have been displaced since the fighting began.
The military said it had killed 90 militants in overnight raids. The figures could not be independently verified.
"""


@pytest.fixture(scope="module")
def toll():
    (result,) = list(analyse([Article(doc="toll", text=TOLL, published=dt.date(2025, 3, 14))]))  # a Friday
    return {m.figure.text: m for m in result.mentions if m.figure.start > 60}


def test_a_date_given_further_down_does_not_date_the_lede(toll):
    assert toll["3,400"].stated_on == dt.date(2025, 3, 14)


def test_estimated_on_wednesday_dates_that_estimate(toll):
    assert toll["1.9 million"].stated_on == dt.date(2025, 3, 12)


def test_a_disclaimer_sentence_hedges_the_figures_before_it(toll):
    assert "not independently verified" in toll["90"].figure.hedges


def test_displaced_people_are_displaced(toll):
    assert toll["1.9 million"].figure.measure == "displaced"


def test_a_headline_restating_an_attributed_figure_is_exported_with_its_source(tmp_path):
    from newsledger import store
    from newsledger.ledger import ingest
    from newsledger.report.export import figure_records

    (tmp_path / "toll.txt").write_text(TOLL, encoding="utf-8")
    conn = store.connect(tmp_path / "l.db")
    ingest(conn, [str(tmp_path / "toll.txt")], published=dt.date(2025, 3, 14))
    headline = next(r for r in figure_records(conn) if r["start"] < 30)
    assert (headline["text"], headline["speaker"]) == ("1,200", "local health ministry")


def test_its_chief_executive_is_the_person_the_article_gives_that_post():
    text = ("Steelworks may shut\n\nAcme Steel could cut up to 4,500 jobs, its chief executive has said.\n"
            "Chief executive John Doe said the plan would save $30m.\n")
    assert _figures(text)["up to 4,500"].speaker == "John Doe"


def test_an_indefinite_official_is_a_new_source_not_the_earlier_one():
    text = ("Aid cut\n\nA senior military official said 300 troops were sent.\n"
            "A senior defence official said on Tuesday that $5bn remained.\n")
    assert _figures(text)["$5bn"].speaker == "senior defence official"


# A third report written for these tests: war losses as both sides' officials give them.
LOSSES = """Army lost 1,250 troops in a day, officials say

The army lost 1,250 soldiers over the past 24 hours, according to the enemy's general staff.
The defence ministry said on Saturday its forces had shot down 42 drones overnight.
"""


def test_an_army_losing_soldiers_is_casualties():
    found = _figures(LOSSES, published=dt.date(2025, 3, 16))
    assert [m.figure.measure for t, m in found.items() if t == "1,250"] == ["casualties"]


def test_said_on_saturday_right_after_the_verb_dates_the_statement():
    assert _figures(LOSSES, published=dt.date(2025, 3, 16))["42"].stated_on == dt.date(2025, 3, 15)


@pytest.mark.parametrize("text, figure, measure", [
    ("More than 100 people lost their lives in the floods.", "More than 100", "killed"),
    ("The blast claimed the lives of 50 people.", "50", "killed"),
    ("The firm lost 5,000 subscribers.", "5,000", "other"),
])
def test_lives_lost_are_the_killed(text, figure, measure):
    assert _figures(text)[figure].figure.measure == measure


def test_a_force_n_strong_is_a_deployment_of_n():
    found = _figures("Pyongyang sent a 12,000-strong contingent to Russia.")
    assert (found["12,000"].figure.low, found["12,000"].figure.measure) == (12000, "deployed")


@pytest.mark.parametrize("text, figure, speaker", [
    ("The State Department released thousands of emails on Friday.", "thousands", None),
    ("Police released figures showing 300 arrests.", "300", "Police"),
    ("The firm announced 500 job cuts.", "500", "firm"),
])
def test_releasing_counted_things_is_an_act_releasing_figures_is_a_statement(text, figure, speaker):
    assert _figures(text)[figure].speaker == speaker


def test_a_toll_climbing_past_a_number_is_a_lower_bound_of_the_killed():
    fig = _figures("Quake toll climbs past 300")["past 300"].figure
    assert (fig.low, fig.high, fig.measure) == (300, None, "killed")


def test_the_past_24_hours_is_a_period_not_a_figure():
    assert list(_figures("In the past 24 hours, 40 people died.")) == ["40"]


@pytest.mark.parametrize("text", [
    "She is the 2016 candidate.", "Profits were lower than in the preceding three quarters.", "He called 911 at 2am.",
])
def test_a_year_as_a_modifier_quarters_of_a_year_and_an_emergency_number_are_not_figures(text):
    assert _figures(text) == {}


def test_people_listed_after_including_share_what_befell_the_group():
    found = _figures("Six people, including two lawmakers and two police officers, were injured in the attack.")
    assert {t: m.figure.measure for t, m in found.items()} == {"Six": "wounded", "two": "wounded"}


def test_a_number_counting_the_sources_is_not_a_figure_and_not_in_their_name():
    found = _figures("Two law enforcement officials said 300 people were detained.")
    assert list(found) == ["300"] and found["300"].speaker == "law enforcement officials"


def test_pounds_of_weight_are_not_money():
    assert _figures("The suspect, weighing 215 pounds, was arrested.") == {}
    assert _figures("The fine was 500 pounds.")["500 pounds"].figure.unit == "GBP"


def test_people_killed_somewhere_carry_the_place_in_their_subject():
    assert "Khartoum" in _figures("Some 300 civilians have died in Khartoum since April.")["Some 300"].figure.subject


def test_a_charity_ner_takes_for_a_person_still_owns_its_survey():
    text = ("Older voters matter, charity says\n\nParties cannot ignore older voters, says Age Concern.\n"
            "A survey for the charity suggests 69% of over-55s always vote.\n")
    assert _figures(text)["69%"].speaker == "Age Concern"


def test_a_phone_number_is_not_three_figures():
    assert _figures("Call 0800 123 4567 for help.") == {}


# What a figure with no noun of its own measures; sentences written for these tests.
@pytest.mark.parametrize("text, words, subject", [
    ("The trade surplus with Canada, down 12.5% at $40bn, was the smallest in a decade.", "12.5%", "surplus"),
    ("Bank shares ended lower, with Halvorsen falling 3% and Brandt posting losses of 2.5%.", "3%", "Halvorsen"),
    ("Bank shares ended lower, with Halvorsen falling 3% and Brandt posting losses of 2.5%.", "2.5%", "Brandt"),
    ("Factories shed 20,000 workers, pushing employment in the industry to a record low of 2.1 million.",
     "2.1 million", "employment"),
    ("The Smiths' effective tax rate for 2019 was 31.2 percent.", "31.2 percent", "tax rate"),
    ("Web firm Kestrel reported a 300% increase in the number of fake e-mail messages it blocked.", "300%", "e-mail messages"),
])
def test_subject_of_a_figure_without_a_noun(text, words, subject):
    assert subject in _figures(text)[words].figure.subject


def test_an_outlet_figure_another_outlet_attributes_is_exported_in_its_own_voice(tmp_path):
    from newsledger import store
    from newsledger.ledger import ingest
    from newsledger.report.export import figure_records

    (tmp_path / "a.txt").write_text("Storm toll rises\n\nForty-eight people died in the storm, the state "
                                    "government said on Friday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Storm toll rises\n\nForty-eight people died in the storm that struck "
                                    "the coast on Friday.\n", encoding="utf-8")
    conn = store.connect(tmp_path / "l.db")
    ingest(conn, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], published=dt.date(2025, 3, 14))
    own = next(r for r in figure_records(conn) if r["doc"].startswith("b"))
    assert own["speaker"] is None
