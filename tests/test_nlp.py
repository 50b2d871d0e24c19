"""The shared spaCy cache: one parse per sentence per document, whoever asks (loads spaCy)."""

from __future__ import annotations

import pytest

from podium.document import Document, Segment
from podium.nlp import parsed_sentences, sentence_docs

pytestmark = pytest.mark.slow


def make_doc() -> Document:
    text = "Karsten shelled the town. Valdoria protested. The mayor fled."
    doc = Document(text)
    doc.sentences = [Segment(0, 25), Segment(26, 45), Segment(46, len(text))]
    return doc


def test_subset_parse_is_cached_and_has_syntax() -> None:
    doc = make_doc()
    first = parsed_sentences(doc, [0, 2])
    assert sorted(first) == [0, 2]
    assert first[0].text == "Karsten shelled the town."
    assert any(t.dep_ == "nsubj" for t in first[0])
    again = parsed_sentences(doc, [2, 1])
    assert again[2] is first[2]  # not parsed twice
    assert sorted(doc.cache["spacy_parsed"]) == [0, 1, 2]


def test_ner_level_docs_are_reused() -> None:
    doc = make_doc()
    ner = sentence_docs(doc, "ner")
    assert sentence_docs(doc, "ner") is ner
    assert [d.text for d in ner] == [doc.span_text(s) for s in doc.sentences]
    full = sentence_docs(doc, "parse")
    assert sentence_docs(doc, "ner") is full  # a higher level serves a lower one
    assert parsed_sentences(doc, [1])[1] is full[1]
