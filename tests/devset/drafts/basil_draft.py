"""Compact draft of the BASIL devset annotations (built into ../basil.gold.json by
../tools/make_gold_basil.py). A figure is located by (line, text, occurrence within that
line) in the text newsledger builds from the JSON record. Only figure words are stored here."""


def F(line, text, low, high, measure, subject, speaker, dates, claim, **kw):
    return dict(line=line, text=text, low=low, high=high, measure=measure, subject=subject,
                speaker=speaker, dates=dates, claim=claim, **kw)


def P(*aliases, keys=None):
    """A speaker: aliases (lowercase) and key groups (default: the last word of the first alias)."""
    return {"aliases": list(aliases), "keys": keys or [[aliases[0].split()[-1]]]}


NULL = None

# ---- subjects
PEOPLE = [["people", "victim", "person", "dead", "killed", "wounded", "injured", "casualt"]]
OFFICERS = [["officer", "police", "agent"]]
LAWMAKERS = [["congress", "lawmaker", "member", "representative", "legislator", "republican"]]

# ---- speakers
OBAMA = P("barack obama", "obama", "president obama", "mr obama", "president barack obama")
LAW_ENF = P("law enforcement officials", "law enforcement", "officials", keys=[["law enforcement"], ["official"]])
NATHAN = P("noah nathan", "nathan")
BRAT = P("dave brat", "brat", "rep. dave brat", "representative dave brat")
DOYLE = P("mike doyle", "doyle", "rep. mike doyle", "representative mike doyle")
NORTON = P("james norton", "norton")

DOCS = {}
CLAIMS = {}
AMBIGUOUS = []

# ======================================================================================
# Orlando nightclub shooting, June 2016 (76810849): Fox 06-13, NYT 06-12, HuffPost 06-12
O = "2016-06-12"
DOCS["76810849_1"] = [  # Fox News, published Monday 2016-06-13
    F(9, "50 people", 50, 50, "killed", PEOPLE, OBAMA, [O], "BA1", may_null=True,
      note="relative clause inside Obama's Sunday remarks; numbers plausibly the outlet's own"),
    F(9, "at least 53", 53, None, "wounded", PEOPLE, OBAMA, [O], "BA2", may_null=True),
]
DOCS["76810849_2"] = [  # NYT, published Sunday 2016-06-12
    F(5, "dozens", 24, 99, "killed", PEOPLE, OBAMA, [O], "BA3", optional=True,
      note="generic: how easy it is to slaughter dozens"),
    F(11, "twice", 2, 2, "other", [["investigat", "inquir", "probe", "time"]], LAW_ENF, [O], "BA4",
      optional=True, note="number of times the gunman was investigated"),
    F(23, "more than 100", 100, None, "casualties", PEOPLE, OBAMA, [O], "BA5",
      note="'shattered more than 100 lives'"),
    F(23, "50 people", 50, 50, "killed", PEOPLE, OBAMA, [O], "BA1"),
    F(23, "53", 53, 53, "wounded", PEOPLE, OBAMA, [O], "BA2"),
]
DOCS["76810849_3"] = [  # HuffPost, published Sunday 2016-06-12
    F(3, "50 people", 50, 50, "killed", PEOPLE, NULL, [None, O], "BA6"),
    F(3, "scores of others", 24, 99, "wounded", PEOPLE, NULL, [None, O], "BA7"),
    F(17, "several times", None, None, "other", [["investigat", "inquir", "probe", "time"]], NULL, [None, O],
      "BA8", optional=True, note="vague count of FBI investigations"),
]
CLAIMS.update({
    "BA1": "Obama, 2016-06-12 (Sunday remarks): 50 people killed in the Orlando nightclub attack",
    "BA2": "Obama, 2016-06-12: 53 (at least 53) people wounded in Orlando",
    "BA3": "Obama, 2016-06-12: how easy it is to slaughter dozens (generic)",
    "BA4": "law enforcement officials, 2016-06-12: the gunman had twice been investigated",
    "BA5": "Obama, 2016-06-12: more than 100 lives shattered (killed and wounded)",
    "BA6": "HuffPost (own voice): the Orlando shooting left 50 people dead",
    "BA7": "HuffPost (own voice): scores of others injured in Orlando",
    "BA8": "HuffPost (own voice): the gunman was investigated by the FBI several times",
})
AMBIGUOUS += [("BA1", "BA6")]

