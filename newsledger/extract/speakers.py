"""Reported speech: who the article says each stretch of text comes from.

An attribution is found from the parse, not from keyword proximity: a speech verb
("said", "told", "claimed", "estimated") with its subject, "according to X", "X was quoted by
Y as saying", a quotation whose speaker stands in the sentence before or after it, and the
"Name, role: “…”" layout. "He", "she", "the official", "the ministry" are carried back to the
speaker the article introduced earlier.
"""
from __future__ import annotations

import dataclasses

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..nlp import ents_of, text_of
from ..model import Attribution
from . import carry, learned
from .numbers import CURRENCY_WORDS
from .lexicon import (BUSINESS_TYPES, HAPPENINGS, MEASURE_NOUNS, ORG_NAME_WORDS, ORG_TYPES, PERSON_TITLES, ROLE_NOUNS,
                      SPEECH_LEMMAS, STRONG_SPEECH, TALLY_NOUNS, ASKING_NOUNS, is_quantity, source_preposition)

_PRONOUNS = {"he": "PERSON", "she": "PERSON", "they": "ANY", "it": "ORG", "we": "ANY", "i": "PERSON",
             "him": "PERSON", "her": "PERSON", "them": "ANY"}  # "according to him"
_INANIMATE = {"list", "letter", "settlement", "deal", "agreement", "plan", "move", "decision",
              "result", "results", "paper", "article", "website", "book", "ruling", "forecast",
              "report", "survey", "study", "poll", "figure", "data", "statistic", "statistics", "information",
              "research", "analysis", "estimate", "census", "document", "record", "filing",
              "indictment", "return", "number", "count", "tally", "toll", "assessment", "review",
              "audit", "release", "statement", "index", "table", "chart", "model", "projection",
              "complaint", "affidavit", "lawsuit", "announcement", "communique", "bulletin", "update", "appeal",
              "briefing", "investigation", "inquiry", "probe", "finding"}
_ANON_HEADS = {"official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson",
               "officer", "officers", "diplomat", "diplomats", "analyst", "analysts", "expert",
               "experts", "minister", "ministry", "department", "agency", "government",
               "governments", "authorities", "authority", "police", "military", "army", "command",
               "company", "firm", "group", "bank", "committee", "commission", "union", "office",
               "service", "administration", "regulator", "prosecutor", "prosecutors", "investigator",
               "investigators", "lawyer", "lawyers", "attorney", "economist", "economists", "critic",
               "critics", "observer", "observers", "campaigner", "campaigners", "leader", "leaders",
               "executive", "chief", "director", "president", "council", "board", "court", "judge",
               "organisation", "organization", "institute", "association", "watchdog", "monitor",
               "person", "people", "aide", "aides", "adviser", "advisers", "advisor", "advisors",
               # the people crisis coverage hears from
               "staff", "doctors", "medic", "medics", "witness", "witnesses", "rescuer", "rescuers",
               "resident", "residents", "survivor", "survivors", "activist", "activists", "journalist", "journalists"}
# Public bodies that own the figures they put out under their common name ("government figures",
# "police data"): no other sentence need name them.
_PUBLIC_OWNERS = {"government", "police", "military", "army", "ministry", "authority", "authorities",
                  "administration", "official", "officials", "media", "hospital"}
# Verbs that present the findings of an inquiry or a count: "the committee found", "the study shows".
_FINDING_VERBS = {"find", "conclude", "show", "reveal", "estimate", "calculate", "forecast", "predict"}
# Head nouns of an unnamed single person: "the spokesman", "a senior official" can be "he".
_PERSON_HEADS = {"official", "source", "spokesman", "spokeswoman", "spokesperson", "officer", "diplomat",
                 "analyst", "expert", "minister", "prosecutor", "investigator", "lawyer", "attorney",
                 "economist", "critic", "observer", "campaigner", "leader", "executive", "chief", "director",
                 "president", "judge", "person", "aide", "adviser", "advisor", "secretary", "chairman",
                 "chairwoman", "commander", "governor", "mayor", "ambassador", "envoy", "boss", "founder",
                 "manager", "witness", "resident", "doctor", "surgeon", "teacher", "professor"}
# Verbs by which an organisation or person puts a document out: its owner is their agent.
_AUTHORING = {"release", "publish", "issue", "file", "prepare", "compile", "produce", "commission", "verify",
              "collect", "gather", "provide", "supply",
              "conduct", "write", "submit", "unseal", "bring", "lodge", "carry", "undertake"}
_QUOTE_PAIRS = [("“", "”"), ('"', '"'), ("«", "»"), ("‘", "’")]


@dataclass
class Speaker:
    """A speaker as named in one article."""

    name: str            # as written, minus articles: "John Kirby", "senior US military official"
    kind: str            # PERSON | ORG | GPE | NORP | ANON
    start: int
    end: int
    role: str | None = None
    conducted: bool = False  # a survey's owner named as the one who carried it out ("by ICM")


def _strip_article(name: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", name.strip(" ,"), flags=re.I)


def _clean_np(tokens: list[Token]) -> str:
    words = [t for t in tokens if t.dep_ not in {"det", "punct"} or t.lower_ in {"-"}]
    text = " ".join(t.text for t in words)
    text = re.sub(r"\s+'s\b", "'s", text).replace(" ’s", "’s").replace(" - ", "-")
    # "the 76-year-old Pelosi": an age describes the speaker, it is not part of the name
    text = re.sub(r"^(?:\d+|[a-z]+(?:-[a-z]+)?)-year-old\s+", "", text.strip(" ,"))
    return text.strip(" ,")


def _np_tokens(head: Token) -> list[Token]:
    """The speaker noun phrase without relative clauses, appositions, trailing commas or a second
    coordinated source: "the official, who spoke on condition of anonymity" -> official; "the police
    and the governor said" -> police (of two sources given together, the first speaks)."""
    cut = {"relcl", "acl", "appos", "punct", "advcl", "prep", "conj", "cc"}
    keep = []
    ent = next((e for e in ents_of(head.doc) if e.start <= head.i < e.end), None)
    for t in head.subtree:
        if ent is not None and ent.start <= t.i < ent.end:
            keep.append(t)  # "the Institute for the Study of War": the name holds its preposition
            continue
        if t.i > head.i:
            # right dependents: keep compounds of a name ("Ukraine (DIU)"), drop clauses
            anc = t
            stop = False
            while anc.i != head.i:
                if anc.dep_ in cut and anc.head.i == head.i:
                    stop = True
                    break
                anc = anc.head
            if stop:
                continue
            if t.dep_ in {"prep", "pobj"} and not (t.ent_type_ and t.ent_type_ not in {"DATE", "TIME"} and t.ent_iob_ in "BI"):
                continue  # "the ministry of health" stays whole; "the service on Monday" is the service
        keep.append(t)
    return keep


def _entity_in(tokens: list[Token], labels: set[str]) -> Span | None:
    if not tokens:
        return None
    doc = tokens[0].doc
    lo, hi = tokens[0].i, tokens[-1].i + 1
    best = None
    for ent in ents_of(doc):
        if ent.label_ in labels and ent.start >= lo and ent.end <= hi:
            best = ent  # the last one: "spokesman John Kirby" -> John Kirby
    if best is not None and best.label_ == "PERSON":
        end = best.end
        # NER sometimes stops at the given name ("Oleksandr | Shirsky"): take the capitalised rest
        while end < hi and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].ent_type_ in {"", "PERSON"}:
            end += 1
        start = best.start
        # … or tags the surname alone ("Chief Secretary Pradeep | Jena"): the capitalised word
        # before it is the given name
        if start - 1 >= lo and best.end - best.start == 1 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                and doc[start - 1].ent_type_ == "" and doc[start - 1].lower_.rstrip(".") not in PERSON_TITLES | ORG_TYPES:
            start -= 1  # (only before a lone surname: "Interior | Lin Yu-chang" is a name already whole)
        best = Span(doc, start, end, label="PERSON")
    return best


def _untagged_name(tokens: list[Token]) -> Span | None:
    """"Minister of State for Home Harsh Sanghvi": a post's phrase that ends in capitalised words
    the tagger left unnamed ends in its holder's name — its last two words, when no word of them is
    a place, a body or a title."""
    if len(tokens) < 3:
        return None
    last = tokens[-2:]
    if last[1].i != last[0].i + 1 or not all(t.pos_ == "PROPN" and t.is_title and t.ent_type_ in {"", "PERSON"}
                                             and t.lower_.rstrip(".") not in PERSON_TITLES | ORG_TYPES for t in last):
        return None
    return Span(last[0].doc, last[0].i, last[1].i + 1, label="PERSON")


_COUNTED_NOUNS = MEASURE_NOUNS | {"case", "infection"}


_NAME_JOINERS = {"of", "for", "without", "and", "to", "on"}
# Posts only a person holds: a name in apposition with one is a person's.
_PERSON_POSTS = ROLE_NOUNS | {"official", "diplomat", "lawyer", "expert", "investigator"}


def _name_word(tok: Token) -> bool:
    """A capitalised word of a body's name, whatever the tagger called it ("of Turkish
    Disasters and Emergencies")."""
    return tok.is_title and tok.pos_ in {"PROPN", "NOUN", "ADJ"}


def _full_name(spk: Speaker | None, doc: Doc) -> Speaker | None:
    """"Doctors Without Borders", "Ministry of Health": a body's name that NER cut at a lower-case
    joiner goes on over it to the capitalised words that follow."""
    if spk is None or spk.kind in {"PRON", "PERSON"}:
        return spk
    words = spk.name.split()
    # "The Disaster Management and | Relief Ministry": NER may stop on the joiner itself
    cut = len(words) > 1 and words[-1].lower() in _NAME_JOINERS
    if not words or not (cut or words[-1].lower() in ORG_TYPES | ORG_NAME_WORDS
                         or words[-1].endswith("s") and words[-1][:1].isupper()):
        return spk
    span = doc.char_span(spk.start, spk.end, alignment_mode="expand")
    if span is None:
        return spk
    tok = doc[span.end - 1] if cut else doc[span.end] if span.end < len(doc) else None
    end = spk.end
    while tok is not None and tok.i + 1 < len(doc) and tok.lower_ in _NAME_JOINERS:
        # "the Agency for the Management of …": the joiner may bring its article along
        k = tok.i + 2 if doc[tok.i + 1].lower_ == "the" and tok.lower_ != "and" else tok.i + 1
        if not (k < len(doc) and _name_word(doc[k]) and doc[k].ent_type_ not in {"DATE", "TIME"}):
            break  # ("the fire service on Monday")
        nxt = doc[k]
        while nxt.i + 1 < len(doc) and _name_word(doc[nxt.i + 1]) and doc[nxt.i + 1].ent_type_ not in {"DATE", "TIME"}:
            nxt = doc[nxt.i + 1]
        end = nxt.idx + len(nxt)
        tok = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    if end == spk.end and cut:
        name = spk.name[:spk.name.rstrip().rfind(" ")].rstrip(" ,")  # the joiner led nowhere: drop it
        return dataclasses.replace(spk, name=name, end=spk.end - (len(spk.name) - len(name)))
    if end == spk.end:
        return spk
    return dataclasses.replace(spk, name=spk.name + text_of(doc)[spk.end:end], end=end)


