"""Hedges ("perhaps", "reportedly", "it seems") and boosters ("undoubtedly", "no one should doubt") with a
strength, from the lexicon in ``podium.resources.anatomy_lexicon``.

Longest expression wins ("there is no doubt" over "no doubt"). The modal "may" counts only in lower case
and not as a wish ("May God bless"), nor as a prohibition after a negative subject ("no state may"), nor in
a purpose clause ("so that we may know one another");
"might" not as a noun ("military might"); "I believe" not when followed by "in". Hedges inside a
quotation in double quotes belong to the quoted speaker and are left out. It does not judge the scope of the
hedge (which claim it weakens).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from podium.resources.anatomy_lexicon import BOOSTERS, HEDGES

_ALL = {**{k: ("hedge", v) for k, v in HEDGES.items()}, **{k: ("booster", v) for k, v in BOOSTERS.items()}}
_PATTERN = re.compile(
    r"\b(?:"
    + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_ALL, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_MIGHT_NOUN = re.compile(
    r"\b(?:military|economic|its|their|our|his|her|full|the|naval|nuclear|all\s+its)\s+$", re.I
)


_NO_SUBJECT = re.compile(r"\b(?:[Nn]o\s+(?:one|[a-z]+(?:\s+[a-z]+)?)|[Nn]obody|[Nn]one|[Nn]either)\s+$")


#: "so that we may", "in order that they may": "may" in a purpose clause states no possibility.
_PURPOSE = re.compile(r"\b(?:so\s+that|in\s+order\s+that)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HedgeHit:
    start: int
    end: int
    kind: str  # hedge | booster
    strength: float


def _keep(text: str, m: re.Match[str]) -> bool:
    word = m.group()
    low = " ".join(word.lower().split())
    before, after = text[: m.start()], text[m.end() :]
    if low == "may":
        if _NO_SUBJECT.search(before):
            return False  # "no state may invoke": a prohibition, not a possibility
        if re.search(r",\s*$", before) and re.match(r"\s+(?:God|Allah)\b", after):
            return False  # ", may God assist him,": a blessing
        if _PURPOSE.search(before):
            return False  # "so that we may know one another": a purpose, not a possibility
        if re.match(r"\s*May\s", text) and not text.rstrip().endswith("?"):
            return False  # "May the Lord grant us peace, and may Mary intercede": a wish throughout
        return word == "may" and bool(before.strip()) and not re.search(r"[.!?:;]\s*$", before)
    if low == "might":
        return not _MIGHT_NOUN.search(before)
    if low in ("i believe", "we believe"):
        return not re.match(r"\s+in\b", after)
    if low == "likely":
        return not re.search(r"\b(?:un)$", before)
    if low == "indeed":
        return not re.match(r"\s*\.", after) or bool(before.strip())
    return True


#: A quotation in double quotes: the hedges of the quoted speaker, not the speaker's own.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def find_hedges(text: str) -> list[HedgeHit]:
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    hits = []
    for m in _PATTERN.finditer(text):
        if any(s < m.start() and m.end() < e for s, e in quoted):
            continue
        if _keep(text, m):
            kind, strength = _ALL[" ".join(m.group().lower().split())]
            hits.append(HedgeHit(m.start(), m.end(), kind, strength))
    return hits
