"""Dating a claim: find_dates/resolve against the publication date, and date_of_cue choosing the
date that belongs to the speech verb. Rules: ../shared/docs/export-format.md, "Dating a claim"."""
from __future__ import annotations

import datetime as dt
import functools
import pathlib

import pytest

from newsledger import clean, nlp
from newsledger.extract.dates import date_of_cue, find_dates

SEEDS = pathlib.Path(__file__).resolve().parents[3] / "shared" / "seeds"

FRI = dt.date(2024, 12, 27)   # a Friday
WED = dt.date(2024, 12, 18)   # a Wednesday


def dates(text, published):
    return [(d.text, d.date) for d in find_dates(text, published)]


def one_date(text, published):
    found = dates(text, published)
    assert len(found) == 1, found
    return found[0]


# -- find_dates / resolve ----------------------------------------------------------------------------

def test_weekday_on_the_day_of_publication_is_that_day():
    assert one_date("The minister said on Friday that talks had failed.", FRI) == ("Friday", FRI)


def test_bare_weekday_without_on():
    assert one_date("The minister said Friday that talks had failed.", FRI) == ("Friday", FRI)


def test_previous_weekday_is_the_most_recent_one_before_publication():
    assert one_date("The minister said on Tuesday that talks had failed.", FRI) == ("Tuesday", dt.date(2024, 12, 24))


def test_weekday_later_in_the_week_than_publication_is_last_week():
    assert one_date("The minister said on Thursday that talks had failed.", WED)[1] == dt.date(2024, 12, 12)


def test_last_friday_published_on_a_friday_is_a_week_earlier():
    assert one_date("The minister spoke last Friday.", FRI) == ("last Friday", dt.date(2024, 12, 20))


def test_yesterday_is_the_day_before():
    assert one_date("The minister said yesterday that talks had failed.", FRI) == ("yesterday", dt.date(2024, 12, 26))


def test_last_night_is_the_day_before():
    assert one_date("The minister said last night that talks had failed.", FRI)[1] == dt.date(2024, 12, 26)


def test_today_is_publication_day():
    assert one_date("The minister said today that talks had failed.", FRI)[1] == FRI


def test_month_day_across_a_year_boundary_takes_the_previous_year():
    assert one_date("On December 23 the minister said talks had failed.", dt.date(2025, 1, 3)) == \
        ("December 23", dt.date(2024, 12, 23))


def test_month_day_earlier_in_the_same_year():
    assert one_date("On March 3 the minister said talks had failed.", dt.date(2025, 6, 1))[1] == dt.date(2025, 3, 3)


def test_month_day_on_the_day_of_publication():
    assert one_date("On December 27 the minister spoke.", FRI)[1] == FRI


def test_day_month_order_and_ordinal_suffix():
    assert one_date("On the 23rd of December the minister spoke.", dt.date(2025, 1, 3))[1] == dt.date(2024, 12, 23)


def test_abbreviated_month_with_full_stop():
    assert one_date("On Dec. 3 the minister spoke.", FRI)[1] == dt.date(2024, 12, 3)


@pytest.mark.parametrize("text, expected", [
    ("The minister spoke on December 16, 2024.", dt.date(2024, 12, 16)),
    ("The minister spoke on 5 March 2023.", dt.date(2023, 3, 5)),
    ("The minister spoke on 2024-12-16.", dt.date(2024, 12, 16)),
])
def test_explicit_dates_with_a_year(text, expected):
    assert one_date(text, FRI)[1] == expected


def test_explicit_year_is_kept_even_after_publication():
    # the text says so; the on-or-before rule is for dates without a year
    assert one_date("The handover is due on January 20, 2025.", FRI)[1] == dt.date(2025, 1, 20)


def test_explicit_date_needs_no_publication_date():
    assert one_date("The minister spoke on 5 March 2023.", None)[1] == dt.date(2023, 3, 5)


def test_weekday_without_publication_date_is_unresolved():
    assert one_date("The minister spoke on Friday.", None) == ("Friday", None)


def test_impossible_date_is_unresolved():
    assert one_date("The minister spoke on February 30.", FRI)[1] is None


