"""The text of a figure's subject, written by the extractors and read by the linker:

    who (part; part; …) [the clause's own words]

"people killed (Marlow; on Monday) [killed in the floods]": what is counted, the parts that
narrow it (place, occasion, state, side) in parentheses, then the words of the figure's own clause
in brackets — a description for the reader, never a part that series are keyed on. One module so
that the format is parsed in one place.
"""
from __future__ import annotations

import re

_CONTEXT = re.compile(r"\s*\[[^\]]*\]\s*$")


def split_context(subject: str) -> tuple[str, str]:
    """'people killed (Marlow) [killed in the floods]' -> ('people killed (Marlow)', ' [killed in the floods]')."""
    m = _CONTEXT.search(subject)
    return (subject[:m.start()], subject[m.start():]) if m else (subject, "")


def split_subject(subject: str | None) -> tuple[str, list[str]]:
    """'people killed (in Sindh; on Wednesday) […]' -> ('people killed', ['in Sindh', 'on Wednesday'])."""
    main, paren, rest = split_context((subject or "").strip())[0].strip().partition("(")
    parts = [p.strip() for p in rest.rstrip(")").split(";")] if paren else []
    return main.strip(), [p for p in parts if p]


def tell_places(words: str, places: list[str]) -> str:
    """A clause's words with the places its sentence names told after them: 'died; in Ardley, Marlow'."""
    return (words + "; " if words else "") + "in " + ", ".join(places)


def untell_places(context: str, names: set[str]) -> str:
    """A subject's bracketed description (' [died; in Ardley, Marlow]') without the places told
    after its words (``tell_places``), when every one of them is in ``names``; '' when nothing is left."""
    m = re.fullmatch(r"(\s*)\[(.*)\]", context, re.S)
    if m is None:
        return context
    head, sep, last = m.group(2).rpartition(";")
    told = last.lstrip() if sep else last
    if not told.startswith("in ") or not all(n.strip() in names for n in told[3:].split(",")):
        return context
    return f"{m.group(1)}[{head}]" if sep and head else ""
