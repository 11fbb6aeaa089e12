"""Figures: which quantities in a parsed article are claims about the world, and about what.

``numbers.find_quantities`` reads every number; here the dependency parse decides what it is:
a year, an age, a duration or a name is dropped; for a figure, the noun it counts and the verb
that befell that noun give the measure ("killed", "deployed"), and the noun phrase gives the
subject ("North Korean troops").
"""
from __future__ import annotations

import functools
import re
from collections import Counter

import pycountry

from spacy.tokens import Doc, Span, Token

from ..nlp import ents_of, lemma, text_of
from ..model import Figure
from ..subject_text import tell_places
from .lexicon import (WEEKDAYS, AGE_WORDS, ANIMALS, MEASURE_LEMMAS, MEASURE_NOUNS, MONTHS, NUMBERED_NAMES, PEOPLE_NOUNS, PERSONNEL,
                      TALLY_NOUNS, THINGS_NOT_PEOPLE, is_quantity,
                      RESPONDERS, RESPONSE_HEADS, RESPONSE_WORDS, SECURITY, SHARED_CURRENCIES, STREET_WORDS,
                      STRONG_DEPLOY, STRONG_SPEECH, TIME_UNITS, VAGUE_PLURALS, YEAR_CONTEXT)
from . import learned
from .breakdowns import pair_places
from .wholes import refers_back, whole_of
from .parts import (PART_MEASURES, applies as part_applies, clause_context, clause_places, conditions, parts,
                    sentence_place_list, sentence_places, with_context, with_harm, with_parts)
from .numbers import AREA_UNITS, CURRENCY_PREFIX, MEASURED_UNITS, RESOLUTIONS, Quantity, find_quantities, parse_amount

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


_UNIT_WORDS = {"%", "percent", "cent", "dollars", "dollar", "pounds", "pound", "euros", "euro", "yen",
               "pence", "cents", "million", "billion", "trillion", "thousand", "hundred", "bn", "m"}


def _number_token(span: Span) -> Token:
    """The token that carries the quantity in the parse: the last number-ish token of the span,
    or the unit word it hangs on ("35.7 percent": percent is what "a rate of" takes)."""
    tok = span.root
    for t in reversed(span):
        if t.like_num or t.pos_ == "NUM" or t.lower_ in {"dozen", "dozens", "hundreds", "thousands", "millions",
                                                       "billions", "scores", "half", "third", "thirds",
                                                       "quarter", "quarters", "fifth", "fifths"}:
            tok = t
            break
    while tok.head.i != tok.i and span.start <= tok.head.i < span.end and tok.head.lower_ in _UNIT_WORDS:
        tok = tok.head
    if span.root.lower_ in _UNIT_WORDS | {"%"} and tok.i != span.root.i and span.root.pos_ in {"NOUN", "NUM", "SYM"}:
        tok = span.root  # "70% to 80% of bondholders": the first sign carries the range's "of"
    return tok


def _next_word(doc: Doc, i: int) -> Token | None:
    return doc[i] if i < len(doc) else None


_NUMBERED_PLURALS = {"sections", "articles", "clauses", "chapters", "paragraphs", "pages", "rules", "amendments",
                     "resolutions", "flights", "routes", "highways", "platforms", "gates", "trains", "numbers"}


