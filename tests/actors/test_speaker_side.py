"""Whose side "we" is: given with --side, from the speaker's role, from their own words, or unknown."""

from __future__ import annotations

import pytest

from podium.actors.side import PLACEHOLDER, identify, recorded_sides, speaker_sides
from podium.document import Document, Meta
from podium.ingest import read_text
from podium.segment import segment


def doc_of(text: str, speakers: list[str] | None = None, **extras: str) -> Document:
    doc = Document(text, Meta(speakers=speakers or [], extras=dict(extras)))
    segment(doc)
    return doc


def only(doc: Document):  # type: ignore[no-untyped-def]
    (side,) = speaker_sides(doc)
    return side


def test_the_speakers_role_gives_the_side() -> None:
    doc = doc_of("We will defend the country. Our engineers are ready.", speakers=["Ali Khamenei"])
    identify(doc)
    side = only(doc)
    assert (side.actor, side.how, side.role) == ("IRN", "speaker", "Supreme Leader of Iran")
    assert doc.meta.extras["sides"][0]["actor"] == "IRN"


def test_a_movement_leader_speaks_for_the_movement() -> None:
    doc = doc_of("We will not leave the border villages.", speakers=["Hassan Nasrallah"])
    identify(doc)
    assert only(doc).actor == "HEZBOLLAH"


def test_the_speakers_own_words_give_the_side_when_the_speaker_is_unknown() -> None:
    text = (
        "Our dear Martyr Soleimani showed the way. Our IRGC and our Basij forces stood firm. We were ready."
    )
    side = only(doc_of(text))
    assert (side.actor, side.how) == ("IRN", "text")
    assert [text[s:e] for s, e in side.evidence] == ["Our dear Martyr Soleimani", "Our IRGC", "our Basij"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("My fellow Americans, tonight we act.", "USA"),
        ("We Canadians have always welcomed them.", "CAN"),
        ("Our great American workers built this.", "USA"),
        ("Our country, Mexico, will not pay.", "MEX"),
    ],
)
def test_phrases_that_say_whose_side(text: str, actor: str) -> None:
    side = only(doc_of(text))
    assert (side.actor, side.how) == (actor, "text")


@pytest.mark.parametrize(
    "text",
    [
        "We thank our European allies and our Arab brothers.",
        "We met our Iranian counterparts in Geneva.",
        "The minister said: “our IRGC will answer”. We disagree with him.",
        "We spoke about the floods and the harvest.",
    ],
)
def test_no_side_from_others_or_from_quotations(text: str) -> None:
    side = only(doc_of(text))
    assert (side.actor, side.how) == (None, "unknown")
    assert recorded_sides(doc_of(text)) == {None: PLACEHOLDER}


def test_a_tie_between_sides_is_unknown() -> None:
    side = only(doc_of("Our IRGC fought beside our American workers."))
    assert side.how == "unknown"


def test_the_given_side_wins_and_keeps_agreeing_evidence() -> None:
    doc = doc_of("Our IRGC stood firm.", speakers=["Benjamin Netanyahu"], speaker_side="Iran")
    identify(doc)
    side = only(doc)
    assert (side.actor, side.name, side.how) == ("IRN", "Iran", "given")
    assert [doc.text[s:e] for s, e in side.evidence] == ["Our IRGC"]


def test_an_unknown_given_side_keeps_its_name() -> None:
    side = only(doc_of("We stand together.", speaker_side="the Harbour League"))
    assert (side.actor, side.name, side.how) == (None, "the Harbour League", "given")


def test_each_speaker_of_a_transcript_has_their_own_side() -> None:
    text = (
        "MODERATOR: Welcome to both of you.\n\n"
        "ALVAREZ: My fellow Americans, we will win.\n\n"
        "MOREAU: Our French farmers are angry.\n\n"
        "ALVAREZ: We will win anyway.\n"
    )
    doc = read_text(text.encode(), "debate.txt")
    segment(doc)
    sides = recorded_sides(doc)
    assert sides == {"MODERATOR": PLACEHOLDER, "ALVAREZ": "USA", "MOREAU": "FRA"}


def test_sides_are_computed_when_no_step_recorded_them() -> None:
    doc = doc_of("We stand with our IRGC.")
    assert "sides" not in doc.meta.extras
    assert recorded_sides(doc) == {None: "IRN"}
    assert doc.meta.extras["sides"][0]["how"] == "text"


@pytest.mark.slow
def test_we_becomes_the_side_in_actor_mentions() -> None:
    from podium.analyze import analyze_document
    from podium.pipeline import Pipeline

    text = "Imam Khamenei's speech on the region\n\nWe helped the Syrian government. Our IRGC stood firm.\n"
    doc = read_text(text.encode(), "speech.txt")
    analyze_document(doc, Pipeline.from_names(["actor", "event"]))
    we = [s for s in doc.layer("actor_mention") if doc.text[s.start : s.end] == "We"]
    assert [s.label for s in we] == ["IRN"]
    assert ("IRN", "AID", "SYR") in {(e.source, e.type, e.target) for e in doc.events}
    nobody = read_text(b"A speech on the region\n\nWe helped the Syrian government.\n", "speech.txt")
    analyze_document(nobody, Pipeline.from_names(["actor"]))
    assert [s.label for s in nobody.layer("actor_mention") if nobody.text[s.start : s.end] == "We"] == [
        PLACEHOLDER
    ]
