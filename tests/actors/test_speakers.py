"""Speakers found in the document itself: title, byline, dateline, transcript labels, given names."""

from __future__ import annotations

import pytest

from podium.actors.speakers import identify_speakers, records
from podium.document import Document
from podium.ingest import apply_meta, read_text
from podium.segment import segment


def read(text: str) -> Document:
    doc = read_text(text.encode("utf-8"), "speech.txt")
    segment(doc)
    return doc


SPEECH_BODY = (
    "Good evening. Tonight I want to speak to you about the floods. We have lost homes and fields, "
    "and our engineers have worked without rest. I have seen the damage myself. We will rebuild the "
    "dikes, and we will do it this year. I thank every volunteer who came to help.\n"
)


def test_title_names_an_unknown_speaker_with_role_and_evidence() -> None:
    doc = read("Prime Minister Halvard Brenn's address to the nation on the floods\n\n" + SPEECH_BODY)
    (found,) = identify_speakers(doc)
    assert doc.meta.speakers == ["Halvard Brenn"]
    assert (found.how, found.actor, found.role) == ("title", None, "Prime Minister")
    assert doc.text[found.evidence[0] : found.evidence[1]] == "Prime Minister Halvard Brenn"
    assert doc.meta.extras["speakers_found"][0]["name"] == "Halvard Brenn"


def test_title_names_a_known_person_as_a_canonical_actor() -> None:
    doc = read("Remarks by President Macron at the harbour conference\n\n" + SPEECH_BODY)
    (found,) = identify_speakers(doc)
    assert doc.meta.speakers == ["Emmanuel Macron"]
    assert (found.actor, found.acting_for, found.how) == ("MACRON", "FRA", "title")


def test_an_article_about_a_speech_does_not_make_its_subject_the_speaker() -> None:
    text = (
        "Brenn's speech: 'we will rebuild'\n\n"
        "Halvard Brenn spoke to the nation on Sunday evening. Brenn promised new dikes. "
        "Critics said Brenn had waited too long. The opposition leader called the plan vague. "
        "Brenn did not answer questions.\n"
    )
    doc = read(text)
    assert identify_speakers(doc) == []
    assert doc.meta.speakers == []


def test_byline_names_the_writer() -> None:
    text = "Floods hit the coast again\n\nBy Maria Lindqvist\nThe rains returned on Monday. The river rose.\n"
    doc = read(text)
    (found,) = identify_speakers(doc)
    assert (found.name, found.how) == ("Maria Lindqvist", "byline")
    assert doc.text[found.evidence[0] : found.evidence[1]] == "Maria Lindqvist"


def test_a_newsroom_byline_is_no_speaker() -> None:
    doc = read("Floods hit the coast again\n\nBy Harbour Times Staff\nThe rains returned on Monday.\n")
    assert identify_speakers(doc) == []


def test_dateline_said_names_the_speaker_of_a_short_statement() -> None:
    text = (
        "Ministry statement on the border\n\n"
        "NORVIK — Foreign Minister Ida Varga said on Tuesday that the border talks would resume next week. "
        "The talks stopped in May.\n"
    )
    (found,) = identify_speakers(read(text))
    assert (found.name, found.how, found.role) == ("Ida Varga", "dateline", "Foreign Minister")


def test_given_speakers_win_and_are_recorded_as_given() -> None:
    doc = read_text(("Remarks by President Macron at the harbour\n\n" + SPEECH_BODY).encode(), "s.txt")
    apply_meta(doc, speakers=["Ana Karsten"])
    segment(doc)
    (found,) = identify_speakers(doc)
    assert doc.meta.speakers == ["Ana Karsten"]
    assert (found.name, found.how, found.actor) == ("Ana Karsten", "given", None)


def test_records_read_back() -> None:
    doc = read("Remarks by President Macron at the harbour conference\n\n" + SPEECH_BODY)
    identify_speakers(doc)
    assert [r.actor for r in records(doc)] == ["MACRON"]


ARTICLE_BODY = (
    "The port closes for a week while the cranes are replaced. The harbour board voted for it on Monday. "
    "Fishing boats will use the northern quay until the work is done.\n"
)


@pytest.mark.parametrize(
    "closing",
    [
        "Article posted with permission from Mara Quill",
        "Reprinted with permission from Mara Quill.",
        "— Mara Quill, The Harbour Post",
        "– Mara Quill",
    ],
)
def test_a_closing_credit_names_the_writer(closing: str) -> None:
    (found,) = identify_speakers(
        read("The port closes for a week\n\n" + ARTICLE_BODY + "\n" + closing + "\n")
    )
    assert (found.name, found.how) == ("Mara Quill", "byline")


@pytest.mark.parametrize(
    "closing",
    [
        "Article posted with permission from The Harbour Freedom Foundation",
        "– Harbour News",
        "- The board then adjourned until Friday.",
    ],
)
def test_a_closing_credit_to_a_newsroom_or_a_sentence_is_no_speaker(closing: str) -> None:
    assert (
        identify_speakers(read("The port closes for a week\n\n" + ARTICLE_BODY + "\n" + closing + "\n")) == []
    )


