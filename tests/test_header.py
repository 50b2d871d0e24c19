from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from podium.document import Document
from podium.ingest.header import detect_header, parse_date


def header_of(text: str) -> Document:
    doc = Document(text)
    detect_header(doc.text, doc.meta)
    return doc


def test_scraped_title_breadcrumb_and_dateline() -> None:
    doc = header_of(
        "Minister’s address to the forum\n"
        "Embassy > News > Speeches > Minister’s address to the forum\n"
        "3 March 2024\n\nIn the name of the people, good morning."
    )
    assert [h.attrs["kind"] for h in doc.meta.header] == ["title", "breadcrumb", "dateline"]
    assert doc.meta.title == "Minister’s address to the forum"
    assert doc.meta.date == "2024-03-03"
    assert doc.text[doc.body_start :].strip().startswith("In the name of the people")


def test_opening_invocation_is_not_taken_for_a_title() -> None:
    doc = header_of("In the Name of God, the Compassionate, the Merciful\n\nPraise be to God.")
    assert doc.meta.header == []
    assert doc.meta.title is None


def test_front_matter_sets_meta() -> None:
    doc = header_of(
        "---\ntitle: Budget speech\nspeaker: A. Minister, B. Deputy\ndate: 2025-02-01\n"
        "venue: Parliament\n---\nToday we present the budget."
    )
    assert doc.meta.title == "Budget speech"
    assert doc.meta.speakers == ["A. Minister", "B. Deputy"]
    assert doc.meta.date == "2025-02-01"
    assert doc.meta.extras["venue"] == "Parliament"
    assert doc.text[doc.body_start :] == "Today we present the budget."


def test_markdown_title() -> None:
    doc = header_of("# State of the Union\n\nMadam Speaker, the state of our union is strong.")
    assert doc.meta.title == "State of the Union"


def test_slash_in_prose_is_not_a_breadcrumb() -> None:
    doc = header_of("Our and/or their policy is one / two things.\n\nMore text.")
    assert doc.meta.header == []


def test_parse_date_forms() -> None:
    assert parse_date("December 11, 2024") == "2024-12-11"
    assert parse_date("Wednesday, 11 Dec 2024") == "2024-12-11"
    assert parse_date("2024-02-30") is None
    assert parse_date("Smarch 3, 2024") is None


@given(st.text(max_size=300))
def test_header_ranges_are_valid_and_precede_body(raw: str) -> None:
    doc = header_of(raw)
    for seg in doc.meta.header:
        assert 0 <= seg.start <= seg.end <= len(doc.text)
        assert seg.end <= doc.body_start
