"""The rhetoric profile and repetition finders on hand-built documents (no model)."""

from __future__ import annotations

import re

from podium.document import Document, Segment, Span
from podium.techniques import TECHNIQUES
from podium.techniques.profile import rhetoric_profile
from podium.techniques.repetition import anaphora, repeated_phrases, shared_opening

TEXT = (
    "We will not surrender. We will not forget. We will not be silent. "
    "The regime and its thugs lie to the world. They attack our homes. "
    "Perhaps they will stop. We will not surrender."
)


def _doc() -> Document:
    doc = Document(TEXT)
    doc.paragraphs = [Segment(0, len(TEXT))]
    doc.sentences = [Segment(m.start(), m.end()) for m in re.finditer(r"[^ ][^.]*\.", TEXT)]
    thugs = TEXT.index("thugs")
    doc.add_spans("technique", [Span(thugs, thugs + 5, "Name_Calling,Labeling", 0.8, {}, "test")])
    regime = TEXT.index("The regime")
    doc.add_spans(
        "actor_mention",
        [
            Span(regime, regime + 10, "REGIME_X", None, {"name": "Regime X"}, "test"),
            Span(0, 2, "SPEAKER_SIDE", None, {"name": "Speaker's side"}, "test"),
        ],
    )
    maybe = TEXT.index("Perhaps")
    doc.add_spans("hedge", [Span(maybe, maybe + 7, "hedge", 0.5, {}, "test")])
    return doc


def test_sentences_fixture_is_right() -> None:
    doc = _doc()
    assert [doc.span_text(s) for s in doc.sentences][:2] == ["We will not surrender.", "We will not forget."]
    assert doc.span_text(doc.sentences[-1]) == "We will not surrender."


def test_profile_fields() -> None:
    doc = _doc()
    profile = rhetoric_profile(doc)
    assert profile["words"] == doc.word_count()
    assert set(profile["techniques"]) == set(TECHNIQUES)
    name_calling = profile["techniques"]["Name_Calling,Labeling"]
    assert name_calling["count"] == 1
    assert name_calling["per_1000_words"] == round(1000 / doc.word_count(), 2)
    us = profile["us_vs_them"]
    assert us["in_group"]["count"] == 5  # four "We" and "our"
    assert us["out_group"]["count"] == 2  # "They", "they"
    assert us["in_group"]["points_to"] == [{"actor": "Speaker's side", "count": 1}]
    assert us["out_group"]["points_to"][0]["actor"] == "Regime X"
    assert profile["certainty"] == {
        "boosters": 0,
        "hedges": 1,
        "boosters_per_1000_words": 0.0,
        "hedges_per_1000_words": round(1000 / doc.word_count(), 2),
        "balance": -1.0,
        "source": "hedge layer",
    }
    rep = profile["repetition"]
    assert rep["phrases"][0]["text"] == "we will not surrender"
    assert rep["phrases"][0]["count"] == 2
    assert rep["openings"][0] == {"opening": "we will", "count": 4, "sentences": [0, 1, 2, 6]}
    assert rep["anaphora"] == [{"opening": "we will not", "sentences": [0, 1, 2], "length": 3}]
    loaded = profile["loaded_terms"]
    assert loaded[0]["term"] == "thugs"
    assert loaded[0]["applied_to"] == [{"actor": "Regime X", "count": 1}]


def test_profile_without_layers_falls_back_to_lexicon() -> None:
    doc = Document("Clearly this is certainly true. Maybe not.")
    doc.sentences = [Segment(0, 31), Segment(32, 42)]
    profile = rhetoric_profile(doc)
    assert profile["certainty"]["source"] == "lexicon"
    assert profile["certainty"]["boosters"] == 2
    assert profile["certainty"]["hedges"] == 1
    assert profile["us_vs_them"]["resolved_with_actors"] is False


def test_repeated_phrases_keep_the_longest() -> None:
    text = "Jobs for our people. Jobs for our people. Jobs for our people now."
    sents = [(0, 20), (21, 41), (42, len(text))]
    found = repeated_phrases(text, sents)
    assert [(r.text, r.count) for r in found] == [("jobs for our people", 3)]
    assert [text[s:e] for s, e in found[0].occurrences] == ["Jobs for our people"] * 3
    assert anaphora(text, sents)[0]["length"] == 3


def test_shared_opening_is_the_longest_common_word_prefix() -> None:
    text = "Why are you waiting? Why are you silent? WHY are you afraid of them?"
    sents = [(0, 20), (21, 40), (41, len(text))]
    opening, ranges = shared_opening(text, sents)
    assert opening == "why are you"
    assert [text[s:e] for s, e in ranges] == ["Why are you", "Why are you", "WHY are you"]
    same = "Never again. Never again."
    assert shared_opening(same, [(0, 12), (13, 25)]) == ("never again", [(0, 11), (13, 24)])
    assert shared_opening("One two. Three.", [(0, 8), (9, 15)]) == ("", [(0, 0), (9, 9)])
