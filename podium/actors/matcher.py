"""Fast longest-match lookup of gazetteer aliases in a text, with a token trie.

Text and aliases are cut into the same tokens (runs of word characters, or single other characters), with
curly apostrophes read as straight ones; a match must cover whole tokens, so "Iran" never matches inside
"Iranian". Matching is case-sensitive ("US" is a state, "us" a pronoun; "Turkey" a state, "turkey" a bird),
except that an alias starting with "the" also matches "The". At each position the longest alias wins and
matches never overlap. It does not decide whether a metonym is used as a place (``podium.actors.mentions``
does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from podium.actors.gazetteer import Alias, Gazetteer, load_gazetteer

TOKEN = re.compile(r"\w+|[^\w\s]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_END = ""  # trie key marking a complete alias


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer alias found at ``[start, end)`` of the matched text."""

    start: int
    end: int
    alias: Alias


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for every token of ``text``; apostrophes normalised, offsets unchanged."""
    norm = text.translate(_APOSTROPHES)
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(norm)]


class Matcher:
    """A token trie over every alias of a gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.root: dict[str, dict] = {}
        for alias in gazetteer.aliases:
            words = [t for t, _, _ in tokens(alias.text)]
            self._insert(words, alias)
            if words[0] == "the":
                self._insert(["The", *words[1:]], alias)

    def _insert(self, words: list[str], alias: Alias) -> None:
        node = self.root
        for word in words:
            node = node.setdefault(word, {})
        node.setdefault(_END, alias)  # the first alias listed for a surface form wins

    def find(self, text: str) -> list[Match]:
        """Non-overlapping longest matches, left to right."""
        toks = tokens(text)
        found: list[Match] = []
        i = 0
        while i < len(toks):
            node = self.root.get(toks[i][0])
            best: tuple[int, Alias] | None = None
            j = i
            while node is not None:
                if _END in node:
                    best = (j, node[_END])
                j += 1
                node = node.get(toks[j][0]) if j < len(toks) else None
            if best is None:
                i += 1
                continue
            last, alias = best
            found.append(Match(toks[i][1], toks[last][2], alias))
            i = last + 1
        return found


@lru_cache(maxsize=1)
def default_matcher() -> Matcher:
    """The matcher over the bundled gazetteer, built once per process."""
    return Matcher(load_gazetteer())
