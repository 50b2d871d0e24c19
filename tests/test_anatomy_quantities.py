"""Quantities: value, unit, approximation, ranges, rates, multipliers, and look-alikes left out."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podium.anatomy.quantities import find_quantities


def one(text: str) -> tuple[str, dict[str, object]]:
    (hit,) = find_quantities(text)
    return text[hit.start : hit.end], hit.attrs


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "approx"),
    [
        ("Israel has bombed over 300 locations in Syria.", "over 300 locations", 300, "locations", ">"),
        ("bombing more than 300 locations", "more than 300 locations", 300, "locations", ">"),
        ("nearly 40 percent of the population", "nearly 40 percent", 40, "percent", "<"),
        ("some 12,000 families live in tents", "some 12,000 families", 12000, "families", "~"),
        ("a dozen field hospitals, and", "a dozen field hospitals", 12, "field hospitals", "="),
        ("Forty-two people were killed", "Forty-two people", 42, "people", "="),
        ("two thirds of those families", "two thirds of those families", 2 / 3, "families", "="),
        ("we have 300 locations or so", "300 locations or so", 300, "locations", "~"),
    ],
)
def test_counts(text: str, span: str, value: float, unit: str, approx: str) -> None:
    got, attrs = one(text)
    assert got == span
    assert attrs["value"] == pytest.approx(value)
    assert (attrs["unit"], attrs["approx"]) == (unit, approx)


def test_range_money_rate_multiplier() -> None:
    _, attrs = one("damage at between 5 and 7 billion dollars.")
    assert (attrs["value"], attrs["value_max"], attrs["currency"], attrs["kind"]) == (
        5e9,
        7e9,
        "USD",
        "money",
    )
    _, attrs = one("Bombing 300 or 400 locations is no small matter.")
    assert (attrs["value"], attrs["value_max"], attrs["approx"]) == (300, 400, "~")
    span, attrs = one("close to one million barrels a day to the ports")
    assert span == "close to one million barrels a day"
    assert (attrs["value"], attrs["unit"], attrs["rate_per"], attrs["approx"]) == (1e6, "barrels", "day", "<")
    _, attrs = one("insurance costs have risen tenfold.")
    assert (attrs["kind"], attrs["multiplier"]) == ("multiplier", 10)
    _, attrs = one("They pay no more than $35 a month.")
    assert (attrs["value"], attrs["currency"], attrs["approx"], attrs["rate_per"]) == (
        35,
        "USD",
        "<",
        "month",
    )


def test_ordinals_are_kept_apart() -> None:
    _, attrs = one("for the third time this month")
    assert (attrs["kind"], attrs["value"]) == ("ordinal", 3)
    assert find_quantities("First of all, no one should doubt it.") == []


@pytest.mark.parametrize(
    "text",
    [
        "One must stand firm and resist.",
        "One land, one people, one law.",
        "not one step beyond it",
        "F-15 jets hovered in the sky.",
        "under Resolution 2254 and Article 51",
        "In 2011 the war began.",
        "The people have given their verdict twice, and will again.",
    ],
)
def test_things_that_only_look_like_numbers(text: str) -> None:
    assert find_quantities(text) == []


def test_masks_leave_out_verses_and_times() -> None:
    text = "The Quran says so (110:1-3) and 75 years ago they came."
    masks = [(text.index("110:1-3"), text.index("110:1-3") + 7), (text.index("75"), text.index("ago") + 3)]
    assert find_quantities(text, masks) == []


_WORDS = st.sampled_from(["the", "over", "nearly", "people", "barrels", "a day", "percent", ",", "and", "$"])


@given(st.lists(st.one_of(_WORDS, st.integers(0, 10**9).map(lambda n: f"{n:,}")), max_size=12))
def test_spans_slice_the_text(parts: list[str]) -> None:
    text = " ".join(parts)
    for hit in find_quantities(text):
        assert 0 <= hit.start < hit.end <= len(text)
        assert text[hit.start : hit.end].strip() == text[hit.start : hit.end]
        assert hit.attrs["value"] is not None


@given(st.integers(min_value=2, max_value=10**9))
def test_formatted_counts_round_trip(n: int) -> None:
    _, attrs = one(f"They destroyed {n:,} homes.")
    assert (attrs["value"], attrs["unit"]) == (n, "homes")
