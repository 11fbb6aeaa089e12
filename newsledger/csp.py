"""The Content-Security-Policy of every page newsledger writes or serves.

The pages show text written by strangers. Escaping keeps it from becoming markup; the policy
is the second wall, should an escape ever be missed: no script of any kind, nothing loaded
from anywhere, and the one inline style block allowed by its hash (an injected ``<style>``
or ``style=`` is refused). It imports nothing from the package: the report and the web app
both use it.
"""
from __future__ import annotations

import base64
import hashlib


def source_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline ``<style>`` or ``<script>``."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(css: str) -> str:
    """For a page with no script whose only style is ``<style>{css}</style>``. It may be given
    in a ``<meta http-equiv>``: directives browsers ignore there are left to ``header_policy``."""
    return "; ".join([
        "default-src 'none'",
        f"style-src {source_hash(css)}",
        "base-uri 'none'",
        "form-action 'self'",
    ])


def header_policy(css: str) -> str:
    """``policy`` plus what only works as an HTTP header: no other site may frame the page."""
    return policy(css) + "; frame-ancestors 'none'"
