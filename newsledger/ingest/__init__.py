"""Readers: one module per source kind, each turning its input into ``Article`` records.

``iter_articles`` walks the user's inputs (files, folders, URLs) and yields ``Article`` or
``Problem`` records, never raising for a bad input: one bad file must not stop the rest.
"""
from __future__ import annotations

from .dispatch import iter_articles

__all__ = ["iter_articles"]
