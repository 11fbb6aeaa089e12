"""Names: one canonical name per person or organisation across the corpus.

Two layers.

1. :func:`resolve_in_document` works inside one article: the short forms map to the full form
   the article introduced ("Kirby" -> "John Kirby", "Mr Blair" -> "Tony Blair"), and an acronym
   defined in parentheses ("Defense Intelligence of Ukraine (DIU)") becomes an alias.
2. :class:`EntityIndex` works across articles, incrementally. People are matched on a
   transliteration-normalised key (:func:`translit_key`: y/i/iy/yi, sh/s, kh/h, ts/tz, doubled
   letters, diacritics) plus rapidfuzz similarity, with given names, gendered honorifics,
   generational suffixes and the side named in the role ("White House ..." -> US) as evidence
   for or against. Organisations are matched on (country, content words) with spelling folds
   (defence/defense), acronyms, a few descriptors ("Ukraine's military intelligence") and
   a small table of well-known agencies; countries through the gazetteer (link/gazetteer.py:
   every country and territory, its names, demonyms and capital metonyms).

Order independence
------------------
The index keeps *observations* (alias, kind, role, in-article link, document), and every answer
is a function of the set of observations, not of their order: clusters are recomputed from
the observations of a surname block (sorted, so union order is fixed) and the canonical name is
chosen by counts with an alphabetical tie-break. What does depend on order is the answer
``add`` returns *at the time*: "Kirby" added before any "John Kirby" is its own entity until
"John Kirby" arrives. So callers store the surface and ask :meth:`EntityIndex.canonical` again
at export time (cheap, cached), or export from :meth:`EntityIndex.to_rows`.

Ambiguity policy
----------------
A bare surname (or an unqualified organisation name, an acronym, a descriptor) that fits two
or more known entities, after gender, suffix, side and role evidence, resolves to **neither**:
the surface itself is returned (honorifics stripped: "Mr Blair" -> "Blair"). A wrong merge
corrupts claims silently; an unmerged surname is only a missed alias.

Anonymous sources
-----------------
Kind ``ANON`` is never merged into a person: ``canonical`` returns the descriptor (leading
article dropped), and :func:`anonymous_key` gives claim matching a coarse key ("us official").
Only a descriptor with an institutional head ("Kyiv's intelligence authorities") may resolve
to the one named organisation of that country it fits.

Persistence
-----------
The store keeps one row per observation: :class:`AliasRow` ``(canonical, kind, alias, role,
link, doc, count)``, e.g. ``entity_aliases(alias TEXT, kind TEXT, role TEXT, link TEXT, doc TEXT,
count INTEGER, canonical TEXT, PRIMARY KEY (alias, kind, role, link, doc))`` (NULLs as '' in the
key). ``canonical`` is derived (handy for SQL queries, refreshed on every save);
``EntityIndex.from_rows`` ignores it and rebuilds from the rest. Re-adding an observation with
the same non-null ``doc`` changes nothing, so re-ingesting an article is idempotent.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from rapidfuzz import fuzz, process

from newsledger.model import Entity

# fold lives with the gazetteer, whose keys it makes; it is re-exported here for the callers.
from .gazetteer import GPE_ONLY, alternation, country_keys, fold, phrase_table

# --------------------------------------------------------------------------------------------
# Text folding
# --------------------------------------------------------------------------------------------


# Digraphs that English-language outlets render in several ways from Cyrillic, Korean, Arabic…
_TRANSLIT = [("shch", "s"), ("sch", "s"), ("zh", "z"), ("kh", "h"), ("tch", "c"), ("ch", "c"),
             ("sh", "s"), ("ts", "c"), ("tz", "c"), ("ck", "k"), ("ph", "f"), ("dh", "d"),
             ("x", "ks"), ("q", "k"), ("w", "v"), ("y", "i")]


def translit_key(name: str) -> str:
    """A spelling-insensitive key: "Syrsky", "Shirsky", "Syrskyi" -> "sirski".

    Letters only; digraph variants collapsed; y -> i; j after a vowel -> i ("Zelenskyj");
    doubled letters collapsed (so -yy, -iy, -yi, -ii endings all end in one "i").
    """
    s = re.sub(r"[^a-z]", "", fold(name))
    s = re.sub(r"(?<=[aeiouy])j", "i", s)
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


# --------------------------------------------------------------------------------------------
# World knowledge: small tables, none of them about one story
# --------------------------------------------------------------------------------------------

# Countries and territories, their names, demonyms and capitals: link/gazetteer.py (pycountry
# and countryinfo; by hand there only what no package has, each table saying why).
_COUNTRY_OF: dict[str, str | None] = phrase_table()   # folded phrase -> canonical country;
#                                                       None: a phrase that names no country
#                                                       though it holds one ("New Mexico")
_CODE_OF: dict[str, str] = country_keys()            # canonical country -> key code ("us")
# "white house", "pentagon", "kremlin", "downing street" give a side but are not the country
# when they are the speaker: they stay organisations.
_GPE_ONLY = set(GPE_ONLY)
_COUNTRY_WORDS = {w for p, c in _COUNTRY_OF.items() if c for w in p.split()}
_BLOCS = {"western": "western", "west": "western", "nato": "nato", "european": "european",
          "eu": "european", "un": "un"}
# One precompiled regex, a character trie of all the phrases (a search tries only the branches
# that begin with the letter at hand, so its cost does not grow with the number of countries).
_COUNTRY_ALT = alternation(_COUNTRY_OF)
_COUNTRY_RE = re.compile(r"\b(" + _COUNTRY_ALT + r")\b(?:'s?)?")
_OF_COUNTRY_RE = re.compile(r"\bof (?:the )?(" + _COUNTRY_ALT + r")$")


def _countries_in(folded: str):
    """The country phrases of a folded text, left to right (phrases that name none skipped)."""
    return (m for m in _COUNTRY_RE.finditer(folded) if _COUNTRY_OF[m.group(1)])


# Well-known agencies whose acronym is not the initials of their English name.
AGENCY_ACRONYMS = {
    "hur": "Defence Intelligence of Ukraine",   # Holovne upravlinnia rozvidky
    "gur": "Defence Intelligence of Ukraine",
    "sbu": "Security Service of Ukraine",
    "fsb": "Federal Security Service of Russia",
    "svr": "Foreign Intelligence Service of Russia",
    "kcna": "Korean Central News Agency",
    "gchq": "Government Communications Headquarters",
}
# Metonyms that name an institution, not a country.
ORG_METONYMS = {"pentagon": "US Department of Defense"}

# Spelling folds applied to organisation words (key only; display keeps the original).
_WORD_FOLD = {"defence": "defense", "military": "defense", "organisation": "organization",
              "centre": "center", "programme": "program", "ministry": "ministry"}
_ORG_STOP = {"of", "the", "for", "and", "&", "on", "in", "at", "to", "a", "an"}
# Words that make a descriptor generic ("Kyiv's intelligence authorities" ~ "... intelligence").
_GENERIC = {"authorities", "authority", "officials", "official", "sources", "source",
            "spokesman", "spokeswoman", "spokesperson", "people"}
# An organisation that is only the government of a country is the country.
# Words every country's institutions share: an unqualified name made only of these ("Supreme
# Court", "Defense Ministry", "National Intelligence Service") is not attached to the one
# country's version the index happens to know.
_INSTITUTION = {"supreme", "high", "constitutional", "court", "ministry", "minister", "department",
                "office", "defense", "foreign", "interior", "home", "justice", "finance",
                "health", "education", "trade", "state", "federal", "national", "central",
                "bank", "police", "army", "navy", "air", "force", "forces", "armed",
                "parliament", "government", "security", "intelligence", "service", "council",
                "agency", "commission", "election", "electoral", "general", "staff", "joint",
                "chiefs", "committee", "public", "affairs", "statistics", "treasury"}
_GOVERNMENT = {"government", "authorities", "administration", "officials", "leadership", "state"}
_CORP_SUFFIX = {"inc", "plc", "ltd", "llc", "corp", "co", "sa", "ag", "gmbh", "nv", "group"}

_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord",
           "lady", "baroness", "baron", "rev", "reverend", "president", "vice", "prime", "minister",
           "gen", "general", "maj", "major", "lt", "lieutenant", "col", "colonel", "capt",
           "captain", "adm", "admiral", "cmdr", "commander", "sgt", "sergeant", "sen", "senator",
           "rep", "representative", "gov", "governor", "secretary", "chancellor", "king",
           "queen", "prince", "princess", "pope", "chief", "supt", "superintendent", "det",
           "inspector", "judge", "justice", "mayor", "ambassador", "spokesman", "spokeswoman",
           "spokesperson", "retired", "ret", "former", "leader", "chairman", "chairwoman",
           "mp", "mep", "st", "saint", "insp", "pres", "attorney", "assistant", "deputy", "sheriff"}
_FEMALE = {"mrs", "ms", "miss", "dame", "lady", "baroness", "queen", "princess"}
_MALE = {"mr", "sir", "lord", "baron", "king", "prince"}
_SUFFIXES = {"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "ii": "ii", "iii": "iii",
             "iv": "iv"}
_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le",
              "bin", "ibn", "al", "el", "ter", "ten", "dos", "das"}
# Surname-first names ("Kim Jong Un", "Moon Jae-in", "Xi Jinping").
_EA_SURNAMES = {"kim", "lee", "park", "choi", "jung", "yoon", "moon", "kang", "cho", "han",
                "shin", "xi", "li", "wang", "zhang", "liu", "chen", "hu", "wen", "mao", "deng",
                "jiang", "zhou", "yang"}
_EA_TWO_TOKEN = {"xi", "wang", "zhang", "liu", "chen", "hu", "wen", "mao", "deng", "jiang",
                 "zhou"}  # not also common Western given names, so "Xi Jinping" is safe
# Short forms of given names that are not prefixes of the long form.
_NICKNAMES = [{"william", "bill", "billy", "will"}, {"robert", "bob", "bobby", "rob"},
              {"richard", "dick", "rick"}, {"joseph", "joe"}, {"james", "jim", "jimmy"},
              {"michael", "mike"}, {"anthony", "tony"}, {"thomas", "tom"},
              {"nicholas", "nick"}, {"edward", "ed", "ted", "ned"}, {"margaret", "maggie"},
              {"elizabeth", "liz", "beth"}, {"charles", "chuck", "charlie"},
              {"john", "jack"}, {"henry", "harry", "hank"}, {"catherine", "kate", "cathy"},
              {"katherine", "kate", "kathy"}, {"alexander", "sasha", "alex"},
              {"oleksandr", "sasha"}, {"stephen", "steve"}, {"steven", "steve"},
              {"patrick", "pat"}, {"patricia", "pat"}, {"peter", "pete"}, {"david", "dave"},
              {"christopher", "chris"}, {"gregory", "greg"}, {"jeffrey", "jeff"}]
_NICK_GROUPS: dict[str, list[int]] = defaultdict(list)
for _i, _g in enumerate(_NICKNAMES):
    for _n in _g:
        _NICK_GROUPS[translit_key(_n)].append(_i)

_ROLE_STOP = {"of", "the", "a", "an", "and", "for", "to", "in", "on", "at", "'s", "s", "former",
              "current", "senior", "top"}
_ROLE_FOLD = {"spokeswoman": "spokesperson", "spokesman": "spokesperson", "defence": "defense",
              "head": "chief", "commander-in-chief": "chief", "army": "defense",
              "military": "defense"}


def side_of(text: str | None) -> frozenset[str]:
    """The countries a role or descriptor names ("White House spokesman" -> {"United States"})."""
    if not text:
        return frozenset()
    return frozenset(_COUNTRY_OF[m.group(1)] for m in _countries_in(fold(text)))


def role_words(role: str | None) -> frozenset[str]:
    """Content words of a role, folded ("head of the Ukrainian army" -> {chief, defense, ...})."""
    if not role:
        return frozenset()
    words = re.findall(r"[a-z][a-z-]*", _COUNTRY_RE.sub(
        lambda m: " " if _COUNTRY_OF[m.group(1)] else m.group(0), fold(role)))
    return frozenset(_ROLE_FOLD.get(w, w) for w in words if w not in _ROLE_STOP)


def _kind(kind: str | None, surface: str = "", link: str | None = None) -> str:
    """Normalised kind. A PERSON that is a country or capital ("Kyiv", a bare "Chad") is an NER
    slip: GPE; unless the article linked it to a person's full name ("Jordan" after "Jim
    Jordan", see :func:`resolve_in_document`)."""
    k = (kind or "").upper()
    if k in {"PER", "PERSON"} and _COUNTRY_OF.get(fold(surface).removeprefix("the ")) \
            and not (link and link != surface):
        return "GPE"
    return {"PER": "PERSON", "PERSON": "PERSON", "ORGANISATION": "ORG", "ORGANIZATION": "ORG",
            "OUTLET": "ORG", "ANONYMOUS": "ANON", "FAC": "ORG"}.get(k, k or "ORG")


