"""Names in a Title Case headline checked against the body (``podium.actors.headlines``). Texts written for
these tests."""

from __future__ import annotations

import pytest

from podium.actors.headlines import title_case
from tests.actors_helpers import analyse, mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Halvard Brenn Refers To Norland As A Rogue State", True),
        ("Senator Accuses the Board of Hiding the Report", True),
        ("Halvard Brenn said on Monday that the port would close.", False),
        ("Brenn Speaks", False),  # too short to tell
    ],
)
def test_title_case_lines(text: str, expected: bool) -> None:
    assert title_case(text) is expected


@pytest.mark.slow
def test_a_headline_name_is_cut_to_the_name_the_body_uses() -> None:
    doc = analyse(
        "Halvard Brenn Refers To Norland Council As Enemy Of Progress\n\n"
        "The activist Halvard Brenn spoke in Orleburg on Sunday. He was cheered by his supporters."
    )
    found = mentions(doc)
    assert ("Halvard Brenn", "new:halvard-brenn") in found
    assert not [label for _, label in found if "refers" in label]
