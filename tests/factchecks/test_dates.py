"""Dates as archives write them, to ISO."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podium.factchecks.dates import parse_date, politifact_claim_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-10-22", "2019-10-22"),
        ("2019-10-22T10:00:00Z", "2019-10-22"),
        ("2019-10-22T23:30:00-05:00", "2019-10-22"),  # the date as written, no time-zone shift
        ("2019-10-22 10:00", "2019-10-22"),
        ("2019-10", "2019-10"),
        ("2019", "2019"),
        ("2019/10/22", "2019-10-22"),
        ("October 22, 2019", "2019-10-22"),
        ("Oct. 22, 2019", "2019-10-22"),
        ("Sept. 3, 2020", "2020-09-03"),
        ("22 October 2019", "2019-10-22"),
        ("Tuesday, October 22, 2019", "2019-10-22"),
        ("Tue, 22 Oct 2019 10:00:00 GMT", "2019-10-22"),
        ("October 2019", "2019-10"),
        ("10/11/2019", None),  # ambiguous: not guessed
        ("2019-13-01", None),
        ("February 30, 2020", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (20191022, None),
    ],
)
def test_parse_date(text: object, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stated on October 22, 2019 in a campaign mailer.:", "2019-10-22"),
        ("stated on May 3, 2011 in an interview on Fox News:", "2011-05-03"),
        ("stated on Sept. 3, 2020:", "2020-09-03"),
        ("stated on June 1, 2015 in Mayville, Wis., on March 5, 2014:", "2015-06-01"),
        ("stated in a speech", None),
        (None, None),
    ],
)
def test_politifact_claim_date(text: str | None, expected: str | None) -> None:
    assert politifact_claim_date(text) == expected


@given(st.text(max_size=300))
def test_any_text_gives_none_or_an_iso_prefix(text: str) -> None:
    for result in (parse_date(text), politifact_claim_date(text)):
        assert result is None or len(result) in (4, 7, 10)
