"""Name masking: every run of proper names becomes ``X`` before the models see a sentence.

This is what keeps technique decisions neutral: "Iran's thugs" and "Israel's thugs" both read
"X's thugs" ("the United States" becomes "X" as "China" does), so no learnt weight can be keyed on a
country, person or party. A word counts as a name when it is capitalised inside a sentence, or, first in a
sentence, when its lower-case form is not a common word (the common-word list is learnt from the training
text and shipped with the model). Shouted common words ("STOP THE STEAL") are not names. Masking keeps a
character map back to the original text, so every offset the models produce points into the unmasked
text. No named-entity recognition here: a cheap, deterministic rule that errs on the side of masking.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

MASK = "X"
#: Bump when the rule changes: cached encodings of the training corpus depend on it.
VERSION = 2
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


def name_ranges(text: str, common: set[str]) -> list[tuple[int, int]]:
    """``[start, end)`` of every run of name words in ``text`` (possessive endings left outside)."""
    runs: list[tuple[int, int]] = []
    for m in _WORD.finditer(text):
        word = m.group()
        bare = _POSSESSIVE.sub("", word) if len(word) > 2 else word
        if not bare or not bare[0].isupper() or bare in ("I", "A"):
            continue
        low = bare.lower()
        if bare.isupper() and len(bare) > 1 and low in common:
            continue  # shouting, not a name
        initial = bool(_BREAK.search(text[max(0, m.start() - 40) : m.start()])) or m.start() == 0
        if initial and low in common:
            continue
        start, end = m.start(), m.start() + len(bare)
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
    for start, end in name_ranges(text, common):
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
