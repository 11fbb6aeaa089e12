"""Where each page lives: every link the site makes goes through here, escaped for a path."""
from __future__ import annotations

from urllib.parse import quote, urlencode


def _part(value: str) -> str:
    # ids and names come from articles: "/" and "?" inside them must not end the path
    return quote(value, safe="")


def doc(doc: str) -> str:
    return f"/doc/{_part(doc)}"


def figure(doc_id: str, figure_id: int) -> str:
    """The figure's highlight on its document page."""
    return f"{doc(doc_id)}#f{figure_id}"


def phrase(doc_id: str, start: int, end: int) -> str:
    """The document page with the words at [start, end) marked and scrolled to."""
    return f"{doc(doc_id)}?{urlencode({'at': f'{start}-{end}'})}#hit"


def claim(claim: str) -> str:
    return f"/claim/{_part(claim)}"


def speaker(name: str) -> str:
    return f"/speaker/{_part(name)}"


def series(series: str) -> str:
    return f"/series/{_part(series)}"


def story(story: str) -> str:
    return f"/story/{_part(story)}"


def figures(**params: str) -> str:
    pairs = {k: v for k, v in params.items() if v}
    return "/figures" + (f"?{urlencode(pairs)}" if pairs else "")
