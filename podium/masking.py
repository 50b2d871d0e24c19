"""The one rule for what counts as a name in podium, shared by every learned component.

Learned components (the check-worthiness model, the technique model, and every document-level count that
feeds them) must not see which actor a sentence is about: they see names replaced by a placeholder. Each
component keeps its own placeholder and rendering (``podium.checkworthy.masking`` writes ``ENT`` tokens,
``podium.techniques.masking`` writes ``X`` with a character map), but the decision "is this a name?"
is made here, by ``name_ranges``, and nowhere else.

The rule, word by word (a word is a run of letters with inner apostrophes; hyphens and ``&`` join words
into compounds; initialisms such as "U.S." and titles such as "Mr." keep their dots):
- A capitalised word inside a sentence is a name. First in a sentence (after . ! ? : ; quotes, brackets,
  dashes, a line break, or at the start of the text) it is a name unless its lower-case form is a common
  word (``common``, learnt from training text and shipped with each model) — and even then it is a name
  when an alias of a state, organisation, party or armed group in the gazetteer starts there ("Turkey
  said", "United States troops"; people are left out, so that "President Trump" and "President Obama"
  read alike).
- An all-capital word of two letters or more is an acronym, so a name ("UK", "NATO"), also first in a
  sentence. When its lower-case form is a common word, it is a name only where the gazetteer knows it as
  an alias and it is not shouting (next to another all-capital word): "US troops left" reads like "UK
  troops left", while "STOP THE STEAL", "WE WILL WIN", "I did NOT" and "OK." keep their words.
- "I", "A" and "I'm"-like contractions are never names.
- Hyphenated compounds: when the first part is a name, the whole compound is ("Al-Qaeda", "US-led",
  "Bosnia-Herzegovina"); otherwise the name starts at the first capitalised part and lower-case prefixes
  stay outside ("all-American", "pro-Israel", "anti-Iranian" mask "American", "Israel", "Iranian"), except
  an Arabic article, which belongs to the name ("al-Assad").
- A possessive ending ("'s", "’s") is left outside the name; demonyms are capitalised words, so names.
- Epithets from the actor gazetteer ("the Zionist regime", "the mullahs", "the Great Satan") are names as a
  whole, in any letter case: they stand for an actor as much as its name does.

This module does no named-entity recognition and loads no model: it is deterministic, cheap, and errs on
the side of masking. It does not render masks (the two maskers do) and does not learn the common words.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import Any

#: Titles written with a full stop; the stop belongs to the name ("Mr. Smith" is one run of names).
_TITLES = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Prof)\.(?=\s)"
#: "U.S.", "U.N.", "e.g.": single letters joined by full stops.
_INITIALISM = r"[^\W\d_](?:\.[^\W\d_])+\.?"
_PART = rf"(?:{_INITIALISM}|[^\W\d_]+(?:['’][^\W\d_]+)*)"
_WORD = re.compile(rf"{_TITLES}|{_PART}(?:[-‐&]{_PART})*")
_JOINER = re.compile(r"[-‐&]")
_PARTS = re.compile(r"[^-‐&]+")
_POSSESSIVE = re.compile(r"['’]s$")
#: What ends a sentence or opens a new one, as the last non-space text before a word.
_BREAK_END = re.compile(r"(?:[.!?:;\"“”(\[—–…]|--|(?:^|\s)-)\s*$")
#: Parts of a hyphenated compound that are never names, even capitalised first in a sentence.
PREFIXES = frozenset(
    {"pro", "anti", "non", "all", "un", "post", "pre", "mid", "ex", "neo", "pan", "trans", "counter", "cross"}
    | {"inter", "intra", "sub", "super", "ultra", "semi", "pseudo", "quasi", "self", "multi", "bi", "tri"}
)
#: Arabic articles: lower-case, yet part of the name they are hyphenated to ("al-Assad", "el-Sisi").
ARTICLES = frozenset({"al", "el", "ad", "ag", "ak", "an", "ar", "as", "ash", "at", "ath", "az"})
#: Never names, even capitalised inside a sentence.
_NEVER = frozenset({"I", "A"})


def _is_caps(word: str) -> bool:
    """All capitals, two letters or more ("US", "U.S.", "NATO"; not "I" or "A.")."""
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


def _bare(word: str) -> str:
    """The word without a possessive ending (never shorter than two letters)."""
    return _POSSESSIVE.sub("", word) if len(word) > 3 else word


def _is_pronoun(part: str) -> bool:
    return part in _NEVER or part.startswith(("I'", "I’"))


def _trie_pattern(forms: list[str]) -> str:
    """One regular expression for all ``forms`` with shared beginnings factored out ("the (?:zionist
    regime|mullahs)"): matching it tries each letter once, not each form. Longer forms win."""
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie) if forms else ""


