"""Which part of a whole a figure counts: the place, the occasion, the cause, the condition.

"20 killed" is not one series: "20 killed in Sindh", "20 killed on Wednesday in the second wave",
"1,404 in critical condition" and "3,556 houses destroyed" (not "partially damaged") each count a
part, and a ledger that drops these words sets a province against the nation and the second wave
against the first. The words are read from the figure's own clause, by its structure: the
prepositional phrases of place and time on the figure, its noun and its verb; the cause that
did the harm ("the blasts killed 12"); a place that reports its own count ("Punjab reported
114"); the state a counted thing is left in ("partially damaged"). Pure function of the parse.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..nlp import ents_of
from .lexicon import AFTERMATH_LEMMAS, MONTHS, PEOPLE_NOUNS, SEVERITY_ADVERBS, SPEECH_LEMMAS, TALLY_NOUNS, TOLL_LEMMAS

# Prepositions that place a count in space or time, or give its cause
PART_PREPS = {"in", "at", "across", "from", "over", "during", "since", "on", "inside", "near", "within",
              "throughout", "after", "following", "outside", "around"}
REPORTING = {"report", "record", "register", "see", "suffer", "confirm", "count", "log", "have", "account"}
MAX_WORDS = 7
_FUNCTION_WORDS = {"in", "at", "on", "from", "over", "the", "a", "an", "of", "to", "by", "during", "since", "across"}
# Parts matter where a whole is counted in pieces: people harmed, moved, sent, and what a
# disaster destroyed; a price or a poll share is no part of a toll.
PART_MEASURES = {"killed", "wounded", "casualties", "missing", "displaced", "captured", "deployed"}
DAMAGE = {"damage", "destroy", "collapse", "flood", "burn", "raze", "demolish", "affect", "wash", "sweep", "level",
          "infect", "vaccinate", "evacuate", "rescue"}


def _words(tokens) -> str:
    return " ".join(t.text for t in tokens if not t.is_space and (not t.is_punct or t.text in {"-", "'s", "’s"})
                    ).replace(" 's", "'s").replace(" - ", "-").strip()


def _phrase(prep: Token, num: Token) -> str | None:
    sub = list(prep.subtree)
    if any(t.i == num.i for t in sub) or any(t.like_num and t.ent_type_ not in {"DATE", "TIME", "EVENT"}
                                             and not (t.i > 0 and t.nbor(-1).lower_.rstrip(".") in MONTHS) for t in sub):
        return None  # the phrase holds this figure, or another amount ("from an earlier 2.6%")
    if len(sub) > MAX_WORDS:
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        sub = [t for t in pobj.subtree if t.i <= pobj.i or t.dep_ == "compound"][-MAX_WORDS + 1:]
        ent = next((e for e in ents_of(pobj.doc) if e.start <= sub[-1].i < e.end), None)
        if ent is not None and ent.end - 1 > sub[-1].i:  # "in fighting in El-Fasher": the whole name
            sub += list(pobj.doc[sub[-1].i + 1:ent.end])
        sub = [prep] + sub
    return _words(sub)


def _clause_verb(tok: Token) -> Token | None:
    for _ in range(4):
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def applies(measure: str, num: Token, noun: Token | None) -> bool:
    if measure in PART_MEASURES:
        return True
    if measure == "other" and noun is not None and noun.lemma_.lower() in PEOPLE_NOUNS:
        return True  # "242 people on board", "2 million people in the city": people, where they are
    verb = _clause_verb(noun if noun is not None else num)
    return measure == "other" and verb is not None and verb.lemma_.lower() in DAMAGE


def parts(num: Token, noun: Token | None) -> list[str]:
    """Words that say which part of a whole the figure counts, nearest first."""
    out: list[str] = []
    anchors = [num] + ([noun] if noun is not None and noun.i != num.i else [])
    verb = _clause_verb(noun if noun is not None else num)
    if verb is not None and verb.lemma_.lower() in SPEECH_LEMMAS:
        verb = None  # "the ministry said 20 died": what was said is in the clause below
    if verb is not None:
        anchors.append(verb)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
            # "pagers exploded on Tuesday, killing 12": the event's time and place are on the verb it hangs from
            anchors.append(verb.head)
        for c in verb.children:  # "the death toll from Tuesday's blasts rose to 12"
            if c.dep_ in {"nsubj", "nsubjpass"} and c.i not in {a.i for a in anchors} and c.pos_ == "NOUN" \
                    or c.dep_ == "dobj" and c.lemma_.lower() in TALLY_NOUNS:  # "put the number of dead in … at"
                anchors.append(c)
    seen = set()
    for a in anchors:
        for c in a.children:
            if c.dep_ == "prep" and c.lower_ in PART_PREPS and c.i not in seen:
                seen.add(c.i)
                p = _phrase(c, num)
                if p:
                    out.append(p)
            elif c.dep_ == "npadvmod" and c.ent_type_ in {"DATE", "TIME"}:
                out.append(_words(c.subtree))
            elif c.dep_ == "poss" and c.ent_type_ in {"DATE", "GPE", "LOC"}:
                out.append(c.text)
    if verb is not None:
        lem = verb.lemma_.lower()
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and lem in REPORTING and subj.ent_type_ in {"GPE", "LOC"}:
            out.append(_words(t for t in subj.subtree if t.ent_type_ in {"GPE", "LOC"} or t.dep_ == "cc"))
        if subj is not None and lem in TOLL_LEMMAS and (subj.pos_ == "NOUN" or subj.tag_ == "VBG") \
                and (noun is None or subj.i != noun.i) \
                and subj.i != num.i:
            # the cause: "the second wave of blasts killed 20" — its words, not the whole clause
            keep = [t for t in subj.subtree if t.dep_ not in {"relcl", "acl"} and not any(
                a.dep_ in {"relcl", "acl"} for a in t.ancestors if a.i in {s.i for s in subj.subtree})]
            if len(keep) <= MAX_WORDS:
                out.append("by " + _words(keep))
        if noun is not None and verb.pos_ == "VERB" and lem not in TOLL_LEMMAS and lem not in REPORTING \
                and any(c.i == noun.i and c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            # "10,429 houses had been partially damaged": the state the counted were left in
            adv = [c for c in verb.children if c.dep_ == "advmod" and c.i < verb.i]
            out.append(_words(sorted(adv + [verb], key=lambda t: t.i)))
        elif noun is None and num.head.i == verb.i and num.dep_ in {"nsubj", "nsubjpass", "dobj"} \
                and lem not in REPORTING and lem not in TOLL_LEMMAS and lem not in {"be", "have"}:
            adv = [c for c in verb.children if c.dep_ == "advmod" and c.i < verb.i]
            out.append(_words(sorted(adv + [verb], key=lambda t: t.i)))
    # "In Balochistan, …, while 10,429 houses had been damaged": a place put before the main
    # clause holds for every count in the sentence that names no place of its own
    root = num.sent.root
    for c in root.children:
        if c.dep_ == "prep" and c.i < root.i and c.lower_ in {"in", "across", "at"} and c.i not in seen \
                and any(t.ent_type_ in {"GPE", "LOC", "FAC"} for t in c.subtree):
            p = _phrase(c, num)
            if p and not any(_has_place(q, num) for q in out):
                out.append(p)
    uniq = []
    for p in out:
        if p and p not in uniq:
            uniq.append(p)
    return uniq


def _has_place(phrase: str, num: Token) -> bool:
    return any(p in phrase for p in sentence_places(num.sent))


def sentence_place_list(sent) -> list[str]:
    """The places a sentence names, in order, each once."""
    return list(dict.fromkeys(e.text for e in sorted(_sent_ents(sent), key=lambda e: e.start) if e.label_ in _PLACE_ENTS))


def sentence_places(sent) -> set[str]:
    """The places (countries, cities, regions, sites) a sentence names."""
    return {e.text for e in _sent_ents(sent) if e.label_ in _PLACE_ENTS}


# Word beginnings that already say what befell the counted ("deaths", "the injured", "evacuees").
_SAYSTOLL_LEMMAS = re.compile(r"\b(kill|dead|death|die|fatal|injur|wound|hurt|casualt|missing|displac|evacu|homeless|"
                        r"refugee|relocat|resettl|arrest|detain|captur|prisoner|hostage|victim|bod(y|ies)|toll|lost|trapped|"
                        r"unaccounted|deploy|sent|dispatch|troop|soldier|rescuer|personnel)", re.I)


# A subject that is only the harm word of one measure ("dead", "the injured"): taken from the
# list a figure stands in ("2,012 dead and 1,204 injured"), it would say the wrong harm.
_BARE_HARM = {"dead": "killed", "the dead": "killed", "deaths": "killed", "fatalities": "killed", "killed": "killed",
              "injured": "wounded", "the injured": "wounded", "wounded": "wounded", "the wounded": "wounded",
              "injuries": "wounded", "missing": "missing", "the missing": "missing"}


def with_harm(subject: str, participle: str, measure: str | None = None) -> str:
    """'others' -> 'others wounded': a count of people says what befell them; 'dead' given to a
    count of the wounded becomes 'people wounded'."""
    main, paren, rest = subject.partition("(")
    said = _BARE_HARM.get(main.strip().lower())
    if measure is not None and said is not None and said != measure:
        return f"people {participle}" + (f" ({rest}" if paren else "")
    if not main.strip() or _SAYSTOLL_LEMMAS.search(main):
        return subject
    return f"{main.rstrip()} {participle}" + (f" ({rest}" if paren else "")


def with_parts(subject: str, found: list[str]) -> str:
    """The subject with the words of its part that it does not already say."""
    have = set(re.findall(r"\w+", subject.lower()))
    new = [p for p in found if set(re.findall(r"\w+", p.lower())) - have - _FUNCTION_WORDS]
    if not new:
        return subject
    if not subject:
        return "; ".join(new)
    if subject.endswith(")"):
        return subject[:-1] + "; " + "; ".join(new) + ")"
    return f"{subject} ({'; '.join(new)})"


def with_context(subject: str, context: str) -> str:
    """The subject with its clause's words after it in brackets, where they add any word: "people
    wounded (Mayotte) [gravely wounded and fighting for their lives in hospital]". The brackets
    are a description, not a part: series are keyed on the parenthesised parts only."""
    have = set(re.findall(r"\w+", subject.lower()))
    if not context or not set(re.findall(r"\w+", context.lower())) - have - _FUNCTION_WORDS - _EDGE_WORDS:
        return subject
    return f"{subject} [{context}]" if subject else f"[{context}]"


_PLACE_ENTS = {"GPE", "LOC", "FAC"}


def _sent_ents(sent) -> list:
    ents = [e for e in ents_of(sent.doc) if sent.start <= e.start and e.end <= sent.end]
    opening = _opening_place(sent)
    if opening is not None:
        ents = [e for e in ents if e.end <= opening.start or e.start >= opening.end] + [opening]
    return ents


def _opening_place(sent):
    """"In Khyber-Pakhtunkhwa, 2,822 houses …": a name that opens a sentence after "In" and
    before a comma sets the scene, a place — whatever the tagger called it (it misses or mislabels
    many district and province names); a person's view ("In Smith's words") is no place."""
    doc = sent.doc
    first = doc[sent.start]
    if first.lower_ != "in" or first.dep_ != "prep" or sent.end - sent.start < 4:
        return None
    j = sent.start + 1
    while j < sent.end and (doc[j].pos_ == "PROPN" or doc[j].text == "-" and j + 1 < sent.end
                            and doc[j + 1].pos_ == "PROPN"):
        j += 1
    if j == sent.start + 1 or j >= sent.end or doc[j].text != ",":
        return None
    if any(e.label_ in {"PERSON", "DATE", "TIME", "NORP", "EVENT", "WORK_OF_ART", "LAW"} and e.start < j
           and e.end > sent.start + 1 for e in ents_of(doc)):
        return None
    return Span(doc, sent.start + 1, j, label="GPE")


