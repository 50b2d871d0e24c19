"""Cue matching over a whole document gives each segment what matching the segment alone gives."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.techniques.cues import cue_hits, segment_cue_hits

# cue words and phrases of several categories, and what may stand next to them
_PIECES = [
    "terrorists",
    "so-called",
    "puppet",
    "always",
    "never",
    "everyone knows",
    "perhaps",
    "catastrophe",
    "criminal regime",
    "everyone",
    "knows",
    "our",
    "people",
    "threat",
    "for",
    "the people",
    "they",
    "said",
    "x",
    "-",
    " ",
    "  ",
    "\n",
    ". ",
    ", ",
    '"',
    "’s",
    "_",
]


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = "".join(draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40)))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=12))))
    segments = []
    for a, b in itertools.pairwise(cuts):
        if draw(st.booleans()):  # leave some gaps between segments, as header lines are
            segments.append((a, b))
    return text, segments


@settings(max_examples=400, deadline=None)
@given(documents())
def test_segment_hits_equal_hits_of_each_segment_alone(doc: tuple[str, list[tuple[int, int]]]) -> None:
    text, segments = doc
    assert segment_cue_hits(text, segments) == [cue_hits(text[s:e]) for s, e in segments]


def test_hits_are_relative_to_their_segment() -> None:
    text = "Intro line\nThe so-called experts were always wrong. Perhaps."
    segments = [(11, 51), (52, 60)]
    hits = segment_cue_hits(text, segments)
    assert hits == [cue_hits(text[11:51]), cue_hits(text[52:60])]
    found = {text[11 + a : 11 + b].lower() for spans in hits[0].values() for a, b in spans}
    assert "always" in found


def test_no_segments_give_no_hits() -> None:
    assert segment_cue_hits("always never", []) == []


def test_a_phrase_across_two_segments_counts_in_neither() -> None:
    text = "We act for the people now"
    segments = [(0, 10), (11, 25)]  # "We act for" | "the people now"
    hits = segment_cue_hits(text, segments)
    assert hits == [cue_hits(text[0:10]), cue_hits(text[11:25])]
    assert hits[1]["flag"] == [(0, 10)]  # "the people" in the second, not "for the people" across the cut
