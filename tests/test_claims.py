"""Claim spans and records, with a stand-in scorer (the trained model is tested in its own module)."""

from __future__ import annotations

from podium.analysers.claims import ClaimAnalyser
from podium.document import Document, Meta, Segment, Span, Turn
from podium.pipeline import Pipeline


class DigitScorer:
    """Scores a sentence by whether it has a digit: enough to check ranking and linking."""

    def __init__(self) -> None:
        self.seen_speakers: list[str | None] = []

    def score(self, sentences: list[str], speakers: list[str | None]) -> list[float]:
        self.seen_speakers = speakers
        return [0.9 if any(c.isdigit() for c in s) else (0.3 if "war" in s else 0.01) for s in sentences]


def make_doc() -> Document:
    text = "A: Good evening.\nB: They bombed 300 sites in 2024. The war must end."
    doc = Document(text, Meta())
    doc.turns = [Turn(3, 16, "A"), Turn(20, len(text), "B")]
    doc.sentences = [Segment(3, 16), Segment(20, 50), Segment(51, len(text))]
    doc.add_spans("quantity", [Span(35, 44, "count", None, {"value": 300})])
    doc.add_spans("time", [Span(45, 49, "date", None, {"iso": "2024"})])
    doc.add_spans("claim_type", [Span(20, 50, "quantity")])
    return doc


def test_claims_are_ranked_linked_and_thresholded() -> None:
    scorer = DigitScorer()
    doc = Pipeline([ClaimAnalyser(scorer)])(make_doc())
    assert scorer.seen_speakers == ["A", "B", "B"]
    assert [doc.span_text(s) for s in doc.layer("claim")] == [
        "They bombed 300 sites in 2024.",
        "The war must end.",
    ]
    top, second = doc.claims
    assert (top.rank, top.sentence, top.score, top.speaker, top.type) == (1, 1, 0.9, "B", "quantity")
    assert top.parts == {"quantity": [[35, 44]], "time": [[45, 49]]}
    assert second.rank == 2 and second.parts == {}
    assert doc.layer("claim")[0].attrs["type"] == "quantity"


def test_single_speaker_from_meta_and_empty_document() -> None:
    doc = Document("We built 40 schools.", Meta(speakers=["Minister"]))
    doc.sentences = [Segment(0, 20)]
    scorer = DigitScorer()
    ClaimAnalyser(scorer)(doc)
    assert scorer.seen_speakers == ["Minister"]
    empty = ClaimAnalyser(DigitScorer())(Document(""))
    assert empty.claims == [] and empty.layer("claim") == []
