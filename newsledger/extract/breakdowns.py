"""Breakdowns by place: the counts of a list that pairs places with numbers.

"Ardley reporting 31; Kestrel Bay 17; Lowfield 4", "Marlow lost 25 people, Brixham 10 and Totnes
5", a county table flattened into "Aldergrove, 3 Bramblewood, 12 Cinderford, 1": each number is
one place's count, and the list's words say which place only by where the number stands. The
parse does not help here — a tagger reads "3 Bramblewood" as a count of Bramblewoods, and
the sentence's clause gives every number the same (or no) place — so the pairing is read from the
order of the list itself: a run of place names and numbers that alternate, each joined to the
next by a few words at most. A run that begins with a place pairs each number with the place
before it; one that begins with a number, with the place after it. "A and B reported 308 and 223,
respectively" pairs the two lists in order. Runs of fewer than two pairs, or of unequal halves,
are left alone: a single "25 in Marlow" is the clause's own business (``parts``).

Pure function of the parse and the figures' offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..model import Figure
from ..nlp import ents_of
from .lexicon import MEASURE_LEMMAS, MONTHS
from ..subject_text import split_context, untell_places

MAX_GAP = 6           # tokens between a place and its number, or between one pair and the next
_NOT_PLACES = {"DATE", "TIME"}  # a proper noun tagged a number or an amount is a tagging slip ("2 Dunmore" as PERCENT)
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_HEADWORDS = re.compile(r"\b(county|counties|province|provinces|state|states|district|districts|region|regions|"
                        r"prefecture|city|town|village|municipality)\b", re.I)


@dataclass
class _Item:
    kind: str          # "place" or "count"
    start: int         # first token
    end: int           # one past the last token
    text: str
    figure: int | None = None   # index into the figures, for a count


def _name_like(t) -> bool:
    """A capitalised word that is not a sentence's first: the tagger calls some place names
    common nouns."""
    return t.text[:1].isupper() and (t.pos_ == "PROPN" or t.pos_ in _TAGGED_AS_WORDS and not t.is_sent_start)


# A place name the tagger took for a common word ("Swat 22", "Reading 14"): capitalised inside a
# sentence, such a word is a name; function words never are.
_TAGGED_AS_WORDS = {"NOUN", "VERB"}  # (not adjectives: "181 Indian citizens, 52 British" are peoples)


def _place_runs(sent) -> list[_Item]:
    """Runs of proper nouns that may name a place: capitalised, not a date, not a person's
    title, hyphens kept ("Khyber-Pakhtunkhwa", "Castilla-La Mancha")."""
    doc = sent.doc
    banned = {i for e in ents_of(doc) if e.label_ in _NOT_PLACES and sent.start <= e.start < sent.end
              for i in range(e.start, e.end)}
    out: list[_Item] = []
    i = sent.start
    while i < sent.end:
        t = doc[i]
        if _name_like(t) and i not in banned \
                and t.lower_ not in _WEEKDAYS and t.lower_.rstrip(".") not in MONTHS:
            j = i + 1
            while j < sent.end and (_name_like(doc[j]) and j not in banned
                                    or doc[j].text == "-" and j + 1 < sent.end and doc[j + 1].pos_ == "PROPN"):
                j += 1
            if j + 2 < sent.end and doc[j].text == "(" and doc[j + 1].is_upper and doc[j + 2].text == ")":
                j += 3  # "Capital Territory (CT)": the name's short form goes with it
            if out and out[-1].end < i and i - out[-1].end <= 2 and all(
                    t.text == "-" or t.is_lower and t.i > 0 and doc[t.i - 1].text == "-" for t in doc[out[-1].end:i]):
                out[-1] = _Item("place", out[-1].start, j, doc[out[-1].start:j].text)  # "Pakistan-administered Kashmir"
            else:
                out.append(_Item("place", i, j, doc[i:j].text))
            i = j
        else:
            i += 1
    return out


def _runs(items: list[_Item], doc: Doc) -> list[list[_Item]]:
    """Maximal runs of alternating places and counts, each item at most MAX_GAP tokens after the
    last, with no other number in between."""
    runs: list[list[_Item]] = []
    cur: list[_Item] = []
    for it in items:
        if cur:
            last = cur[-1]
            gap = doc[last.end:it.start]
            # a list led by a place may give each place several counts ("Ardley 31 deaths and 12
            # injuries, Kestrel Bay 17 deaths and 9 injuries")
            grouped = it.kind == last.kind == "count" and cur[0].kind == "place"
            ok = (it.kind != last.kind or grouped) and len(gap) <= MAX_GAP and not any(t.like_num for t in gap) \
                and not any(t.text in {".", "(", ")"} for t in gap)
            if not ok:
                runs.append(cur)
                cur = []
        cur.append(it)
    if cur:
        runs.append(cur)
    return runs


_PLACING = {"in", "at", "from"}


def _oriented(run: list[_Item], doc: Doc) -> list[tuple[_Item, _Item]]:
    if run[0].kind == "place":
        return list(zip(run[0::2], run[1::2]))
    pairs = [(p, c) for c, p in zip(run[0::2], run[1::2])]
    # a number before its place says so with a preposition ("122 others in the West Bank");
    # bare "12 Cinderford" is the tail of the place before it
    for p, c in pairs:
        gap = [t for t in doc[c.end:p.start] if t.pos_ != "DET"]
        if not gap or gap[-1].lower_ not in _PLACING:
            return []
    return pairs


def _pairs(run: list[_Item], doc: Doc) -> list[tuple[_Item, _Item]]:
    """A run of as many places as counts pairs from its first item; a run with one item more
    ("52 deaths, with Ardley reporting 31; Kestrel Bay 17") drops the end that leaves the pairs
    closer together."""
    if len(run) < 4:
        return []
    if any(a.kind == b.kind == "count" for a, b in zip(run, run[1:])):
        return _grouped(run, doc)
    if len(run) % 2 == 0:
        return _oriented(run, doc)

    def spread(pairs) -> int:
        return sum(abs(p.start - c.start) for p, c in pairs)
    options = [o for o in (_oriented(run[1:], doc), _oriented(run[:-1], doc)) if o]
    return min(options, key=spread) if options else []


def _grouped(run: list[_Item], doc: Doc) -> list[tuple[_Item, _Item]]:
    """Each count with the place before it, in a list whose places have one count or more; a
    place with no count after it ends the list. A count that names its own place after it ("In
    Ardley, 71 died, 68 in Kestrel Bay and 23 in Marlow") takes that one."""
    pairs: list[tuple[_Item, _Item]] = []
    place = None
    for k, it in enumerate(run):
        if it.kind == "place":
            place = it
            continue
        nxt = run[k + 1] if k + 1 < len(run) else None
        gap = [t for t in doc[it.end:nxt.start] if t.pos_ != "DET"] if nxt is not None else []
        if nxt is not None and nxt.kind == "place" and gap and gap[-1].lower_ in _PLACING:
            pairs.append((nxt, it))
        else:
            pairs.append((place, it))
    return pairs if len({id(p) for p, _ in pairs}) >= 2 else []


def _respectively(sent, items: list[_Item]) -> list[tuple[_Item, _Item]]:
    """'Northern Province and Eastern Province reported 308 and 223 deaths, respectively'."""
    if not any(t.lower_ == "respectively" for t in sent):
        return []
    places = [it for it in items if it.kind == "place"]
    counts = [it for it in items if it.kind == "count"]
    for k in range(len(places) - 1):
        a, b = places[k], places[k + 1]
        if sent.doc[a.end:b.start].text.strip().lower() not in {"and", ", and", "&"}:
            continue
        after = [c for c in counts if c.start > b.end]
        if len(after) >= 2 and sent.doc[after[0].end:after[1].start].text.strip().lower().endswith("and") \
                and len(sent.doc[after[0].end:after[1].start]) <= 2:
            return [(a, after[0]), (b, after[1])]
    return []


def _names_place(text: str, names: set[str]) -> bool:
    t = re.sub(r"^(?:in|at|from|across)\s+(?:the\s+)?", "", text.strip(), flags=re.I)
    return t in names


def _strip_places(subject: str, names: set[str]) -> str:
    """The subject without the list's place names: those say which place, and each count gets its own.
    The clause's words in brackets are kept as they are."""
    subject, context = split_context(subject)
    main, paren, rest = subject.partition("(")
    parts = [p.strip() for p in rest.rstrip(")").split(";")] if paren else []
    main = main.strip()
    words = main.split()
    if words and _names_place(" ".join(w for w in words if w[:1].isupper()), names):
        main = " ".join(w for w in words if not w[:1].isupper())  # "Burke killed": the place stood for the noun
    parts = [p for p in parts if p and not _names_place(p, names)]
    # the sentence's places the description names ("[in Northern Province, Eastern Province]"): the
    # list's own, once each count has its place
    context = untell_places(context, names)
    return main + (f" ({'; '.join(parts)})" if parts else "") + context


def _lines(doc: Doc):
    """The document's lines as spans: a list never runs past its line, while a flattened table
    may be cut into several sentences by the parser."""
    start = 0
    for t in doc:
        if "\n" in t.text or "\n" in t.whitespace_:
            if t.i + 1 > start:
                yield doc[start:t.i + 1]
            start = t.i + 1
    if start < len(doc):
        yield doc[start:len(doc)]


def _lead_in_measure(doc: Doc, line) -> str | None:
    """The measure a table's lead-in line names: "The breakdown of storm-related deaths county by
    county:" heads a list of bare numbers that say nothing of what they count."""
    if line.start == 0:
        return None
    prev_end = line.start
    prev_start = prev_end - 1
    while prev_start > 0 and not ("\n" in doc[prev_start - 1].text or "\n" in doc[prev_start - 1].whitespace_):
        prev_start -= 1
    lead = [t for t in doc[prev_start:prev_end] if not t.is_space]
    if not lead or lead[-1].text != ":":
        return None
    for t in lead:
        for measure, words in MEASURE_LEMMAS.items():
            if t.lemma_.lower() in words or t.lower_.split("-")[-1] in words:
                return None if measure == "territory" else measure
    return None


def pair_places(doc: Doc, figures: list[Figure], participle: dict[str, str]) -> None:
    """Give each count of a place-by-place list its own place in its subject."""
    by_token: dict[int, int] = {}
    for k, f in enumerate(figures):
        if f.evidence and f.measure not in {"money"} and f.unit in (None,):
            by_token[f.evidence["num"]] = k
    if len(by_token) < 2:
        return
    for sent in _lines(doc):
        counts = [_Item("count", i, i + 1, doc[i].text, k) for i, k in sorted(by_token.items())
                  if sent.start <= i < sent.end]
        if len(counts) < 2:
            continue
        places = [p for p in _place_runs(sent) if not any(p.start <= c.start < p.end for c in counts)]
        items = sorted(counts + places, key=lambda it: it.start)
        pairs = _respectively(sent, items)
        used = {id(it) for pr in pairs for it in pr}
        pairs += [pr for run in _runs([it for it in items if id(it) not in used], doc) for pr in _pairs(run, doc)]
        if len(pairs) < 2:
            continue
        if all(figures[c.figure].measure == "other" for _, c in pairs):
            lead = _lead_in_measure(doc, sent)
            if lead is not None:
                for _, c in pairs:
                    figures[c.figure].measure = lead
        names = {p.text for p, _ in pairs}
        paired = {c.figure for _, c in pairs}
        # a listed count is its own place's alone: the other names of the line ("seen by Dawn.com",
        # "and a child drowned in Alderney") are not where it was counted (the paired places are
        # among them)
        others = {p.text for p in places}
        for c in counts:  # a count outside the list ("Of the 40 deaths, 25 were in Marlow, …") is none of its places'
            if c.figure not in paired:
                figures[c.figure].subject = _strip_places(figures[c.figure].subject, names) or figures[c.figure].subject
        # what the list counts: the words its counts share once the places are gone ("deaths")
        mains = [split_context(_strip_places(figures[c.figure].subject, names))[0].partition("(")[0].strip()
                 for _, c in pairs]
        common = next((m for m in mains if m and not _HEADWORDS.fullmatch(m)), "")
        for place, count in pairs:
            f = figures[count.figure]
            own, context = split_context(_strip_places(f.subject, others))
            main, paren, rest = own.partition("(")
            main = re.sub(r"^(?:and|or|while)\s+", "", main.strip())
            if not main or main in participle.values():
                main = common if common and common not in participle.values() else \
                    f"people {participle.get(f.measure, '')}".strip()
            parts = [p.strip() for p in rest.rstrip(")").split(";") if p.strip()] if paren else []
            f.subject = f"{main} ({'; '.join([place.text] + parts)})" + context
