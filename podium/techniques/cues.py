"""Lexicon cues (``podium/resources/techniques/lexicon.py``) compiled to regular expressions.

``cue_hits(text)`` gives, per cue category, the ``[start, end)`` of every match. No learning here:
the learnt models use the hits as features, and the rhetoric profile counts them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from podium.resources.techniques.lexicon import CUES

#: Categories used as model features, in a fixed order.
CATEGORIES: tuple[str, ...] = tuple(CUES)


def _body(phrase: str) -> str:
    body = re.escape(phrase.rstrip("*")).replace(r"\ ", r"\s+").replace("'", "['’]")
    return body + (r"\w*" if phrase.endswith("*") else "")


def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Longest phrase first; grouped by first letter so a word start tries only its own group."""
    groups: dict[str, list[str]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        groups.setdefault(phrase[0].lower(), []).append(phrase)
    parts = []
    for phrases_ in groups.values():
        if phrases_[0][0] in "'’" or not phrases_[0][0].isalnum():
            parts += [_body(p) for p in phrases_]
            continue
        parts.append(re.escape(phrases_[0][0]) + "(?:" + "|".join(_body(p[1:]) for p in phrases_) + ")")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    return {name: _pattern(words) for name, words in CUES.items()}


def cue_hits(text: str) -> dict[str, list[tuple[int, int]]]:
    """Matches of every cue category in ``text``."""
    return {name: [m.span() for m in p.finditer(text)] for name, p in patterns().items()}