class _Lexicon:
    """Gazetteer data the rule needs: aliases by first word (case-sensitive) and epithets (any case)."""

    def __init__(self, aliases: Collection[str], epithets: Collection[str]) -> None:
        self.starts: dict[str, list[str]] = {}
        #: One-word aliases as written ("US", "WHO", "Turkey").
        bare = [a.removeprefix("the ") for a in aliases]
        self.words = frozenset(a for a in bare if _WORD.fullmatch(a))
        for alias in aliases:
            text = alias.removeprefix("the ").strip()
            m = _WORD.match(text)
            if m and text[:1].isupper():
                self.starts.setdefault(_bare(m.group()), []).append(text)
        for forms in self.starts.values():
            forms.sort(key=len, reverse=True)
        forms = sorted({e.lower() for e in epithets}, key=len, reverse=True)
        alts = _trie_pattern(forms)
        self.epithets = re.compile(rf"(?<![\w'’-])(?:{alts})(?![\w-])", re.IGNORECASE) if alts else None
        #: The longest word of each epithet: a text holding none of them holds no epithet (a cheap test).
        self.keys = frozenset(max(e.split(), key=len) for e in forms)

    def alias_at(self, text: str, start: int, first: str) -> bool:
        """Whether a gazetteer alias starting with the word ``first`` begins at ``start``."""
        for form in self.starts.get(first, ()):
            end = start + len(form)
            if text.startswith(form, start) and (end == len(text) or not text[end].isalnum()):
                return True
        return False

    def epithet_ranges(self, text: str) -> list[tuple[int, int]]:
        if self.epithets is None:
            return []
        lower = text.lower()
        if not any(k in lower for k in self.keys):
            return []
        return [(m.start(), m.end()) for m in self.epithets.finditer(text)]


@lru_cache(maxsize=1)
def _default_lexicon() -> _Lexicon:
    from podium.actors.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    # people are left out: "President Trump" must not read differently from "President Obama" because
    # one of them is in the gazetteer; states, organisations, parties and armed groups are comparable
    names = [
        a.text
        for a in gaz.aliases
        if a.kind in ("name", "alias", "adjective", "metonym") and gaz.actors[str(a.actor)].type != "person"
    ]
    return _Lexicon(names, [a.text for a in gaz.aliases if a.kind == "epithet"])


def _part_is_name(
    part: str, initial: bool, common: Collection[str], shouting: bool, lexicon: _Lexicon
) -> bool:
    if not part[:1].isupper() or _is_pronoun(part):
        return False
    bare = _bare(part).rstrip(".")
    low = bare.lower()
    if _is_caps(bare) and low in common:  # "US" the country, or "us" shouted?
        return not shouting and _bare(part) in lexicon.words
    return not initial or low not in common


def name_ranges(text: str, common: Collection[str]) -> list[tuple[int, int]]:
    """``[start, end)`` of every name in ``text``, sorted and not overlapping, by the rule of this module.

    ``common`` holds lower-case common words (a capitalised common word first in a sentence is not a
    name). A range is one name word, one hyphenated compound or its name part, or one gazetteer epithet;
    possessive endings stay outside. Ranges are not joined into runs ("Mr. John Smith" gives three):
    callers join them as their placeholder rendering needs.
    """
    lexicon = _default_lexicon()
    words = list(_WORD.finditer(text))
    ranges: list[tuple[int, int]] = []
    for k, m in enumerate(words):
        word = m.group()
        if word.islower():
            continue  # most words: no capital, no name
        gap = text[words[k - 1].end() if k else 0 : m.start()]
        initial = (not k and not gap.strip()) or "\n" in gap or _BREAK_END.search(gap) is not None
        shouting = _is_caps(word) and (
            (k > 0 and _shouted(words[k - 1].group()))
            or (k + 1 < len(words) and _shouted(words[k + 1].group()))
        )
        span = _word_range(text, m.start(), word, initial, common, shouting, lexicon)
        if span is not None:
            ranges.append(span)
    epithets = lexicon.epithet_ranges(text)
    if epithets:
        kept = [r for r in ranges if not any(s < r[1] and r[0] < e for s, e in epithets)]
        ranges = sorted(kept + epithets)
    return ranges


def _shouted(word: str) -> bool:
    return _is_caps(word) and word not in _NEVER


def _word_range(
    text: str,
    start: int,
    word: str,
    initial: bool,
    common: Collection[str],
    shouting: bool,
    lexicon: _Lexicon,
) -> tuple[int, int] | None:
    parts = [(m.start(), m.end()) for m in _PARTS.finditer(word)] if _JOINER.search(word) else []
    end = start + len(_bare(word))
    if len(parts) < 2:
        if _part_is_name(word, initial, common, shouting, lexicon):
            return (start, end)
        if initial and word[:1].isupper() and lexicon.alias_at(text, start, _bare(word)):
            return (start, end)
        return None
    first = word[parts[0][0] : parts[0][1]]
    prefix = first.lower() in PREFIXES and (initial or not first[:1].isupper())  # "Trans-Pacific": a name
    if not prefix and (
        _part_is_name(first, initial, common, shouting, lexicon)
        or (initial and first[:1].isupper() and lexicon.alias_at(text, start, first))
    ):
        return (start, end)
    if _is_caps(word):  # "OFF-MIKE": shouted as a whole
        return None
    for i, (s, e) in enumerate(parts[1:], 1):
        if e - s > 1 and _part_is_name(word[s:e], False, common, shouting, lexicon):
            before = word[parts[i - 1][0] : parts[i - 1][1]]
            if before.lower() in ARTICLES:
                s = parts[i - 1][0]
            return (start + s, end)
    return None


@lru_cache(maxsize=1)
def shipped_common_words() -> frozenset[str]:
    """The common words of the shipped check-worthiness model, for rule-based components that need the
    rule but learn no word list of their own."""
    import json

    from podium.checkworthy.model import MODEL_DIR

    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    return frozenset(meta["common"])


def blank_names(text: str, common: Collection[str] | None = None) -> str:
    """``text`` with every name (``name_ranges``) replaced by spaces: the same length and offsets, so a
    rule that reads words (an opinion word, a cue) cannot read one inside a name ("the Great Satan")."""
    ranges = name_ranges(text, shipped_common_words() if common is None else common)
    if not ranges:
        return text
    out, pos = [], 0
    for start, end in ranges:
        out += [text[pos:start], " " * (end - start)]
        pos = end
    out.append(text[pos:])
    return "".join(out)