# Clauses a count's place carries over from: "stormed a town, killing 70 and forcing 6,000 to
# flee", "tremors in Turkey that killed 50,000". Not a clause of speech ("said in Geneva that …").
_CARRYING = {"advcl", "conj", "xcomp", "relcl", "acl"}


def _clause_of(num: Token, others: set[int]) -> tuple[list[Token], set[int]]:
    """The clauses a count sits in, innermost first, and the tokens that belong to other figures' clauses."""
    doc = num.doc
    mine = {num.i} | {a.i for a in num.ancestors}
    blocked: set[int] = set()
    for o in others:
        tok = doc[o]
        if o == num.i or tok.sent.start != num.sent.start:
            continue
        top = tok
        for a in tok.ancestors:
            if a.i in mine:
                break
            top = a
        if top.i not in mine:
            blocked |= {t.i for t in top.subtree}
    counted = num.head if num.dep_ in {"nummod", "quantmod"} and num.head.pos_ in {"NOUN", "PROPN"} else num
    # "155 people reported dead in Alderney": a participle on the counted noun is its own clause
    heads = [c for c in counted.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > counted.i]
    verb = _clause_verb(num)
    for _ in range(3):
        if verb is None or verb.lemma_.lower() in SPEECH_LEMMAS and not _reported_itself(num, verb):
            break
        heads.append(verb)
        if verb.dep_ not in _CARRYING:
            break
        verb = verb.head if verb.dep_ in {"relcl", "acl"} else _clause_verb(verb.head)
    return heads, blocked


