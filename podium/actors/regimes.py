"""A regime named before: a definite "regime" with no actor of its own is the actor an earlier sentence of
the same speaker called a regime.

"No one has shown more contempt ... than the depraved regime in North Korea. ... We were all witness to the
regime's deadly abuse": the second "regime" is North Korea. The antecedent is the nearest earlier actor that
the text itself calls a regime ("the Iranian regime", "Assad's regime", "the regime in North Korea", "the
regime of X"), within ``WINDOW`` sentences of the same speaker; none, and "the regime" stays no mention.
The rule reads the words only, so it treats every state alike.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from podium.actors.mentions import Mention

#: How many sentences back an antecedent may be.
WINDOW = 8
_ANAPHOR = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ss]uch an?|[Ss]uch)\s+(?:[a-z]+\s+){0,2}?regime$")
_REGIME = re.compile(r"\bregime\b")
_BEFORE_REGIME = re.compile(r"(?:['’]s)?\s+(?:[a-z]+\s+){0,2}regime\b")
_REGIME_BEFORE = re.compile(r"\bregime\s+(?:in|of)\s+(?:the\s+)?$")
_OWN_PHRASE = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?[A-Z]")


def regime_anaphors(
    text: str,
    sentences: Sequence[tuple[int, int]],
    speakers: Sequence[str | None],
    mentions: list[Mention],
    make: type[Mention],
) -> list[Mention]:
    """``mentions`` plus one mention for each anaphoric "the regime" that has an antecedent."""
    if "regime" not in text:
        return mentions
    regimes = [m for m in mentions if _called_regime(text, m)]
    if not regimes:
        return mentions
    added = []
    starts = [s for s, _ in sentences]
    for word in _REGIME.finditer(text):  # each "regime", then its determiner just before it
        hit = _ANAPHOR.search(text, max(0, word.start() - 40), word.end())
        if hit is None:
            continue
        k = bisect_right(starts, hit.start()) - 1
        if k < 0 or hit.end() > sentences[k][1]:
            continue
        if _OWN_PHRASE.match(text, hit.end()) or any(
            m.start < hit.end() and hit.start() < m.end for m in mentions
        ):
            continue  # "the regime in North Korea" names its own; "the Iranian regime" is a mention
        before = [
            m
            for m in regimes
            if m.end <= hit.start() and k - m.sentence <= WINDOW and speakers[m.sentence] == speakers[k]
        ]
        if before:
            antecedent = max(before, key=lambda m: m.end)
            added.append(make(hit.start(), hit.end(), antecedent.actor, "anaphor", k))
    return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions


def _called_regime(text: str, m: Mention) -> bool:
    """Whether the text calls the actor of ``m`` a regime there ("the Iranian regime", "regime in X")."""
    if m.kind in ("pronoun", "coref", "anaphor") or "regime" not in text[max(0, m.start - 30) : m.end + 30]:
        return False
    return (
        text[m.start : m.end].endswith("regime")  # an epithet: "the Zionist regime"
        or _BEFORE_REGIME.match(text, m.end) is not None
        or _REGIME_BEFORE.search(text, max(0, m.start - 30), m.start) is not None
    )