# --------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonName:
    """A person's name split into parts. ``given`` holds translit keys; ``display`` the words
    as written without titles ("Maj. Gen. Pat Ryder" -> "Pat Ryder")."""

    display: str
    given: tuple[str, ...]         # translit keys of given names (initials kept as one letter)
    surname: str                   # surname as written
    surname_key: str
    suffix: str | None = None      # jr, sr, iii ...
    gender: str | None = None      # "m"/"f" from an honorific, when there was one

    @property
    def full(self) -> bool:
        return bool(self.given)

    @property
    def surname_display(self) -> str:
        return self.surname + (f" {self.suffix.capitalize()}." if self.suffix in {"jr", "sr"}
                               else f" {self.suffix.upper()}" if self.suffix else "")


def parse_person(surface: str) -> PersonName | None:
    """Split a person's surface name; None when nothing name-like is left."""
    # NER spans sometimes run across a line break ("Blair\n\nTony Blair"): the name is the
    # last line. Possessives and stray punctuation are not part of a name.
    s = surface.strip().split("\n")[-1]
    s = re.sub(r"['’]s?$", "", s.strip(" ,.;:\"“”()-–")).strip(" ,;:\"“”()-–")
    toks = [t for t in re.split(r"\s+", s) if t]
    gender = None
    # Leading titles, honorifics, roles in lowercase and possessives ("Ukraine's ...") go.
    while toks:
        low = toks[0].lower().strip(".,")
        if low in _TITLES or toks[0][:1].islower() or re.search(r"['’]s$", toks[0]) \
                or "-" in low and low.split("-")[0] in _TITLES:
            gender = gender or ("f" if low in _FEMALE else "m" if low in _MALE else None)
            toks.pop(0)
        else:
            break
    suffix = None
    while toks and toks[-1].lower().strip(".,") in _SUFFIXES:
        suffix = _SUFFIXES[toks.pop().lower().strip(".,")]
    toks = [t.strip(",") for t in toks if t.strip(",")]
    if not toks or not any(c.isalpha() for c in "".join(toks)):
        return None
    first = toks[0].lower()
    if first in _EA_SURNAMES and (len(toks) == 3 or (len(toks) == 2 and (
            "-" in toks[1] or first in _EA_TWO_TOKEN))):
        # Surname first; the given name is one unit however it is split ("Jong-un", "Jong Un").
        surname, given_words = toks[0], ["".join(toks[1:])]
    else:
        i = len(toks) - 1
        while i > 0 and toks[i - 1].lower() in _PARTICLES:
            i -= 1
        surname, given_words = " ".join(toks[i:]), toks[:i]
    given = tuple(translit_key(g) for g in given_words if translit_key(g))
    display = " ".join(toks) + (f" {suffix.capitalize()}." if suffix in {"jr", "sr"} else
                                f" {suffix.upper()}" if suffix else "")
    return PersonName(display, given, surname, translit_key(surname), suffix, gender)