def _reported_itself(num: Token, verb: Token) -> bool:
    """"370 people have been reported missing in the city", "53 cases were recorded at the
    prison": the count is what the speech verb reports, so its clause is the count's own (a
    reporting clause "officials said" around it is not)."""
    node = num
    while node.head.i != node.i and node.head.i != verb.i:
        node = node.head
    return node.head.i == verb.i and node.dep_ in {"nsubjpass", "dobj"} and verb.tag_ == "VBN"


def _place_words(ent) -> str:
    """'Derna' -> 'city of Derna' where the text says so: the kind of place is part of the part;
    a day or a year keeps its preposition ('on Tuesday', 'since 1960'), which says how it bounds the count."""
    prep = ent.root.head
    if ent.label_ == "DATE":
        return f"{prep.text} {ent.text}" if ent.root.dep_ == "pobj" and prep.dep_ == "prep" else ent.text
    if ent.root.dep_ == "pobj" and prep.lower_ in {"of", "in"} and prep.head.pos_ == "NOUN" \
            and prep.head.i < ent.start and prep.head.lemma_.lower() not in TALLY_NOUNS:
        return f"{prep.head.text} {prep.text} {ent.text}"
    return ent.text


def clause_places(num: Token, others: set[int], with_time: bool = True) -> list[str]:
    """The places named in the clause a count is told in ("killing at least 70" after "stormed a
    town in Haiti"), nearest clause first, leaving out the clauses of the sentence's other
    figures ("16 died in Aleppo and 20 in Idlib" gives Idlib to 20 alone). ``with_time``: also
    the day or year the clause tells ("killed on Tuesday", "since 1960 when a quake killed
    12,000"), which bounds a toll as a place does: Tuesday's dead are not Wednesday's."""
    heads, blocked = _clause_of(num, others)
    doc = num.doc

    def owned(o: int) -> set[int]:  # a figure's number and the noun it counts ("30" and "%")
        t = doc[o]
        return {o, t.head.i} if t.dep_ in {"nummod", "quantmod", "compound"} and t.head.pos_ in {"NOUN", "PROPN"} else {o}

    theirs = set().union(*(owned(o) for o in others if o != num.i and num.sent.start <= o < num.sent.end)) - owned(num.i)

    def is_mine(e) -> bool:
        # "30% in Frankfurt, 31% in New York": a place hanging from another figure's words is that
        # figure's; one hanging from a verb is the clause's, shared
        for a in e.root.ancestors:
            if a.i in theirs:
                return False
            if a.pos_ in {"VERB", "AUX"} or a.i in owned(num.i):
                return True
        return True

    out: list[str] = []
    for kinds in (_PLACE_ENTS, {"DATE"}) if with_time else (_PLACE_ENTS,):
        # the nearest clause that names a place, and the nearest that names a time
        where = (_where_antecedent(heads) or _population_of(num)) if kinds is _PLACE_ENTS else None
        if where is not None:
            out.append(where)
            continue
        for head in heads:
            span = {t.i for t in head.subtree} - blocked
            found = [_place_words(e) for e in _sent_ents(num.sent)
                     if e.label_ in kinds and all(i in span for i in range(e.start, e.end)) and is_mine(e)]
            if found:
                out += found
                break
        else:
            out += _fronted(num, heads, others, kinds)
    return out


