"""Quantities (``quantity`` layer): value, unit or counted noun, currency, approximation, range, rate.

Labels are the kind: count, percent, money, rate, multiplier, fraction, ordinal. The grammar is in
``podium.anatomy.quantities``; numbers inside time expressions and citations are left out.
"""

from __future__ import annotations

from podium.anatomy import shared
from podium.document import Document, Span
from podium.pipeline import BaseAnalyser


class QuantityAnalyser(BaseAnalyser):
    name = "quantity"
    requires = ("sentences",)
    assigns = ("quantity",)
    description = "Numbers with their unit, currency, approximation ('over', 'nearly'), range and rate."

    def __call__(self, doc: Document) -> Document:
        spans = [
            Span(off + h.start, off + h.end, h.kind, None, dict(h.attrs), self.name)
            for (off, _), hits in zip(shared.sentence_texts(doc), shared.quantities(doc), strict=True)
            for h in hits
        ]
        doc.add_spans("quantity", spans, source=self.name)
        return doc
