"""Name swapping for the neutrality audit: a document's twin, with each name of a pair replaced by the other.

Both directions at once ("Israel struck Iran" becomes "Iran struck Israel"), at word boundaries, longest
forms first. Case is kept: a form also matches in capitals ("ISRAEL" -> "IRAN"), a form starting with a
lower-case word also matches with a capital ("The Zionist regime" -> "The mullahs' regime"), and a
lower-case form replacing a capitalised name first in a sentence is capitalised ("ISIS lost" ->
"Al-Qaeda lost"). Possessive endings are kept (they are outside the match). A swap never makes up a name:
a match that is part of a longer capitalised name is left alone ("Bank of America", "United States of
America", "Israel Katz", "Bill Clinton"), except after a title ("President Obama", "Supreme Leader
Khamenei") or a capitalised function word ("In Israel"). Each replacement is recorded, so offsets map
both ways between a text and its twin. No analysis here.
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
_PREV_WORD = re.compile(r"([^\W\d_][\w'’-]*\.?)(\s+of(?:\s+the)?)?[ \t]+$")
_INITIAL = re.compile(r"[^\W\d_]\.")
_NEXT_WORD = re.compile(r"^[ \t]+([^\W\d_][\w'’-]*)")
_POSSESSIVE = re.compile(r"['’]s?$")
_WORDS = re.compile(r"\w+")
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\"“”(\[—–…\n])\s*\Z")
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

    _starts: tuple[list[int], list[int]] | None = None

    def to_twin(self, pos: int, end: bool = False) -> int:
        """The twin offset of original offset ``pos``; inside a replaced name, its start (or its end
        when ``end``: for the end of a range)."""
        return _map(self.replacements, self._index()[0], pos, end, twin=True)

    def to_original(self, pos: int, end: bool = False) -> int:
        """The original offset of twin offset ``pos`` (the inverse of ``to_twin``)."""
        return _map(self.replacements, self._index()[1], pos, end, twin=False)

    def _index(self) -> tuple[list[int], list[int]]:
        if self._starts is None:
            self._starts = ([r.start for r in self.replacements], [r.twin_start for r in self.replacements])
        return self._starts


def _map(reps: list[Replacement], starts: list[int], pos: int, end: bool, twin: bool) -> int:
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
        #: Lower-case words of the names, function words aside ("zionist", "regime", "united", "states").
        self.name_words = (
            frozenset(w for p in pairs for form in (p.a, p.b) for w in _WORDS.findall(form.lower()))
            - _function_words()
        )

    def swap(self, text: str) -> Swapped:
        """``text``'s twin and its replacements."""
        pieces: list[str] = []
        reps: list[Replacement] = []
        pos = shift = 0
        for m in self.pattern.finditer(text):
            if self._inside_longer_name(text, m.start(), m.end()):
                continue
            new = self.table[m.group()]
            if new[:1].islower() and m.group()[:1].isupper() and _SENTENCE_START.search(text, 0, m.start()):
                new = new[:1].upper() + new[1:]  # "ISIS lost." -> "Al-Qaeda lost.", a sentence still
            pieces.append(text[pos : m.start()])
            twin_start = m.start() + shift
            reps.append(Replacement(m.start(), m.end(), twin_start, twin_start + len(new), m.group(), new))
            pieces.append(new)
            shift += len(new) - len(m.group())
            pos = m.end()
        pieces.append(text[pos:])
        return Swapped("".join(pieces), reps)

    def has_name_word(self, text: str) -> bool:
        """Whether ``text`` (a profile's row: a phrase, a term) holds a word of a name of the table."""
        return any(w in self.name_words for w in _WORDS.findall(text.lower()))

    def _name_like(self, word: str) -> bool:
        """A capitalised word, or a form of the table (so that "al-Qaeda" counts like "ISIS")."""
        return word[:1].isupper() or _POSSESSIVE.sub("", word) in self.table

    def _inside_longer_name(self, text: str, start: int, end: int) -> bool:
        after = text[end : end + 40]
        if _NEXT_OF.match(after):
            return True  # "United States of America"
        nxt = _NEXT_WORD.match(after)
        if nxt and self._name_like(nxt.group(1)):
            return True  # "Israel Katz", "America First"
        before = text[max(0, start - 60) : start]
        prev = _PREV_WORD.search(before)
        if prev is None or not self._name_like(prev.group(1)):
            return False
        if prev.group(2):
            return True  # "Bank of America"
        word = prev.group(1)
        if _POSSESSIVE.sub("", word) != word:
            return False  # "Saudi Arabia's Ali Khamenei": an owner before the name, not part of it
        if _INITIAL.fullmatch(word):
            return True  # "Donald J. Trump"
        if word.endswith(".") and word not in TITLES:
            return False  # the end of the sentence before
        # "President Obama" and "In Israel" are names alone; "Michael Jordan" is one name
        return word not in TITLES and word.lower() not in _function_words()
