"""Measures in disaster and war coverage; sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from newsledger.model import Article
from newsledger.pipeline import analyse


def _measure(text, words):
    (result,) = list(analyse([Article(doc="t", text=text, published=dt.date(2025, 3, 12))]))
    found = {m.figure.text: m.figure.measure for m in result.mentions}
    assert words in found, found
    return found[words]


@pytest.mark.parametrize("text, words, measure", [
    ("About 2,000 relief workers were flown to the coast.", "About 2,000", "deployed"),
    ("The operation drew 1,200 rescue workers from three provinces.", "1,200", "deployed"),
    ("Officials said 300 rescuers combed the rubble overnight.", "300", "deployed"),
    ("The storm left 30,000 people homeless.", "30,000", "displaced"),
    ("The blaze has burned 2,000 acres of brush since Tuesday.", "2,000 acres", "other"),
    ("The army said it had captured 400 square kilometres of land.", "400 square kilometres", "territory"),
])
def test_measure(text, words, measure):
    assert _measure(text, words) == measure
