"""clean: line classification, masked text, body and title, on real seeds read by path and on
invented snippets."""
from __future__ import annotations

import pathlib

import pytest

from newsledger.clean import body_text, classify_lines, masked_text, title_of

SEEDS = pathlib.Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_003 = SEEDS / "003_358d319b90d9cb9c.txt"
SEED_004 = SEEDS / "004_cd2ecf6e86e7e1ee.txt"

if not SEEDS.is_dir():
    pytest.skip(f"seed articles not found at {SEEDS}", allow_module_level=True)


def kinds(text: str) -> dict[str, list[str]]:
    """Each distinct stripped line -> the kinds it was given (a repeated line appears twice)."""
    out: dict[str, list[str]] = {}
    for ln in classify_lines(text):
        s = text[ln.start:ln.end].strip()
        if s:
            out.setdefault(s, []).append(ln.kind)
    return out


def kind_of(text: str, starts_with: str) -> list[str]:
    hits = [k for line, ks in kinds(text).items() if line.startswith(starts_with) for k in ks]
    assert hits, f"no line starts with {starts_with!r}"
    return hits


@pytest.fixture(scope="module")
def korea_times() -> str:
    return SEED_004.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def trt() -> str:
    return SEED_003.read_text(encoding="utf-8")


# -- seed 004: widgets, share buttons, repeated caption, closing furniture ----------------------

@pytest.mark.parametrize("line", ["Settings", "ⓕ font-size", "• -2", "• -1", "• 0", "• +1", "• +2"])
def test_font_size_widget_is_furniture(korea_times, line):
    assert set(kind_of(korea_times, line)) == {"furniture"}


@pytest.mark.parametrize("network", ["Facebook", "Twitter", "Kakao", "Mail", "Link"])
def test_share_buttons_are_furniture(korea_times, network):
    assert kind_of(korea_times, f"• {network} share button") == ["furniture"]


def test_repeated_photo_caption_is_furniture_both_times(korea_times):
    assert kind_of(korea_times, "A TV screen shows") == ["furniture", "furniture"]


@pytest.mark.parametrize("line", ["X", "CLOSE", "Top 10 Stories", "go top LETTER"])
def test_closing_widgets_are_furniture(korea_times, line):
    assert kind_of(korea_times, line) == ["furniture"]


def test_headline_is_the_title(korea_times):
    title = title_of(korea_times, classify_lines(korea_times))
    assert title is not None
    assert title.startswith("US confirms N. Korea") and title.endswith("against Ukraine")


def test_every_figure_sentence_stays_in_the_body(korea_times):
    body = body_text(korea_times, classify_lines(korea_times))
    for words in ("some 200", "several dozens", "more than 11,000"):
        assert words in body, words


def test_body_drops_the_furniture(korea_times):
    body = body_text(korea_times, classify_lines(korea_times))
    for words in ("font-size", "share button", "A TV screen shows", "Top 10 Stories", "go top"):
        assert words not in body, words


def test_body_keeps_the_paragraph_order_and_starts_with_the_title(korea_times):
    body = body_text(korea_times, classify_lines(korea_times))
    assert body.startswith("US confirms")
    assert body.index("some 200") < body.index("several dozens") < body.index("more than 11,000")
    assert "\n\n\n" not in body


# -- seed 003: date stamp, caption with credit, source credit ------------------------------------

def test_date_stamp_lines_are_furniture(trt):
    assert kind_of(trt, "date 2024-12-27") == ["furniture"]
    assert kind_of(trt, "December 27, 2024") == ["furniture"]


def test_caption_with_photo_credit_is_furniture(trt):
    assert kind_of(trt, "Members of the Ukrainian Armed Forces") == ["furniture"]


def test_source_credit_is_furniture(trt):
    assert kind_of(trt, "SOURCE:") == ["furniture"]


def test_trt_headline_is_the_title(trt):
    title = title_of(trt, classify_lines(trt))
    assert title is not None and title.startswith("North Korean troops facing heavy losses")


def test_subtitle_with_a_figure_is_kept(trt):
    assert kind_of(trt, "More than 3,000") == ["body"]


def test_trt_figure_sentences_stay_in_the_body(trt):
    body = body_text(trt, classify_lines(trt))
    for words in ("More than 3,000", "a thousand", "several hundred", "more than 3,000"):
        assert words in body, words


# -- masking -------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [SEED_003, SEED_004])
def test_masked_text_keeps_length_and_offsets(path):
    text = path.read_text(encoding="utf-8")
    lines = classify_lines(text)
    masked = masked_text(text, lines)
    assert len(masked) == len(text)
    for ln in lines:
        segment = masked[ln.start:ln.end]
        if ln.kind == "furniture":
            assert segment.strip() == ""
        else:
            assert segment == text[ln.start:ln.end]
    # the line breaks themselves survive, so sentence splitting on lines still works
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]


def test_lines_cover_the_text_in_order():
    text = "Headline here\r\n\r\nA body sentence with 12 figures.\nLast line"
    lines = classify_lines(text)
    assert [text[ln.start:ln.end] for ln in lines] == ["Headline here", "", "A body sentence with 12 figures.", "Last line"]


# -- invented snippets: body lines that look like furniture -----------------------------------------



def test_headline_starting_with_share_is_the_title():
    text = "Share prices fall 5% after profit warning\n\nThe firm said sales dropped by a tenth.\n"
    assert title_of(text, classify_lines(text)) == "Share prices fall 5% after profit warning"


