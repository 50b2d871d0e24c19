"""Time expressions (``time`` layer), normalised against the document date (``doc.meta.date``).

Labels: date, interval, duration, time_of_day, event (anchored on an event: "during the war"), relative
("the next morning"). ``attrs.iso`` holds the ISO value (a string or ``{"start", "end"}``), ``resolved``
whether it could be placed, ``anchor`` the document date used. See ``podium.anatomy.times``.
"""

from __future__ import annotations

from podium.anatomy import shared
from podium.document import Document, Span
from podium.pipeline import BaseAnalyser


class TimeAnalyser(BaseAnalyser):
    name = "time"
    requires = ("sentences",)
    assigns = ("time",)
    description = "Dates, intervals and durations normalised to ISO 8601 against the document date."

    def __call__(self, doc: Document) -> Document:
        spans = []
        for (off, _), hits in zip(shared.sentence_texts(doc), shared.times(doc), strict=True):
            for h in hits:
                attrs = {
                    "kind": h.kind,
                    "iso": h.iso,
                    "resolved": h.resolved,
                    "anchor": doc.meta.date,
                    **h.extra,
                }
                spans.append(Span(off + h.start, off + h.end, h.kind, None, attrs, self.name))
        doc.add_spans("time", spans, source=self.name)
        return doc
