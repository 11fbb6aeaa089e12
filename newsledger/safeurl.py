"""Which URLs may become a link.

An article's URL comes from whoever wrote the page, the feed or the JSONL line, so it is
hostile input like any other field: ``javascript:``, ``data:`` or ``vbscript:`` in an
``href`` runs or opens content on a click. Only absolute http(s) addresses are linked;
everything else is shown as text. Both the offline report and the web app use this, so the
rule lives once, beneath both (it imports nothing from the package).
"""
from __future__ import annotations

import re
from html import escape
from urllib.parse import urlsplit

# Browsers drop tabs and newlines inside a URL and trim controls around it ("java\tscript:"
# is javascript:); a backslash counts as a slash in http URLs. Rather than copy the browser's
# repairs, refuse any URL that would need one.
_UNSAFE_CHAR = re.compile(r"[\x00-\x20\x7f\\]")
# Long enough for any real article address; a longer one is junk, not worth an attribute.
MAX_URL = 4096
# An address that is not linked is shown only this far: a 1 MB data: URL is not worth reading.
SHOWN = 200


def http_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http or https address with a host, else ``None``."""
    if not url or len(url) > MAX_URL or _UNSAFE_CHAR.search(url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # "http://[::1" and other malformed hosts
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or not url.lower().startswith(("http://", "https://")):
        return None
    return url


def link_html(url: str | None, label: str) -> str:
    """``label`` linked to ``url``; when ``url`` may not be linked, ``label`` followed by the
    address as escaped text, so the reader still sees what the article claimed."""
    safe = http_url(url)
    if safe is not None:
        return f'<a href="{escape(safe)}" rel="noreferrer noopener">{escape(label)}</a>'
    if not url:
        return escape(label)
    shown = url if len(url) <= SHOWN else url[:SHOWN] + "…"
    return (f'{escape(label)} <span class="unlinked" title="not an http(s) address, so not linked">'
            f'{escape(shown)}</span>')