def _list_head(span: Span) -> Token | None:
    """The word before a list of numbers ("sections 37, 38 and 153" -> sections)."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].like_num or doc[i].text in {",", "and", "or", "&"}):
        i -= 1
    return doc[i] if i >= 0 else None


def _proper_run(tok: Token) -> list[Token]:
    """A name in capitals from `tok` on ("Shalimar-Chennai Central Coromandel Express")."""
    run = []
    while tok is not None and (tok.pos_ == "PROPN" and tok.text[:1].isupper() or tok.text == "-" and run):
        run.append(tok)
        tok = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    while run and run[-1].text == "-":
        run.pop()
    return run


def _in_tally(num: Token) -> bool:
    """A number in a tally by name ("Ashe, 1 Avery, 4 Buncombe, 42", "Sindh 111; Punjab 97"): at
    least three numbers in the sentence each beside a list mark — not a model or a product name."""
    marks = {t.i for t in num.sent if t.text in {",", ";"}}
    marked = sum(1 for t in num.sent if t.like_num and any(t.i + d in marks for d in (-2, -1, 1, 2)))
    return marked >= 3


def _one_harmed(num: Token) -> bool:
    """"one person was killed", "one death": in a toll, "one" counts someone — and so does a bare
    "one" beside what befell it ("seven dead, one missing") or beside a place in a toll's
    breakdown ("two died in Tainan and one in Yunlin", "including one in the capital"), but
    not "one in five", a share."""
    head = num.head
    if not any(t.lemma_.lower() in HARM_LEMMAS for t in num.sent):
        return False
    if num.dep_ == "nummod" and head.pos_ == "NOUN":
        return head.lemma_.lower() in {"person", "child", "man", "woman", "civilian", "soldier", "resident", "worker",
                                       "passenger", "firefighter", "officer", "death", "body", "victim", "fatality",
                                       "casualty"}
    doc = num.doc
    if num.i > 0 and doc[num.i - 1].lower_ == "no":
        return False  # "no one missing": nobody
    nxt = doc[num.i + 1] if num.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in _TOLL_STATES and not (nxt.i + 1 < len(doc) and doc[nxt.i + 1].pos_ == "NOUN"):
        return True
    return num.dep_ in {"conj", "pobj"} and any(
        c.dep_ == "prep" and c.lower_ == "in" and not any(g.like_num for g in c.children) for c in num.children)


# What befalls the counted, said of a bare number: "one missing", "one dead".
_TOLL_STATES = {"dead", "missing", "injured", "wounded", "killed", "hurt", "displaced", "unaccounted"}


_FURNITURE_AFTER = re.compile(r"\s?(?:min(?:ute)?s?\.?\s+read\b|px\b)")


def is_not_a_figure(doc: Doc, q: Quantity, span: Span) -> str | None:
    """Why this quantity is not a figure (a year, date, time, age, duration, name), or None."""
    text = text_of(doc)
    after = text[q.end:q.end + 24].lower()
    before = text[max(0, q.start - 24):q.start].lower()
    nxt = _next_word(doc, span.end)
    prev = doc[span.start - 1] if span.start > 0 else None
    value = q.low if q.low is not None else q.high
    plain_int = re.fullmatch(r"\d+", q.text.strip()) is not None
    if q.unit in (None,) and plain_int and value is not None and 1000 <= value <= 2100:
        # a year has a year's company ("in 2004", "the 2003 results", a DATE entity); "1200 staff"
        # and "rose to 1500" are counts
        prev_lower = prev.lower_ if prev is not None else ""
        counted = nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ == "NNS"
        if nxt is not None and nxt.tag_ in {"NN", "JJ", "NNP"} and nxt.lower_ not in {"people", "staff", "police"}:
            return "year"  # "the 2016 candidate", "a 2004 report": a year used as a modifier
        if 1950 <= value <= 2030 and not counted and prev_lower not in {"to", "of", "than", "about", "around", "nearly",
                                                                           "almost", "some", "over", "under", "by", "at"} \
                and not (prev is not None and (prev.like_num or prev.lemma_.lower() in CHANGE_LEMMAS)):
            return "year"  # "Clearly 2004 was the hardest year": a bare recent year, counting nothing
        if span.root.ent_type_ == "DATE" or prev_lower in YEAR_CONTEXT or \
                (nxt is not None and nxt.lower_ in {"-", "–", "/"}) or \
                (prev_lower in {"the", "its", "their", "his", "her", "a"} and not counted):
            return "year"
    if plain_int and re.match(r"\s*[:.]\d", after) or re.match(r"\s*(a\.?m\.?|p\.?m\.?|gmt|utc|bst|est|o'clock)\b", after):
        return "time"
    if plain_int and value is not None and value <= 31:
        # a day of a month is written next to it: "December 23", "23 December", "Oct. 18"
        prev_word = before.split()[-1].rstrip(".") if before.split() and not before.rstrip().endswith(",") else ""
        after_raw = text[q.end:q.end + 24]
        raw_prev = text[max(0, q.start - 24):q.start].split()
        # "may" and "march" are words too; as months they are capitalised ("before" is lower-cased)
        if prev_word in MONTHS and not (prev_word in {"may", "march"} and not (raw_prev and raw_prev[-1][:1].isupper())) \
                or re.match(r"\s*(st|nd|rd|th)?\s*(of\s+)?(" + "|".join(m.title() for m in MONTHS) + r")\b", after_raw):
            return "date"
        if re.search(r"\b(?:" + "|".join(m.title() for m in MONTHS) + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*"
                     r"(?:to|and|through|until|till|-|–)\s*$", text[max(0, q.start - 30):q.start]):
            return "date"  # "from April 1 to 24", "between March 3 and 17": the range's second day
    score = re.fullmatch(r"(\d{1,2})\s?[-–]\s?(\d{1,2})", q.text.strip())
    if score and (int(score.group(1)) > int(score.group(2))
                  or re.search(r"\d\s?[-–]\s?\d", text[max(0, q.start - 12):q.start] + text[q.end:q.end + 12])):
        return "score"  # "beat them 4-1", "(9-1, 6-1)", "7-5, 3-6": results, not ranges (a range rises)
    if re.search(r"\[\s*$", text[max(0, q.start - 2):q.start]) and re.match(r"\s*\]", text[q.end:q.end + 2]) \
            and q.unit is None:
        return "reference"  # "[1]": a footnote
    if q.unit == "fraction" and re.search(r"\b(year|month|week|day|hour|minute|century|decade)s?\s+and\s+$", before):
        return "duration"  # "a year and a half"
    if re.fullmatch(r"(?:from|between)\s+\d{1,2}\s+(?:to|and)\s+\d{1,2}", q.text.strip(), re.I) and \
            re.match(r"\s*(" + "|".join(m.title() for m in MONTHS) + r")\b", text[q.end:q.end + 12]):
        return "date"  # "from 1 to 24 April"
    if re.fullmatch(r"\d{1,2}\s?[-–]\s?\d{1,2}", q.text.strip()):
        prev_word = before.split()[-1].rstrip(".") if before.split() else ""
        if prev_word in MONTHS or re.match(r"\s*(" + "|".join(MONTHS) + r")\b", after):
            return "date"  # "on 16-18 December", "Dec. 3-5": days of a month
    if re.match(r"\s*-?\s*(year|month|week|day)s?[- ]old\b", after) or re.match(r"\s*years? of age", after) \
            or re.match(r"\s*-?\s*(to|and|or)\s+\d+\s*-?\s*(year|month)s?[- ]old", after):
        return "age"  # "15-year-olds", "15- to 24-year-olds"
    bare_year = re.fullmatch(r"(?:[a-z]+\s+){1,3}((?:19|20)\d\d)", q.text.strip(), re.I)
    if bare_year and prev is not None and prev.lower_ in {"until", "till", "through", "by", "before", "after", "since", "in", "from"}:
        return "year"  # "until at least 2008"
    if prev is not None and prev.lower_ in AGE_WORDS:
        return "age"
    if prev is not None and value is not None and value < 100 and re.match(r"(under|over|aged)\s+\d+$", q.text.strip(), re.I) \
            and prev.lemma_.lower() in {"child", "kid", "baby", "infant", "youngster", "pupil", "those", "people", "adult",
                                        "voter", "man", "woman", "men", "women", "worker", "patient", "resident"}:
        return "age"  # "children under 5", "people under 55"
    if prev is not None and plain_int and prev.lower_ == "at" and span.start == prev.sent.start + 1 and re.match(r"\s*,", after):
        return "age"  # "At 101, he …"
    if re.search(r"\b[\w.]+,\s*(now\s+)?$", before) and re.match(r"\s*[,.]", after) and plain_int and value is not None \
            and value < 120:
        back = 3 if before.rstrip().endswith("now") else 2
        name = doc[span.start - back] if span.start >= back else None
        if name is not None and (name.ent_type_ == "PERSON" or name.pos_ == "PROPN" and name.is_title):
            return "age"  # "Mattis, 68, said", "Smith Jr., 56,", "Mr Lewis, now 77,": an age after a name
    if nxt is not None and q.unit is None:
        lem = nxt.lemma_.lower()
        # "three days", "several days", "4+ years"; a time unit counts time, not people or things
        if lem in TIME_UNITS or nxt.lower_.rstrip("s") in TIME_UNITS:
            return "duration"
        if nxt.lower_ in {"times", "fold"}:
            return "multiplier"
        if nxt.lower_ == "-" and _next_word(doc, span.end + 1) is not None and _next_word(doc, span.end + 1).lemma_.lower() in TIME_UNITS:
            return "duration"
    if plain_int and re.fullmatch(r"\d{5}", q.text.strip()) and re.search(r"\b[A-Z]{2}\s*$", text[max(0, q.start - 4):q.start]):
        return "address"  # "Los Angeles, CA 90069": a postal code
    if plain_int and value in RESOLUTIONS and re.match(r"p\b", text[q.end:q.end + 2]):
        return "resolution"  # "streams at 1080p"
    line_start = text.rfind("\n", 0, q.start) + 1
    if plain_int and not text[line_start:q.start].strip() and re.match(r"[.)]", text[q.end:q.end + 1]):
        return "list number"  # "1. Eat more fibre": an item's number at the head of its line
    if prev is not None and plain_int and ((prev.is_title or prev.text[:1].isupper() or prev.text[1:2].isupper())
                                           and prev.lower_.rstrip(".") in NUMBERED_NAMES
                                           or re.search(r"\bNo\.?\s*$", text[max(0, q.start - 5):q.start])):
        return "name"  # "Article 4", "No. 10"
    if prev is not None and plain_int and value is not None and value > 1 and prev.is_title and prev.i > prev.sent.start \
            and prev.pos_ in {"ADJ", "PROPN"} and nxt is not None and nxt.tag_ == "NN" \
            and _number_token(span).head.i in {nxt.i, prev.i} \
            and prev.lower_ not in MONTHS and prev.ent_type_ not in {"NORP", "GPE", "DATE"}:
        return "name"  # "the Big 12 conference": a count would take a plural; a name takes the number
    listed = _list_head(span)
    if plain_int and listed is not None and listed.lower_ in _NUMBERED_PLURALS:
        return "name"  # "under sections 37, 38 and 153": the numbers name sections
    if prev is not None and plain_int and re.fullmatch(r"[A-Z][A-Z&]+", prev.text) and prev.pos_ == "PROPN" \
            and prev.lower_ not in CURRENCY_PREFIX and q.unit is None and prev.ent_type_ not in {"NORP", "GPE"}:
        return "name"  # "S&P 500", "FTSE 100": an index or a series named with its number
    if prev is not None and plain_int and prev.lower_ == "number" and prev.i > 0 and prev.nbor(-1).lower_ == "the":
        return "name"  # "the number 23 shirt": a number worn or assigned, not a count
    num_tok = _number_token(span)
    tally = plain_int and _in_tally(num_tok)  # (every rule that asks is about a plain integer)
    run = _proper_run(nxt) if nxt is not None else []
    after_run = doc[run[-1].i + 1] if run and run[-1].i + 1 < len(doc) else None
    if plain_int and not tally and run and nxt.tag_ == "NNP" and (num_tok.head.i in {t.i for t in run} or value >= 1000) \
            and nxt.ent_type_ not in {"NORP", "GPE", "DATE", "TIME"} and value is not None and value < 100000 and q.unit is None \
            and nxt.lemma_.lower() not in PERSONNEL and nxt.lower_ not in WEEKDAYS \
            and not (after_run is not None and (after_run.pos_ == "NOUN" or after_run.lower_ == "of")):
        return "name"  # "the 737 Max", "train 12841 Coromandel Express": named by its number; a count
        # names a plural ("300 Marines")
    if prev is not None and plain_int and not tally and prev.pos_ == "PROPN" and prev.is_title and value is not None \
            and value < 10000 \
            and prev.i > prev.sent.start and not prev.nbor(-1).like_num \
            and prev.ent_type_ not in {"NORP", "GPE", "DATE", "PERSON"} and prev.lower_ not in MONTHS:
        return "name"  # "Boeing 737", "Windows 95", "Apollo 11"
    if plain_int and re.match(r"\s+[A-Z][a-z]+\s+(" + "|".join(w.title() for w in STREET_WORDS) + r")\b", text[q.end:q.end + 40]):
        return "address"  # "221 Baker Street"
    if prev is not None and plain_int and not tally and prev.ent_type_ in {"ORG", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW"} \
            and prev.ent_iob_ != "" and (nxt is None or nxt.pos_ != "NOUN" or prev.pos_ == "PROPN" and prev.is_title
                                          and "," not in q.text and value is not None and value < 10000):
        return "name"  # "Boeing 737 jets", "Windows 95"
    if re.fullmatch(r"\d+(\.\d+)?\s?[mkb]", q.text.strip(), re.I) and q.unit is None and \
            not (nxt is not None and nxt.tag_ == "NNS"):
        return "metres or similar, not a scale"  # "100m" without a currency or a counted noun
    if q.words_only and q.low == q.high == 1 and not q.bound and not _one_harmed(_number_token(span)):
        return "one"  # "one of", "no one": a pronoun far more often than a count
    if q.words_only and not q.vague and q.unit is None and q.low is not None and q.low < 100:
        num = _number_token(span)
        if prev is not None and prev.lower_ in _DEFINITE:
            return "definite reference"
        if num.dep_ not in {"nummod", "dobj", "nsubj", "nsubjpass", "pobj", "conj", "attr", "appos"} \
                and not (q.low == 1 and _one_harmed(num)):
            return "not a count"
        if num.dep_ == "nummod" and num.head.pos_ not in {"NOUN", "PROPN"}:
            return "not a count"
    if q.unit == "fraction" and "quarter" in q.text.lower() and prev is not None and prev.lower_ in {
            "the", "preceding", "past", "last", "next", "previous", "recent", "consecutive", "first", "final"} \
            and not re.match(r"\s+of\b", after):
        return "duration"  # "in the preceding three quarters": quarters of a year
    if q.unit == "GBP" and re.search(r"pounds?\b", q.text, re.I) and "£" not in q.text and \
            re.search(r"\b(weigh\w*|heavy|lbs?|tall|feet|foot|inch\w*|height)\b|\d-foot", before + " " + after):
        return "weight"  # "weighing 215 pounds"
    if re.search(r"\d[\d ]*$", before) and re.match(r" \d", after) or re.search(r"\d $", before) \
            or plain_int and re.match(r" \d{3,}", after) or plain_int and q.text.startswith("0") and len(q.text) > 1:
        return "phone number"  # "0800 123 4567": digit groups side by side are a number to dial
    if plain_int and value in {911, 999, 112} and prev is not None and prev.lemma_.lower() in {"call", "dial", "ring"}:
        return "phone number"  # "called 911"
    if plain_int and _FURNITURE_AFTER.match(after):
        return "page furniture"  # "2 min read", "16 px": the page's reading time or type size
    if q.words_only and q.unit == "fraction" and re.match(r"\s+(an?|the)\s+(hour|day|week|month|year|century|decade)", after):
        return "duration"
    if q.unit == "fraction" and prev is not None and prev.lower_ in {"first", "second", "third", "last", "latter", "former", "final"} \
            and re.match(r"\s+of\s+(the\s+|this\s+|last\s+|next\s+)?(year|month|season|decade|century|\d{4}|quarter|game|match)\b", after):
        return "period"  # "in the second half of the year"
    if q.unit == "fraction" and q.words_only and nxt is not None and nxt.pos_ in {"NOUN", "ADJ", "PROPN"} and nxt.lower_ != "of" \
            and re.fullmatch(r"(?:a|one|the)?\s*(?:third|quarter|fifth|half)", q.text.strip(), re.I):
        return "ordinal"  # "a third quarter", "a third party" (but "a two-thirds majority" is a share)
    if q.unit == "%" and value == 100 and nxt is not None and nxt.pos_ in {"ADJ", "NOUN", "ADV", "VERB"} \
            and nxt.lower_ not in {"of", "stake", "share", "rise", "increase", "jump", "stake"}:
        return "idiom"  # "100 percent sure", "100% transparency": whole-hearted, not a share
    if q.times is False and nxt is not None and nxt.lower_ in {"mm", "caliber", "calibre", "degrees", "rpm"}:
        return "measurement"
    if q.unit in {"mm", "cm"} and nxt is not None and nxt.pos_ == "NOUN":
        return "measurement"  # "a 9 mm handgun": a calibre names the gun, it counts nothing
    if prev is not None and plain_int and any(t.lower_ in AGE_WORDS for t in doc[max(0, span.start - 3):span.start]):
        return "age"
    if value is not None and value < 120 and re.fullmatch(r"(?:(?:around|about|aged|approximately|roughly)\s+)?\d+",
                                                          q.text.strip(), re.I):
        if re.search(r"\b(?:a|an|one)\s+(?:man|woman|boy|girl|child|person|teenager|baby|infant)\s+"
                     r"(?:around|about|aged|approximately|roughly|of)?\s*$", before, re.I):
            return "age"  # "a woman around 60 in critical condition"
    return None


# Adjectives that stand for the people counted: "the estimated 150,000 dead"
_AS_NOUN = {"dead", "injured", "wounded", "missing", "displaced", "homeless"}
# Adjectives that stand for people on their own ("the elderly", "1,924 elderly")
_PEOPLE_ADJECTIVES = {"elderly", "wounded", "injured", "sick", "missing", "unidentified", "identified", "young", "old",
                      "disabled", "homeless", "displaced", "dead"}


def counted_noun(num: Token) -> Token | None:
    """The noun a quantity counts: '1,000 troops' -> troops; 'thousands of troops' -> troops."""
    while num.dep_ in {"conj", "appos"} and num.head.like_num and num.head.i < num.i:
        num = num.head  # "between 10,000 and 12,000 soldiers": the first number carries the noun
    if num.dep_ == "predet" and num.head.pos_ in {"NOUN", "PRON"} and num.head.i > num.i:
        return num.head  # "half those surveyed"
    if num.dep_ in {"nummod", "quantmod", "compound", "nmod", "amod"} and num.head.pos_ in {"NOUN", "PROPN"} \
            and num.head.i > num.i:
        between = {t.lower_ for t in num.doc[num.i + 1:num.head.i]}
        if between & {"last", "next", "this", "previous", "a", "per", "each", "every"}:
            return None  # "down from 311,764 last month": the month is when, not what is counted
        if num.head.lower_ in WEEKDAYS:
            return None  # "rose to 14 Sunday": the day it rose, not what it counts
        return num.head
    if num.head.i == num.i + 1 and num.head.lower_ in _AS_NOUN and num.head.pos_ in {"ADJ", "NOUN"}:
        return num.head  # "the estimated 150,000 dead": the adjective is the people counted
    after = next((c for c in num.children if c.i == num.i + 1 and c.lower_ == "dead"), None)
    if after is not None:  # "150,000 dead" (a "53 wounded" beside "50 killed" is read by its verb)
        return after
    nxt = num.doc[num.i + 1] if num.i + 1 < len(num.doc) else None
    if nxt is not None and nxt.lower_ in _AS_NOUN | _PEOPLE_ADJECTIVES and nxt.pos_ in {"ADJ", "NOUN"} and (
            nxt.i + 1 >= len(num.doc) or num.doc[nxt.i + 1].pos_ not in {"NOUN", "PROPN"}):
        if nxt.lower_ != "dead" or nxt.head.i != num.i:
            return nxt  # "floods leave 1,000 dead", "1,924 elderly, and 10,006 men": the adjective is who
    for child in num.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in {"NOUN", "PROPN", "PRON"}:
                    return pobj
        if child.lower_ == "worth" and child.i > num.i:  # "$9,500 worth of furniture"
            found = counted_noun(child)
            if found is not None and found.i != child.i:
                return found
    if num.pos_ == "NOUN" and num.lower_ not in VAGUE_PLURALS:
        return num
    return None


# How a count of people of each measure is said in a subject: "people killed", "others wounded".
PARTICIPLE = {"killed": "killed", "wounded": "wounded", "casualties": "killed or wounded", "captured": "detained",
              "missing": "missing", "displaced": "displaced", "deployed": "deployed"}


def _measure_of(lemmas: list[str]) -> str | None:
    """The measure of the nearest measure word. "killed or wounded" side by side is casualties;
    a "killed" figure beside a separate "wounded" one is not."""
    found = []
    for i, lem in enumerate(lemmas):
        for measure, words in MEASURE_LEMMAS.items():
            if lem in words and measure not in [f for f, _ in found]:
                found.append((measure, i))
    if not found:
        return None
    first, at = found[0]
    if first == "casualties":
        return first
    pair = {"killed", "wounded"}
    if first in pair and any(m in pair - {first} and abs(i - at) <= 2 for m, i in found[1:]):
        return "casualties"
    return first


def _joined(verb: Token) -> list[str]:
    """Lemmas of a verb's close conjuncts and complements — "killed or wounded", "estimated to
    have been killed" — but not a conjunct with a figure of its own ("50 killed and 53 wounded")
    or a far-off clause of the same sentence."""
    out = []
    for c in verb.children:
        if c.dep_ == "xcomp" or (c.dep_ == "conj" and abs(c.i - verb.i) <= 3
                                 and not any(is_quantity(t) for t in c.subtree)):
            out.append(lemma(c))
            out += [lemma(g) for g in c.children if g.dep_ in {"conj", "xcomp"}
                    and not any(is_quantity(t) for t in g.subtree)]
    return out


def _own_count(tok: Token) -> bool:
    """A noun with a figure of its own ("nine deaths" in "nine deaths, 1,011 injuries")."""
    return any(c.dep_ == "nummod" and is_quantity(c) for c in tok.children)


def _governing_lemmas(num: Token, noun: Token | None) -> list[str]:
    """Lemmas of what befell the counted noun, nearest first: its own word, the words right after
    the figure ('1,000 killed or wounded'), the verb it is subject or object of, that verb's
    close conjuncts and complements, and a noun that governs it ('the loss of 1,000 troops')."""
    out: list[str] = []
    anchor = noun or num
    out.append(lemma(anchor))
    described: list[str] = []
    for child in list(num.children) + (list(noun.children) if noun is not None else []):
        if (child.dep_ in {"amod", "acl", "relcl", "advcl", "appos"} or child.pos_ == "VERB") and not _own_count(child):
            if child.dep_ == "acl" and child.tag_ == "VBN" and lemma(child) in MEASURE_LEMMAS["deployed"]:
                # "three peacekeepers deployed with the mission had been killed": a participle
                # that says who they are yields to the verb that says what befell them
                described += [lemma(child)] + _joined(child)
                continue
            out.append(lemma(child))
            out += _joined(child)
    # "1,000 killed or wounded", "two officers injured": the participle may attach elsewhere
    after = (noun if noun is not None and noun.i > num.i else num)
    for t in num.doc[after.i + 1: min(len(num.doc), after.i + 3)]:
        if t.dep_ in {"cc", "punct", "mark"} or t.pos_ == "SCONJ":
            break  # "struck 15 targets and killed 60", "rose to 27 as missing people …": another clause
        if t.pos_ in {"VERB", "ADJ"} and lemma(t) in set().union(*MEASURE_LEMMAS.values()) and lemma(t) not in described:
            out.append(lemma(t))
            out += _joined(t)
    head = anchor
    preps = 0
    hops = 0
    while hops < 6:
        if head.head.i == head.i:
            break
        hops += head.dep_ != "conj"  # "injured A, B and two officers": a list is one step
        if head.dep_ == "pobj" and head.head.lower_ not in {"of", "by"}:
            preps += 1
            if preps > 1:
                break  # "arrested … in connection with a dozen packages": too far to befall them
        listed = head.dep_ in {"conj", "appos"}
        if listed and _measure_of(out) is not None:
            break  # "14 were killed and dozens injured": the item says what befell it
        head = head.head
        if not (listed and _own_count(head)):  # "nine deaths, 1,011 injuries": the deaths are another figure's
            out.append(lemma(head))
        if head.pos_ in {"VERB", "AUX"} and head.dep_ != "prep":  # "including" is a preposition here
            out += _joined(head)
            out += [lemma(c) for c in head.children if c.dep_ in {"dobj", "attr", "acomp", "oprd"}
                    and (c == anchor or not _own_count(c))]
            if lemma(head) == "be":  # "12 children were among the dead"
                out += [lemma(g) for c in head.children if c.dep_ == "prep"
                        for g in c.children if g.dep_ == "pobj"]
            if lemma(head) not in {"be", "have", "estimate", "believe", "say", "report", "make"}:
                break
    return out + described


_TAKING = {"capture", "seize", "take", "control", "occupy", "liberate", "advance", "gain", "retake",
           "recapture", "lose", "territory", "annex", "conquer", "hold"}


# Verbs that state what a count is or became: "the toll reached 123", "stood at", "passed".
_REACH_LEMMAS = {"reach", "pass", "surpass", "exceed", "top", "hit", "stand", "be", "climb", "rise", "jump", "triple",
                 "increase", "grow", "mount", "soar", "cross", "near", "approach", "touch", "become", "remain"}


def _named_count(num: Token) -> str | None:
    """The measure of a count the sentence names as the thing the figure is: "the death toll
    reached 123", "the number of injured rose to 40", "the toll stands at 12". The figure is
    what a toll became, so what else the sentence mentions (the missing still sought, the
    wounded) is not what it counts."""
    if num.dep_ == "nummod" and num.head.lemma_.lower() in PEOPLE_NOUNS:
        num = num.head  # "the death toll rose to 40 people"
    verb = num.head
    if num.dep_ == "pobj" and verb.lower_ in {"to", "at", "past", "over", "above"}:
        verb = verb.head
    elif num.dep_ not in {"dobj", "attr"}:
        return None
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _REACH_LEMMAS | CHANGE_LEMMAS:
        return None
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.like_num:
        return None
    noun = counted_noun(num) if num.like_num else None
    if noun is not None and noun.i != num.i and noun.lemma_.lower() not in PEOPLE_NOUNS:
        return None  # "the toll rose to 16,700 cases": the figure names what it counts
    words = [subj] + [c for c in subj.children if c.dep_ in {"compound", "amod"}]
    if subj.lemma_.lower() in TALLY_NOUNS:
        # "the number of injured", "the number of people unaccounted for"
        objs = [g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]
        words += objs + [m for g in objs for m in g.children if m.dep_ in {"amod", "acl", "relcl", "compound"}]
    elif subj.lemma_.lower() not in MEASURE_NOUNS:
        return None
    return _measure_of([lemma(w) for w in words])


# Verbs that end being trapped or missing: "rescued", "freed", "found safe", "pulled out".
_RESCUE_LEMMAS = {"rescue", "save", "free", "extricate", "evacuate", "recover", "locate", "airlift", "reunite"}
_OUT_LEMMAS = {"pull", "get", "bring", "dig", "lift"}   # … with "out"
_SAFE = {"safe", "alive", "unharmed", "well"}


def _brought_out(tok: Token) -> bool:
    """The counted are the ones a rescue reached: the object of "rescued", "pulled out", "found
    safe" — whatever the clause says they had been (trapped, missing)."""
    if tok.dep_ not in {"dobj", "nsubjpass"} or tok.head.pos_ != "VERB":
        return False
    verb = tok.head
    lem = verb.lemma_.lower()
    return lem in _RESCUE_LEMMAS or (lem in _OUT_LEMMAS and any(t.lower_ == "out" and t.dep_ == "prt" for t in verb.subtree)) or (
        lem == "find" and any(c.lower_ in _SAFE for c in verb.children))


