"""Word lists the extractors share: what befell the counted, time units, affiliation nouns.

Lemmas, not surface forms: the parse gives lemmas, so "killed", "kills" and "killing" are one
entry. These are the vocabulary of quantities in news, not of any one story.
"""
from __future__ import annotations

# lemma -> measure. "casualties" (killed and/or wounded) is decided from the mix found.
MEASURE_LEMMAS = {
    "casualties": {"casualty", "loss", "losses", "kia"},
    "killed": {"kill", "die", "dead", "death", "fatality", "fatal", "slay", "slain", "execute",
               "murder", "massacre", "perish", "body", "drown", "behead", "toll", "deceased", "martyr"},
    "wounded": {"wound", "injure", "injury", "hurt", "injured", "wounded", "maim", "hospitalise",
                "hospitalize", "hospitalised", "hospitalized"},
    "captured": {"capture", "arrest", "detain", "detention", "prisoner", "imprison", "jail", "pow",
                 "detainee", "hostage", "abduct", "kidnap", "custody", "surrender", "apprehend",
                 "convict", "indict", "charge", "guilty", "sentence", "prosecute", "extradite",
                 "apprehension", "captive", "abductee"},
    "missing": {"missing", "disappear", "unaccounted", "trap", "trapped", "strand", "stranded"},  # the trapped and stranded are missing
    "deployed": {"deploy", "send", "station", "mobilise", "mobilize", "dispatch", "contingent",
                 "reinforce", "deployment", "transfer", "mobilisation", "mobilization", "recruit",
                 "enlist", "draft", "conscript"},
    "displaced": {"displace", "evacuate", "evacuated", "flee", "refugee", "homeless", "evacuee", "displacement",
                  "uproot", "exodus", "asylum"},
    "territory": {"territory", "land", "km2", "hectare", "acre", "square"},
}
# What befalls the people a toll counts: killed, wounded, missing, displaced.
TOLL_LEMMAS = set().union(*(MEASURE_LEMMAS[m] for m in ("killed", "wounded", "casualties", "missing", "displaced")))
# Nouns that are themselves the measure ("300 casualties"): the subject is whoever suffered them.
MEASURE_NOUNS = {"casualty", "loss", "losses", "death", "dead", "fatality", "injury", "injured",
                 "wounded", "killed", "toll", "prisoner", "detainee", "refugee", "evacuee", "pow",
                 "body", "arrest", "kia", "victim"}
# Nouns for people as such (not by what befell them): "lost 27 girls" lost lives, "lost 27 jobs" did not.
PEOPLE_NOUNS = {"people", "person", "child", "woman", "man", "civilian", "resident", "villager", "soldier", "fighter",
                "victim", "passenger", "patient", "student", "worker", "refugee", "migrant", "family", "household",
                "individual", "adult", "minor", "infant", "baby", "elderly", "citizen", "girl", "boy", "son",
                "daughter", "relative", "member", "parent", "pilgrim", "devotee", "worshipper", "tourist", "visitor",
                "guest", "camper", "crew", "teenager", "youth", "pupil", "inhabitant", "neighbour", "neighbor"}
# People who serve: counted without any verb they are "deployed" (stationed, in the force).
PERSONNEL = {"troop", "soldier", "force", "personnel", "fighter", "marine", "sailor", "airman",
             "servicemember", "serviceman", "servicemen", "contingent", "mercenary", "infantry",
             "reservist", "conscript", "paratrooper", "peacekeeper"}
TIME_UNITS = {"second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month",
              "year", "decade", "century", "millennium", "season", "term", "semester", "quarter", "morning",
              "evening", "afternoon", "time", "round", "innings"}
AGE_WORDS = {"aged", "age", "ages"}
# Capitalised words that take a number as a name, not a count ("Article 4", "World War 2").
NUMBERED_NAMES = {"article", "section", "chapter", "clause", "paragraph", "rule", "resolution",
                  "amendment", "flight", "route", "highway", "room", "page", "level", "phase", "war",
                  "apollo", "formula", "windows", "iphone", "version", "no", "number", "gate",
                  "platform", "bill", "act", "proposition", "prop", "item", "district", "ward",
                  "precinct", "unit", "block", "building", "tower", "terminal", "stage", "group",
                  "episode", "season", "volume", "vol", "part", "series", "grade", "class", "category",
                  "type", "mark", "model", "channel", "radio", "line", "interstate", "lot", "exit"}