def test_last_week_dates_a_period_not_a_statement():
    assert all(day is None for _, day in dates("The minister said the fighting eased last week.", FRI))


def test_a_poll_released_last_week_has_no_day():
    import datetime as dt
    from newsledger.model import Article
    from newsledger.pipeline import analyse
    text = "A poll released last week by the Courier found 44 percent backed the mayor."
    (result,) = list(analyse([Article(doc="t", text=text, published=dt.date(2025, 3, 12))]))
    assert [m.stated_on for m in result.mentions] == [None]


def test_offsets_point_at_the_date_words():
    text = "Officials said on Tuesday that 40 died."
    (cue,) = find_dates(text, FRI)
    assert text[cue.start:cue.end] == "Tuesday"


def test_the_day_before_yesterday_is_two_days_back():
    assert dates("The minister spoke the day before yesterday.", FRI) == \
        [("the day before yesterday", dt.date(2024, 12, 25))]


# -- date_of_cue: the date that belongs to the speech verb --------------------------------------------

@pytest.fixture(scope="module")
def pipeline():
    return nlp.load()


@functools.lru_cache(maxsize=None)
def _doc(text: str):
    return nlp.load()(clean.masked_text(text, clean.classify_lines(text)))


@pytest.fixture(scope="module")
def cue_date(pipeline):
    def get(source: str, verb: str, after: str, published: dt.date):
        if source.endswith(".txt"):
            if not SEEDS.is_dir():
                pytest.skip(f"seed articles not found at {SEEDS}")
            text = (SEEDS / source).read_text(encoding="utf-8")
        else:
            text = source
        doc = _doc(text)
        i = text.index(verb, text.index(after))
        tok = doc.char_span(i, i + len(verb), alignment_mode="expand")[0]
        assert tok.text == verb
        found = date_of_cue(tok, published)
        return None if found is None else (found.text, found.date)
    return get


def test_cue_takes_the_weekday_of_said_not_a_date_in_the_reported_clause(cue_date):
    # seed 001: an inauguration date with its year sits inside what the official said
    got = cue_date("001_8cc046b3effebbdc.txt", "said", "Remaining available", dt.date(2024, 12, 18))
    assert got == ("Tuesday", dt.date(2024, 12, 17))


def test_cue_takes_a_sentence_initial_month_day(cue_date):
    got = cue_date("002_a47338178fe5654e.txt", "said", "On December 23", dt.date(2024, 12, 27))
    assert got == ("December 23", dt.date(2024, 12, 23))


def test_cue_takes_a_sentence_initial_weekday(cue_date):
    got = cue_date("003_358d319b90d9cb9c.txt", "said", "On Monday", dt.date(2024, 12, 27))
    assert got == ("Monday", dt.date(2024, 12, 23))


def test_cue_takes_yesterday_before_the_speaker(cue_date):
    got = cue_date("001_8cc046b3effebbdc.txt", "stated", "Earlier yesterday", dt.date(2024, 12, 18))
    assert got == ("yesterday", dt.date(2024, 12, 17))


def test_cue_takes_a_weekday_right_after_the_verb(cue_date):
    got = cue_date("004_cd2ecf6e86e7e1ee.txt", "confirmed", "a White House official", dt.date(2024, 12, 17))
    assert got == ("Monday", dt.date(2024, 12, 16))


def test_told_reporters_on_friday(cue_date):
    got = cue_date("003_358d319b90d9cb9c.txt", "told", "Kirby told", dt.date(2024, 12, 27))
    assert got == ("Friday", dt.date(2024, 12, 27))


def test_cue_with_only_last_week_in_the_clause_has_no_date(cue_date):
    assert cue_date("004_cd2ecf6e86e7e1ee.txt", "noted", "Ryder noted", dt.date(2024, 12, 17)) is None


def test_weekday_inside_the_reported_clause_is_not_the_statements(cue_date):
    text = "Storm\n\nOfficials said the attack on Friday killed 40 people.\n"
    assert cue_date(text, "said", "Officials", WED) is None


def test_verb_date_wins_over_a_date_in_the_reported_clause(cue_date):
    text = "Storm\n\nOfficials said on Monday that the attack on Friday killed 40 people.\n"
    assert cue_date(text, "said", "Officials", WED) == ("Monday", dt.date(2024, 12, 16))


