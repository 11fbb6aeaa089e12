"""One article in, its analysis out: clean -> annotate -> figures -> speakers -> dates.

Everything here is per article and pure given the spaCy pipeline; what spans articles (copies,
names, claims, timelines) happens in ``link/`` over the stored records.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .clean import body_text, classify_lines, masked_text, stamped_date, title_of
from .extract.dates import date_of_cue, day_as_of, day_of_count, day_of_report
from .extract.figures import _number_token, extract_figures
from .extract.headline import headline_sources
from .extract.speakers import ArticleSpeakers, attribution_for
from .model import Article, Attribution, Line, Mention
from .focus import focus
from .nlp import MAX_CHARS, PIECE_CHARS, TextTooLong, annotate, annotate_pieces, pieces


@dataclass
class Analysis:
    article: Article
    lines: list[Line]
    body: str
    mentions: list[Mention] = field(default_factory=list)
    entities: list[tuple[str, str, int, int]] = field(default_factory=list)  # text, label, start, end
    speakers: list[tuple[str, str, str | None, int, int]] = field(default_factory=list)  # name, kind, role, start, end
    skipped: str | None = None  # why figures were not extracted (a language not supported yet)


def prepare(article: Article) -> tuple[list[Line], str]:
    """Furniture found, title and an undated article's printed date filled in."""
    lines = classify_lines(article.text)
    if article.kind == "html" and article.title:
        # the HTML readers put the page title on the first line; it is metadata, not body
        for ln in lines:
            if ln.kind in {"title", "heading"} and article.text[ln.start:ln.end].strip() == article.title.strip():
                ln.kind = "title"
                break
    if not article.title:
        article.title = title_of(article.text, lines)
    if article.published is None:
        stamp = stamped_date(article.text, lines)
        if stamp is not None:
            article.published, article.published_inferred = stamp, True
    return lines, masked_text(article.text, lines)


def _body(article: Article, lines: list[Line]) -> str:
    if article.kind == "html":
        lines = [ln for ln in lines if ln.kind != "title"]
    return body_text(article.text, lines)


def _lead_date(speakers: ArticleSpeakers, lines: list[Line], published: dt.date | None) -> dt.date | None:
    """The date of the statement in the article's lede (its first body sentence): the occasion
    the article reports. A date first given further down belongs to that later statement."""
    lede = next((ln for ln in lines if ln.kind == "body"), None)
    if lede is None:
        return None
    for start in sorted(speakers.by_sentence):
        for cue, _ in speakers.by_sentence[start]:
            if not lede.start <= cue.token.idx < lede.end or cue.token.sent.start_char > lede.start + 400:
                continue
            d = date_of_cue(cue.token, published)
            if d is not None and d.date is not None:
                return d.date
    return None


def _simple_past(verb) -> bool:
    if verb.tag_ != "VBD":
        return False
    return not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _headline_present(verb, lines: list[Line]) -> bool:
    """"Ruritania revises toll to 412" above the story: a headline's present tense tells of the
    occasion the story reports, as a simple past would in its body."""
    return verb.tag_ in {"VBZ", "VBP"} and any(
        ln.kind in {"title", "heading"} and ln.start <= verb.idx < ln.end for ln in lines)


_UNKNOWN = object()


def analyse_doc(article: Article, lines: list[Line], doc) -> Analysis:
    result = Analysis(article, lines, _body(article, lines))
    _extract(result, doc)
    headline_sources(result.mentions, lines)
    return result