# Speech and assertion verbs: the head of reported speech ("X said", "X told reporters").
SPEECH_LEMMAS = {"say", "tell", "claim", "state", "announce", "report", "confirm", "add", "note",
                 "estimate", "believe", "assess", "warn", "insist", "write", "reveal", "disclose",
                 "acknowledge", "deny", "allege", "argue", "explain", "declare", "assert", "point",
                 "suggest", "indicate", "predict", "forecast", "admit", "stress", "tweet", "post",
                 "testify", "brief", "inform", "quote", "cite", "put", "show", "find", "count",
                 "record", "reckon", "calculate", "figure", "publish", "release", "mention",
                 "emphasise", "emphasize", "concede", "contend", "maintain", "observe", "remark",
                 "recall", "respond", "reply", "caution", "expect", "accuse", "boast",
                 "pledge", "promise", "vow", "propose", "urge", "speculate", "conclude", "document",
                 "register", "tally", "underline", "underscore", "highlight", "specify", "reiterate", "clarify",
                 "detail", "outline", "appeal"}
# Nouns of asking for something: who makes the appeal states the sum ("launched an appeal for $4m").
ASKING_NOUNS = {"appeal", "request"}
# A subset that only ever marks speech: safe even without a human subject.
STRONG_SPEECH = {"say", "tell", "claim", "state", "announce", "confirm", "add", "note", "insist",
                 "declare", "assert", "acknowledge", "admit", "reveal", "disclose", "testify",
                 "tweet", "write", "warn", "report", "estimate", "allege", "quote", "point",
                 "explain", "stress", "argue", "predict", "forecast", "conclude", "respond", "reply"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1,
          "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
          "oct": 10, "nov": 11, "dec": 12}
# Nouns for a post a named person holds: "the head of the army X", "spokesman X".
ROLE_NOUNS = {"head", "chief", "leader", "spokesman", "spokeswoman", "spokesperson", "minister",
              "secretary", "president", "commander", "director", "chairman", "chairwoman", "chair",
              "governor", "mayor", "ambassador", "envoy", "adviser", "advisor", "prosecutor",
              "general", "officer", "executive", "boss", "founder", "premier", "chancellor", "senator",
              "representative", "lawmaker", "sheriff", "coordinator", "manager", "analyst", "economist",
              "coroner", "commissioner", "inspector", "superintendent", "administrator", "captain",
              "colonel", "lieutenant", "sergeant", "attorney", "magistrate", "marshal", "ombudsman"}
# Titles that make a named speaker a person even where NER tagged a place or organisation.
PERSON_TITLES = ROLE_NOUNS | {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "prime", "vice",
                              "king", "queen", "prince", "pope", "gen", "gen.", "maj", "col", "lt",
                              "admiral", "sen", "sen.", "rep", "rep.", "judge", "justice"}
# Kinds of organisation an article refers back to with "the …": "the airline said".
ORG_TYPES = {"company", "firm", "group", "ministry", "department", "agency", "bank", "airline", "insurer",
             "carrier", "retailer", "lender", "operator", "maker", "manufacturer", "producer", "giant",
             "broadcaster", "publisher", "network", "club", "union", "chain", "supermarket", "brewer",
             "carmaker", "automaker", "regulator", "watchdog", "charity", "party", "government", "council",
             "authority", "institute", "university", "hospital", "organisation", "organization", "business",
             "corporation", "conglomerate", "store", "website", "site", "service", "fund", "exchange",
             "court", "commission", "committee", "board", "office", "administration", "army", "military",
             "police", "force", "utility", "developer", "studio", "label", "team", "league"}
# Of those, the kinds of company a business story is about: "the firm" is the one it names most.
BUSINESS_TYPES = {"company", "firm", "group", "airline", "insurer", "carrier", "retailer", "lender", "bank",
                  "operator", "maker", "manufacturer", "producer", "giant", "business", "corporation",
                  "conglomerate", "chain", "supermarket", "brewer", "carmaker", "automaker", "publisher",
                  "broadcaster", "network", "studio", "label", "developer", "utility", "store", "website", "site"}