def _given_ok(a: str, b: str) -> bool:
    """Two given-name keys that may name one person: equal, initial, nickname, short form,
    or a transliteration variant (Kyrylo/Kirill, Yevgeny/Evgeny)."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if set(_NICK_GROUPS.get(a, ())) & set(_NICK_GROUPS.get(b, ())):
        return True
    short, long_ = sorted((a, b), key=len)
    if 3 <= len(short) <= 5 and len(long_) >= len(short) + 3 and long_.startswith(short):
        return True        # Chris/Christopher, Alex/Alexander
    return len(short) >= 4 and fuzz.ratio(a, b) >= 80


def _givens_ok(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return True
    if not _given_ok(a[0], b[0]):
        return False
    # Middle names are optional ("Gregory A. Vega" = "Gregory Vega"), but must agree if both have.
    return not (a[1:] and b[1:]) or _given_ok(a[1], b[1])


def may_be_one_person(a: str, b: str) -> bool:
    """Two speaker names that can name one person: "Sheriff Leitha" and "Larry Leitha Jr.", a
    surname spelt two ways ("Synegubov", "Oleh Syniehubov"). Only names that look like a
    person's — a few capitalised words, none of them an institution's ("Ministry of Health" and
    "Department of Health" share no person)."""
    pa, pb = parse_person(a), parse_person(b)
    if pa is None or pb is None:
        return False
    for p in (pa, pb):
        words = p.display.split()
        if len(words) > 4 or any(not w[:1].isupper() or fold(w).strip(".") in _INSTITUTION | _GENERIC | _ORG_STOP
                                 for w in words):
            return False
    same = pa.surname_key == pb.surname_key or (
        min(len(pa.surname_key), len(pb.surname_key)) >= 5 and fuzz.ratio(pa.surname_key, pb.surname_key) >= 80)
    return same and _givens_ok(pa.given, pb.given)


# --------------------------------------------------------------------------------------------
# Organisations and places
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrgName:
    """An organisation or place, reduced to what identifies it.

    ``key`` is the cluster identity: ("gpe", country) | ("org", country, words) |
    ("opaque", folded name) | ("acr", letters) | ("desc", country, words).
    """

    display: str
    key: tuple
    country: str | None
    words: frozenset[str]
    acronyms: frozenset[str] = frozenset()


def _acronyms(words: list[str]) -> frozenset[str]:
    """Initialisms a name may go by: all words, or skipping function words; hyphens split."""
    parts = [p for w in words for p in w.split("-") if p]
    full = "".join(p[0] for p in parts)
    content = "".join(p[0] for p in parts if p not in _ORG_STOP)
    return frozenset(a for a in (full, content) if len(a) >= 2)


def name_initials(surface: str) -> frozenset[str]:
    """The initialisms of a name as written, its country word included ("Syrian Observatory for
    Human Rights" -> "sohr"), which parse_org's acronyms leave out with the country."""
    words = re.findall(r"[a-z0-9][a-z0-9&-]*", fold(re.sub(r"^(?i:the)\s+", "", surface.strip())).replace("'s", ""))
    return _acronyms(words)


def _is_acronym(s: str) -> bool:
    letters = s.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and sum(c.isupper() for c in letters) >= 2 \
        and " " not in s


def parse_org(surface: str) -> OrgName:
    """Reduce an organisation, place or group name to its identity (see :class:`OrgName`)."""
    display = re.sub(r"\s+", " ", surface.strip().split("\n")[-1].replace("’", "'"))
    display = re.sub(r"^(?i:the|an?)\s+", "", display.strip(" ,.;:\"“”-–"))
    display = re.sub(r"\s*\([^)]*\)?$", "", display) or display   # "X (ACR)" -> X
    display = re.sub(r"'s?$", "", display).strip(" ,;:\"“”-–") or display
    f = fold(display)
    if _is_acronym(display):
        letters = display.replace(".", "").lower()
        if _COUNTRY_OF.get(letters) and letters not in _GPE_ONLY:
            c = _COUNTRY_OF[letters]
            return OrgName(c, ("gpe", c), c, frozenset())
        return OrgName(display, ("acr", letters), None, frozenset())
    if _COUNTRY_OF.get(f) and f not in _GPE_ONLY:
        c = _COUNTRY_OF[f]
        return OrgName(c, ("gpe", c), c, frozenset())
    if f in ORG_METONYMS:
        return parse_org(ORG_METONYMS[f])
    # Country qualifiers: leading ("Ukraine's", "Ukrainian", "US") or trailing ("of Ukraine").
    country = None
    m = _COUNTRY_RE.match(f)
    if m and not _COUNTRY_OF[m.group(1)]:    # "New Mexico ...": names no country
        m = None
    rest = f
    if m and m.group(1) not in _GPE_ONLY:
        country, rest = _COUNTRY_OF[m.group(1)], f[m.end():].strip()
    whole = re.findall(r"[a-z0-9][a-z0-9&-]*", rest.replace("'s", ""))   # keeps "of Ukraine"
    m2 = _OF_COUNTRY_RE.search(rest)
    if m2 and not _COUNTRY_OF[m2.group(1)]:
        m2 = None
    if m2 and m2.group(1) not in _GPE_ONLY:
        country, rest = country or _COUNTRY_OF[m2.group(1)], rest[:m2.start()].strip()
        if m:   # "Ukraine's X of Ukraine": the leading possessive says nothing more
            display = re.sub(r"^\S+(?:\s\S+)?['’]s\s+", "", display) if "'s" in f[:m.end()] \
                else display
    raw = [w for w in re.findall(r"[a-z0-9][a-z0-9&-]*", rest.replace("'s", ""))]
    while raw and raw[-1] in _CORP_SUFFIX and len(raw) > 1:
        raw.pop()
    words = frozenset(_WORD_FOLD.get(w, w) for w in raw if w not in _ORG_STOP)
    acr = _acronyms(raw) | _acronyms(whole)
    if country and words and words <= _GOVERNMENT:
        return OrgName(country, ("gpe", country), country, frozenset())
    # A descriptor is written in lowercase ("Ukraine's military intelligence"): it can only
    # point at a named organisation, never define one.
    body = re.sub(r"['’]s\b", "", display)
    lower = [w for w in re.findall(r"[A-Za-z][\w-]*", body)
             if w.lower() not in _ORG_STOP and fold(w) not in _COUNTRY_WORDS]
    if lower and any(w[0].islower() for w in lower):
        return OrgName(display, ("desc", country, words - _GENERIC), country, words - _GENERIC,
                       acr)
    if country and len(words) >= 2:
        return OrgName(display, ("org", country, words), country, words, acr)
    if not country and len(words) >= 2 and not (m or m2):
        return OrgName(display, ("org", None, words), None, words, acr)
    # One word left after the country ("British Airways", "France Telecom"): a brand, not a
    # country's institution, so the whole folded name is the identity.
    return OrgName(display, ("opaque", re.sub(r"[^a-z0-9]", "", f.replace("'s", ""))), country,
                   words, acr)


# --------------------------------------------------------------------------------------------
# Anonymous sources
# --------------------------------------------------------------------------------------------

# Head nouns of anonymous descriptors. Individual heads are singular ("a US official" and "US
# officials" are usually the same briefing); collective heads stay plural (a group, not one).
_HEADS = {"official": "official", "officials": "official", "spokesman": "spokesperson",
          "spokeswoman": "spokesperson", "spokesperson": "spokesperson", "source": "source",
          "sources": "source", "diplomat": "diplomat", "diplomats": "diplomat",
          "officer": "officer", "officers": "officer", "commander": "commander",
          "commanders": "commander", "aide": "aide", "aides": "aide", "adviser": "adviser",
          "advisers": "adviser", "advisor": "adviser", "lawmaker": "lawmaker",
          "lawmakers": "lawmaker", "analyst": "analysts", "analysts": "analysts",
          "expert": "experts", "experts": "experts", "observers": "observers",
          "governments": "governments", "government": "government",
          "authorities": "authorities", "investigators": "investigators",
          "prosecutors": "prosecutors", "intelligence": "intelligence", "estimates": "estimates",
          "media": "media", "reports": "reports", "military": "military"}
# Heads that name people: such a descriptor is an anonymous source, never an organisation.
_PERSON_HEADS = {"official", "spokesperson", "source", "diplomat", "officer", "commander", "aide",
                 "adviser", "lawmaker", "analysts", "experts", "observers", "investigators",
                 "prosecutors"}
_HEAD_STOP = {"cited", "quoted", "who", "that", "speaking", "familiar", "with", "according",
              "briefed", "close", "said", "told"}


def anonymous_key(descriptor: str) -> str:
    """A coarse key for an anonymous source: affiliation (country code or bloc) + head noun.

    "senior US military official", "a senior US Defense Department official", "unnamed U.S.
    officials cited by Bloomberg" -> "us official"; "Western governments" -> "western
    governments"; "analysts" -> "analysts"; "the official" -> "official" (no affiliation: the
    speaker extractor should first resolve it to the descriptor introduced earlier). The key
    is for matching claims, not for display: rank, service and department are dropped on
    purpose because outlets reword them ("defence official" / "military official").
    """
    f = fold(descriptor)
    side = ""
    m = next(_countries_in(f), None)
    if m:
        side = _CODE_OF[_COUNTRY_OF[m.group(1)]]
    else:
        for w in re.findall(r"[a-z]+", f):
            if w in _BLOCS:
                side = _BLOCS[w]
                break
    words = re.findall(r"[a-z]+", f)
    cut = next((i for i, w in enumerate(words) if w in _HEAD_STOP and i > 0), len(words))
    heads = [_HEADS[w] for w in words[:cut] if w in _HEADS]
    head = heads[-1] if heads else (words[cut - 1] if cut else "")
    return f"{side} {head}".strip()


# --------------------------------------------------------------------------------------------
# Inside one article
# --------------------------------------------------------------------------------------------


@dataclass
class NameMention:
    """A speaker mention as the extractor gives it (``newsledger.extract.speakers.Speaker``,
    which calls ``surface`` ``name``, is accepted as is)."""

    surface: str
    kind: str
    role: str | None = None
    doc: str | None = None
    published: Any = None


def _coerce(m: Any) -> NameMention:
    if isinstance(m, NameMention):
        return m
    if isinstance(m, str):
        return NameMention(m, "PERSON")
    if isinstance(m, tuple):
        return NameMention(*m)
    return NameMention(getattr(m, "surface", None) or getattr(m, "name"), getattr(m, "kind"),
                       getattr(m, "role", None), getattr(m, "doc", None),
                       getattr(m, "published", None))


_DEF_RE = re.compile(r"((?:[A-Z][\w'’.&-]*|of|for|the|and|on|&)(?:\s+(?:[A-Z][\w'’.&-]*|of|for|"
                     r"the|and|on|&))*)\s+\(([A-Za-z][A-Za-z.]{1,9})\)")


def acronym_definitions(text: str) -> dict[str, str]:
    """``Full Name (ACR)`` definitions in a text -> {"ACR": "Full Name"}.

    The full name is the shortest run of words before the parenthesis whose initials give the
    acronym, so "South Korea's National Intelligence Service (NIS)" defines "National
    Intelligence Service"; a parenthesis that is no acronym of the words before it is ignored.
    """
    out = {}
    for m in _DEF_RE.finditer(text):
        acr = m.group(2).replace(".", "")
        if not _is_acronym(m.group(2)):
            continue
        words = m.group(1).split()
        for i in range(len(words) - 1, -1, -1):
            if words[i].lower() in _ORG_STOP:
                continue
            cand = words[i:]
            if acr.lower() in _acronyms([fold(w) for w in cand]):
                out[acr] = " ".join(cand)
                break
    return out


def resolve_in_document(mentions: Iterable[Any], text: str | None = None) -> dict[str, str]:
    """Within one article, map each surface to the full form the article introduces.

    People: a surname-only or title+surname form ("Kirby", "Mr Blair", "Mrs. Clinton",
    "President Zelenskyy") maps to the one full name in the article with that surname key;
    with two candidates ("Tony Blair", "Cherie Blair") it stays as is. Full names lose their
    titles ("Maj. Gen. Pat Ryder" -> "Pat Ryder"). Organisations: "X (ACR)" in a surface, or
    in ``text`` when given, makes ACR an alias of X; an acronym that is the initials of one
    organisation named in the article, or a descriptor that fits exactly one, maps to it.
    Surfaces the function cannot improve map to themselves. Only surfaces in ``mentions`` are
    keys.
    """
    ms = [_coerce(m) for m in mentions]
    out: dict[str, str] = {}
    # People ---------------------------------------------------------------------------------
    # A bare name that is also a country or a capital ("Jordan", "Chad") is a person only when
    # the article gives that person's full name ("Jim Jordan"); otherwise it is the place.
    tagged = {m.surface: parse_person(m.surface) for m in ms if _kind(m.kind) == "PERSON"}
    full_keys = {p.surname_key for p in tagged.values() if p and p.full}
    parsed = {s: p for s, p in tagged.items() if _kind("PERSON", s) == "PERSON"
              or (p and not p.full and p.surname_key in full_keys)}
    fulls: dict[str, Counter] = defaultdict(Counter)      # surname key -> full displays
    for p in parsed.values():
        if p and p.full:
            fulls[p.surname_key][p.display] += 1
    # Mr X and Mrs X in one article with one full-name X: one of them is someone else, and
    # nothing here says which, so neither gendered form is resolved.
    genders: dict[str, set] = defaultdict(set)
    for p in parsed.values():
        if p and p.gender:
            genders[p.surname_key].add(p.gender)
    for surface, p in parsed.items():
        if p is None:
            out[surface] = surface
            continue
        cands = [d for d in fulls.get(p.surname_key, ()) if
                 (parse_person(d).suffix == p.suffix or not p.suffix)
                 and _givens_ok(parse_person(d).given, p.given)]
        groups = _group_people(cands)
        if p.gender:
            groups = [g for g in groups if all(parse_person(d).gender in (None, p.gender)
                                               for d in g)]
            if len(genders[p.surname_key]) > 1 and len(groups) == 1 and not p.full:
                groups = []
        if len(groups) == 1 and (not p.full or len(p.given[0]) == 1):
            # Most frequent full spelling in the article, then the longest, then alphabetical.
            out[surface] = min(groups[0], key=lambda d: (-fulls[p.surname_key][d], -len(d), d))
        else:
            out[surface] = p.display
    # Organisations and places -------------------------------------------------------------
    defs: dict[str, str] = acronym_definitions(text) if text else {}
    for m in ms:
        if _kind(m.kind, m.surface, out.get(m.surface)) not in {"PERSON", "ANON"}:
            defs.update(acronym_definitions(m.surface))
    orgs = {m.surface: parse_org(m.surface) for m in ms
            if _kind(m.kind, m.surface, out.get(m.surface)) not in {"PERSON", "ANON"}}
    named = {o.key: o.display for o in orgs.values() if o.key[0] in {"org", "opaque"}}
    named.update({parse_org(v).key: v for v in defs.values()})
    for surface, o in orgs.items():
        target = o.display
        if o.key[0] == "acr":
            up = {k.upper(): v for k, v in defs.items()}
            hits = {k for k in named if o.key[1] in parse_org(named[k]).acronyms}
            if o.display.replace(".", "").upper() in up:
                target = up[o.display.replace(".", "").upper()]
            elif len(hits) == 1:
                target = named[hits.pop()]
        elif o.key[0] == "desc":
            hits = [k for k in named if _desc_fits(o, parse_org(named[k]))]
            if len(hits) == 1:
                target = named[hits[0]]
        out[surface] = target
    for m in ms:
        if _kind(m.kind, m.surface) == "ANON":
            out[m.surface] = m.surface
            if _org_like(m.surface):
                hits = [k for k in named if _desc_fits(parse_org(m.surface), parse_org(named[k]))]
                if len(hits) == 1:
                    out[m.surface] = named[hits[0]]
    return out


def _group_people(displays: Iterable[str]) -> list[list[str]]:
    """Group full-name spellings that can be one person (same given name, same suffix)."""
    groups: list[list[str]] = []
    for d in sorted(displays):
        p = parse_person(d)
        for g in groups:
            q = parse_person(g[0])
            if q.suffix == p.suffix and _givens_ok(q.given, p.given):
                g.append(d)
                break
        else:
            groups.append([d])
    return groups


def _org_like(descriptor: str) -> bool:
    """An anonymous descriptor with an institutional head ("Kyiv's intelligence authorities")
    may name an organisation; one with a person head ("US official") never does."""
    return anonymous_key(descriptor).split(" ")[-1] not in _PERSON_HEADS and \
        parse_org(descriptor).key[0] == "desc"


def _desc_fits(desc: OrgName, org: OrgName) -> bool:
    """A descriptor fits a named organisation of the same country whose words include its own."""
    return bool(desc.country and desc.words) and org.country == desc.country \
        and org.key[0] in {"org", "opaque"} and desc.words <= org.words


# --------------------------------------------------------------------------------------------
# Across the corpus
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AliasRow:
    """One observation, as the store keeps it. ``canonical`` is derived, the rest is evidence."""

    canonical: str
    kind: str
    alias: str                 # the surface as written in the article
    role: str | None = None
    link: str | None = None    # the full form the article resolved it to, if any
    doc: str | None = None
    count: int = 1             # 1 per document; adds without a document accumulate


@dataclass
class _Person:
    """Evidence for one full or bare name (keyed by name, suffix, gender and side)."""

    name: PersonName
    sides: frozenset[str]
    spellings: Counter = field(default_factory=Counter)   # display -> documents
    aliases: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)

    @property
    def weight(self) -> int:
        return sum(self.spellings.values())

    def role_words(self) -> frozenset[str]:
        return frozenset().union(*map(role_words, self.roles)) if self.roles else frozenset()


