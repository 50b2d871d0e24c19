"""Attributions (``attribution`` layer): source, cue and attributed content; unsourced evidence claims.

Labels: ``attribution`` (a cue with a source) and ``unsourced`` ("we have evidence", "everyone knows").
The span covers source and cue; ``source_span``, ``cue_span`` and ``content_span`` are document offsets.
See ``podium.anatomy.attributions``. When the actor layer ran first, each source also gets the actors it
names (``source_actors``; a pronoun source is resolved or marked ``source_unresolved``:
``podium.actors.sources``).
"""

from __future__ import annotations

from podium.actors.sources import link_sources
from podium.anatomy import shared
from podium.document import Document, Span
from podium.pipeline import BaseAnalyser


class AttributionAnalyser(BaseAnalyser):
    name = "attribution"
    requires = ("sentences",)
    assigns = ("attribution",)
    after = ("actor_mention",)
    description = "Who is said to have said or shown what ('according to reports', 'admitted that')."

    def __call__(self, doc: Document) -> Document:
        spans = []
        for (off, _), hits in zip(shared.sentence_texts(doc), shared.attributions(doc), strict=True):
            for h in hits:
                attrs = dict(h.attrs)
                for key in ("source_span", "cue_span", "content_span", "nested_in"):
                    if key in attrs:
                        attrs[key] = [off + attrs[key][0], off + attrs[key][1]]
                spans.append(Span(off + h.start, off + h.end, h.label, None, attrs, self.name))
        if "actor_mention" in doc.spans:
            link_sources(doc, spans)
        doc.add_spans("attribution", spans, source=self.name)
        return doc
