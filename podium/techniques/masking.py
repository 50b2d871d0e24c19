"""Name masking for the technique model: every run of names becomes ``X`` before the models see a sentence.

This is what keeps technique decisions neutral: "Iran's thugs" and "Israel's thugs" both read
"X's thugs" ("the United States" becomes "X" as "China" does), so no learnt weight can be keyed on a
country, person or party. What counts as a name is decided by ``podium.masking.name_ranges`` (the one rule
of the package; the common-word list it needs is learnt from the training text here and shipped with the
model); this module joins names into runs and renders them. Masking keeps a character map back to the
original text, so every offset the models produce points into the unmasked text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from podium.masking import name_ranges

MASK = "X"
#: Bump when the rule changes: cached encodings of the training corpus depend on it.
VERSION = 3
_WORD = re.compile(r"[^\W\d_]+(?:[\-'’.][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")
_BREAK = re.compile(r"(?:^|[.!?:;\"“”(\[—–…]|--)\s*$")
_JOIN = re.compile(r"^[ \-]*$")
_THE = re.compile(r"(?<![\w-])[Tt]he $")


@dataclass(frozen=True, slots=True)
class Masked:
    """A masked text and, for each of its characters, the original ``[start, end)`` it stands for."""

    text: str
    starts: list[int]
    ends: list[int]
    #: Whether each character belongs to a placeholder.
    placeholder: list[bool]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the masked range ``[start, end)`` (``end > start``)."""
        return self.starts[start], self.ends[end - 1]


def learn_common_words(texts: Iterable[str], min_count: int = 2) -> set[str]:
    """Lower-case words seen in lower case at least ``min_count`` times and at least as often as
    capitalised inside a sentence (so "democrats" is not common when the text writes "Democrats")."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for text in texts:
        for m in _WORD.finditer(text):
            word = _POSSESSIVE.sub("", m.group())
            if word.islower():
                lower[word] += 1
            elif not _BREAK.search(text[: m.start()]):
                capital[word.lower()] += 1
    return {w for w, n in lower.items() if n >= min_count and n >= capital[w]}


def name_runs(text: str, common: set[str]) -> list[tuple[int, int]]:
    """``[start, end)`` of every run of names in ``text`` (names by ``podium.masking.name_ranges``;
    possessive endings outside): names separated only by spaces or hyphens form one run, and a "the"
    right before a run joins it."""
    runs: list[tuple[int, int]] = []
    for start, end in name_ranges(text, common):
        article = _THE.search(text, 0, start)
        if article and article.end() == start:
            start = article.start()  # "the United States" reads like "China"
        if runs and _JOIN.match(text[runs[-1][1] : start]):
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def mask(text: str, common: set[str]) -> Masked:
    """``text`` with each name run replaced by ``MASK``, and the character map back to ``text``."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    flags: list[bool] = []
    pos = 0
    for start, end in name_runs(text, common):
        pieces.append(text[pos:start])
        starts.extend(range(pos, start))
        ends.extend(range(pos + 1, start + 1))
        pieces.append(MASK)
        starts.extend([start] * len(MASK))
        ends.extend([end] * len(MASK))
        flags.extend([False] * (start - pos) + [True] * len(MASK))
        pos = end
    pieces.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    flags.extend([False] * (len(text) - pos))
    return Masked("".join(pieces), starts, ends, flags)