def _where_antecedent(heads: list[Token]) -> str | None:
    """"Kandy, where 88 deaths have been recorded": the name a "where" clause hangs on is the
    place of its counts, whatever the tagger called it."""
    for head in heads:
        if head.dep_ != "relcl" or not any(c.lower_ == "where" and c.dep_ == "advmod" for c in head.children):
            continue
        name = head.head
        if name.pos_ == "NOUN" and name.lemma_.lower() in _KINDS_OF_PLACE and name.dep_ == "attr":
            # "Sindh was the worst-hit province, where 792 people were killed": the kind of place
            # is said of the name the sentence is about
            name = next((c for c in name.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), name)
        if name.pos_ != "PROPN":
            continue
        return _proper_name(name)
    return None


def _proper_name(name: Token) -> str:
    """The whole name a proper noun ends ("Nuwara Eliya", "Bogo-Medellin"): the adjacent proper nouns
    (and hyphens) before it that hang on it."""
    doc, lo = name.doc, name.i
    while lo > 0 and (doc[lo - 1].pos_ == "PROPN" or doc[lo - 1].text == "-") and lo - 1 >= name.sent.start \
            and name.i >= doc[lo - 1].head.i >= lo - 1:
        lo -= 1
    return doc[lo:name.i + 1].text


def _population_of(num: Token) -> str | None:
    """"Goma, a city of some two million people", "Newport is a town of 7,000": a count of the
    people a kind of place holds, said of the named place — that place is where they are."""
    node = num.head if num.dep_ in {"nummod", "quantmod"} else num
    prep = node.head
    if node.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() not in _KINDS_OF_PLACE:
        return None
    kind = prep.head
    name = kind.head if kind.dep_ == "appos" else next(
        (c for c in kind.head.children if c.dep_ == "nsubj"), None) if kind.dep_ == "attr" else None
    if name is None or name.pos_ != "PROPN":
        return None
    return _proper_name(name)


