"""Candidates for the learned speaker choice; sentences written for these tests."""
from __future__ import annotations

from newsledger.extract.carry import candidates, decides
from newsledger.extract.speakers import ArticleSpeakers, quote_regions
from newsledger.nlp import annotate, text_of


def _cands(text: str, figure: str):
    (doc,) = list(annotate([text]))
    speakers = ArticleSpeakers(doc)
    tok = next(t for t in doc if t.text == figure)
    return candidates(tok, speakers.by_rules(tok), speakers.by_sentence, quote_regions(text_of(doc)), text_of(doc))


def test_the_source_of_the_sentence_before_is_a_candidate_and_nobody_is_the_last():
    cands = _cands("The Northshire fire service said 14 people died. Another 30 were injured.", "30")
    names = [h[1].name if h is not None else None for h, _ in cands]
    assert "Northshire fire service" in names and names[-1] is None


def test_a_source_in_the_figures_own_sentence_is_not_for_the_model_to_change():
    cands = _cands("The Northshire fire service said 14 people died.", "14")
    assert cands[0][1].get("rule&in_sentence") and not decides(cands)