# Words a year keeps company with: "in 2004", "since 1998", "the 2003 results".
YEAR_CONTEXT = {"in", "since", "by", "until", "till", "from", "of", "during", "before", "after", "year",
                "between", "fiscal", "financial", "early", "late", "mid", "circa", "summer",
                "spring", "autumn", "winter", "fall", "january", "february", "march", "april", "may",
                "june", "july", "august", "september", "october", "november", "december"}
STREET_WORDS = {"street", "st", "road", "rd", "avenue", "ave", "lane", "boulevard", "drive", "square", "place", "way"}
# Verbs that deploy whatever they take; "send", "transfer", "recruit" deploy only people who serve.
STRONG_DEPLOY = {"deploy", "deployment", "station", "mobilise", "mobilize", "mobilisation", "mobilization",
                 "dispatch", "contingent"}
SECURITY = {"police", "officer", "policeman", "agent", "guard", "firefighter", "rescuer", "medic", "team",
            "unit", "warship", "ship", "jet", "aircraft", "tank", "brigade", "battalion", "division"}
# Last words of organisation names that NER sometimes takes for people ("Age Concern").
ORG_NAME_WORDS = {"concern", "alliance", "trust", "council", "group", "society", "foundation", "association",
                  "institute", "commission", "agency", "watch", "aid", "action", "network", "coalition",
                  "union", "federation", "league", "partnership", "forum", "centre", "center", "office",
                  "service", "services", "bank", "fund", "party", "committee", "authority", "ministry",
                  "department", "corporation", "company", "limited", "ltd", "inc", "plc", "llc"}
# Plural number words that stand for a quantity on their own: "thousands of troops".
VAGUE_PLURALS = {"dozens", "hundreds", "thousands", "millions", "billions", "scores"}
# Nouns that stand for a count rather than for what is counted: "the number of injured rose to 40".
# Verbs that move or hold a count: "the toll rose to 93 on Saturday", "stands at 1,037".
COUNT_VERBS = {"reach", "rise", "climb", "hit", "stand", "jump", "increase", "grow", "surge", "soar", "top",
               "pass", "exceed", "mount", "swell", "spike", "balloon", "edge"}
TALLY_NOUNS = {"number", "toll", "figure", "total", "tally", "count"}


def is_quantity(tok) -> bool:
    """A token that is an amount of its own: a number, or "dozens", "hundreds"."""
    return tok.like_num or tok.lower_ in VAGUE_PLURALS


# Two-word prepositions that name a source: "according to the ministry", "as per the ministry".
SOURCE_PREPOSITIONS = {"according": "to", "as": "per"}


def source_preposition(tok):
    """The second word of a source phrase that ``tok`` opens ("to" of "according to", "per" of
    "as per"), whose object names the source; None when ``tok`` opens none."""
    second = SOURCE_PREPOSITIONS.get(tok.lower_)
    return next((c for c in tok.children if c.lower_ == second), None) if second else None
# Cue words a learned decision looks for around a figure, by what they suggest about it. The
# vocabulary of disaster and war reporting at large (no story's own words): what harms, what
# rescues, what shelters, what searches, what is spent.
CUE_GROUPS = {
    "harm": {"kill", "die", "dead", "death", "toll", "fatality", "body", "victim", "perish", "massacre", "bury",
             "funeral", "corpse", "life", "drown", "shoot", "strike", "attack", "bomb", "blast", "collapse"},
    "hurt": {"injure", "injury", "wound", "hurt", "hospital", "hospitalise", "hospitalize", "treat", "burn",
             "casualty", "critical", "condition", "trauma"},
    "aid": {"rescue", "rescuer", "relief", "aid", "worker", "team", "volunteer", "responder", "firefighter",
            "personnel", "deploy", "dispatch", "send", "troop", "soldier", "police", "officer", "crew", "staff",
            "medic", "doctor", "nurse", "member", "unit", "battalion", "brigade"},
    "shelter": {"homeless", "shelter", "tent", "camp", "evacuate", "evacuee", "flee", "displace", "refugee",
                "relocate", "house", "home", "uproot", "leave", "resettle", "temporary"},
    "search": {"missing", "trap", "rubble", "unaccounted", "search", "find", "locate", "debris", "bury", "sift"},
    "detain": {"arrest", "detain", "hostage", "prisoner", "capture", "abduct", "kidnap", "jail", "custody"},
    "money": {"fund", "pledge", "donate", "aid", "appeal", "cost", "damage", "loss", "dollar", "budget", "grant",
              "loan", "billion", "million", "spend", "pay", "raise", "insure"},
    "thing": {"building", "structure", "house", "home", "village", "road", "bridge", "acre", "hectare", "mile",
              "kilometre", "kilometer", "case", "dose", "vaccine", "test", "magnitude", "mph", "km", "degree"},
}
# People sent to a disaster: on their own ("rescuers") or as workers of a kind ("relief workers").
RESPONDERS = {"rescuer", "responder", "firefighter", "paramedic", "medic", "volunteer", "lifeguard"}
RESPONSE_WORDS = {"rescue", "relief", "aid", "emergency", "humanitarian", "search", "medical", "fire", "disaster",
                  "recovery", "response"}
