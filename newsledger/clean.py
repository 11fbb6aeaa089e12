"""Page furniture out, article in — as spans over the original text.

The cleaner never builds a new string that loses the mapping: it classifies each line of the
original text (body, heading, title, furniture, blank), and ``masked_text`` blanks the
furniture with spaces so that the annotated text has exactly the original offsets.

Rules are about the *shape* of web furniture (widgets, share buttons, credits, bios, captions,
date stamps, repeated lines), not any outlet's wording. trafilatura does this job for HTML; for
text that was already flattened there is no structure left to use, hence these line rules.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from .model import Line

# Lines made only of interface words: menus, widgets, buttons, section labels.
_UI_WORDS = {
    "settings", "close", "menu", "search", "share", "print", "email", "mail", "comments", "comment",
    "subscribe", "login", "log", "in", "sign", "up", "register", "advertisement", "advertising",
    "sponsored", "related", "stories", "story", "top", "go", "letter", "newsletter", "more",
    "read", "next", "previous", "back", "home", "font", "size", "font-size", "facebook", "twitter",
    "x", "kakao", "whatsapp", "linkedin", "telegram", "reddit", "link", "copy", "button", "buttons",
    "tweet", "pin", "follow", "us", "on", "skip", "to", "content", "main", "toggle", "navigation",
    "listen", "audio", "video", "photo", "photos", "gallery", "view", "all", "most", "popular",
    "latest", "news", "trending", "save", "bookmark", "the", "and", "this", "article", "page",
    "cookie", "cookies", "accept", "ad", "ads", "feedback", "tags", "topics", "world",
    "for", "our", "your", "free", "daily", "weekly", "get", "now", "here", "click", "app", "download",
    "newsletters", "privacy", "policy", "terms", "contact", "about", "rights", "reserved", "min",
    "continue", "reading", "show", "hide", "caption", "image", "source", "expand", "collapse",
}
# Lines that introduce another page, or time stamps and reading times of the page itself.
_TEASER = re.compile(r"^(read more|also read|read also|related|see also|watch|listen|more on this story|"
                     r"recommended|you may also like|most read|editor'?s picks?)\s*[:|»›>-]", re.I)
_STAMP = re.compile(r"^(\d+\s+(min|mins|minutes?|hours?|days?)\s+(ago|read)|updated\s+\d+\s+\w+\s+ago"
                    r"|listen to this article.*|all rights reserved\.?|image (caption|source|copyright).*)$", re.I)
# a widget names the button: "Facebook share button", "Share this article", "font-size"
_SHARE = re.compile(r"\b(share|tweet|print|e-?mail)\b.*\b(button|this|article|icon|story|page)\b|font[- ]?size", re.I)
_CREDIT = re.compile(r"^\s*((source|sources|credit|credits|photo|image|picture)\s*:|(edited by|written by|"
                     r"reporting by|additional reporting by|copyright|©)\b)", re.I)
_PHOTO_CREDIT = re.compile(r"(/\s*photo\s*:|\bphoto\s*:|\(photo\b|\bphoto credit\b|\bgetty images\b|"
                           r"\((AP|AFP|EPA|Reuters|Getty)\s+(Photo|Images?)\b|"
                           r"[.,/(|-]\s*(AP|AFP|EPA|Reuters|Yonhap|Xinhua|Anadolu)(-[A-Z][a-z]+)?\)?\s*$|"
                           r"/\s*(AP|AFP|EPA|Reuters)\b)", re.I)
_BIO = re.compile(r"\b(I|I'm|I am|my)\b.*\b(journalis\w*|writer|editor|reporter|correspondent|stories|"
                  r"news|freelance|columnist)\b", re.I)
_BYLINE = re.compile(r"^\s*([Bb]y|[Ww]ritten by|[Pp]osted by|[Uu]pdated|[Pp]ublished|[Ll]ast updated)(\s+on)?:?\s+"
                     r"([A-Z][a-z]+\s+[A-Z]|\d|(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))")
_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec").split()
_MONTH_RE = r"(?:" + "|".join(_MONTHS) + r")\.?"
_DATE_LINE = re.compile(
    rf"^\s*(date\s+)?(\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH_RE}\s+\d{{4}})"
    rf"(\s+[\d:]+\s*(am|pm|gmt|utc|kst|est)?)?(\s+[A-Z][A-Za-z]*)?\s*$", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


# Every boundary str.splitlines() breaks at, not only \r and \n: a line must end before its break.
_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip(_BREAKS)  # one break ("\r\n" counts as one) ends each raw line
        spans.append((pos, pos + len(content)))
        pos += len(raw)
    return spans


def _is_furniture(line: str, repeated: bool, near_end: bool) -> bool:
    s = line.strip()
    if not s:
        return False
    words = _WORD.findall(s)
    if not words:
        return True  # "-2", "+1", "•", "0": no words at all
    stripped = s.lstrip("•·-*–|> \t")
    if len(words) <= 6 and all(w.lower().strip("'’") in _UI_WORDS for w in words):
        return True
    if len(words) <= 6 and _SHARE.search(stripped) and not stripped.endswith((".", "”", '"')):
        return True
    if "ⓕ" in s or "©" in s:
        return True
    if _CREDIT.match(stripped) and len(words) <= 12:
        return True
    if _DATE_LINE.match(s):
        return True
    if (_TEASER.match(stripped) and len(words) <= 25) or _STAMP.match(stripped):
        return True
    if _BYLINE.match(stripped) and len(words) <= 8 and not stripped.endswith("."):
        return True
    if _PHOTO_CREDIT.search(s) and len(words) <= 60 and not re.search(r"\b(said|says|told)\b", s):
        return True
    quoted = re.search(r"[“”\"]|\b(said|says|told)\b", s) is not None
    if repeated and len(words) >= 4 and not quoted:
        return True  # a caption or teaser printed twice; the article says nothing twice verbatim
    if near_end and _BIO.search(s) and len(words) <= 80 and not quoted:
        return True
    return False


def _is_heading(line: str) -> bool:
    s = line.strip()
    words = _WORD.findall(s)
    if not words or len(words) > 20:
        return False
    # a headline may end on a quotation ("Voters 'reject EU by two to one'"), not on a full stop
    bare = s.rstrip("”\"'’)]")
    return not re.search(r"[.,!?:;]$", bare) or (len(words) <= 4 and not s.endswith("."))


def classify_lines(text: str) -> list[Line]:
    spans = _line_spans(text)
    bodies = [text[a:b].strip() for a, b in spans]
    counts = Counter(b for b in bodies if b)
    content_lines = [i for i, b in enumerate(bodies) if b]
    last = set(content_lines[-3:])
    # a headline printed twice (the page title, then the story's own heading) is still the
    # headline: repeated, but not the caption or teaser the repeat rule is for
    top = {bodies[i] for i in content_lines[:3] if _is_heading(bodies[i])}
    # a lede printed twice at the top (a standfirst, then the story's first paragraph) is still
    # the lede: its first printing is kept, a sentence long enough to be no caption
    lede = {i for i in content_lines[:4]
            if counts[bodies[i]] > 1 and bodies.index(bodies[i]) == i and bodies[i].endswith(".")
            and len(_WORD.findall(bodies[i])) >= 12}
    lines: list[Line] = []
    for i, (a, b) in enumerate(spans):
        s = bodies[i]
        if not s:
            kind = "blank"
        elif _is_furniture(text[a:b], counts[s] > 1 and s not in top and i not in lede, i in last):
            kind = "furniture"
        elif _is_heading(s):
            kind = "heading"
        else:
            kind = "body"
        lines.append(Line(a, b, kind))
    # The title is the first heading before any body line; a word or two above it ("Politics",
    # "US support") is a section label, not the headline.
    for ln in lines:
        if ln.kind == "body":
            break
        if ln.kind == "heading" and len(_WORD.findall(text[ln.start:ln.end])) >= 3:
            ln.kind = "title"
            break
    return lines


# A page store's date stamp that runs straight into the first line of the story
# (" date 2023-10-31 The ministry said …"): the stamp is furniture, the rest of the line is not.
_LEADING_STAMP = re.compile(r"\s*date\s+\d{4}-\d{2}-\d{2}(?:[T ][\d:]+)?\s+", re.I)


# A wire dateline that opens a story's first paragraph ("KYIV, Ukraine (AP) — ", "BEIRUT, Sept 17
# (Reuters) - ", "NEW DELHI: "): a place in capitals, perhaps its country, a date and an agency
# in brackets, then a dash or colon. It is a byline of place, not part of the sentence — left in,
# the parser takes the city for the subject of "said".
_CAPS = r"[A-Z][A-Z.'’-]+"
_DATELINE = re.compile(
    rf"{_CAPS}(?:[ -]{_CAPS}){{0,3}}"                                  # KYIV, MEXICO CITY
    r"(?:,\s+[A-Z][\w.’']+(?:\s+[A-Z][\w.’']+){0,2})?"                # , Ukraine / , North Carolina
    rf"(?:,?\s+(?i:{_MONTH_RE})\s+\d{{1,2}})?"                          # , Sept 17
    r"(?:\s*\([A-Za-z][\w .&-]{0,30}\))?"                              # (AP), (Reuters)
    r"\s*(?:—|–|-{1,2}|:)\s+(?=[A-Z“\"'‘])")


def _dateline_end(text: str, start: int, end: int) -> int | None:
    m = _DATELINE.match(text, start, end)
    if m is None:
        return None
    caps = re.match(r"[A-Z.'’ -]+", m.group())
    if caps is None or sum(ch.isalpha() for ch in caps.group()) < 3:
        return None  # one capital ("A —") is a sentence, not a place
    return m.end()


def without_stamp(line: str) -> str:
    """A line without the page store's date stamp it may begin with."""
    m = _LEADING_STAMP.match(line)
    return line[m.end():] if m else line


