"""Time expressions normalised against the document date (podium.anatomy.times)."""

from __future__ import annotations

import pytest

from podium.anatomy.dates import parse_anchor
from podium.anatomy.times import find_times

ANCHOR = parse_anchor("2025-10-14")


def times(text: str, anchor: str | None = "2025-10-14") -> list[tuple[str, str, object, bool]]:
    return [
        (text[h.start : h.end], h.kind, h.iso, h.resolved) for h in find_times(text, parse_anchor(anchor))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a frontier agreed 75 years ago.", ("75 years ago", "date", "1950", True)),
        # "last <month>" is the most recent one at least two months before the document's (October 2025)
        ("Last September, the army came.", ("Last September", "date", "2024-09", True)),
        ("Last August, the army came.", ("Last August", "date", "2025-08", True)),
        ("Last November, the army came.", ("Last November", "date", "2024-11", True)),
        (
            "Since 2011, Karsten has voted.",
            ("Since 2011", "interval", {"start": "2011", "end": "2025-10-14"}, True),
        ),
        (
            "In the past forty years or so, we signed.",
            ("the past forty years or so", "interval", {"start": "1985", "end": "2025-10-14"}, True),
        ),
        ("For a year and some months, we lived.", ("For a year and some months", "duration", "P1Y", True)),
        (
            "Within ninety days, we will open it.",
            ("Within ninety days", "interval", {"start": "2025-10-14", "end": "2026-01-12"}, True),
        ),
        ("on 14 October 2025, today", ("14 October 2025", "date", "2025-10-14", True)),
        ("shelled the town at 6 p.m.", ("6 p.m.", "time_of_day", "T18:00", True)),
        ("the summer of 2022", ("the summer of 2022", "date", "2022-SU", True)),
        ("in the 1990s", ("1990s", "interval", {"start": "1990", "end": "1999"}, True)),
    ],
)
def test_normalised(text: str, expected: tuple[str, str, object, bool]) -> None:
    assert times(text)[0] == expected


def test_three_months_take_the_year_of_last_september() -> None:
    got = times("Last September they came; September, October and November became one long night.")
    assert [iso for _, _, iso, _ in got] == ["2024-09", {"start": "2024-09", "end": "2024-11"}]
    got = times("Last September they came, and in October they left.", "2026-02-03")
    assert [iso for _, _, iso, _ in got] == ["2025-09", "2025-10"]


def test_unresolved_kept_with_a_flag() -> None:
    assert times("during the war they fled") == [("during the war", "event", None, False)]
    assert times("The next morning, the villages were bombed.") == [
        ("The next morning", "relative", None, False)
    ]
    assert times("75 years ago", anchor=None) == [("75 years ago", "date", None, False)]
    assert times("Since 2011 and in 2011", anchor=None)[1] == ("2011", "date", "2011", True)


def test_not_times() -> None:
    assert times("May God bless you.") == []
    assert times("We lost 2000 soldiers.") == []
    assert times("a million barrels a day") == []


def test_tense_picks_the_year_of_a_bare_date() -> None:
    assert times("The minister will attend from June 3 to June 5.", "2024-05-20")[0][2] == {
        "start": "2024-06-03",
        "end": "2024-06-05",
    }
    assert times("That attack on April 1 killed seven.", "2024-04-19")[0][2] == "2024-04-01"
