"""The records that flow through the pipeline. Dataclasses only: no behaviour beyond trivial helpers.

Every extracted record carries ``start``/``end``: character offsets into ``Article.text``, the
original text exactly as read (decoded, nothing normalised). Nothing downstream may rewrite it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field


@dataclass
class Article:
    """One document as read from a source, before any analysis."""

    doc: str                          # document id (file stem, or a stable id for URLs/records)
    text: str                         # original text; every offset refers to it
    source: str = ""                  # path or URL it came from
    kind: str = "text"                # text | html | json | jsonl | warc | feed | url
    published: dt.date | None = None
    published_inferred: bool = False  # True when the date was guessed from the text, not stated
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    language: str | None = None       # ISO 639-1
    html: str | None = None           # the original page, kept when the source was HTML

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class Problem:
    """An input that could not be read. Reported, skipped; the rest goes on."""

    source: str
    message: str


@dataclass
class Line:
    """A line of the original text and what the cleaner decided about it."""

    start: int
    end: int
    kind: str  # body | heading | title | furniture | blank


@dataclass
class Figure:
    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    unit: str | None = None
    measure: str = "other"
    subject: str = ""
    hedges: list[str] = field(default_factory=list)
    period: str | None = None          # the words that bound what the figure covers
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    # what a learned decision saw (features by name) and the rules' own answer: kept so the
    # trainer reads exactly what the pipeline sees; never stored or exported
    evidence: dict | None = field(default=None, repr=False, compare=False)


@dataclass
class Attribution:
    """Who the article says a stretch of text comes from."""

    speaker: str | None          # surface name or descriptor, as resolved within the article
    speaker_start: int | None    # offsets of the words naming the speaker (or its antecedent)
    speaker_end: int | None
    cue: str | None              # said / told / according to / ...
    cue_start: int | None
    content_start: int
    content_end: int
    direct: bool = False         # inside quotation marks
    kind: str = "person"         # person | organisation | anonymous | outlet
    relayed_by: str | None = None  # "cited by Bloomberg": Bloomberg relays, the officials speak
    stated_on: dt.date | None = None
    date_cue: str | None = None


@dataclass
class Mention:
    """One figure in one article, with everything the extractors found about it."""

    doc: str
    figure: Figure
    attribution: Attribution | None
    stated_on: dt.date | None = None
    stated_on_source: str = "none"   # cue | sentence | borrowed | published | none
    speaker: str | None = None       # canonical speaker name (after entity linking)
    claim: str | None = None


@dataclass
class Entity:
    canonical: str
    kind: str                      # PERSON | ORG | GPE | ANON
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    side: str | None = None
