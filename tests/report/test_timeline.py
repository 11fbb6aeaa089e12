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
    b = claim("b", "2024-12-27", "Peskov", 24, 99)
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
    assert marks(a, b) == ["first", "undated"]


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
