"""Check-worthiness of every sentence into the ``claim`` layer, and ranked ``doc.claims`` records.

Each sentence gets a calibrated probability that a professional fact-checker would check it (from
``podium.checkworthy``); sentences at or above ``min_score`` become claim spans and records. The claim's
type and parts are linked from the anatomy layers when those ran first. It does not extract the parts.
"""

from __future__ import annotations

from typing import Protocol

from podium.claims import build_claims, sentence_speakers
from podium.document import Document, Span
from podium.pipeline import BaseAnalyser


class Scorer(Protocol):
    def score(self, sentences: list[str], speakers: list[str | None]) -> list[float]: ...


class ClaimAnalyser(BaseAnalyser):
    name = "claim"
    requires = ("sentences",)
    assigns = ("claim",)
    after = ("claim_type", "quantity", "time", "attribution", "hedge", "citation", "actor_mention", "event")
    description = (
        "Check-worthiness: a calibrated probability per sentence that a fact-checker would check it."
    )

    #: Sentences scoring below this are not claim candidates: no span, no record.
    min_score = 0.05

    def __init__(self, model: Scorer | None = None) -> None:
        self._model = model

    @property
    def model(self) -> Scorer:
        if self._model is None:
            from podium.checkworthy.model import CheckworthyModel

            self._model = CheckworthyModel.load()
        return self._model

    def __call__(self, doc: Document) -> Document:
        if not doc.sentences:
            return doc
        texts = [doc.span_text(s) for s in doc.sentences]
        scores = self.model.score(texts, sentence_speakers(doc))
        types = {s.start: s.label for s in doc.layer("claim_type")}
        spans = [
            Span(s.start, s.end, "claim", round(float(score), 4), {"type": types.get(s.start)}, self.name)
            for s, score in zip(doc.sentences, scores, strict=True)
            if score >= self.min_score
        ]
        doc.add_spans("claim", spans, source=self.name)
        doc.claims = build_claims(doc, spans)
        return doc