def _did_the_harm(num: Token, noun: Token | None) -> bool:
    """The counted are the subject of a harming verb that has an object: they did it."""
    doer = next((t for t in (num, noun) if t is not None and t.dep_ == "nsubj"), None)
    return doer is not None and doer.head.pos_ == "VERB" and doer.head.lemma_.lower() in HARM_LEMMAS \
        and any(c.dep_ == "dobj" for c in doer.head.children)


def _responders(noun: Token) -> bool:
    """Rescuers, relief workers, search teams: people sent to where the harm is."""
    lem = noun.lemma_.lower()
    return lem in RESPONDERS or lem in RESPONSE_HEADS and any(
        c.dep_ in {"compound", "amod"} and c.lemma_.lower() in RESPONSE_WORDS for c in noun.children)


def _magnitude(num: Token, q: Quantity) -> bool:
    # (the tokenizer keeps "magnitude-6.0" as one word)
    return q.unit is None and any(t.lower_ == "magnitude" or t.lower_.startswith("magnitude-")
                                  for t in num.doc[max(0, num.i - 2):num.i + 3])


def _magnitude_subject(num: Token) -> str:
    """What a magnitude measures, in the words every report of it shares: one quake has one
    magnitude, whatever each outlet calls the quake ("tremor", "earthquake", "the quake in Tingri");
    an aftershock's is another figure."""
    near = num.doc[max(num.sent.start, num.i - 5):min(num.sent.end, num.i + 5)]
    return "aftershock magnitude" if any(t.lemma_.lower() == "aftershock" for t in near) else "magnitude"


def _counts_no_one(num: Token, noun: Token | None, q: Quantity) -> bool:
    """Amounts that are certainly no count of people, whatever the words around them say: a
    speed, a length or a weight ("winds of 80 mph killed …"), a magnitude, animals."""
    if q.unit in MEASURED_UNITS or q.times:
        return True  # ("2.5 times more likely to be arrested": a ratio, whatever it compares)
    if _magnitude(num, q):
        return True  # "a magnitude 6.8 earthquake", "6.8-magnitude"
    # "706 livestock animals were killed": losses, but not of people
    if noun is not None and noun.i != num.i and noun.lemma_.lower() in THINGS_NOT_PEOPLE:
        return True  # "killed in 30 incidents", "29 boats sank"
    # ("1,174 heads of livestock")
    return noun is not None and (noun.lemma_.lower() in ANIMALS or any(
        c.lemma_.lower() in ANIMALS for c in noun.children if c.dep_ in {"compound", "amod"}) or any(
        g.lemma_.lower() in ANIMALS for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children if g.dep_ == "pobj"))


