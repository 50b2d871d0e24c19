"""From piece probabilities to technique spans (rules, no learnt weights).

The span tagger (``tagger``) gives every word piece the probability that it lies inside a propaganda span;
``decode`` turns one segment's probabilities into spans:

1. a span starts from pieces at or above ``threshold`` (the seeds) and grows to the neighbouring pieces
   while they stay at or above ``threshold × low_ratio`` (hysteresis: the tagger's probability often dips
   in the middle of a phrase, which used to cut "Lord of the Worlds" into fragments);
2. it is widened to whole words and trimmed of spaces and ``. , : ;`` (as the PTC gold spans are);
3. spans of the same segment separated by at most ``merge_words`` words and no sentence break are joined;
4. a span loses a dangling last word ("and", "of", "the": "lies and" → "lies"), and spans made only
   of function words ("our", "have", "of the") are dropped: they are never a technique on their own.

Steps 1, 3 and 4 were chosen on cross-validated PTC predictions (span identification F1 0.352 → 0.368
with the thresholds fixed; 0.374 once ``training/train_techniques.py`` re-chose the threshold with this
decoder on held-out articles). The score of a span is the mean probability of its pieces. The function
words are ``function_words.FUNCTION_WORDS``.
"""

from __future__ import annotations

import re

import numpy as np

from podium.techniques.function_words import FUNCTION_WORDS

_TRIM = " \t\r\n.,:;"
_WORDCHAR = re.compile(r"\w")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_BREAK = re.compile(r"[.!?\n]")
#: Words a span never ends on ("the lies and" → "the lies"). Not verbs: "what this is" ends a clause.
_DANGLING = re.compile(
    r"[\s,;:]+(?:and|or|but|nor|of|to|the|a|an|in|on|at|by|for|with|from|into|that|which|who)$",
    re.IGNORECASE,
)


def _word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and _WORDCHAR.match(text[start - 1]) and _WORDCHAR.match(text[start]):
        start -= 1
    while end < len(text) and _WORDCHAR.match(text[end]) and _WORDCHAR.match(text[end - 1]):
        end += 1
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _runs(probs: np.ndarray, threshold: float, low: float) -> list[tuple[int, int]]:
    """``[first, last]`` piece indices of each run around a seed, extended while ≥ ``low``."""
    runs: list[tuple[int, int]] = []
    n, i = len(probs), 0
    while i < n:
        if probs[i] < threshold:
            i += 1
            continue
        first, last = i, i
        floor = runs[-1][1] + 1 if runs else 0
        while first > floor and probs[first - 1] >= low:
            first -= 1
        while last + 1 < n and probs[last + 1] >= low:
            last += 1
        runs.append((first, last))
        i = last + 1
    return runs


def _cut_dangling(text: str, start: int, end: int) -> int:
    while m := _DANGLING.search(text, start, end):
        end = m.start()
        while end > start and text[end - 1] in _TRIM:
            end -= 1
    return end


def _only_function_words(text: str) -> bool:
    return all(w.lower().replace("’", "'") in FUNCTION_WORDS for w in _WORD.findall(text))


def decode(
    text: str,
    offsets: np.ndarray,
    probs: np.ndarray,
    threshold: float,
    *,
    low_ratio: float = 0.7,
    merge_words: int = 2,
    min_chars: int = 2,
) -> list[tuple[int, int, float]]:
    """Spans ``(start, end, mean probability)`` of one segment, in order and not overlapping.

    ``offsets`` are the pieces' ``[start, end)`` in ``text``; ``probs`` their probabilities.
    """
    spans: list[tuple[int, int, int, int]] = []  # start, end, first piece, last piece
    for first, last in _runs(probs, threshold, threshold * low_ratio):
        start, end = _word_edges(text, int(offsets[first][0]), int(offsets[last][1]))
        if end - start < min_chars:
            continue
        if spans:
            gap = text[spans[-1][1] : start]  # empty where word widening made them touch or overlap
            if len(_WORD.findall(gap)) <= merge_words and not _BREAK.search(gap):
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]), spans[-1][2], last)
                continue
        spans.append((start, end, first, last))
    out = []
    for start, end, first, last in spans:
        end = _cut_dangling(text, start, end)
        if end - start >= min_chars and not _only_function_words(text[start:end]):
            out.append((start, end, float(probs[first : last + 1].mean())))
    return out
