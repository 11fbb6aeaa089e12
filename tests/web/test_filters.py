"""Filters, facets, sorting and the URL that keeps them, on hand-made rows."""
from __future__ import annotations

import pytest

from newsledger.web.filters import DEFAULT_LIMIT, BadFilter, Filters, apply, facets, page


def row(doc, speaker, outlet, measure, date, low, start=0, as_written=None):
    return {"doc": doc, "start": start, "speaker": speaker, "speaker_as_written": as_written or speaker,
            "outlet": outlet, "measure": measure, "series": f"s-{measure}", "series_label": f"{measure} series",
            "story": "st1", "story_label": "flood in Marrowby", "date": date, "low": low, "high": low,
            "published": date}


ROWS = [
    row("a", "Ana Duarte", "Valley Post", "displaced", "2031-05-05", 1200),
    row("b", "Ana Duarte", "Coast Herald", "displaced", "2031-05-07", 3500),
    row("c", "Piet Olsen", "River Times", "displaced", "2031-05-07", 9000),
    row("a", "Tomas Berg", "Valley Post", "wounded", "2031-05-05", 14, start=5),
    row("d", "Ana Duartes", "Hill Gazette", "wounded", None, None),
]


def docs(rows):
    return [(r["doc"], r["low"]) for r in rows]


def test_a_speaker_the_ledger_names_matches_exactly():
    assert docs(apply(Filters(speaker="Ana Duarte"), ROWS)) == [("a", 1200), ("b", 3500)]


def test_part_of_a_name_matches_any_case():
    assert docs(apply(Filters(speaker="duarte"), ROWS)) == [("a", 1200), ("b", 3500), ("d", None)]


def test_the_date_range_is_inclusive_and_drops_undated_rows():
    assert docs(apply(Filters(since="2031-05-07", until="2031-05-07"), ROWS)) == [("b", 3500), ("c", 9000)]


def test_filters_combine():
    assert docs(apply(Filters(measure="displaced", outlet="River Times"), ROWS)) == [("c", 9000)]


def test_sorting_by_value_descending_puts_missing_values_last():
    assert docs(apply(Filters(sort="value", order="desc"), ROWS)) == [("c", 9000), ("b", 3500), ("a", 1200),
                                                                        ("a", 14), ("d", None)]


def test_a_facet_counts_under_the_other_filters_but_not_its_own():
    got = facets(Filters(speaker="Ana Duarte", measure="displaced"), ROWS)
    assert [(v.value, v.count, v.selected) for v in got["speaker"]] == [("Ana Duarte", 2, True), ("Piet Olsen", 1, False)]
    assert [(v.value, v.count) for v in got["outlet"]] == [("Coast Herald", 1), ("Valley Post", 1)]


def test_a_facet_value_carries_its_label():
    assert [(v.value, v.label) for v in facets(Filters(), ROWS)["series"]] == [
        ("s-displaced", "displaced series"), ("s-wounded", "wounded series")]


def test_paging_takes_limit_rows_from_offset():
    assert docs(page(Filters(limit=2, offset=1), ROWS)) == docs(ROWS[1:3])


def test_the_query_leaves_defaults_out():
    assert Filters(speaker="Ana Duarte", limit=DEFAULT_LIMIT).query() == "speaker=Ana+Duarte"


def test_changing_a_filter_in_the_query_goes_back_to_the_first_page():
    assert Filters(measure="killed", offset=400).query(outlet="Valley Post") == "outlet=Valley+Post&measure=killed"


def test_sorting_in_the_query_keeps_the_page():
    assert Filters(offset=400).query(sort="value") == "sort=value&offset=400"


def test_empty_form_fields_are_no_filter():
    assert Filters.read(speaker="", outlet="  ", since="", sort="date") == Filters()


@pytest.mark.parametrize("params", [{"since": "7 May"}, {"until": "2031-13-01"}, {"sort": "colour"},
                                    {"order": "up"}, {"since": "2031-05-08", "until": "2031-05-01"}, {"limit": 0}])
def test_unreadable_parameters_are_refused_with_a_sentence(params):
    with pytest.raises(BadFilter):
        Filters.read(**params)
