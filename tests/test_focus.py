"""Which sentences spaCy parses (newsledger/focus.py); sentences written for these tests."""
from __future__ import annotations

from newsledger import focus, pipeline
from newsledger.model import Article


def _kept(text: str, **context) -> list[str]:
    spans = focus.sentences(text)
    return [text[a:b] for (a, b), k in zip(spans, focus.select(text, **context)) if k]


# capitalised only where a sentence starts (and written in lower case elsewhere): no names in it
FILLER = "The weather was mild in the hills. Then the buses ran late, and then the shops opened. "


def test_sentences_end_at_a_stop_before_a_capital():
    assert [("The vote was close. Turnout rose."[a:b]) for a, b in focus.sentences("The vote was close. Turnout rose.")] \
        == ["The vote was close.", "Turnout rose."]


def test_a_title_before_a_name_does_not_end_a_sentence():
    assert len(focus.sentences("Mr. Dunmore spoke. Dr. Hale agreed.")) == 2


def test_a_long_dotted_word_before_a_stop_is_read_whole():
    # the word before the stop is longer than the window it is first looked for in; read whole,
    # it holds a full stop (a web address), so no sentence ends after it
    text = "See x." + "a" * 70 + ". Next comes more."
    assert len(focus.sentences(text)) == 1


def test_a_line_break_ends_a_sentence():
    assert len(focus.sentences("A heading\nThe first paragraph.")) == 2


def test_a_sentence_with_a_number_is_kept():
    text = FILLER * 3 + "Forty homes were flooded. " + FILLER * 3
    assert "Forty homes were flooded." in _kept(text, lead_chars=0)


def test_a_sentence_far_from_any_number_is_blanked():
    text = FILLER * 3 + "Forty homes were flooded. " + FILLER * 3
    assert _kept(text, lead_chars=0) == ["Then the buses ran late, and then the shops opened.", "Forty homes were flooded.",
                                         "The weather was mild in the hills."]


def test_the_sentence_before_and_after_a_number_are_kept():
    text = "Nothing here. Rain fell on the hills. 12 roads closed. Crews worked overnight. Nothing more. Nothing else."
    kept = _kept(text, lead_chars=0)
    assert "Rain fell on the hills." in kept and "Crews worked overnight." in kept


def test_the_lead_is_kept_without_a_number():
    text = "Flood warning issued for the valley. " + FILLER * 4 + "Nine bridges shut."
    assert _kept(text, lead_chars=40)[0] == "Flood warning issued for the valley."


def test_the_last_speaker_before_a_number_is_kept():
    text = ("Mayor Ilse Varga spoke at the town hall. " + FILLER * 2 + "Water stood high. Roads were empty. "
            "He said 30 families had left.")
    assert "Mayor Ilse Varga spoke at the town hall." not in _kept(text, lead_chars=0)  # no speech word in it
    text = text.replace("spoke at the town hall", "said the town hall was open")
    assert "Mayor Ilse Varga said the town hall was open." in _kept(text, lead_chars=0)


def test_the_first_full_mention_of_a_name_is_kept():
    text = "Ilse Varga runs the depot. " + FILLER * 3 + "Varga counted 14 trucks."
    assert "Ilse Varga runs the depot." in _kept(text, lead_chars=0)


def test_a_capitalised_common_word_is_no_name_to_look_for():
    text = "The depot is old. " + FILLER * 3 + "The crew counted 14 trucks at the gate."
    assert "The depot is old." not in _kept(text, lead_chars=0)


def test_a_quotation_is_kept_whole_with_the_sentence_after_it():
    text = (FILLER * 2 + "“We saw 40 boats. The tide was cruel. Nobody slept,” " + "she recalled. "
            "Officials agreed. " + FILLER * 2)
    kept = _kept(text, lead_chars=0)
    assert "Nobody slept,”" in " ".join(kept) and any("Officials agreed." in k for k in kept)


def test_focus_keeps_length_and_line_breaks():
    text = "Heading\n" + FILLER * 3 + "\nForty homes were flooded.\n" + FILLER
    out = focus.focus(text, lead_chars=0).text
    assert len(out) == len(text) and [i for i, c in enumerate(out) if c == "\n"] == \
        [i for i, c in enumerate(text) if c == "\n"]


def test_focus_keeps_a_kept_sentence_at_its_offsets():
    text = FILLER * 3 + "Forty homes were flooded. " + FILLER * 3
    at = text.index("Forty")
    assert focus.focus(text, lead_chars=0).text[at:at + 25] == "Forty homes were flooded."


def test_focus_marks_where_a_kept_sentence_follows_a_blank_on_its_line():
    text = FILLER * 3 + "Forty homes were flooded. " + FILLER * 3
    # the sentence before the number is kept too: the blank ends where it starts
    assert focus.focus(text, lead_chars=0).starts == (text.index("Then the buses ran late, and then the shops opened. Forty"),)


def test_an_article_analysed_in_focus_gives_the_figures_of_the_whole_parse():
    body = ("Storm hits the coast\nThe storm reached the coast on Monday. " + FILLER * 4 +
            "\nMayor Ilse Varga said 120 people were evacuated from the harbour district. " + FILLER * 3 +
            "\nShe added that 14 boats sank.\n" + FILLER * 2)

    def figures(focused):
        art = Article(doc="storm", text=body, source="storm.txt", published=None)
        [an] = list(pipeline.analyse([art], focused=focused))
        return [(m.figure.start, m.figure.text, m.figure.measure, m.speaker) for m in an.mentions]

    whole = figures(False)
    assert whole and figures(True) == whole