def masked_text(text: str, lines: list[Line]) -> str:
    """The text with furniture blanked by spaces: same length, same offsets."""
    chars = list(text)
    for ln in lines:
        if ln.kind == "furniture":
            for i in range(ln.start, ln.end):
                chars[i] = " "
        else:
            stamp = _LEADING_STAMP.match(text, ln.start, ln.end)
            start = stamp.end() if stamp else ln.start
            dateline = _dateline_end(text, start, ln.end) if ln.kind == "body" else None
            for i in range(ln.start, dateline or start):
                chars[i] = " "
    return "".join(chars)


def body_text(text: str, lines: list[Line]) -> str:
    """The article as a reader sees it: kept lines in order, blank lines collapsed."""
    out: list[str] = []
    for ln in lines:
        if ln.kind == "furniture":
            continue
        if ln.kind == "blank":
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(text[ln.start:ln.end])
    return "\n".join(out).strip("\n")


def title_of(text: str, lines: list[Line]) -> str | None:
    for ln in lines:
        if ln.kind == "title":
            return text[ln.start:ln.end].strip()
    return None


_MONTH_NUM = {m: i for i, m in enumerate(_MONTHS[:12], 1)}
_MONTH_NUM.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                   "sept": 9, "oct": 10, "nov": 11, "dec": 12})


def stamped_date(text: str, lines: list[Line]) -> dt.date | None:
    """A publication date printed as a stamp in the page furniture near the top, if any."""
    for ln in lines[:12]:
        if ln.kind != "furniture":
            continue
        s = text[ln.start:ln.end]
        m = re.search(r"(\d{4})-(\d{2})-(\d{2})", s)
        try:
            if m:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            m = re.search(rf"({_MONTH_RE})\s+(\d{{1,2}}),?\s+(\d{{4}})", s, re.I)
            if m:
                return dt.date(int(m[3]), _MONTH_NUM[m[1].lower().rstrip(".")], int(m[2]))
        except (ValueError, KeyError):
            continue
    return None