@pytest.mark.slow
def test_transcript_labels_resolve_through_the_gazetteer_and_the_opening() -> None:
    text = (
        "The Harbour Debate\n\n"
        "MODERATOR: Welcome to the debate between Senator Ana Karsten and President Macron.\n\n"
        "KARSTEN: Thank you. We need new dikes.\n\n"
        "MACRON: We agree on the dikes.\n\n"
        "KARSTEN: Then let us build them.\n"
    )
    doc = read(text)
    found = {f.name: f for f in identify_speakers(doc)}
    found = {f.label: f for f in found.values()}
    assert doc.meta.speakers == ["MODERATOR", "Ana Karsten", "Emmanuel Macron"]
    assert found["MACRON"].actor == "MACRON" and found["MACRON"].how == "transcript labels"
    assert found["KARSTEN"].actor is None and found["KARSTEN"].name == "Ana Karsten"
    karsten = found["KARSTEN"].evidence
    assert doc.text[karsten[0] : karsten[1]] == "Ana Karsten"


@pytest.mark.slow
def test_a_role_label_is_the_role_holder_the_text_names_most() -> None:
    text = (
        "The Harbour Debate\n\n"
        "MODERATOR: Welcome, President Ana Karsten, and welcome, Senator Paul Ortiz. President Karsten, "
        "you served under former President Lindqvist. President Karsten, you begin.\n\n"
        "THE PRESIDENT: Thank you. We built the dikes.\n\n"
        "MR. ORTIZ: Late.\n\n"
        "THE PRESIDENT: On time.\n"
    )
    doc = read(text)
    found = {f.label: f for f in identify_speakers(doc)}
    assert found["THE PRESIDENT"].name == "Ana Karsten"
    assert found["MR. ORTIZ"].name == "Paul Ortiz"
    assert doc.meta.speakers == ["MODERATOR", "Ana Karsten", "Paul Ortiz"]


def test_a_repost_credit_is_a_byline() -> None:
    text = (
        "The port closes for a week\n\n"
        "This article was originally published by Mara Quill at the Harbour Post\n"
        "The port closes tomorrow.\n"
    )
    (found,) = identify_speakers(read(text))
    assert (found.name, found.how) == ("Mara Quill", "byline")


@pytest.mark.slow
def test_a_heading_read_as_a_label_is_no_speaker() -> None:
    text = (
        "Harbour Report: the port closes for a week\n\n"
        "LINDQVIST: The port closes tomorrow.\n\n"
        "BERG: For how long?\n\n"
        "LINDQVIST: A week at least.\n"
    )
    doc = read(text)
    identify_speakers(doc)
    assert doc.meta.speakers == ["LINDQVIST", "BERG"]


@pytest.mark.slow
def test_an_op_ed_heading_names_its_writer_only_when_the_body_says_i() -> None:
    own = (
        "Paul Ortiz: Why the harbour deal is a mistake\n\n"
        "I have read the harbour deal twice. I think it gives away too much. My constituents agree. "
        "The port needs a better plan.\n"
    )
    (found,) = identify_speakers(read(own))
    assert (found.name, found.how) == ("Paul Ortiz", "title")
    reported = (
        "Paul Ortiz: Why the harbour deal is a mistake\n\n"
        "Senator Paul Ortiz attacked the harbour deal on Monday. Ortiz said it gave away too much.\n"
    )
    assert identify_speakers(read(reported)) == []
    headline = "Storm Warning: The Port Closes\n\nI went to the port today. I saw the closed gates.\n"
    assert identify_speakers(read(headline)) == []


def test_a_sign_off_above_the_outlet_a_rule_and_a_copyright_line_names_the_writer() -> None:
    text = (
        "The port closes for a week\n\n" + ARTICLE_BODY + "\n— Mara Quill\nThe Harbour Post\n———\n"
        "©2026 The Harbour Post, distributed by a wire agency.\n"
    )
    (found,) = identify_speakers(read(text))
    assert (found.name, found.how) == ("Mara Quill", "byline")


@pytest.mark.parametrize("byline", ["By Mara Quill", "By Mara Quill, The Harbour Post November 15, 2026:"])
def test_a_byline_line_below_an_editors_note_names_the_writer(byline: str) -> None:
    text = (
        "The port closes for a week\n\n"
        "Editors' note: we reprint below an article that first ran in the spring, when the harbour board "
        "first debated the closure and the dock workers' union asked for a delay of a month.\n\n"
        + byline
        + "\n\n"
        + ARTICLE_BODY
    )
    (found,) = identify_speakers(read(text))
    assert (found.name, found.how) == ("Mara Quill", "byline")


def test_a_sentence_that_starts_with_by_further_down_names_no_writer() -> None:
    text = (
        "The port closes for a week\n\n" + ARTICLE_BODY + "\nBy Friday the harbour board had met twice.\n"
        "By contrast, Mara Quill said nothing.\n"
    )
    assert identify_speakers(read(text)) == []