RESPONSE_HEADS = {"worker", "team", "personnel", "staff", "crew", "volunteer", "expert", "specialist", "official",
                  "responder", "unit"}
# Animals counted in a disaster are losses, but no casualties.
ANIMALS = {"livestock", "animal", "cattle", "sheep", "goat", "cow", "camel", "buffalo", "poultry", "chicken", "horse",
           "pet", "dog", "cat", "donkey", "pig", "bird", "fish"}
# Counted things that are events or objects, never people, whatever harm the sentence tells of
# ("killed in 30 incidents", "four stampedes", "29 boats known to have sunk").
THINGS_NOT_PEOPLE = {"incident", "massacre", "attack", "airstrike", "raid", "explosion", "blast", "stampede",
                     "aftershock", "tremor", "earthquake", "boat", "vessel", "ship", "vehicle", "car", "truck",
                     "bus", "building", "bridge", "road", "cage"}
# Currency names that several countries use: the one meant is the one whose country the article names.
SHARED_CURRENCIES = {
    "AED": {"morocco": "MAD", "moroccan": "MAD"},
    "INR": {"pakistan": "PKR", "pakistani": "PKR", "sri lanka": "LKR", "sri lankan": "LKR", "nepal": "NPR",
            "nepali": "NPR", "nepalese": "NPR", "mauritius": "MUR"},
    "SAR": {"qatar": "QAR", "qatari": "QAR", "yemen": "YER", "iran": "IRR", "oman": "OMR"},
    "CHF": {"rwanda": "RWF", "burundi": "BIF", "guinea": "GNF", "congo": "CDF", "congolese": "CDF", "djibouti": "DJF"},
    "MXN": {"philippines": "PHP", "philippine": "PHP", "argentina": "ARS", "chile": "CLP", "colombia": "COP",
            "cuba": "CUP", "dominican": "DOP", "uruguay": "UYU"},
}

# How badly, or how far, what is counted was harmed: a part of the count ("48 critically injured"
# among 1,400 injured; "2,100 houses severely damaged" beside the destroyed ones).
SEVERITY_ADVERBS = {"critically", "seriously", "severely", "gravely", "badly", "slightly", "lightly", "moderately",
                    "partially", "partly", "completely", "totally", "fully", "mortally"}
# What has since been done with the counted: the identified dead are a part of the dead, the
# discharged wounded a part of the wounded.
AFTERMATH_LEMMAS = {"identify", "hospitalize", "hospitalise", "treat", "discharge", "release", "admit", "recover",
                    "rescue", "bury", "examine"}

# What a crisis story is about, as a noun: "Moscow attack: toll rises to 140" names the story, not
# a source.
HAPPENINGS = {"attack", "quake", "earthquake", "flood", "fire", "wildfire", "blaze", "crash", "storm", "cyclone",
              "hurricane", "typhoon", "war", "strike", "blast", "explosion", "shooting", "landslide", "mudslide",
              "collapse", "stampede", "disaster", "tragedy", "bombing", "massacre", "eruption", "tsunami",
              "derailment", "collision", "stabbing", "outbreak", "epidemic", "riot", "unrest", "violence"}