def _measure(num: Token, noun: Token | None, q: Quantity, sent: Span, lemmas: list[str]) -> str:
    """The rules' measure; `lemmas` are _governing_lemmas(num, noun), which the learned measure
    reads too (computed once)."""
    if q.unit in AREA_UNITS:
        # an area is land won or lost in a war only when the sentence says so; acres burned,
        # flooded or farmed are just an area
        return "territory" if _TAKING & {t.lemma_.lower() for t in sent} else "other"
    if _counts_no_one(num, noun, q):
        return "other"
    if q.unit and q.unit not in {"%", "fraction"}:
        return "money"
    if q.vague and noun is None and num.dep_ in {"dobj", "npadvmod"} and num.head.lemma_.lower() in {"cost", "spend", "pay", "raise", "owe", "earn", "invest"}:
        return "money"  # "would cost billions": only a sum is spent or paid without a noun
    if noun is not None and any(c.dep_ == "compound" and c.lower_ in {"job", "revenue", "tax", "profit", "pretax", "pre-tax",
                                                                   "operating", "net", "trading", "financial"}
                                for c in noun.children):
        lemmas = [lem for lem in lemmas if lem not in {"loss", "losses"}]  # "job losses" are not casualties
    m = _measure_of(lemmas)
    if noun is not None and noun.lemma_.lower() in MEASURE_NOUNS and num.head.i == noun.i:
        # "21 fatalities", "an injury toll of 50": a noun that is itself the measure says it,
        # whatever verb a parse hangs it on ("21 fatalities and 34 injured")
        m = _measure_of([lemma(c) for c in noun.children if c.dep_ == "compound"] + [lemma(noun)]) or m
    if q.unit in {"%", "fraction"} and m != "territory":
        return "other"  # "a third of the arrests": a share, not a count of the people it divides;
        # "around half of the territory" is still land
    if "life" in lemmas[:6] and ({"lose", "claim", "take", "cost"} & set(lemmas[:6])):
        m = "killed"  # "100 people lost their lives", "claimed the lives of 50"
    elif m is None and _driven_from_home(noun if noun is not None else num):
        m = "displaced"  # "forced 3,000 from their homes", "driven from their houses"
    elif "lose" in lemmas[:4] and noun is not None and (noun.lemma_.lower() in PERSONNEL or noun.lower_.rstrip("s") in PERSONNEL):
        m = "casualties"  # "Russia lost 1,250 soldiers": losses, not a deployment
    elif m is None and noun is not None and noun.dep_ == "dobj" and noun.head.lemma_.lower() == "lose" \
            and noun.lemma_.lower() in PEOPLE_NOUNS:
        m = "killed"  # "the family lost 12 relatives": people lost are dead; "lost 12 seats" are not people
    if m == "missing" and any(_brought_out(t) for t in (num, noun) if t is not None):
        m = None  # "rescued six people who had been trapped": no longer missing
    if m == "captured" and noun is not None and noun.lemma_.lower() in {
            "village", "town", "city", "settlement", "district", "region", "hill", "position", "area", "territory"}:
        m = "territory"  # "captured two villages": places taken, not prisoners
    if m in {"killed", "wounded", "casualties"} and _did_the_harm(num, noun):
        m = None  # "dozens of gunmen killed 30": who did the killing are not the killed ("twelve died" are)
    if m == "deployed" and not set(lemmas) & STRONG_DEPLOY and not (
            noun is not None and (noun.lemma_.lower() in PERSONNEL | SECURITY or noun.lower_.rstrip("s") in PERSONNEL)):
        m = None  # "sent 5,000 food parcels", "3,000 nurses recruited": sent, not deployed
    if m:
        return m
    if q.unit in {"%", "fraction"}:
        return "other"
    if noun is not None and (noun.lemma_.lower() in PERSONNEL or noun.lower_.rstrip("s") in PERSONNEL
                             or _responders(noun)):
        return "deployed"
    if noun is None:
        # No counted noun ("in the realm of dozens"): the measure words nearest in the sentence,
        # then in the sentence before it within the paragraph (a figure that answers it).
        words = sorted(sent, key=lambda t: abs(t.i - num.i))
        found = _measure_of([t.lemma_.lower() for t in words])
        if found is None and sent.start > 0:
            prev = num.doc[sent.start - 1].sent
            between = text_of(num.doc)[prev.end_char:sent.start_char]
            if "\n" not in between or prev.text.rstrip().endswith(":"):
                # (a line that ends with a colon introduces the list on the next line)
                # a "loss" a sentence away is as likely a firm's or a job's as a war's
                found = _measure_of([t.lemma_.lower() for t in reversed(prev) if t.lemma_.lower() not in {"loss", "losses"}])
        if found == "deployed" and not any(t.lemma_.lower() in PERSONNEL | SECURITY for t in sent):
            found = None  # "bots sent spam": nobody was deployed
        return found or "other"
    return "other"


_HOMES = {"home", "house", "village", "land"}


# Where the displaced stay: "moved to shelters", "staying in evacuation centres", "living in tents".
_SHELTERS = {"shelter", "camp", "tent", "evacuee", "refuge"}
_SHELTER_COMPOUNDS = {"evacuation", "relief", "displacement", "refugee", "temporary", "emergency"}
_REFUGE = {"refuge", "shelter", "safety", "sanctuary", "asylum"}


def _own_home(tok: Token) -> bool:
    return tok.lemma_.lower() in _HOMES and any(d.dep_ == "poss" for d in tok.children)


def _a_shelter(tok: Token) -> bool:
    lem = tok.lemma_.lower()
    return lem in _SHELTERS or (lem in {"centre", "center", "site", "facility", "school", "hall"} and any(
        c.dep_ in {"compound", "amod"} and c.lemma_.lower() in _SHELTER_COMPOUNDS for c in tok.children))


def _safe_place(tok: Token) -> bool:
    return tok.lemma_.lower() == "safety" or tok.lemma_.lower() in {"area", "place", "ground", "location"} and any(
        c.dep_ == "amod" and c.lemma_.lower() in {"safe", "safer", "high", "higher"} for c in tok.children)


def _driven_from_home(tok: Token) -> bool:
    """The verb the counted hang from puts them out of their own homes or into shelter: "forced
    from their homes", "driven out of their villages", "had to leave their homes", "lost their
    homes", "moved to shelters", "staying in evacuation centres", "sought refuge"."""
    if _a_shelter(tok) or tok.lemma_.lower() in _HOMES:
        return False  # "91 relief camps": the shelters themselves
    verbs = [a for a in [tok] + list(tok.ancestors) if a.pos_ == "VERB"][:1]
    verbs += [c for c in tok.children if c.dep_ in {"relcl", "acl"} and c.pos_ == "VERB"]
    for verb in list(verbs):
        verbs += [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]  # "forced to leave"
    for verb in verbs:
        for c in verb.children:
            objs = [g for g in c.subtree if g.dep_ == "pobj"] if c.dep_ == "prep" and tok not in c.subtree else []
            # their own homes: "ripped roofs from homes", "removed protesters from the house" are not
            if c.lower_ in {"from", "out"} and any(_own_home(g) for g in objs):
                return True
            if c.lower_ in {"to", "in", "into", "at"} and any(_a_shelter(g) for g in objs[:1]):
                return True
            if c.lower_ == "to" and any(_safe_place(g) for g in objs[:1]):
                return True  # "airlifted 14 residents to safety", "moved to safer areas"
            if c.dep_ == "dobj" and verb.lemma_.lower() in {"leave", "lose", "abandon", "flee"} and _own_home(c):
                return True
            if c.dep_ == "dobj" and verb.lemma_.lower() in {"seek", "find", "take"} and c.lemma_.lower() in _REFUGE:
                return True
    return False


def _phrase(noun: Token, skip: Span | None = None) -> str:
    """The noun with its left modifiers: 'Russian and North Korean soldiers'."""
    left = [t for t in noun.subtree if t.i <= noun.i and t.i >= noun.left_edge.i]
    words = []
    doc = noun.doc
    for t in left:
        if skip is not None and skip.start <= t.i < skip.end:
            continue
        if t.i > left[0].i and not doc[t.i - 1].whitespace_ and not t.whitespace_ and t.i < noun.i \
                and (t.text == "-" or doc[t.i - 1].text == "-"):
            words.append(t)  # inside a hyphenated word: "Build-A-Bear", "e-mail"
            continue
        if t.like_num and not t.whitespace_ and t.i + 1 < noun.i and doc[t.i + 1].text == "-":
            words.append(t)  # "24-year-olds": the number is part of the word
            continue
        if noun.lower_.endswith("olds") and (t.like_num or t.lower_ in {"to", "and"}) and t.i < noun.i:
            words.append(t)  # "18 to 24 year olds": an age band names who is counted
            continue
        if t.is_currency or t.text in {"%", "(", ")", "-"} or (t.is_upper and len(t) > 3 and t.ent_type_ == "GPE"):
            continue  # another amount's symbol, or a dateline ("WASHINGTON —")
        if t.dep_ in {"det", "predet", "nummod", "quantmod", "punct"} or t.like_num:
            continue
        if t.lower_ in {"more", "than", "some", "about", "around", "over", "nearly", "almost", "least", "at",
                        "up", "to", "several", "few", "dozens", "hundreds", "thousands", "of", "a", "an"}:
            continue
        words.append(t)
    # "e-mail", "have-nots": words written joined stay joined; the hyphen itself is kept
    # only between two kept words
    while words and words[0].text == "-":
        words.pop(0)
    after = next((c for c in noun.children if c.dep_ == "acl" and c.i == noun.i + 1 and c.tag_ in {"VBN", "VBG"}), None)
    if after is not None and (skip is None or not skip.start <= after.i < skip.end):
        words.append(after)  # "those asked", "people polled": who they are is said after them
    out = ""
    for a, b in zip(words, words[1:] + [None]):
        out += a.text
        if b is None:
            break
        if b.i == a.i + 2 and a.nbor().text == "-" and not a.whitespace_ and not a.nbor().whitespace_:
            out += "-"
        elif b.i != a.i + 1 or a.whitespace_:
            out += " "
    return out.strip()


def _affiliated(sent: Span, near: int) -> str | None:
    """The noun phrase with a nationality, place or organisation nearest to a token (not the
    one naming a person: that is the speaker, not the counted)."""
    best = None
    chunks = sent.doc.user_data.get("newsledger_chunks")
    if chunks is None:  # Span.noun_chunks walks the whole document each time: once per doc
        chunks = sent.doc.user_data["newsledger_chunks"] = list(sent.doc.noun_chunks)
    for chunk in chunks:
        if chunk.start < sent.start or chunk.end > sent.end:
            continue
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


# Nouns that name a quantity or its change, not the thing counted: "a rise in profits", "the
# number of civil servants", "a rate of 35%". The subject is what they are "of" or "in".
ABSTRACT = {"realm", "range", "order", "region", "tune", "number", "total", "rise", "increase", "fall", "drop", "decline", "cut", "growth", "jump",
            "gain", "share", "stake", "rate", "proportion", "percentage", "figure", "level", "amount",
            "sum", "value", "worth", "majority", "minority", "average", "estimate", "count", "tally",
            "half", "third", "quarter", "fifth", "much", "many", "most", "some", "all", "none", "part",
            "fraction", "surge", "slump", "dip", "hike", "boost", "reduction", "lead", "margin", "record",
            "low", "high", "peak"}