def _name_after_title(toks: list[Token], head: Token) -> Span | None:
    """"Odisha Chief Secretary Pradeep Jena": the capitalised words between a post and the end of
    the phrase are its holder's name, when the tagger named no one there."""
    inner = [t for t in toks if t.i <= head.i]
    titles = [k for k, t in enumerate(inner) if t.lower_.rstrip(".") in ROLE_NOUNS]
    if not titles:
        return None
    name = inner[titles[-1] + 1:]
    if not 1 <= len(name) <= 3 or not all(t.pos_ == "PROPN" and t.is_title and t.ent_type_ in {"", "PERSON"}
                                          and t.lower_ not in PERSON_TITLES | ORG_TYPES for t in name):
        return None
    return Span(head.doc, name[0].i, name[-1].i + 1, label="PERSON")


def _holds_post(name: Token) -> bool:
    """A name in apposition with a post only a person holds ("Sumit Gupta, a state official")."""
    return any(c.dep_ == "appos" and c.lemma_.lower() in _PERSON_POSTS for c in name.children)


def speaker_from_np(head: Token) -> Speaker | None:
    """What a subject noun phrase names: a person, an organisation or an anonymous source."""
    return _full_name(_speaker_from_np(head), head.doc)


def _speaker_from_np(head: Token) -> Speaker | None:
    toks = _np_tokens(head)
    if not toks:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    if head.lemma_.lower() in _COUNTED_NOUNS and not any(t.ent_type_ in {"ORG", "PERSON"} for t in toks) \
            and not (head.lower_ == "body" and head.tag_ == "NN") \
            and not any(c.dep_ == "prep" and c.lower_ in {"by", "from"} and (
                g.ent_type_ in {"ORG", "PERSON"} or g.lemma_.lower() in ORG_TYPES | _ANON_HEADS)
                for c in head.children for g in c.children if g.dep_ == "pobj"):
        # ("the governing body said": bodies are counted, a body speaks; "the latest toll from
        # the interior ministry" is a count with its author)
        return None  # "99% of all the deaths reported in Africa": the counted, not a source
    if head.lower_ in _PRONOUNS and len(toks) == 1:
        return Speaker(head.lower_, "PRON", start, end)
    person = _entity_in(toks, {"PERSON"})
    if person is None:
        # "The minister, Jane Doe, said", or a parse that hangs the name on the post that way: the
        # person named in apposition speaks, the post before it is their role
        named = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        ent = next((e for e in ents_of(head.doc) if named is not None and e.label_ == "PERSON"
                    and e.start <= named.i < e.end), None)
        if ent is not None:
            role = _clean_np([t for t in head.subtree if t.i < ent.start and t.dep_ != "punct"])
            return Speaker(ent.text.strip(" ,"), "PERSON", ent.start_char, ent.end_char, role or None)
    if head.lemma_.lower() in HAPPENINGS and head.ent_type_ not in {"ORG", "PERSON"}:
        return None  # "Tempi train collision confirmed death toll rises": what happened says nothing
    if person is None and head.pos_ == "PROPN" and head.ent_type_ in {"", "PERSON", "GPE", "NORP"}:
        person = _name_after_title(toks, head)
    if person is None and head.pos_ == "PROPN" and head.ent_type_ != "ORG" and _holds_post(head):
        # "Sumit Gupta, a senior state official, confirmed …": the apposition says a person holds
        # the name, whatever the tagger took it for (here a place)
        lo = head.i
        while lo > toks[0].i and head.doc[lo - 1].pos_ == "PROPN" and head.doc[lo - 1].dep_ == "compound":
            lo -= 1
        person = Span(head.doc, lo, head.i + 1, label="PERSON")
    if person is None and head.lemma_.lower() in ROLE_NOUNS:
        # "the head of the Ukrainian army Oleksandr Syrsky": the name sits in the role's complement
        clauses = [c for c in head.children if c.dep_ in {"relcl", "acl", "advcl"}]
        inside = {t.i for c in clauses for t in c.subtree}
        inner = [t for t in head.subtree if t.i not in inside]
        person = _entity_in(inner, {"PERSON"}) or _untagged_name(inner)
        if person is not None:
            role = _clean_np([t for t in inner if t.i < person.start])
            return Speaker(person.text.strip(" ,"), "PERSON", person.start_char, person.end_char, role or None)
    if person is not None and not (person.start <= head.i < person.end) and not (
            person.root.head.i == head.i and person.root.dep_ in {"compound", "appos", "nmod", "conj"}):
        person = None  # a name deep inside a clause of the phrase is not who speaks
    if person is not None and person.root.dep_ == "poss" and head.pos_ != "PROPN":
        person = None  # "Kyiv's intelligence authorities": the possessor qualifies, the head speaks
    if person is not None:
        role = _clean_np([t for t in toks if t.i < person.start]) or None
        kind = "ORG" if person[-1].lower_ in ORG_NAME_WORDS else "PERSON"  # "Age Concern" is a charity
        return Speaker(person.text.strip(" ,"), kind, person.start_char, person.end_char, role)
    lemma = head.lemma_.lower()
    if lemma not in _INANIMATE and head.lower_ in _INANIMATE:
        lemma = head.lower_  # the tagger lemmatises "data" to "datum"
    if lemma in _INANIMATE and not (head.pos_ == "PROPN" and head.ent_type_ == "ORG"):
        # ("the US Geological Survey" is a body that a document noun happens to end its name)
        # "a survey by YouGov", "ONS figures": the organisation or person behind the document
        # speaks — named as its modifier or after by/from/for, not anywhere in the phrase
        # ("figures on searches in England" are not England's)
        # "the Maui County website", "Ukraine's figures": a place that owns a document is its government
        # (the tagger calls some counties and regions a LOC: "the Maui County website")
        owners = [(c, {"ORG", "PERSON", "GPE", "LOC"}) for c in head.children if c.dep_ in {"compound", "poss", "nmod"}]
        authors: set[int] = set()
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in {"by", "from", "for", "of"}:
                # "a report by telecoms giant BT": NER may call the company a place
                labels = {"ORG", "PERSON", "GPE"} if c.lower_ in {"by", "from"} else {"ORG", "PERSON"}
                owners += [(g, labels) for g in c.children if g.dep_ == "pobj"]
        for c in head.children:
            # "court papers released by federal prosecutors", "a study published by the
            # institute": whoever released, filed or wrote the document stands behind it
            if c.dep_ == "acl" and c.lemma_.lower() in _AUTHORING:
                owners += [(g, {"ORG", "PERSON", "GPE"}) for g in (_agent(c),) if g is not None]
                authors = {g.i for g in (_agent(c),) if g is not None}
        for o, labels in owners:
            inside = {t.i for t in o.subtree}
            # (an entity may begin with the phrase's article: "the Maui County")
            ents = [e for e in ents_of(head.doc) if e.label_ in labels
                    and any(i in inside for i in range(e.start, e.end) if head.doc[i].dep_ != "det")]
            by = o.i in authors or o.dep_ == "pobj" and o.head.lower_ in {"by", "from"}
            if ents and o.pos_ == "NOUN" and o.lemma_.lower() in ROLE_NOUNS | _ANON_HEADS and all(
                    e.root.dep_ == "poss" and e.root.head.i == o.i for e in ents):
                # "an estimate from the town's mayor": the post speaks, the place only says whose
                toks = [t for t in _np_tokens(o) if t.i <= o.i]
                return Speaker(_clean_np(toks), "ANON", toks[0].idx, o.idx + len(o), role="document:" + lemma)
            if ents:
                # "a press release from the Southern District of California's U.S. Attorney's
                # Office": the office, not the place named inside its name
                ent = max(ents, key=lambda e: (e.label_ != "GPE", e.end))
                if ent.label_ == "GPE" and o.dep_ == "pobj" and ent.end <= o.i \
                        and (o.lemma_.lower() in ORG_TYPES or o.i in authors or by and o.pos_ == "NOUN"):
                    # only a place was tagged, inside the name of an office or agency ("the
                    # U.S. Attorney's Office") or of whoever wrote or released it ("the UK gaming
                    # industry's trade body", "US researchers"): the whole phrase is the owner
                    toks = [t for t in _np_tokens(o) if t.dep_ != "case" or t.i < o.i]
                    return Speaker(_clean_np(toks), "ORG" if o.pos_ == "PROPN" else "ANON", toks[0].idx,
                                   toks[-1].idx + len(toks[-1]), role="document:" + lemma)
                if o.pos_ == "NOUN" and o.lemma_.lower() in _PUBLIC_OWNERS and ent.start > o.i \
                        and any(t.dep_ == "prep" and t.lower_ == "of" and t.head.i == o.i for t in head.doc[o.i:ent.start]):
                    # "a statement from the government of Northland": the government, named by its
                    # place — the place itself (which NER may even take for a person) says nothing
                    return Speaker(text_of(head.doc)[o.idx:ent.end_char], "ORG", o.idx, ent.end_char,
                                   role="document:" + lemma, conducted=by)
                return Speaker(_strip_article(ent.text), "GPE" if ent.label_ == "LOC" else ent.label_,
                               ent.start_char, ent.end_char, role="document:" + lemma, conducted=by)
            if o.dep_ == "pobj" and o.head.lower_ in {"by", "from"} and o.pos_ == "PROPN" and o.ent_type_ in {"", "NORP"}:
                # "a statement from KCCA": a name the tagger left untagged, or took for a
                # nationality, is the owner all the same
                toks = [t for t in _np_tokens(o) if t.dep_ not in {"case", "det"}]
                return Speaker(_clean_np(toks), "ORG", toks[0].idx, toks[-1].idx + len(toks[-1]),
                               role="document:" + lemma, conducted=by)
            if o.dep_ == "pobj" and (o.head.lower_ in {"by", "from"} and o.lemma_.lower() in _ANON_HEADS | ORG_TYPES | {"media"}
                                     or o.i in authors and o.pos_ == "NOUN") \
                    or o.dep_ == "poss" and o.lemma_.lower() in _ANON_HEADS \
                    or o.dep_ == "compound" and o.pos_ == "NOUN" and (o.lemma_.lower() in _PUBLIC_OWNERS
                                                                      or o.lower_ in _PUBLIC_OWNERS):
                # "analysts' forecasts", "government figures": the body whose document it is (a
                # "company" document's company is named elsewhere in the article, and found there)
                # "papers filed by federal prosecutors": an unnamed authority is still the owner,
                # and whoever is the agent of releasing or filing it is one ("a poll of 2,000
                # people" is of its respondents: they do not own it)
                toks = [t for t in _np_tokens(o) if t.dep_ != "case"]  # "analysts'" without its mark
                if o.dep_ == "compound":  # "local media reports": the words before the owner are its
                    toks = [t for t in _np_tokens(head) if t.i <= o.i and t.dep_ != "det"]
                return Speaker(_clean_np(toks), "ANON", toks[0].idx, toks[-1].idx + len(toks[-1]),
                               role="document:" + lemma)
        # "a survey for the charity", "the poll": whose it is may be said elsewhere in the article
        return Speaker(_clean_np(toks), "DOC", start, end, role="document:" + lemma)
    org = _entity_in(toks, {"ORG", "GPE", "NORP", "FAC"})
    if org is not None and (org.start <= head.i < org.end or (head.pos_ == "PROPN" and org.root.dep_ != "poss")):
        role = _clean_np([t for t in toks if t.i < org.start]) or None
        kind = org.label_
        if role and set(role.lower().replace("-", " ").split()) & PERSON_TITLES:
            kind = "PERSON"  # "Ukrainian President Zelenskyy" tagged as a place is still a person
        owner = next((t for t in toks if t.i < org.start and t.dep_ == "poss" and t.ent_type_ == "GPE"), None)
        if owner is not None and org[-1].lower_ in ORG_TYPES and not org[0].is_title:
            # "Ruritania's health ministry": a kind of body is named by whose it is
            start = owner.left_edge.idx
            return Speaker(text_of(head.doc)[start:org.end_char], kind, start, org.end_char)
        return Speaker(_strip_article(org.text), kind, org.start_char, org.end_char, role)
    text = _clean_np([t for t in toks if not (t.dep_ == "nummod" and t.head.i == head.i)])  # "two officials"
    if head.pos_ == "PROPN" and org is None:
        # a name the model did not tag ("Zelenskyy said"): a proper-noun phrase stands for a
        # person — unless it is a kind of body written with a capital ("The Ministry said")
        return Speaker(text, "ORG" if head.lower_ in ORG_TYPES else "PERSON", start, end)
    if not text:
        return None
    kind = "ANON"
    if org is not None and head.lemma_.lower() not in _ANON_HEADS and not (
            head.pos_ == "NOUN" and org.root.dep_ == "poss" and org.root.head.i == head.i):
        # ("the UK's biggest mortgage lender": a description of an organisation the article names,
        # not the place that qualifies it)
        kind = org.label_
    for c in head.children:
        # "analysts at Citi", "officials from the ministry": where the anonymous source works
        if c.dep_ == "prep" and c.lower_ in {"at", "from", "with", "for", "in"}:
            where = next((g for g in c.children if g.dep_ == "pobj" and g.ent_type_ in {"ORG", "GPE", "NORP"}), None)
            if where is not None:
                ent = next(e for e in ents_of(head.doc) if e.start <= where.i < e.end)
                text, end = f"{text} {c.text} {_strip_article(ent.text)}", max(end, ent.end_char)
                break
    return Speaker(text, kind, start, end)


