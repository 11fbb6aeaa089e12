"""When a claim was made: date words attached to the speech verb, resolved against publication.

Rules (docs/export-format.md): a weekday is the most recent such day on or before publication
(the same day when they coincide; "last Friday" is strictly before); "yesterday" and "last
night" are the day before; "today", "this morning" the day itself; a day of a month without a
year takes the year that puts it on or before publication. "Last week" dates a period, not a
statement, and is not taken.

Written by hand: dateparser and htmldate resolve a date string, but neither knows which date in
a sentence belongs to the speech verb, nor the on-or-before-publication convention for weekdays.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..nlp import text_of
from .lexicon import COUNT_VERBS, MONTHS, SPEECH_LEMMAS, WEEKDAYS, source_preposition

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_RE = re.compile(
    rf"\b(?:(?P<last>last|this past|past)\s+)?(?P<weekday>{'|'.join(WEEKDAYS)})\b"
    rf"|\b(?P<daybefore>the day before yesterday)\b"
    rf"|\b(?P<yesterday>yesterday|the day before)\b"
    rf"|\b(?P<lastnight>last night|overnight)\b"
    rf"|\b(?P<today>today|this morning|this afternoon|this evening|tonight|earlier today)\b"
    rf"|\b(?P<md_month>{_MONTH})\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_year>\d{{4}}))?"
    rf"|\b(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>{_MONTH})\b(?:,?\s+(?P<dm_year>\d{{4}}))?"
    rf"|\b(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\b"
    # a month or a year with no day: the statement is dated too loosely to give a day
    rf"|\b(?P<vague>(?:in|during)\s+(?:early\s+|late\s+|mid-?)?(?:{_MONTH}|(?:19|20)\d\d)(?:\s+(?:19|20)\d\d)?"
    rf"|last\s+(?:year|month|week|weekend|spring|summer|autumn|fall|winter)|(?:earlier\s+)?this\s+(?:year|month|week)"
    rf"|(?:over|at|during)\s+the\s+weekend"
    rf"|earlier\s+this\s+(?:year|month|week))\b",
    re.I,
)


@dataclass
class DateCue:
    start: int
    end: int
    text: str
    date: dt.date | None


def resolve(m: re.Match, published: dt.date | None) -> dt.date | None:
    if m.group("vague"):
        return None
    if m.group("iso"):
        try:
            return dt.date.fromisoformat(m.group("iso"))
        except ValueError:
            return None
    if published is None:
        # an explicit full date needs no anchor; everything else does
        year = m.group("md_year") or m.group("dm_year")
        if year:
            month = MONTHS[(m.group("md_month") or m.group("dm_month")).lower().rstrip(".")]
            day = int(m.group("md_day") or m.group("dm_day"))
            try:
                return dt.date(int(year), month, day)
            except ValueError:
                return None
        return None
    if m.group("weekday"):
        want = WEEKDAYS.index(m.group("weekday").lower())
        back = (published.weekday() - want) % 7
        if m.group("last") and back == 0:
            back = 7
        return published - dt.timedelta(days=back)
    if m.group("daybefore"):
        return published - dt.timedelta(days=2)
    if m.group("yesterday") or m.group("lastnight"):
        return published - dt.timedelta(days=1)
    if m.group("today"):
        return published
    month_s = m.group("md_month") or m.group("dm_month")
    if month_s:
        month = MONTHS[month_s.lower().rstrip(".")]
        day = int(m.group("md_day") or m.group("dm_day"))
        year = m.group("md_year") or m.group("dm_year")
        try:
            if year:
                return dt.date(int(year), month, day)
            d = dt.date(published.year, month, day)
            return d if d <= published else dt.date(published.year - 1, month, day)
        except ValueError:
            return None
    return None


def find_dates(text: str, published: dt.date | None, lo: int = 0, hi: int | None = None) -> list[DateCue]:
    out = []
    for m in DATE_RE.finditer(text, lo, len(text) if hi is None else hi):
        out.append(DateCue(m.start(), m.end(), m.group(0), resolve(m, published)))
    return out


_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "parataxis", "conj", "relcl", "acl", "advcl", "pcomp"}


def _attached(tok: Token, verb: Token) -> bool:
    """Does a date token modify the speech verb itself, not the reported clause? "Speaking on
    Sunday, X said" dates the statement too."""
    node = tok
    for _ in range(10):
        if node.head.i == node.i:
            return False
        if node.head.i == verb.i:
            return node.dep_ not in _CONTENT_DEPS or (
                node.dep_ == "advcl" and node.lemma_.lower() in SPEECH_LEMMAS | {"speak", "talk", "write"})
        node = node.head
    return False


# Words before a day that make it the edge of a period ("since Friday"), not a date of saying.
_PERIOD_OPENERS = {"since", "until", "till", "by", "from", "before", "after", "through"}


