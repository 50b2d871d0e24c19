"""Name masking: every proper noun becomes ``ENT`` before any lexical feature sees the sentence.

This is what makes the check-worthiness model neutral: "Israel struck Iran" and "Iran struck Israel"
both read "ENT struck ENT", so no feature can be keyed on a country, person or party. A word counts as
a name when it is capitalised inside a sentence, or, at the start of a sentence, when its lower-case form
is not a common word (the list is learnt from the training text and shipped with the model).
"The ENT" and "ENT of ENT" collapse to "ENT" ("the United States" reads like "China"). Numbers become
``0`` runs so that figures generalise. This module does no named-entity recognition (no spaCy): it is a
cheap, deterministic rule that errs on the side of masking.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

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
_PRONOUN_I = frozenset({"i", "i'm", "i've", "i'll", "i'd", "i’m", "i’ve", "i’ll", "i’d"})
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


def _is_name(tok: str, initial: bool, common: set[str]) -> bool:
    if not tok[0].isupper():
        return False
    word = _POSSESSIVE.sub("", tok).rstrip(".")
    low = word.lower()
    if low in _PRONOUN_I or low == "i":
        return False
    if not initial:
        return True
    return low not in common


def mask_tokens(text: str, common: set[str], keep_digits: bool = False) -> list[str]:
    """The sentence's tokens with names as ``ENT`` (possessive kept as ``ENT 's``) and digits as 0
    (unless ``keep_digits``)."""
    out: list[str] = []
    initial = True
    for tok in tokens(text):
        if tok[0].isdigit():
            out.append(tok if keep_digits else _DIGITS.sub("0", tok))
            initial = False
            continue
        if tok[0].isalpha() and _is_name(tok, initial, common):
            possessive = _POSSESSIVE.search(tok)
            if out and out[-1] == MASK:
                pass
            elif len(out) >= 2 and out[-1] == "of" and out[-2] == MASK:
                out.pop()
            elif out and out[-1].lower() == "the":
                out[-1] = MASK
            else:
                out.append(MASK)
            if possessive:
                out.append("'s")
            initial = False
            continue
        out.append(tok.lower() if tok[0].isalpha() else tok)
        initial = tok in _SENTENCE_BREAK
    return out


def mask_text(text: str, common: set[str], keep_digits: bool = False) -> str:
    """``mask_tokens`` joined with spaces: the text every feature of the model is computed on."""
    return " ".join(mask_tokens(text, common, keep_digits))
