"""The anatomy analysers on whole documents: layers, offsets, linking, document date, no model needed."""

from __future__ import annotations

from podium.analysers.attributions import AttributionAnalyser
from podium.analysers.citations import CitationAnalyser
from podium.analysers.claim_types import ClaimTypeAnalyser
from podium.analysers.hedges import HedgeAnalyser
from podium.analysers.quantities import QuantityAnalyser
from podium.analysers.times import TimeAnalyser
from podium.claims import parts_of
from podium.document import Document, Meta
from podium.ingest import load
from podium.pipeline import Pipeline
from podium.segment import segment
from tests.conftest import assert_offsets_valid

ANALYSERS = [QuantityAnalyser(), TimeAnalyser(), AttributionAnalyser(), HedgeAnalyser(), CitationAnalyser(),
             ClaimTypeAnalyser()]  # fmt: skip


def run(text: str, date: str | None = "2025-10-14") -> Document:
    return Pipeline(ANALYSERS)(segment(Document(text, Meta(date=date))))


def test_sample_speech_layers(sample_path) -> None:  # type: ignore[no-untyped-def]
    doc = Pipeline(ANALYSERS)(segment(load(str(sample_path))))
    assert_offsets_valid(doc)
    texts = {layer: [doc.span_text(s) for s in doc.layer(layer)] for layer in doc.spans}
    assert "more than 300 villages" in texts["quantity"]
    assert "close to one million barrels a day" in texts["quantity"]
    assert "Since 2011" in texts["time"]
    assert "Article 51 of the UN Charter" in texts["citation"]
    assert "Isaiah 2:4" in texts["citation"]
    assert "We have evidence" in texts["attribution"]
    assert "Undoubtedly" in texts["hedge"]
    assert len(doc.layer("claim_type")) == len(doc.sentences)
    for layer in ("quantity", "time", "attribution", "hedge", "citation"):
        for span in doc.layer(layer):
            assert span.source == layer
    for span in doc.layer("attribution"):
        for key in ("source_span", "cue_span", "content_span"):
            s, e = span.attrs[key]
            assert 0 <= s <= e <= len(doc.text)
        assert doc.text[slice(*span.attrs["source_span"])] == span.attrs["source"]


def test_times_resolve_against_the_document_date() -> None:
    doc = run("It was agreed 75 years ago.", date="2024-12-11")
    (span,) = doc.layer("time")
    assert span.attrs == {"kind": "date", "iso": "1949", "resolved": True, "anchor": "2024-12-11"}
    doc = run("It was agreed 75 years ago.", date=None)
    assert doc.layer("time")[0].attrs["resolved"] is False


def test_claim_parts_link_a_sentence_to_its_parts() -> None:
    doc = run("According to reports, perhaps 300 villages were shelled in 2024 (Isaiah 2:4). Thank you.")
    first = doc.sentences[0]
    parts = parts_of(doc, first)
    assert {k: len(v) for k, v in parts.items()} == {
        "quantity": 1,
        "time": 1,
        "attribution": 1,
        "hedge": 1,
        "citation": 1,
    }
    ((start, end),) = parts["quantity"]
    assert doc.text[start:end] == "300 villages"
    assert parts_of(doc, doc.sentences[1]) == {}


def test_verse_numbers_and_years_are_not_quantities() -> None:
    doc = run("The Quran says: “Plead to Him for forgiveness” (110:1-3). In 2011 one must stand firm.")
    assert doc.layer("quantity") == []
    assert [s.label for s in doc.layer("citation")] == ["scripture"]
