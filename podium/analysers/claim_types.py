"""Claim types (``claim_type`` layer): one span per sentence labelled with the type of claim it makes.

Labels: quantity, prediction, law, causal, personal, quotation, history, other, not_claim (see
``podium.anatomy.claim_types``). The claim layer merges the label into its records; this analyser does not
score check-worthiness.
"""

from __future__ import annotations

from podium.anatomy import shared
from podium.anatomy.claim_types import claim_type
from podium.document import Document, Span
from podium.pipeline import BaseAnalyser


class ClaimTypeAnalyser(BaseAnalyser):
    name = "claim_type"
    requires = ("sentences",)
    assigns = ("claim_type",)
    description = (
        "The type of claim each sentence makes (quantity, prediction, law, history, ... or not a claim)."
    )

    def __call__(self, doc: Document) -> Document:
        spans = []
        layers = zip(
            shared.sentence_texts(doc), shared.quantities(doc), shared.times(doc), shared.attributions(doc),
            shared.citations(doc), strict=True,
        )  # fmt: skip
        for (off, text), quantities, times, attributions, citations in layers:
            parts = {
                "quantity": [q.attrs for q in quantities],
                "time": [{"resolved": t.resolved} for t in times],
                "attribution": [{"label": a.label, **a.attrs} for a in attributions],
                "citation": [{"kind": c.kind, "start": c.start, "end": c.end, **c.attrs} for c in citations],
            }
            label = claim_type(text, parts)
            spans.append(Span(off, off + len(text), label, None, {"type": label}, self.name))
        doc.add_spans("claim_type", spans, source=self.name)
        return doc