@dataclass
class _Org:
    name: OrgName
    spellings: Counter = field(default_factory=Counter)
    aliases: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)


def _conflict(a: _Person, b: _Person) -> bool:
    """Evidence that two names are two people."""
    return (a.name.suffix != b.name.suffix
            or (a.name.gender and b.name.gender and a.name.gender != b.name.gender)
            or (a.sides and b.sides and not a.sides & b.sides)
            or not _givens_ok(a.name.given, b.name.given))


def _match_score(a: _Person, b: _Person) -> float:
    """How well two full names fit one person; 0 = no. Equal surname keys need compatible
    given names; a fuzzy surname (a spelling the key does not fold) needs equal given keys
    or shared role words too."""
    if _conflict(a, b):
        return 0.0
    sa, sb = a.name.surname_key, b.name.surname_key
    ov = len(a.role_words() & b.role_words())
    if sa == sb:
        return 100.0 + ov
    sur = fuzz.ratio(sa, sb)
    if sur < 88 or min(len(sa), len(sb)) < 5:
        return 0.0
    if a.name.given[0] != b.name.given[0] and not ov:
        return 0.0
    return sur + ov


def org_token(kind: str, item) -> str:
    """A stable string for one piece of organisation state: a record ("o", its key), the
    organisations with a word ("w") or an acronym ("a"), the links of an acronym ("l")."""
    if isinstance(item, tuple):
        item = "|".join(",".join(sorted(x)) if isinstance(x, frozenset) else str(x) for x in item)
    return f"{kind}:{item}"


