"""Number words and numerals -> values (podium.anatomy.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podium.anatomy.numbers import digit_value, find_numbers, number_value, word_value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one million", 1_000_000),
        ("a dozen", 12),
        ("forty-two", 42),
        ("one hundred and twenty thousand", 120_000),
        ("half a million", 500_000),
        ("12,000", 12_000),
        ("3.5", 3.5),
        ("1.5 million", 1_500_000),
        ("5bn", 5_000_000_000),
        ("two lakh crore", 2 * 10**12),
        ("3.5 crore", 35_000_000),
    ],
)
def test_values(text: str, value: float) -> None:
    assert number_value(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("two thirds of them", "fraction", 2 / 3),
        ("risen tenfold", "multiplier", 10),
        ("twice as many", "multiplier", 2),
        ("three times more", "multiplier", 3),
        ("hundreds of thousands of people", "vague", 100_000),
        ("the 21st century", "ordinal", 21),
    ],
)
def test_kinds(text: str, kind: str, value: float) -> None:
    (num,) = find_numbers(text)
    assert (num.kind, num.value) == (kind, pytest.approx(value))


def test_ranges_are_two_numbers() -> None:
    assert [n.value for n in find_numbers("300 or 400")] == [300, 400]
    assert [n.value for n in find_numbers("two and three")] == [2, 3]


def test_identifiers_and_verses_are_not_numbers() -> None:
    assert find_numbers("F-15 jets") == []
    assert find_numbers("(110:1-3)") == []
    assert find_numbers("twice, and again") == []


@given(st.integers(min_value=0, max_value=10**12))
def test_formatted_integers_round_trip(n: int) -> None:
    text = f"{n:,}"
    assert digit_value(text) == n
    (num,) = find_numbers(f"about {text} people")
    assert num.value == n


@given(st.integers(min_value=0, max_value=99_999), st.integers(min_value=0, max_value=99))
def test_decimals_round_trip(whole: int, frac: int) -> None:
    text = f"{whole}.{frac:02d}"
    assert digit_value(text) == pytest.approx(float(text))


@given(st.integers(min_value=1, max_value=999))
def test_spelled_numbers_round_trip(n: int) -> None:
    ones = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    ones += "sixteen seventeen eighteen nineteen"
    small = ones.split()
    tens = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    def spell(k: int) -> str:
        if k < 20:
            return small[k]
        if k < 100:
            return tens[k // 10] + ("-" + small[k % 10] if k % 10 else "")
        rest = k % 100
        return small[k // 100] + " hundred" + (" and " + spell(rest) if rest else "")

    assert word_value(spell(n)) == n
