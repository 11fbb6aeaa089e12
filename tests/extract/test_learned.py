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


def test_the_measure_features_name_the_words_that_qualify_the_counted_noun():
    from newsledger.extract.numbers import find_quantities
    from newsledger.nlp import annotate

    doc = next(iter(annotate(["Rescuers found 23 injured people in the rubble."])))
    num = next(t for t in doc if t.text == "23")
    noun = num.head
    q = next(q for q in find_quantities(doc.text) if q.text == "23")
    features = learned.measure_features(num, noun, q, num.sent, "wounded", ["people"])
    assert features.get("mod=injure", features.get("mod=injured")) == 1.0