def _opens_period(text: str, sent_start: int, d: DateCue, openers=frozenset(_PERIOD_OPENERS)) -> bool:
    """Is the day the edge of a period ("since Friday"), read from the word before it in its sentence?"""
    before = text[max(sent_start, d.start - 12):d.start].lower().split()
    return bool(before) and before[-1] in openers
# "Friday's attack": the day of another event.
_POSSESSIVE = re.compile(r"['’]s\b")


def date_of_cue(cue: Token, published: dt.date | None) -> DateCue | None:
    sent: Span = cue.sent
    doc = cue.doc
    best = None
    for d in find_dates(text_of(doc), published, sent.start_char, sent.end_char):
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        if any(t.ent_type_ in {"ORG", "WORK_OF_ART", "EVENT", "FAC"} for t in span):
            continue  # "The Mail on Sunday", "Good Friday": a name, not a day
        if _opens_period(text_of(doc), sent.start_char, d):
            continue  # "since Friday" bounds a period, it does not date a statement
        if _POSSESSIVE.match(text_of(doc), d.end):
            continue  # "said Friday's attack": the attack's day, not the statement's
        if _event_day(doc, d):
            continue  # "confirmed 58 deaths in the floods that occurred on Monday": the floods' day
        sources = [c for c in cue.children if source_preposition(c) is not None]
        if sources and not d.start - sent.start_char < 12:
            if any(t.i in {s.i for src in sources for s in src.subtree} for t in span):
                # "according to government figures relayed late Saturday", "… according to the
                # agency Jan 9": a day told of the source is the day it spoke
                if best is None or abs(d.start - cue.idx) < abs(best.start - cue.idx):
                    best = d
            continue  # "…, according to X": the verb is the reported event's, its dates are too
        lead = text_of(doc)[sent.start_char:d.start].strip().lower()
        between = text_of(doc)[cue.idx + len(cue):d.start]
        if d.start > cue.idx and re.fullmatch(r"\s+(?:(?:reporters|journalists|parliament|lawmakers|(?!(?:the|a|an|its|their|his|her|this|that|last)\b)\w+)\s+)?(?:on\s+)?", between, re.I):
            # (but "said the Sunday morning strike killed 34": the day of what the statement is about)
            # "said on Saturday its forces had …": right after the verb, whatever the parse says
            if best is None or abs(d.start - cue.idx) < abs(best.start - cue.idx):
                best = d
            continue
        # "On Monday, X said …": a sentence-initial date frames the whole statement — unless the
        # reported clause comes first and holds it ("In 2008, he used the money …, the papers
        # said": the attribution trails the content, and the date is the content's)
        in_content = any(c.dep_ in _CONTENT_DEPS and c.i < cue.i and any(t in set(c.subtree) for t in span)
                         for c in cue.children)
        if any(_attached(t, cue) for t in span) or (
                lead in {"", "on", "earlier", "late", "early", "later", "and on"} and not in_content):
            if best is None or abs(d.start - cue.idx) < abs(best.start - cue.idx):
                best = d
    if best is None:
        # "his lawyer said then", "said at the time": an earlier occasion the article leaves undated
        for c in cue.children:
            at_time = c.dep_ == "prep" and c.lower_ == "at" and any(g.lower_ == "time" for g in c.children)
            if (c.lower_ == "then" and c.i == cue.i + 1) or at_time:
                end = c.right_edge.idx + len(c.right_edge)
                return DateCue(c.idx, end, text_of(doc)[c.idx:end], None)
    return best


# Verbs of the event itself: "a collision that occurred on Tuesday evening" dates the crash, not
# anyone's statement about it.
EVENT_VERBS = {"occur", "happen", "strike", "erupt", "collapse", "crash", "collide", "explode", "unfold",
               "break", "begin", "start", "hit"}


# Conjunctions that open a clause telling what happened before or around the count: "88 were
# confirmed dead after floods submerged the town on Thursday" dates the floods.
EVENT_CLAUSE_MARKS = {"after", "when", "before", "as"}


