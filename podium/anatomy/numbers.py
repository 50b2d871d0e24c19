"""Numbers as written in speeches -> values: "12,000", "3.5", "1.5 million", "$5bn", "forty-two",
"one hundred and twenty thousand", "a dozen", "half a million", "two thirds", "hundreds of thousands",
"tenfold", "twice", "21st".

It finds and values number expressions only; deciding whether one is a quantity (and not a year, a verse
or a pronoun "one") is ``podium.anatomy.quantities``' job.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from podium.resources.anatomy_lexicon import (
    FRACTIONS,
    MULTIPLIER_BASE_VERBS,
    MULTIPLIER_WORDS,
    ORDINALS,
    SCALE_SUFFIXES,
    SCALES,
    SMALL_NUMBERS,
    VAGUE_PLURALS,
)

_SMALL = "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True))
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_SCALE = "hundred|thousand|lakh|million|crore|billion|trillion"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD = rf"(?:(?:{_TENS})[- ](?:{_UNITS})\b|(?:{_SMALL}|{_SCALE}|dozen)\b)"
_AFTER_SCALE = "(?:" + "|".join(f"(?<={w})" for w in _SCALE.split("|")) + ")"
_WORD_RUN = (
    rf"(?:\b(?:a|an|one|half\s+a)\s+(?=(?:{_SCALE}|dozen)\b))?\b{_WORD}"
    rf"(?:(?:\s+|-|{_AFTER_SCALE}\s+and\s+)(?:{_WORD}))*"
)
#: Digits, also right after a South African "R" ("R2.1 billion"; whether it is money is decided later).
_DIGITS = r"(?:(?<![\w.,:/-])|(?<=(?<![\w$])R))(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d:/])"
_DIGIT_RUN = rf"{_DIGITS}(?:(?:\s*(?:{_SCALE})\b)+|(?:bn|mn|tn|trn|k|m|b)\b)?"
_FRACTION_WORDS = "|".join(sorted(FRACTIONS, key=len, reverse=True))
_FRACTION = rf"\b(?:(?:a|an|one|{_UNITS})[\s-]+(?:{_FRACTION_WORDS})|half(?!\s+an?\s+(?:{_SCALE}|dozen)\b))\b"
_VAGUE = rf"\b(?:{'|'.join(VAGUE_PLURALS)})(?:\s+of\s+(?:thousands|millions|billions))?(?=\s+of\b)"
_ORDINAL_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_ORDINAL = rf"\b\d+(?:st|nd|rd|th)\b|\b(?:(?:{_TENS})-(?:{_ORDINAL_UNITS})|{'|'.join(ORDINALS)})\b"
#: "two and a half million": a whole number, a half and a scale.
_AND_HALF = rf"\b(?:{_SMALL})\s+and\s+a\s+half\s+(?:{_SCALE})\b"
_MULTIPLIER_VERBS = "|".join(w for w in MULTIPLIER_WORDS if w not in ("twice", "thrice"))
_MULTIPLIER = (
    rf"\b(?:\d+|{_SMALL}|a\s+hundred)[\s-]?fold\b|\b(?:{_MULTIPLIER_VERBS})\b"
    rf"|\b(?:will|would|could|can|may|might|shall|should|must|to)\s+(?:{'|'.join(MULTIPLIER_BASE_VERBS)})\b"
    rf"|\b(?:double|triple|quadruple)(?=\s+(?:that|what|the|its|their|our|this)\b)"
    rf"|\b(?:twice|thrice)(?=\s+(?:as|the|more|that|over|what|higher|larger|bigger|than|a|its|their|our)\b)"
    rf"|\b(?:\d+|{_SMALL})\s+times(?=\s+(?:more|as|higher|larger|greater|bigger|less|fewer|over|faster|"
    rf"lower|smaller|cheaper|what|that\s+of|those\s+of)\b|\s+(?:the|its|their|our|his|her)\s+(?:[a-z]+\s+)?"
    rf"(?:size|level|amount|number|rate|average|cost|price|value|population|area|budget|figure|total|sum|wage|"
    rf"salary|salaries|income|pay|output|debt|spending|revenue|capacity|volume|share|distance)s?\b)"
)

#: Every branch starts at the start of a word (or at digits right after "R"); checking that first lets the
#: regex skip the other positions without trying each branch there (half the time, the same matches).
NUMBER_RE = re.compile(
    r"(?:(?<!\w)(?=\w)|(?<=R)(?=\d))"
    rf"(?:(?P<mult>{_MULTIPLIER})|(?P<vague>{_VAGUE})|(?P<frac>{_FRACTION})|(?P<ord>{_ORDINAL})"
    rf"|(?P<digits>{_DIGIT_RUN})|(?P<half>{_AND_HALF})|(?P<words>{_WORD_RUN}))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Number:
    """A number expression in a text: ``kind`` is count, fraction, vague, ordinal or multiplier."""

    start: int
    end: int
    value: float
    kind: str
    wordy: bool
    scaled: bool


#: Values beyond this ("1" and 310 zeros, "1e999") are not read as numbers: they cannot be resolved to a
#: usable value (floats overflow to infinity), so they are left out rather than reported wrong.
MAX_VALUE = 1e100


def tidy(value: float) -> float | int:
    """Integers as ``int`` (12000, not 12000.0); other values rounded to 6 places (infinity and NaN kept)."""
    if not math.isfinite(value):
        return value
    return round(value) if abs(value - round(value)) < 1e-9 else round(value, 6)


def word_value(text: str) -> float | None:
    """Value of number words: "forty-two" -> 42, "one hundred and twenty thousand" -> 120000."""
    tokens = re.findall(r"[a-z]+", text.lower())
    total, current, seen, last_added, prev_scale = 0.0, 0.0, False, 0.0, False
    for i, tok in enumerate(tokens):
        if tok == "and":
            continue
        if tok in ("a", "an") or (tok == "half" and i + 1 < len(tokens) and tokens[i + 1] == "a"):
            current = 0.5 if tok == "half" else current
            continue
        if tok in SMALL_NUMBERS:
            current += SMALL_NUMBERS[tok]
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in SCALES and prev_scale and not current:
            total += last_added * (SCALES[tok] - 1)  # "lakh crore": scales multiply
            last_added *= SCALES[tok]
        elif tok in SCALES:
            last_added = (current or 1) * SCALES[tok]
            total += last_added
            current = 0
        else:
            return None
        seen = True
        prev_scale = tok in SCALES
    return total + current if seen else None


def digit_value(text: str) -> float | None:
    """Value of digits with an optional scale: "12,000", "3.5", "1.5 million", "5bn"."""
    m = re.fullmatch(r"([\d,]*\d(?:\.\d+)?)\s*([a-z\s]*)", text.strip().lower())
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    for scale in m.group(2).split():
        factor = SCALES.get(scale) or SCALE_SUFFIXES.get(scale)
        if not factor:
            return None
        value *= factor
    return value


def number_value(text: str) -> float | None:
    """Value of a number written in digits or words (no fractions, ordinals or multipliers)."""
    stripped = text.strip()
    if stripped[:1].isdigit():
        return digit_value(stripped)
    return word_value(stripped)


def _fraction_value(text: str) -> float:
    words = re.findall(r"[a-z]+", text.lower())
    if words == ["half"]:
        return 0.5
    numerator = 1 if words[0] in ("a", "an") else SMALL_NUMBERS[words[0]]
    return numerator / FRACTIONS[words[-1]]


def _multiplier_value(text: str) -> float | None:
    low = text.lower()
    if low.split()[-1] in MULTIPLIER_BASE_VERBS:
        return MULTIPLIER_BASE_VERBS[low.split()[-1]]
    if low in MULTIPLIER_WORDS:
        return MULTIPLIER_WORDS[low]
    base = re.sub(r"[\s-]?(?:fold|times)$", "", low).strip()
    return number_value(base)


def _ordinal_value(text: str) -> float:
    low = text.lower()
    if low[:1].isdigit():
        return float(low[:-2])
    if "-" in low:  # "seventy-ninth"
        tens, unit = low.split("-")
        return float(SMALL_NUMBERS[tens] + ORDINALS[unit])
    return float(ORDINALS[low])


def find_numbers(text: str) -> list[Number]:
    """Every number expression in ``text``, left to right, not overlapping."""
    out: list[Number] = []
    for m in NUMBER_RE.finditer(text):
        kind = m.lastgroup or ""
        raw = m.group()
        start = m.start()
        value: float | None
        if kind == "mult":
            value, kind = _multiplier_value(raw), "multiplier"
            if raw.split()[-1].lower() in MULTIPLIER_BASE_VERBS:  # "will double": the modal is left out
                start, raw = m.end() - len(raw.split()[-1]), raw.split()[-1]
        elif kind == "half":
            words = raw.lower().split()
            value, kind = (SMALL_NUMBERS[words[0]] + 0.5) * SCALES[words[-1]], "count"
        elif kind == "vague":
            words = re.findall(r"[a-z]+", raw.lower())
            value = 1.0
            for w in words:
                value *= VAGUE_PLURALS.get(w, 1)
        elif kind == "frac":
            value, kind = _fraction_value(raw), "fraction"
        elif kind == "ord":
            value, kind = _ordinal_value(raw), "ordinal"
        else:
            value = number_value(raw)
            kind = "count"
        if value is None or not abs(value) <= MAX_VALUE:
            continue
        wordy = not raw[:1].isdigit()
        scaled = bool(re.search(rf"(?:{_SCALE}|dozen)\b|\d(?:bn|mn|tn|trn|k|m|b)\b", raw, re.IGNORECASE))
        out.append(Number(start, m.end(), value, kind, wordy, scaled))
    return out
