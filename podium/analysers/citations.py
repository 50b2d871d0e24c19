"""Citations (``citation`` layer): scripture, named works, articles, resolutions, laws and treaties.

Labels are the kind (scripture, work, article, resolution, law, treaty); ``attrs`` hold the structured
reference (work, chapter, verse, verse_end, number, section). See ``podium.anatomy.citations``.
"""

from __future__ import annotations

from podium.anatomy import shared
from podium.document import Document, Span
from podium.pipeline import BaseAnalyser


class CitationAnalyser(BaseAnalyser):
    name = "citation"
    requires = ("sentences",)
    assigns = ("citation",)
    description = "References to scripture (Isaiah 2:4, (110:1-3)), laws, treaty articles and UN resolutions."

    def __call__(self, doc: Document) -> Document:
        spans = [
            Span(off + h.start, off + h.end, h.kind, None, {"kind": h.kind, **h.attrs}, self.name)
            for (off, _), hits in zip(shared.sentence_texts(doc), shared.citations(doc), strict=True)
            for h in hits
        ]
        doc.add_spans("citation", spans, source=self.name)
        return doc
