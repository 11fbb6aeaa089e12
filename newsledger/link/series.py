"""Series: the claims that count the same thing, so that their figures can be set side by side.

Two figures are comparable only when they share the measure (killed is not wounded), the unit,
the counted population — who (people, children, soldiers, homes) and where (a province's toll is
not the nation's) — the occasion (one attack's dead are not the war's), the state of what is
counted (houses destroyed, not damaged) and the kind of period (a week's toll is not a running
total). Updates, conflicts and the consensus band are worked out within one series only.

The key is read from the claim's subject as the extractor writes it — the counted noun, then the
parts it found in parentheses ("people killed (in Sindh; on Wednesday)") — and from its period.
A part it cannot place keeps the claim in a series of its own rather than risk setting a part
against a whole: a ledger that splits one series in two loses a comparison, one that joins a
part to its whole shows a conflict that is not there.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..subject_text import split_subject
from .entities import fold, side_of

# Words of a subject that say what befell the people counted, or that the count is a toll: the
# measure already carries this, so "deaths", "people killed" and "the death toll" count one population.
HARM_WORDS = {
    "dead", "death", "deaths", "died", "killed", "kill", "killing", "toll", "tolls", "fatality", "fatalities",
    "casualty", "casualties", "victim", "victims", "life", "lives", "body", "bodies", "injured", "injury",
    "injuries", "wounded", "hurt", "missing", "unaccounted", "displaced", "evacuated", "evacuee", "evacuees",
    "homeless", "detained", "arrested", "captured", "held", "deployed", "sent", "number", "figure", "total",
    "tally", "count", "overall", "confirmed", "reported", "recorded", "known", "official", "related",
    "rain-related", "flood-related", "storm-related", "quake-related", "fire-related", "people", "persons",
    "person", "individuals", "individual", "others", "more", "least", "about", "around", "nearly", "other",
}
# Counted groups that are a part of "people" wherever they appear: a toll of children is a
# breakdown of the toll, never a rival figure for it. Singular forms; plurals are folded below.
GROUPS = {
    "child", "kid", "minor", "boy", "girl", "infant", "baby", "student", "pupil", "woman", "man", "elderly",
    "civilian", "soldier", "troop", "fighter", "militant", "combatant", "officer", "police", "policeman",
    "firefighter", "rescuer", "volunteer", "worker", "staff", "employee", "journalist", "doctor", "nurse",
    "medic", "paramedic", "patient", "passenger", "tourist", "foreigner", "foreign", "national", "citizen",
    "refugee", "migrant", "resident", "villager", "member", "hostage", "prisoner", "pilgrim", "teacher",
    "gunman", "attacker", "assailant", "terrorist", "suspect", "perpetrator", "militant", "rebel", "insurgent",
    "home", "house", "household", "family", "building", "structure", "school", "hospital", "village", "road",
    "bridge", "vehicle", "acre", "hectare", "livestock", "animal", "case", "dose", "vaccine", "truck",
}
# One group under several names: "soldiers", "troops" and "forces" of a side are one population.
_SAME_GROUP = {"soldier": "troop", "force": "troop", "serviceman": "troop", "servicemen": "troop",
               "servicemember": "troop", "policeman": "police", "policemen": "police", "kid": "child"}
# Groups that are a whole side's counted people in a war story, not a part of them (children and
# women are always a part): a side's "casualties" in a story of its troops are its troops'.
WHOLE_GROUPS = {"troop"}
_IRREGULAR = {"children": "child", "men": "man", "women": "woman", "people": "people", "police": "police",
              "staff": "staff", "elderly": "elderly", "livestock": "livestock", "families": "family"}
# Words of a part that say which state or stage of the counted thing it is: "destroyed" houses are
# not "damaged" ones, the "identified" dead are a part of the dead, the "first" wave is not the second.
STATE_WORDS = {
    "destroyed", "damaged", "partially", "completely", "fully", "collapsed", "flattened", "identified",
    "unidentified", "critical", "critically", "serious", "seriously", "severely", "gravely", "badly", "hospital",
    "hospitalised", "hospitalized", "treated",
    "discharged", "rescued", "recovered", "buried", "first", "second", "third", "wave", "initial", "suspected",
    "confirmed", "new", "additional", "among", "undergoing", "admitted",
}
# Occasions that make a count one event's rather than the whole story's.
OCCASION_WORDS = {
    "attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "blast", "blasts",
    "explosion", "explosions", "detonation", "detonations", "bombing", "shelling", "massacre", "ambush",
    "offensive", "assault", "clash", "clashes", "battle", "wave", "aftershock", "landslide", "stampede",
    "collision", "crash", "fire", "storm", "flood", "floods", "earthquake", "quake", "tsunami", "mudslide",
}
# Nouns that name what a figure measures rather than what it counts ("a magnitude 6.8 quake").
MEASURE_NOUNS = {"magnitude", "speed", "gust", "temperature", "rate", "share", "percent", "percentage", "depth",
                 "height", "distance", "area", "rainfall", "price", "cost", "budget", "appeal", "aid", "fund",
                 "funding", "loan", "damage", "loss", "losses"}
_CAUSE_WORDS = {"in", "the", "a", "an", "from", "by", "of", "during", "after", "following", "due", "to", "caused",
                "triggered", "related", "deadly", "devastating", "massive", "powerful", "recent", "this", "last"}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# Qualifiers that name who reported the figure, not what it counts ("(NDMA; in Sindh)").
_SOURCE_WORDS = {"ministry", "authority", "agency", "office", "department", "division", "council", "commission",
                 "organization", "organisation", "news", "report", "reports", "officials", "official", "government",
                 "said", "says", "according", "nations", "committee", "centre", "center", "service", "services",
                 "coroner", "governor", "mayor", "spokesperson",
                 "spokesman", "spokeswoman", "minister"}
_PREPS_OF_PLACE = ("in ", "across ", "at ", "near ", "inside ", "from ", "throughout ", "within ")


_CUMULATIVE = re.compile(r"\b(since|so far|to date|in total|overall|altogether|cumulative|all told)\b", re.I)
_UNITS = {"hour": "hour", "day": "day", "night": "day", "week": "week", "weekend": "week", "fortnight": "2 week",
          "month": "month", "year": "year"}
_NUMBER_WORDS = {"a": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "several": "n", "few": "n", "recent": "n"}
_PERIOD = re.compile(r"(?:(\d+|[a-z]+)\s+)?(hour|day|night|weekend|week|fortnight|month|year)s?\b", re.I)


def scope(claim) -> str:
    """``cumulative``, or the length of the period the figure covers ("1 week", "n month", "year")."""
    period = getattr(claim, "period", None)
    if not period or _CUMULATIVE.search(period):
        return "cumulative"
    m = None
    for m in _PERIOD.finditer(period):
        pass  # the last one names the length: "in the last two weeks of December" is rare; "past week" common
    if m is None:
        return "period: " + period.strip().lower()
    unit = _UNITS[m.group(2).lower()]
    count = (m.group(1) or "1").lower()
    n = int(count) if count.isdigit() else _NUMBER_WORDS.get(count, 1)
    if unit.startswith("2 "):
        n, unit = (2 * n if isinstance(n, int) else n), unit[2:]
    return f"{n} {unit}"



@dataclass(frozen=True)
class SeriesKey:
    measure: str
    unit: str | None
    who: frozenset[str]
    side: frozenset[str]
    where: frozenset[str]
    occasion: frozenset[str]
    state: frozenset[str]
    scope: str

    @property
    def id(self) -> str:
        raw = "|".join([self.measure, self.unit or "", ",".join(sorted(self.who)), ",".join(sorted(self.side)),
                        ",".join(sorted(self.where)), ",".join(sorted(self.occasion)), ",".join(sorted(self.state)),
                        self.scope])
        return "s" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:10]

    @property
    def label(self) -> str:
        """In words: "killed — people in Sindh, running total", "other — magnitude"."""
        who = " and ".join(sorted(self.who)) or ("people" if self.measure not in {"other", "money"} else "")
        if self.side:
            who = f"{who} ({', '.join(sorted(c.title() for c in self.side))})".strip()
        words = [who]
        if self.state:
            words.append(", ".join(sorted(self.state)))
        if self.where:
            words.append("in " + " and ".join(sorted(w.title() for w in self.where)))
        days = sorted(o for o in self.occasion if o in _WEEKDAYS)
        events = sorted(o for o in self.occasion if o not in _WEEKDAYS)
        if events:
            words.append("in the " + " / ".join(events))
        if days:
            words.append("on " + " and ".join(d.title() for d in days))
        what = " ".join(w for w in words if w).strip()
        unit = f" [{self.unit}]" if self.unit else ""
        if self.scope != "cumulative":
            when = f", per {self.scope}"
        else:
            when = "" if self.measure in {"other", "money"} else ", running total"
        return f"{self.measure} — {what}{unit}{when}" if what else f"{self.measure}{unit}{when}"


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, repl in (("ies", "y"), ("ses", "s"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z'-]*", fold(text))


def _who(main: str, measure: str) -> frozenset[str]:
    words = [_singular(w) for w in _words(main)]
    groups = {_SAME_GROUP.get(w, w) for w in words if w in GROUPS or w in _SAME_GROUP}
    if groups or measure not in {"other", "money"}:
        return frozenset(groups)
    # For a figure of another kind ("ambulances", "magnitude", "acres burned") its own noun is all
    # there is to say what it counts: a word that names a measure ("magnitude") wins, else the
    # last word that is not a participle ("pagers used", "handheld pagers" -> pager).
    content = [w for w in words if w not in HARM_WORDS and len(w) > 2 and not w.endswith(("ed", "ing"))]
    named = [w for w in content if w in MEASURE_NOUNS]
    if "magnitude" in named and "aftershock" in content:
        return frozenset({"aftershock magnitude"})  # an aftershock's magnitude is not the quake's
    if named or content:
        return frozenset({(named or content)[-1]})
    return frozenset()


def _names(part: str) -> list[str]:
    """Runs of capitalised words of a part, folded, weekdays left out: the names it places a count
    by ("North Korea", "Buncombe County")."""
    out = []
    for run in re.findall(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*", part):
        words = [w for w in run.split() if fold(w).strip(".'") not in _WEEKDAYS | {"the", "a", "an"}]
        f = fold(" ".join(words)).strip(".'")
        if len(f) >= 2:
            out.append(f)
    return out


def _is_source(part: str, speaker: str | None) -> bool:
    """A part that names who gave the figure: a ministry, an agency, an acronym, the speaker."""
    words = set(_words(part))
    if words & _SOURCE_WORDS:
        return True
    if re.fullmatch(r"[A-Z]{2,6}s?", part.strip()) and not side_of(part):
        return True  # "NDMA", "OCHA" — but "DPRK" is a side
    return bool(speaker) and fold(part) in fold(speaker)


def _parts(parts: list[str], speaker: str | None) -> tuple[set[str], set[str], set[str]]:
    where, occasion, state = set(), set(), set()
    for part in parts:
        if _is_source(part, speaker):
            continue
        words = set(_words(part)) | {_singular(w) for w in _words(part)}
        occ = words & OCCASION_WORDS
        if occ:
            # "(quake)", "(from the floods)": the story's own event, every count of it shares it;
            # "in the strike on the market", "in the second wave": one occasion among several.
            if set(_words(part)) - OCCASION_WORDS - _CAUSE_WORDS:
                occasion |= {_singular(w) for w in occ}
                where |= set(_names(part))
            continue
        st = words & STATE_WORDS
        if st:
            state |= {_singular(w) for w in st}
        # A count placed on a day it happened ("killed on Tuesday") is that day's, not the running
        # total: the day a source said it is the claim's date, not a part of what it counts.
        day = re.match(r"on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", fold(part))
        if day:
            occasion.add(day.group(1))
        names = _names(part)
        low = fold(part)
        if names and (low.startswith(_PREPS_OF_PLACE) or not (words - {fold(n) for n in names} - {"the", "of"})):
            where |= set(names)
    return where, occasion, state


def series_key(claim) -> SeriesKey:
    """The series of a claim-like object (measure, unit, subject, period, speaker)."""
    measure = getattr(claim, "measure", "other") or "other"
    main, parts = split_subject(getattr(claim, "subject", None))
    where, occasion, state = _parts(parts, getattr(claim, "speaker", None))
    # A country, named in the noun ("Syrian dead") or as the place ("dead in Syria"), is a side:
    # one country's toll in a two-country disaster is a part of the whole, as a province's is.
    side = side_of(main) | side_of(" ".join(where)) | frozenset().union(
        *(side_of(p) for p in parts if not _is_source(p, getattr(claim, "speaker", None))))
    where = {w for w in where if not side_of(w)}
    return SeriesKey(measure, getattr(claim, "unit", None), _who(main, measure), side,
                     frozenset(where), frozenset(occasion), frozenset(state), scope(claim))


def settle(keys: list[SeriesKey]) -> list[SeriesKey]:
    """Keys of one story, with the counted group filled in where a claim leaves it unsaid and the
    story's other claims about the same side all count one whole group: "North Korean casualties"
    among reports of North Korean troops are the troops'. A part (children, women) is never
    filled in, and a claim naming no side takes none."""
    def rest(k):
        return (k.measure, k.unit, k.side, k.where, k.occasion, k.state)
    named: dict[tuple, set] = {}
    for k in keys:
        if k.who and k.side:
            named.setdefault(rest(k), set()).add(k.who)
    # The same for the side: a claim naming no country, among claims of the story that count the
    # same thing and all name one country ("the toll rose to 70" beside "70 killed in Haiti"), is
    # that country's; where the story's claims name two countries, it stays unsaid.
    sides: dict[tuple, set] = {}
    for k in keys:
        if k.side:
            sides.setdefault((k.measure, k.unit, k.who, k.where, k.occasion, k.state), set()).add(k.side)
    out = []
    for k in keys:
        whos = named.get(rest(k), set())
        if not k.who and k.side and len(whos) == 1 and next(iter(whos)) <= WHOLE_GROUPS:
            k = SeriesKey(k.measure, k.unit, next(iter(whos)), k.side, k.where, k.occasion, k.state, k.scope)
        named_sides = sides.get((k.measure, k.unit, k.who, k.where, k.occasion, k.state), set())
        if not k.side and len(named_sides) == 1:
            k = SeriesKey(k.measure, k.unit, k.who, next(iter(named_sides)), k.where, k.occasion, k.state, k.scope)
        out.append(k)
    return out
