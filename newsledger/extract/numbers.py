"""Quantity expressions in running text -> offsets and value bounds.

Pure text-to-records: ``find_quantities(text)`` returns every candidate quantity with the bounds
its words commit to (the value conventions of docs/export-format.md). Whether a candidate is a
*figure* (not a year, an age, a duration, a name) is decided later with the parse
(``figures.py``); this module only reads numbers.

Written by hand because no maintained library keeps what we need: quantulum3 and
number-parser lose the hedges ("more than", "several hundred") and the character offsets,
and spaCy's NER gives a span but no value.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "bn": 1e9, "b": 1e9, "mn": 1e6, "m": 1e6, "tn": 1e12, "trn": 1e12, "k": 1e3}
FRACTIONS = {"half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
             "one-third": 1 / 3, "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25,
             "one quarter": 0.25, "one-quarter": 0.25, "three quarters": 0.75,
             "three-quarters": 0.75, "a fifth": 0.2, "one fifth": 0.2, "one-fifth": 0.2}

# Currency markers -> ISO 4217. Prefixes are symbols or codes; suffixes are words.
CURRENCY_PREFIX = {"us$": "USD", "$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD",
                   "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "£": "GBP", "€": "EUR", "¥": "JPY",
                   "₹": "INR", "rs": "INR", "rs.": "INR", "usd": "USD", "eur": "EUR",
                   "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "rmb": "CNY", "chf": "CHF",
                   "₩": "KRW", "₽": "RUB", "₴": "UAH", "$us": "USD", "r$": "BRL", "rm": "MYR", "rp": "IDR",
                   "ksh": "KES", "ps": "GBP", "₱": "PHP", "p": "PHP"}
CURRENCY_WORDS = {"dollar": "USD", "us dollar": "USD", "pound": "GBP", "pounds sterling": "GBP",
                  "sterling": "GBP", "euro": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
                  "rupee": "INR", "rouble": "RUB", "ruble": "RUB", "won": "KRW", "hryvnia": "UAH",
                  "franc": "CHF", "swiss franc": "CHF", "peso": "MXN", "real": "BRL", "reais": "BRL",
                  "rand": "ZAR", "lira": "TRY", "shekel": "ILS", "dirham": "AED", "riyal": "SAR",
                  "naira": "NGN", "australian dollar": "AUD", "canadian dollar": "CAD"}


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    unit: str | None = None   # None | ISO currency | '%' | 'fraction'
    vague: bool = False       # "dozens", "several hundred": no exact number written
    words_only: bool = False  # written in words ("three"), not digits
    bound: str | None = None  # lower | upper | approx | range | None
    parts: tuple = ()         # a range's two amounts as (start, end) offsets: a change reads as two figures
    joiner: str = ""          # what joined a range: "between", "from", "-", "to", "or"
    times: bool = False       # "1.9 times": a ratio


_NUMWORD = r"(?:" + "|".join(sorted((k for k in UNITS if k != "zero"), key=len, reverse=True)) + r")"
_NUMWORD_FULL = rf"{_NUMWORD}(?:[- ]{_NUMWORD})?"
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
# (South Asian grouping first: "1,05,505" is 105,505, "3,00,000" is 300,000)
_DIGITS = r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:, \d{3})+(?![\d,])|\d+(?:\.\d+)?(?!,\d))"
_SUFFIX_SCALE = r"(?:bn|mn|tn|trn|m|k|b)"
# ISO codes and local symbols, case-sensitive ("TRY 5" is lira, "try 5" is not); "PS" is a "£" that
# lost its encoding on the way ("PS300m"), so it counts only glued to digits. Philippine copy
# writes the peso as a bare "P": only glued to an amount that is plainly money ("P700,000",
# "P2.5 million"), never to a short code ("P5", "P1 finish").
_ISO_CODES = ("USD|EUR|GBP|JPY|CNY|RMB|CHF|AUD|CAD|NZD|INR|MYR|SGD|HKD|ZAR|PKR|KES|NGN|BRL|MXN|RUB|TRY|SEK|NOK|DKK"
              "|KRW|IDR|THB|PHP|EGP|AED|SAR|ILS|UAH|BDT|LKR|GHS|ETB|TZS|UGX|VND|ARS|CLP|COP|PEN|QAR|KWD")
CURRENCY_PREFIX.update({code.lower(): code for code in _ISO_CODES.split("|") if code.lower() not in CURRENCY_PREFIX})
_CUR_PREFIX = (r"(?:\$US|US\$|A\$|AU\$|C\$|CA\$|HK\$|NZ\$|S\$|R\$|\$|£|€|¥|₹|₩|₽|₴"
               r"|₱\s?"
               rf"|(?-i:(?:{_ISO_CODES})\s?|RM(?=\s?\d)|Rp\.?\s?(?=\d)|KSh\s?(?=\d)|PS(?=\d)"
               r"|\bP(?=\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s(?:million|billion)\b))|(?:Rs\.?)\s?)")
_CUR_WORD = (r"(?:(?:US|Australian|Canadian|Hong Kong|New Zealand|Swiss)\s+)?"
             r"(?:dollars?|pounds?(?: sterling)?|sterling|euros?|yen|yuan|renminbi|rupees?|roubles?|rubles?"
             r"|won|hryvnias?|francs?|pesos?|reais|rand|lira|shekels?|dirhams?|riyals?|naira)")
_PERCENT = r"(?:\s?%|\s?per\s?cent\b|\s?percent\b|\s?percentage points?\b|(?-i:\s?pc)\b)"
# Speeds, lengths and weights, with the unit the export names. "m" alone stays millions.
_MEASURED_UNITS = [
    (r"miles\s+(?:per|an)\s+hour|mph", "mph"), (r"km\s?/\s?h|kph|kmh|kilomet(?:re|er)s\s+(?:per|an)\s+hour", "km/h"),
    (r"kilomet(?:re|er)s?|km", "km"), (r"miles?", "mile"), (r"met(?:re|er)s?", "m"), (r"feet|foot|ft", "ft"),
    (r"centimet(?:re|er)s?|cm", "cm"), (r"millimet(?:re|er)s?|mm", "mm"), (r"inch(?:es)?", "inch"),
    (r"tonnes?|tons?", "ton"), (r"kilograms?|kg", "kg"),
]
_MEASURED = r"(?:\s?(?:" + "|".join(p for p, _ in _MEASURED_UNITS) + r"))(?![\w/²])"


def measured_unit(words: str) -> str:
    w = _clean(words)
    return next(u for p, u in _MEASURED_UNITS if re.fullmatch(p, w, re.I))


# Areas, written out or as symbols: the unit is what the export names (km2, m2, mi2, ft2, hectare, acre)
_AREA = (r"(?:\s?(?:sq\.?\s?|square\s+)(?:km|kilomet(?:re|er)s?|m\b|met(?:re|er)s?|mi\b|miles?|ft\b|feet|foot)"
         r"|\s?(?:km2|km²|m2|m²)|\s(?:hectares?|ha|acres?))(?![\w²])")

_LOWER = r"(?:past|topped|topping|tops|exceeded|exceeds|surpassed|surpasses|surpassing|passes|crossed|crosses|more than|over|at least|upwards of|in excess of|above|exceeding|well over|just over|well above|no fewer than|no less than|not less than|a minimum of)"
_UPPER = r"(?:fewer than|less than|up to|at most|no more than|under|below|as many as|as much as|not more than|a maximum of|a maximum|just under)"
_APPROX = r"(?:some|around|about|roughly|nearly|almost|an estimated|approximately|close to|approaching|circa|an approximate|approx\.?|almost exactly|just about|the equivalent of)"
_TIME_WORDS = r"seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|the\s+(?:morning|afternoon|evening)"
_PREFIX = rf"(?:(?P<prefix>{_LOWER}|{_UPPER}|{_APPROX})\s+[\u201c\u2018\"]?)?"  # a quote may open after the hedge: more than “one hundred …

# A single amount: currency? number scale? currency-word?  ("$5.6bn", "5.6 billion. dollars",
# "12, 000", "three", "a thousand", "1,000", "£600m", "two million")
_AMOUNT = (
    rf"(?:{_CUR_PREFIX})?"
    rf"(?:{_DIGITS}(?:\s?{_SUFFIX_SCALE}\b|\s+{_SCALE_WORD}(?:\s+{_SCALE_WORD})?)?"
    # "one hundred and twenty-three thousand": British "and" after a hundred, then the scale it multiplies
    rf"|(?:{_NUMWORD_FULL}|a|one)(?:\s+hundred(?:\s+and\s+{_NUMWORD_FULL})?(?:\s+(?:thousand|million|billion|trillion))?"
    rf"|\s+{_SCALE_WORD}(?:\s+{_SCALE_WORD})?)"
    rf"|{_NUMWORD_FULL}\s+dozen|{_NUMWORD_FULL}|a dozen|another dozen|half[- ]a[- ]dozen|a half[- ]dozen|half-dozen|half a (?:million|billion))"
    rf"(?:\.?\s+{_CUR_WORD}\b|(?<=[\dbmnk])-{_CUR_WORD}\b)?"
)
_VAGUE = (
    r"(?:(?:tens|hundreds) of (?:thousands|millions|billions)"
    r"|(?:several|a few|a couple of|many|a number of)\s+(?:dozens?|hundreds?|thousands?|millions?|billions?)"
    r"(?:\s+(?:thousand|million|billion)(?=\s+(?:of\s+)?(?:dollars|pounds|euros|rand|yen|yuan|rupees|roubles|francs)\b))?"
    r"|dozens|scores(?=\s+(?:of|more|dead|killed|injured|wounded|missing|others)\b)|hundreds|thousands|millions|billions|trillions)"
    rf"(?:\s+(?:of\s+)?{_CUR_WORD}\b)?"
)
_FRACTION = r"(?:two-thirds|two thirds|three-quarters|three quarters|one-third|one-quarter|one-fifth|a third|a quarter|a fifth|a half|one half|half)"

QUANTITY_RE = re.compile(
    rf"(?<![\w$£€¥.\-/:])"
    rf"(?:"
    rf"(?P<between>between\s+(?P<b1>{_AMOUNT})(?P<b1pct>{_PERCENT})?\s+and\s+(?P<b2>{_AMOUNT})(?P<bpct>{_PERCENT})?)"
    rf"|(?P<fromto>from\s+(?P<f1>{_AMOUNT})(?P<f1pct>{_PERCENT})?\s+to\s+(?P<f2>{_AMOUNT})(?P<fpct>{_PERCENT})?)"
    rf"|(?P<ratio>(?:(?P<rprefix>{_LOWER}|{_UPPER}|{_APPROX})\s+)?(?P<q1>{_NUMWORD_FULL}|\d{{1,3}})(?:\s+|-)(?:out(?:\s+|-)of|in)(?:\s+|-)"
    rf"(?P<q2>{_NUMWORD_FULL}|(?!(?:1[89]|20)\d\d\b)\d{{1,4}}))(?!\s+(?:{_TIME_WORDS}))"
    rf"|{_PREFIX}(?:"
    rf"(?P<range>(?P<r1>{_AMOUNT})(?P<r1pct>{_PERCENT})?(?:(?:(?<=\d)|(?<=bn)|(?<=[mk%]))\s?[-–]\s?|\s+to\s+|\s+or\s+)(?P<r2>{_AMOUNT})(?P<rpct>{_PERCENT})?)"
    rf"|(?P<vague>{_VAGUE})"
    rf"|(?P<amount>{_AMOUNT})(?P<area>{_AREA})?(?P<measured>{_MEASURED})?(?P<pct>{_PERCENT})?(?P<plus>\+|-plus\b)?(?P<ormore>\s+or more\b)?(?P<orso>\s+or so\b)?(?P<times>\s+times\b)?"
    rf"|(?P<frac>{_FRACTION})(?![\w-])"
    rf"))"
    # the word goes on ("Two-thirds", "five-year"), or the number is part of another token
    # ("9/11", "24/7", "10:30"); a pence sign ("85p") is the amount's own
    rf"(?!(?!p\b)[\w]|-(?!strong\b|magnitude\b|(?:person|member|man|woman)(?:\s+[\w-]+){{0,2}}?\s+(?:team|crew|unit|contingent|delegation|squad|group|force|detachment)\b)[a-z]|[/:]\d|\s+(?:thirds|quarters|fifths|tenths)\b)",
    re.IGNORECASE,
)


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def _words_value(s: str) -> float | None:
    """'twenty-five' -> 25, 'three hundred thousand' -> 300000, 'a thousand' -> 1000."""
    s = _clean(s).replace("-", " ")
    if s in {"a dozen", "one dozen", "another dozen"}:
        return 12.0
    if s.replace("-", " ") in {"half a dozen", "a half dozen", "half dozen"}:
        return 6.0
    if s.endswith(" dozen") and _words_value(s[:-6]) is not None:
        return 12.0 * _words_value(s[:-6])  # "five dozen"
    if s.startswith("half a "):
        return 0.5 * SCALES[s.split()[-1]] if s.split()[-1] in SCALES else 6.0
    total, current = 0.0, 0.0
    seen = False
    for w in s.split():
        if w in ("a", "one") and not seen:
            current, seen = 1.0, True
        elif w in UNITS:
            current += UNITS[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * SCALES[w]
            current = 0.0
        elif w == "and":
            continue
        else:
            return None
    return total + current if seen or total else None


def parse_amount(s: str) -> tuple[float | None, str | None, bool]:
    """One amount -> (value, currency, written in words)."""
    raw = s.strip()
    low = raw.lower()
    unit = None
    m = re.match(_CUR_PREFIX, raw, re.IGNORECASE)
    if m and m.group(0):
        unit = CURRENCY_PREFIX.get(m.group(0).strip().lower().rstrip("."), None) or CURRENCY_PREFIX.get(m.group(0).strip().lower())
        raw = raw[m.end():]
        low = raw.lower()
    mw = re.search(rf"\.?(?:\s+|-)({_CUR_WORD})$", raw, re.IGNORECASE)
    if mw:
        word = _clean(mw.group(1))
        word = re.sub(r"s$", "", word) if word not in ("reais",) else word
        unit = CURRENCY_WORDS.get(word) or CURRENCY_WORDS.get(word.split()[-1].rstrip("s")) or unit
        raw = raw[: mw.start()]
        low = raw.lower()
    md = re.match(rf"({_DIGITS})\s?(.*)$", raw.strip(), re.IGNORECASE)
    if md:
        num = float(md.group(1).replace(",", "").replace(" ", ""))
        rest = _clean(md.group(2))
        for w in rest.split():
            if w in SCALES:
                num *= SCALES[w]
        return num, unit, False
    v = _words_value(low)
    return v, unit, True


AREA_UNITS = {"km2", "m2", "mi2", "ft2", "hectare", "acre"}
MEASURED_UNITS = {u for _, u in _MEASURED_UNITS}


def area_unit(words: str) -> str:
    w = _clean(words)
    if "hectare" in w or w == "ha":
        return "hectare"
    if "acre" in w:
        return "acre"
    if re.search(r"km|kilomet", w):
        return "km2"
    if re.search(r"mi", w):
        return "mi2"
    if re.search(r"ft|feet|foot", w):
        return "ft2"
    return "m2"


def _vague_bounds(s: str) -> tuple[float, float, str | None]:
    s = _clean(s)
    unit = None
    mw = re.search(rf"\s+(?:of\s+)?({_CUR_WORD})$", s, re.IGNORECASE)
    if mw:
        word = re.sub(r"s$", "", _clean(mw.group(1)))
        unit = CURRENCY_WORDS.get(word) or CURRENCY_WORDS.get(word.split()[-1])
        s = s[: mw.start()]
    m = re.match(r"(tens|hundreds) of (thousands|millions|billions)", s)
    if m:
        base = SCALES[m.group(2)[:-1]] * (10 if m.group(1) == "tens" else 100)
        return 2 * base, 9.99 * base if base >= 1e6 else 10 * base - 1, unit
    words = s.split()
    times = 1.0
    if len(words) > 2 and words[-1] in ("thousand", "million", "billion") and words[-2].rstrip("s") in SCALES:
        times = SCALES[words[-1]]  # "several hundred million": hundreds, of millions
        words = words[:-1]
    head = words[-1].rstrip("s")
    few = " ".join(words[:-1]) in ("a few", "a couple of")
    if head in ("dozen", "score"):
        return 24, 99, unit
    scale = SCALES[head] * times
    if few:
        return 2 * scale, 5 * scale, unit
    if scale >= 1e6:
        return 2 * scale, 9.99 * scale, unit
    return 2 * scale, 10 * scale - 1, unit


def _bound(prefix: str | None) -> str | None:
    if not prefix:
        return None
    p = _clean(prefix)
    if re.fullmatch(_LOWER, p):
        return "lower"
    if re.fullmatch(_UPPER, p):
        return "upper"
    return "approx"


def _apply_bound(v: float | None, bound: str | None) -> tuple[float | None, float | None]:
    if bound == "lower":
        return v, None
    if bound == "upper":
        return None, v
    return v, v


def _range(m: re.Match, a: str, b: str, pct: str | None) -> tuple[float | None, float | None, str | None, bool]:
    va, ua, wa = parse_amount(m.group(a))
    vb, ub, wb = parse_amount(m.group(b))
    if va is None or vb is None:
        return None, None, None, False
    # "5-6 million", "$5bn-$6bn": the first amount borrows the second's scale when it has none.
    bare = re.fullmatch(r"[\d.,\s]+", m.group(a).strip().lstrip("$£€")) or (wa and not re.search(_SCALE_WORD, m.group(a), re.I))
    if va < vb / 100 and bare:
        for scale in (1e12, 1e9, 1e6, 1e3):
            if vb >= scale and va * scale <= vb:
                va *= scale
                break
    unit = "%" if pct else (ua or ub)
    return min(va, vb), max(va, vb), unit, wa and wb


RESOLUTIONS = {240, 360, 480, 576, 720, 1080, 1440, 2160, 4320}
_SUBUNIT = re.compile(r"(\s+pence\b|\s?p(?![\w]|\.\w)|\s+cents?\b)", re.I)


# Written dates and clock times: their digits are never amounts ("2024-12-18" is no range 2024-12).
_DATE_OR_TIME = re.compile(r"(?<!\d)(?:\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}:\d{2})(?!\d)")


# "magnitude-7.6": the hyphen that keeps other numbers out of words ("COVID-19") joins a scale here
_MAGNITUDE = re.compile(r"(?<=magnitude-)\d(?:\.\d)?(?![\w.])", re.I)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text` with its bounds, none of them inside a written date or time."""
    dates = [(m.start(), m.end()) for m in _DATE_OR_TIME.finditer(text)]
    found = [q for q in _quantities(text) if not any(q.start < e and s < q.end for s, e in dates)]
    for m in _MAGNITUDE.finditer(text):
        v = float(m.group(0))
        found.append(Quantity(m.start(), m.end(), m.group(0), v, v))
    return sorted(found, key=lambda q: q.start)


