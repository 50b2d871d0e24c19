"""Decoding piece probabilities into technique spans (podium.techniques.decoding)."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from podium.techniques.decoding import FUNCTION_WORDS, decode


def _pieces(text: str) -> np.ndarray:
    """One piece per word or punctuation mark, as ``[start, end)`` offsets."""
    return np.array([m.span() for m in re.finditer(r"\w+|[^\w\s]", text)], dtype=np.int64).reshape(-1, 2)


def _spans(text: str, probs: list[float], threshold: float = 0.6, **kw: float) -> list[str]:
    found = decode(text, _pieces(text), np.array(probs, dtype=np.float32), threshold, **kw)
    return [text[s:e] for s, e, _ in found]


def test_a_dip_inside_a_phrase_does_not_cut_it() -> None:
    text = "They praised the Lord of the Worlds today"
    probs = [0.1, 0.1, 0.1, 0.8, 0.5, 0.5, 0.9, 0.1]
    assert _spans(text, probs) == ["Lord of the Worlds"]
    # without hysteresis the same probabilities give the fragments
    assert _spans(text, probs, low_ratio=1.0, merge_words=-1) == ["Lord", "Worlds"]


def test_the_low_threshold_still_bounds_the_span() -> None:
    text = "a truly shameful and cowardly act happened"
    probs = [0.1, 0.3, 0.9, 0.45, 0.3, 0.1, 0.1]
    assert _spans(text, probs) == ["shameful"]  # "and" was above the low threshold but dangles
    assert _spans(text, probs, low_ratio=0.8) == ["shameful"]


def test_spans_a_word_or_two_apart_are_joined_within_a_sentence() -> None:
    text = "These corrupt and cowardly elites"
    assert _spans(text, [0.1, 0.9, 0.1, 0.9, 0.9]) == ["corrupt and cowardly elites"]
    assert _spans(text, [0.1, 0.9, 0.1, 0.9, 0.9], merge_words=0) == ["corrupt", "cowardly elites"]


def test_spans_are_not_joined_across_a_sentence_break() -> None:
    text = "Shameful. Cowardly"
    assert _spans(text, [0.9, 0.1, 0.9]) == ["Shameful", "Cowardly"]


def test_function_word_only_spans_are_dropped() -> None:
    text = "and they have done our work, villains"
    probs = [0.1, 0.1, 0.9, 0.1, 0.1, 0.1, 0.1, 0.9]
    assert _spans(text, probs, merge_words=0) == ["villains"]
    assert {"our", "have", "of", "the", "don't"} <= FUNCTION_WORDS
    assert _spans("They don’t", [0.9, 0.9, 0.9, 0.9]) == []


def test_partial_pieces_widen_to_whole_words() -> None:
    text = "an unbelievable lie"
    offsets = np.array([[0, 2], [3, 6], [6, 15], [16, 19]])
    found = decode(text, offsets, np.array([0.1, 0.9, 0.1, 0.1]), 0.6)
    assert [text[s:e] for s, e, _ in found] == ["unbelievable"]


_VOCAB = ["war", "the", "evil", ",", ".", "and", "Iran", "liars", "!", "of"]


@given(
    words=st.lists(st.sampled_from(_VOCAB), max_size=30),
    probs=st.lists(st.floats(0.0, 1.0), min_size=30, max_size=30),
    threshold=st.floats(0.05, 0.95),
    low_ratio=st.floats(0.3, 1.0),
    merge_words=st.integers(-1, 3),
)
def test_spans_are_ordered_disjoint_trimmed_and_scored(
    words: list[str], probs: list[float], threshold: float, low_ratio: float, merge_words: int
) -> None:
    text = " ".join(words)
    offsets = _pieces(text)
    p = np.array(probs[: len(offsets)], dtype=np.float32)
    found = decode(text, offsets, p, threshold, low_ratio=low_ratio, merge_words=merge_words)
    last_end = 0
    for start, end, score in found:
        assert last_end <= start < end <= len(text)
        assert text[start] not in " .,:;" and text[end - 1] not in " .,:;"
        assert 0.0 <= score <= 1.0
        assert not all(w.lower() in FUNCTION_WORDS for w in re.findall(r"\w+", text[start:end]))
        assert text[start:end].split()[-1].lower() not in {"and", "of", "the"}
        last_end = end


def test_a_clause_may_end_on_its_verb() -> None:
    text = "Everyone knows what this is and"
    assert _spans(text, [0.9, 0.9, 0.9, 0.9, 0.9, 0.5]) == ["Everyone knows what this is"]
