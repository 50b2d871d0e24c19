"""Title, byline and dateline patterns that name the speaker (pure text: no spaCy, no gazetteer)."""

from __future__ import annotations

import pytest

from podium.actors.speaker_lines import byline_names, dateline_names, title_names


def names(found: list, line: str) -> list[tuple[str, str]]:
    return [(line[n.start : n.end], n.how) for n in found]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Prime Minister Halvard Brenn's address to the nation", "Prime Minister Halvard Brenn"),
        ("Remarks by President Ana Karsten at the Harbour Summit", "President Ana Karsten"),
        ("Remarks By Governor Tomas Ek At The Budget Hearing", "Governor Tomas Ek"),
        (
            "Statement of the Ministry of Foreign Affairs of Norland on the border",
            "the Ministry of Foreign Affairs of Norland",
        ),
        ("Address to the Nation by Chancellor Ida Varga", "Chancellor Ida Varga"),
        ("Full text of Chancellor Varga's speech at the summit", "Chancellor Varga"),
        ("Interview with Senator Paul Ortiz, chair of the committee", "Senator Paul Ortiz"),
        ("Mayor Lena Holm delivers the annual city address", "Mayor Lena Holm"),
        ("Varga's State of the Union Address", "Varga"),
    ],
)
def test_titles_that_name_the_speaker(line: str, expected: str) -> None:
    assert names(title_names(line), line)[0] == (expected, "title")


def test_joint_remarks_give_both_speakers() -> None:
    line = "Remarks by President Ana Karsten and Prime Minister Halvard Brenn before their meeting"
    found = [n for n, _ in names(title_names(line), line)]
    assert found == ["President Ana Karsten", "Prime Minister Halvard Brenn"]


@pytest.mark.parametrize(
    "line",
    [
        "In the Name of God, the Compassionate, the Merciful",
        "Floods Hit the Coast for a Third Week",
        "The Second Ortiz-Varga Debate",
        "Karsten's Plan for the Harbour: Who Pays?",
    ],
)
def test_titles_that_name_no_speaker(line: str) -> None:
    assert title_names(line) == []


def test_an_op_ed_heading_is_only_a_candidate() -> None:
    line = "Paul Ortiz: Why the harbour deal is a mistake"
    assert names(title_names(line), line) == [("Paul Ortiz", "title_colon")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Maria Lindqvist", ["Maria Lindqvist"]),
        ("By Maria Lindqvist and Jon Q. Berg, Harbour Times", ["Maria Lindqvist", "Jon Q. Berg"]),
        ("Written by Ana Lopez | March 3", ["Ana Lopez"]),
        ("By combining rainfall records with tide data, engineers warned of floods.", []),
    ],
)
def test_bylines(line: str, expected: list[str]) -> None:
    assert [n for n, _ in names(byline_names(line), line)] == expected


def test_dateline_said() -> None:
    line = "NORVIK — Foreign Minister Ida Varga said on Tuesday that the talks would resume."
    assert names(dateline_names(line), line) == [("Foreign Minister Ida Varga", "dateline")]
    assert dateline_names("NORVIK — Foreign Minister Ida Varga visited the port on Tuesday.") == []
    assert dateline_names("Foreign Minister Ida Varga said on Tuesday that talks would resume.") == []
