"""The shared spaCy cache: one parse per sentence per document, whoever asks (loads spaCy)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from podium.document import Document, Segment
from podium.nlp import may_have_entities, parsed_sentences, sentence_docs

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


def test_ner_level_finds_the_same_entities_as_the_full_pipeline() -> None:
    text = (
        "On 3 March 2019 the Foreign Minister of Valdoria met Angela Brandt in Geneva. "
        "More than 2,000 soldiers of the Northern Army crossed the Ravel River last week. "
        "The United Nations said 40 percent of the $3 billion pledged in Paris never arrived."
    )
    doc = Document(text)
    ends = [i + 1 for i, c in enumerate(text) if c == "." and (i + 1 == len(text) or text[i + 1] == " ")]
    starts = [0] + [e + 1 for e in ends[:-1]]
    doc.sentences = [Segment(s, e) for s, e in zip(starts, ends, strict=True)]

    def ents(docs: list) -> list[list[tuple[int, int, str]]]:  # type: ignore[type-arg]
        return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]

    fast = ents(sentence_docs(doc, "ner"))
    doc.cache.clear()
    assert fast == ents(sentence_docs(doc, "parse"))
    assert any(label == "GPE" for sent in fast for _, _, label in sent)


@pytest.mark.parametrize(
    "sentence",
    [
        "We will never forget what they did to us.",
        "It is a shame and a disgrace.",
        "And they know it, and we know it.",
        "",
    ],
)
def test_sentences_without_names_numbers_or_times_skip_the_ner(sentence: str) -> None:
    assert not may_have_entities(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We met the envoy of Valdoria.",  # a capital after the first word
        "Valdoria broke its word.",  # a capitalised first word that is not a function word
        "the anti-Karsten camp is shrinking.",  # a capital inside a word
        "They fired 40 rockets.",
        "Millions of people lost their homes.",
        "Twenty times.",
        "It happened three decades ago.",
        "We paid hundreds of dollars every morning.",
    ],
)
def test_sentences_the_ner_may_find_something_in_are_kept(sentence: str) -> None:
    assert may_have_entities(sentence)


def test_skipped_sentences_are_tokenised_without_entities() -> None:
    text = "We will never forget it. Valdoria shelled 40 villages."
    doc = Document(text)
    doc.sentences = [Segment(0, 24), Segment(25, len(text))]
    skipped, kept = sentence_docs(doc, "ner")
    assert [t.text for t in skipped] == ["We", "will", "never", "forget", "it", "."]
    assert not skipped.ents
    assert {e.label_ for e in kept.ents} >= {"CARDINAL"}


def test_loading_spacy_does_not_import_torch_and_torch_stays_importable() -> None:
    code = (
        "import sys\n"
        "from podium.nlp import load_spacy\n"
        "nlp = load_spacy()\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\n"
        "assert [e.label_ for e in nlp('Valdoria paid 40 million dollars.').ents]\n"
        "import torch\n"
        "print(torch.tensor([1.0]).sum().item())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1.0"
