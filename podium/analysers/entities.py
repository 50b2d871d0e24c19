"""Named entities from spaCy's small English model into the ``entity`` layer.

Runs only the tokenizer, tok2vec and NER components on the document's sentences (never on header
lines or speaker labels). It does not resolve entities to canonical actors; that is the actor layer's job.
"""

from __future__ import annotations

from podium.document import Document, Span
from podium.nlp import sentence_docs
from podium.pipeline import BaseAnalyser


class EntityAnalyser(BaseAnalyser):
    name = "entity"
    requires = ("sentences",)
    assigns = ("entity",)
    description = "Named entities (people, places, organisations, numbers, dates) from spaCy's NER."

    def __call__(self, doc: Document) -> Document:
        spans = []
        for sentence, sdoc in zip(doc.sentences, sentence_docs(doc, "ner"), strict=True):
            for ent in sdoc.ents:
                spans.append(
                    Span(
                        sentence.start + ent.start_char,
                        sentence.start + ent.end_char,
                        ent.label_,
                        None,
                        {},
                        self.name,
                    )
                )
        doc.add_spans("entity", spans, source=self.name)
        return doc