# ======================================================================================
# Congressional baseball practice shooting, June 2017 (58f414e5): Fox 06-15, NYT 06-15, HuffPost 06-14
DOCS["58f414e5_1"] = [  # Fox News, published Thursday 2017-06-15
    F(15, "Forty guys", 40, 40, "other", LAWMAKERS + [], BRAT, ["2017-06-14"], "BA9", optional=True,
      note="Brat on Fox News on Wednesday; a loose, hypothetical headcount of a lawmaker gathering"),
    F(19, "two", 2, 2, "wounded", OFFICERS, NULL, [None, "2017-06-15"], "BA10"),
    F(39, "30 or 40", 30, 40, "other", LAWMAKERS, DOYLE, [None, "2017-06-15"], "BA11", optional=True,
      note="hypothetical: an area with 30 or 40 members"),
    F(45, "billions", 2e9, 9.99e9, "money", [["security", "detail", "cost", "staffing"]], NORTON,
      [None, "2017-06-15"], "BA12", unit="USD", note="cost of a personal security detail for every member"),
]
DOCS["58f414e5_2"] = [  # NYT, published Thursday 2017-06-15
    F(5, "some seven miles", 7, 7, "other", [["mile", "distance", "field"]], NULL, [None, "2017-06-15"],
      "BA13", optional=True, note="a distance"),
    F(5, "four people", 4, 4, "wounded", PEOPLE, NULL, [None, "2017-06-15"], "BA14",
      note="'striking four people'"),
    F(27, "more than 24,000", 24000, None, "other", [["ticket", "fan", "spectator", "attendee", "people"]], NULL,
      [None, "2017-06-15"], "BA15"),
    F(81, "11-2", None, None, "other", [["score", "game", "run", "victory", "democrat"]], NULL, [None, "2017-06-15"],
      "BA16", optional=True, note="a game score"),
    F(81, "40-to-39", None, None, "other", [["series", "game", "win", "democrat"]], NULL, [None, "2017-06-15"],
      "BA17", optional=True, note="lifetime series record"),
]
DOCS["58f414e5_3"] = [  # HuffPost, published Wednesday 2017-06-14 (text updated on Thursday)
    F(5, "Six people", 6, 6, "wounded", PEOPLE, NULL, [None, "2017-06-14"], "BA18"),
    F(5, "two congressmen", 2, 2, "wounded", LAWMAKERS, NULL, [None, "2017-06-14"], "BA19"),
    F(5, "two police officers", 2, 2, "wounded", OFFICERS, NULL, [None, "2017-06-14"], "BA20"),
    F(13, "two", 2, 2, "wounded", OFFICERS, NULL, [None, "2017-06-14"], "BA20"),
    F(21, "less than 8 miles", None, 8, "other", [["mile", "distance", "white house", "park"]], NULL,
      [None, "2017-06-14"], "BA21", optional=True, note="a distance"),
    F(39, "at least 30", 30, None, "other", [["shot", "gunfire", "round", "bullet"]], NATHAN,
      [None, "2017-06-14"], "BA22", note="a witness heard at least 30 shots"),
]
CLAIMS.update({
    "BA9": "Rep. Dave Brat on Fox News, 2017-06-14: forty guys get together (lawmaker gathering)",
    "BA10": "Fox News (own voice): two Capitol Police officers injured",
    "BA11": "Rep. Mike Doyle: an area with 30 or 40 members",
    "BA12": "James Norton: a security detail for every member would cost billions",
    "BA13": "NYT (own voice): the practice field some seven miles away",
    "BA14": "NYT (own voice): the gunman struck four people",
    "BA15": "NYT (own voice): more than 24,000 ticket holders at the charity game",
    "BA16": "NYT (own voice): Democrats won 11-2",
    "BA17": "NYT (own voice): Democrats lead the lifetime series 40-to-39",
    "BA18": "HuffPost (own voice): six people injured in the Alexandria attack",
    "BA19": "HuffPost (own voice): two congressmen among the injured",
    "BA20": "HuffPost (own voice): two Capitol Police officers injured",
    "BA21": "HuffPost (own voice): the park is less than 8 miles from the White House",
    "BA22": "witness Noah Nathan: heard at least 30 shots",
})