def fuzzy_neighbours(a: str, b: str) -> bool:
    """Two surname keys in one block component: spellings close enough to be one name."""
    return a != b and max(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 88


class EntityIndex:
    """Corpus-wide names, added one mention at a time (see the module docstring).

    ``add`` returns the canonical name given everything seen so far; ``canonical`` answers the
    same question later without recording anything. Anonymous descriptors are never entities:
    for them both return the descriptor without its leading article.
    """

    def __init__(self) -> None:
        self._obs: dict[tuple, int] = {}
        self._people: dict[tuple, _Person] = {}
        self._blocks: dict[str, set[tuple]] = defaultdict(set)   # surname key -> person keys
        self._near: dict[str, set[str]] = defaultdict(set)       # fuzzy-adjacent surname keys
        self._cache: dict[str, dict[tuple, tuple]] = {}          # surname key -> resolution
        self._orgs: dict[tuple, _Org] = {}
        self._by_acr: dict[str, set[tuple]] = defaultdict(set)
        self._by_word: dict[str, set[tuple]] = defaultdict(set)
        self._acr_links: dict[str, Counter] = defaultdict(Counter)

    # -- recording ---------------------------------------------------------------------------
    def add(self, surface: str, kind: str, role: str | None = None, doc: str | None = None,
            link: str | None = None) -> str:
        """Record one mention; return its canonical name as of now.

        ``link``: the full form :func:`resolve_in_document` mapped the surface to (kept as
        evidence: "Mr Blair" linked to "Tony Blair" says Tony Blair is a man, "DIU" linked to
        "Defense Intelligence of Ukraine" defines DIU for articles that only use the acronym).
        With a ``doc``, repeating the same observation is a no-op.
        """
        kind = _kind(kind, surface, link)
        key = (surface, kind, role or None, link if link != surface else None, doc)
        if doc is not None and key in self._obs:
            return self.canonical(surface, kind, role, link)
        self._obs[key] = self._obs.get(key, 0) + 1
        self._record(*key[:4], 1)
        return self.canonical(surface, kind, role, link)

    def add_document(self, mentions: Iterable[Any], text: str | None = None,
                     doc: str | None = None) -> dict[str, str]:
        """Resolve one article's mentions within it, add them all; return surface -> canonical."""
        ms = [_coerce(m) for m in mentions]
        local = resolve_in_document(ms, text)
        for m in ms:
            self.add(m.surface, m.kind, m.role, doc or m.doc, local.get(m.surface))
        return {m.surface: self.canonical(m.surface, m.kind, m.role, local.get(m.surface))
                for m in ms}

    def _record(self, surface: str, kind: str, role: str | None, link: str | None,
                n: int) -> None:
        name = link or surface
        if kind == "ANON":
            return
        if kind == "PERSON":
            p = parse_person(name)
            if p is None:
                return
            # Honorific of the surface counts for the full name it was linked to.
            g = parse_person(surface)
            if g and g.gender and not p.gender:
                p = PersonName(p.display, p.given, p.surname, p.surname_key, p.suffix, g.gender)
            pk = self._person_key(p, role)
            rec = self._people.get(pk)
            if rec is None:
                rec = self._people[pk] = _Person(p, side_of(role))
                self._link_block(p.surname_key, pk)
            rec.spellings[p.display] += n
            rec.aliases[surface] += n
            if role:
                rec.roles[role] += n
            self._invalidate(p.surname_key)
            return
        o = parse_org(name)
        rec = self._orgs.get(o.key)
        if rec is None:
            rec = self._orgs[o.key] = _Org(o)
            for a in o.acronyms:
                self._by_acr[a].add(o.key)
                self._org_event("changed", "a", a)
            for w in o.words:
                self._by_word[w].add(o.key)
                self._org_event("changed", "w", w)
        rec.spellings[o.display] += n
        self._org_event("changed", "o", o.key)
        rec.aliases[surface] += n
        if role:
            rec.roles[role] += n
        s = parse_org(surface)
        if link and s.key[0] == "acr" and o.key != s.key:
            self._acr_links[s.key[1]][o.key] += n
            self._org_event("changed", "l", s.key[1])

    # -- people ------------------------------------------------------------------------------
    @staticmethod
    def _person_key(p: PersonName, role: str | None) -> tuple:
        return (p.given, p.surname_key, p.suffix, p.gender, side_of(role))

    def _link_block(self, skey: str, pk: tuple) -> None:
        if skey not in self._blocks and len(skey) >= 4:
            for other, _, _ in process.extract(skey, list(self._blocks), scorer=fuzz.ratio,
                                               score_cutoff=88, limit=None):
                # one of the two at least 5 letters long, whichever came first: the same
                # neighbours whatever order the names arrive in (a partial index rebuilt from
                # some blocks' rows must find what the whole one found)
                if fuzzy_neighbours(skey, other):
                    self._invalidate(other)
                    self._near[skey].add(other)
                    self._near[other].add(skey)
        self._blocks[skey].add(pk)

    def _component(self, skey: str) -> list[str]:
        seen, todo = {skey}, [skey]
        while todo:
            for n in self._near.get(todo.pop(), ()):
                if n not in seen:
                    seen.add(n)
                    todo.append(n)
        return sorted(seen)

    def _invalidate(self, skey: str) -> None:
        touched = getattr(self, "touched", None)
        for k in self._component(skey):
            self._cache.pop(k, None)
            if touched is not None:
                touched.add(k)

    def touched_names(self, skeys: Iterable[str]) -> set[str]:
        """Of ``skeys`` (person surname keys), those whose canonical name may have changed since
        ``touched`` was set to an empty set: a key in a surname component evidence was added to,
        or one a lookup would match fuzzily to such a key (see ``_lookup``). Organisations and
        anonymous sources are not tracked here."""
        touched = getattr(self, "touched", None) or set()
        skeys = set(skeys)
        out = skeys & touched
        long_ = [k for k in skeys if len(k) >= 5]
        for t in touched:
            out.update(k for k, _, _ in process.extract(t, long_, scorer=fuzz.ratio, score_cutoff=88, limit=None))
        return out

    def _resolve_people(self, skey: str) -> dict[tuple, tuple]:
        """Person key -> cluster id for every name in the surname component of ``skey``.

        Full names: union of matching pairs in descending score order (ties by key, so the
        result does not depend on insertion order), refusing a union that would put two
        conflicting names in one cluster ("J. Biden" cannot join Joe and Hunter). Bare surnames:
        the one cluster they fit, else themselves (see "Ambiguity policy").
        """
        if skey in self._cache:
            return self._cache[skey]
        comp = self._component(skey)
        keys = sorted((k for b in comp for k in self._blocks.get(b, ())), key=repr)
        full = [k for k in keys if self._people[k].name.full]
        parent = {k: k for k in keys}
        members = {k: [k] for k in full}

        def find(k):
            while parent[k] != k:
                k = parent[k]
            return k
        pairs = []
        for i, a in enumerate(full):
            for b in full[i + 1:]:
                s = _match_score(self._people[a], self._people[b])
                if s:
                    # Heavier evidence merges first, so a few stray observations (a wrongly
                    # linked "Mrs X") cannot claim the bulk of a name and split off the rest.
                    w = self._people[a].weight + self._people[b].weight
                    pairs.append((-s, -w, repr(a), repr(b), a, b))
        for *_, a, b in sorted(pairs):
            ra, rb = find(a), find(b)
            if ra == rb or any(_conflict(self._people[x], self._people[y])
                               for x in members[ra] for y in members[rb]):
                continue
            ra, rb = sorted((ra, rb), key=repr)
            parent[rb] = ra
            members[ra] += members.pop(rb)
        out = {k: find(k) for k in full}
        for k in keys:
            if k not in out:
                out[k] = self._fit_bare(self._people[k], members) or k
        for b in comp:
            self._cache[b] = out
        return out

    def _fit_bare(self, bare: _Person, members: dict[tuple, list[tuple]]) -> tuple | None:
        """The one cluster a bare surname fits: same surname key, no conflicting evidence; among
        several, the unique one sharing the most role words. None when none or still several."""
        fits = {}
        for root, ms in members.items():
            people = [self._people[m] for m in ms]
            if any(q.name.surname_key == bare.name.surname_key for q in people) and \
                    not any(_conflict(bare, q) for q in people):
                fits[root] = max(len(bare.role_words() & q.role_words()) for q in people)
        if len(fits) > 1 and max(fits.values()) > 0:
            best = max(fits.values())
            fits = {r: v for r, v in fits.items() if v == best}
        return next(iter(fits)) if len(fits) == 1 else None

    def _lookup(self, p: PersonName, role: str | None) -> str:
        """Canonical name for a person never added with this evidence, without recording it."""
        probe = _Person(p, side_of(role), Counter({p.display: 1}), Counter(),
                        Counter({role: 1}) if role else Counter())
        blocks = {p.surname_key} if p.surname_key in self._blocks else set()
        if len(p.surname_key) >= 5:
            blocks |= {b for b, _, _ in process.extract(p.surname_key, list(self._blocks),
                                                        scorer=fuzz.ratio, score_cutoff=88,
                                                        limit=None)}
        res: dict[tuple, tuple] = {}
        for b in sorted(blocks):
            res.update(self._resolve_people(b))
        members: dict[tuple, list[tuple]] = defaultdict(list)
        for k, r in res.items():
            if self._people[r].name.full:
                members[r].append(k)
        if p.full:
            scored = []
            for root, ms in members.items():
                people = [self._people[m] for m in ms]
                if not any(_conflict(probe, q) for q in people):
                    best = max((_match_score(probe, q) for q in people if q.name.full), default=0)
                    if best:
                        scored.append((-best, repr(root), root))
            root = min(scored)[2] if scored else None
        else:
            root = self._fit_bare(probe, members)
        if root is None:
            return p.display
        return self._person_name([self._people[k] for k, r in res.items() if r == root])

    def _person_cluster(self, pk: tuple) -> list[_Person]:
        res = self._resolve_people(pk[1])
        root = res[pk]
        return [self._people[k] for k, r in res.items() if r == root]

    @staticmethod
    def _person_name(cluster: list[_Person]) -> str:
        """Fullest, most frequent spelling. In order: a full given name before initials before
        a bare surname; more observations of that spelling; more observations of its surname
        spelling; the medoid surname (closest on average to every spelling seen, so "Syrsky"
        beats "Shirsky" when "Syrskyi" is also seen); the longer ("Christopher" over
        "Chris"); then alphabetical."""
        spell, sur = Counter(), Counter()
        for p in cluster:
            spell.update(p.spellings)
            for d, n in p.spellings.items():
                sur[parse_person(d).surname] += n
            for a, n in p.aliases.items():
                q = parse_person(a)
                if q and not q.full:
                    sur[q.surname] += 0        # seen, for the medoid, without extra weight

        def tier(d: str) -> int:
            q = parse_person(d)
            return 2 if not q.full else 1 if len(q.given[0]) == 1 else 0

        def spread(d: str) -> float:
            s0 = parse_person(d).surname.casefold()
            return -sum(fuzz.ratio(s0, o.casefold()) for o in sur)
        return min(spell, key=lambda d: (tier(d), -spell[d], -sur[parse_person(d).surname],
                                         spread(d), -len(d), d.casefold(), d))

    # -- organisations -----------------------------------------------------------------------
    def _org_target(self, o: OrgName, depth: int = 0) -> tuple:
        """The cluster an organisation belongs to (a named key, or its own key)."""
        key = o.key
        if depth > 3 or key[0] in {"gpe", "opaque"} or (key[0] == "org" and key[1]):
            return key

        def unique(keys):
            ts = {self._org_target(self._orgs[k].name, depth + 1) for k in keys}
            return ts.pop() if len(ts) == 1 else None
        if key[0] == "org":          # unqualified name: the one qualified twin, if unique
            if key[2] <= _INSTITUTION:
                return key           # "Supreme Court", "Defense Ministry": every country has one
            self._org_event("reads", "w", *key[2])
            pool = set.intersection(*(self._by_word.get(w, set()) for w in key[2]))
            twins = [k for k in pool if k[0] == "org" and k[1] and k[2] == key[2]]
            return unique(twins) or key
        if key[0] == "acr":
            self._org_event("reads", "l", key[1])
            links = self._acr_links.get(key[1])
            if links:
                top = links.most_common()
                if len(top) == 1 or top[0][1] > top[1][1]:
                    return self._org_target(self._orgs[top[0][0]].name, depth + 1)
                return key
            if key[1] in AGENCY_ACRONYMS:
                return self._org_target(parse_org(AGENCY_ACRONYMS[key[1]]), depth + 1)
            self._org_event("reads", "a", key[1])
            hits = [k for k in self._by_acr.get(key[1], ()) if k[0] in {"org", "opaque"}]
            return unique(hits) or key
        # descriptor
        if not o.words:
            return key
        self._org_event("reads", "w", *o.words)
        pool = set.intersection(*(self._by_word.get(w, set()) for w in o.words))
        hits = [k for k in pool if _desc_fits(o, self._orgs[k].name)]
        return unique(hits) or key

    def _org_event(self, what: str, kind: str, *items) -> None:
        """Note what organisation state an answer read, or an observation changed, as tokens, when
        the caller asked (``reads`` / ``changed`` set to a set): a name need be resolved again only
        when a token it read has changed (link/entity_store.py)."""
        seen = getattr(self, what, None)
        if seen is not None:
            seen.update(org_token(kind, x) for x in items)

    def _org_name(self, target: tuple, fallback: OrgName | None = None) -> str:
        """Most frequent spelling of the target's own name (ties alphabetical); a table name
        for a well-known acronym seen nowhere spelled out; else the display as given."""
        if target[0] == "gpe":
            return target[1]
        self._org_event("reads", "o", target)
        rec = self._orgs.get(target)
        if rec is None:
            if target[0] == "acr" and target[1] in AGENCY_ACRONYMS:
                return parse_org(AGENCY_ACRONYMS[target[1]]).display
            return fallback.display if fallback else str(target[-1])
        sp = rec.spellings
        return min(sp, key=lambda d: (-sp[d], d.casefold(), d))

    # -- queries -----------------------------------------------------------------------------
    def canonical(self, surface: str, kind: str, role: str | None = None,
                  link: str | None = None) -> str:
        """The canonical name for a mention, given everything added so far (nothing recorded).

        Ambiguous bare surnames and descriptors return their own display form (see the module
        docstring); unknown names return their cleaned-up surface.
        """
        kind = _kind(kind, surface, link)
        name = link or surface
        if kind == "ANON":
            if _org_like(name):
                o = parse_org(name)
                target = self._org_target(o)
                if target != o.key:
                    return self._org_name(target)
            return re.sub(r"^(?i:the|an?)\s+", "", surface.strip())
        if kind == "PERSON":
            p = parse_person(name)
            if p is None:
                return surface
            g = parse_person(surface)
            if g and g.gender and not p.gender:
                p = PersonName(p.display, p.given, p.surname, p.surname_key, p.suffix, g.gender)
            pk = self._person_key(p, role)
            if pk not in self._people:
                return self._lookup(p, role)
            return self._person_name(self._person_cluster(pk))
        o = parse_org(name)
        if o.key[0] == "gpe":
            return o.key[1]
        return self._org_name(self._org_target(o), o)

    def entities(self) -> list[Entity]:
        """Every entity with its aliases, most common role and side (sorted by name)."""
        out: dict[tuple, Entity] = {}
        seen_blocks: set[str] = set()
        for skey in sorted(self._blocks):
            if skey in seen_blocks:
                continue
            res = self._resolve_people(skey)
            seen_blocks.update(self._component(skey))
            by_root = defaultdict(list)
            for k, r in res.items():
                by_root[r].append(self._people[k])
            for root, cl in by_root.items():
                roles = Counter()
                for p in cl:
                    roles.update(p.roles)
                sides = Counter(s for p in cl for s in p.sides)
                e = Entity(self._person_name(cl), "PERSON",
                           {a for p in cl for a in p.aliases}
                           | {d for p in cl for d in p.spellings},
                           roles.most_common(1)[0][0] if roles else None,
                           sides.most_common(1)[0][0] if sides else None)
                out[("PERSON", root)] = e
        for key, rec in sorted(self._orgs.items(), key=lambda kv: repr(kv[0])):
            t = self._org_target(rec.name)
            e = out.get(("ORG", t))
            if e is None:
                e = out[("ORG", t)] = Entity(self._org_name(t), "GPE" if t[0] == "gpe" else "ORG",
                                             set(), None, t[1] if t[0] == "gpe" else
                                             (t[1] if t[0] == "org" else rec.name.country))
            e.aliases |= set(rec.aliases) | set(rec.spellings)
            if rec.roles and not e.role:
                e.role = rec.roles.most_common(1)[0][0]
        return sorted(out.values(), key=lambda e: (e.kind, e.canonical))

    # -- persistence -------------------------------------------------------------------------
    def org_state(self) -> tuple:
        """What organisations add to the index: records by key, keys by acronym and by word,
        links by acronym (link/entity_store.py keeps them as rows and reads them on demand)."""
        return self._orgs, self._by_acr, self._by_word, self._acr_links

    def set_org_state(self, state: tuple) -> None:
        self._orgs, self._by_acr, self._by_word, self._acr_links = state

    def to_rows(self) -> list[AliasRow]:
        """Every observation with its current canonical name (sorted, so saves diff cleanly)."""
        rows = [AliasRow(self.canonical(a, k, r, l), k, a, r, l, d, n)
                for (a, k, r, l, d), n in self._obs.items()]
        return sorted(rows, key=lambda r: (r.kind, r.alias, r.role or "", r.link or "",
                                           r.doc or ""))

    def to_rows_of(self, docs: set[str]) -> list[AliasRow]:
        """:meth:`to_rows` of the observations made in ``docs`` only."""
        return [AliasRow(self.canonical(a, k, r, l), k, a, r, l, d, n)
                for (a, k, r, l, d), n in self._obs.items() if d in docs]

    @classmethod
    def from_rows(cls, rows: Iterable[AliasRow | dict | tuple]) -> "EntityIndex":
        """Rebuild an index from :meth:`to_rows` output (AliasRow, dicts or tuples in field
        order). ``canonical`` is ignored: it is recomputed from the evidence."""
        idx = cls()
        for r in rows:
            if isinstance(r, dict):
                r = AliasRow(**{"canonical": "", **r})
            elif isinstance(r, tuple) and not isinstance(r, AliasRow):
                r = AliasRow(*r)
            key = (r.alias, _kind(r.kind, r.alias, r.link), r.role or None, r.link or None,
                   r.doc or None)
            idx._obs[key] = idx._obs.get(key, 0) + r.count
            idx._record(*key[:4], r.count)
        return idx
