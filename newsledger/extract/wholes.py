"""The whole a listed figure is a part of: "the 90 dead include 70 villagers and 20 visitors".

A breakdown often names no harm of its own — "They include 40 passengers and 9 crew", "of whom
12 were children" — so its figures read as bare counts of people, while what they count is
already said: they are parts of the dead, the injured, the missing named just before. Here the
parse says which phrase is that whole: the subject of "include"/"comprise" whose object the figure
is (or a conjunct of it), the noun an "including" list hangs on, or the antecedent of "of whom". A pronoun subject ("They include …")
points back to the previous sentence, which the caller resolves. Pure function of the parse.
"""
from __future__ import annotations

from spacy.tokens import Token

_INCLUDING = {"include", "comprise"}
_BACK = {"they", "these", "those", "them"}


def _listed_first(tok: Token) -> Token:
    """The first item of the list a token stands in ("A, B and C": A)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def whole_of(num: Token, noun: Token | None) -> Token | None:
    """The token that names the whole the figure at ``num`` (counting ``noun``) is listed as a
    part of, or None. The whole may be a pronoun ("they"); the caller decides what it refers to."""
    item = _listed_first(noun if noun is not None else num)
    verb = item.head
    if item.dep_ == "dobj" and verb.lemma_.lower() in _INCLUDING:
        return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if item.dep_ == "pobj" and verb.lower_ in {"including", "among"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head  # "2,500 people — including 900 men and 700 women — were moved"
    # "… 300 people, of whom 41 have been identified": the figure's own "of whom"
    for c in item.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ == "whom":
                clause = item.head if item.dep_ != "relcl" else item
                while clause.dep_ != "relcl" and clause.head.i != clause.i:
                    clause = clause.head
                return clause.head if clause.dep_ == "relcl" else None
            if obj is not None and obj.lower_ in _BACK:
                return obj
    return None


def refers_back(tok: Token) -> bool:
    return tok.lower_ in _BACK
