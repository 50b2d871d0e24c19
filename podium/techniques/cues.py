"""Lexicon cues (``podium/resources/techniques/lexicon.py``) compiled to regular expressions.

``cue_hits(text)`` gives, per cue category, the ``[start, end)`` of every match. No learning here:
the learnt models use the hits as features, and the rhetoric profile counts them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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


def _joins(char: str) -> bool:
    """Whether a cue match could continue across ``char`` (the patterns stop at non-word, non-hyphen)."""
    return char.isalnum() or char in "_-"


def segment_cue_hits(text: str, segments: list[tuple[int, int]]) -> list[dict[str, list[tuple[int, int]]]]:
    """``cue_hits(text[s:e])`` for every ``(s, e)`` of ``segments`` (sorted, not overlapping), with each
    pattern run once over ``text`` instead of once per segment.

    A segment gets exactly what ``cue_hits`` would give it: one that touches a word character or hyphen
    on either side, or that a match crosses into, is matched on its own instead.
    """
    names = list(patterns())
    out: list[dict[str, list[tuple[int, int]]]] = [{n: [] for n in names} for _ in segments]
    starts = [s for s, _ in segments]
    alone = {
        k
        for k, (s, e) in enumerate(segments)
        if (s > 0 and _joins(text[s - 1])) or (e < len(text) and _joins(text[e]))
    }
    for name, pattern in patterns().items():
        for m in pattern.finditer(text):
            a, b = m.span()
            k = bisect_right(starts, a) - 1
            if k >= 0 and b <= segments[k][1]:
                out[k][name].append((a - starts[k], b - starts[k]))
                continue
            # the match is (partly) outside every segment: segments it overlaps are matched alone
            j = max(k, 0)
            while j < len(segments) and segments[j][0] < b:
                if segments[j][1] > a:
                    alone.add(j)
                j += 1
    for k in alone:
        s, e = segments[k]
        out[k] = cue_hits(text[s:e])
    return out
