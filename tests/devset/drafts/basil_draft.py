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
      note="generic remark about mass shootings"),
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
    F(15, "Forty guys", 40, 40, "other", LAWMAKERS, BRAT, ["2017-06-14"], "BA9", optional=True,
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

# ======================================================================================
# Mail-bomb suspect arrested, 2018-10-26 (1f99798f): all three published Friday 2018-10-26
PB = "2018-10-26"
DEVICES = [["device", "bomb", "package", "explosive", "envelope"]]
FED_AUTH = P("federal authorities", "authorities", "federal officials", "federal investigators",
             keys=[["authorit"], ["federal", "official"], ["fbi"], ["f.b.i"]])
LE_OFFICIALS = P("law enforcement officials", "two law enforcement officials", "officials",
                 keys=[["law enforcement"], ["official"]])
FBI = P("fbi", "f.b.i.", "federal bureau of investigation", keys=[["fbi"], ["f.b.i"], ["federal bureau"]])
DOJ = P("department of justice", "justice department", "doj", "us department of justice",
        keys=[["justice"], ["doj"], ["prosecutor"]])
WRAY = P("chris wray", "christopher wray", "wray", "fbi director chris wray", keys=[["wray"]])
DOCS["1f99798f_1"] = [  # Fox News
    F(7, "less than 10 miles", None, 10, "other", [["mile", "distance", "aventura", "facility"]], NULL, [None, PB],
      "BA23", optional=True, note="a distance"),
    F(19, "six stamps", 6, 6, "other", [["stamp"]], FBI, [None, PB], "BA24"),
    F(25, "24 teams", 24, 24, "deployed", [["team", "fbi", "agent", "investigator"]], NULL, [None, PB], "BA25"),
    F(41, "3 people", 3, 3, "killed", PEOPLE, NULL, [None, PB], "BA26", note="Unabomber's victims (background)"),
    F(41, "23", 23, 23, "wounded", PEOPLE, NULL, [None, PB], "BA27", note="Unabomber's victims (background)"),
]
DOCS["1f99798f_2"] = [  # NYT
    F(25, "two more", 2, 2, "other", DEVICES, FED_AUTH, [PB], "BA28", note="two more devices found Friday morning"),
    F(27, "five", 5, 5, "other", DEVICES, LE_OFFICIALS, [None, PB], "BA29", may_null=True,
      note="five of the bombs fall under the Manhattan US attorney's jurisdiction"),
    F(41, "12", 12, 12, "other", DEVICES, NULL, [None, PB], "BA30", note="12 devices found since Monday"),
]
DOCS["1f99798f_3"] = [  # HuffPost
    F(3, "at least a dozen", 12, None, "other", DEVICES, NULL, [None, PB], "BA31"),
    F(7, "five federal crimes", 5, 5, "other", [["crime", "charge", "count"]], DOJ, [None, PB], "BA32"),
    F(7, "up to 48 years", None, 48, "other", [["prison", "year", "sentence"]], DOJ, [None, PB], "BA33",
      may_null=True, optional=True, note="a prison term (duration)"),
    F(17, "two additional packages", 2, 2, "other", DEVICES, NULL, [None, PB], "BA34"),
    F(25, "more than 10 packages", 10, None, "other", DEVICES, NULL, [None, PB], "BA35"),
    F(45, "roughly 6 inches", 6, 6, "other", [["pipe", "pvc", "inch", "device"]], WRAY, [PB], "BA36",
      optional=True, note="a length"),
]
CLAIMS.update({
    "BA23": "Fox News (own voice): Opa-locka is less than 10 miles from Aventura",
    "BA24": "FBI: each package carried six stamps",
    "BA25": "Fox News (own voice): the FBI had 24 teams on the hunt",
    "BA26": "Fox News (background): the Unabomber killed 3 people",
    "BA27": "Fox News (background): the Unabomber injured 23",
    "BA28": "federal authorities, 2018-10-26 (Friday morning): two more devices found (Booker, Clapper)",
    "BA29": "law enforcement officials / NYT: five of the bombs fall under the Manhattan US attorney",
    "BA30": "NYT (own voice): 12 crude explosive devices found since Monday",
    "BA31": "HuffPost (own voice): at least a dozen packages",
    "BA32": "Justice Department, 2018-10-26: Sayoc charged with five federal crimes",
    "BA33": "Justice Department: Sayoc faces up to 48 years in prison",
    "BA34": "HuffPost (own voice): two additional packages discovered (Booker, Clapper)",
    "BA35": "HuffPost (own voice): more than 10 packages mailed this week",
    "BA36": "Chris Wray, 2018-10-26: each device held roughly 6 inches of PVC pipe",
})
AMBIGUOUS += [("BA28", "BA34"), ("BA30", "BA31")]

# ======================================================================================
# Clinton tax returns and health letter, released Friday 2015-07-31 (6e502405): all published 2015-07-31
CT = "2015-07-31"
RETURNS = P("clinton campaign", "hillary clinton", "clintons", "the clintons", "clinton's tax returns",
            "tax returns", "clinton", "hillary clinton's campaign", "hillary rodham clinton",
            keys=[["clinton"], ["tax return"]])
HILLARY = P("hillary clinton", "hillary rodham clinton", "clinton", "mrs clinton", "mrs. clinton",
            keys=[["clinton"]])
BARDACK = P("lisa bardack", "dr. lisa bardack", "bardack", "dr bardack", "clinton's doctor",
            keys=[["bardack"], ["doctor"], ["physician"]])
JEB = P("jeb bush", "bush", "mr bush", "mr. bush", keys=[["bush"]])
STATE = P("state department", "us state department", "department of state", keys=[["state department"], ["department of state"]])
FEDTAX = [["federal tax", "federal income tax", "tax"]]
INCOME = [["income", "earn", "earning", "agi", "gross"]]
CHARITY = [["charit", "donat", "giving", "contribution"]]
STATETAX = [["state", "local"]]
RATE = [["rate", "tax"]]
SPEECH = [["speech", "speaking", "fee"]]
MED = [["blood", "heart", "cholesterol", "ldl", "hdl", "triglycer", "pressure", "rate"]]
DOCS["6e502405_3"] = [  # Fox News
    F(3, "tens of millions of dollars", 2e7, 9.9999999e7, "money", FEDTAX, RETURNS, [CT], "BA37", unit="USD",
      may_null=True),
    F(5, "thousands of emails", 2000, 9999, "other", [["email", "e-mail"]], NULL, [None, CT], "BA38",
      note="State Department's email release the same day"),
    F(7, "$43 million", 43e6, 43e6, "money", FEDTAX, RETURNS, [CT], "BA37", unit="USD", may_null=True),
    F(7, "$15 million", 15e6, 15e6, "money", CHARITY, RETURNS, [CT], "BA39", unit="USD", may_null=True),
    F(7, "$13.6 million", 13.6e6, 13.6e6, "money", STATETAX, RETURNS, [CT], "BA40", unit="USD", may_null=True),
    F(9, "35.7 percent", 35.7, 35.7, "other", RATE, RETURNS, [CT], "BA41", unit="%", may_null=True),
    F(9, "45.8 percent", 45.8, 45.8, "other", RATE, RETURNS, [CT], "BA42", unit="%", may_null=True),
    F(21, "100/65", None, None, "other", MED, BARDACK, [None, CT], "BA43", optional=True, note="blood pressure"),
    F(21, "72", 72, 72, "other", MED, BARDACK, [None, CT], "BA44", optional=True, note="heart rate"),
    F(21, "195", 195, 195, "other", MED, BARDACK, [None, CT], "BA45", optional=True, note="cholesterol"),
    F(21, "118", 118, 118, "other", MED, BARDACK, [None, CT], "BA46", optional=True, note="LDL"),
    F(21, "64", 64, 64, "other", MED, BARDACK, [None, CT], "BA47", optional=True, note="HDL"),
    F(21, "69", 69, 69, "other", MED, BARDACK, [None, CT], "BA48", optional=True, note="triglycerides"),
    F(27, "thousands of pages", 2000, 9999, "other", [["page", "email", "e-mail", "document"]], NULL, [None, CT], "BA49"),
    F(29, "several hundred pages", 200, 999, "other", [["page", "document"]], STATE, [None, CT], "BA50",
      may_null=True),
]
DOCS["6e502405_1"] = [  # HuffPost
    F(3, "roughly $141 million", 141e6, 141e6, "money", INCOME, RETURNS, [CT], "BA51", unit="USD", may_null=True),
    F(3, "nearly $44 million", 44e6, 44e6, "money", FEDTAX, RETURNS, [CT], "BA37", unit="USD", may_null=True),
    F(5, "$140,937,785", 140937785, 140937785, "money", INCOME, RETURNS, [CT], "BA51", unit="USD", may_null=True),
    F(5, "$43,885,310", 43885310, 43885310, "money", FEDTAX, RETURNS, [CT], "BA37", unit="USD", may_null=True),
    F(5, "$13,625,777", 13625777, 13625777, "money", STATETAX, RETURNS, [CT], "BA40", unit="USD", may_null=True),
    F(5, "$14,959,450", 14959450, 14959450, "money", CHARITY, RETURNS, [CT], "BA39", unit="USD", may_null=True),
    F(7, "35.7 percent", 35.7, 35.7, "other", RATE, RETURNS, [CT], "BA41", unit="%", may_null=True),
    F(7, "over 10 percent", 10, None, "other", CHARITY, RETURNS, [CT], "BA52", unit="%", may_null=True,
      note="share of 2014 income given to charity"),
    F(9, "$16,450", 16450, 16450, "money", [["earn", "salary", "professor", "income"]], HILLARY, [CT], "BA53",
      unit="USD"),
    F(13, "between $19 and $22 million", 19e6, 22e6, "money", [["net worth", "worth", "bush"]], JEB, [None, CT],
      "BA54", unit="USD", may_null=True, note="Jeb Bush's net worth per his returns, a month earlier"),
    F(13, "roughly 36 percent", 36, 36, "other", RATE, JEB, [None, CT], "BA55", unit="%", may_null=True),
    F(15, "approximately $30 million", 30e6, 30e6, "money", [["book", "speech", "earn", "income"]], HILLARY,
      [None], "BA56", unit="USD", may_null=True, note="FEC disclosure filed in May"),
]
DOCS["6e502405_2"] = [  # NYT
    F(1, "$139 Million", 139e6, 139e6, "money", INCOME, RETURNS, [CT], "BA57", unit="USD", may_null=True,
      note="headline"),
    F(3, "$139 million", 139e6, 139e6, "money", INCOME, RETURNS, [CT], "BA57", unit="USD", may_null=True),
    F(3, "nearly $10 million", 10e6, 10e6, "money", SPEECH, RETURNS, [CT], "BA58", unit="USD", may_null=True),
    F(7, "millions of dollars", 2e6, 9.99e6, "money", [["tax", "charit"]], HILLARY, [CT], "BA59", unit="USD",
      optional=True, note="vague; the amounts were actually tens of millions"),
    F(17, "$43,885,310", 43885310, 43885310, "money", FEDTAX, RETURNS, [CT], "BA37", unit="USD", may_null=True),
    F(17, "31.55 percent", 31.55, 31.55, "other", RATE, RETURNS, [CT], "BA60", unit="%", may_null=True),
    F(17, "nearly $15 million", 15e6, 15e6, "money", CHARITY, RETURNS, [CT], "BA39", unit="USD", may_null=True),
    F(17, "10.8 percent", 10.8, 10.8, "other", CHARITY, RETURNS, [CT], "BA61", unit="%", may_null=True),
    F(17, "$550,000", 550000, 550000, "money", CHARITY, RETURNS, [CT], "BA62", unit="USD", may_null=True),
    F(17, "more than $3 million", 3e6, None, "money", CHARITY, RETURNS, [CT], "BA63", unit="USD", may_null=True),
    F(19, "$190,450", 190450, 190450, "money", CHARITY, RETURNS, [CT], "BA64", unit="USD", may_null=True),
    F(19, "$1.865 million", 1.865e6, 1.865e6, "money", [["foundation", "charit", "giving"]], RETURNS, [CT], "BA65",
      unit="USD", may_null=True),
    F(21, "$9.68 million", 9.68e6, 9.68e6, "money", SPEECH, RETURNS, [CT], "BA58", unit="USD", may_null=True),
    F(21, "41 speeches", 41, 41, "other", SPEECH, RETURNS, [CT], "BA66", may_null=True),
    F(21, "two", 2, 2, "other", SPEECH, RETURNS, [CT], "BA67", may_null=True, optional=True,
      note="two speeches in Toronto"),
    F(21, "$400,000", 400000, 400000, "money", SPEECH, RETURNS, [CT], "BA68", unit="USD", may_null=True),
    F(21, "$225,000", 225000, 225000, "money", SPEECH, RETURNS, [CT], "BA69", unit="USD", may_null=True),
    F(23, "three speeches", 3, 3, "other", SPEECH, RETURNS, [CT], "BA70", may_null=True),
    F(23, "$675,000", 675000, 675000, "money", SPEECH, RETURNS, [CT], "BA71", unit="USD", may_null=True),
    F(23, "$200,000", 200000, 200000, "money", SPEECH, RETURNS, [CT], "BA72", unit="USD", may_null=True),
    F(25, "$13.17 million", 13.17e6, 13.17e6, "money", SPEECH, RETURNS, [CT], "BA73", unit="USD", may_null=True),
    F(25, "41 speeches", 41, 41, "other", SPEECH, RETURNS, [CT], "BA74", may_null=True),
    F(25, "$750,000", 750000, 750000, "money", SPEECH, RETURNS, [CT], "BA75", unit="USD", may_null=True),
    F(25, "$100,000", 100000, 100000, "money", SPEECH, RETURNS,
      [CT], "BA76", unit="USD", may_null=True),
    F(25, "Fifteen", 15, 15, "other", SPEECH, RETURNS, [CT], "BA77", may_null=True),
    F(27, "nearly $20 million", 20e6, 20e6, "money", [["consult", "advis", "earn", "income"]], RETURNS, [CT], "BA78",
      unit="USD", may_null=True),
    F(29, "$16,450", 16450, 16450, "money", [["earn", "salary", "professor", "income"]], HILLARY, [CT], "BA53",
      unit="USD"),
    F(35, "36 percent", 36, 36, "other", RATE, JEB, [None, CT], "BA55", unit="%"),
    F(35, "30 percent", 30, 30, "other", RATE, JEB, [None, CT], "BA79", unit="%",
      note="Bush's (unsourced) figure for the Clintons' 2014 rate"),
    F(37, "35.72", 35.72, 35.72, "other", RATE, RETURNS, [CT], "BA41", unit="%", may_null=True),
    F(37, "45.8 percent", 45.8, 45.8, "other", RATE, RETURNS, [CT], "BA42", unit="%", may_null=True),
]
CLAIMS.update({
    "BA37": "Clintons' tax returns released 2015-07-31: $43,885,310 (about $43-44 million) federal taxes paid 2007-2014",
    "BA38": "Fox News (own voice): the State Department released thousands of emails",
    "BA39": "Clintons' tax returns, 2015-07-31: about $15 million ($14,959,450) given to charity 2007-2014",
    "BA40": "Clintons' tax returns, 2015-07-31: $13.6 million ($13,625,777) state and local taxes",
    "BA41": "Clintons' tax returns, 2015-07-31: 2014 effective federal tax rate 35.7 percent",
    "BA42": "Clintons' tax returns, 2015-07-31: combined 2014 tax rate 45.8 percent",
    "BA43": "Dr. Lisa Bardack: blood pressure 100/65",
    "BA44": "Dr. Lisa Bardack: heart rate 72",
    "BA45": "Dr. Lisa Bardack: cholesterol 195",
    "BA46": "Dr. Lisa Bardack: LDL 118",
    "BA47": "Dr. Lisa Bardack: HDL 64",
    "BA48": "Dr. Lisa Bardack: triglycerides 69",
    "BA49": "Fox News (own voice): thousands of pages of emails released",
    "BA50": "State Department / Fox: several hundred pages released previously",
    "BA51": "Clintons' tax returns, 2015-07-31: about $141 million ($140,937,785) earned 2007-2014",
    "BA52": "Clintons' tax returns, 2015-07-31: over 10 percent of 2014 income donated",
    "BA53": "Hillary Clinton's statement, 2015-07-31: she once earned $16,450 as a law professor",
    "BA54": "Jeb Bush's returns (a month earlier): net worth between $19 and $22 million",
    "BA55": "Jeb Bush (a month earlier): his effective federal tax rate about 36 percent",
    "BA56": "Hillary Clinton's FEC disclosure (May 2015): about $30 million from books and speeches",
    "BA57": "Clintons' tax returns, 2015-07-31: $139 million adjusted gross income 2007-2014",
    "BA58": "Clinton's list of paid speeches, 2015-07-31: $9.68 million (nearly $10 million) in 2013 speaking fees",
    "BA59": "Hillary Clinton's statement: millions of dollars paid in taxes and given to charity",
    "BA60": "Clintons' tax returns: effective federal tax rate 31.55 percent over 2007-2014",
    "BA61": "Clintons' tax returns: average 10.8 percent of earnings given to charity",
    "BA62": "Clintons' tax returns: charitable deductions of $550,000 in 2008",
    "BA63": "Clintons' tax returns: charitable deductions of more than $3 million in 2007, 2013 and 2014",
    "BA64": "Clintons' tax returns: $190,450 of giving outside the family foundation",
    "BA65": "Clintons' tax returns: $1.865 million to the larger foundation in 2014",
    "BA66": "Hillary Clinton's speech list: 41 speeches in 2013",
    "BA67": "Hillary Clinton's speech list: two speeches in Toronto",
    "BA68": "Hillary Clinton's speech list: top fee $400,000",
    "BA69": "Hillary Clinton's speech list: standard rate $225,000",
    "BA70": "Hillary Clinton's speech list: three speeches to Goldman Sachs",
    "BA71": "Hillary Clinton's speech list: $675,000 from Goldman Sachs",
    "BA72": "Bill Clinton's speech list: $200,000 from Goldman Sachs",
    "BA73": "Bill Clinton's speech list: $13.17 million earned in 2013",
    "BA74": "Bill Clinton's speech list: 41 speeches in 2013",
    "BA75": "Bill Clinton's speech list: $750,000 for Handelsbanken speech",
    "BA76": "Bill Clinton's speech list: second payment of $100,000",
    "BA77": "Bill Clinton's speech list: fifteen speeches abroad",
    "BA78": "Clintons' returns: Bill Clinton earned nearly $20 million consulting 2011-2014",
    "BA79": "Jeb Bush (a month earlier): the Clintons' 2014 tax rate was 30 percent",
})
AMBIGUOUS += [("BA51", "BA57")]

# ======================================================================================
# Jesse Jackson Jr. pleads guilty, Wednesday 2013-02-20 (f506aafc): all published 2013-02-20
JJ = "2013-02-20"
JF = "2013-02-15"  # charging papers filed "last Friday"
PROS = P("federal prosecutors", "prosecutors", "justice department", "court documents", "court papers",
         "the documents", "court records", "government", keys=[["prosecutor"], ["court doc"], ["court paper"],
                                                              ["document"], ["justice"], ["court record"], ["record"]])
KIRSCH = P("tom kirsch", "kirsch")
CAMPAIGN_MONEY = [["campaign", "fund", "money", "cash", "spent", "spending", "expense", "item"]]
PRISON = [["prison", "sentence", "month", "year"]]
DOCS["f506aafc_3"] = [  # Fox News
    F(3, "$750,000", 750000, 750000, "money", CAMPAIGN_MONEY, PROS, [JF, JJ, None], "BA80", unit="USD",
      may_null=True),
    F(5, "up to five years", None, 5, "other", PRISON, NULL, [None, JJ], "BA81", optional=True,
      note="maximum prison term (duration)"),
    F(9, "$43,350", 43350, 43350, "money", [["watch", "rolex"]], PROS, [JF, JJ, None], "BA82", unit="USD"),
    F(9, "$9,587.64", 9587.64, 9587.64, "money", [["furniture"]], PROS, [JF, JJ, None], "BA83", unit="USD"),
    F(19, "$5,150", 5150, 5150, "money", [["fur", "cape", "parka"]], PROS, [JF, JJ, None], "BA84", unit="USD"),
    F(21, "one tax count", 1, 1, "other", [["count", "charge"]], KIRSCH, [JF], "BA85", optional=True),
    F(23, "up to five years", None, 5, "other", PRISON, NULL, [None, JJ], "BA81", optional=True,
      note="maximum prison term (duration)"),
    F(23, "up to $250,000", None, 250000, "money", [["fine", "penalt"]], NULL, [None, JJ], "BA86", unit="USD"),
    F(25, "three years", None, 3, "other", PRISON, NULL, [None, JJ], "BA87", optional=True,
      note="'a maximum of three years' for Sandra Jackson (duration)"),
    F(27, "$750,000", 750000, 750000, "money", [["forfeit", "campaign", "money"]], PROS, [JF], "BA88", unit="USD",
      note="must forfeit $750,000 (court papers filed Friday)"),
    F(27, "tens of thousands of dollars", 20000, 99999, "money", [["memorabilia", "fur", "item", "forfeit"]], PROS,
      [JF], "BA89", unit="USD"),
]
DOCS["f506aafc_1"] = [  # HuffPost
    F(3, "$43,000", 43000, 43000, "money", [["watch", "rolex"]], PROS, [JF, JJ, None], "BA82", unit="USD",
      may_null=True),
    F(7, "$750,000", 750000, 750000, "money", CAMPAIGN_MONEY, PROS, [JF, JJ, None], "BA80", unit="USD",
      may_null=True),
    F(19, "$4,272.78", 4272.78, 4272.78, "money", [["cruise", "navigator"]], PROS, [JJ], "BA90", unit="USD",
      may_null=True),
    F(19, "$2,306.08", 2306.08, 2306.08, "money", [["disney"]], PROS, [JJ], "BA91", unit="USD", may_null=True),
    F(19, "over $10,000", 10000, None, "money", [["best buy", "electronic", "television"]], PROS, [JJ], "BA92",
      unit="USD", may_null=True),
    F(19, "over $300", 300, None, "money", [["build-a-bear", "build a bear", "stuffed"]], PROS, [JJ], "BA93",
      unit="USD", may_null=True),
    F(19, "$3,544.00", 3544, 3544, "money", [["boutique", "mariel"]], PROS, [JJ], "BA94", unit="USD", may_null=True),
    F(19, "$5,687.75", 5687.75, 5687.75, "money", [["martha", "retreat", "vineyard", "vacation"]], PROS, [JJ],
      "BA95", unit="USD", may_null=True),
    F(19, "topped $60,000", 60000, None, "money", [["nightclub", "lounge"]], PROS, [JJ], "BA96", unit="USD",
      may_null=True),
    F(19, "topped $14,000", 14000, None, "money", [["dry-clean", "dry clean", "cleaning"]], PROS, [JJ], "BA97",
      unit="USD", may_null=True),
]
DOCS["f506aafc_2"] = [  # NYT
    F(3, "one felony fraud count", 1, 1, "other", [["count", "charge"]], NULL, [None, JJ], "BA98", optional=True),
    F(3, "$750,000", 750000, 750000, "money", CAMPAIGN_MONEY, PROS, [JF, JJ, None], "BA80", unit="USD",
      may_null=True),
    F(5, "46 to 57 months", 46, 57, "other", PRISON, PROS, [JJ], "BA99", optional=True,
      note="recommended sentence (duration)"),
    F(13, "18 to 24 months", 18, 24, "other", PRISON, PROS, [JJ], "BA100", optional=True,
      note="sentence sought for Sandra Jackson (duration)"),
    F(27, "$750,000", 750000, 750000, "money", CAMPAIGN_MONEY, PROS, [JF, JJ, None], "BA80", unit="USD",
      may_null=True),
    F(29, "$10,977.74", 10977.74, 10977.74, "money", [["best buy", "electronic", "television", "dvd"]], PROS, [JJ],
      "BA92", unit="USD"),
    F(29, "$466.30", 466.30, 466.30, "money", [["dinner", "cityzen"]], PROS, [JJ], "BA101", unit="USD"),
    F(29, "$5,587.75", 5587.75, 5587.75, "money", [["martha", "retreat", "vineyard", "vacation"]], PROS, [JJ],
      "BA95", unit="USD", note="HuffPost has $5,687.75 for the same item"),
    F(31, "at least two instances", 2, None, "other", [["instance", "build-a-bear", "build a bear", "visit"]], PROS,
      [JJ], "BA102", optional=True),
    F(31, "$313.89", 313.89, 313.89, "money", [["build-a-bear", "build a bear", "stuffed"]], PROS, [JJ], "BA93",
      unit="USD"),
    F(33, "$7,000", 7000, 7000, "money", [["elk", "taxiderm"]], PROS, [JJ], "BA103", unit="USD"),
    F(37, "$5,300", 5300, 5300, "money", [["elk", "sold", "sale"]], PROS, [JJ], "BA104", unit="USD"),
    F(41, "$5,000", 5000, 5000, "money", [["football"]], PROS, [JF], "BA105", unit="USD", may_null=True),
    F(41, "two hats", 2, 2, "other", [["hat", "fedora"]], PROS, [JF], "BA106", may_null=True),
    F(41, "$4,600", 4600, 4600, "money", [["fedora", "hat"]], PROS, [JF], "BA107", unit="USD", may_null=True),
]
CLAIMS.update({
    "BA80": "federal prosecutors (charges filed 2013-02-15, plea 2013-02-20): Jackson spent $750,000 of campaign money on personal items",
    "BA81": "maximum prison term for Jackson's charge: up to five years",
    "BA82": "federal prosecutors: campaign money bought a $43,350 (about $43,000) Rolex watch",
    "BA83": "federal prosecutors: $9,587.64 of children's furniture",
    "BA84": "court documents: Sandra Jackson spent $5,150 on fur capes and parkas",
    "BA85": "Tom Kirsch, 2013-02-15: Sandra Jackson would plead guilty to one tax count",
    "BA86": "statutory penalty: a fine of up to $250,000",
    "BA87": "statutory maximum for Sandra Jackson's charge: three years in prison",
    "BA88": "federal prosecutors' court papers, 2013-02-15: Jackson must forfeit $750,000",
    "BA89": "federal prosecutors' court papers, 2013-02-15: forfeiture of tens of thousands of dollars of memorabilia and furs",
    "BA90": "court records disclosed 2013-02-20: $4,272.78 on a cruise",
    "BA91": "court records disclosed 2013-02-20: $2,306.08 at Walt Disney World",
    "BA92": "court records released 2013-02-20: $10,977.74 (over $10,000) at Best Buy",
    "BA93": "court records released 2013-02-20: $313.89 (over $300) at Build-A-Bear",
    "BA94": "court records disclosed 2013-02-20: $3,544.00 at Mariel's Boutique",
    "BA95": "court records released 2013-02-20: Martha's Vineyard Holistic Retreat vacation ($5,587.75 in NYT, $5,687.75 in HuffPost)",
    "BA96": "court records disclosed 2013-02-20: nightclub and lounge expenses topped $60,000",
    "BA97": "court records disclosed 2013-02-20: dry-cleaning expenses topped $14,000",
    "BA98": "NYT (own voice): Jackson pleaded guilty to one felony fraud count",
    "BA99": "prosecutors, 2013-02-20: recommended sentence of 46 to 57 months",
    "BA100": "prosecutors, 2013-02-20: will seek 18 to 24 months for Sandra Jackson",
    "BA101": "court records released 2013-02-20: a $466.30 dinner",
    "BA102": "court records released 2013-02-20: at least two instances of spending at Build-A-Bear",
    "BA103": "court records released 2013-02-20: $7,000 paid to a taxidermist for an elk head",
    "BA104": "court records released 2013-02-20: the elk head sold for $5,300",
    "BA105": "documents released 2013-02-15: a $5,000 football signed by presidents",
    "BA106": "documents released 2013-02-15: two hats that belonged to Michael Jackson",
    "BA107": "documents released 2013-02-15: a $4,600 fedora",
})

# ======================================================================================
# Rep. Duncan Hunter and wife indicted, Tuesday 2018-08-21 (eb17fa36): all published 2018-08-21
DH = "2018-08-21"
HUNTER_PROS = P("justice department", "department of justice", "prosecutors", "federal prosecutors",
                "us attorney's office", "grand jury", "federal grand jury", "the indictment", "indictment",
                "adam braverman", "doj",
                keys=[["prosecutor"], ["justice"], ["us attorney"], ["attorney's office"], ["grand jury"],
                      ["indictment"], ["doj"], ["braverman"]])
HUNTER_LAWYER = P("hunter's lawyer", "hunter's lawyers", "hunter's attorney", "gregory vega", "gregory a. vega",
                  "lawyers", "his lawyer", keys=[["lawyer"], ["attorney", "hunter"], ["vega"]])
VEGA = P("gregory a. vega", "gregory vega", "vega", "mr. vega", "mr vega", keys=[["vega"]])
DH_FUNDS = [["campaign", "fund", "money", "expense", "spent", "personal"]]
DOCS["eb17fa36_1"] = [  # Fox News
    F(3, "$250,000", 250000, 250000, "money", DH_FUNDS, HUNTER_PROS, [DH], "BA108", unit="USD"),
    F(7, "48-page", 48, 48, "other", [["page", "indictment"]], NULL, [None, DH], "BA109", optional=True,
      note="length of the indictment"),
    F(7, "almost a dozen", 12, 12, "other", [["relative", "family"]], HUNTER_PROS, [DH], "BA110"),
    F(9, "tens of thousands of dollars", 20000, 99999, "money", [["purchase", "item", "ticket", "food", "campaign",
                                                                 "fund", "spent"]], HUNTER_PROS, [DH], "BA111",
      unit="USD"),
    F(17, "about $60,000", 60000, 60000, "money", [["repa", "campaign", "paid back"]], HUNTER_LAWYER, [None],
      "BA112", unit="USD", note="said in 2017, no day given"),
]
DOCS["eb17fa36_2"] = [  # NYT
    F(3, "tens of thousands of dollars", 20000, 99999, "money", DH_FUNDS, HUNTER_PROS, [None, DH], "BA113",
      unit="USD", may_null=True, note="the allegations under investigation: trips, tuition"),
    F(3, "$600", 600, 600, "money", [["airline", "ticket", "rabbit", "fare"]], HUNTER_PROS, [None, DH], "BA114",
      unit="USD", may_null=True),
    F(5, "48-page", 48, 48, "other", [["page", "indictment"]], NULL, [None, DH], "BA115", optional=True,
      note="length of the indictment"),
    F(5, "more than $250,000", 250000, None, "money", DH_FUNDS, HUNTER_PROS, [DH], "BA108", unit="USD",
      may_null=True),
    F(11, "two prosecutors", 2, 2, "other", [["prosecutor"]], VEGA, ["2018-08-06", None], "BA116",
      note="letter sent this month (Fox: Aug. 6)"),
    F(15, "seven", 7, 7, "other", [["seat", "republican"]], NULL, [None, DH], "BA117"),
    F(15, "eight", 8, 8, "other", [["seat", "republican"]], NULL, [None, DH], "BA118"),
    F(17, "48 percent", 48, 48, "other", [["vote", "hunter", "primary"]], NULL, [None, DH], "BA119", unit="%"),
    F(17, "17 percent", 17, 17, "other", [["vote", "campa", "primary", "democrat"]], NULL, [None, DH], "BA120",
      unit="%"),
    F(21, "scores of instances", 24, 99, "other", [["instance", "spending", "case", "purchase"]], HUNTER_PROS,
      [DH], "BA121", may_null=True),
    F(27, "almost a dozen", 12, 12, "other", [["relative", "family"]], HUNTER_PROS, [DH], "BA110"),
    F(27, "tens of thousands of dollars", 20000, 99999, "money", [["purchase", "item", "ticket", "food", "campaign",
                                                                  "fund", "spent"]], HUNTER_PROS, [DH], "BA111",
      unit="USD"),
    F(39, "about $60,000", 60000, 60000, "money", [["repa", "campaign", "paid back"]], HUNTER_LAWYER, [None],
      "BA112", unit="USD", note="lawyer said in March 2017, no day given"),
]
DOCS["eb17fa36_3"] = [  # HuffPost
    F(5, "more than $250,000", 250000, None, "money", DH_FUNDS, HUNTER_PROS, [DH], "BA108", unit="USD"),
    F(5, "thousands of dollars", 2000, 9999, "money", [["mall", "restaurant", "surf", "shop", "spent", "campaign",
                                                        "fund"]], HUNTER_PROS, [None, DH], "BA122", unit="USD"),
    F(9, "three tours", 3, 3, "other", [["tour", "deployment"]], NULL, [None, DH], "BA123", optional=True,
      note="count of military tours"),
    F(15, "more than $60,000", 60000, None, "money", [["repa", "campaign", "paid back"]],
      P("san diego union-tribune", "union-tribune", keys=[["union-tribune"], ["union tribune"]]), [None, DH], "BA124",
      unit="USD", may_null=True),
    F(17, "47-page", 47, 47, "other", [["page", "indictment"]], NULL, [None, DH], "BA125", optional=True,
      note="length of the indictment (Fox and NYT say 48)"),
]
CLAIMS.update({
    "BA108": "Justice Department / US attorney, indictment announced 2018-08-21: the Hunters converted (more than) $250,000 of campaign funds",
    "BA109": "Fox News: a 48-page indictment",
    "BA110": "US attorney's office / indictment, 2018-08-21: travel for almost a dozen relatives",
    "BA111": "indictment / Justice Department statement, 2018-08-21: tens of thousands of dollars on smaller purchases",
    "BA112": "Hunter's lawyer(s), 2017: Hunter repaid the campaign about $60,000",
    "BA113": "NYT: allegations that Hunter spent tens of thousands of dollars on trips and tuition",
    "BA114": "allegation: a $600 airline ticket for a pet rabbit",
    "BA115": "NYT: a 48-page indictment",
    "BA116": "Gregory Vega's letter (2018-08-06): two prosecutors attended a Clinton fund-raiser",
    "BA117": "NYT (own voice): previously seven Republican-held California seats targeted",
    "BA118": "NYT (own voice): now eight Republican-held California seats targeted",
    "BA119": "NYT (own voice): Hunter won 48 percent in the primary",
    "BA120": "NYT (own voice): Campa-Najjar took 17 percent",
    "BA121": "indictment / NYT: scores of instances of personal spending",
    "BA122": "Justice Department, 2018-08-21: thousands of dollars at malls, restaurants and surf shops",
    "BA123": "HuffPost (own voice): Hunter served three tours",
    "BA124": "San Diego Union-Tribune via HuffPost: Hunter repaid more than $60,000 this year",
    "BA125": "HuffPost: a 47-page indictment",
})
AMBIGUOUS += [("BA112", "BA124"), ("BA111", "BA113")]

# ======================================================================================
# Rep. Blake Farenthold resigns, Friday 2018-04-06 (06ffda2d): all published 2018-04-06
BF = "2018-04-06"
SETTLEMENT_SRC = P("office of compliance", "congress's office of compliance", "politico",
                   keys=[["compliance"], ["politico"]])
FARENTHOLD = P("blake farenthold", "farenthold", "mr. farenthold", "mr farenthold", "rep. blake farenthold",
               keys=[["farenthold"]])
SETTLE = [["settle", "taxpayer", "harassment", "claim", "public fund"]]
REPAY = [["repa", "settle", "taxpayer", "pay back"]]
DOCS["06ffda2d_1"] = [  # Fox News
    F(13, "$84,000", 84000, 84000, "money", SETTLE, SETTLEMENT_SRC, [None, BF], "BA126", unit="USD", may_null=True),
    F(15, "$84,000", 84000, 84000, "money", REPAY, FARENTHOLD, [None], "BA127", unit="USD", may_null=True,
      note="pledge made in December 2017, no day given"),
]
DOCS["06ffda2d_2"] = [  # NYT
    F(7, "$84,000", 84000, 84000, "money", SETTLE, SETTLEMENT_SRC, [None, BF], "BA126", unit="USD", may_null=True),
    F(15, "six settlements", 6, 6, "other", [["settlement"]], SETTLEMENT_SRC, [None], "BA128", may_null=True,
      note="released in December, no day given"),
]
DOCS["06ffda2d_3"] = [  # HuffPost
    F(15, "$84,000", 84000, 84000, "money", SETTLE, SETTLEMENT_SRC, [None], "BA126", unit="USD", may_null=True,
      note="'Politico reported in December'"),
    F(19, "$84,000", 84000, 84000, "money", REPAY, FARENTHOLD, [None], "BA127", unit="USD", may_null=True),
]
CLAIMS.update({
    "BA126": "Office of Compliance disclosure / Politico report (December 2017): $84,000 of taxpayer money settled Lauren Greene's harassment claim",
    "BA127": "Farenthold (December 2017): he would repay the $84,000",
    "BA128": "Office of Compliance (December 2017): six settlements paid out since 2013",
})
