"""Quantities in a sentence: value, counted noun or unit, currency, approximation, range, rate, multiplier.

Grammar over the numbers ``podium.anatomy.numbers`` finds: an approximator before ("over", "nearly",
"some") or after ("or so"), a currency symbol or word, "percent", a counted-noun phrase whose last word is
the unit ("a dozen field hospitals" -> head "hospitals"), and a rate period ("a day"). Ranges
("between 5 and 7 billion", "300 or 400") keep both ends. Ordinals are kept apart (kind "ordinal").

Not quantities: numbers inside time expressions or citations (the caller passes those ranges as
``masks``), identifiers ("F-15", "Resolution 2254"), bare years, and the pronoun or determiner "one"
("one must stand firm", "one land, one people"); a value of one is kept only with a unit of measure, a
currency or "percent". It does not convert units or currencies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from podium.anatomy.numbers import Number, find_numbers, tidy
from podium.resources.anatomy_lexicon import (
    APPROX_AFTER,
    APPROX_BEFORE,
    COUNTRY_CURRENCIES,
    CURRENCY_ADJECTIVES,
    CURRENCY_CODES,
    CURRENCY_FAMILIES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    IRREGULAR_PLURALS,
    MEASURE_UNITS,
    NOMINAL_ADJECTIVES,
    NOUN_STOP,
    RATE_ADVERBS,
    RATE_PERIODS,
    SCALES,
    SMALL_NUMBERS,
)


def _alts(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_APPROX_LEFT = re.compile(rf"(?:^|(?<=\W))(?P<a>{_alts(APPROX_BEFORE)})\s+$", re.IGNORECASE)
#: A trailing approximator, unless a number or "than" follows it ("200 million euros plus one million",
#: "8,000 missiles and more than 4,600 drones").
_APPROX_RIGHT = re.compile(
    rf"^\s*(?P<a>{_alts(APPROX_AFTER)})(?!\w)(?!\s*(?:[\d$€£¥₹]|(?:than|an?|{_alts(SMALL_NUMBERS)})\b))",
    re.IGNORECASE,
)
#: A number that is the first part of a compound adjective of time or age ("a thousand-year-old state").
_COMPOUND_RIGHT = re.compile(
    r"^-(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centur(?:y|ies)|old)\b"
)
_AND_NOUN = re.compile(r"\s+and(?=\s)")
_SYMBOL_LEFT = re.compile(rf"(?P<c>{_alts(CURRENCY_SYMBOLS)})\s?$")
_CODE_LEFT = re.compile(rf"\b(?P<c>{_alts(CURRENCY_CODES)})\s$")
_PERCENT = re.compile(r"^\s*(?P<p>%|per\s?cent|percentage\s+points?)(?!\w)", re.IGNORECASE)
_NATIONAL = _alts({" ".join(w.capitalize() for w in a.split()[:-1]) for a in CURRENCY_ADJECTIVES})
_CODE_RIGHT = re.compile(rf"^\s+(?P<c>{_alts(CURRENCY_CODES)})\b")
_CURRENCY_RIGHT = re.compile(
    rf"^\s+(?:of\s+)?(?P<c>(?:(?:US|U\.S\.|American|{_NATIONAL})"
    rf"\s+)?(?:{_alts(CURRENCY_WORDS)}))\b",
    re.IGNORECASE,
)
_OF = re.compile(
    r"^\s+of(?:\s+(?:the|those|these|our|their|its|all|his|her|them|us|which))?(?=\s)", re.IGNORECASE
)
_OF_PRONOUN = re.compile(r"^\s+of\s+(?:them|us|you|these|those|which|whom)\b(?!\s+[a-z]+s\b)", re.IGNORECASE)
_WORD = re.compile(r"\s+([A-Za-z][\w’'-]*|\d+/\d+s\b)")  # "twenty 9/11s": a date used as a noun
_RATE = re.compile(
    rf"^\s+(?:(?:a|an|per|each|every)\s+(?P<p>{_alts(RATE_PERIODS)})\b(?!\s+(?:ago|earlier|later|before)\b)"
    rf"|(?P<adv>{_alts(RATE_ADVERBS)})\b)",
    re.IGNORECASE,
)
#: A temperature scale after "degrees" ("1.3 degrees Celsius").
_SCALE_NAME = re.compile(r"^\s+(Celsius|Fahrenheit|centigrade)\b", re.IGNORECASE)
#: What a measure word measures, kept in the span only when a rate follows ("barrels of crude oil a day").
_OF_STUFF = re.compile(
    rf"^\s+of\s+(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*(?=\s+(?:(?:a|an|per|each|every)\s+(?:{_alts(RATE_PERIODS)})"
    rf"|{_alts(RATE_ADVERBS)})\b)"
)
_RANGE_JOIN = re.compile(rf"^\s*(?P<j>or|to|-|–|and)\s*(?:{_alts(CURRENCY_SYMBOLS)}|R)?\s*$")
#: "one child in every five": the noun counted sits between the two numbers.
_RATIO_NOUN = re.compile(r"^\s+(?P<n>[a-z]+)\s+in\s+every\s+$")
#: A South African rand sign glued to a number ("R2.1 billion", "R800 million").
_RAND_LEFT = re.compile(r"(?:^|(?<=[^\w$]))R$")
#: "only" or "just" before a quantity (and any approximator) stays in its span; the value is as stated.
_ONLY_LEFT = re.compile(r"(?:^|(?<=\W))(?P<o>only|just)\s+$", re.IGNORECASE)
_RATIO_JOIN = re.compile(r"^\s+(?:in(?:\s+every)?|out\s+of)\s+$")
_BETWEEN = re.compile(r"\b(?P<b>between|from)\s+$", re.IGNORECASE)
_ID_LEFT = re.compile(
    r"(?:[A-Za-z]-?|No\.\s?|#|\b(?:Route|Highway|Flight|Unit|Brigade|Division|Room|Phase|Level|Point|Item|"
    r"Number|Camp|Block|Gate|Sector|Resolution|Article|Section|Chapter|Paragraph|Sermon|Verse|Psalm|Page|"
    r"Line|Rule|Amendment|Protocol|Tower|Building|Street|Bus|Road|Platform|Hall)\s)$"
)
_YEAR = re.compile(r"1[0-9]\d{2}|20\d{2}")
_YEAR_ADJECTIVE = re.compile(r"\b(?:the|its|our|their|his|her|this|that)\s+$", re.IGNORECASE)


#: How much of the text before a number the left-context patterns (all anchored at the number, ``$``)
#: are given: they match a word or two, so a longer sentence costs no more per number.
_LEFT_CHARS = 80
_SPACE = re.compile(r"\s")
_NET = re.compile(r"\bnet[\s-]$", re.IGNORECASE)
_EVERY = re.compile(r"\b(?:every|per|split)\s+$", re.IGNORECASE)


def _left(text: str, pos: int) -> int:
    """Where the ``$``-anchored left-context patterns start looking for a number at ``pos`` (they are
    searched with ``pattern.search(text, _left(text, pos), pos)``): at a word start (whitespace before
    it) at least ``_LEFT_CHARS`` characters before the last word before ``pos``. They match a word or
    two, so they find there every match they would find in all of ``text[:pos]``, and a long sentence
    costs no more per number."""
    if pos <= 2 * _LEFT_CHARS:
        return 0
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    w = end - _LEFT_CHARS
    while w > 0 and not (_SPACE.match(text, w - 1) and not _SPACE.match(text, w)):
        w -= 1
    return max(w, 0)


def _before(text: str, pos: int) -> str:
    """The end of ``text[:pos]`` from ``_left``, for rules that look at the last words before a number."""
    return text[_left(text, pos) : pos]


@dataclass(slots=True)
class QuantityHit:
    start: int
    end: int
    kind: str
    attrs: dict[str, Any] = field(default_factory=dict)


_NOT_DEMONYM = frozenset(
    {"paris", "tunis", "memphis", "francis", "davis", "lewis", "travis", "dennis", "chris", "genesis"}
)


_NOT_MEN = frozenset(
    {"specimen", "regimen", "abdomen", "acumen", "stamen", "yemen", "omen", "bitumen", "lumen"}
)


def _plural(word: str, capital: bool = False) -> bool:
    """A plural noun: regular -s, irregular ("people"), or a capitalised demonym in -is ("Israelis")."""
    if capital and len(word) > 5 and word.endswith("is") and word not in _NOT_DEMONYM:
        return True
    if word.endswith("men") and len(word) > 4 and word not in _NOT_MEN:  # "servicemen", "gunmen"
        return True
    if capital and len(word) > 5 and word.endswith("ese"):  # "Sudanese", "Lebanese", "Chinese"
        return True
    return (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))) or (
        word in IRREGULAR_PLURALS
    )


def _plural_follows(text: str, pos: int) -> int | None:
    """End of a plural noun within the next two words ("staff [members]", "infantry [fighting vehicles]")."""
    cur = pos
    for _ in range(2):
        m = _WORD.match(text, cur)
        if not m or m.group(1).lower() in NOUN_STOP or m.group(1)[0].isupper():
            return None
        cur = m.end()
        low = m.group(1).lower()
        if low.endswith("s") and _plural(low) and not low.endswith("ness"):
            return m.end(1)
        if not low.endswith("ing"):
            return None
    return None


def _modifier_only(word: str) -> bool:
    """Participles and superlatives modify a counted noun but are not one ("displaced", "largest")."""
    if word in ("building", "interest", "forest", "protest", "west", "rest", "test", "guest", "chest"):
        return False
    return word.endswith(("ed", "ing")) or (word.endswith("est") and len(word) > 5)


def _stops(word: str) -> bool:
    low = word.lower()
    return (
        low in NOUN_STOP
        or low in SMALL_NUMBERS
        or (low.endswith("ly") and low not in ("family", "ally", "assembly", "elderly"))
    )


def _capital_next(text: str, pos: int) -> bool:
    m = _WORD.match(text, pos)
    return bool(m) and m.group(1)[0].isupper() and not _stops(m.group(1))  # type: ignore[union-attr]


def _conjunct(text: str, pos: int) -> int | None:
    """End of a second plural noun joined by "and" ("patients and medical staff"), within two words."""
    m = _AND_NOUN.match(text, pos)
    if not m:
        return None
    cur = m.end()
    for _ in range(2):
        w = _WORD.match(text, cur)
        if not w or _stops(w.group(1)) or w.group(1)[0].isupper():
            return None
        cur = w.end()
        if _plural(w.group(1).lower()):
            return w.end(1)
        if w.group(1).lower().endswith("er"):
            return None  # "3 million jobs and higher wages": a comparative, not a noun counted with the first
        if w.group(1).lower().endswith("ed"):
            return None  # "229 people and destroyed thousands": a verb starts a new clause
    return None


def counted_noun(text: str, pos: int, plural: bool = False, ordinal: bool = False) -> tuple[int, str] | None:
    """The counted-noun phrase right after ``pos``: (end offset, phrase); its last word is the unit.
    With ``plural`` (a count above one) the phrase must end in a plural, a unit of measure or an
    adjective used as a noun ("twenty wounded"): "only 15 sit on the Council" has no counted noun."""
    words: list[tuple[int, int, str]] = []
    cur = pos
    for _ in range(4):
        m = _WORD.match(text, cur)
        if not m:
            break
        word, low = m.group(1), m.group(1).lower()
        if _stops(word) and (words or low not in ("more", "fewer")):  # "four more Patriot systems"
            break
        words.append((m.start(1), m.end(1), word))
        cur = m.end()
        if low in NOMINAL_ADJECTIVES and not _plural_follows(text, cur) and not _WORD.match(text, cur):
            return cur, text[words[0][0] : cur]  # "some twenty wounded."
        unit = _WORD.match(text, cur)
        if low in ("cubic", "square") and unit and unit.group(1).lower() in MEASURE_UNITS:
            continue  # "cubic meters", "square kilometres": the measure word comes next
        if (_plural(low, word[0].isupper()) or low in MEASURE_UNITS) and not (
            word[0].isupper() and _capital_next(text, cur)  # "the Sixth Infantry Division"
        ):
            extend = (low in IRREGULAR_PLURALS or word[0].isupper()) and _plural_follows(text, cur)
            if extend:
                words.append((m.start(1), extend, text[m.start(1) : extend]))
            elif (second := _conjunct(text, cur)) is not None:
                words.append((m.start(1), second, text[m.start(1) : second]))
            break
        if word[0].isupper() and len(words) == 1 and not ordinal:  # "the Sixth Fleet" keeps its noun
            nxt = _WORD.match(text, cur)
            if not nxt or nxt.group(1).lower() in NOUN_STOP:
                words.pop()
                break
    while words and (_modifier_only(words[-1][2].lower()) or words[-1][2].lower() in ("more", "fewer")):
        words.pop()
    if not words:
        return None
    if plural:
        head = words[-1][2].split()[-1]
        if not (
            _plural(head.lower(), head[0].isupper()) or head.lower() in MEASURE_UNITS or head[0].isupper()
        ):
            return None
    return words[-1][1], text[words[0][0] : words[-1][1]]


def _scale_of(text: str) -> float | None:
    m = re.search(rf"\b({_alts(SCALES)})\b", text, re.IGNORECASE)
    return float(SCALES[m.group(1).lower()]) if m else None


def _skip(num: Number, raw: str, text: str) -> bool:
    """Things that only look like quantities: identifiers, years, "one" as a pronoun."""
    if _ID_LEFT.search(text, _left(text, num.start), num.start):
        return True
    return num.kind == "count" and not num.scaled and bool(_YEAR.fullmatch(raw))


def find_quantities(text: str, masks: list[tuple[int, int]] = ()) -> list[QuantityHit]:  # type: ignore[assignment]
    """Quantities in ``text`` outside the ``masks`` (time expressions, citations)."""
    nums = [n for n in find_numbers(text) if not any(n.start < e and n.end > s for s, e in masks)]
    hits: list[QuantityHit] = []
    i = 0
    while i < len(nums):
        first = nums[i]
        last, value_max, joiner = first, None, ""
        consumed = 1
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        if (
            nxt is not None
            and first.kind == "fraction"
            and nxt.kind == "count"
            and nxt.scaled
            and re.fullmatch(r"\s+of\s+", text[first.end : nxt.start])
            and re.match(r"an?\s", text[nxt.start : nxt.end], re.IGNORECASE)
        ):  # "a quarter of a million jobs": 250,000 jobs
            first = Number(first.start, nxt.end, first.value * nxt.value, "count", True, True)
            last, consumed, nxt = first, 2, None
        if nxt is not None and first.kind == "count" and nxt.kind in ("count", "multiplier"):
            join = _RANGE_JOIN.match(text[first.end : nxt.start])
            before = _RAND_LEFT.sub("", _before(text, first.start))
            falling = (
                nxt.kind == "count" and nxt.value < first.value
            )  # "fell from 38 to 4 percent": two values
            if join and not falling and (join.group("j") != "and" or _BETWEEN.search(before)):
                last, joiner, value_max, consumed = nxt, join.group("j"), nxt.value, 2
                if nxt.kind == "multiplier":
                    first = Number(first.start, first.end, first.value, "multiplier", first.wordy, False)
            elif (
                _RATIO_JOIN.match(text[first.end : nxt.start])
                and nxt.kind == "count"
                and nxt.value > first.value
            ):
                ratio = first.value / nxt.value
                first = Number(first.start, nxt.end, ratio, "fraction", first.wordy, False)
                last, consumed = first, 2
            elif (
                (ratio_noun := _RATIO_NOUN.match(text[first.end : nxt.start]))
                and first.value == 1
                and nxt.kind == "count"
                and nxt.value > 1
                and ratio_noun.group("n").lower() not in NOUN_STOP
            ):
                i += 2
                unit = ratio_noun.group("n").lower()
                attrs = {"value": tidy(1 / nxt.value), "value_max": None, "unit": unit, "currency": None,
                         "approx": "=", "rate_per": None, "multiplier": None, "kind": "fraction"}  # fmt: skip
                hits.append(QuantityHit(first.start, nxt.end, "fraction", attrs))
                continue
        i += consumed
        hit = _build(text, first, last, value_max, joiner)
        if hit is not None:
            hits.append(hit)
    return hits


def _build(
    text: str, first: Number, last: Number, value_max: float | None, joiner: str
) -> QuantityHit | None:
    raw = text[first.start : first.end]
    year_with_noun = bool(_YEAR.fullmatch(raw)) and counted_noun(text, first.end) is not None
    rand = bool(_RAND_LEFT.search(text, _left(text, first.start), first.start)) and (
        first.scaled or "," in raw
    )
    identifier = bool(_ID_LEFT.search(text, _left(text, first.start), first.start)) and not rand
    if first.value == 0 and _NET.search(text, _left(text, first.start), first.start):
        return None  # "net zero emissions": a target, not a count
    if not rand and _skip(first, raw, text) and value_max is None and (not year_with_noun or identifier):
        return None
    if _COMPOUND_RIGHT.match(text[last.end :]):
        return None
    if (
        year_with_noun
        and value_max is None
        and re.fullmatch(r"(?:19|20)\d{2}", raw)
        and _YEAR_ADJECTIVE.search(text, _left(text, first.start), first.start)
    ):
        return None  # "the 1967 borders", "our 2030 targets": a year used as an adjective
    value = first.value
    if value_max is not None and first.kind == "count" and not first.scaled and last.scaled:
        value *= _scale_of(text[last.start : last.end]) or 1
    start, end = first.start, last.end
    attrs: dict[str, Any] = {"value": None, "value_max": None, "unit": None, "currency": None, "approx": "=",
                             "rate_per": None, "multiplier": None, "kind": "count"}  # fmt: skip
    if joiner == "or":
        attrs["approx"] = "~"
    if rand:
        attrs["currency"], start = "ZAR", start - 1
    elif m := _SYMBOL_LEFT.search(text, _left(text, start), start):
        attrs["currency"], start = CURRENCY_SYMBOLS[m.group("c")], m.start("c")
    elif m := _CODE_LEFT.search(text, _left(text, start), start):
        attrs["currency"], start = "TRY" if m.group("c") == "TL" else m.group("c"), m.start("c")
    if value_max is not None and (between := _BETWEEN.search(text, _left(text, start), start)):
        start = between.start()
    if m := _APPROX_LEFT.search(text, _left(text, start), start):
        attrs["approx"], start = APPROX_BEFORE[m.group("a").lower()], m.start("a")
    if first.kind == "vague":
        attrs["approx"] = ">"
    if m := _ONLY_LEFT.search(text, _left(text, start), start):
        start = m.start("o")
    kind = first.kind
    if kind == "multiplier":
        attrs.update(kind="multiplier", multiplier=tidy(value))
    elif kind == "ordinal":
        if _EVERY.search(text, _left(text, start), start) and raw.lower() == "second":
            return None  # "every second counts": the unit of time
        if re.match(rf"\s+(?:\d|(?:{_alts(SMALL_NUMBERS)})\b)", text[end:], re.IGNORECASE):
            return None  # "our first four months": the count after it is the quantity, if any
        noun = counted_noun(text, end, ordinal=True)
        superlative = re.match(r"\s+[a-z]+est\b", text[end:])
        if noun is None and superlative is None:
            return None
        attrs["kind"] = "ordinal"
        if noun is not None:
            end, attrs["unit"] = noun[0], noun[1].lower()
        else:
            end += superlative.end()  # type: ignore[union-attr]
    else:
        end = _right_side(text, first, end, attrs)
        lone_one = first.value == 1 and value_max is None and not first.scaled and not _measured(attrs)
        if end < 0 or (lone_one and (attrs["approx"] == "=" or attrs["unit"] is None)):
            return None
    attrs["value"] = tidy(value)
    attrs["value_max"] = tidy(value_max) if value_max is not None else None
    if value_max is not None and attrs["approx"] == "=":
        attrs["approx"] = "~"  # a range ("between 3 and 4 percent") states its value approximately
    if first.kind == "fraction":
        attrs["kind"] = "fraction" if attrs["kind"] == "count" else attrs["kind"]
    return QuantityHit(start, end, attrs["kind"], attrs)


def _right_side(text: str, first: Number, end: int, attrs: dict[str, Any]) -> int:
    """Read percent, currency, counted noun, rate and trailing approximators; -1 when not a quantity."""
    if m := _APPROX_RIGHT.match(text[end:]):
        attrs["approx"], end = APPROX_AFTER[m.group("a").lower()], end + m.end()
    has_of = first.kind != "ordinal"
    if m := _PERCENT.match(text[end:]):
        attrs["unit"], attrs["kind"] = (
            "percent" if "point" not in m.group("p") else "percentage points",
            "percent",
        )
        end += m.end()
    elif m := _CURRENCY_RIGHT.match(text[end:]):
        word = " ".join(m.group("c").lower().split())
        attrs["currency"] = CURRENCY_ADJECTIVES.get(word) or CURRENCY_WORDS.get(word.split()[-1], None)
        end += m.end()
    elif attrs["currency"] is None and (m := _CODE_RIGHT.match(text[end:])):
        attrs["currency"] = "TRY" if m.group("c") == "TL" else m.group("c")
        end += m.end()
    elif attrs["currency"] is None:
        pos = end
        if has_of and _OF_PRONOUN.match(text[end:]) and (not first.wordy or first.kind == "fraction"):
            return end  # "115 of them remain", "a third of them": the count has no noun of its own
        if has_of and (m := _OF.match(text[end:])):
            pos = end + m.end()
        elif m := re.match(r"\s+such(?=\s+[a-z])", text[end:]):
            pos = end + m.end()  # "five such vessels"
        many = first.kind == "count" and (
            first.value > 1 or first.value == 0
        )  # "zero deaths", not "zero tolerance"
        noun = counted_noun(text, pos, plural=many)
        if noun is not None:
            end, attrs["unit"] = noun[0], noun[1].lower()
            head = noun[1].split()[-1].lower()
            if (scale := _SCALE_NAME.match(text[end:])) and head in ("degrees", "degree"):
                end, attrs["unit"] = end + scale.end(), f"{attrs['unit']} {scale.group(1).lower()}"
            elif head in MEASURE_UNITS and (stuff := _OF_STUFF.match(text[end:])):
                end += stuff.end()  # "750,000 barrels of oil a day": the measure word stays the unit
        elif _lonely(first, text, attrs):
            return -1
    if attrs["currency"]:
        attrs["unit"], attrs["kind"] = attrs["currency"], "money"
    if m := _RATE.match(text[end:]):
        attrs["rate_per"] = (
            RATE_PERIODS.get((m.group("p") or "").lower()) or RATE_ADVERBS[m.group("adv").lower()]
        )
        attrs["kind"] = "rate" if attrs["kind"] == "count" else attrs["kind"]
        end += m.end()
    if m := _APPROX_RIGHT.match(text[end:]):
        attrs["approx"], end = APPROX_AFTER[m.group("a").lower()], end + m.end()
    return end


def _measured(attrs: dict[str, Any]) -> bool:
    unit = attrs["unit"] or ""
    return attrs["kind"] in ("percent", "money") or unit.split(" ")[-1] in MEASURE_UNITS


def _lonely(first: Number, text: str, attrs: dict[str, Any]) -> bool:
    """A number with no unit that is not a quantity: "one must", "the two of them", "half-hearted"."""
    if first.kind == "fraction":
        before = _before(text, first.start).rstrip().lower()
        return not (attrs["approx"] != "=" or before.endswith(("by", "than")))
    if first.value in (0, 1) and not first.scaled:
        return True  # "one must", "zero tolerance"
    # a count in words stands alone as a noun phrase ("mothers of two", "only five have come home"), but not
    # as the first part of a compound ("a two-bedroom flat") or before "of" ("the two of them")
    after = text[first.end :]
    compound = after.startswith("-") or re.match(r"\s+of\b", after) is not None
    return first.wordy and not first.scaled and attrs["approx"] == "=" and compound


_FAMILY_DEFAULT = {"peso": "MXN", "shilling": "KES", "rupee": "INR", "pound": "GBP",
                   "dinar": "IQD", "riyal": "SAR", "rial": "IRR", "dollar": "USD",
                   "dirham": "AED"}  # fmt: skip
_COUNTRY_RE = {
    family: {code: re.compile(rf"\b(?:{_alts(names)})(?![\w.$])") for code, names in codes.items()}
    for family, codes in COUNTRY_CURRENCIES.items()
}
#: A bare currency word: a family word without a nation before it ("pesos", not "Argentine pesos").
_BARE_WORD = re.compile(
    rf"\b(?P<w>{_alts(w for w in CURRENCY_FAMILIES if w != '$')})(?!\w)|(?<![A-Za-z])(?P<sign>\$)",
    re.IGNORECASE,
)
_NAMED_BEFORE = re.compile(r"(?:\bUS|\bU\.S\.|\bAmerican|[A-Z][a-z]+(?:an|ian|ine|ese|i))\s+$")


def country_currencies(doc_text: str) -> dict[str, str]:
    """Family -> code of the country a document names (or whose people it names) more often than all the
    others of the family together."""
    out = {}
    for family, codes in _COUNTRY_RE.items():
        counts = {code: len(pattern.findall(doc_text)) for code, pattern in codes.items()}
        code, top = max(counts.items(), key=lambda kv: kv[1])
        if top >= 1 and top > sum(counts.values()) - top:
            out[family] = code
    return out


def localise(hits: list[QuantityHit], text: str, national: dict[str, str]) -> list[QuantityHit]:
    """Give a bare "pesos", "shillings" or "rials" the code of the country the document is about ("pesos"
    in a speech that names Colombia again and again is COP); explicit ones ("Argentine pesos") keep theirs.
    "$" and "dollars" are the country's own in a speech about Canada, Australia, New Zealand or Singapore,
    and stay USD elsewhere or where a symbol or adjective says otherwise ("US$", "American dollars")."""
    for hit in hits:
        code = hit.attrs.get("currency")
        if not code or not national:
            continue
        span = text[hit.start : hit.end]
        family = None
        if (m := _BARE_WORD.search(span)) and not _NAMED_BEFORE.search(span[: m.start()]):
            family = CURRENCY_FAMILIES[(m.group("w") or m.group("sign")).lower()]
        if family and code == _FAMILY_DEFAULT.get(family) and national.get(family, code) != code:
            hit.attrs["currency"] = hit.attrs["unit"] = national[family]
    return hits
