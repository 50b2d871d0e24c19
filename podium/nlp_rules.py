"""A faster equivalent of the matching step of spaCy's ``attribute_ruler`` (tag -> POS/morphology rules).

spaCy runs the ruler's ~180 token patterns through its general ``Matcher``, which tries every pattern at
every token: a third of the parse time of the sentences podium parses. The patterns only test a token's
TAG, LOWER, DEP and IS_SPACE, so they can be looked up by the token's tag or lower-case form instead.
``FastRulerMatch`` produces exactly the match list the ruler's own ``match`` would (same order), and the
ruler sets the attributes from it as before. Patterns with a test it does not know make it refuse, and
the ruler keeps its own matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

#: token features the patterns may test, in this order
_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
Values = list[int]  # the token's TAG, LOWER, DEP (string ids) and IS_SPACE (0 or 1)
Test = Callable[[Values], bool]


class Unsupported(ValueError):
    """A pattern tests something this module does not implement."""


def _test(attr: str, spec: Any, text: Callable[[int], str]) -> Test:
    from spacy.strings import get_string_id

    if attr not in _ATTRS:
        raise Unsupported(attr)
    k = _ATTRS.index(attr)
    if isinstance(spec, bool):
        return lambda v: v[k] == int(spec)
    if isinstance(spec, str):
        wanted = get_string_id(spec)
        return lambda v: v[k] == wanted
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, arg),) = spec.items()
        if op == "IN":
            allowed = frozenset(map(get_string_id, arg))
            return lambda v: v[k] in allowed
        if op == "NOT_IN":
            banned = frozenset(map(get_string_id, arg))
            return lambda v: v[k] not in banned
        if op == "REGEX" and attr != "IS_SPACE":
            pattern = re.compile(arg)
            return lambda v: pattern.search(text(v[k])) is not None
    raise Unsupported(f"{attr}: {spec!r}")


def _keys(token_spec: dict[str, Any], attr: str) -> list[int] | None:
    """The ids of the values of ``attr`` a token must have for ``token_spec`` to match (None: any)."""
    from spacy.strings import get_string_id

    spec = token_spec.get(attr)
    if isinstance(spec, str):
        return [get_string_id(spec)]
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return [get_string_id(x) for x in spec["IN"]]
    return None


class FastRulerMatch:
    """``match(doc)`` with the result of ``AttributeRuler.match`` for the ruler's patterns."""

    def __init__(self, patterns: Iterable[dict[str, Any]], strings: Any) -> None:
        text: Callable[[int], str] = strings.__getitem__
        # One-token patterns testing only TAG and/or LOWER are dictionary lookups; the others are tried
        # where their first token's TAG or LOWER fits (or everywhere). attr_id is the pattern's position,
        # as the ruler numbers them.
        self._tag: dict[int, list[int]] = {}
        self._lower: dict[int, list[int]] = {}
        self._tag_lower: dict[tuple[int, int], list[int]] = {}
        self._by_tag: dict[int, list[tuple[int, list[Test]]]] = {}
        self._by_lower: dict[int, list[tuple[int, list[Test]]]] = {}
        self._any: list[tuple[int, list[Test]]] = []
        self._ids: list[int] = []
        for attr_id, entry in enumerate(patterns):
            self._ids.append(strings.add(str(attr_id)))
            for pattern in entry["patterns"]:
                if not pattern:
                    raise Unsupported("empty pattern")
                tests = [_all([_test(a, spec, text) for a, spec in tok.items()]) for tok in pattern]
                tags, lowers = _keys(pattern[0], "TAG"), _keys(pattern[0], "LOWER")
                simple = len(pattern) == 1 and set(pattern[0]) <= {"TAG", "LOWER"}
                if simple and tags is not None and lowers is not None:
                    for key in ((t, low) for t in tags for low in lowers):
                        self._tag_lower.setdefault(key, []).append(attr_id)
                elif simple and tags is not None and "LOWER" not in pattern[0]:
                    for t in tags:
                        self._tag.setdefault(t, []).append(attr_id)
                elif simple and lowers is not None and "TAG" not in pattern[0]:
                    for low in lowers:
                        self._lower.setdefault(low, []).append(attr_id)
                elif tags is not None:
                    for t in tags:
                        self._by_tag.setdefault(t, []).append((attr_id, tests))
                elif lowers is not None:
                    for low in lowers:
                        self._by_lower.setdefault(low, []).append((attr_id, tests))
                else:
                    self._any.append((attr_id, tests))

    def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        values: list[Values] = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist() if len(doc) else []
        found: set[tuple[int, int, int]] = set()
        empty: list[int] = []
        for start, v in enumerate(values):
            tag, low = v[0], v[1]
            for attr_id in (*self._tag.get(tag, empty), *self._lower.get(low, empty)):
                found.add((attr_id, start, start + 1))
            for attr_id in self._tag_lower.get((tag, low), empty):
                found.add((attr_id, start, start + 1))
            for attr_id, tests in (*self._by_tag.get(tag, ()), *self._by_lower.get(low, ()), *self._any):
                end = start + len(tests)
                if end <= len(values) and all(test(values[start + i]) for i, test in enumerate(tests)):
                    found.add((attr_id, start, end))
        return sorted((a, self._ids[a], s, e) for a, s, e in found)


def _all(tests: list[Test]) -> Test:
    if len(tests) == 1:
        return tests[0]
    return lambda v: all(t(v) for t in tests)


def speed_up(nlp: Any) -> bool:
    """Give the pipeline's ``attribute_ruler`` (if any) the fast matcher; False where it keeps its own."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        fast = FastRulerMatch(ruler.patterns, nlp.vocab.strings)
    except Unsupported:
        return False
    ruler.match = fast.match
    return True
