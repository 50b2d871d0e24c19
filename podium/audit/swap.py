"""Name swapping for the neutrality audit: a document's twin, with each name of a pair replaced by the other.

Both directions at once ("Israel struck Iran" becomes "Iran struck Israel"), at word boundaries, longest
forms first; case is kept (a form also matches in capitals, "ISRAEL" -> "IRAN", and a form starting with a
lower-case word also matches with a capital, "The Zionist regime" -> "The mullahs' regime"), and so are
possessive endings (they are outside the match). A swap never makes up a name: a match that is part of a
longer capitalised name is left alone ("Bank of America", "United States of America", "Israel Katz",
"Bill Clinton"), except after a title ("President Obama", "Supreme Leader Khamenei") or a capitalised
function word ("In Israel"). Each replacement
is recorded, so offsets map both ways between a text and its twin. No analysis here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from podium.audit.pairs import Pair

#: Capitalised words after which a name is a name on its own ("President Obama").
TITLES = frozenset(
    {"President", "Vice", "Prime", "Minister", "Secretary", "Senator", "Sen.", "Governor", "Gov."}
    | {"Representative", "Rep.", "Congressman", "Congresswoman", "Speaker", "Leader", "Chancellor", "King"}
    | {"Queen", "Prince", "Sheikh", "Emir", "Ayatollah", "General", "Gen.", "Mr.", "Mrs.", "Ms.", "Dr."}
    | {"Mayor", "Chairman", "Ambassador", "Commander", "Marshal", "Justice", "Judge", "Pope", "Sir", "Lord"}
)
_PREV_WORD = re.compile(r"([^\W\d_][\w.'’-]*)(\s+of(?:\s+the)?)?[ \t]+$")
_NEXT_WORD = re.compile(r"^[ \t]+([^\W\d_])")
_NEXT_OF = re.compile(r"^[ \t]+of\s+(?:the\s+)?[^\W\d_]")


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # a plain word list: no model is loaded

    return frozenset(STOP_WORDS)


@dataclass(frozen=True, slots=True)
class Replacement:
    """One name replaced: ``[start, end)`` in the original, ``[twin_start, twin_end)`` in the twin."""

    start: int
    end: int
    twin_start: int
    twin_end: int
    original: str
    replacement: str


@dataclass(slots=True)
class Swapped:
    """A twin text and the replacements that made it, in text order."""

    text: str
    replacements: list[Replacement] = field(default_factory=list)

    def to_twin(self, pos: int, end: bool = False) -> int:
        """The twin offset of original offset ``pos``; inside a replaced name, its start (or its end
        when ``end``: for the end of a range)."""
        return _map(self.replacements, pos, end, twin=True)

    def to_original(self, pos: int, end: bool = False) -> int:
        """The original offset of twin offset ``pos`` (the inverse of ``to_twin``)."""
        return _map(self.replacements, pos, end, twin=False)


def _map(reps: list[Replacement], pos: int, end: bool, twin: bool) -> int:
    starts = [r.start if twin else r.twin_start for r in reps]
    k = bisect_right(starts, pos) - 1
    if k < 0:
        return pos
    r = reps[k]
    a_start, a_end, b_start, b_end = (
        (r.start, r.end, r.twin_start, r.twin_end) if twin else (r.twin_start, r.twin_end, r.start, r.end)
    )
    if pos == a_start:
        return b_start
    if pos < a_end:
        return b_end if end else b_start
    return pos - a_end + b_end


def _variants(form: str, other: str) -> list[tuple[str, str]]:
    out = [(form, other)]
    if form.upper() != form and any(c.isalpha() for c in form):
        out.append((form.upper(), other.upper()))
    if form[:1].islower():
        out.append((form[:1].upper() + form[1:], other[:1].upper() + other[1:]))
    return out


class Swapper:
    """Swaps the names of a pair table in texts (see the module docstring for the rules)."""

    def __init__(self, pairs: list[Pair]) -> None:
        self.table: dict[str, str] = {}
        for p in pairs:
            for form, other in (*_variants(p.a, p.b), *_variants(p.b, p.a)):
                self.table.setdefault(form, other)
        alts = "|".join(re.escape(f) for f in sorted(self.table, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<![\w'’])(?:{alts})(?![\w])" if alts else r"(?!x)x")
        self.lower: dict[str, str] = {}
        for p in pairs:
            self.lower.setdefault(p.a.lower(), p.b.lower())
            self.lower.setdefault(p.b.lower(), p.a.lower())
        alts = "|".join(re.escape(f) for f in sorted(self.lower, key=len, reverse=True))
        self.lower_pattern = re.compile(rf"(?<![\w'’])(?:{alts})(?![\w])" if alts else r"(?!x)x")

    def swap(self, text: str) -> Swapped:
        """``text``'s twin and its replacements."""
        pieces: list[str] = []
        reps: list[Replacement] = []
        pos = shift = 0
        for m in self.pattern.finditer(text):
            if self._inside_longer_name(text, m.start(), m.end()):
                continue
            new = self.table[m.group()]
            pieces.append(text[pos : m.start()])
            twin_start = m.start() + shift
            reps.append(Replacement(m.start(), m.end(), twin_start, twin_start + len(new), m.group(), new))
            pieces.append(new)
            shift += len(new) - len(m.group())
            pos = m.end()
        pieces.append(text[pos:])
        return Swapped("".join(pieces), reps)

    def swap_lower(self, text: str) -> str:
        """``text`` (lower-cased words, as in a profile's phrases) with the lower-cased forms swapped."""
        return self.lower_pattern.sub(lambda m: self.lower[m.group()], text)

    def names_in(self, text: str) -> bool:
        """Whether ``text`` holds a form of the table, in any letter case."""
        return self.lower_pattern.search(text.lower()) is not None

    @staticmethod
    def _inside_longer_name(text: str, start: int, end: int) -> bool:
        after = text[end : end + 40]
        if _NEXT_OF.match(after):
            return True  # "United States of America"
        nxt = _NEXT_WORD.match(after)
        if nxt and nxt.group(1).isupper():
            return True  # "Israel Katz", "America First"
        before = text[max(0, start - 60) : start]
        prev = _PREV_WORD.search(before)
        if prev is None or not prev.group(1)[:1].isupper():
            return False
        if prev.group(2):
            return True  # "Bank of America"
        word = prev.group(1)
        # "President Obama" and "In Israel" are names alone; "Michael Jordan" is one name
        return word not in TITLES and word.lower() not in _function_words()
