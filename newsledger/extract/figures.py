"""Figures: which quantities in a parsed article are claims about the world, and about what.

``numbers.find_quantities`` reads every number; here the dependency parse decides what it is:
a year, an age, a duration or a name is dropped; for a figure, the noun it counts and the verb
that befell that noun give the measure ("killed", "deployed"), and the noun phrase gives the
subject ("North Korean troops").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..model import Figure
from .lexicon import (AGE_WORDS, MEASURE_LEMMAS, MEASURE_NOUNS, MONTHS, NUMBERED_NAMES, PERSONNEL,
                      TIME_UNITS, WEEKDAYS)
from .numbers import Quantity, find_quantities

_AFFILIATION_ENTS = {"NORP", "GPE", "ORG"}
_DEFINITE = {"the", "these", "those", "both", "all", "its", "their", "his", "her", "our", "my", "your"}

HEDGE_PATTERNS = [
    ("preliminary", re.compile(r"\bpreliminary\b", re.I)),
    ("not independently verified", re.compile(
        r"\b(not|n't|unable to|impossible to|no way to)\b[^.]{0,40}\bindependently\b[^.]{0,20}\b(verif|confirm|corroborat)", re.I)),
    ("estimate", re.compile(r"\b(estimate[sd]?|estimation)\b", re.I)),
    ("claimed", re.compile(r"\b(claim(ed|s)?|alleged(ly)?)\b", re.I)),
    ("reportedly", re.compile(r"\b(reportedly|reported|unconfirmed)\b", re.I)),
    ("approximate", re.compile(r"\b(about|around|roughly|approximately|some|nearly|almost|an estimated)\s+[\d$£€]", re.I)),
]
PERIOD_RE = re.compile(
    r"\b(?:(?:in|over|during|within|for)\s+(?:just\s+)?(?:the\s+)?(?:past|last|previous|first|latest)\s+(?:\w+\s+)?"
    r"(?:days?|weeks?|months?|years?|hours?|24 hours|quarter|fortnight)"
    r"|in\s+a\s+single\s+(?:day|week|month)|in\s+recent\s+(?:days|weeks|months|years)"
    r"|(?:this|last)\s+(?:week|month|year|weekend)|so\s+far\s+this\s+(?:week|month|year)"
    r"|since\s+(?:the\s+start\s+of\s+|the\s+beginning\s+of\s+)?(?:their|its|his|her|the)?\s*[\w-]+(?:\s+(?:\d{4}|of\s+[\w ]{1,20}))?)",
    re.I)


def _tokens(doc: Doc, q: Quantity) -> Span | None:
    return doc.char_span(q.start, q.end, alignment_mode="expand")


def _number_token(span: Span) -> Token:
    """The token that carries the quantity: the last number-ish token of the span."""
    for t in reversed(span):
        if t.like_num or t.pos_ == "NUM" or t.lower_ in {"dozen", "dozens", "hundreds", "thousands",
                                                       "millions", "billions", "scores", "half"}:
            return t
    return span.root


def _next_word(doc: Doc, i: int) -> Token | None:
    return doc[i] if i < len(doc) else None


def is_not_a_figure(doc: Doc, q: Quantity, span: Span) -> str | None:
    """Why this quantity is not a figure (a year, date, time, age, duration, name), or None."""
    text = doc.text
    after = text[q.end:q.end + 24].lower()
    before = text[max(0, q.start - 24):q.start].lower()
    nxt = _next_word(doc, span.end)
    prev = doc[span.start - 1] if span.start > 0 else None
    value = q.low if q.low is not None else q.high
    plain_int = re.fullmatch(r"\d+", q.text.strip()) is not None
    if q.unit in (None,) and plain_int and value is not None and 1000 <= value <= 2100:
        counted = nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ == "NNS"
        if not counted:
            return "year"
    if plain_int and re.match(r"\s*[:.]\d", after) or re.match(r"\s*(a\.?m\.?|p\.?m\.?|gmt|utc|bst|est|o'clock)\b", after):
        return "time"
    if plain_int or q.words_only:
        prev_word = before.split()[-1].strip(".,") if before.split() else ""
        if prev_word in MONTHS or re.match(r"\s*(st|nd|rd|th)?\s*(of\s+)?(" + "|".join(MONTHS) + r")\b", after):
            return "date"
        if prev_word in WEEKDAYS:
            return "date"
    if re.match(r"\s*-?\s*(year|month|week|day)s?[- ]old\b", after) or re.match(r"\s*years? of age", after):
        return "age"
    if prev is not None and prev.lower_ in AGE_WORDS:
        return "age"
    if re.search(r"\b\w+,\s*$", before) and re.match(r"\s*,", after) and plain_int and value is not None and value < 120:
        if prev is not None and span.start >= 2 and doc[span.start - 2].ent_type_ == "PERSON":
            return "age"
    if nxt is not None and q.unit is None:
        lem = nxt.lemma_.lower()
        # "three days", "several days", "4+ years"; a time unit counts time, not people or things
        if lem in TIME_UNITS or nxt.lower_.rstrip("s") in TIME_UNITS:
            return "duration"
        if nxt.lower_ in {"times", "fold"}:
            return "multiplier"
        if nxt.lower_ == "-" and _next_word(doc, span.end + 1) is not None and _next_word(doc, span.end + 1).lemma_.lower() in TIME_UNITS:
            return "duration"
    if prev is not None and plain_int and prev.is_title and prev.lower_ in NUMBERED_NAMES:
        return "name"
    if prev is not None and plain_int and prev.ent_type_ in {"ORG", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW"} \
            and prev.ent_iob_ != "" and (nxt is None or nxt.pos_ != "NOUN"):
        return "name"
    if re.fullmatch(r"\d+(\.\d+)?\s?[mkb]", q.text.strip(), re.I) and q.unit is None:
        return "metres or similar, not a scale"  # "100m" without a currency is a distance
    if q.words_only and q.low == q.high == 1 and not q.bound:
        return "one"  # "one of", "no one": a pronoun far more often than a count
    if q.words_only and not q.vague and q.unit is None and q.low is not None and q.low < 100:
        num = _number_token(span)
        if prev is not None and prev.lower_ in _DEFINITE:
            return "definite reference"
        if num.dep_ not in {"nummod", "dobj", "nsubj", "nsubjpass", "pobj", "conj", "attr", "appos"}:
            return "not a count"
        if num.dep_ == "nummod" and num.head.pos_ not in {"NOUN", "PROPN"}:
            return "not a count"
    if q.words_only and q.unit == "fraction" and re.match(r"\s+(an?|the)\s+(hour|day|week|month|year|century|decade)", after):
        return "duration"
    return None


def counted_noun(num: Token) -> Token | None:
    """The noun a quantity counts: '1,000 troops' -> troops; 'thousands of troops' -> troops."""
    while num.dep_ in {"conj", "appos"} and num.head.like_num and num.head.i < num.i:
        num = num.head  # "between 10,000 and 12,000 soldiers": the first number carries the noun
    if num.dep_ in {"nummod", "quantmod", "compound", "nmod", "amod"} and num.head.pos_ in {"NOUN", "PROPN"} \
            and num.head.i > num.i:
        return num.head
    for child in num.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in {"NOUN", "PROPN", "PRON"}:
                    return pobj
    if num.pos_ == "NOUN" and num.lower_ not in {"dozens", "hundreds", "thousands", "millions", "billions", "scores"}:
        return num
    return None


def _measure_of(lemmas: list[str]) -> str | None:
    found = []
    for lem in lemmas:
        for measure, words in MEASURE_LEMMAS.items():
            if lem in words and measure not in found:
                found.append(measure)
    if "casualties" in found or ("killed" in found and "wounded" in found):
        return "casualties"
    for m in found:
        return m
    return None


def _governing_lemmas(num: Token, noun: Token | None) -> list[str]:
    """Lemmas of what befell the counted noun, nearest first: its own word, the words right after
    the figure ('1,000 killed or wounded'), the verb it is subject or object of, that verb's
    conjuncts and complements, and a noun that governs it ('the loss of 1,000 troops')."""
    out: list[str] = []
    anchor = noun or num
    out.append(anchor.lemma_.lower())
    for child in list(num.children) + (list(noun.children) if noun is not None else []):
        if child.dep_ in {"amod", "acl", "relcl", "advcl", "conj", "appos"} or child.pos_ == "VERB":
            out.append(child.lemma_.lower())
            out += [c.lemma_.lower() for c in child.children if c.dep_ in {"conj", "xcomp"}]
    # "1,000 killed or wounded": the participle may attach to the verb, right after the figure
    for t in num.doc[num.i + 1: min(len(num.doc), num.i + 4)]:
        if t.pos_ in {"VERB", "ADJ"} and t.lemma_.lower() in set().union(*MEASURE_LEMMAS.values()):
            out.append(t.lemma_.lower())
            out += [c.lemma_.lower() for c in t.children if c.dep_ == "conj"]
    head = anchor
    for _ in range(6):
        if head.head.i == head.i:
            break
        head = head.head
        out.append(head.lemma_.lower())
        if head.pos_ in {"VERB", "AUX"}:
            out += [c.lemma_.lower() for c in head.children if c.dep_ in {"conj", "xcomp", "dobj", "attr"}]
            for c in head.children:
                if c.dep_ == "xcomp":
                    out += [g.lemma_.lower() for g in c.children if g.dep_ in {"conj", "xcomp"}]
            if head.lemma_.lower() not in {"be", "have", "estimate", "believe", "say", "report", "make"}:
                break
    return out


def _measure(num: Token, noun: Token | None, q: Quantity, sent: Span) -> str:
    if q.unit and q.unit not in {"%", "fraction"}:
        return "money"
    lemmas = _governing_lemmas(num, noun)
    m = _measure_of(lemmas)
    if m:
        return m
    if q.unit in {"%", "fraction"}:
        return "other"
    if noun is not None and (noun.lemma_.lower() in PERSONNEL or noun.lower_.rstrip("s") in PERSONNEL):
        return "deployed"
    if noun is None:
        # No counted noun ("in the realm of dozens"): the measure words nearest in the sentence,
        # then in the sentence before it within the paragraph (a figure that answers it).
        words = sorted(sent, key=lambda t: abs(t.i - num.i))
        found = _measure_of([t.lemma_.lower() for t in words])
        if found is None and sent.start > 0:
            prev = num.doc[sent.start - 1].sent
            if "\n" not in num.doc.text[prev.end_char:sent.start_char]:
                found = _measure_of([t.lemma_.lower() for t in reversed(prev)])
        return found or "other"
    return "other"


def _phrase(noun: Token, skip: Span | None = None) -> str:
    """The noun with its left modifiers: 'Russian and North Korean soldiers'."""
    left = [t for t in noun.subtree if t.i <= noun.i and t.i >= noun.left_edge.i]
    words = []
    for t in left:
        if skip is not None and skip.start <= t.i < skip.end:
            continue
        if t.dep_ in {"det", "predet", "nummod", "quantmod", "punct"} or t.like_num:
            continue
        if t.lower_ in {"more", "than", "some", "about", "around", "over", "nearly", "almost", "least", "at",
                        "up", "to", "several", "few", "dozens", "hundreds", "thousands", "of", "a", "an"}:
            continue
        words.append(t.text)
    return " ".join(words).strip()


def _affiliated(sent: Span, near: int) -> str | None:
    """The noun phrase with a nationality, place or organisation nearest to a token (not the
    one naming a person: that is the speaker, not the counted)."""
    best = None
    for chunk in sent.noun_chunks:
        if any(t.ent_type_ in _AFFILIATION_ENTS for t in chunk) and not any(t.ent_type_ == "PERSON" for t in chunk):
            d = abs(chunk.root.i - near)
            if best is None or d < best[0]:
                best = (d, chunk)
    if best is None:
        return None
    return " ".join(t.text for t in best[1]
                    if t.dep_ not in {"det", "nummod", "quantmod", "cc"} and not t.like_num)


def _has_affiliation(tok: Token) -> bool:
    return any(t.ent_type_ in _AFFILIATION_ENTS for t in tok.subtree) and tok.pos_ != "PRON"


def _clause_subject(tok: Token) -> Token | None:
    """The nearest enclosing clause subject that names a party ('North Korean forces'),
    climbing past relative pronouns and subjects that name no one."""
    head = tok
    for _ in range(12):
        for c in head.children:
            if c.dep_ in {"nsubj", "nsubjpass"} and c.i != tok.i and _has_affiliation(c) \
                    and not any(t.ent_type_ == "PERSON" for t in c.subtree):
                return c
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def _subject(num: Token, noun: Token | None, q: Quantity, sent: Span, skip: Span) -> str:
    has_aff = False
    if q.unit and q.unit not in {"%", "fraction"}:
        # money: what it is ("funds of $5.6bn", "$5.6bn in aid", "$5.6bn that can be drawn from stocks")
        parts = []
        if num.head.pos_ == "NOUN" and num.head.i != num.i:
            parts.append(_phrase(num.head))
        anchor = num if num.dep_ != "nmod" else num.head
        if anchor.dep_ == "pobj" and anchor.head.head.pos_ == "NOUN":
            parts.append(_phrase(anchor.head.head))
        for child in anchor.children:
            if child.dep_ in {"prep", "relcl", "acl"}:
                parts.append(" ".join(t.text for t in child.subtree)[:80])
        return "; ".join(p for p in parts if p) or sent.root.lemma_
    text = ""
    if noun is not None and noun.pos_ == "PRON":
        subj = _clause_subject(noun)
        noun = subj if subj is not None else None
    if noun is not None:
        text = _phrase(noun, skip)
        has_aff = any(t.ent_type_ in _AFFILIATION_ENTS for t in noun.subtree if t.i <= noun.i) \
            and not any(t.lower_ in {"their", "its", "his", "her"} for t in noun.subtree if t.i <= noun.i)
        if noun.lemma_.lower() in MEASURE_NOUNS or noun.lower_ in MEASURE_NOUNS or not has_aff:
            sufferer = _clause_subject(noun)
            for child in noun.children:  # "troops Moscow has deployed": the deployer qualifies them
                if child.dep_ == "relcl":
                    for c in child.children:
                        if c.dep_ == "nsubj" and _has_affiliation(c):
                            sufferer = c
            if sufferer is not None and sufferer.i != noun.i:
                return f"{text} ({_phrase(sufferer)})" if text else _phrase(sufferer)
    if not has_aff:
        aff = _affiliated(sent, num.i)
        if aff and aff not in text:
            return f"{text} ({aff})" if text else aff
    return text or _phrase(num)


def hedges(sentence_text: str, q: Quantity) -> list[str]:
    out = []
    for name, rx in HEDGE_PATTERNS:
        if name == "approximate":
            if q.bound == "approx":
                out.append(name)
        elif rx.search(sentence_text):
            out.append(name)
    return out


def period(sentence_text: str) -> str | None:
    m = PERIOD_RE.search(sentence_text)
    return m.group(0) if m else None


def _clause_text(num: Token) -> str:
    """The text of the clause the figure belongs to: the subtree of its nearest governing verb,
    so "in the past week" is found for the killing, not for another clause of the sentence."""
    head = num
    for _ in range(6):
        if head.pos_ in {"VERB", "AUX"} or head.head.i == head.i:
            break
        head = head.head
    return head.doc.text[head.left_edge.idx: head.right_edge.idx + len(head.right_edge)]


def borrow_subjects(figures: list[Figure], weak: set[int]) -> None:
    """A figure whose subject could not be read from its own sentence ("They have suffered
    1,000") takes the subject of the nearest earlier figure of the same measure."""
    for i in sorted(weak):
        for j in range(i - 1, -1, -1):
            if j not in weak and figures[j].measure == figures[i].measure and figures[j].subject:
                figures[i].subject = figures[j].subject
                break


def extract_figures(doc: Doc) -> list[Figure]:
    """Every figure in an annotated document, in text order."""
    figures: list[Figure] = []
    weak: set[int] = set()
    for q in find_quantities(doc.text):
        span = _tokens(doc, q)
        if span is None or len(span) == 0:
            continue
        if is_not_a_figure(doc, q, span):
            continue
        num = _number_token(span)
        sent = num.sent
        noun = counted_noun(num)
        if noun is not None and (noun.lemma_.lower() in TIME_UNITS or noun.lower_.rstrip("s") in TIME_UNITS) and q.unit is None:
            continue
        fig = Figure(
            start=q.start, end=q.end, text=q.text, low=q.low, high=q.high, unit=q.unit,
            measure=_measure(num, noun, q, sent), subject=_subject(num, noun, q, sent, span),
            sentence_start=sent.start_char, sentence_end=sent.end_char,
        )
        fig.hedges = hedges(sent.text, q)
        fig.period = period(_clause_text(num))
        if fig.measure != "money" and (noun is None or noun.pos_ == "PRON"):
            weak.add(len(figures))
        figures.append(fig)
    borrow_subjects(figures, weak)
    return figures
