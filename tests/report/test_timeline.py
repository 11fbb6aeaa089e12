"""Timeline marks and the consensus band, on hand-made claims."""
from __future__ import annotations

from newsledger.link.timeline import consensus, mark_timeline, scope
from newsledger.report.view import ClaimView, MentionView


def claim(cid, on, speaker, low, high, period=None, subject="North Korean soldiers", text=None, mentions=None):
    c = ClaimView(cid, on, speaker, text or f"{low}-{high}", low, high, None, "casualties", subject, period=period)
    c.mentions = mentions or [MentionView("d" + cid, "Outlet " + cid, c.text, c.text, 0, len(c.text), None,
                                          low=low, high=high)]
    return c


def marks(*claims):
    mark_timeline(list(claims))
    return [c.status for c in claims]


def test_first_claim_is_first():
    assert marks(claim("a", "2024-12-17", "Kirby", 100, 100)) == ["first"]


def test_later_larger_cumulative_figure_from_another_speaker_is_an_update():
    a = claim("a", "2024-12-17", "Kirby", 200, 999)
    b = claim("b", "2024-12-23", "Zelensky", 3000, None, period="since their deployment")
    assert marks(a, b) == ["first", "update"]
    assert b.note.startswith("up from")


def test_later_smaller_cumulative_figure_is_an_update_downwards():
    a = claim("a", "2024-12-17", "Kirby", 3000, 3000)
    b = claim("b", "2024-12-20", "Kirby", 2500, 2500)
    assert marks(a, b)[1] == "update" and b.note.startswith("down from")


def test_weekly_figure_against_cumulative_one_is_a_scope_difference():
    a = claim("a", "2024-12-23", "Zelensky", 3000, None, period="since their deployment")
    b = claim("b", "2024-12-27", "Kirby", 1000, 1000, period="in the past week")
    assert marks(a, b) == ["first", "scope"]


def test_same_day_same_scope_incompatible_bounds_conflict():
    a = claim("a", "2024-12-27", "Kirby", 1000, 1000)
    b = claim("b", "2024-12-27", "Peskov", 200, 500)
    conflicts = mark_timeline([a, b])
    assert [a.status, b.status] == ["first", "conflict"]
    assert len(conflicts) == 1 and conflicts[0].kind == "claims" and (conflicts[0].a.claim, conflicts[0].b.claim) == ("a", "b")


def test_figures_about_different_countries_do_not_conflict():
    a = claim("a", "2024-12-27", None, 10000, 12000, subject="North Korean soldiers")
    b = claim("b", "2024-12-27", "Ukraine", 50000, 50000, subject="troops (Moscow)")
    assert marks(a, b) == ["first", "first"]


def test_outlet_wording_that_contradicts_the_statement_it_reports_is_a_conflict():
    ms = [MentionView("d1", "Korea Times", "dozens", "in the realm of dozens", 0, 6, None, low=24, high=99),
          MentionView("d2", "Daily Blah", "hundreds", "hundreds, Kirby said", 0, 8, None, low=200, high=999)]
    c = claim("a", "2024-12-16", "Kirby", 24, 99, mentions=ms)
    conflicts = mark_timeline([c])
    assert c.status == "conflict"
    assert [(k.kind, k.a_mention.outlet, k.b_mention.outlet) for k in conflicts] == \
        [("wording", "Korea Times", "Daily Blah")]


def test_same_bounds_from_another_speaker_later_is_a_repeat():
    a = claim("a", "2024-12-17", "senior US official", 200, 999)
    b = claim("b", "2024-12-18", "Pentagon", 200, 999)
    assert marks(a, b) == ["first", "repeat"]


def test_same_day_overlapping_different_bounds_are_consistent():
    a = claim("a", "2024-12-17", "US", 11000, None)
    b = claim("b", "2024-12-17", "Seoul", 11000, 12000)
    assert marks(a, b) == ["first", "consistent"]


def test_undated_claim_cannot_be_an_update():
    a = claim("a", "2024-12-17", "US", 100, 100)
    b = claim("b", None, "Kyiv", 500, 500)
    assert marks(a, b) == ["first", "scope"] and b.note.startswith("no date")


def test_period_wordings_of_one_length_share_a_scope():
    assert scope(claim("a", None, None, 1, 1, period="in the past week")) == \
        scope(claim("b", None, None, 1, 1, period="in a single week")) == "1 week"
    assert scope(claim("c", None, None, 1, 1, period="in the past two weeks")) == "2 week"
    assert scope(claim("d", None, None, 1, 1, period="since their deployment")) == "cumulative"


