"""Hedges and boosters (``hedge`` layer) with a strength in ``score`` and ``attrs.strength``.

Labels: ``hedge`` ("perhaps", "reportedly") and ``booster`` ("undoubtedly", "no one should doubt").
See ``podium.anatomy.hedges``.
"""

from __future__ import annotations

from podium.anatomy import shared
from podium.document import Document, Span
from podium.pipeline import BaseAnalyser


class HedgeAnalyser(BaseAnalyser):
    name = "hedge"
    requires = ("sentences",)
    assigns = ("hedge",)
    description = "Hedges ('perhaps', 'it seems') and boosters ('undoubtedly') with their strength."

    def __call__(self, doc: Document) -> Document:
        spans = [
            Span(
                off + h.start,
                off + h.end,
                h.kind,
                h.strength,
                {"kind": h.kind, "strength": h.strength},
                self.name,
            )
            for (off, _), hits in zip(shared.sentence_texts(doc), shared.hedges(doc), strict=True)
            for h in hits
        ]
        doc.add_spans("hedge", spans, source=self.name)
        return doc