# Whoever raises, revises or pegs a toll is the one who counts it ("officials raised the death
# toll to 123", "the UN has amended the toll") — an act of reporting done to a count.
_RECOUNTING = {"raise", "revise", "lower", "update", "amend", "adjust", "peg", "place", "set", "increase", "cut"}
_COUNT_NOUNS = {"toll", "count", "tally", "figure", "estimate", "number"}


# Verbs that tell of a figure only with the clause that states it: "shared on social media that
# over 200 were injured", "authorities fear hundreds have died" (but "shared a video", "fear for").
_SPEECH_WITH_CLAUSE = {"share", "fear"}


def _speech_head(tok: Token) -> bool:
    if tok.lemma_.lower() == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() in {"life", "live", "responsibility", "credit"}
                                             for c in tok.children):
        return False  # "the floods claimed the lives of 150": a toll; "claimed responsibility": an act, no statement of figures
    if tok.pos_ == "VERB" and tok.lemma_.lower() in _RECOUNTING:
        return any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _COUNT_NOUNS for c in tok.children)
    if tok.pos_ == "VERB" and tok.lemma_.lower() in _SPEECH_WITH_CLAUSE:
        return any(c.dep_ == "ccomp" for c in tok.children)
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_LEMMAS and any(c.dep_ == "nsubj" for c in tok.children):
        # "Field sources in Alderney report that …", "…, the news agency reports": a noun with a
        # subject of its own is a verb the tagger mistook
        return True
    return tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in SPEECH_LEMMAS


def _subject_of(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects:
        # a mis-parse can hang two subjects on one verb; the speaker is the one beside it
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    # "..., the official added": a conjoined or inverted verb shares its subject — not a passive
    # one ("profits rose 5% but were said to have been hit": said by no one named)
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"} and not any(c.dep_ == "auxpass" for c in verb.children):
        return _subject_of(verb.head)
    return None


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _antecedent(relcl: Token) -> Token:
    """What a relative clause's "who" stands for. The parser may hang the clause on a date
    right before it ("a nurse we reached on Tuesday, who reported …"): a day says nothing, so the
    antecedent is the nearest noun before the date."""
    ante = relcl.head
    if ante.ent_type_ not in {"DATE", "TIME"}:
        return ante
    for tok in reversed(ante.doc[ante.sent.start:ante.i]):
        if tok.pos_ in {"NOUN", "PROPN"} and tok.ent_type_ not in {"DATE", "TIME"}:
            return tok
    return ante


@dataclass
class Cue:
    token: Token
    speaker: Speaker
    relayed_by: str | None = None
    subject: Token | None = None   # the head of the speaker's noun phrase, for a speech verb


def find_cues(sent: Span) -> list[Cue]:
    cues: list[Cue] = []
    for tok in sent:
        to = source_preposition(tok)
        if to is not None:
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                # "according to prosecuting authorities" parsed as a gerund and its object
                pobj = next((g for c in to.children if c.dep_ == "pcomp" and c.tag_ == "VBG"
                             for g in c.children if g.dep_ == "dobj"), None)
            if pobj is not None:
                spk = speaker_from_np(pobj)
                if spk is not None and pobj.dep_ == "dobj" and spk.kind == "ANON":
                    gerund = pobj.head  # the gerund is the phrase's first word ("prosecuting")
                    spk = dataclasses.replace(spk, name=text_of(pobj.doc)[gerund.idx:spk.end], start=gerund.idx)
                relayed = None
                for c in pobj.children:  # "officials cited by Bloomberg": Bloomberg relays
                    if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in {"cite", "quote"}:
                        ag = _agent(c)
                        if ag is not None:
                            relayed = _clean_np(_np_tokens(ag))
                if spk is not None:
                    cues.append(Cue(tok.head if tok.head.pos_ in {"VERB", "AUX"} else tok, spk, relayed))
            continue
        if tok.lower_ == "based" and tok.dep_ in {"prep", "advcl", "acl"}:
            # "…, based on an AFP tally", "Based on information from the USGS": the basis is the
            # source when it names one (an organisation, a person, a document with its owner)
            on = next((c for c in tok.children if c.lower_ == "on"), None)
            pobj = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
            spk = speaker_from_np(pobj) if pobj is not None else None
            if spk is not None and spk.kind in {"ORG", "PERSON", "GPE"}:
                cues.append(Cue(tok.head if tok.head.pos_ in {"VERB", "AUX"} else tok, spk))
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() in _ASKING - {"ask"}:
            # "YouGov polled 1,981 voters", "401 people interviewed by ICM": how a poll was done is
            # the pollster's account
            who = _agent(tok) or next((c for c in tok.children if c.dep_ == "nsubj"), None)
            ent = next((e for e in ents_of(tok.doc) if who is not None and e.label_ == "ORG" and e.start <= who.i < e.end), None)
            if ent is not None:
                cues.append(Cue(tok, Speaker(_strip_article(ent.text), "ORG", ent.start_char, ent.end_char,
                                             role="document:poll", conducted=True), None, who))
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _OWNED_COUNTS and _counts_of(tok):
            # "the authorities' earlier estimate of 270", "a UN estimate of 670": a count's owner,
            # named in its phrase, stands behind the number — and so does whoever "gave" the count
            # ("a Saudi official gave AFP a partial toll of 577")
            spk = speaker_from_np(tok)
            if (spk is None or spk.kind == "DOC") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _GIVING:
                giver = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
                spk = speaker_from_np(giver) if giver is not None else None
            if spk is not None and spk.kind not in {"DOC", "PRON"}:
                cues.append(Cue(tok, spk))
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in ASKING_NOUNS and tok.dep_ == "dobj":
            # "the UN launched an appeal for $160 million": whoever makes the appeal states the
            # sum it asks for, whatever the verb that makes it
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            spk = speaker_from_np(subj) if subj is not None else None
            if spk is not None:
                cues.append(Cue(tok.head, spk, None, subj))
            continue
        if not _speech_head(tok):
            continue
        subj = _subject_of(tok)
        relayed = None
        if subj is not None and subj.dep_ == "nsubjpass" and tok.lemma_.lower() in {"quote", "cite"}:
            ag = _agent(tok)  # "Ryder was quoted by Reuters as telling reporters"
            if ag is not None:
                relayed = _clean_np(_np_tokens(ag))
        elif subj is not None and subj.dep_ == "nsubjpass" or subj is None and tok.tag_ == "VBN" and (
                tok.dep_ == "advcl" or any(c.dep_ == "auxpass" for c in tok.children)):
            ag = _agent(tok)  # "it was reported by the ministry", "…, as confirmed by officials": the agent speaks
            subj = ag
        inverted = next((c for c in tok.children if c.dep_ in {"dobj", "attr", "npadvmod"} and c.i > tok.i
                         and c.lemma_.lower() in _INANIMATE and tok.lemma_.lower() not in _RECOUNTING | {"put"}), None)
        # ("…, put the toll at 1,100": a count is what a tally is put at, not an inverted subject)
        if subj is None or (inverted is not None and tok.i > 0 and tok.nbor(-1).text in {",", "\"", "”"}
                            and subj.i < tok.i and tok.lemma_.lower() != "tell"
                            and not any(c.dep_ in {"ccomp", "xcomp"} and c.i > tok.i for c in tok.children)
                            and speaker_from_np(inverted) is not None):
            # (", confirmed the death toll": a count the verb acts on names no source)
            # "…, predicts the report by BT": an inverted subject the parser took for an object; a
            # reporting verb right after the comma that ends the reported clause has its speaker
            # after it, and the noun before it is the reported clause's own subject
            subj = inverted
        if tok.dep_ == "acl" and (_agent(tok) is not None or tok.head.lemma_.lower() in _INANIMATE
                                  and tok.lemma_.lower() in _AUTHORING):
            continue  # "papers released by prosecutors", "the report published Monday": a participle
            # describing a document, not a statement; the document's own verb, if any, is the cue
        if subj is None and tok.dep_ == "acl" and tok.head.pos_ in {"NOUN", "PROPN"} and not (
                tok.tag_ == "VBN" and any(c.dep_ in {"xcomp", "oprd", "acomp"} for c in tok.children)
                or any(is_quantity(c) for c in tok.head.children if c.dep_ == "nummod")):
            # "…, a White House official confirmed Monday" parsed as a clause on the noun — but
            # "17 more pilgrims reported missing" are what is reported, not who reports it
            subj = tok.head
        if subj is not None and subj.lower_ in {"who", "which", "that"} and tok.dep_ == "relcl":
            subj = _antecedent(tok)  # "Smith, who said …": the antecedent speaks
        if subj is None or tok.dep_ == "conj" and subj.i < tok.i and tok.nbor(-1).text == ",":
            # ("…, claimed a rights group": a conjunct verb borrows the first verb's subject)
            subj = _inverted_subject(tok) or subj
        if subj is None:
            subj = _trailing_subject(tok)
        if subj is None:
            continue
        if any(c.dep_ in {"oprd", "acomp", "xcomp"} for c in tok.children) \
                and any(is_quantity(c) or c.dep_ == "det" and c.lower_ == "no" for c in subj.children
                        if c.dep_ in {"nummod", "det"}):
            continue  # "with 155 people reported dead", "no one reported missing": the counted are reported
        if tok.lemma_.lower() in {"release", "publish", "post", "issue", "file"} and any(
                c.dep_ == "dobj" and (is_quantity(c) or any(g.dep_ == "nummod" for g in c.children))
                for c in tok.children):
            continue  # "the department released thousands of emails": an act on what is counted
        # (a counted object with no clause of its own: "she added the targets intended to …" is
        # "added that the targets …" with the "that" left out)
        if tok.lemma_.lower() in _ACT_OBJECT_VERBS and _acts_on_a_thing(tok):
            continue  # "the president declared a state of emergency": a performed act, not a claim
        objects = [c for c in tok.children if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN", "NUM"}
                   and any(is_quantity(t) for t in c.subtree) and not any(t.pos_ in {"VERB", "AUX"} for t in c.subtree)]
        if objects and (tok.lemma_.lower() == "add" or tok.lemma_.lower() == "show" and subj.lemma_.lower() not in _INANIMATE):
            # "the papers will add eight pages", "Reynolds showing gains of 4.5%": adding or showing
            # a thing is an act; the speech senses take a clause ("he added that …", "figures show")
            continue
        counted = subj
        if is_quantity(subj):
            # "two of the officials briefed on it said": the officials speak; the number counts
            # them, and the source span starts at it so it is not read as a figure of the story
            group = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
            if group is not None and group.lower_ in _ANON_HEADS:
                subj = group
        if _respondents(subj):
            # "69% of over-55s said", "two of those polled said": respondents, not a source — but
            # "half of those asked in a poll for Intervoice said" names the poll they answered
            poll = next((t for t in subj.subtree if t.pos_ == "NOUN" and "document:" + t.lemma_.lower() in _SURVEYS), None)
            spk = speaker_from_np(poll) if poll is not None else None
            if spk is not None:
                cues.append(Cue(tok, spk, relayed, poll))
            continue
        if tok.lemma_.lower() in _TALLYING and _tallies(tok, subj):
            continue  # "Punjab reported 114 deaths": where the deaths are, not who says so
        spk = speaker_from_np(subj)
        if spk is None:
            continue
        if counted is not subj:
            spk = dataclasses.replace(spk, start=min(spk.start, counted.idx))
        citing = next((g for c in tok.children if c.lemma_.lower() == "cite" and c.dep_ in {"advcl", "xcomp", "conj"}
                       for g in c.children if g.dep_ == "dobj"), None)
        inner = speaker_from_np(citing) if citing is not None else None
        if inner is not None and inner.kind != "PRON":
            # "Khaama Press reported, citing the Taliban ministry": the ministry is the source and
            # the outlet relays it
            spk, relayed = inner, spk.name
        if tok.lemma_.lower() not in STRONG_SPEECH and spk.kind == "ANON" and \
                subj.lemma_.lower() not in _ANON_HEADS and not (spk.role or "").startswith("document"):
            continue  # "the move suggests": a weak verb needs a speaking subject (or a document's owner)
        cues.append(Cue(tok, spk, relayed, subj))
    return _unrelay(cues)


# "disclosed this", "confirmed these figures": words a source uses to point at what was just said.
_POINTING_BACK = {"this", "these", "that", "those"}
_TALLY_WORDS = TALLY_NOUNS | {"data", "information", "detail", "estimate"}
_RELAYING = {"write", "report"}  # "writes UNN", "reports Ukrinform": how an outlet passes a statement on


def _unrelay(cues: list[Cue]) -> list[Cue]:
    """"…, the police reported on Wednesday, writes UNN", "…, state media reported on Thursday, the
    agency reports": a reporting verb closing the sentence, over a clause that has a source of
    its own, is the outlet passing the statement on — the inner source speaks, the outer relays."""
    dropped: set[int] = set()
    relays: dict[int, str] = {}
    for k, outer in enumerate(cues):
        if outer.subject is None or outer.token.lemma_.lower() not in _RELAYING:
            continue  # ("…, said Dimoglidou" is the source speaking)
        inner = [n for n, c in enumerate(cues) if n != k and c.subject is not None and c.subject.i < c.token.i
                 and c.speaker.kind != "PRON"
                 and c.token.i < min(outer.token.i, outer.subject.i) and outer.token.is_ancestor(c.token)]
        if inner:
            dropped.add(k)
            for n in inner:
                relays.setdefault(n, outer.speaker.name)
    return [dataclasses.replace(c, relayed_by=c.relayed_by or relays[n]) if n in relays else c
            for n, c in enumerate(cues) if n not in dropped]


def _segment_root(toks: list[Token]) -> Token | None:
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    return next((t for t in roots if t.pos_ in {"NOUN", "PROPN"}), None)


def _trailing_subject(verb: Token) -> Token | None:
    """"…, the County of Riverton Department of Public Health said.", "…, Maria Okafor, the
    doctor in charge of operations, told Reuters": a reporting clause at the end of the sentence
    whose subject the parser hung on the reported clause (as an apposition to its last noun).
    The noun phrase between the comma and the verb speaks — or, where that phrase only describes
    (", the doctor in charge, told"), the name set before it."""
    if verb.lemma_.lower() not in STRONG_SPEECH or verb.i == verb.sent.start:
        return None
    after = [t for t in verb.doc[verb.i + 1:verb.sent.end] if not t.is_punct]
    if len(after) > 6 or any(t.pos_ in {"VERB", "AUX"} for t in after):
        return None  # "…, officials said the bridge would reopen": a clause of its own follows
    segments: list[list[Token]] = []
    cur: list[Token] = []
    for t in reversed(list(verb.doc[verb.sent.start:verb.i])):
        if t.text == ",":
            segments.append(list(reversed(cur)))
            cur = []
            if len(segments) == 3:
                break
            continue
        cur.append(t)
    if not segments:
        return None  # no comma: the reporting clause is the sentence's own
    segments = [seg for seg in segments if seg]
    for k, seg in enumerate(segments[:2]):
        if len(seg) > 16 or any(t.like_num or t.pos_ in {"VERB", "AUX"} and t.dep_ != "amod" for t in seg):
            return None
        root = _segment_root(seg)
        if root is None:
            return None
        named = [e for e in ents_of(verb.doc) if e.label_ in {"PERSON", "ORG"} and seg[0].i <= e.start and e.end <= seg[-1].i + 1]
        if named and root.ent_type_ not in {"PERSON", "ORG"}:
            root = max(named, key=len).root  # "the County of Riverton Department of …": the body's name
        if k == 0 and not any(t.ent_type_ in {"PERSON", "ORG"} for t in seg) and len(segments) > 1 \
                and verb.doc[seg[0].i - 1].text == "," and any(t.ent_type_ == "PERSON" for t in segments[1]) \
                and len(segments[1]) <= 4:
            continue  # ", Maria Okafor, the doctor in charge, told": the description of the name before it
        return root
    return None


# Nouns of a count that has an owner ("the UN's estimate of 670") — the counts a source revises,
# though "the number of 270" is no one's — and verbs that hand one over.
_OWNED_COUNTS = _COUNT_NOUNS - {"number"} | {"projection"}
_GIVING = {"give", "provide", "share", "offer", "release", "issue", "publish"}


def _asks(cue_token: Token) -> bool:
    """Is the cue an appeal ("appealed for", "launched an appeal for")?"""
    return cue_token.lemma_.lower() in ASKING_NOUNS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in ASKING_NOUNS for c in cue_token.children)


