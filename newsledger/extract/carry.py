"""Whose statement a figure belongs to when its own sentence does not say: candidates and their features.

The rules in ``speakers.py`` attribute a figure to the speech cue that governs it in its own
sentence, and carry a source over to the next sentence in two narrow cases (a report's findings,
a tally that goes on). Crisis coverage kept breaking them both ways: a run of statements after
"X said" lost its source one sentence later, a headline's figure waited for the lede's source,
and a carried source overran the outlet's own voice. Which of these holds is a matter of many
weak signals — how far back the source is, a paragraph break, a quotation, "another", "a further"
— so the choice among the nearby sources and no source at all is learned from the annotations
(``python -m tests.devset.learn``) and used only where it wins leave-one-event-out.

Pure functions of the parse and the cues the article's speakers were found from; no import of
``speakers`` (it calls in here).
"""
from __future__ import annotations

from .lexicon import COUNT_VERBS, STRONG_SPEECH, TALLY_NOUNS, TOLL_LEMMAS

BEFORE, AFTER = 3, 1   # sentences back and ahead a source may be carried from
_OPENERS = {"a", "an", "another", "further", "also", "in", "meanwhile", "the", "but", "and", "of", "at", "some",
            "more", "most", "nearly", "over", "about", "around", "almost", "he", "she", "they", "it", "we",
            "there", "this", "that", "these", "those", "among", "including", "earlier", "later", "since"}


def tolls(sent) -> bool:
    """Does the sentence count people harmed, missing or displaced?"""
    return any(t.lemma_.lower() in TOLL_LEMMAS or t.lower_ in TOLL_LEMMAS for t in sent)


# "Of these, 96 were identified", "Among them were 12 children": a sentence that opens on the
# count before it goes on about those counted.
_BACK_REFERENCE = {("of", "these"), ("of", "those"), ("of", "them"), ("among", "them"), ("among", "these"),
                   ("among", "those"), ("of", "the"), ("among", "the")}


def opens_on_count(sent) -> bool:
    """Does the sentence open on the count of the sentence before ("Of these, …", "Among them …",
    "That figure includes …", "Out of …")?"""
    words = [t.lower_ for t in sent if not t.is_space and not t.is_punct][:2]
    if tuple(words[:2]) in _BACK_REFERENCE or words[:2] == ["out", "of"]:
        return True
    # ("That number has now risen to 229" is a new count, not a detail of the old one)
    return len(words) == 2 and words[0] in {"this", "that", "these", "the"} and words[1].rstrip("s") in TALLY_NOUNS \
        and (words[0] != "the" or words[1] == "figure") and sent.root.lemma_.lower() not in COUNT_VERBS


def _breaks(text: str, a: int, b: int) -> int:
    return text[min(a, b):max(a, b)].count("\n")


def _own(tok, quotes, by_sentence, text) -> dict[str, float]:
    """What the figure's own sentence says about whether it carries a source."""
    sent = tok.sent
    first = next((t for t in sent if not t.is_space and not t.is_punct), sent[0])
    f = {"opener=" + (first.lower_ if first.lower_ in _OPENERS else "like_num" if first.like_num
                      else "propn" if first.pos_ == "PROPN" else "other"): 1.0}
    if any(a <= tok.idx < b for a, b in quotes):
        f["quoted"] = 1.0
    if tolls(sent):
        f["tolls"] = 1.0
    if by_sentence.get(sent.start):
        f["has_cue"] = 1.0
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    if text[line_start:sent.start_char].strip() == "":
        f["opens_paragraph"] = 1.0
    if line_start == 0 or not text[:line_start].strip():
        f["first_line"] = 1.0
    return f


def _source(cue, spk, sent, tok_sent, text) -> dict[str, float]:
    f = {"kind=" + spk.kind: 1.0}
    if (spk.role or "").startswith("document"):
        f["document"] = 1.0
    lem = cue.token.lemma_.lower()
    f["cue=" + ("according" if lem == "accord" or cue.token.lower_ == "according" else
                "strong" if lem in STRONG_SPEECH else "weak")] = 1.0
    if cue.token.i == sent.root.i:
        f["cue_is_root"] = 1.0
    if tolls(sent):
        f["cand_tolls"] = 1.0
    return f


def candidates(tok, hit, by_sentence, quotes, text) -> list[tuple[object, dict[str, float]]]:
    """(hit or None, features) for each source the figure at ``tok`` may be said by: the rules'
    answer first, then the cues of the sentences around it, then nobody. ``by_sentence``: the
    article's cues by sentence start; ``quotes``: its quotation regions."""
    doc, own_sent = tok.doc, tok.sent
    own = _own(tok, quotes, by_sentence, text)
    out: list[tuple[object, dict[str, float]]] = []
    seen: set[str] = set()

    def add(kind: str, h, extra: dict[str, float]) -> None:
        f = {"bias": 1.0, "type=" + kind: 1.0}
        f.update({f"{kind}&{k}": v for k, v in {**own, **extra}.items()})
        out.append((h, f))

    if hit is not None:
        cue, spk = hit
        sent = cue.token.sent
        extra = _source(cue, spk, sent, own_sent, text)
        extra["in_sentence" if sent.start == own_sent.start else "carried"] = 1.0
        add("rule", hit, extra)
        seen.add(spk.name)
    sents = list(doc.sents)
    at = next(i for i, s in enumerate(sents) if s.start == own_sent.start)
    between_cues = 0
    for step in range(1, BEFORE + 1):
        if at - step < 0:
            break
        s = sents[at - step]
        found = by_sentence.get(s.start, [])
        for cue, spk in reversed(found):
            if spk.name in seen:
                continue
            seen.add(spk.name)
            extra = _source(cue, spk, s, own_sent, text)
            extra[f"back={step}"] = 1.0
            extra["breaks=" + str(min(_breaks(text, s.end_char, own_sent.start_char), 2))] = 1.0
            if between_cues:
                extra["other_source_between"] = 1.0
            add("before", (cue, spk), extra)
        between_cues += bool(found)
    for step in range(1, AFTER + 1):
        if at + step >= len(sents):
            break
        s = sents[at + step]
        for cue, spk in by_sentence.get(s.start, []):
            if spk.name in seen:
                continue
            seen.add(spk.name)
            extra = _source(cue, spk, s, own_sent, text)
            extra["breaks=" + str(min(_breaks(text, own_sent.end_char, s.start_char), 2))] = 1.0
            add("after", (cue, spk), extra)
    add("none", None, {"rule_none": 1.0} if hit is None else {})
    return out


def decides(cands: list[tuple[object, dict[str, float]]]) -> bool:
    """The choice is the model's only where the rules found no cue in the figure's own sentence:
    a source its sentence names is the source."""
    return not cands[0][1].get("rule&in_sentence")


def best(model, cands: list[tuple[object, dict[str, float]]]) -> int:
    """The index of the candidate to take: the one the model scores highest (the rules' answer
    on a tie), or the rules' answer where the model does not decide."""
    if not decides(cands):
        return 0
    return max(range(len(cands)), key=lambda i: (model.scores(cands[i][1])["yes"], -i))


def choose(model, cands: list[tuple[object, dict[str, float]]]):
    return cands[best(model, cands)][0]
