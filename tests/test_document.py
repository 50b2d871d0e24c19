from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podium.document import Document, Span, normalise_text
from podium.errors import PodiumError


def test_text_is_normalised_nfc_and_newlines() -> None:
    doc = Document("\ufeffCafe\u0301\r\nline two\rline three")
    assert doc.text == "Caf\u00e9\nline two\nline three"


def test_text_cannot_be_reassigned() -> None:
    doc = Document("fixed")
    with pytest.raises(AttributeError):
        doc.text = "changed"  # type: ignore[misc]


def test_span_outside_text_is_refused_with_code() -> None:
    doc = Document("short")
    with pytest.raises(PodiumError) as info:
        doc.add_spans("entity", [Span(2, 9, "X")], source="bad")
    assert info.value.code == "E104"


def test_spans_are_kept_sorted_per_layer(small_doc: Document) -> None:
    small_doc.add_spans("entity", [Span(2, 4, "Y")])
    starts = [s.start for s in small_doc.layer("entity")]
    assert starts == sorted(starts)
    assert small_doc.layer("missing") == []


@given(
    st.text(min_size=1, max_size=200),
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300)), max_size=20),
)
def test_span_text_is_the_text_slice(raw: str, ranges: list[tuple[int, int]]) -> None:
    doc = Document(raw)
    n = len(doc.text)
    spans = [Span(min(a, b) % (n + 1), max(a, b) % (n + 1), "L") for a, b in ranges]
    spans = [s for s in spans if s.start <= s.end]
    doc.add_spans("layer", spans)
    for _, span in doc.iter_spans():
        assert doc.span_text(span) == doc.text[span.start : span.end]


@given(st.text(max_size=100))
def test_normalise_is_idempotent(raw: str) -> None:
    once = normalise_text(raw)
    assert normalise_text(once) == once
    assert "\r" not in once
