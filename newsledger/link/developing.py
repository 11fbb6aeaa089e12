"""Developing stories: stories told over weeks, joined through what their reports share.

``stories.StoryIndex`` groups reports of one event by their words, within days: a developing
story drifts in wording ("dozens" of casualties one week, "1,000 in the past week" two weeks
later) and its reports fall into several word-stories. Two of those are one developing story
when their reports carry the same claim (the same speaker's same figure on the same day, as
linked by ``claims.link_claims``), or when they quote the same named source about the same
party within a few weeks and their leads tell no different kinds of event; or when their leads tell the same kind of event (a quake, a flood, an
attack) in the same place, within a few months — a disaster or a war is covered for months, its
toll rising, and its reports share little wording beyond its place and what happened there; or
when their leads name the same storm by its given name ("Hurricane Helene"), wherever it struck. A
state or province in a lead also names its country (gazetteer.country_of_subdivision). A
place named in most of the ledger's leads says nothing; two events of one kind in one place
within the window are taken as one story (the cost of joining on so little). Undated documents
join nothing here: without dates, a shared name is too weak a link across a corpus.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from .duplicates import EarliestFirstGroups
from .entities import fold, side_of
from .gazetteer import country_of_subdivision, is_country

WINDOW_DAYS = 21  # a developing story's reports a few weeks apart still answer each other
# The crisis development events run from days (a train crash) to ten months (a war's toll);
# chained through their reports, four months between neighbours keeps each whole.
EVENT_WINDOW_DAYS = 120
# A country is a wide place: two events of one kind in one country a few months apart are often
# two events (a June shooting and a September bill about an old attack, on BASIL), so a country
# alone joins reports over weeks, a city, province or territory over months.
COUNTRY_WINDOW_DAYS = 30
# A place in more than this share of the dated leads is the ledger's setting, not an event's place.
COMMON_PLACE_SHARE = 0.25
LEAD_CHARS = 400  # the headline and first sentence or two: where a report says what happened where

# Kinds of event, each by the word stems that name it. Words a report uses for what happened,
# not for what it counts: "killed" is in every report of every kind.
EVENT_KINDS = {
    "earthquake": r"earthquakes?|quakes?|tremors?|aftershocks?|seismic",
    "flood": r"floods?|flooding|flooded|flash floods?|deluge|inundat\w*|monsoon|torrential",
    # ("Fire and EMS Chief", "the fire department": a service that answers every kind of event)
    "fire": r"wildfires?|bushfires?|blazes?|fires?(?!\s+(?:and\s+(?:ems|rescue)|&|department|dept|service|chief|"
            r"crews?|brigade|fighters?|officials?|station|engines?|trucks?|marshal|authorit\w*))",
    "storm": r"hurricanes?|typhoons?|cyclones?|tropical storms?|storms?",
    "landslide": r"landslides?|mudslides?|landslips?",
    "crash": r"crash\w*|derail\w*|collision|collided|accidents?",
    "explosion": r"explosions?|explod\w*|blasts?|detonat\w*",
    "attack": r"attack\w*|strikes?|airstrikes?|shelling|massacres?|shootings?|gunmen|bombings?|raids?",
    "war": r"wars?|fighting|offensive|invasion|militias?|paramilitary",
    "outbreak": r"outbreaks?|epidemics?|pandemics?|virus\w*|infections?|vaccin\w*|mpox|monkeypox|cholera|ebola|"
                r"measles|dengue|malaria|covid\w*|influenza",
}
_KIND_RE = {k: re.compile(r"\b(?:" + ws + r")\b", re.I) for k, ws in EVENT_KINDS.items()}
PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP"}


# A storm's given name, after the word for it ("Hurricane Helene", "Storm Daniel").
_NAMED_STORM = re.compile(r"\b(?:Hurricane|Typhoon|Cyclone|Tropical Storm|Storm)\s+([A-Z][a-z]{2,})\b")
NAMED = "storm:"  # the prefix of a named storm's key among a document's kinds


def lead_kinds(text: str) -> set[str]:
    """The kinds of event a document's lead names, and the storms it names by their given name
    ("storm:helene"): a capitalised word after the storm's word that the document never writes
    in lower case ("Storm Front … the front moved east" names no storm), and that is not one of
    the words that follow it in the names of other things ("the National Hurricane Center")."""
    lead = text[:LEAD_CHARS]
    kinds = {k for k, rx in _KIND_RE.items() if rx.search(lead)}
    for m in _NAMED_STORM.finditer(lead):
        name = m.group(1)
        if name.lower() in _COMMON_AFTER_STORM or re.search(rf"\b{name.lower()}\b", text):
            continue
        kinds.add(NAMED + name.lower())
    return kinds


# Words that follow a storm's word without being its name ("Hurricane Center", "Storm Warning").
_COMMON_AFTER_STORM = {"center", "centre", "season", "warning", "warnings", "watch", "related", "relief",
                       "tracker", "damage", "victims", "survivors", "shelter", "shelters", "update",
                       "hunters", "names", "surge", "category", "preparedness", "recovery", "response"}


def named_events(kinds: set[str]) -> set[str]:
    """The named storms among a document's kinds."""
    return {k for k in kinds if k.startswith(NAMED)}


