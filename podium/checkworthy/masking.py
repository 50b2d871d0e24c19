"""Name masking for the check-worthiness model: every name becomes ``ENT`` before any feature sees it.

This is what makes the model neutral: "Israel struck Iran" and "Iran struck Israel" both read
"ENT struck ENT", so no feature can be keyed on a country, person or party. What counts as a name is
decided by ``podium.masking.name_ranges`` (the one rule of the package, with the common-word list learnt
from the training text and shipped with the model); this module renders it as tokens. "The ENT" and
"ENT of ENT" collapse to "ENT" ("the United States" reads like "China"). Numbers become ``0`` runs so
that figures generalise. No named-entity recognition here (no spaCy).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from podium.masking import name_ranges

MASK = "ENT"
_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Prof)\.(?=\s)"
    r"|[^\W\d_](?:\.[^\W\d_])+\.?"
    r"|[^\W\d_]+(?:[\-'’&][^\W\d_]+)*"
    r"|\d+(?:[,.]\d+)*"
    r"|\S"
)
_POSSESSIVE = re.compile(r"(['’]s|['’])$")
_SENTENCE_BREAK = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "(", "[", "—", "-", "–", "…"})
_DIGITS = re.compile(r"\d")


def tokens(text: str) -> list[str]:
    """Words (with inner apostrophes, hyphens and dots), numbers, and single punctuation marks."""
    return _TOKEN.findall(text)


def learn_common_words(texts: Iterable[str], min_count: int = 2) -> set[str]:
    """Lower-case words that are ordinary words in ``texts``: seen in lower case often enough, and
    in lower case at least as often as capitalised inside a sentence (so "democrats" is not common)."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for text in texts:
        toks = tokens(text)
        for i, tok in enumerate(toks):
            if not tok[0].isalpha():
                continue
            word = _POSSESSIVE.sub("", tok).rstrip(".")
            if word.islower():
                lower[word] += 1
            elif i > 0 and toks[i - 1] not in _SENTENCE_BREAK:
                capital[word.lower()] += 1
    return {w for w, n in lower.items() if n >= min_count and n >= capital[w]}


def mask_tokens(text: str, common: set[str], keep_digits: bool = False) -> list[str]:
    """The sentence's tokens with names as ``ENT`` (possessive kept as ``ENT 's``) and digits as 0
    (unless ``keep_digits``). What is a name is ``podium.masking.name_ranges``'s decision; a lower-case
    prefix hyphenated to a name stays a token of its own ("pro- ENT")."""
    ranges = name_ranges(text, common)
    out: list[str] = []
    r = 0
    last_range = -1
    next_start = ranges[0][0] if ranges else len(text)
    covered = 0  # the end of the last name reached (a name can span several tokens)
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok[0].isdigit():
            out.append(tok if keep_digits else _DIGITS.sub("0", tok))
            continue
        pos, end = m.start(), m.end()
        if covered <= pos and end <= next_start:  # no name here: the common case
            out.append(tok.lower() if tok[0].isalpha() else tok)
            continue
        while r < len(ranges) and ranges[r][1] <= pos:
            r += 1
        k = r
        while k < len(ranges) and ranges[k][0] < end:
            start, stop = ranges[k]
            if start > pos:
                out.append(text[pos:start].lower())
            if k != last_range:
                _add_mask(out)
                last_range = k
            pos = max(pos, stop)
            covered = max(covered, stop)
            k += 1
        next_start = ranges[k][0] if k < len(ranges) else len(text)
        if pos >= end:
            continue
        rest = text[pos:end]
        if k > r and _POSSESSIVE.fullmatch(rest):
            out.append("'s")
        elif k > r:
            out.append(rest.lower())
        else:
            out.append(tok.lower() if tok[0].isalpha() else tok)
    return out


def _add_mask(out: list[str]) -> None:
    """Append one ``ENT``: runs of names, "the ENT" and "ENT of ENT" collapse into one."""
    if out and out[-1] == MASK:
        return
    if len(out) >= 2 and out[-1] == "of" and out[-2] == MASK:
        out.pop()
    elif out and out[-1].lower() == "the":
        out[-1] = MASK
    else:
        out.append(MASK)


def mask_both(text: str, common: set[str]) -> tuple[str, str]:
    """``(mask_text(text, common), mask_text(text, common, keep_digits=True))`` for the price of one."""
    named = mask_tokens(text, common, keep_digits=True)
    masked = [_DIGITS.sub("0", t) if t[0].isdigit() else t for t in named]
    return " ".join(masked), " ".join(named)


def mask_text(text: str, common: set[str], keep_digits: bool = False) -> str:
    """``mask_tokens`` joined with spaces: the text every feature of the model is computed on."""
    return " ".join(mask_tokens(text, common, keep_digits))