def test_band_when_sources_disagree():
    cs = [claim("a", "2024-12-17", "US", 1000, 1000), claim("b", "2024-12-17", "Ukraine", 3000, 3000),
          claim("c", "2024-12-17", "Russia", 100, 200)]
    band = consensus(cs)
    assert (band.low, band.best, band.high, band.agree, band.sources) == (100, 1000, 3000, False, 3)


def test_band_uses_each_speakers_latest_cumulative_claim():
    cs = [claim("a", "2024-12-01", "US", 100, 100), claim("b", "2024-12-10", "US", 400, 500),
          claim("c", "2024-12-11", "US", 50, 50, period="in the past week")]
    band = consensus(cs)
    assert (band.low, band.best, band.high, band.agree, band.sources) == (400, 450, 500, True, 1)


def test_band_is_open_above_when_a_source_is():
    band = consensus([claim("a", "2024-12-23", "Zelensky", 3000, None), claim("b", "2024-12-23", "US", 3500, 3500)])
    assert band.high is None and band.low == 3000 and band.agree


def test_a_provinces_toll_does_not_conflict_with_the_national_toll():
    a = claim("a", "2023-05-02", "disaster agency", 1200, 1200, subject="people killed")
    b = claim("b", "2023-05-02", "provincial governor", 300, 300, subject="people killed (in Northshire)")
    assert marks(a, b) == ["first", "first"] and a.series != b.series


def test_children_among_the_dead_are_a_part_not_a_rival_toll():
    a = claim("a", "2023-05-02", "health ministry", 900, 900, subject="people killed")
    b = claim("b", "2023-05-02", "aid agency", 250, 250, subject="children killed")
    assert marks(a, b) == ["first", "first"]


def test_one_attacks_dead_are_not_the_wars_dead():
    a = claim("a", "2023-05-02", "health ministry", 9000, 9000, subject="people killed")
    b = claim("b", "2023-05-02", "rescuers", 40, 40, subject="people killed (in the strike on the market)")
    assert marks(a, b) == ["first", "first"]


def test_houses_destroyed_are_another_series_than_houses_damaged():
    a = claim("a", "2023-05-02", "ministry", 3000, 3000, subject="houses (destroyed)")
    b = claim("b", "2023-05-02", "agency", 50000, 50000, subject="houses (partially damaged)")
    mark_timeline([a, b])
    assert a.series != b.series


def test_death_toll_deaths_and_people_killed_are_one_series():
    cs = [claim("a", "2023-05-02", "x", 1, 1, subject="death toll"), claim("b", "2023-05-03", "y", 2, 2, subject="deaths"),
          claim("c", "2023-05-04", "z", 3, 3, subject="people killed")]
    mark_timeline(cs)
    assert len({c.series for c in cs}) == 1


def test_the_agency_named_in_a_subject_does_not_split_its_series():
    a = claim("a", "2023-05-02", "x", 10, 10, subject="people killed (NDMA)")
    b = claim("b", "2023-05-03", "y", 20, 20, subject="people killed (Health Ministry)")
    mark_timeline([a, b])
    assert a.series == b.series


def test_a_list_of_figures_in_one_article_is_not_a_conflict():
    ms = lambda cid, low: [MentionView("d1", "Daily", str(low), str(low), 0, 2, None, low=low, high=low)]
    a = claim("a", "2023-05-02", "agency", 149, 149, mentions=ms("a", 149))
    b = claim("b", "2023-05-02", None, 114, 114, mentions=ms("b", 114))
    assert marks(a, b)[1] != "conflict"


def test_one_source_revising_its_figure_the_same_day_is_an_update():
    a = claim("a", "2023-05-02", "mayor", 21, 21)
    b = claim("b", "2023-05-02", "mayor", 34, 34)
    assert marks(a, b) == ["first", "update"] and b.relative_to == "a" and b.note.startswith("up from")


def test_a_conflict_names_the_claim_it_is_measured_against():
    a = claim("a", "2023-05-02", "ministry", 300, 300)
    b = claim("b", "2023-05-02", "rebels", 1500, 1500)
    mark_timeline([a, b])
    assert (b.status, b.relative_to) == ("conflict", "a")


def test_same_day_tolls_a_little_apart_are_not_a_conflict():
    a = claim("a", "2023-05-02", "railway", 233, 233)
    b = claim("b", "2023-05-02", "police", 261, 261)
    assert marks(a, b)[1] != "conflict"


