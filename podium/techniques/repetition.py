"""Repetition in a document: repeated phrases, repeated sentence openings, and anaphora.

Pure text counting on word tokens (lower-cased); offsets point into the document text. A phrase is a run
of 3 to 6 words (not all function words) said at least twice; nested phrases with the same count keep only
the longest. Anaphora: two or more consecutive sentences that open with the same two words. No model here.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from podium.techniques.function_words import CORE

_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True, slots=True)
class Repeated:
    """A phrase said more than once, and where: ``[[start, end], ...]``."""

    text: str
    count: int
    occurrences: list[list[int]]


def _words(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text, start, end or len(text))]


def _head(text: str, start: int, end: int, n_words: int) -> list[str]:
    """The first ``n_words`` words of ``text[start:end]``, lower-cased (fewer if it is shorter)."""
    return [m.group().lower() for m in itertools.islice(_WORD.finditer(text, start, end), n_words)]


def repeated_phrases(
    text: str, sentences: list[tuple[int, int]], min_n: int = 3, max_n: int = 6, min_count: int = 2
) -> list[Repeated]:
    """Phrases of ``min_n``–``max_n`` words repeated ``min_count`` times or more (within sentences)."""
    per_sentence = []
    first: Counter[tuple[str, ...]] = Counter()
    for s, e in sentences:
        words = _words(text, s, e)
        tokens = [w for w, _, _ in words]
        per_sentence.append((words, tokens))
        first.update(tuple(tokens[i : i + min_n]) for i in range(len(tokens) - min_n + 1))
    seen: dict[tuple[str, ...], list[list[int]]] = defaultdict(list)
    for words, tokens in per_sentence:
        # a phrase can only repeat where its first ``min_n`` words do: other positions are skipped
        content = [w not in CORE for w in tokens]
        for i in range(len(tokens) - min_n + 1):
            if first[tuple(tokens[i : i + min_n])] < min_count:
                continue
            for n in range(min_n, min(max_n, len(tokens) - i) + 1):
                if any(content[i : i + n]):
                    seen[tuple(tokens[i : i + n])].append([words[i][1], words[i + n - 1][2]])
    found = {g: occ for g, occ in seen.items() if len(occ) >= min_count}
    covered = set()  # phrases inside a longer phrase said as often
    for gram, occ in found.items():
        for n in range(min_n, len(gram)):
            for i in range(len(gram) - n + 1):
                sub = gram[i : i + n]
                if sub not in covered and len(found.get(sub, ())) == len(occ):
                    covered.add(sub)
    kept = [Repeated(" ".join(g), len(occ), occ) for g, occ in found.items() if g not in covered]
    return sorted(kept, key=lambda r: (-r.count, -len(r.text), r.occurrences[0][0], r.text))


#: Sentences are searched for repeated phrases in windows of about this many characters (``repeated_phrases``
#: on a whole long document would hold every repeated n-gram with all its places at once).
WINDOW_CHARS = 100_000


def repeated_phrases_in_windows(
    text: str, sentences: list[tuple[int, int]], window_chars: int = WINDOW_CHARS
) -> list[Repeated]:
    """``repeated_phrases`` of a text of any length in bounded memory: the same result when the sentences
    fit in one window; otherwise the phrases repeated inside each window of consecutive sentences of
    about ``window_chars`` characters, with their counts and places added up over the windows (a phrase
    said once in each of two windows is not found)."""
    if not sentences or sentences[-1][1] - sentences[0][0] <= window_chars:
        return repeated_phrases(text, sentences)
    merged: dict[str, tuple[int, list[list[int]]]] = {}
    first = 0
    while first < len(sentences):
        stop = first + 1
        while stop < len(sentences) and sentences[stop][1] - sentences[first][0] <= window_chars:
            stop += 1
        for r in repeated_phrases(text, sentences[first:stop]):
            count, places = merged.get(r.text, (0, []))
            merged[r.text] = (count + r.count, places + r.occurrences)
        first = stop
    kept = [Repeated(t, count, places) for t, (count, places) in merged.items()]
    return sorted(kept, key=lambda r: (-r.count, -len(r.text), r.occurrences[0][0], r.text))


def openings(text: str, sentences: list[tuple[int, int]], n_words: int = 2) -> list[tuple[str, list[int]]]:
    """The first ``n_words`` words of each sentence (lower case) with the sentence's index."""
    out: dict[str, list[int]] = defaultdict(list)
    for k, (s, e) in enumerate(sentences):
        words = _head(text, s, e, n_words)
        if len(words) == n_words:
            out[" ".join(words)].append(k)
    return sorted(out.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))


def anaphora(text: str, sentences: list[tuple[int, int]], n_words: int = 2) -> list[dict[str, object]]:
    """Runs of ≥ 2 consecutive sentences opening with the same ``n_words`` words; ``opening`` is the
    longest opening the run's sentences share (``shared_opening``)."""
    runs: list[dict[str, object]] = []
    heads = [" ".join(_head(text, s, e, n_words)) for s, e in sentences]
    k = 0
    while k < len(heads):
        j = k
        while j + 1 < len(heads) and heads[k] and heads[j + 1] == heads[k]:
            j += 1
        if j > k and len(heads[k].split()) == n_words:
            opening, _ = shared_opening(text, sentences[k : j + 1])
            runs.append({"opening": opening, "sentences": list(range(k, j + 1)), "length": j - k + 1})
        k = j + 1
    return runs


def shared_opening(
    text: str, sentences: list[tuple[int, int]], max_words: int = 8
) -> tuple[str, list[tuple[int, int]]]:
    """The longest opening (≤ ``max_words`` words, compared lower-cased) that all ``sentences`` share, and
    its ``[start, end)`` in each of them ("We will fight for our" in "We will fight for our country. We
    will fight for our children.")."""
    words = [list(itertools.islice(_WORD.finditer(text, s, e), max_words)) for s, e in sentences]
    n = 0
    while all(len(w) > n for w in words) and len({w[n].group().lower() for w in words}) == 1:
        n += 1
    if n == 0:
        return "", [(s, s) for s, _ in sentences]
    opening = " ".join(m.group().lower() for m in words[0][:n])
    return opening, [(w[0].start(), w[n - 1].end()) for w in words]