def _owns_its_count(cue_token: Token) -> bool:
    """A cue on a count's own noun ("the UN's estimate of 670") or an appeal ("an appeal for $160
    million") speaks for that count only, not for the rest of its sentence."""
    return cue_token.pos_ == "NOUN" and cue_token.lemma_.lower() in _OWNED_COUNTS or _asks(cue_token)


def _speaks_for(cue_token: Token, tok: Token) -> bool:
    """Does a cue speak for the figure at ``tok``? A count's own noun only for the number after
    its "of"; an appeal not for the background told in a clause on one of its nouns ("an appeal for
    $160m to help those hit by floods that killed 1,160": the dead are the outlet's)."""
    if not _owns_its_count(cue_token):
        return True
    if _asks(cue_token):
        # what the appeal is for and whom it would help are the appealer's; a clause on a noun
        # ("floods that have killed 1,160", "millions affected by …") is the outlet's background
        node = tok
        while node.i != cue_token.i and node.head.i != node.i:
            if node.dep_ == "relcl" or node.dep_ == "acl" and node.tag_ in {"VBN", "VBG"}:
                return False  # (an infinitive on the appeal, "to respond to the needs of 250,000", is its purpose)
            node = node.head
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and tok.i in {t.i for t in c.subtree} for c in cue_token.children)


def _counts_of(noun: Token) -> bool:
    """Does the noun hold a number of its own after "of" ("estimate of 270", "toll of 577 deaths")?"""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        is_quantity(g) or any(is_quantity(n) for n in g.children if n.dep_ == "nummod")
        for g in c.children if g.dep_ == "pobj") for c in noun.children)


# Speech verbs whose object is the one spoken to ("…, told Reuters"), never the speaker.
_ADDRESSING = {"tell", "inform", "brief", "quote", "cite"}


def _inverted_subject(verb: Token) -> Token | None:
    """"Additionally, said the NDMA, 593 injuries …": a speech verb with its source right after it
    and a comma closing the name — the parser gives such a name to the next clause."""
    if verb.lemma_.lower() in STRONG_SPEECH - _ADDRESSING and verb.i > verb.sent.start \
            and (verb.nbor(-1).text in {",", "–", "—"} or verb.nbor(-1).text == "-" and verb.i > 1
                 and verb.nbor(-2).whitespace_):  # (not the hyphen of "re-confirmed")
        # "…, claimed a rights group on Friday": the source after the verb that closes the
        # sentence, which the parser read as the verb's object
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        rest = [c for c in verb.children if c.i > verb.i and (obj is None or c.i != obj.i)]
        if obj is not None and obj.pos_ in {"NOUN", "PROPN"} and not any(is_quantity(t) for t in obj.subtree) \
                and all(c.dep_ in {"prep", "npadvmod", "punct"} for c in rest) \
                and (obj.lemma_.lower() in _ANON_HEADS | ORG_TYPES or obj.ent_type_ in {"ORG", "PERSON", "NORP"}):
            return obj
    if verb.lemma_.lower() not in {"say", "add", "state", "report"}:
        return None
    doc = verb.doc
    i = verb.i + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    j = i
    while j < len(doc) and doc[j].pos_ == "PROPN":
        j += 1
    if j == i or j >= len(doc) or doc[j].text != ",":
        return None
    return doc[j - 1]