_PLACEHOLDERS = {"realm", "range", "order", "region", "tune"}  # "in the region of 500"


def _head_noun(tok: Token) -> Token:
    """'300 Department of Health posts': the number hangs on a compound; the noun is its head."""
    while tok.dep_ == "compound" and tok.head.pos_ in {"NOUN", "PROPN"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _of_object(tok: Token, preps=("of", "in", "on", "for", "among", "at", "per")) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for g in child.children:
                if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN", "PRON"} and not g.like_num \
                        and g.ent_type_ not in {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"} \
                        and g.lemma_.lower() not in TIME_UNITS \
                        and not (child.lower_ in {"in", "at"} and g.ent_type_ in {"GPE", "LOC"}):
                    return g
                if g.dep_ == "pcomp" and child.lower_ == "of":
                    # "the number of phishing e-mail messages", parsed as a gerund and its object
                    obj = next((o for o in g.children if o.dep_ == "dobj" and o.pos_ == "NOUN"), None)
                    if obj is not None:
                        return obj
    return None


def _short(tok: Token, skip: Span | None = None, with_of: bool = True) -> str:
    text = _phrase(tok, skip)
    if with_of:
        of = _of_object(tok, ("of", "at", "in"))
        if of is not None and of.pos_ != "PRON" and not (skip is not None and skip.start <= of.i < skip.end) \
                and of.ent_type_ not in {"DATE", "TIME"} and of.lemma_.lower() not in TIME_UNITS:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.left_edge.i <= of.i <= c.right_edge.i), None)
            if prep is not None:  # the object may sit under a gerund: "the number of phishing e-mails"
                text = f"{text} {prep.text} {_phrase(of)}"
    return " ".join(text.split()[:8])


def _governing_verb(tok: Token) -> Token | None:
    head = tok
    for _ in range(5):
        if head.head.i == head.i:
            return head if head.pos_ in {"VERB", "AUX"} else None
        head = head.head
        if head.pos_ in {"VERB", "AUX"}:
            return head
    return None


PAYING = {"pay", "spend", "raise", "owe", "invest", "receive", "earn", "lose", "collect", "give", "donate", "sell", "buy",
          "repay", "refund", "award", "fine", "charge", "bill", "save", "cost", "generate", "bring"}
COPULAS = {"be", "remain", "stand", "total", "reach", "hit", "become"}
PEOPLE_MEASURES = {"casualties", "killed", "wounded", "captured", "missing", "displaced"}
HARM_LEMMAS = {w for m in PEOPLE_MEASURES for w in MEASURE_LEMMAS.get(m, ())}  # verbs that befall people


def _clip(tokens, n: int = 6) -> str:
    """The first words of a phrase, not ending on a word that needs the next ("to fund food for")."""
    words = [t for t in tokens if not t.is_punct][:n]
    while words and words[-1].pos_ in {"ADP", "DET", "CCONJ", "PART", "SCONJ", "PRON", "AUX"}:
        words.pop()
    return " ".join(t.text for t in words)


def _changed_object(num: Token) -> bool:
    """'bringing total losses to 840,000', 'taking the toll to 50': the figure is what a named
    thing was brought to, so the clause names what it counts."""
    if num.dep_ != "pobj" or num.head.lower_ != "to" or num.head.head.pos_ != "VERB":
        return False
    verb = num.head.head
    # ("the death toll rose to 14": the thing that rose to the figure is its subject)
    return any(c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"} or c.dep_ == "nsubj" and c.pos_ == "NOUN"
               and verb.lemma_.lower() in CHANGE_LEMMAS for c in verb.children)