def _event_day(doc, d: DateCue) -> bool:
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    verb = next((a for a in span.root.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.dep_ not in {"relcl", "acl", "advcl"}:
        return False
    return verb.lemma_.lower() in EVENT_VERBS or verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in EVENT_CLAUSE_MARKS for c in verb.children)


def day_of_report(cue: Token, published: dt.date | None) -> DateCue | None:
    """The day a trailing attribution's content gives ("20 were killed on Wednesday, officials
    said"): wire copy reports a toll on the day it is counted, so a statement with no day of its
    own takes the one day its sentence names — when it names exactly one, not in a period."""
    sent: Span = cue.sent
    text = text_of(cue.doc)
    days = []
    for d in find_dates(text, published, sent.start_char, sent.end_char):
        if d.date is None or _opens_period(text, sent.start_char, d, _PERIOD_OPENERS | {"between"}):
            continue
        if _POSSESSIVE.match(text, d.end) or re.match(r"\s+[a-zA-Z]", text[d.end:d.end + 2]) and \
                not re.match(r"\s+(?:and|or|at|in|after|when|while|as|but|morning|afternoon|evening|night)\b",
                             text[d.end:d.end + 12], re.I):
            continue  # "Tuesday's explosions", "the October 7 massacre": the day of another event
        if published is not None and (published - d.date).days > 7:
            continue  # a toll is reported within days of its count, not months
        if _event_day(cue.doc, d):
            continue  # "in a collision that occurred on Tuesday evening": the event's day
        days.append(d)
    if len({d.date for d in days}) != 1 or days[0].start > cue.idx:
        return None
    return days[0]




# Passive reports of a count: "105 people were reported missing on Sunday" were counted that day.
REPORTING_VERBS = {"report", "confirm", "announce", "declare", "list", "record", "register"}
# Verbs that hand a count over: "an official count of 41 provided Tuesday by Amman" was given that day.
GIVING_VERBS = {"provide", "give", "issue", "release", "publish", "put"}


def _on_verb(root: Token, verb: Token) -> bool:
    """A day put on the verb itself ("rose to 34 on Sunday", "Sunday, the toll reached …"), not on
    a noun of the clause ("the toll from the city's December 14 strike has risen": the strike's day)."""
    node = root
    # "were reported missing on Sunday": the day may hang on the verb's complement
    verbs = {verb.i} | {c.i for c in verb.children if c.dep_ in {"oprd", "xcomp", "acomp"}}
    for _ in range(4):
        if node.head.i in verbs:
            return node.dep_ in {"prep", "npadvmod", "advmod", "obl", "nmod:tmod"} or node.ent_type_ in {"DATE", "TIME"} \
                and node.dep_ not in {"nsubj", "nsubjpass", "dobj"}
        if node.head.i == node.i or node.head.pos_ != "ADP" and node.dep_ != "pobj":
            return False
        node = node.head
    return False


def day_of_count(tok: Token, published: dt.date | None) -> DateCue | None:
    """The day a count was given at: "the death toll reached 93 on Saturday" was 93 that day, and
    that is when whoever counted it said so. Only a day put on the verb that moves the count,
    and only within the week before publication (a toll is reported as it is counted)."""
    path = []
    for a in [tok, *tok.ancestors]:
        if a.pos_ in {"VERB", "AUX"}:
            break
        path.append(a)
    else:
        return None
    verb = a
    text = text_of(tok.doc)
    for noun in path:
        # "up from 303 reported on Saturday": a count with a day of its own, given by the
        # participle that reports it
        for c in noun.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in REPORTING_VERBS | GIVING_VERBS:
                for d in find_dates(text, published, c.idx, c.right_edge.idx + len(c.right_edge)):
                    if d.date is not None and (published is None or 0 <= (published - d.date).days <= 7):
                        return d
    reported = verb.lemma_.lower() in REPORTING_VERBS and verb.tag_ == "VBN" and any(t.dep_ == "nsubjpass" for t in path)
    if not reported and (verb.lemma_.lower() not in COUNT_VERBS or any(t.dep_ in {"nsubj", "nsubjpass"} for t in path)):
        return None  # "the 6.8 quake hit on Friday": the figure is in what moved, not what it moved to
    for d in find_dates(text, published, verb.sent.start_char, verb.sent.end_char):
        span = tok.doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None or d.date is None or not _on_verb(span.root, verb):
            continue
        if _opens_period(text, verb.sent.start_char, d):
            continue
        if published is not None and not 0 <= (published - d.date).days <= 7:
            continue
        return d
    return None


# Words that stamp a count with the day it stood at: "nine incidents as of yesterday", "till
# August 4, rescuers had recovered 220 bodies".
_AS_OF = re.compile(r"(?:\bas\s+of|\btill)\s+(?:(?:late|early)\s+)?(?:on\s+)?$", re.I)


def day_as_of(tok: Token, published: dt.date | None) -> DateCue | None:
    """The day a sentence says its counts stood at ("as of Tuesday", "till August 4"): the count
    is what was known that day, and that is when it was given. Only where the sentence names
    exactly one such day, in the week before publication (a count is reported as it stands;
    "as of April 30" in a report released weeks later dates the data, not the statement)."""
    sent = tok.sent
    text = text_of(tok.doc)
    days = [d for d in find_dates(text, published, sent.start_char, sent.end_char)
            if d.date is not None and _AS_OF.search(text[max(sent.start_char, d.start - 20):d.start])
            and (published is None or 0 <= (published - d.date).days <= 7)]
    return days[0] if len({d.date for d in days}) == 1 else None