def _tallies(verb: Token, subj: Token) -> bool:
    """A place counting what happened in it, not a source: a place as subject; "with Punjab
    reporting 114" (a tally set beside another); "A and B reported 308 and 223" (one count each)."""
    if any(c.dep_ == "prep" and source_preposition(c) is not None for c in verb.children) \
            and not any(c.dep_ == "ccomp" for c in verb.children) and any(t.like_num for t in verb.subtree):
        # "According to the authority's report, Alderney reported 37 deaths": the sentence names
        # its source, and whoever "reported" the count is where it was counted (but "according to
        # the agency, the ministry reported that 40 had died" relays the ministry's statement)
        return True
    place = subj.ent_type_ in {"GPE", "LOC"} and not _holds_post(subj) and not _placed_apart(verb) \
        or subj.lemma_.lower() in _PLACE_NOUNS  # "the mountainous region of X"
    if place and not any(t.like_num for t in verb.subtree):
        return False  # "…, Baza reported on Saturday": the verb reports the main clause; a place tallies its own count
    if place and not any(t.lemma_.lower() in ORG_TYPES for t in subj.subtree):
        # ("Tunisia reported that 35 pilgrims had died", "200 were inside, Tunisia reported": a
        # clause reported is a statement)
        return not any(c.dep_ == "ccomp" for c in verb.children)
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "with" \
            and subj.ent_type_ != "PERSON" and not any(c.dep_ == "ccomp" for c in verb.children):
        return True  # (but "with the governor confirming that 27 sites were hit" is a statement)
    counts = [t for t in verb.subtree if t.like_num and t.i > verb.i]
    # ("the Ruritania Disaster and Flood Authority reported 127 deaths and 54 missing": a body's
    # name the tagger split in two is no list of places)
    listed = [c for c in subj.children if c.dep_ == "conj"]
    return bool(listed) and len(counts) >= 2 and (
        any(t.lower_ == "respectively" for t in verb.subtree)
        or all(c.ent_type_ in {"GPE", "LOC"} or c.lemma_.lower() in _PLACE_NOUNS for c in listed))


def _placed_apart(verb: Token) -> bool:
    """"In Aceh Province, BNPB recorded 35 deaths": the sentence says where the count is, so its
    subject — whatever the tagger took it for — is who counted."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and c.i < verb.i and any(
        g.dep_ == "pobj" and (g.ent_type_ in {"GPE", "LOC"} or g.lemma_.lower() in _PLACE_NOUNS) for g in c.children)
        for c in verb.children)


# Kinds of place that can stand as the subject of a tally ("the hardest-hit province reported 40").
_PLACE_NOUNS = {"region", "province", "district", "county", "city", "town", "village", "state", "area", "country",
                "prefecture", "municipality", "island", "commune", "governorate", "oblast"}
# Verbs with which a place tallies what happened in it ("North Carolina reported two deaths").
_TALLYING = {"report", "record", "register", "see", "count", "log", "confirm"}

# Speech verbs whose plain noun object is an act done by saying it ("declared an emergency",
# "declared war"), not a report of anything: with that object the verb states no figure.
_ACT_OBJECT_VERBS = {"declare"}


def _acts_on_a_thing(verb: Token) -> bool:
    """Is the verb's object a plain noun phrase — no clause ("declared that …", "declared the
    vote void"), no quotation, nothing counted ("declared 40 deaths" reports a figure)?"""
    if any(c.dep_ in {"ccomp", "xcomp", "oprd", "acomp", "parataxis"} for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].pos_ not in {"NOUN", "PROPN"}:
        return False
    words = list(objects[0].subtree)
    if any(is_quantity(t) or t.pos_ in {"VERB", "AUX"} or t.text in {"\"", "“", "”", "'", "‘", "’"} for t in words):
        return False
    return True


_QUOTE_LABELS = {"quote", "quotes", "statement", "comment", "comments", "message", "words"}


def _colon_speaker(doc: Doc, sent: Span) -> Speaker | None:
    """'White House spokesperson John Kirby: “…”' — a name, a colon, then the quote."""
    line_start = text_of(doc).rfind("\n", 0, sent.start_char) + 1
    line = text_of(doc)[line_start: sent.end_char]
    m = re.match(r"\s*([^:“\"\n]{3,160}?):\s*[“\"]", line)
    if not m:
        return _headline_speaker(doc, sent, line_start)
    a, b = line_start + m.start(1), line_start + m.end(1)
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return None
    given = next((t for t in span if t.dep_ == "pobj" and t.head.lower_ in {"from", "by"} and t.pos_ == "PROPN"
                  and t.head.i > span.start and t.ent_type_ not in {"DATE", "TIME", "GPE"}), None)
    if given is not None and span[0].lower_ in _QUOTE_LABELS:
        # "Quote from Klitschko: “…”": the page's label names whom it quotes, however the tagger
        # reads the label or the name
        region = next(((x, y) for x, y in quote_regions(text_of(doc)) if x == line_start + m.end() - 1), None)
        return speaker_from_np(given) if region is not None and sent.start_char <= region[1] else None
    if span.root.pos_ not in {"NOUN", "PROPN"}:
        return None  # "X said: “…”" has its own cue; the layout is a bare name before the colon
    if not (any(e.label_ in {"PERSON", "ORG", "GPE", "NORP"} and e.start >= span.start and e.end <= span.end
                for e in ents_of(doc)) or span.root.lemma_.lower() in ROLE_NOUNS | ORG_TYPES | _ANON_HEADS):
        return None  # "Quote: “…”", "Update: “…”": a label of the page, not who speaks
    # the sentence must be part of the quotation the colon opens, not a later one of the paragraph
    opened = line_start + m.end() - 1
    region = next(((x, y) for x, y in quote_regions(text_of(doc)) if x == opened), None)
    if region is None or sent.start_char > region[1]:
        return None
    spk = speaker_from_np(span.root)
    return spk


def _headline_speaker(doc: Doc, sent: Span, line_start: int) -> Speaker | None:
    """'Zelensky: 3,000 North Korean troops killed' — a headline that puts its source before a
    colon. Only a short line without a full stop, and only a name the model tags as a person, an
    organisation or a place ("Analysis:", "Watch:" are labels, not sources)."""
    text = text_of(doc)
    line_end = text.find("\n", line_start)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    if len(line.split()) > 20 or line.rstrip().endswith("."):
        return None
    m = re.match(r"\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+\S", line)
    if not m:
        return _trailing_source(doc, line, line_start)
    span = doc.char_span(line_start + m.start(1), line_start + m.end(1), alignment_mode="expand")
    if span is None or not any(e.label_ in {"PERSON", "ORG", "GPE"} and e.start >= span.start and e.end <= span.end
                               for e in ents_of(doc)):
        return None
    if not (span.root.ent_type_ or span.root.lemma_.lower() in ORG_TYPES | _ANON_HEADS) \
            or span.root.lemma_.lower() in HAPPENINGS:
        return None  # "Ruritania earthquake: 144 dead", "Harbour Attack: …": the story's name, not its source
    return speaker_from_np(span.root)


def _trailing_source(doc: Doc, line: str, line_start: int) -> Speaker | None:
    """'Floods displaced more than 43,000 - UN agency': wire headlines name their source after a
    dash at the end. A few words only, naming an organisation, a person or a kind of source."""
    m = re.search(r"\S\s+[-–—]\s+([A-Za-z][\w.'’-]*(?:\s+[\w.'’-]+){0,3})\s*$", line)
    if not m:
        return None
    span = doc.char_span(line_start + m.start(1), line_start + m.end(1), alignment_mode="expand")
    if span is None or any(t.like_num for t in span):
        return None
    named = next((e for e in ents_of(doc) if e.label_ in {"PERSON", "ORG", "GPE", "NORP"}
                  and e.start >= span.start and e.end <= span.end), None)
    head = span[-1]
    if named is None and head.lemma_.lower() not in _ANON_HEADS and head.lower_ not in _ANON_HEADS:
        return None
    # the words after the dash alone: the parse may hang the headline's number on them
    kind = "ANON" if head.lemma_.lower() in _ANON_HEADS or head.lower_ in _ANON_HEADS else named.label_
    return Speaker(_strip_article(span.text.strip()), kind, span.start_char, span.end_char)