def _spent_on(span: Span) -> Token | None:
    """'$2,306 at a theme park, over $10,000 at an electronics chain': in a list of sums, what
    each was spent on or at stands right after it, whatever the parse hung the phrase on."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in {"on", "at", "for", "to", "from", "toward", "towards"}:
        return None
    prep = doc[span.end]
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None or obj.like_num or obj.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"} \
            or (prep.lower_ == "to" and obj.ent_type_ in {"GPE", "PERSON", "ORG", "NORP"}) or obj.lemma_.lower() in TIME_UNITS:
        return None
    return obj


def _described_noun(num: Token) -> Token | None:
    """'The deficit with China, up 30.5% at $162bn': the figure sits in an adverbial that
    describes a noun; the noun is what it measures."""
    head = num
    for _ in range(3):
        if head.head.i == head.i or head.head.pos_ in {"VERB", "AUX"}:
            return None
        head = head.head
        if head.pos_ in {"NOUN", "PROPN"}:
            break
        if head.pos_ not in {"ADV", "ADP"}:
            return None
    if num.head.lower_ == "worth" and num.head.head.pos_ in {"NOUN", "PROPN"}:
        return num.head.head  # "income tax cuts worth 6.8bn rand"
    if num.head.lower_ == "on" and head.pos_ in {"NOUN", "PROPN"} and (head.ent_type_ in {"NORP", "ORG", "PERSON"}):
        return head  # "the Liberal Democrats on 19%": a party's share
    if head.pos_ != "NOUN" or head.like_num or num.head.pos_ not in {"ADV", "ADP"} or num.head.lower_ in {"of", "in", "for", "among", "on"}:
        return None
    return head


def _noun_before(verb: Token) -> Token | None:
    """The noun phrase that ends right before a verb the parser left without a subject ("the
    count broke the barrier and the number of new viruses grew": 'number' hangs on 'barrier')."""
    if verb.i == 0:
        return None
    t = verb.doc[verb.i - 1]
    if t.pos_ not in {"NOUN", "PROPN"} or t.sent.start != verb.sent.start:
        return None
    while t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in {"NOUN", "PROPN"}:
        t = t.head.head  # "the number of new viruses": the number is what grew
    return t if t.dep_ in {"conj", "appos", "dobj", "pobj", "compound"} else None


def _predicate(num: Token) -> str:
    """What the clause says of a bare figure that is its subject, as a relative clause: "92%
    said they never gave a straight answer" -> "who said they never gave a straight answer"."""
    verb = num.head
    if verb.i < num.i:
        return ""
    keep = [verb]
    for child in verb.children:
        if child.i < num.i or child.dep_ in {"conj", "cc", "advcl", "parataxis", "punct", "mark", "nsubj"}:
            continue  # "Of those asked, 62% were unaware …": what stands before is no predicate
        keep.extend(child.subtree)
    words = []
    ids = {t.i for t in keep}
    for t in verb.doc[verb.i:verb.sent.end]:
        if t.text in {",", ";", ":", "("} or (t.like_num and t.i > num.i + 1):
            break  # a list goes on to other figures: "48% use two, and a small number, 7%, …"
        if t.i in ids and not t.is_space:
            words.append(t)
    words = words[:9]
    while words and (words[-1].is_punct or words[-1].dep_ in {"mark", "cc"} or words[-1].pos_ in {"ADP", "DET", "CCONJ"}):
        words.pop()
    if not words:
        return ""
    text = " ".join(t.text for t in words)
    return ("who " + text) if words[0].tag_ in {"VBD", "VBZ", "VBP", "MD"} else text


_REACHING = {"reach", "hit", "rise", "climb", "increase", "jump", "grow", "stand", "top", "surpass", "exceed", "pass"}


def _tally_subject(num: Token) -> Token | None:
    """The tally a bare number is the new value of: "the number of damaged houses has increased,
    reaching 84,382", "the toll climbed on Monday, hitting 72" — the number says nothing of what
    it counts; the clause it ends does."""
    verb = _governing_verb(num)
    if verb is None or verb.lemma_.lower() not in _REACHING or num.dep_ not in {"dobj", "pobj", "attr"}:
        return None
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            return subj if subj.lemma_.lower() in TALLY_NOUNS else None
        if verb.dep_ not in {"advcl", "xcomp", "conj"} or verb.head.pos_ not in {"VERB", "AUX"}:
            return None
        verb = verb.head
    return None


def _subject(num: Token, noun: Token | None, q: Quantity, sent: Span, skip: Span, measure: str) -> str:
    """Who or what the figure counts, in words: the counted noun phrase, and — where that does
    not say whose — the clause's subject ("casualties (North Korean forces)", "posts (Department
    of Health)", "rate (The Clintons)")."""
    copula = num.head if num.dep_ == "nsubj" else (
        num.head.head if num.dep_ == "pobj" and num.head.lower_ in {"around", "about", "some", "nearly", "almost"}
        and num.head.dep_ == "prep" else None)  # ("around 13,200 …" parsed as a prepositional phrase)
    attr = next((c for c in copula.children if c.dep_ == "attr" and c.pos_ in {"NOUN", "ADJ"} and c.i > num.i), None) \
        if copula is not None and copula.lemma_ == "be" and (noun is None or noun.i == num.i or noun.pos_ == "PRON"
                                                              or noun.tag_ == "VBN") else None
    if attr is not None and q.unit is None:
        # "13,200 of those killed were children": the children are who is counted, among those killed
        among = _of_object(num, ("of", "among"))
        words = " ".join(t.text for t in attr.subtree if t.dep_ not in {"det", "punct", "cc", "conj"})
        return words + (f" (among {' '.join(t.text for t in among.subtree)})" if among is not None else "")
    if q.unit in MEASURED_UNITS | AREA_UNITS and num.head.i in {t.i for t in skip} and num.head.pos_ == "NOUN":
        num, noun = num.head, None  # "a capacity of 70 million tonnes": the unit word stands where the amount does
    core: Token | None = None
    if num.dep_ == "appos" and num.head.lemma_.lower() in ABSTRACT | {"quarter", "third", "fifth", "half"} \
            and num.head.dep_ in {"nsubj", "nsubjpass"} and _of_object(num.head, ("of", "among")) is None:
        num, noun = num.head, None  # "A majority, 52%, said …": the share stands where the majority stands
    if measure == "other" and q.unit in (None, "%", "fraction") and num.dep_ in {"nsubj", "nsubjpass"} \
            and (noun is None or noun.i == num.i) and num.head.pos_ in {"VERB", "AUX"} \
            and not any(_of_object(t, ("of", "among")) is not None for t in skip):
        among = next((g for c in num.head.children if c.dep_ == "prep" and c.lower_ in {"of", "among"} and c.i < num.i
                      for g in c.children if g.dep_ == "pobj"), None)
        if among is not None:  # "Of those asked, 62% were unaware": those asked
            return " ".join(t.text for t in among.subtree if not t.is_punct and t.dep_ != "det")
        said = _predicate(num)
        if said:  # "25% did not know how they would vote": those who did not know
            return f"people {said}"
    if measure in PEOPLE_MEASURES and noun is None and num.dep_ == "dobj" and num.head.pos_ == "VERB" \
            and num.head.lemma_.lower() in HARM_LEMMAS and q.unit is None:
        return f"people {PARTICIPLE[measure]}"  # "RSF kills at least 100": the killed, not the killer
    if measure in PEOPLE_MEASURES and noun is None and num.dep_ in {"nsubj", "nsubjpass"} and num.head.pos_ == "VERB" \
            and num.head.i > num.i and q.unit is None:
        return f"people {num.head.text}"  # "Dozens held over fraud site", "Hundreds killed in floods"
    if noun is not None and noun.pos_ == "PRON" and not (noun.lower_ in {"those", "these"} and any(
            c.dep_ in {"acl", "relcl", "prep"} for c in noun.children)):
        noun = _clause_subject(noun)  # "those surveyed", "those who voted" say who they are
    own = noun is not None and noun.i != num.i and noun.i in {t.i for t in num.subtree} \
        and q.unit not in MEASURED_UNITS | AREA_UNITS  # "dozens of bodies" (but "a capacity of 70 million tonnes")
    if not own and num.dep_ == "pobj" and (
            num.head.lower_ == "of" or num.head.lower_ == "for" and measure == "money") \
            and num.head.head.pos_ in {"NOUN", "PROPN"} and num.head.head.i < num.i:
        core = num.head.head  # "a rate of 35%", "funds of $5.6bn", "a deficit of $5bn"
    elif num.dep_ == "pobj" and num.head.lower_ in {"to", "from"} and num.head.head.pos_ == "NOUN" \
            and num.head.head.lemma_.lower() in ABSTRACT:
        core = num.head.head  # "a 14% rise in profits to £312m": the rise's profits
    elif num.dep_ == "appos" and num.head.pos_ == "NOUN" and not num.head.like_num and q.unit is not None \
            and num.head.ent_type_ not in {"PERSON", "GPE", "ORG"} and _spent_on(skip) is None:
        # "a majority of voters (68%)", "the bulk of the money - about 40m euros -": the figure
        # restates the noun it stands beside
        core = num.head
    elif noun is not None:
        core = _head_noun(noun)
    if core is not None and core.i == num.i:
        core = None  # "30.5%": the sign is no noun of its own
    worth = next((t for t in (num.head, num.head.head) if t.lower_ == "worth" and t.i > num.i - 6), None)
    if measure == "money" and worth is not None and worth.head.pos_ in {"NOUN", "PROPN"} and worth.head.i < worth.i:
        core = worth.head  # "income tax cuts worth 6.8bn rand": the money is the cuts' worth
    if core is not None and measure == "money" and core.lower_ in _UNIT_WORDS:
        # "tens of millions of dollars in federal taxes": dollars are the unit, taxes the thing
        core = _of_object(core, ("in", "of", "for", "on"))
    if core is None:
        # "$43m in taxes", "half of voters" — but "dozens in border city" is where they died
        preps = ("of", "on", "for", "among") if measure in PEOPLE_MEASURES else ("of", "in", "on", "for", "among")
        core = _of_object(num, preps)
        if core is not None and core.lower_ in _UNIT_WORDS:  # "thousands of dollars on purchases"
            core = _of_object(num, ("in", "on", "for", "among"))
    if core is None:  # "two-thirds of members": the "of" may hang on any word of the figure
        core = next((o for t in skip if t.i != num.i for o in [_of_object(t, ("of",))]
                     if o is not None and o.lower_ not in _UNIT_WORDS), None)
    if core is None and measure == "money":
        core = _spent_on(skip)
    if core is None and measure in {"money", "other"}:
        verb = _governing_verb(num)
        if verb is not None and verb.dep_ == "acl" and verb.tag_ in {"VBG", "VBN"} and verb.head.pos_ in {"NOUN", "PROPN"} \
                and verb.i > verb.head.i:
            core = verb.head  # "government schemes costing £885m", "a deal valued at $2bn"
    if core is None:
        core = _tally_subject(num)
    if core is None:
        core = _described_noun(num)
    if core is None and measure in {"money", "other"}:
        verb = _governing_verb(num)
        if verb is not None and verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"} \
                and any(c.lower_ in {"which", "that"} for c in verb.children):
            core = verb.head  # "legal reserves, which it previously set at $500m"
    for _ in range(3):  # "a 500% increase in the number of phishing messages"
        if core is None or not (core.lemma_.lower() in ABSTRACT or core.lower_ in ABSTRACT):
            break
        if core.lemma_.lower() in _PLACEHOLDERS and core.lower_ not in _PLACEHOLDERS:
            break  # "online orders" are things; only "the order of" stands in for a number
        if any(c.dep_ in {"compound", "amod"} and c.pos_ in {"NOUN", "PROPN"} and not c.like_num
               and c.text not in {"%", "percent"} and not (skip.start <= c.i < skip.end) for c in core.children) \
                and _of_object(core, ("of", "in", "among")) is None:
            break  # "operating earnings growth of 5%", "the jobless rate": the phrase says what
        inner = _of_object(core, ("of", "in", "among"))
        if inner is None and num.head.head.i == core.i and num.head.lower_ == "of":
            inner = num  # the figure is the "of" object itself: "a total of 53% …"
        if inner is not None and (inner.i == num.i or skip.start <= inner.i < skip.end):
            own = _of_object(num, ("of", "among"))
            if own is not None:  # "a total of 53% of those polled": those polled
                core = own
                continue
        if inner is not None and inner.pos_ != "PRON" and inner.i != num.i:
            core = inner  # "the number of civil servants", "a rise in profits"
        elif core.lower_ in _PLACEHOLDERS or inner is not None:
            core = None  # "in the realm of dozens": nothing counted is named here
        elif core.dep_ == "pobj" and core.head.lower_ in {"to", "at"} and core.head.head.pos_ == "VERB":
            # "pushing employment to a record low of 3.24 million": the low is the object's
            verb = core.head.head
            moved = next((c for c in verb.children if c.dep_ == "dobj"), None) or \
                next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if moved is not None and moved.pos_ in {"NOUN", "PROPN"}:
                core = moved
            break
        elif core.dep_ in {"dobj", "attr"} and _governing_verb(core) is not None:
            # "profits, which showed a 5.5% rise": the rise is the antecedent's
            verb = _governing_verb(core)
            subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None and subj.lower_ in {"which", "that"} and verb.dep_ == "relcl":
                subj = verb.head
            if subj is None and verb.dep_ in {"acl", "relcl"}:
                subj = verb.head  # "Reynolds showing gains of 4.5%"
            if subj is not None and subj.pos_ in {"NOUN", "PROPN"}:
                core = subj
            break
        else:
            break
    parts: list[str] = []
    if core is not None and core.i != num.i:
        parts.append(_short(core, skip))
    verb = _governing_verb(core if core is not None and core.i != num.i else num)
    context: list[str] = []
    has_aff = core is not None and any(t.ent_type_ in _AFFILIATION_ENTS for t in core.subtree if t.i <= core.i) \
        and not any(t.lower_ in {"their", "its", "his", "her"} for t in core.subtree if t.i <= core.i)
    victim = False
    if verb is not None:
        counted = [num] + ([core] if core is not None else [])
        victim = measure in PEOPLE_MEASURES and verb.lemma_.lower() in HARM_LEMMAS and \
            any(c.dep_ == "dobj" and c.left_edge.i <= t.i <= c.right_edge.i for c in verb.children for t in counted)
        if measure in MEASURE_LEMMAS and verb.lemma_.lower() in MEASURE_LEMMAS[measure] and not victim:
            parts.append(verb.text)  # "53 others wounded"
        elif measure == "money" and not parts and any(t.head.i == verb.i and t.dep_ in {"dobj", "npadvmod"} for t in skip) \
                and verb.lemma_.lower() not in COPULAS | {"have", "say"}:
            parts.append(verb.text)  # "earned $140m", "agreed to pay $850m": the money is what was paid
        money_preps = {"at", "toward", "towards"} if measure == "money" else set()
        if measure == "money" and verb.lemma_.lower() in PAYING:
            money_preps.add("in")  # "paid $43m in taxes", "raised $2m in donations"
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in {"from", "to", "by"} and verb.lemma_.lower() in CHANGE_LEMMAS:
                continue  # "fall to 3.3% from an estimate of 3.7%": the other end of the change
            if child.dep_ == "prep" and child.lower_ in {"for", "on", "from", "to", "into", "per", "over"} | money_preps \
                    and not (child.left_edge.i <= num.i <= child.right_edge.i):
                obj = _of_object(verb, (child.lower_,))
                if obj is not None and obj.pos_ != "PRON" and obj.ent_type_ not in {"GPE", "LOC", "PERSON"}:
                    context.append(_short(obj, skip, with_of=False))  # "spent $X on purchases"
                elif obj is None and measure == "money":
                    act = next((g for g in child.children if g.dep_ == "pcomp"), None)
                    if act is not None:  # "to spend 578m euros on buying out shareholders"
                        context.append(_clip(act.subtree))
            if child.dep_ in {"advcl", "xcomp"} and measure == "money" and child.i > num.i \
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
                # "agreed to pay $850m to settle the suit": what the money is for
                context.append(_clip(child.subtree))
            if child.dep_ == "prep" and child.lower_ in {"in", "across", "near", "around", "inside"} \
                    and measure in PEOPLE_MEASURES and not has_aff:
                where = next((g for g in child.children if g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC", "FAC"}), None)
                if where is not None:  # "42 people were killed in Gaza": where they were
                    ent = next(e for e in ents_of(where.doc) if e.start <= where.i < e.end)
                    context.append(ent.text)
        shared = verb
        while shared.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in shared.children):
            shared = shared.head  # "growth would reach 4.4%, but fall to 3.3%": the subject is shared
        if shared is not verb and not victim:  # "strikes killed 38 and wounded 120": the strikes did it
            subj = next((c for c in shared.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None and subj.pos_ in {"NOUN", "PROPN"} and (core is None or subj.i != core.i):
                context.append(_short(_head_noun(subj), skip))
        if verb.lemma_.lower() in CHANGE_LEMMAS and not any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in verb.children) \
                and shared is verb:
            left = _noun_before(verb)
            if left is not None and (core is None or left.i != core.i):
                context.append(_short(left, skip))  # "… and the number of new viruses grew by 50%"
        for child in verb.children:
            if child.dep_ == "nsubj" and victim:
                continue  # "Floods killed 45": the floods did it; they are not who died
            if child.dep_ == "nsubj" and verb.lemma_.lower() in STRONG_SPEECH:
                continue  # "the lender said … by only 2.8%": who speaks is not what is counted
            if child.dep_ in {"nsubj", "nsubjpass", "dobj"} and child.pos_ != "PRON" and \
                    not (child.i <= num.i <= child.right_edge.i and child.left_edge.i <= num.i) and \
                    (core is None or child.i != core.i) and child.lower_ not in {"who", "which", "that"} \
                    and not child.like_num:
                ctx = _short(_head_noun(child), skip)
                # a person who acts is no subject ("Mr Obama said"); a person's thing is
                # ("the Clintons' tax rate was 35.7 percent")
                # NER takes many company names for people; no person "rises 5%"
                person = _head_noun(child).ent_type_ == "PERSON" and verb.lemma_.lower() not in CHANGE_LEMMAS
                if ctx and not person and not (
                        child.dep_ == "nsubj" and any(t.ent_type_ == "PERSON" for t in child.subtree)
                        and verb.lemma_ not in COPULAS and verb.lemma_.lower() not in CHANGE_LEMMAS):
                    context.append(ctx)
    if core is not None and core.i != num.i and not victim and (core.lemma_.lower() in MEASURE_NOUNS or not has_aff):
        sufferer = _clause_subject(core)
        for child in core.children:  # "troops Moscow has deployed": the deployer qualifies them
            if child.dep_ == "relcl":
                for c in child.children:
                    if c.dep_ == "nsubj" and _has_affiliation(c):
                        sufferer = c
        if sufferer is not None and sufferer.i != core.i:
            context.insert(0, _phrase(sufferer))
    text = " ".join(p for p in parts if p)
    context = [c for c in dict.fromkeys(context) if c and c not in text and c.split(" ", 1)[-1] not in text
               and not (text and text in c)][:3]
    if not text and not context:
        if victim or (verb is not None and verb.lemma_.lower() in STRONG_SPEECH):
            return ""  # "Floods kill 45": who died is said elsewhere, not by the nearest name
        aff = _affiliated(sent, num.i)
        return aff or ""
    if not text:
        return "; ".join(context)
    if not context and not has_aff and core is not None and core.lemma_.lower() in MEASURE_NOUNS:
        aff = _affiliated(sent, num.i)  # "casualties … that the DPRK has suffered"
        if aff:
            context = [aff]
    if context and not has_aff:
        return f"{text} ({'; '.join(context)})"
    return text


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


def _visible_end(sent: Span) -> int:
    """Where a sentence's words end: the blanked furniture after it is whitespace the sentence
    swallowed, and a quotation of it must not show the caption that stood there."""
    words = [t for t in sent if not t.is_space]
    return words[-1].idx + len(words[-1]) if words else sent.end_char


def _clause_text(num: Token) -> str:
    """The text of the clause the figure belongs to: the subtree of its nearest governing verb,
    so "in the past week" is found for the killing, not for another clause of the sentence."""
    head = num
    for _ in range(6):
        if head.pos_ in {"VERB", "AUX"} or head.head.i == head.i:
            break
        head = head.head
    return text_of(head.doc)[head.left_edge.idx: head.right_edge.idx + len(head.right_edge)]


def borrow_subjects(figures: list[Figure], weak: set[int]) -> None:
    """A figure whose subject could not be read from its own sentence ("They have suffered
    1,000") takes the subject of the nearest earlier figure of the same measure."""
    for i in sorted(weak):
        for j in range(i - 1, -1, -1):
            if j not in weak and figures[j].measure == figures[i].measure and figures[j].subject:
                figures[i].subject = figures[j].subject
                break


CHANGE_LEMMAS = {"rise", "fall", "increase", "decrease", "grow", "jump", "drop", "cut", "trim", "raise",
                 "reduce", "lift", "climb", "slip", "slide", "soar", "plunge", "expand", "shrink", "boost",
                 "lower", "go", "move", "widen", "narrow", "swell", "double", "extend", "change", "up",
                 "down", "surge", "tumble", "decline", "recover", "rebound", "edge", "push", "hike", "slash",
                 "revise", "upgrade", "downgrade", "halve", "merge", "fell", "rose", "from", "ease", "slow",
                 "accelerate", "sink", "retreat", "dip", "slump", "bounce", "shed", "peak", "fluctuate"}
_COMPARATIVE = {"more", "less", "higher", "lower", "greater", "bigger", "larger", "smaller", "as", "likely",
                "faster", "slower", "cheaper", "dearer", "the"}


def _is_year(v) -> bool:
    return v is not None and float(v).is_integer() and 1800 <= v <= 2100


def _resolve_range(doc: Doc, q: Quantity) -> list[Quantity]:
    """A range as written may be two figures ("rose from 2,000 to 30,000", "£106m or 47.3%"),
    a span of years ("from 2007 to 2014") or a model name ("737-800")."""
    if not q.parts:
        return [q]
    (a0, a1), (b0, b1) = q.parts
    plain = all(re.fullmatch(r"\d+", text_of(doc)[x:y].strip()) for x, y in q.parts)
    if plain and _is_year(q.low) and _is_year(q.high):
        return []
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    prev = doc[span.start - 1] if span is not None and span.start > 0 else None
    if q.joiner == "-" and plain and prev is not None and prev.is_title and prev.pos_ == "PROPN":
        return []  # "Boeing 737-800"
    model = re.fullmatch(r"(\d{3})-\d00", q.text.strip())
    if q.joiner == "-" and model and int(model.group(1)) % 10:
        return []  # "the 737-800": a model and its series, not a range (ranges start round)
    before = [t.lemma_.lower() for t in doc[max(0, span.start - 3):span.start]] if span is not None else []
    before += [t.lower_ for t in doc[max(0, span.start - 3):span.start]] if span is not None else []
    change = q.joiner in {"from", "to", "-"} and any(w in CHANGE_LEMMAS for w in before)
    approx = plain and q.low is not None and q.high is not None and q.low < q.high <= 10 * q.low
    texts = [text_of(doc)[x:y].strip() for x, y in q.parts]
    one_year = plain and sum(bool(re.fullmatch(r"(1[89]|20)\d\d", t)) for t in texts) == 1
    values = [v for x, y in q.parts for v in [parse_amount(text_of(doc)[x:y])[0]]]
    # "lead by 39% to 34%": a score, high to low; a range is written low to high
    score = q.joiner == "to" and None not in values and values[0] > values[1]
    if q.joiner == "or" and not q.words_only and not approx or change or one_year or score:  # "45 in 2003 to 102"  # "30 or 40 members" is one guess
        out = []
        b1 = max(b1, q.end) if q.unit == "%" else b1  # "£106m or 47.3%": the sign goes with the second
        for x, y in ((a0, a1), (b0, b1)):
            for part in find_quantities(text_of(doc)[x:y]):
                part.start += x
                part.end += x
                if q.unit == "%" and part.unit is None and (x, y) == (b0, b1):
                    part.unit = "%"
                out.append(part)
                break
        return out
    return [q]


def _learned_measure(rule: str, features: dict) -> str:
    """The shipped measure model's answer where it is in use: only for the rules' answers that
    it overruled for the better leave-one-event-out (the trainer lists them); money stays with
    the rules, which read it from the currency."""
    model = learned.load("measure")
    if model is None or not model.use or rule == "money" or rule not in model.spec.get("overrides", ()):
        return rule
    best, p = model.predict(features)
    if p < model.spec.get("min_confidence", 0.0):
        return rule  # the trainer's threshold, chosen left out event by event
    return rule if best == "money" else best  # a sum needs a currency, which only the rules read


def _learned_subject(cands: list[tuple[str, dict]]) -> str:
    """The shipped subject model's choice among the candidate phrases where it is in use (it won
    leave-one-event-out); else the rules' subject, which is always the first candidate."""
    model = learned.load("subject")
    if model is None or not model.use or len(cands) == 1:
        return cands[0][0]
    best = max(range(len(cands)), key=lambda i: (model.scores(cands[i][1])["yes"], -i))
    return cands[best][0]


def extract_figures(doc: Doc, collect: bool = False) -> list[Figure]:
    """Every figure in an annotated document, in text order. `collect` keeps in each figure's
    evidence the candidates a learned subject would choose from (for training; the pipeline
    computes them only when a subject model is in use)."""
    figures: list[Figure] = []
    spans: dict[int, Figure] = {}  # token index -> the figure it belongs to
    weak: set[int] = set()
    last_noun: Token | None = None
    found = []
    for q in find_quantities(text_of(doc)):
        found += _resolve_range(doc, q)
    for q in found:
        if q.times and not re.match(r"\s+(" + "|".join(_COMPARATIVE) + r")\b", text_of(doc)[q.end:q.end + 12]):
            continue  # "three times" is a frequency; "1.9 times more likely" is a ratio
        span = _tokens(doc, q)
        if span is None or len(span) == 0:
            continue
        if is_not_a_figure(doc, q, span):
            continue
        num = _number_token(span)
        if q.unit == "fraction" and re.search(r"\s(?:in|out of)\s", q.text):
            # "One in four said …": the ratio stands in the clause where its first number stands
            num = next((t for t in span if t.like_num), num)
        sent = num.sent
        noun = counted_noun(num)
        if q.unit == "fraction" and span.end < len(doc) and doc[span.end].pos_ == "NOUN" \
                and any(t.head.i == span.end for t in span):
            noun = doc[span.end]  # "a 1 in 3 chance": the ratio is the chance's
        if noun is not None and (noun.lemma_.lower() in TIME_UNITS or noun.lower_.rstrip("s") in TIME_UNITS) and q.unit is None:
            continue
        governing = _governing_lemmas(num, noun)
        named = None if q.unit else _named_count(num)
        rule = named or _measure(num, noun, q, sent, governing)
        features = learned.measure_features(num, noun, q, sent, rule, governing)
        # what the structure settles (a named toll, an amount of no people, the doers of a harm)
        # the model does not overrule
        certain = named or _counts_no_one(num, noun, q) or _did_the_harm(num, noun)
        measure = rule if certain else _learned_measure(rule, features)
        fig = Figure(
            start=q.start, end=q.end, text=q.text, low=q.low, high=q.high, unit=q.unit,
            measure=measure,
            subject=_magnitude_subject(num) if _magnitude(num, q) else _subject(num, noun, q, sent, span, measure),
            sentence_start=sent.start_char, sentence_end=_visible_end(sent),
            evidence={"measure_rule": rule, "measure_features": features, "num": num.i,
                      "noun": noun.i if noun is not None else None},
        )
        fig.hedges = hedges(sent.text, q)
        nxt_sent = doc[sent.end].sent if sent.end < len(doc) else None
        if nxt_sent is not None and "\n" not in text_of(doc)[sent.end_char:nxt_sent.start_char] and \
                len(nxt_sent) <= 20 and "not independently verified" in hedges(nxt_sent.text, q):
            fig.hedges.append("not independently verified")  # "The figures could not be verified."
        fig.period = period(_clause_text(num))
        if noun is None and not named and not _brought_out(num) and figures and figures[-1].sentence_start == fig.sentence_start and \
                figures[-1].unit == fig.unit and last_noun is not None and q.unit is None:
            # "30,000 jobs are to go, 560 will be lost at …": the list leaves the noun out — unless
            # the figure's own clause names what it counts ("bringing total losses to 840,000")
            own = fig.subject
            if not (own and _changed_object(num) and own not in {e.text for e in ents_of(doc)}):
                fig.subject = _subject(num, last_noun, q, sent, span, measure)
                if fig.measure == "other" or _measure_of(_governing_lemmas(num, None)) is None:
                    # "80,000 affected, and some 1,200 are sheltering": what befell the list's noun,
                    # not a measure word found further off
                    fig.measure = figures[-1].measure
        subset = re.search(r"\b(?:including|among them|of whom|of which)\s+$", text_of(doc)[max(0, q.start - 16):q.start])
        if subset is None:  # "38 civilians, including 11 children, and 120 wounded": the list is of civilians
            last_noun = noun if noun is not None else (last_noun if figures and figures[-1].sentence_start == fig.sentence_start else None)
        if fig.measure != "money" and (noun is None or noun.pos_ == "PRON") and not fig.subject:
            weak.add(len(figures))
        bare = noun is None or noun.i == num.i or noun.lower_ in _UNIT_WORDS
        head_fig = spans.get(num.head.i) if num.dep_ in {"conj", "appos"} else None
        if bare and head_fig is not None and head_fig.unit == fig.unit and head_fig.subject \
                and not _of_object(num, ("of", "in", "among")) and _spent_on(span) is None:
            # "slipping to 1.8% this year and 1.9% in 2005": a figure joined to another in a list
            # counts what that one counts
            fig.subject, fig.measure = head_fig.subject, head_fig.measure
        for t in span:
            spans[t.i] = fig
        figures.append(fig)
    borrow_subjects(figures, weak)
    currencies = Counter(f.unit for f in figures if f.measure == "money" and f.unit)
    for f in figures:
        if f.measure == "money" and f.unit is None and currencies:
            f.unit = currencies.most_common(1)[0][0]  # "would cost billions": in the article's currency
    _local_currency(doc, figures)
    _parallel_places(doc, figures)
    _parts_of_wholes(doc, figures)
    _comparisons(text_of(doc), figures)
    _the_figure(figures)
    _fill_from_article(doc, figures)
    _conversions(text_of(doc), figures)
    subject_model = learned.load("subject")
    choose_subject = collect or subject_model is not None and subject_model.use
    nums = {f.evidence["num"] for f in figures if f.evidence}
    # the story's country: the first country the headline or the lede names
    # (a headline's country is often tagged an organisation: "Floods kill dozens in Malawi")
    lead_place = next((e.text.strip() for e in ents_of(doc) if e.label_ in {"GPE", "ORG", "LOC"} and e.start_char < 400
                       and _is_country(e.text.strip())), None)
    for f in figures:
        if f.evidence:
            num, noun_i = doc[f.evidence["num"]], f.evidence["noun"]
            noun = doc[noun_i] if noun_i is not None else None
            found = parts(num, noun) if part_applies(f.measure, num, noun) else []
            if f.measure in PART_MEASURES or found:
                found += [c for c in conditions(num, noun, nums) if not any(c in q for q in found)]
            if f.measure != "money":
                # a day or a year bounds a toll ("killed on Tuesday"); a rate's year is its forecast's own business
                places = clause_places(num, nums, with_time=f.measure in PART_MEASURES)
                found += [p for p in places if not any(p in q or q in p for q in found)]
                if f.measure in PART_MEASURES and lead_place and not places and not sentence_places(num.sent):
                    found.append(lead_place)
            else:
                places = []

            context = clause_context(num, nums)
            if f.measure in PART_MEASURES and not places:
                # "After a quake rocked Myanmar, … said 730 sustained injuries": a toll whose own clause
                # names no place is told of the places its sentence names — said in its description,
                # not made a part (the sentence's places may be another figure's or the event's)
                elsewhere = [p for p in sentence_place_list(num.sent) if not any(p in q or q in p for q in found)
                             and p not in context]
                if elsewhere:
                    context = tell_places(context, elsewhere)

            def finish(subject: str, f=f, found=found, context=context) -> str:
                if f.measure in PARTICIPLE and f.measure != "deployed":
                    subject = with_harm(subject, PARTICIPLE[f.measure], f.measure)
                subject = with_parts(subject, found) if found else subject
                return with_context(subject, context)

            f.subject = finish(f.subject)
            if f.measure != "money" and choose_subject:
                cands = [(f.subject, learned.subject_candidate_features(num, num, f.measure, True, f.subject))]
                for chunk in num.sent.noun_chunks:
                    words = [t for t in chunk if t.i != num.i and not t.like_num and t.dep_ not in {"det", "poss"}
                             and not t.is_punct]
                    if not words or chunk.root.pos_ == "PRON" or len(cands) > 12:
                        continue
                    text = " ".join(t.text for t in words)
                    cands.append((finish(text), learned.subject_candidate_features(chunk.root, num, f.measure, False, text)))
                f.evidence["subject_candidates"] = cands
                f.subject = _learned_subject(cands)
    for f in figures:
        if f.evidence and "same_as" in f.evidence:
            f.subject = figures[f.evidence["same_as"]].subject
    pair_places(doc, figures, PARTICIPLE)
    return figures


@functools.lru_cache(maxsize=4096)
def _is_country(name: str) -> bool:
    """A country's name or code as ISO 3166 (pycountry) knows it: "Myanmar", "Turkey", "Haiti"."""
    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


def _local_currency(doc: Doc, figures: list[Figure]) -> None:
    """"30,000 dirhams" in a story about Morocco are Moroccan dirhams, "Rs1 million" in Pakistan
    Pakistani rupees: a currency name several countries use is the named country's."""
    text = text_of(doc).lower()
    for f in figures:
        local = SHARED_CURRENCIES.get(f.unit or "")
        if f.measure != "money" or not local or f.unit in f.text:
            continue  # (an ISO code written out is meant as written)
        hits = Counter({code: sum(len(re.findall(r"\b" + re.escape(k) + r"\b", text)) for k, v in local.items() if v == code)
                        for code in set(local.values())})
        code, n = hits.most_common(1)[0] if hits else (None, 0)
        if n:
            f.unit = code


_POSSESSIVE_PLACE = re.compile(r"^(?:[A-Z][\w.-]*\s)*[A-Z][\w.-]*\s?['’]s\s")


def _parts_of_wholes(doc: Doc, figures: list[Figure]) -> None:
    """'The 90 dead include 70 villagers', 'They include 40 passengers': a bare count of people
    listed as part of a counted whole takes the whole's measure (wholes.whole_of)."""
    for i, f in enumerate(figures):
        if f.measure != "other" or f.unit is not None or not f.evidence:
            continue
        noun_i = f.evidence.get("noun")
        whole = whole_of(doc[f.evidence["num"]], doc[noun_i] if noun_i is not None else None)
        if whole is None:
            continue
        if refers_back(whole):
            earlier = [g for g in figures[:i] if g.sentence_start < f.sentence_start]
            last = [g for g in earlier if g.sentence_start == earlier[-1].sentence_start] if earlier else []
            found = next((g.measure for g in reversed(last) if g.measure in PEOPLE_MEASURES), None)
        else:
            counted = [g for g in figures if g.evidence and doc[g.evidence["num"]].head.i == whole.i]
            lo, hi = whole.left_edge.idx, whole.right_edge.idx + len(whole.right_edge)
            found = next((g.measure for g in counted or figures if g is not f and lo <= g.start < hi
                          and g.measure in PEOPLE_MEASURES), None)
            found = found or _measure_of([lemma(whole)] + [lemma(c) for c in whole.children
                                                           if c.dep_ in {"amod", "compound"}])
        if found in PEOPLE_MEASURES:
            f.measure = found


def _parallel_places(doc: Doc, figures: list[Figure]) -> None:
    """'the jobless rate rose to 4.7%, against 12.1% in Germany and 10.4% in Spain': a figure of
    a list whose own words give only a place counts what the list's first figure counts, there."""
    ents = [e for e in ents_of(doc) if e.label_ in {"GPE", "LOC"}]
    places = {e.text for e in ents}
    text = text_of(doc)
    for i, f in enumerate(figures):
        if f.subject not in places:
            continue
        # the place written right after the figure is its own, whatever the nearest name is
        where = re.match(r"\s+(?:in|at)\s+(?:the\s+)?", text[f.end:f.end + 20])
        if where is not None:
            own_place = next((e.text for e in ents if e.start_char == f.end + where.end()), None)
            f.subject = own_place or f.subject
        for prev in reversed(figures[:i]):
            if prev.sentence_start != f.sentence_start:
                break
            if prev.unit == f.unit and prev.subject and prev.subject not in places:
                own = _POSSESSIVE_PLACE.sub("", prev.subject.split(" (")[0]) or prev.subject
                f.subject = f"{own} ({f.subject})"
                break


_COMPARED = re.compile(r"(?:compared (?:with|to)|against|versus|vs\.?|up from|down from|from|than)\s+(?:just |only |a |an )?$", re.I)


def _comparisons(text: str, figures: list[Figure]) -> None:
    """'a profit of £75m, compared with £125m a year earlier': the figure a sentence compares
    with counts what the figure it is compared to counts."""
    for i in range(1, len(figures)):
        prev, f = figures[i - 1], figures[i]
        if prev.sentence_start != f.sentence_start:
            continue
        between = text[prev.end:f.start]
        if len(between) > 40 or not _COMPARED.search(between):
            continue
        if re.search(r"\bfrom\s*$", between, re.I) and not re.search(r"\b(up|down)\s+from\s*$", between, re.I):
            continue  # "rose from 2,000 to 30,000" is read as a change already
        # "£75m ($141m) compared with £125m": the amount in the same currency is the one compared
        same = next((g for g in reversed(figures[:i]) if g.sentence_start == f.sentence_start and g.unit == f.unit), None)
        if same is not None and same.subject:
            f.subject = same.subject


_ANAPHORIC = {"figure", "number", "total", "rate", "proportion", "share", "level", "percentage", "tally", "count"}


def _the_figure(figures: list[Figure]) -> None:
    """'5% of the workforce is from ethnic minorities; in London the figure rises to 24%': "the
    figure", "the rate", "the number" alone point back to what the figure before counts."""
    for i, f in enumerate(figures):
        if i == 0 or f.subject.lower() not in _ANAPHORIC:
            continue
        prev = figures[i - 1]
        if prev.subject and prev.subject.lower() not in _ANAPHORIC and (prev.unit == f.unit) \
                and f.sentence_start - prev.sentence_end < 400:
            f.subject = prev.subject


def _conversions(text: str, figures: list[Figure]) -> None:
    """'$1.13bn (£600m)', 'three-quarters of respondents (73%)', '27 million, or 50%,': the same
    quantity said again another way counts what the first saying counts."""
    for k, (prev, f) in enumerate(zip(figures, figures[1:])):
        between = text[prev.end:f.start]
        if prev.measure == f.measure == "money" and re.fullmatch(r"\s*[(\[]\s*", between) or \
                prev.unit != f.unit and f.unit in {"%", "fraction"} and \
                re.fullmatch(r"\s*(?:of\s+[\w' -]{1,40}?\s*)?(?:[(\[]|,?\s*or)\s*", between):
            f.subject = prev.subject or f.subject
            f.evidence["same_as"] = k  # its subject stays the first saying's, words and all


def _fill_from_article(doc: Doc, figures: list[Figure]) -> None:
    """Last resort for a figure whose sentence names nothing counted ("certainly in the realm of
    dozens"): the article's most frequent subject for that measure, else the party of the first
    sentence that speaks of that measure (a headline: "X suffered losses"), else the article's
    most frequent subject of people."""
    for i, f in enumerate(figures):
        if f.subject:
            continue
        if f.measure in {"other", "money"}:
            # "… and 61% that he had been right to resign": a share the sentence leaves bare
            # answers the same question as the share just before it in the paragraph
            near = next((g for g in reversed(figures[:i]) if g.subject and g.unit == f.unit
                         and f.sentence_start - g.sentence_end < 300
                         and "\n" not in text_of(doc)[g.sentence_end:f.sentence_start]), None)
            if near is not None:
                f.subject = near.subject
                continue
        same = [g.subject for g in figures if g.subject and g.measure == f.measure]
        if not same and f.measure in MEASURE_LEMMAS:
            for sent in doc.sents:
                if sent.start_char >= f.start:
                    break
                word = next((t for t in sent if t.lemma_.lower() in MEASURE_LEMMAS[f.measure]), None)
                if word is not None:
                    sufferer = _clause_subject(word)  # "N. Korea suffered losses": who suffered
                    aff = _phrase(sufferer) if sufferer is not None else _affiliated(sent, word.i)
                    if aff:
                        same = [aff]
                        break
        same = same or \
            [g.subject for g in figures if g.subject and g.measure not in {"money", "other"} and f.measure not in {"money", "other"}]
        if same:
            f.subject = Counter(same).most_common(1)[0][0]  # ties: the earliest, whatever the hash seed