def _quantities(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in QUANTITY_RE.finditer(text):
        span_text = m.group(0)
        if not span_text.strip() or not re.search(r"[\w$£€]", span_text):
            continue
        start, end = m.start(), m.end()
        bound = _bound(m.group("prefix"))
        q: Quantity | None = None
        if m.group("between") or m.group("fromto") or m.group("range"):
            a, b, pct = (("b1", "b2", "bpct") if m.group("between") else
                         ("f1", "f2", "fpct") if m.group("fromto") else ("r1", "r2", "rpct"))
            lo, hi, unit, words = _range(m, a, b, m.group(pct))
            if lo is None:
                continue
            first_pct = m.group(a + "pct")
            a_end = m.end(a + "pct") if first_pct else m.end(a)
            cur_a = re.match(_CUR_PREFIX, m.group(a).strip(), re.I) is not None or re.search(_CUR_WORD + r"\s*$", m.group(a), re.I)
            cur_b = re.match(_CUR_PREFIX, m.group(b).strip(), re.I) is not None or re.search(_CUR_WORD + r"\s*$", m.group(b), re.I)
            scale = re.compile(rf"\d\s?{_SUFFIX_SCALE}\b|{_SCALE_WORD}", re.I)
            sc_a, sc_b = bool(scale.search(m.group(a))), bool(scale.search(m.group(b)))
            # "$5 to 6bn" shares a currency and a scale; "£808m to 8,177" has nothing to share
            va, _, _ = parse_amount(m.group(a))
            # "six or seven million pounds" shares both; "from 8,177 to £808m" is two kinds
            mixed = (cur_a and not cur_b and sc_a and not sc_b) or \
                (cur_b and not cur_a and sc_b and not sc_a and (va is None or va >= 1000))
            if mixed or bool(first_pct) != bool(m.group(pct)) and (first_pct or unit not in (None, "%")):
                # "jumped 76% to $1.13bn", "from £1bn to 8,177 cases": two kinds of figure
                for x, y in ((m.start(a), a_end), (m.start(b), m.end(pct) if m.group(pct) else m.end(b))):
                    for part in find_quantities(text[x:y]):
                        part.start, part.end = part.start + x, part.end + x
                        out.append(part)
                        break
                continue
            if bound == "approx":
                bound = None
            q = Quantity(start, end, span_text, lo, hi, unit, words_only=words, bound=bound or "range",
                         parts=((m.start(a), a_end), (m.start(b), m.end(b))),
                         joiner="between" if m.group("between") else "from" if m.group("fromto") else
                         ("-" if re.match(r"\s?[-–]", text[a_end:m.start(b)]) else text[a_end:m.start(b)].strip().lower()))
            if bound == "lower":
                q.high = None
            elif bound == "upper":
                q.low = None
        elif m.group("ratio"):
            bound = _bound(m.group("rprefix"))
            a, _, _ = parse_amount(m.group("q1"))
            b, _, _ = parse_amount(m.group("q2"))
            if not a or not b or a >= b:
                continue
            v = round(a / b, 4)
            lo, hi = _apply_bound(v, bound)
            q = Quantity(start, end, span_text, lo, hi, "fraction", bound=bound)  # "one in 13", "eight out of 10"
        elif m.group("vague"):
            lo, hi, unit = _vague_bounds(m.group("vague"))
            if bound == "lower":
                hi = None
            elif bound == "upper":
                lo = None
            q = Quantity(start, end, span_text, lo, hi, unit, vague=True, bound=bound)
        elif m.group("frac"):
            v = FRACTIONS[_clean(m.group("frac"))]
            lo, hi = _apply_bound(v, bound)
            q = Quantity(start, end, span_text, lo, hi, "fraction", words_only=True, bound=bound)
        else:
            v, unit, words = parse_amount(m.group("amount"))
            if v is None:
                continue
            if m.group("pct"):
                unit = "%"
            if m.group("area"):
                unit = area_unit(m.group("area"))
            elif m.group("measured") and unit is None and not re.search(r"\d\s?m$", m.group("amount")):
                unit = measured_unit(m.group("measured"))
            if m.group("plus") or m.group("ormore"):
                bound = "lower"
            if m.group("orso"):
                bound = "approx"  # "40 or so members"
            if m.group("prefix") and re.search(r"\b(?:anything|nothing|something)\s+$", text[max(0, start - 12):start], re.I):
                # "refused to accept anything less than $5.7bn": the figure is the $5.7bn asked for
                bound, start, span_text = None, m.start("amount"), m.group("amount")
            lo, hi = _apply_bound(v, bound)
            q = Quantity(start, end, span_text, lo, hi, unit, words_only=words, bound=bound,
                         times=bool(m.group("times")))
        if q is not None:
            # a trailing space or '.' swallowed by optional groups is not part of the figure
            while q.end > q.start and text[q.end - 1] in " .,":
                q.end -= 1
            q.text = text[q.start:q.end]
            stop = re.search(r"\.\s+[A-Z]", q.text)
            if stop:  # "5 billion. Dollar weakness…": a new sentence, not "5.6 billion. dollars"
                out += [dataclasses.replace(p, start=p.start + q.start, end=p.end + q.start)
                        for p in find_quantities(text[q.start:q.start + stop.start()])[:1]]
                continue
            cur = re.match(rf"[\"”’']\s+of\s+({_CUR_WORD})\b", text[q.end:q.end + 40], re.I)
            if cur and q.unit is None:  # '"hundreds of millions" of pounds': the quote ends before the currency
                word = re.sub(r"s$", "", _clean(cur.group(1)))
                q.unit = CURRENCY_WORDS.get(word) or CURRENCY_WORDS.get(word.split()[-1])
            sub = _SUBUNIT.match(text, q.end)
            if sub and sub.group(1).strip().lower() == "p" and q.low in RESOLUTIONS:
                sub = None  # "1080p", "720p": a screen's lines, not pence
            if sub and q.unit is None and not q.vague and q.low is not None and q.low == q.high:
                # "four pence", "17 cents": money, written in the main currency unit
                q.unit = "GBP" if sub.group(1).strip().lower().startswith("p") else "USD"
                q.low = q.high = q.low / 100
                q.end = sub.end()
                q.text = text[q.start:q.end]
            out.append(q)
    return out
