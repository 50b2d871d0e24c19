"""Verdicts normalised to six classes: false, mostly_false, mixed, mostly_true, true, other.

The verdict text wins when it is recognisable; otherwise a numeric rating is binned; otherwise ``other``.

Text (compared lower-cased, with ``-``/``_`` as spaces, quotes and final punctuation dropped; first the
whole text, then its first clause, then the earliest known phrase found in it):

=============  ===================================================================================
class          verdicts
=============  ===================================================================================
true           true, correct, accurate, verified, confirmed, correct attribution, geppetto checkmark
mostly_true    mostly true, mostly correct, mostly accurate, largely true, largely accurate,
               one pinocchio
mixed          half true (PolitiFact), mixture (Snopes), mixed, partly/partially true, partly/partially
               false, half truth, missing context, needs context, out of context, lacks context,
               cherry picks, two pinocchios
mostly_false   mostly false, barely true (PolitiFact's old name for it), misleading, exaggerated,
               exaggeration, overstated, mostly incorrect, three pinocchios
false          false, pants on fire / pants fire, incorrect, wrong, fake, hoax, fabricated, not true,
               miscaptioned, misattributed, altered, manipulated, doctored, scam, fake news, four pinocchios
other          PolitiFact's flip-o-meter (no flip, half flip, full flop), unproven, unverified,
               unsupported, no evidence, outdated, legend, lost legend, satire, labeled satire,
               originated as satire, research in progress, explainer, opinion, and anything unknown
=============  ===================================================================================

Numbers: ``f = (value - worst) / (best - worst)`` with schema.org's defaults ``best = 5``, ``worst = 1``;
``f < 0.2`` false, ``< 0.4`` mostly_false, ``< 0.6`` mixed, ``< 0.8`` mostly_true, else true (so 1..5
map to the five classes in order). A value outside ``[worst, best]``, ``best <= worst`` or a non-number
gives ``other``.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

RATINGS: tuple[str, ...] = ("false", "mostly_false", "mixed", "mostly_true", "true", "other")

_TABLE: dict[str, tuple[str, ...]] = {
    "true": (
        "true", "correct", "accurate", "verified", "confirmed", "correct attribution", "geppetto checkmark",
    ),
    "mostly_true": (
        "mostly true", "mostly correct", "mostly accurate", "largely true", "largely accurate",
        "one pinocchio",
    ),
    "mixed": (
        "half true", "mixture", "mixed", "partly true", "partially true", "partly false", "partially false",
        "half truth", "missing context", "needs context", "out of context", "lacks context", "cherry picks",
        "two pinocchios",
    ),
    "mostly_false": (
        "mostly false", "barely true", "misleading", "exaggerated", "exaggeration", "overstated",
        "mostly incorrect", "three pinocchios",
    ),
    "false": (
        "false", "pants on fire", "pants fire", "incorrect", "wrong", "fake", "hoax", "fabricated",
        "not true", "not correct", "miscaptioned", "misattributed", "altered", "manipulated", "doctored",
        "scam", "fake news", "four pinocchios",
    ),
    "other": (
        "no flip", "half flip", "full flop", "unproven", "unverified", "unsupported", "no evidence",
        "outdated", "legend", "lost legend", "satire", "labeled satire", "labelled satire",
        "originated as satire", "research in progress", "explainer", "opinion",
    ),
}  # fmt: skip

VERDICTS: dict[str, str] = {phrase: label for label, phrases in _TABLE.items() for phrase in phrases}
# Longest phrases first, so that "mostly false" is found before "false" inside free text.
_PHRASES = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(VERDICTS, key=len, reverse=True)) + r")\b"
)
_CLAUSE_END = re.compile(r"[.:;,!?(\[—–]| - ")


def _canonical(text: str) -> str:
    text = text.lower().replace("-", " ").replace("_", " ")
    text = re.sub(r"[\"'“”‘’«»]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(".!?: ").strip()


def rating_from_text(text: object) -> str | None:
    """The class of a verdict text, or None when the text says nothing recognisable."""
    return _classify(text) if isinstance(text, str) else None


@lru_cache(maxsize=4096)
def _classify(text: str) -> str | None:
    whole = _canonical(text)
    if not whole:
        return None
    if whole in VERDICTS:
        return VERDICTS[whole]
    first = _canonical(_CLAUSE_END.split(whole, maxsplit=1)[0])
    if first in VERDICTS:
        return VERDICTS[first]
    found = _PHRASES.search(whole)
    return VERDICTS[found.group(1)] if found else None


def number(value: object) -> float | None:
    """A finite float from an int, float or numeric string; None otherwise (booleans included)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        result = float(value)
    elif isinstance(value, str):
        try:
            result = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return result if math.isfinite(result) else None


def rating_from_number(value: object, best: object = None, worst: object = None) -> str | None:
    """The class of a numeric rating on the scale worst..best, or None when it cannot be placed."""
    v = number(value)
    if v is None:
        return None
    b = 5.0 if best is None else number(best)
    w = 1.0 if worst is None else number(worst)
    if b is None or w is None or b <= w or not w <= v <= b:
        return None
    fraction = (v - w) / (b - w)
    return RATINGS[min(int(fraction * 5), 4)]


def normalise_rating(
    alternate_name: str | None, value: float | str | None = None, best: object = None, worst: object = None
) -> str:
    """One of :data:`RATINGS` for a verdict given as text and/or numbers (see the module's table)."""
    return rating_from_text(alternate_name) or rating_from_number(value, best, worst) or "other"
