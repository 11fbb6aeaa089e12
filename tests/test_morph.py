"""The memoised attribute ruler and lemmatizer (newsledger/morph.py); sentences written for these tests."""
from __future__ import annotations

import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from newsledger import nlp


def _lemmas(text):
    return [t.lemma_ for t in nlp.load()(text)]


def test_the_pipeline_keeps_its_component_names():
    assert nlp.load().pipe_names == ["tok2vec", "tagger", "line_sentences", "parser", "attribute_ruler",
                                     "lemmatizer", "ner"]


def test_a_plural_noun_and_a_past_verb_get_their_lemmas():
    assert _lemmas("The mice were running") == ["the", "mouse", "be", "run"]


def test_a_two_word_pattern_sets_both_words():
    # the attribute ruler's "gon na" rule: the lemmas of going to
    assert _lemmas("They were gon na leave")[2:4] == ["go", "to"]


def test_the_same_annotations_as_spacy_components():
    text = ("Officials said 2,300 people were killed.\nThere are three of them, let's say, and y'all know it. "
            "The minister ai n't saying. The mice were found in 12 homes on Friday, police told reporters.")
    ours = nlp.load()(text)
    meta = nlp.load().meta
    theirs = spacy.load(f"{meta['lang']}_{meta['name']}")  # spaCy's own components, ours added as load() adds them
    theirs.add_pipe("line_sentences", before="parser")
    theirs.tokenizer.rules = nlp.load().tokenizer.rules
    ref = theirs(text)
    cols = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    assert (ours.to_array(cols) == ref.to_array(cols)).all()
    assert [str(t.morph) for t in ours] == [str(t.morph) for t in ref]


def test_a_rule_it_cannot_memoise_leaves_spacys_component_in_place():
    from spacy.lang.en import English

    from newsledger.morph import memoise

    blank = English()
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "a"})  # an operator: a match of any length
    memoise(blank)
    assert type(blank.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
