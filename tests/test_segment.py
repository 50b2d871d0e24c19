from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.document import Document, Meta, Segment
from podium.ingest.header import detect_header
from podium.segment import segment
from tests.conftest import assert_offsets_valid


def sentences(text: str) -> list[str]:
    doc = Document(text)
    detect_header(doc.text, doc.meta)
    segment(doc)
    return [doc.span_text(s) for s in doc.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Brenn met Dr. Marrow in the U.S. Congress at 6 p.m. on Monday. They spoke for an hour.",
            ["Mr. Brenn met Dr. Marrow in the U.S. Congress at 6 p.m. on Monday.", "They spoke for an hour."],
        ),
        (
            "The talks ended at 6 p.m. The shelling began an hour later.",
            ["The talks ended at 6 p.m.", "The shelling began an hour later."],
        ),
        (
            "We asked the U.S. We asked the U.N. Nobody answered.",
            ["We asked the U.S.", "We asked the U.N.", "Nobody answered."],
        ),
        (
            "President John F. Kennedy spoke in 1963. He was clear.",
            ["President John F. Kennedy spoke in 1963.", "He was clear."],
        ),
        (
            "“Are you with us?” he asked. “We are,” they said. Then they left.",
            ["“Are you with us?” he asked.", "“We are,” they said.", "Then they left."],
        ),
        (
            "He said it was misquoted... but the recording is public. Wait... Listen to it.",
            ["He said it was misquoted... but the recording is public.", "Wait...", "Listen to it."],
        ),
        (
            "They had been under their [the occupiers’. Sic.] control for years. Now it ends.",
            ["They had been under their [the occupiers’. Sic.] control for years.", "Now it ends."],
        ),
        (
            "The Book says: “When help comes. And victory.” (110:1-3). We believe it.",
            ["The Book says: “When help comes.", "And victory.” (110:1-3).", "We believe it."],
        ),
        (
            "They shall beat their swords into plowshares (Isaiah 2:4). This is our hope.",
            ["They shall beat their swords into plowshares (Isaiah 2:4).", "This is our hope."],
        ),
        (
            "Growth was 3.5 percent in 2023. It was 4.1 in 2024!",
            ["Growth was 3.5 percent in 2023.", "It was 4.1 in 2024!"],
        ),
        ("See Art. 51 and No. 7 of the list. Done.", ["See Art. 51 and No. 7 of the list.", "Done."]),
    ],
)
def test_sentence_rules(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_title_lines_are_not_swallowed() -> None:
    text = "In the Name of God, the Compassionate, the Merciful\nPraise be to God. I welcome you all."
    assert sentences(text) == [
        "In the Name of God, the Compassionate, the Merciful",
        "Praise be to God.",
        "I welcome you all.",
    ]


def test_hard_wrapped_lines_are_joined() -> None:
    text = (
        "We have watched for more than a year as the villages along the border\n"
        "were emptied one after another, and the world has said very little about\n"
        "it. That silence ends today."
    )
    got = sentences(text)
    assert len(got) == 2
    assert got[0].startswith("We have watched") and got[0].endswith("about\nit.")


def test_list_items_are_separate_sentences() -> None:
    text = "We demand three things:\n- a ceasefire\n- the return of the displaced\n- monitors"
    assert sentences(text) == [
        "We demand three things:",
        "- a ceasefire",
        "- the return of the displaced",
        "- monitors",
    ]


def test_breadcrumb_header_stays_out_of_sentences() -> None:
    text = (
        "Speech of the Minister\nHome > News > Speeches > Speech of the Minister\n\nGood morning. Thank you."
    )
    assert sentences(text) == ["Good morning.", "Thank you."]


def test_preset_sentences_are_kept() -> None:
    doc = Document("one two. three four.")
    doc.sentences = [Segment(0, 20)]
    segment(doc)
    assert [doc.span_text(s) for s in doc.sentences] == ["one two. three four."]


def test_cue_times_reach_sentences() -> None:
    doc = Document(
        "Hello there. General news follows.",
        Meta(
            extras={
                "cues": [
                    {"start": 0, "end": 12, "t_start": 1.0, "t_end": 2.0},
                    {"start": 13, "end": 34, "t_start": 2.5, "t_end": 4.0},
                ]
            }
        ),
    )
    segment(doc)
    assert doc.sentences[1].attrs == {"time_start": 2.5, "time_end": 4.0}


_pieces = st.sampled_from(
    [
        "Mr.",
        "U.S.",
        "p.m.",
        "...",
        "…",
        "(110:1-3)",
        "[the enemy’s]",
        "“",
        "”",
        "?",
        "!",
        ".",
        ",",
        "\n",
        "\n\n",
        " ",
        "We",
        "they",
        "Karsten",
        "300",
        "3.5",
        "- ",
        "Home > News > Item",
        "NAME:",
        "\t",
    ]
)


@settings(max_examples=300)
@given(st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=40))
def test_segmentation_invariants(parts: list[str]) -> None:
    doc = Document(" ".join(parts))
    detect_header(doc.text, doc.meta)
    segment(doc)
    assert_offsets_valid(doc)
    body = doc.body_start
    for sent in doc.sentences:
        piece = doc.span_text(sent)
        assert piece and piece == piece.strip()
        assert sent.start >= body
        assert any(p.start <= sent.start and sent.end <= p.end for p in doc.paragraphs)
    # nothing but whitespace is lost between paragraphs' sentences
    covered = "".join(doc.span_text(s) for s in doc.sentences)
    assert "".join(doc.text[body:].split()) == "".join(covered.split())