def test_sentence_opening_with_sources_said_is_body():
    text = "Blast in the capital\n\nSources said 300 people were hurt in the blast.\nThe mayor visited.\n"
    assert "300 people" in body_text(text, classify_lines(text))


def test_heading_opening_with_updated_is_not_a_byline():
    text = "Updated figures show 300 dead\n\nThe ministry revised its count on Monday.\n"
    assert title_of(text, classify_lines(text)) == "Updated figures show 300 dead"


def test_byline_is_furniture():
    text = "Floods hit the valley\nBy Jane Smith\n\nRiver levels rose by two metres overnight.\n"
    assert kind_of(text, "By Jane Smith") == ["furniture"]


def test_author_bio_at_the_end_is_furniture():
    text = ("Floods hit the valley\n\nRiver levels rose by two metres overnight, officials said.\n"
            "I am a freelance reporter covering weather news for ten years.\n")
    assert kind_of(text, "I am a freelance") == ["furniture"]


def test_first_person_quote_in_the_middle_is_not_a_bio():
    text = ("Floods hit the valley\n\n“I am a farmer and my stories are of loss,” one resident said.\n"
            "Officials said 40 homes were flooded.\nRepairs will take weeks.\nThe army helped.\n")
    assert kind_of(text, "“I am a farmer") == ["body"]


# Lines written for these tests, in the shapes web pages leave behind when flattened to text.
PAGE = """Politics
Voters 'reject the plan by two to one'
By Jane Doe, Political correspondent
3 hours ago
Read more: Why the plan matters
Sign up for our daily newsletter
The plan, worth £2bn, was agreed on Monday, the Treasury said.
Soldiers at the border on Tuesday. (AP Photo/John Smith)
Image caption, Officials at the talks
All rights reserved
"""


def _kinds(text):
    from newsledger.clean import classify_lines
    return {text[ln.start:ln.end]: ln.kind for ln in classify_lines(text)}


def test_a_one_word_section_label_is_not_the_title():
    assert _kinds(PAGE)["Politics"] != "title"


def test_a_headline_ending_on_a_quotation_is_the_title():
    assert _kinds(PAGE)["Voters 'reject the plan by two to one'"] == "title"


@pytest.mark.parametrize("line", [
    "By Jane Doe, Political correspondent", "3 hours ago", "Read more: Why the plan matters",
    "Sign up for our daily newsletter", "Soldiers at the border on Tuesday. (AP Photo/John Smith)",
    "Image caption, Officials at the talks", "All rights reserved",
])
def test_page_furniture_lines_are_furniture(line):
    assert _kinds(PAGE)[line] == "furniture"


def test_the_article_sentence_among_furniture_is_body():
    assert _kinds(PAGE)["The plan, worth £2bn, was agreed on Monday, the Treasury said."] == "body"


def test_a_headline_ending_with_an_agency_name_is_not_a_photo_credit():
    assert _kinds("Weak dollar hits Reuters\n\nThe firm said profits fell 20%.\n")["Weak dollar hits Reuters"] == "title"


def test_a_quotation_near_the_end_is_not_an_author_bio():
    text = ("Firm plans to grow\n\nThe firm said profits rose.\n"
            "\"I think we will hire 500 staff for our news stories next year,\" Mr Smith told reporters.\n")
    assert _kinds(text)[text.splitlines()[-1]] == "body"


def test_a_pull_quote_printed_twice_stays_in_the_body():
    line = "\"We will rebuild every one of the 3,000 homes,\" the mayor said."
    text = f"Town rebuilds after flood\n\n{line}\nThe flood hit on Monday.\n{line}\n"
    assert _kinds(text)[line] == "body"


def test_a_line_loses_the_date_stamp_it_begins_with_and_keeps_the_rest():
    from newsledger.clean import without_stamp

    assert without_stamp(" date 2024-05-27 The government said 2,000 were buried.") == "The government said 2,000 were buried."
    assert without_stamp("The government said on 2024-05-27 that 2,000 were buried.") == \
        "The government said on 2024-05-27 that 2,000 were buried."


def _masked(text: str) -> str:
    return masked_text(text, classify_lines(text))


def test_a_wire_dateline_is_blanked_before_the_sentence():
    text = "Storm toll rises\n\nPORT ELLEN, Scotland (AP) — Officials said 14 people died.\n"
    masked = _masked(text)
    assert masked.index("Officials") == text.index("Officials")
    assert "PORT ELLEN" not in masked and "(AP)" not in masked


def test_a_dateline_with_a_day_is_blanked_whole():
    text = "Storm toll rises\n\nOSLO, March 3 (Reuters) - Rescuers found 9 bodies.\n"
    assert _masked(text).splitlines()[2].strip() == "Rescuers found 9 bodies."


def test_a_sentence_opening_with_a_capitalised_acronym_is_not_a_dateline():
    text = "Storm toll rises\n\nUN officials said 14 people died.\n"
    assert "UN officials said" in _masked(text)


def test_a_lede_printed_twice_at_the_top_keeps_its_first_printing():
    from newsledger.clean import classify_lines
    lede = "A strong earthquake struck the north of the country early on Saturday, killing at least 100 people."
    text = f"Quake kills 100 in Ruritania\n{lede}\n{lede}\nRescuers searched the rubble.\n"
    kinds = [ln.kind for ln in classify_lines(text) if ln.kind != "blank"]
    assert kinds[1] == "body" and kinds[2] == "furniture"
