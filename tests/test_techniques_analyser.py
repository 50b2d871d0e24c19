"""The technique analyser with the shipped model on a short text written for podium."""

from __future__ import annotations

import json
import re

import pytest

from podium.analysers.techniques import TechniqueAnalyser
from podium.document import Document, Segment
from podium.pipeline import Pipeline
from podium.resources.techniques.explanations import EXPLANATIONS
from podium.techniques import TECHNIQUES

pytestmark = pytest.mark.slow

TEXT = (
    "We will fight for our country. We will fight for our children. We will fight for our freedom.\n"
    "These corrupt thugs and traitors are destroying everything we love.\n"
    "Make our nation great again!\n"
    "The committee met on Tuesday to review the budget for next year."
)


@pytest.fixture(scope="module")
def doc() -> Document:
    d = Document(TEXT)
    d.sentences = [Segment(m.start(), m.end()) for m in re.finditer(r"[^ \n][^.!\n]*[.!]", TEXT)]
    d.paragraphs = list(d.sentences)
    return Pipeline([TechniqueAnalyser()])(d)


def _labels_over(doc: Document, word: str) -> set[str]:
    start = doc.text.index(word)
    end = start + len(word)
    return {s.label for s in doc.layer("technique") if s.start < end and s.end > start}


def test_every_technique_has_an_explanation() -> None:
    assert set(EXPLANATIONS) == set(TECHNIQUES)
    assert all(0 < len(e) < 160 for e in EXPLANATIONS.values())


def test_spans_are_valid_and_labelled(doc: Document) -> None:
    spans = doc.layer("technique")
    assert spans
    for s in spans:
        assert doc.text[s.start : s.end] == doc.span_text(s)
        assert s.label in TECHNIQUES
        assert 0.0 <= s.score <= 1.0
        assert s.attrs["method"] in ("model", "rule")


def test_anaphora_is_repetition(doc: Document) -> None:
    rule = [s for s in doc.layer("technique") if s.attrs["method"] == "rule"]
    assert [doc.span_text(s) for s in rule] == ["We will fight for our"] * 3
    assert {s.attrs["opening"] for s in rule} == {"we will fight for our"}
    assert {s.label for s in rule} == {"Repetition"}


def test_name_calling_and_loaded_words(doc: Document) -> None:
    assert _labels_over(doc, "thugs") & {"Name_Calling,Labeling", "Loaded_Language"}


def test_plain_sentence_has_no_technique(doc: Document) -> None:
    assert not _labels_over(doc, "The committee met on Tuesday")


def test_profile_is_json_friendly(doc: Document) -> None:
    profile = doc.meta.extras["rhetoric"]
    assert json.loads(json.dumps(profile)) == profile
    assert profile["repetition"]["anaphora"][0]["length"] == 3
    assert profile["us_vs_them"]["in_group"]["count"] >= 6