def test_possessive_weekday_is_the_events_not_the_statements(cue_date):
    text = "Storm\n\nThe ministry said Friday's attack killed 40 people.\n"
    assert cue_date(text, "said", "ministry", WED) is None


def test_date_of_another_sentence_is_not_taken(cue_date):
    text = "Storm\n\nOn Friday, rebels attacked the town. Officials said 40 people died.\n"
    assert cue_date(text, "said", "Officials", WED) is None


def test_sentence_initial_date_of_a_reported_clause_before_a_trailing_attribution(cue_date):
    # the reported clause comes first and the date opens it: it dates what was done, not the filing
    text = "Fraud case\n\nIn 2019, the mayor spent $900 on a private jet, the court papers said.\n"
    assert cue_date(text, "said", "court papers", WED) is None


def test_said_then_is_an_earlier_undated_occasion():
    import datetime as dt
    from newsledger.model import Article
    from newsledger.pipeline import analyse
    text = "The mayor's lawyer said then that the mayor had repaid about $9,000 to the fund."
    (result,) = list(analyse([Article(doc="t", text=text, published=dt.date(2025, 3, 12))]))
    (mention,) = result.mentions
    assert mention.stated_on is None


def test_a_trailing_attribution_takes_the_one_day_its_sentence_names():
    import datetime as dt

    from newsledger.model import Article
    from newsledger.pipeline import analyse

    (result,) = list(analyse([Article(doc="t", text="Blasts killed 20 people on Wednesday, officials said.",
                                      published=dt.date(2024, 9, 19))]))
    (m,) = [m for m in result.mentions if m.figure.text == "20"]
    assert m.stated_on == dt.date(2024, 9, 18)


def test_a_date_that_names_an_earlier_event_does_not_date_the_statement():
    import datetime as dt

    from newsledger.model import Article
    from newsledger.pipeline import analyse

    (result,) = list(analyse([Article(doc="t", text="About 1,200 died in the October 7 massacre, the spokesman said.",
                                      published=dt.date(2023, 11, 11))]))
    (m,) = [m for m in result.mentions if m.figure.text == "About 1,200"]
    assert m.stated_on != dt.date(2023, 10, 7)


def _count_day(text, published=dt.date(2023, 8, 13)):
    from newsledger.extract.dates import day_of_count
    from newsledger.nlp import load

    doc = load()(text)
    tok = next(t for t in doc if t.like_num)
    d = day_of_count(tok, published)
    return d.date if d else None


def test_a_toll_that_reached_a_figure_on_a_day_is_dated_that_day():
    assert _count_day("The death toll from the fires reached 93 on Saturday, the county said.") == dt.date(2023, 8, 12)


def test_a_day_on_another_verb_does_not_date_the_count():
    assert _count_day("The fire that started on Tuesday has killed 93 people.") is None


def test_a_day_that_opens_a_period_does_not_date_the_count():
    assert _count_day("The toll has risen to 93 since Friday.") is None


def test_a_figure_in_the_subject_of_the_verb_is_not_the_count_it_moved_to():
    assert _count_day("The 6.8 magnitude quake hit late on Friday.", dt.date(2023, 9, 10)) is None


def _stated(text, published=WED):
    from newsledger.model import Article
    from newsledger.pipeline import analyse

    (result,) = list(analyse([Article(doc="t", text=text, published=published)]))
    return {m.figure.text: m.stated_on for m in result.mentions}


def test_the_day_of_the_attack_a_statement_is_about_is_not_the_statements():
    got = _stated("Regional officials said the Sunday morning strike killed 34 people.")
    assert got["34"] == WED


def test_the_day_an_accident_occurred_does_not_date_the_count_of_it():
    got = _stated("The district administration confirmed 58 deaths in the floods that occurred in Northfield "
                  "on Monday morning.")
    assert got["58"] == WED


def test_a_toll_risen_since_a_dated_strike_is_not_dated_by_the_strike():
    got = _stated("The death toll from the city's December 14 missile strike has risen to 27.")
    assert got["27"] == WED
