"""The learned decisions: a linear model read from JSON, and the models that ship."""
from __future__ import annotations

from newsledger.extract import learned

MEASURES = {"casualties", "killed", "wounded", "captured", "missing", "deployed", "displaced", "money", "territory", "other"}


def test_a_linear_model_picks_the_class_with_the_highest_score():
    model = learned.LinearModel({"classes": ["killed", "other"], "bias": {"killed": 0.0, "other": 0.5},
                                 "weights": {"killed": {"noun=body": 2.0}, "other": {}}})
    assert model.predict({"noun=body": 1.0})[0] == "killed"
    assert model.predict({"noun=house": 1.0})[0] == "other"


def test_the_shipped_measure_model_says_whether_it_is_in_use_and_what_it_may_overrule():
    model = learned.load("measure")
    assert model is not None and set(model.classes) <= MEASURES
    assert set(model.spec["overrides"]) <= MEASURES and "money" not in model.spec["overrides"]


def test_the_shipped_subject_model_is_off_because_it_lost_to_the_rules():
    model = learned.load("subject")
    total = model.spec["comparison"]["total"]
    assert model.use == (total["learned"] > total["rules"])