@functools.lru_cache(maxsize=8)
def quote_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Spans between paired quotation marks, within a paragraph (cached: asked per figure)."""
    regions = []
    for para in re.finditer(r"[^\n]+", text):
        s = para.group(0)
        for open_q, close_q in _QUOTE_PAIRS[:3]:
            if open_q == close_q:
                pos = [m.start() for m in re.finditer(re.escape(open_q), s)]
                pairs = []
                opened = None
                for p in pos:
                    before = s[p - 1] if p else " "
                    after = s[p + 1] if p + 1 < len(s) else " "
                    # a straight mark after a space and before a word opens a quotation; the writer
                    # who opens a new one without closing the last ('said: "Every day counts. "It
                    # is clear …"') has ended the last one there
                    opening = (before.isspace() or before in "([—–-:") and not after.isspace()
                    if opened is None:
                        opened = p
                    elif opening and not (before in ":" and p == opened + 2):
                        pairs.append((opened, p))
                        opened = p
                    else:
                        pairs.append((opened, p))
                        opened = None
                # an unclosed quote runs to the end of the paragraph (a quote continued below)
                if opened is not None:
                    pairs.append((opened, len(s)))
            else:
                pairs, stack = [], None
                for m in re.finditer(f"[{open_q}{close_q}]", s):
                    if m.group(0) == open_q:
                        if stack is not None:
                            pairs.append((stack, m.start()))  # a new quotation ends an unclosed one
                        stack = m.start()
                    elif stack is not None:
                        pairs.append((stack, m.end()))
                        stack = None
                if stack is not None:
                    pairs.append((stack, len(s)))
            regions += [(para.start() + a, para.start() + b) for a, b in pairs]
    return tuple(sorted(regions))


def _apposed(text: str, end: int, head: str, mention: int) -> bool:
    """"Ryanair, the airline, …": the name is followed by a description with ``head`` — unless
    that description is the very mention being resolved ("… in Northland, the government said"
    is a new subject, not a second name for the place)."""
    m = re.match(r",\s+(the|its)\s+(\w+\s+)?" + head + r"\b", text[end:end + 40].lower())
    return m is not None and end + m.start(1) != mention


class ArticleSpeakers:
    """Attributions of one article, with pronoun and "the official" carried back."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.history: list[Speaker] = []       # resolved speakers, in text order
        self.by_sentence: dict[int, list[tuple[Cue, Speaker]]] = {}
        self.persons: list[Span] = []
        self.sayers: list[Speaker] = []  # organisations the article quotes as saying something
        self.ownerless: set[int] = set()  # sentences attributed to a document that names no one
        self._run()

    # -- resolution -------------------------------------------------------------------------
    def _resolve(self, spk: Speaker, at: int) -> Speaker:
        if spk.kind in {"ORG", "GPE", "NORP", "PERSON"} and " " not in spk.name.strip():
            # "Ryder noted" after "Maj. Gen. Pat Ryder said": a bare surname, whatever NER called it
            for e in ents_of(self.doc):
                if e.label_ == "PERSON" and len(e) > 1 and e[-1].text == spk.name.strip() and e.start_char < at:
                    return Speaker(e.text, "PERSON", spk.start, spk.end, spk.role)
        if spk.kind == "PRON":
            want = _PRONOUNS.get(spk.name, "ANY")
            if spk.name in {"he", "she"}:
                topic = self._previous_subject(at)
                if topic is not None:
                    return topic
            for prev in reversed(self.history):
                if want == "PERSON" and prev.kind == "PERSON":
                    return prev
                if spk.name in {"he", "she"} and prev.kind == "ANON" and \
                        prev.name.lower().split()[-1] in _PERSON_HEADS:
                    return prev  # "the spokesman said … he added": an unnamed person is still a he
                if want == "ORG" and (prev.kind in {"ORG", "GPE"} or prev.kind == "ANON" and
                                      prev.name.lower().split()[-1:] and prev.name.lower().split()[-1] in ORG_TYPES):
                    return prev
                if want == "ANY":
                    return prev
            if want == "PERSON":
                people = [e for e in ents_of(self.doc) if e.label_ == "PERSON" and e.end_char <= at]
                if people:
                    e = people[-1]
                    return Speaker(e.text, "PERSON", e.start_char, e.end_char)
            return spk
        if spk.kind == "ANON":
            words = spk.name.lower().split()
            # a bare description ("the official", "its chief executive", "the world's biggest
            # insurer") points back; one with a name of its own ("a Pentagon official") does not
            opening = text_of(self.doc)[spk.start:spk.start + 8].lower()
            indefinite = re.match(r"(a|an|another|one)\s", opening) is not None  # "a senior official" is new
            span = self.doc.char_span(spk.start, spk.end, alignment_mode="expand")
            named = span is not None and not any(t.tag_ in {"JJS", "RBS"} for t in span) and any(
                t.ent_type_ in {"NORP", "ORG", "PERSON"} or t.ent_type_ == "GPE" and span[0].lower_ != "the"
                for t in span)
            # ("Ruritanian officials", "Ruritania's health ministry": a name says whose, so they are
            # not "the officials" or "the ministry" of the sentence before — but "the UK's biggest
            # lender", "Britain's largest bank" describe the company the article named)
            descriptive = words and not indefinite and not named and (len(words) <= 2 or len(words) <= 4 and not any(
                w[:1].isupper() for w in spk.name.split()[1:]))
            if descriptive:
                head = words[-1]
                # "the official", "the ministry": the latest speaker with that head noun
                for prev in reversed(self.history):
                    pw = prev.name.lower().split() + (prev.role or "").lower().split()
                    if head in pw or head.rstrip("s") in [w.rstrip("s") for w in pw]:
                        return prev
                if head in ORG_TYPES:
                    # "the airline said": the organisation the article called an airline
                    # ("budget airline Ryanair", "Ryanair, the airline") or named so
                    text = text_of(self.doc)
                    orgs = [e for e in ents_of(self.doc) if e.label_ == "ORG" and e.end_char <= at]
                    if head not in BUSINESS_TYPES:
                        # "the army", "the ministry": only an organisation the article calls so
                        # ("the regional health ministry", "Ukraine's army, the AFU") — a newsroom
                        # story names many; a company story is about one
                        orgs = [e for e in orgs if head in e.text.lower().split()
                                or text[max(0, e.start_char - 25):e.start_char].lower().split()[-1:] == [head]
                                or _apposed(text, e.end_char, head, spk.start)]
                    if orgs:
                        e = max(orgs, key=lambda e: (sum(o.text == e.text for o in orgs), e.start))
                        return Speaker(e.text, "ORG", e.start_char, e.end_char)
                if head in ROLE_NOUNS:
                    # "its chief executive said": the person the article gives that post, before
                    # this sentence if it does there, else the nearest after it
                    people = [e for e in ents_of(self.doc) if e.label_ == "PERSON"]
                    people = sorted(people, key=lambda e: (e.end_char > at, abs(e.start_char - at)))
                    for e in people:
                        before = text_of(self.doc)[max(0, e.start_char - 40):e.start_char].lower()
                        after = text_of(self.doc)[e.end_char:e.end_char + 40].lower()
                        if head in before.split() or head in after.replace(",", " ").split()[:4]:
                            return Speaker(e.text, "PERSON", e.start_char, e.end_char, spk.name)
        return spk

    def _previous_subject(self, at: int) -> Speaker | None:
        """The person the sentence before is about: "Noah Nathan lives nearby. He said …" — a
        sentence that opens with "he" continues the subject of the one before it, whoever spoke
        last."""
        tok = next((t for t in self.doc if t.idx >= at), None)
        if tok is None or tok.sent.start == 0:
            return None
        prev = self.doc[tok.sent.start - 1].sent
        subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        ent = next((e for e in ents_of(self.doc) if e.label_ == "PERSON" and e.start <= subj.i < e.end), None)
        if ent is None:
            return None
        named = Speaker(ent.text, "PERSON", ent.start_char, ent.end_char)
        return self._resolve(named, ent.start_char) if len(ent) == 1 else named

    def _settle_documents(self) -> None:
        """A poll or report named without its owner ("the poll suggests") is the one the article
        names with its owner ("the YouGov poll"), or the organisation of the kind it is "for"
        ("a survey for the charity"); failing both, it names no one."""
        owned = [s for s in self.history if (s.role or "").startswith("document") and s.kind != "DOC"]
        owned += self._owned_documents()
        conductors = self._pollsters()
        owned += conductors
        text = text_of(self.doc)
        for start, found in sorted(self.by_sentence.items()):
            kept = []
            for cue, spk in found:
                if spk.role in _SURVEYS and not spk.conducted:
                    # "a poll for the Sunday Times … YouGov polled 1,981 voters": the pollster who
                    # carried it out answers for its figures, before the paper that paid for it
                    near = [o for o in conductors if abs(o.start - spk.start) <= 600]
                    if near:
                        o = min(near, key=lambda o: abs(o.start - spk.start))
                        spk = Speaker(o.name, o.kind, o.start, o.end, spk.role, conducted=True)
                if spk.kind == "DOC":
                    same = [o for o in owned if _same_kind_of_document(o.role, spk.role)]
                    near = [o for o in same if abs(o.start - spk.start) <= 600]
                    owner = min(near, key=lambda o: abs(o.start - spk.start)) if near else None
                    if owner is None and re.match(r"(the|these|those|this|that)\s", text[spk.start:spk.start + 7].lower()):
                        # "the documents say": a definite description points back to the document
                        # the article named with its owner, however far back
                        before = [o for o in same if o.start < spk.start]
                        owner = before[-1] if before else None
                    if owner is None:
                        kinds = [w for w in spk.name.lower().split() if w in ORG_TYPES]
                        if kinds:
                            owner = self._resolve(Speaker(kinds[-1], "ANON", spk.start, spk.end), spk.start)
                            owner = owner if owner.kind == "ORG" else None
                    if owner is None:
                        # "…, says Age Concern. A survey for the charity suggests …": the source
                        # the article has just named, not a spokesperson with a post
                        # ("Monthly figures showed …" are new figures, not the charity's; "the
                        # figures showed" after "the Bundesbank said" are the Bundesbank's)
                        definite = re.match(r"(the|these|those)\s", text[spk.start:spk.start + 6].lower())
                        # ("Initial reports indicate …": reports in general, nobody's in particular)
                        plural = spk.name.split()[-1].lower() != spk.role.split(":", 1)[1]
                        named = [o for o in self.sayers if 0 <= spk.start - o.start <= 600
                                 and (spk.role not in _STATISTICS and not plural or definite)]
                        owner = named[-1] if named else None
                    if owner is None:
                        self.ownerless.add(start)
                        continue
                    # (the document found its owner: "the research" further on may mean it)
                    owned.append(Speaker(owner.name, owner.kind, spk.start, spk.end, spk.role))
                    spk = Speaker(owner.name, owner.kind, owner.start, owner.end, spk.role)
                kept.append((cue, spk))
            if kept:
                self.by_sentence[start] = kept
            else:
                del self.by_sentence[start]
        self.history = [s for s in self.history if s.kind != "DOC"]

    def _pollsters(self) -> list[Speaker]:
        """Organisations the article says polled, surveyed or interviewed people ("YouGov polled
        1,981 voters", "1,000 adults quizzed by ICM"): they carried out a survey."""
        out = []
        for tok in self.doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in _ASKING:
                continue
            who = _agent(tok) or next((c for c in tok.children if c.dep_ == "nsubj"), None)
            ent = next((e for e in ents_of(self.doc) if who is not None and e.label_ == "ORG"
                        and e.start <= who.i < e.end), None) if who is not None else None
            if ent is not None:
                out.append(Speaker(_strip_article(ent.text), "ORG", ent.start_char, ent.end_char,
                                   role="document:poll", conducted=True))
        return out

    def _owned_documents(self) -> list[Speaker]:
        """Documents the article names with their owner outside any speech cue ("Court papers
        released by federal prosecutors provided new details"): what "the documents" refers to."""
        out = []
        for tok in self.doc:
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in _DOCUMENT_NOUNS:
                spk = speaker_from_np(tok)
                if spk is not None and spk.kind != "DOC" and (spk.role or "").startswith("document"):
                    if spk.kind == "ANON":
                        # "the group's survey": the group the article named before
                        named = self._resolve(spk, spk.start)
                        spk = Speaker(_strip_article(named.name), named.kind, named.start, named.end, spk.role,
                                      spk.conducted)
                    out.append(spk)
                elif tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in _AUTHORING and _agent(tok.head) is not None:
                    # "The research was carried out by the Film Council": the sentence names its owner
                    ag = _agent(tok.head)
                    ent = next((e for e in ents_of(self.doc) if e.label_ in {"ORG", "PERSON"} and ag.i in range(e.start, e.end)
                                or e.label_ in {"ORG", "PERSON"} and e.start in {t.i for t in ag.subtree}), None)
                    if ent is not None:
                        out.append(Speaker(_strip_article(ent.text), ent.label_, ent.start_char, ent.end_char,
                                           role="document:" + tok.lemma_.lower()))
        return sorted(out, key=lambda s: s.start)

    def _run(self) -> None:
        quotes = quote_regions(text_of(self.doc))
        for sent in self.doc.sents:
            found = []
            for cue in find_cues(sent):
                if any(a <= cue.token.idx < b for a, b in quotes):
                    continue  # "I would say", "the Collector has informed …" inside a quotation: the
                    # quotation's speaker says it, whoever the quoted words cite
                spk = self._resolve(cue.speaker, cue.speaker.start)
                if spk.kind == "PRON":
                    continue  # a pronoun with nobody to point back to names no one
                found.append((cue, spk))
                self.history.append(spk)
                if cue.token.lemma_.lower() in STRONG_SPEECH and spk.kind in {"ORG", "GPE"} and not spk.role \
                        and not any(a <= cue.token.idx < b for a, b in quotes):
                    # (an organisation "has said" inside someone's quotation is that person's account)
                    self.sayers.append(spk)
            if not found:
                spk = _colon_speaker(self.doc, sent)
                if spk is not None:
                    spk = self._resolve(spk, spk.start)
                    found.append((Cue(sent.root, spk), spk))
                    self.history.append(spk)
            if found:
                self.by_sentence[sent.start] = found
        self._settle_documents()
        self._specify_bare_bodies()

    def _specify_bare_bodies(self) -> None:
        """"The ministry said" names the ministry the article names more fully anywhere — before
        or after ("the health ministry", "the Ministry of Health"); a bare kind of body is no
        name a reader could look up."""
        fuller: dict[str, str] = {}
        names = [spk.name for found in self.by_sentence.values() for _, spk in found]
        names += [e.text for e in ents_of(self.doc) if e.label_ == "ORG"]
        # the noun phrases the article uses for its bodies, whatever the speakers resolved to
        names += [c.text for c in self.doc.noun_chunks if c.root.lower_ in ORG_TYPES and not any(t.like_num for t in c)]
        for raw in names:
            name = _strip_article(raw.strip())
            words = name.lower().split()
            if not all(re.fullmatch(r"[a-z][a-z.'’-]*", w) for w in words):
                continue  # page debris glued to the name ("NNA -nbsp;The Ministry")
            for kind in set(words) & ORG_TYPES:
                if len(words) > 1 and len(name) > len(fuller.get(kind, "")) and len(words) <= 6:
                    fuller[kind] = name
        # "a spokesperson for the ministry said …" and later "spokesperson Lior Haiat said": the
        # one person the article gives that post is the one it described
        posts: dict[str, set[str]] = {}
        for found in self.by_sentence.values():
            for _, spk in found:
                if spk.kind == "PERSON":
                    lead = [w.lower() for w in spk.name.split()[:-1] if w.lower() in ROLE_NOUNS]  # "spokesperson Lior Haiat"
                    for w in (spk.role or "").lower().split() + lead:
                        posts.setdefault(w, set()).add(spk.name)
        for start, found in self.by_sentence.items():
            for n, (cue, spk) in enumerate(found):
                words = _strip_article(spk.name).lower().split()
                if len(words) == 1 and words[0] in fuller and spk.kind in {"ORG", "ANON", "PERSON"}:
                    found[n] = (cue, dataclasses.replace(spk, name=fuller[words[0]], kind="ORG"))
                elif spk.kind == "ANON" and words and words[-1] in ROLE_NOUNS and len(posts.get(words[-1], ())) == 1:
                    found[n] = (cue, dataclasses.replace(spk, name=next(iter(posts[words[-1]])), kind="PERSON",
                                                         role=spk.name))

    # -- lookup -----------------------------------------------------------------------------
    def for_token(self, tok: Token) -> tuple[Cue, Speaker] | None:
        """Who the figure at ``tok`` is said by: the rules' answer (``by_rules``), or, where the
        learned choice won leave-one-event-out (models/speaker.json in use), the source it
        picks among the rules' answer, the sources of the sentences around and nobody."""
        hit = self.by_rules(tok)
        model = learned.load("speaker")
        if model is None or not model.use:
            return hit
        return carry.choose(model, self.candidates(tok, hit))

    def candidates(self, tok: Token, hit) -> list:
        text = text_of(self.doc)
        return carry.candidates(tok, hit, self.by_sentence, quote_regions(text), text)

    def by_rules(self, tok: Token) -> tuple[Cue, Speaker] | None:
        """The attribution that governs a token: a cue of its own sentence that is an ancestor
        of it (or the nearest cue there), else the speaker of the quotation it stands in."""
        if _names_an_event(tok):
            return None
        sent = tok.sent
        found = self.by_sentence.get(sent.start, [])
        found = [f for f in found if not (f[1].start <= tok.idx < f[1].end) and not _describes(f[0].subject, tok)
                 and not _in_question_put(f[0].token, tok)]
        according = [f for f in found if f[0].subject is None and any(source_preposition(c) is not None for c in f[0].token.children)
                     or source_preposition(f[0].token) is not None]
        if according and all(f in according or f[0].token.lemma_.lower() not in STRONG_SPEECH for f in found):
            # "the US has pledged 50,000 doses, according to a medical source": a pledge is an act;
            # the source that the sentence says it is according to speaks for its figures
            found = according
        if found:
            # the nearest governing speech verb: "A said 40 died, while B said 60 had"
            depth = {a.i: n for n, a in enumerate(tok.ancestors)}
            governing = [f for f in found if f[0].token.i in depth and not _narrated_beside(f[0].token, tok)
                         and _speaks_for(f[0].token, tok)]
            if governing:
                # "According to CNN, the ministry said …": the verb's own subject speaks, and
                # whoever the "according to" names relays it
                return min(governing, key=lambda f: (depth[f[0].token.i], f[0].subject is None and any(
                    o[0].token.i == f[0].token.i and o[0].subject is not None and _states(o[0].token) for o in governing)))
            # no cue governs the figure (often a mis-parse: "…, with 1,000 killed, Kirby has
            # claimed"): the nearest cue speaks for the sentence unless it sits in a subordinate
            # clause of its own ("… rose 3% after the company said …")
            # ("…, according to the latest report" hangs on whatever verb is nearest: it speaks for
            # the sentence, however deep the parser put it)
            heads = [f for f in found if (f in according or not _subordinate(f[0].token)
                                          and not _coordinated_after(f[0].token, tok))
                     and not _narrated_beside(f[0].token, tok) and not _owns_its_count(f[0].token)]
            if heads:
                return min(heads, key=lambda f: abs(f[0].token.i - tok.i))
            # only a speech verb of a subordinate clause ("the child he says is his"): the figure's
            # own clause has no cue, and is read as a sentence without one
        quoted = self._quoted(tok)
        if quoted is not None or sent.start in self.ownerless:
            # ("…, according to official figures": attributed, to no one the article names)
            return quoted
        carried = self._findings_carried(tok) or self._statement_run(tok) or self._told_after(tok)
        if carried is not None or not _is_share(tok):
            return carried
        # a poll or report story: its later percentages come from the same survey
        earlier = [f for start in sorted(self.by_sentence) if start < sent.start
                   for f in self.by_sentence[start]
                   if f[1].role in {"document:survey", "document:poll", "document:study", "document:research",
                                    "document:census"} and f[1].kind == "ORG"]
        return earlier[-1] if earlier else None

    def _findings_carried(self, tok: Token) -> tuple[Cue, Speaker] | None:
        """A report's, a survey's or an inquiry's findings go on over the following sentences of
        the paragraph ("…, the report by BT says. It compares to 27 million, or 50%, …"): a
        sentence with no cue and no quotation of its own, right after a sentence that attributes
        a document or an organisation's findings, still reports them — and so does a count after an
        organisation's statement ("It said that in Balochistan 670km of roads … Similarly, in Sindh,
        …"). Any other cue, a quotation or the end of the paragraph ends the run; a person's
        statement is not carried (the quotation rules follow a person)."""
        text = text_of(self.doc)
        if any(a <= tok.idx < b for a, b in quote_regions(text)):
            return None
        sent = tok.sent
        for _ in range(3):  # a findings run is a few sentences long, not the rest of the article
            if sent.start == 0:
                return None
            prev = self.doc[sent.start - 1].sent
            if "\n" in text[prev.end_char - 1:sent.start_char] or "\n" in prev.text.strip():
                return None  # a new paragraph
            if any(prev.start_char <= a < prev.end_char for a, _ in quote_regions(text)):
                return None
            found = self.by_sentence.get(prev.start)
            if prev.start in self.ownerless and not found:
                return None  # the sentence before has a source of its own, however nameless
            if found:
                heads = [f for f in found if not _subordinate(f[0].token)]
                cue, spk = heads[-1] if heads else found[-1]
                if not (cue.token.i == prev.root.i or cue.token.dep_ == "conj" and cue.token.head.i == prev.root.i):
                    return None  # the findings are not what the sentence before states ("expected to
                    # point to figures showing …"), but a detail of it
                if (spk.role or "").startswith("document:") and spk.role.split(":")[1] in _DOCUMENT_NOUNS:
                    return cue, spk
                if spk.kind in {"ORG", "GPE"} and cue.token.lemma_.lower() in _FINDING_VERBS:
                    return cue, spk
                if spk.kind in {"ORG", "GPE"} and cue.token.lemma_.lower() in STRONG_SPEECH and _counts_things(tok):
                    # "It said that in Balochistan 670km of roads … Similarly, in Sindh, …": a body's
                    # statement of counts goes on over its paragraph; prices and shares after "the
                    # bank said" are the outlet's market report
                    return cue, spk
                return None
            sent = prev
        return None

    def _told_after(self, tok: Token) -> tuple[Cue, Speaker] | None:
        """"16 people have been killed … The coordination centre disclosed this in its report.": a
        source in the very next sentence that says "this" (or "these figures") states the sentence
        before it."""
        sent = tok.sent
        if sent.end >= len(self.doc):
            return None
        nxt = self.doc[sent.end].sent
        # ("According to Ukrinform, the minister announced this": the verb's own subject speaks)
        for cue, spk in sorted(self.by_sentence.get(nxt.start, []), key=lambda f: f[0].subject is None):
            if spk.kind == "PRON":
                continue
            for c in cue.token.children:
                if c.dep_ not in {"dobj", "ccomp", "nsubjpass"}:
                    continue
                if c.lower_ in _POINTING_BACK and not list(c.children) or any(
                        d.dep_ == "det" and d.lower_ in _POINTING_BACK for d in c.children) and c.lemma_.lower() in _TALLY_WORDS:
                    return cue, spk
        return None

    def _statement_run(self, tok: Token) -> tuple[Cue, Speaker] | None:
        """A tally goes on: after "the ministry said 40 were killed", the next sentence ("Another
        107 were wounded.") still reports it when it counts people too and has no source or
        quotation of its own — the very next sentence only, across a paragraph break as well
        (wire copy puts each sentence in its own). Carrying every statement, or further, was
        measured on the development sets and lost."""
        if tok.sent.start == 0 or any(a <= tok.idx < b for a, b in quote_regions(text_of(self.doc))):
            return None
        prev = self.doc[tok.sent.start - 1].sent
        found = self.by_sentence.get(prev.start)
        # (a sentence opening on the count before it goes on about it, whatever it counts)
        if prev.start in self.ownerless or not found or not (
                (carry.tolls(prev) and carry.tolls(tok.sent))
                or (carry.opens_on_count(tok.sent) and any(t.like_num for t in prev))):
            return None
        heads = [f for f in found if not _subordinate(f[0].token)]
        cue, spk = heads[-1] if heads else found[-1]
        if carry.opens_on_count(tok.sent) and spk.kind != "PRON":
            return cue, spk  # "Of those, 283 were destroyed": whoever gave the count gives its parts
        if cue.token.lemma_.lower() not in STRONG_SPEECH or (spk.role or "").startswith("document:") \
                or spk.kind not in {"ORG", "PERSON", "ANON", "GPE"}:
            return None
        return cue, spk

    def _quoted(self, tok: Token) -> tuple[Cue, Speaker] | None:
        """A figure inside quotation marks in a sentence with no cue: the speaker is named in
        the sentence that opens or closes the same quotation, or the next one."""
        regions = quote_regions(text_of(self.doc))
        for a, b in regions:
            if a <= tok.idx < b:
                return self._region_speaker(a, b, tok.sent, regions)
        return None

    def _region_speaker(self, a: int, b: int, own: Span, regions, depth: int = 0) -> tuple[Cue, Speaker] | None:
        text = text_of(self.doc)
        for s in self._sentences_touching(a, b, own):
            found = self.by_sentence.get(s.start)
            if found and s.start_char >= b - 1 and re.match(r"\s*:\s*[“\"]", text[found[0][0].token.idx + len(found[0][0].token):]):
                continue  # "X said: “…”" after the quotation introduces a quotation of its own
            found = [f for f in found or [] if not any(x <= f[0].token.idx < y for x, y in regions)]
            # ("… because people just mention names," inside a quotation: the quoted words, not who speaks)
            if found:
                return found[0]
        # a quotation that runs over paragraphs leaves the earlier one unclosed and reopens the
        # next with a quotation mark: a paragraph that opens with a quotation, right after one
        # that ended inside an unclosed quotation, goes on quoting the same speaker
        text = text_of(self.doc)
        para_start = text.rfind("\n", 0, a) + 1
        if depth > 5 or text[para_start:a].strip():
            return None
        prev_end = len(text[:para_start].rstrip())
        if prev_end == 0 or text[prev_end - 1] in "\"”":
            return None  # the paragraph before closed its quotation
        before = [(x, y) for x, y in regions if x < prev_end <= y + 1 and "\n" not in text[x:prev_end]]
        if not before:
            return None
        x, y = before[-1]
        tok = next((t for t in self.doc if t.idx >= x), None)
        if tok is None:
            return None
        return self._region_speaker(x, y, tok.sent, regions, depth + 1)

    def _sentences_touching(self, a: int, b: int, own: Span):
        doc = self.doc
        out = []
        text = text_of(doc)
        for sent in doc.sents:
            if sent.start == own.start:
                continue
            if sent.start_char <= b + 2 and sent.end_char >= a and "\n" not in text[min(b, sent.start_char):max(a, sent.start_char)]:
                out.append(sent)  # touching the quotation within its paragraph
        # the sentence before, in the same paragraph: "“…,” X told reporters. “More quote.”"
        if own.start > 0:
            prev = doc[own.start - 1].sent
            if "\n" not in text[prev.end_char:own.start_char]:
                out.append(prev)
        # the sentence right after the quotation ("…,” the official said.")
        nxt = doc[own.end].sent if own.end < len(doc) else None
        if nxt is not None and "\n" not in text_of(doc)[own.end_char:nxt.start_char]:
            out.append(nxt)
        return out


