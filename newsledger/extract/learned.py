"""Learned decisions about a figure: features of its context and a linear model over them.

The rules in ``figures.py`` decide a figure's measure from the words that govern it; on crisis
coverage their special cases kept failing in new ways. Here the same evidence — the rules' own
answer, the counted noun, the governing words, the cue words around the figure — becomes a
sparse feature vector, and a multinomial logistic regression trained on every hand-annotated
figure (``python -m tests.devset.learn``) weighs it. The weights ship as JSON inside the package
(small, diffable, no pickle and no download at run time); scoring is a dot product, so running
the model needs no scikit-learn — only training does.

A model file says whether it is in use (``"use": true``): the trainer sets that from the
leave-one-event-out comparison with the rules, so the learned decision ships only where it wins.
"""
from __future__ import annotations

import functools
import json
import math
import pathlib

from ..nlp import lemma
from .lexicon import CUE_GROUPS, MEASURE_LEMMAS, PEOPLE_NOUNS, PERSONNEL, SECURITY

MODEL_DIR = pathlib.Path(__file__).resolve().parent / "models"
WINDOW = 6

_CUE_OF = {lem: group for group, lems in CUE_GROUPS.items() for lem in lems}
_MEASURE_OF = {lem: m for m, lems in MEASURE_LEMMAS.items() for lem in lems}


def measure_features(num, noun, q, sent, rule: str, governing: list[str]) -> dict[str, float]:
    """Sparse features of one figure for the measure decision. `governing` are the lemmas of what
    befell the counted noun, nearest first (figures._governing_lemmas)."""
    f: dict[str, float] = {"bias": 1.0, f"rule={rule}": 1.0}
    unit = q.unit
    f["unit=" + ("none" if unit is None else "pct" if unit in {"%", "fraction"} else
                 "area" if unit in {"km2", "acre", "hectare"} else "money")] = 1.0
    if q.vague:
        f["vague"] = 1.0
    if q.bound:
        f["bound=" + q.bound] = 1.0
    if noun is not None:
        lem = lemma(noun)
        f["noun=" + lem] = 1.0
        if lem in PERSONNEL or noun.lower_.rstrip("s") in PERSONNEL:
            f["noun:personnel"] = 1.0
        if lem in SECURITY:
            f["noun:security"] = 1.0
        if lem in _CUE_OF:
            f["noun:" + _CUE_OF[lem]] = 1.0
        for c in noun.children:
            # "23 injured people", "the rescue teams": words that qualify the counted noun
            if c.dep_ in {"amod", "compound"} and not c.like_num:
                f["mod=" + lemma(c)] = 1.0
    else:
        f["noun=NONE"] = 1.0
    for rank, lem in enumerate(governing[:6]):
        w = 1.0 / (1 + rank)
        f["gov=" + lem] = max(f.get("gov=" + lem, 0.0), w)
        if lem in _MEASURE_OF:
            key = "govm=" + _MEASURE_OF[lem]
            f[key] = max(f.get(key, 0.0), w)
        if lem in _CUE_OF:
            key = "govc=" + _CUE_OF[lem]
            f[key] = max(f.get(key, 0.0), w)
    doc = num.doc
    lo, hi = max(sent.start, num.i - WINDOW), min(sent.end, num.i + WINDOW + 1)
    for t in doc[lo:hi]:
        if t.i == num.i or t.is_punct or t.is_stop or t.like_num:
            continue
        side = "L" if t.i < num.i else "R"
        lem = lemma(t)
        f[f"win{side}={lem}"] = 1.0
        if lem in _MEASURE_OF:
            f[f"winm{side}=" + _MEASURE_OF[lem]] = 1.0
        if lem in _CUE_OF:
            f[f"winc{side}=" + _CUE_OF[lem]] = 1.0
    for t in sent:
        lem = lemma(t)
        if lem in _MEASURE_OF:
            f["sentm=" + _MEASURE_OF[lem]] = 1.0
        if lem in _CUE_OF:
            f["sentc=" + _CUE_OF[lem]] = 1.0
    return f


class LinearModel:
    """Multinomial logistic regression read from JSON: {classes, weights: {class: {feature: w}},
    bias: {class: b}, use}."""

    def __init__(self, spec: dict):
        self.classes: list[str] = spec["classes"]
        self.weights: dict[str, dict[str, float]] = spec["weights"]
        self.bias: dict[str, float] = spec["bias"]
        self.use: bool = bool(spec.get("use", False))
        self.spec = spec

    def scores(self, features: dict[str, float]) -> dict[str, float]:
        return {c: self.bias[c] + sum(self.weights[c].get(k, 0.0) * v for k, v in features.items())
                for c in self.classes}

    def predict(self, features: dict[str, float]) -> tuple[str, float]:
        """The best class and its probability."""
        s = self.scores(features)
        top = max(s.values())
        z = sum(math.exp(v - top) for v in s.values())
        best = max(self.classes, key=lambda c: (s[c], c))
        return best, 1.0 / z


@functools.lru_cache(maxsize=None)
def load(name: str) -> LinearModel | None:
    """The shipped model `name` (models/<name>.json), or None when there is none."""
    path = MODEL_DIR / f"{name}.json"
    if not path.exists():
        return None
    return LinearModel(json.loads(path.read_text(encoding="utf-8")))


# -- which noun phrase a figure counts ------------------------------------------------------------

# People, and the things a crisis count is most often of; a people-by-nationality noun ("Britons")
# is read from its entity type, not listed.
_PEOPLE_NOUNS = PEOPLE_NOUNS | {"casualty", "body", "dead", "injured", "wounded", "case", "death", "house", "home",
                                "building"}


def _relation(root, num) -> str:
    if root.i == num.i:
        return "self"
    if num.head.i == root.i:
        return "num-head"
    if root.head.i == num.i:
        return "num-child:" + root.dep_
    if root.head.i == num.head.i:
        return "sibling:" + root.dep_
    if root.head.head.i == num.i:
        return "num-grandchild"
    if num.head.head.i == root.i:
        return "num-grandhead"
    return "far"


def subject_candidate_features(root, num, measure: str, rule: bool, text: str) -> dict[str, float]:
    """Features of one noun phrase (its root token) as what the figure counts."""
    f: dict[str, float] = {"bias": 1.0, "measure=" + measure: 1.0}
    if rule:
        f["rule"] = 1.0
        f["rule&measure=" + measure] = 1.0
        f["rule_words=" + str(min(len(text.split()), 6))] = 1.0
        return f
    lem = lemma(root)
    rel = _relation(root, num)
    f["rel=" + rel] = 1.0
    f["dep=" + root.dep_] = 1.0
    f["lemma=" + lem] = 1.0
    f["side=" + ("L" if root.i < num.i else "R")] = 1.0
    dist = abs(root.i - num.i)
    f["dist=" + ("1" if dist <= 1 else "2-3" if dist <= 3 else "4-7" if dist <= 7 else "8+")] = 1.0
    if root.ent_type_:
        f["ent=" + root.ent_type_] = 1.0
    if lem in _PEOPLE_NOUNS or root.ent_type_ == "NORP":
        f["people_noun"] = 1.0
        f["people_noun&measure=" + measure] = 1.0
    if lem in _MEASURE_OF:
        f["measure_word=" + _MEASURE_OF[lem]] = 1.0
    if lem in PERSONNEL:
        f["personnel"] = 1.0
    if root.head.lemma_.lower() == "be" or root.dep_ == "attr":
        f["copula"] = 1.0
    return f
