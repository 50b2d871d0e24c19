"""The ratings table: verdict texts and numbers to the six classes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podium.factchecks.ratings import RATINGS, VERDICTS, normalise_rating


@pytest.mark.parametrize(
    ("verdict", "expected"),
    [
        # PolitiFact truth-o-meter, as in the archive and as printed on the site
        ("true", "true"),
        ("mostly-true", "mostly_true"),
        ("half-true", "mixed"),
        ("barely-true", "mostly_false"),
        ("false", "false"),
        ("pants-fire", "false"),
        ("Pants on Fire!", "false"),
        ("Half True", "mixed"),
        # flip-o-meter: not a truth verdict
        ("full-flop", "other"),
        ("half-flip", "other"),
        ("no-flip", "other"),
        # Snopes
        ("True", "true"),
        ("Mostly True", "mostly_true"),
        ("Mixture", "mixed"),
        ("Mostly False", "mostly_false"),
        ("FALSE", "false"),
        ("Miscaptioned", "false"),
        ("Misattributed", "false"),
        ("Correct Attribution", "true"),
        ("Scam", "false"),
        ("Unproven", "other"),
        ("Outdated", "other"),
        ("Legend", "other"),
        ("Labeled Satire", "other"),
        ("Satire", "other"),
        # Full Fact, AFP and others: free text
        ("Incorrect", "false"),
        ("Incorrect. The figure was 3%, not 30%.", "false"),
        ("Correct", "true"),
        ("This is correct.", "true"),
        ("This is not correct", "false"),
        ("Misleading", "mostly_false"),
        ("Missing context", "mixed"),
        ("Partly false", "mixed"),
        ("Exaggerated", "mostly_false"),
        ("Altered photo", "false"),
        ("Four Pinocchios", "false"),
        ("  “False”  ", "false"),
        # unknown
        ("We looked into it", "other"),
        ("", "other"),
        (None, "other"),
    ],
)
def test_verdict_texts(verdict: str | None, expected: str) -> None:
    assert normalise_rating(verdict) == expected


@pytest.mark.parametrize(
    ("value", "best", "worst", "expected"),
    [
        (1, None, None, "false"),
        (2, None, None, "mostly_false"),
        (3, None, None, "mixed"),
        ("4", "5", "1", "mostly_true"),
        (5, 5, 1, "true"),
        (0, 10, 0, "false"),
        (7.5, 10, 0, "mostly_true"),
        (10, 10, 0, "true"),
        (6, 5, 1, "other"),  # outside the scale
        (-1, 5, 1, "other"),
        (3, 1, 5, "other"),  # best below worst
        ("n/a", 5, 1, "other"),
        (True, 5, 1, "other"),  # a boolean is not a rating
        (float("nan"), 5, 1, "other"),
        (None, 5, 1, "other"),
    ],
)
def test_numeric_ratings(value: object, best: object, worst: object, expected: str) -> None:
    assert normalise_rating(None, value, best, worst) == expected  # type: ignore[arg-type]


def test_text_wins_over_numbers_when_recognisable() -> None:
    assert normalise_rating("False", 5, 5, 1) == "false"
    assert normalise_rating("Our verdict: see below", 5, 5, 1) == "true"


def test_every_table_entry_maps_to_a_rating_and_to_itself() -> None:
    for phrase, label in VERDICTS.items():
        assert label in RATINGS
        assert normalise_rating(phrase) == label


@given(st.one_of(st.none(), st.text(max_size=200)), st.one_of(st.none(), st.floats(), st.text(max_size=10)))
def test_never_raises(text: str | None, value: float | str | None) -> None:
    assert normalise_rating(text, value) in RATINGS


def test_wrong_types_do_not_raise() -> None:
    assert normalise_rating(["False"], {"x": 1}, [], object()) == "other"  # type: ignore[arg-type]