def test_figures_a_hundred_times_apart_are_a_part_and_a_whole_not_a_conflict():
    a = claim("a", "2023-05-02", "ministry", 12000, 12000)
    b = claim("b", "2023-05-02", "clinic staff", 25, 25)
    assert marks(a, b)[1] != "conflict"


def test_other_figures_like_magnitudes_conflict_however_close():
    a = ClaimView("a", "2023-09-09", "geology institute", "7", 7, 7, None, "other", "magnitude (quake)")
    b = ClaimView("b", "2023-09-09", "USGS", "6.8", 6.8, 6.8, None, "other", "magnitude earthquake")
    a.mentions = [MentionView("d1", "A", "7", "7", 0, 1, None, low=7, high=7)]
    b.mentions = [MentionView("d2", "B", "6.8", "6.8", 0, 3, None, low=6.8, high=6.8)]
    assert marks(a, b) == ["first", "conflict"]


def test_conflicts_between_named_sources_rank_before_outlet_figures():
    cs = [claim("a", "2023-05-02", None, 100, 100), claim("b", "2023-05-02", None, 900, 900),
          claim("c", "2023-05-02", "ministry", 300, 300), claim("d", "2023-05-02", "rebels", 800, 800)]
    conflicts = mark_timeline(cs)
    assert (conflicts[0].a.claim, conflicts[0].b.claim) == ("c", "d")


def test_a_same_day_figure_a_hundred_times_another_is_marked_as_another_scope():
    a = claim("a", "2023-05-02", None, 2750, None)
    b = claim("b", "2023-05-02", "health minister", 9, 9)
    assert marks(a, b)[1] == "scope" and "part" in b.note


def test_counts_of_people_affected_are_not_set_against_each_other():
    a = ClaimView("a", "2023-05-02", "UN agency", "4,200", 4200, 4200, None, "other", "people (affected)")
    b = ClaimView("b", "2023-05-02", "ministry", "1,000", 1000, 1000, None, "other", "people (rescued)")
    a.mentions = [MentionView("d1", "A", "4,200", "4,200", 0, 5, None, low=4200, high=4200)]
    b.mentions = [MentionView("d2", "B", "1,000", "1,000", 0, 5, None, low=1000, high=1000)]
    assert marks(a, b)[1] != "conflict"


def test_a_sides_casualties_among_reports_of_its_troops_are_one_series_with_them():
    a = claim("a", "2024-12-16", "Kirby", 24, 99, subject="N. Korea killed or wounded")
    b = claim("b", "2024-12-17", "US official", 200, 999, subject="casualties (North Korean forces)")
    c = claim("c", "2024-12-23", "Zelensky", 3000, None, subject="North Korean soldiers")
    assert marks(a, b, c) == ["first", "update", "update"] and a.series == b.series == c.series


def test_an_acronym_that_is_a_country_is_a_side_not_a_source():
    a = claim("a", "2024-12-17", "US official", 200, 999, subject="casualties (DPRK)")
    b = claim("b", "2024-12-17", "US official", 200, 999, subject="casualties (NDMA)")
    mark_timeline([a])
    mark_timeline([b])
    assert "North Korea" in a.series_label and "North Korea" not in b.series_label


def test_a_country_filled_in_from_the_story_charts_claims_together_but_accuses_no_one():
    a = claim("a", "2024-12-27", "Kirby", 1000, 1000, subject="people killed (in Ukraine)")
    b = claim("b", "2024-12-27", "Peskov", 200, 500, subject="people killed")
    assert marks(a, b) == ["first", "update"] and a.series == b.series


def test_one_source_named_short_and_in_full_does_not_conflict_with_itself():
    a = claim("a", "2024-01-05", "Ruritanian Interior Ministry", 6, 6)
    b = claim("b", "2024-01-05", "interior ministry", 11, 11)
    assert marks(a, b)[1] != "conflict"


def test_an_outlets_own_figure_does_not_conflict_with_a_named_source():
    a = claim("a", "2024-01-05", "civil defence", 300, 300)
    b = claim("b", "2024-01-05", None, 1500, 1500)
    assert marks(a, b)[1] != "conflict"


def test_a_source_and_its_acronym_are_one_source_and_do_not_conflict():
    a = claim("a", "2025-03-08", "Syrian Observatory for Human Rights", 125, 125)
    b = claim("b", "2025-03-08", "SOHR", 93, 93)
    assert marks(a, b)[1] != "conflict"