def _extract(result: Analysis, doc, lead=_UNKNOWN) -> dt.date | None:
    """Entities, speakers and figures of ``doc`` into ``result``; returns the occasion the
    article reports. ``lead``: that occasion when already known (a later piece of a long
    article does not hold the lede it is read from)."""
    article, lines = result.article, result.lines
    result.entities = [(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]
    speakers = ArticleSpeakers(doc)
    dated: dict[str, tuple[dt.date, str]] = {}
    published = article.published
    # a later piece of a long article counts its offsets from the piece, not from the lines
    headings = lines if lead is _UNKNOWN else []
    if lead is _UNKNOWN:
        lead = _lead_date(speakers, lines, published)  # the occasion the article reports
    sources = [(spk.start, spk.end) for found in speakers.by_sentence.values() for _, spk in found]
    for fig in extract_figures(doc):
        if any(a <= fig.start < b for a, b in sources):
            continue  # "two officials said": the number counts the sources, not the story
        span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
        tok = _number_token(span)
        hit = speakers.for_token(tok)
        attribution: Attribution | None = attribution_for(speakers, tok, hit) if hit else None
        mention = Mention(doc=article.doc, figure=fig, attribution=attribution)
        if hit is not None:
            cue, spk = hit
            mention.speaker = spk.name
            cue_date = date_of_cue(cue.token, published)
            past = _simple_past(cue.token) or _headline_present(cue.token, headings)
            if cue_date is not None and cue_date.date is not None:
                mention.stated_on, mention.stated_on_source = cue_date.date, "cue"
                attribution.stated_on, attribution.date_cue = cue_date.date, cue_date.text
                dated[spk.name] = (cue_date.date, cue_date.text)
            elif cue_date is not None and cue_date.date is None:
                # "said in December": no day can be given, and the publication date would be wrong
                mention.stated_on, mention.stated_on_source = None, "vague"
            elif (day := day_as_of(tok, published)) is not None:
                mention.stated_on, mention.stated_on_source = day.date, "content"
            elif past and (day := day_of_report(cue.token, published)) is not None:
                mention.stated_on, mention.stated_on_source = day.date, "content"
            elif (day := day_of_count(tok, published)) is not None:
                mention.stated_on, mention.stated_on_source = day.date, "content"
            elif spk.name in dated and (past or cue.token.tag_ in {"VBZ", "VBP"}):
                # "He said …" after "Kirby told a briefing on Friday", "They say …" after
                # "Officials announced on Tuesday": the same occasion ("has said" is standing)
                mention.stated_on, mention.stated_on_source = dated[spk.name][0], "carried"
            elif past and lead is not None:
                # an undated "X said" in a report of one occasion belongs to that occasion
                mention.stated_on, mention.stated_on_source = lead, "lead"
            else:
                # "has said", "says": standing or current statements, dated by publication
                mention.stated_on, mention.stated_on_source = published, "published"
            attribution.stated_on = mention.stated_on
        elif (day := day_as_of(tok, published) or day_of_count(tok, published)) is not None:
            mention.stated_on, mention.stated_on_source = day.date, "content"
        else:
            mention.stated_on, mention.stated_on_source = published, "published"
        result.mentions.append(mention)
    result.speakers = [(s.name, s.kind, s.role, s.start, s.end) for s in speakers.history]
    return lead


def _offset_fields(record) -> list[str]:
    """The names of a record's character offsets (``start``, ``end``, ``…_start``, ``…_end``
    holding an int; ``period_start`` holds a date and is not one). Found by name, so an offset
    added to the model later is moved too."""
    return [f.name for f in dataclasses.fields(record)
            if (f.name in ("start", "end") or f.name.endswith(("_start", "_end")))
            and type(getattr(record, f.name)) is int]


def _move(part: Analysis, by: int) -> None:
    """Offsets found in a piece made offsets into the whole text."""
    for m in part.mentions:
        for record in (m.figure, m.attribution):
            if record is not None:
                for name in _offset_fields(record):
                    setattr(record, name, getattr(record, name) + by)
    part.entities = [(t, label, a + by, b + by) for t, label, a, b in part.entities]
    part.speakers = [(n, kind, role, a + by, b + by) for n, kind, role, a, b in part.speakers]


def analyse_in_pieces(article: Article, lines: list[Line], masked: str, size: int = PIECE_CHARS,
                      parsed: str | None = None, starts: tuple[int, ...] = ()) -> Analysis:
    """An article longer than ``size``, analysed a piece at a time (``nlp.pieces``: cut at
    paragraph ends), so spaCy and the extractors never hold more than one piece: memory stays
    that of a ``size``-character article whatever the length. What a piece finds is moved to
    offsets into the whole text, and checked: every figure's words must be at its offsets.

    What a cut costs: a "he" or "the minister" at the top of a piece is not carried back to a
    name in the piece before, and a figure's sentence never spans two pieces (a cut follows a
    line break, which ends a sentence anyway). The occasion of the lede is read once, from the
    first piece, and dates the undated statements of every piece, as in a short article."""
    result = Analysis(article, lines, _body(article, lines))
    lead = _UNKNOWN
    spans = pieces(masked, size)
    for (start, end), doc in zip(spans, annotate_pieces(parsed or masked, spans, starts)):
        _read_whole(doc, masked[start:end])
        part = Analysis(article, lines, "")
        lead = _extract(part, doc, lead)
        _move(part, start)
        result.mentions += part.mentions
        result.entities += part.entities
        result.speakers += part.speakers
    headline_sources(result.mentions, lines)
    for m in result.mentions:
        f = m.figure
        if article.text[f.start:f.end] != f.text:  # never store offsets that point elsewhere
            raise RuntimeError(f"a figure found in a piece lost its offsets: {f.text!r} at {f.start}")
    return result


def _read_whole(doc, masked: str) -> None:
    """The extractors read words around a figure from the text (a country named anywhere decides
    whose rupees; the words before a name give its post; quotations are found in it): they get
    the article's, not the blanked text spaCy parsed. Same length, so token offsets still point
    into it, and a sentence spaCy parsed reads the same in both."""
    doc.user_data["newsledger_text"] = masked


def _to_parse(masked: str, lines: list[Line], focused: bool) -> tuple[str, tuple[int, ...]]:
    """The text spaCy parses: the whole article, or (``focused``) only the sentences a figure
    can come from or be attributed by, the rest blanked with the offsets kept (``focus``)."""
    if not focused:
        return masked, ()
    lede = next((ln.start for ln in lines if ln.kind == "body"), None)  # the lede dates the article (_lead_date)
    f = focus(masked, lede=lede)
    return f.text, f.starts


def analyse(articles: Iterable[Article], batch_size: int = 16, focused: bool = True) -> Iterator[Analysis]:
    """Analyses in input order. Non-English articles are kept, their figures not extracted.
    ``focused``: spaCy parses only the sentences that matter (``focus``); False parses all."""
    pending: list[tuple[Article, list[Line], str, str, tuple[int, ...]]] = []  # … masked, parsed, starts

    def flush():
        docs = annotate([p[3] for p in pending], batch_size=batch_size, starts=[p[4] for p in pending])
        for (article, lines, masked, _, _), doc in zip(pending, docs):
            _read_whole(doc, masked)
            yield analyse_doc(article, lines, doc)
        pending.clear()

    for article in articles:
        lines, masked = prepare(article)
        if article.language and article.language != "en":
            if pending:  # keep input order: the English articles before it come out first
                yield from flush()
            yield Analysis(article, lines, _body(article, lines),
                           skipped=f"language '{article.language}': figures are extracted from English only")
            continue
        if len(masked) > PIECE_CHARS:
            if pending:  # keep input order
                yield from flush()
            if len(masked) > MAX_CHARS:  # refused before spaCy sees any of it
                raise TextTooLong(len(masked), MAX_CHARS)
            text, starts = _to_parse(masked, lines, focused)
            yield analyse_in_pieces(article, lines, masked, parsed=text, starts=starts)
            continue
        pending.append((article, lines, masked, *_to_parse(masked, lines, focused)))
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()