_SURVEYS = {"document:survey", "document:poll", "document:study", "document:research", "document:report",
            "document:result"}  # "the results" of a survey are the survey


# Official counts: "the figures show", "statistics showed" are a statistics office's, not the
# survey of whichever organisation the article quoted last.
_STATISTICS = {"document:figure", "document:statistic", "document:statistics", "document:data",
               "document:number", "document:count", "document:tally", "document:toll", "document:census",
               "document:index"}
# What a court or a prosecutor files: "the documents", "the court papers", "the indictment"
# are one set of papers in a story about a case.
_FILINGS = {"document:document", "document:paper", "document:filing", "document:indictment",
            "document:record", "document:complaint", "document:affidavit", "document:lawsuit"}
# Nouns that can name such a document outside a cue; "the documents" may refer back to them.
_DOCUMENT_NOUNS = {r.split(":")[1] for r in _SURVEYS | _FILINGS}


def _same_kind_of_document(a: str | None, b: str | None) -> bool:
    """"The poll" is the YouGov poll named nearby; "the documents" are not Dr X's statement."""
    return a == b or (a in _SURVEYS and b in _SURVEYS) or (a in _FILINGS and b in _FILINGS)


_SUBORDINATORS = {"after", "before", "when", "as", "because", "since", "while", "although", "though", "if",
                  "until", "once", "whereas", "unless"}