def join_keys(d: "StoryDoc") -> set[str]:
    """What a document's lead can join another's on: its places and its named storms."""
    return d.places | named_events(d.kinds)


def joins_on(key: str, main: str | None, other_main: str | None, kinds: set[str], other_kinds: set[str]) -> bool:
    """Whether two leads sharing ``key`` tell one event: the same named storm; or the same kind of
    event where the place is the main place of one of them."""
    if key.startswith(NAMED):
        return key in kinds and key in other_kinds
    return (key == main or key == other_main) and bool(kinds & other_kinds)


def window(place: str) -> int:
    if place.startswith(NAMED):
        return EVENT_WINDOW_DAYS
    return COUNTRY_WINDOW_DAYS if side_of(place) or is_country(place) else EVENT_WINDOW_DAYS


def _place(text: str, label: str) -> str | None:
    countries = side_of(text)
    if countries:
        return fold(sorted(countries)[0])
    if label == "NORP":
        return None
    place = re.sub(r"^the ", "", fold(text)).strip(" .'’")
    return place if len(place) > 2 and not place.isdigit() else None


def lead_places(entities: list[tuple[str, str, int]]) -> tuple[str | None, set[str]]:
    """Where a report's lead places its event: the first place it names as a place (not as a
    people: "Israeli forces" name a party), and every place it names, folded (a demonym counts as
    its country, a state, province or region also names its country). Later places in a lead are
    as often the parties or the neighbours as the event's own. A lead that names no place but a
    people ("Moroccan survivors huddled …") is placed in that people's country."""
    main, places, people = None, set(), None
    for text, label, start in sorted(entities, key=lambda e: e[2]):
        if label not in PLACE_LABELS or not 0 <= start < LEAD_CHARS:
            continue
        country = country_of_subdivision(text) if label != "NORP" else None
        place = _place(text, label)
        if place is None:
            continue
        places.add(place)
        if country:
            places.add(fold(country))
        if label == "NORP":
            people = people or place
        elif main is None:
            main = place
    if main is None and people is None:
        # The tagger often calls a country inside a longer name an organisation ("The Papua New
        # Guinea government", "Chile's Pacific Coast"): with no place tagged as one, the first
        # country such a name holds places the lead.
        for text, label, start in sorted(entities, key=lambda e: e[2]):
            countries = side_of(text) if label == "ORG" and 0 <= start < LEAD_CHARS else set()
            if countries:
                main = fold(sorted(countries)[0])
                places.add(main)
                break
    return main or people, places


@dataclass
class StoryDoc:
    doc: str
    story: str
    published: dt.date | None
    seq: int
    claims: set[str] = field(default_factory=set)            # attributed, dated claims it reports
    sources: set[tuple[str, str]] = field(default_factory=set)  # (named speaker, party counted)
    main_place: str | None = None                             # lead_places
    places: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)              # lead_kinds


