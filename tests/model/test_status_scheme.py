"""The status scheme travels in packs as records; it must come back the same."""

import random

import pytest

from parksgis.model import DEFAULT_SCHEME, Status, StatusScheme


def test_records_round_trip_in_any_row_order():
    records = DEFAULT_SCHEME.to_records()
    random.Random(7).shuffle(records)  # a database hands rows back in any order
    again = StatusScheme.from_records(records)
    assert again == DEFAULT_SCHEME
    assert again.codes == ["planned", "approved", "under_construction", "completed", "in_operation",
                           "suspended"]


def test_a_custom_scheme_round_trips_with_its_labels_and_colours():
    scheme = StatusScheme([Status("design", "设计", "Design", "#112233"),
                           Status("built", "建成", "Built", "#445566")])
    again = StatusScheme.from_records(scheme.to_records())
    assert again == scheme and again != DEFAULT_SCHEME
    assert again["built"].label("zh") == "建成" and again["built"].label("en") == "Built"
    assert again.color("design") == "#112233" and again.order("built") == 1


def test_default_labels_are_bilingual_and_colours_distinct():
    assert DEFAULT_SCHEME["under_construction"].label("zh") == "在建"
    assert DEFAULT_SCHEME["approved"].label("en") == "Approved"
    colours = [s.color for s in DEFAULT_SCHEME]
    assert len(set(colours)) == len(colours)
    assert all(c.startswith("#") and len(c) == 7 for c in colours)


def test_features_without_a_known_status_get_the_context_colour():
    assert DEFAULT_SCHEME.color(None) == StatusScheme.NO_PROJECT_COLOR
    assert DEFAULT_SCHEME.color("nonsense") == StatusScheme.NO_PROJECT_COLOR
    assert "planned" in DEFAULT_SCHEME and "nonsense" not in DEFAULT_SCHEME


def test_duplicate_and_unknown_codes_are_refused_clearly():
    with pytest.raises(ValueError, match="status codes must be unique"):
        StatusScheme([Status("a", "甲", "A", "#000000"), Status("a", "乙", "B", "#ffffff")])
    with pytest.raises(KeyError, match="unknown status 'nonsense'; known: planned, approved"):
        DEFAULT_SCHEME["nonsense"]
