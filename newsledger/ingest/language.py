"""Which language an article is written in, as an ISO 639-1 code.

Only English articles go through figure extraction for now; the rest are still stored and
listed, so a wrong "not English" costs a whole article. That is why a page's own declaration
only wins when the text is too short or too ambiguous for the statistical guess.
"""
from __future__ import annotations

import functools

# Below this many characters py3langid guesses from a handful of words; trust the page instead.
MIN_CHARS = 80
# py3langid's normalised probability above which the text outvotes the page's declaration:
# templates often declare lang="en" on pages written in another language.
CONFIDENT = 0.9


@functools.lru_cache(maxsize=1)
def _identifier():
    # Loading the model takes a noticeable fraction of a second: do it once, and only if needed.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def normalise(code: str | None) -> str | None:
    """'en-US', 'EN_gb', 'en' -> 'en'; anything that is not a two-letter code -> None."""
    if not code:
        return None
    head = code.strip().replace("_", "-").split("-")[0].lower()
    return head if len(head) == 2 and head.isalpha() else None


def detect_language(text: str, hint: str | None = None) -> str | None:
    """The article's language: the text's when it is clear, else the declared ``hint``."""
    declared = normalise(hint)
    sample = text[:5000]
    if len(sample.strip()) < MIN_CHARS:
        return declared
    lang, prob = _identifier().classify(sample)
    if declared and declared != lang and prob < CONFIDENT:
        return declared
    if not declared and lang != "en" and prob < CONFIDENT:
        return None  # an unsure "not English" would cost the article its figures: leave it unknown
    return lang
