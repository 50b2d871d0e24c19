"""What the matching features read of a text: content terms, numbers, names, negation, people, dates.

Every helper returns index terms in the form :mod:`podium.factchecks.lexical` stores them (lower-cased
tokens, stemmed where words are stemmed), so a term found in a query can be looked up in the postings of
an index built from fact-checks.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date

from podium.factchecks.lexical import stem, tokens
from podium.resources.matching_words import NEGATIONS, STOP_WORDS

_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15",
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "dozen": "12",
}  # fmt: skip
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NAME = re.compile(r"(?<![\w'’])[A-Z][a-zA-Z'’.-]*[a-zA-Z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(]\s*)$")
_NOT_NAMES = STOP_WORDS | NEGATIONS | {"mr", "mrs", "ms", "dr", "president", "senator", "governor"}


def content_terms(text: str) -> list[str]:
    """Stemmed content words (no stop words, no negations, no numbers), in order."""
    return [
        stem(t) for t in tokens(text) if t not in STOP_WORDS and t not in NEGATIONS and not t[0].isdigit()
    ]


def numbers(text: str) -> set[str]:
    """The numbers a text states, normalised: digits as written (``4,300`` → ``4300``), number words
    as digits ("four" → ``4``), and ``23 million`` also as its value (``23000000``)."""
    found: set[str] = set()
    words = tokens(text)
    for i, word in enumerate(words):
        if word[0].isdigit():
            found.add(word)
            scale = _SCALES.get(words[i + 1]) if i + 1 < len(words) else None
            if scale:
                with contextlib.suppress(ValueError, OverflowError):
                    value = float(word) * scale
                    if value == int(value):
                        found.add(str(int(value)))
        elif word in _NUMBER_WORDS:
            found.add(_NUMBER_WORDS[word])
    return found


def negated(text: str) -> bool:
    """Whether the text holds a negation word ("not", "never", "didn't" …)."""
    return any(w in NEGATIONS for w in tokens(text))


def name_terms(text: str) -> set[str]:
    """Index terms of the capitalised words that do not start a sentence (Obama, Israel, Medicare)."""
    out = set()
    for match in _NAME.finditer(text):
        if _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
            continue
        for word in tokens(match.group()):
            if len(word) > 1 and word not in _NOT_NAMES:
                out.add(stem(word))
    return out


def person_terms(person: str | None) -> set[str]:
    """Index terms of a speaker's or claimant's name words of 3+ letters: "Donald Trump" → {donald,
    trump}; titles ("Mr.", "President") left out."""
    if not person:
        return set()
    return {stem(w) for w in tokens(person) if len(w) >= 3 and w not in _NOT_NAMES and not w[0].isdigit()}


def day_number(value: str | None) -> int | None:
    """Days since year 1 of an ISO date (``YYYY-MM-DD``; a month or year prefix counts as its first day)."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return date(y, m, d).toordinal()
    except (ValueError, IndexError):
        return None