_KINDS_OF_PLACE = {"province", "district", "region", "state", "city", "town", "village", "area", "county",
                   "country", "municipality", "island", "governorate", "oblast", "prefecture", "zone"}


def _fronted(num: Token, heads: list[Token], others: set[int], kinds: set[str]) -> list[str]:
    """"In Kyiv, 12 people died and 90 were injured": a place (or day) put before every figure of
    the sentence, on the first of the joined verbs, is the place of each of them."""
    if not heads:
        return []
    group = _conj_group(heads[0])
    first = min([num.i] + [o for o in others if num.sent.start <= o < num.sent.end])
    out = []
    for e in _sent_ents(num.sent):
        if e.label_ not in kinds or e.end > first:
            continue
        owner = next((a for a in e.root.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if owner is not None and owner.i in group and e.root.dep_ == "pobj":
            out.append(_place_words(e))
    return out


_WINDOW = re.compile(r"^(?:over|in|during|within|for)\s+the\s+(?:past|last|previous|preceding)\b", re.I)


_SET_BESIDE = {"while", "whereas"}


def _beside(verb: Token) -> bool:
    """A clause set beside its head's as a parallel ("…, while 2,822 houses were damaged")."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SET_BESIDE for c in verb.children)


def _conj_group(verb: Token) -> set[int]:
    """A verb and the verbs joined to it ("were killed and 107 were wounded"), or set beside it
    by "while" ("In Ardley, 40 roads were damaged, while 2,822 houses were destroyed")."""
    top = verb
    while (top.dep_ == "conj" or _beside(top)) and top.head.pos_ in {"VERB", "AUX"}:
        top = top.head
    members = [top] + list(top.conjuncts)
    members += [c for m in list(members) for c in m.children if c.pos_ in {"VERB", "AUX"} and _beside(c)]
    members += [c for m in list(members) for c in m.conjuncts]
    return {m.i for m in members}


def conditions(num: Token, noun: Token | None, others: set[int]) -> list[str]:
    """The state the counted are in, or the window they were counted over, when the figure's own
    words say so: "48 people critically", "22 severely injured", "88 bodies have been
    identified", "killed … over the past 24 hours". ``others``: the number tokens of the
    sentence's figures — a severity word belongs to the nearest figure before it, whatever the
    parse hangs it from ("1,400 injured including 48 people critically")."""
    out: list[str] = []
    doc = num.doc
    for tok in num.sent:
        if tok.lower_ not in SEVERITY_ADVERBS or tok.i <= num.i or tok.i - num.i > 4:
            continue
        between = doc[num.i + 1:tok.i]
        if not any(t.is_punct or t.i in others for t in between):
            out.append(tok.text)
    verb = _clause_verb(noun if noun is not None else num)
    if verb is None:
        return out
    counted = {num.i} | ({noun.i} if noun is not None else set())
    for v in [verb] + [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB"]:
        if v.lemma_.lower() in AFTERMATH_LEMMAS and not any(c.dep_ == "neg" for c in v.children) \
                and any(c.i in counted and c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in list(v.children) + list(verb.children)):
            out.append(v.text)  # "88 bodies have been identified", "doctors treated 40 people"
    group = _conj_group(verb)
    for prep in num.sent:
        if prep.dep_ != "prep" or not _WINDOW.match(doc[prep.i:prep.right_edge.i + 1].text):
            continue
        owner = next((a for a in prep.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if owner is not None and owner.i in group and not any(t.i == num.i for t in prep.subtree):
            out.append(doc[prep.i:prep.right_edge.i + 1].text)
    return list(dict.fromkeys(out))


MAX_CONTEXT = 20
_EDGE_WORDS = {"and", "or", "but", "while", "as", "the", "a", "an", "of", "in", "on", "at", "to", "by", "with",
               "that", "which", "who", "where", "when", "were", "was", "have", "has", "had", "been", "be", "are", "is"}


def clause_context(num: Token, others: set[int]) -> str:
    """The words of the clause a count is told in, in order, with the count itself, the clauses
    of the sentence's other figures and the attribution left out ("gravely wounded and fighting
    for their lives in hospital"): what the sentence says of the counted, for a reader who sees
    the subject without its sentence."""
    heads, blocked = _clause_of(num, others)
    if not heads:
        return ""
    doc = num.doc
    speech = {t.i for t in num.sent if t.lemma_.lower() in SPEECH_LEMMAS and t.pos_ in {"VERB", "AUX"}}
    for v in list(speech):
        for c in doc[v].children:
            if c.dep_ in {"nsubj", "nsubjpass", "agent"} or c.dep_ == "prep" and c.lower_ == "in" and c.i > v:
                blocked |= {t.i for t in c.subtree}
    for o in others:  # another figure inside this clause ("26% … compared to 30% in Frankfurt, 31% in New York")
        if o == num.i or not num.sent.start <= o < num.sent.end:
            continue
        base = doc[o].head if doc[o].dep_ in {"nummod", "quantmod", "compound"} else doc[o]
        if base.left_edge.i <= num.i <= base.right_edge.i and base.i != num.i:
            blocked.add(base.i)
            blocked.add(o)
            for c in base.children:
                if not c.left_edge.i <= num.i <= c.right_edge.i:
                    blocked |= {t.i for t in c.subtree}
        else:
            blocked |= {t.i for t in base.subtree}
    words = [t for t in heads[0].subtree if t.i not in blocked and t.i not in speech and t.i != num.i
             and not (t.like_num and t.head.i == num.i) and not t.is_space and not t.is_currency and t.pos_ != "SYM"
             and t.text not in {'"', "“", "”", "(", ")", "[", "]", "%"}]
    while words and (words[0].is_punct or words[0].lower_ in _EDGE_WORDS):
        words.pop(0)
    words = words[:MAX_CONTEXT]
    while words and (words[-1].is_punct or words[-1].lower_ in _EDGE_WORDS):
        words.pop()
    return "".join(t.text + t.whitespace_ for t in words).strip()