_SIZED_EVENTS = {"earthquake", "quake", "tremor", "aftershock", "temblor", "shock"}


def _names_an_event(tok: Token) -> bool:
    """"the magnitude 6.8 quake", "Wednesday's 7.4 magnitude earthquake": a size inside the
    name of the event is how the outlet names it, whoever's statement the sentence reports —
    unlike a size the sentence states ("the quake measured 6.8, the survey said")."""
    node, chain = tok, [tok]
    while node.dep_ in {"nummod", "compound", "amod", "quantmod", "punct"} and node.head.i != node.i:
        node = node.head
        chain.append(node)
    if node.i == tok.i or node.lemma_.lower() not in _SIZED_EVENTS:
        return False
    words = {t.lower_ for t in chain} | {c.lower_ for c in node.children if c.i < node.i}
    return any("magnitude" in w for w in words)


def _describes(subject: Token | None, tok: Token) -> bool:
    """Is the token in an apposition to the speaker, or in a clause about someone else inside the
    speaker's noun phrase ("X, a profiler who helped catch a bomber who killed 3 people, told …")?
    That is the writer's background on who is speaking, not what they said. A clause on the
    speaker itself ("the authorities, who have charged 19 people, said") tells the speaker's own
    acts, and stays theirs."""
    if subject is None or tok.i == subject.i:
        return False
    node = tok
    described = False
    while node.i != subject.i:
        if node.dep_ == "appos" or node.dep_ in {"relcl", "acl"} and _antecedent(node).i != subject.i:
            described = True
        if node.head.i == node.i:
            return False  # reached the root: not inside the subject at all
        node = node.head
    return described


_SHARES = {"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "most", "many", "some",
           "majority", "minority", "all", "none", "proportion", "share", "total"}
_ASKING = {"poll", "survey", "ask", "question", "interview", "quiz", "sample"}


def _respondents(subj: Token) -> bool:
    """A subject that is a share of the people asked — "69% of over-55s", "One in four", "A
    total of 53% of those polled", "Thirty per cent", "nearly half those surveyed" — reports
    answers to a poll; it is not a source of its own ("two officials" is)."""
    clauses = {t.i for c in subj.children if c.dep_ in {"acl", "relcl"} for t in c.subtree}
    words = [t for t in subj.subtree if t.i not in clauses]  # not "figures showing that 4.6% …"
    if any(t.text == "%" or t.lower_ in {"percent", "cent"} for t in words):
        return True
    if subj.lower_ in _SHARES or subj.like_num and any(c.lower_ in {"of", "in"} for c in subj.children):
        return True
    # "those polled", "people questioned for the survey", "nearly half those surveyed"
    return subj.lemma_.lower() in {"those", "respondent", "people", "voter", "adult"} and any(
        t.dep_ in {"acl", "relcl"} and t.lemma_.lower() in _ASKING for t in subj.subtree) or \
        any(t.lower_ in _SHARES - {"some", "all", "many", "most"} and t.i < subj.i for t in words)


def _states(verb: Token) -> bool:
    """A statement made, not one foretold ("will report profits of £9bn")."""
    return verb.lemma_.lower() in STRONG_SPEECH and not any(
        c.dep_ == "aux" and c.lower_ in {"will", "would", "may", "might", "could", "should", "shall"} for c in verb.children)


# Marks of a clause that tells what went on while someone spoke, not what they said.
_NARRATING = {"as"}


def _narrated_beside(verb: Token, tok: Token) -> bool:
    """"…, officials said, as rescuers turned to the hundreds injured": the figure sits in a clause
    hung on the speech verb after it that sets the scene of the saying; the outlet tells it."""
    if verb.lemma_.lower() not in SPEECH_LEMMAS:
        return False  # the verb an "according to" hangs on tells what was said, "as" clause and all
    node = tok
    while node.head.i != node.i and node.head.i != verb.i:
        node = node.head
    return node.head.i == verb.i and node.dep_ == "advcl" and node.i > verb.i and any(
        c.dep_ == "mark" and c.lower_ in _NARRATING for c in node.children)


def _subordinate(verb: Token) -> bool:
    """A speech verb inside "after the company said …" tells of that clause, not of the sentence —
    unless the clause is only an attribution: "…, as reported by AFP", "as confirmed by local
    authorities", "as officials said" report what the sentence around them states."""
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    if marks == ["as"] and not any(c.dep_ in {"ccomp", "xcomp", "dobj", "attr"} for c in verb.children) \
            and (_agent(verb) is not None or any(c.dep_ == "nsubj" for c in verb.children)):
        return False
    return any(m in _SUBORDINATORS for m in marks) or verb.dep_ == "relcl"


_QUESTIONED = {"ask", "question", "press", "quiz", "challenge"}


def _in_question_put(verb: Token, tok: Token) -> bool:
    """Is the token in an "Asked about …" clause of the speech verb ("Asked about the 40 members
    who left, she said …")? That is the question the reporter put, in the writer's words; the
    speaker's claim is the answer."""
    node = tok
    while node.head.i != node.i:
        if node.head.i == verb.i:
            # a participle has no subject of its own (the tagger may call "Asked" a past tense)
            return node.dep_ == "advcl" and node.tag_ in {"VBN", "VBD"} and node.lemma_.lower() in _QUESTIONED \
                and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children)
        node = node.head
    return False


def _coordinated_after(verb: Token, tok: Token) -> bool:
    """Does the speech verb head a clause coordinated after the token's own ("N of the M were
    X, but the government denies any role")? The conjunct before it is the writer's statement:
    a cue claims what it reports (its complement, the clause it hangs on), not a sibling clause
    the writer set beside it. Only a conjunct with a subject of its own: one that shares the
    subject ("X is projecting 5% growth and also expects …") goes on with the same source, and
    a reporting verb after a comma ("…, predicts the report") is the parser's conjunct for an
    inverted "the report predicts". And only one a conjunction opens ("…, but the government
    denies"): "…, with 1,000 killed, Kirby has claimed" parsed as a conjunct is the sentence's
    reporting clause. "According to X" hung on the last conjunct often speaks for the whole
    sentence, and is left to claim it."""
    if verb.dep_ != "conj" or not _speech_head(verb) or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return False
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    if before is None or before.dep_ != "cc":
        return False
    return verb.head.i == tok.i or any(a.i == verb.head.i for a in tok.ancestors)


def _counts_things(tok: Token) -> bool:
    """A count of people or things, not an amount of money or a share."""
    # the amount's own tokens around it: "72bn euros", "$ 5", "590 pence"
    near = {t.lower_.rstrip("s") for t in tok.doc[max(tok.i - 2, 0):tok.i + 3]}
    return tok.ent_type_ not in {"MONEY", "PERCENT"} and not _is_share(tok) and \
        not near & (set(CURRENCY_WORDS) | {"pence", "euro", "$", "£", "€", "¥", "₹"})


def _is_share(tok: Token) -> bool:
    """A percentage or a fraction: the statistics a poll or report story quotes."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    after = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
    # "Forty-three per cent": the number may be written in several tokens before its unit
    unit = next((t for t in tok.doc[tok.i + 1: tok.i + 5] if not (t.like_num or t.text == "-")), None)
    return tok.text.endswith("%") or tok.lower_ in {"percent", "cent"} or \
        (nxt is not None and nxt.lower_ in {"%", "per", "percent"}) or (unit is not None and unit.lower_ in {"%", "per", "percent"}) or \
        tok.lower_ in {"half", "third", "quarter", "fifth", "thirds", "quarters"} or \
        (tok.like_num and nxt is not None and nxt.lower_ == "in" and after is not None and after.like_num)  # "one in four"


def attribution_for(speakers: ArticleSpeakers, tok: Token, hit=None) -> Attribution | None:
    """The attribution record of the figure at ``tok`` (``hit``: ``for_token``'s answer, when the
    caller has it already)."""
    hit = hit if hit is not None else speakers.for_token(tok)
    if hit is None:
        return None
    cue, spk = hit
    sent = tok.sent
    return Attribution(
        speaker=spk.name, speaker_start=spk.start, speaker_end=spk.end,
        cue=cue.token.text, cue_start=cue.token.idx,
        content_start=sent.start_char, content_end=sent.end_char,
        direct=any(a <= tok.idx < b for a, b in quote_regions(text_of(tok.doc))),
        kind={"PERSON": "person", "ANON": "anonymous"}.get(spk.kind, "organisation"),
        relayed_by=cue.relayed_by,
    )