def developing_stories(docs: list[StoryDoc], share: Counter | None = None,
                       dated_total: int | None = None) -> dict[str, str]:
    """doc -> the id of its developing story (its earliest document).

    ``docs`` is the whole ledger, or a part of it closed under every join below (then ``share``,
    the number of dated leads naming each place, and ``dated_total``, the number of dated
    documents, are the whole ledger's, since they decide which places are too common to join)."""
    groups = EarliestFirstGroups()
    for d in sorted(docs, key=lambda d: d.seq):
        groups.add(d.doc, d.published, d.seq)
    first_of_story: dict[str, str] = {}
    for d in docs:
        first_of_story.setdefault(d.story, d.doc)
        groups.union(d.doc, first_of_story[d.story])
    by_claim: dict[str, str] = {}
    by_source: dict[tuple[str, str], list[StoryDoc]] = {}
    for d in sorted(docs, key=lambda d: d.seq):
        if d.published is None:
            continue
        for c in sorted(d.claims):
            if c in by_claim:
                groups.union(d.doc, by_claim[c])
            else:
                by_claim[c] = d.doc
        for s in sorted(d.sources):
            for other in by_source.get(s, []):
                if abs((other.published - d.published).days) <= WINDOW_DAYS and kinds_agree(d.kinds, other.kinds):
                    groups.union(d.doc, other.doc)
            by_source.setdefault(s, []).append(d)
    _join_events(docs, groups, share, dated_total)
    return {d.doc: groups.root(d.doc) for d in docs}


def kinds_agree(a: set[str], b: set[str]) -> bool:
    """Two reports may be of one event by what their leads say happened: a kind in common, or no
    kind in either. A health ministry's epidemic figures and its war wounded the same month are
    two stories."""
    return a == b or bool(a & b)


def event_lead(d: StoryDoc) -> bool:
    """Whether a document's lead can join it to another's event: dated, placed, with a kind."""
    return d.published is not None and bool(d.main_place) and bool(d.kinds)


def common_limit(dated_total: int) -> float:
    """A place named in more dated leads than this is the ledger's setting, not an event's place."""
    return max(2, COMMON_PLACE_SHARE * dated_total)


def _join_events(docs: list[StoryDoc], groups: EarliestFirstGroups, share: Counter | None = None,
                 dated_total: int | None = None) -> None:
    """Same kind of event, one report's main place named in the other's lead, within the window."""
    dated = [d for d in docs if event_lead(d)]
    if share is None:
        share = Counter(p for d in dated for p in join_keys(d))
    if dated_total is None:
        dated_total = len([d for d in docs if d.published is not None])
    limit = common_limit(dated_total)
    by_place: dict[str, list[StoryDoc]] = {}
    for d in sorted(dated, key=lambda d: d.seq):
        for place in sorted(join_keys(d)):
            if share[place] > limit:
                continue
            for other in by_place.get(place, []):
                if joins_on(place, d.main_place, other.main_place, d.kinds, other.kinds) \
                        and abs((other.published - d.published).days) <= window(place):
                    groups.union(d.doc, other.doc)
            by_place.setdefault(place, []).append(d)


def story_label(members: list[tuple[set[str], str | None, str | None]]) -> str:
    """A few words saying what a story is about, from its reports' (kinds, main place, title):
    the kind of event most of them tell and the place most of them name ("earthquake in
    Morocco"); with no kind, the place and the earliest title; else the earliest title."""
    kinds = Counter(k for ks, _, _ in members for k in ks if not k.startswith(NAMED))
    places = Counter(p for _, p, _ in members if p)
    order = list(EVENT_KINDS)
    kind = min(kinds, key=lambda k: (-kinds[k], order.index(k))) if kinds else None
    place = min(places, key=lambda p: (-places[p], p)) if places else None
    title = next((t for _, _, t in members if t), "")
    where = place.title() if place else ""
    if kind and where:
        return f"{kind} in {where}"
    if where and title:
        return f"{where}: {title}"
    return title or kind or where
