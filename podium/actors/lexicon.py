"""The event lexicon: trigger verbs and nouns -> PLOVER event types (``resources/actors/plover.csv``).

Gives the type of a parsed trigger (by lemma, part of speech and, for a few verbs, a particle such as
"call on"), and the set of surface forms used to pick the sentences worth parsing. It does not parse.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from podium.actors.gazetteer import read_resource

#: PLOVER's event types, and podium's two speech-act additions.
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
SPEECH_ACT_TYPES = ("ACCUSE", "DEMAND")


@dataclass(frozen=True, slots=True)
class Trigger:
    pos: str
    lemma: str
    type: str
    particle: str | None


def verb_forms(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def noun_forms(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "es"}
    if lemma.endswith("y"):
        forms.add(lemma[:-1] + "ies")
    return forms


class Lexicon:
    def __init__(self, triggers: list[Trigger], irregular: dict[str, set[str]]) -> None:
        self.by_key: dict[tuple[str, str], list[Trigger]] = {}
        self.surface: set[str] = set()
        for t in triggers:
            self.by_key.setdefault((t.pos, t.lemma), []).append(t)
            forms = verb_forms(t.lemma) if t.pos == "verb" else noun_forms(t.lemma)
            self.surface |= forms | irregular.get(t.lemma, set())

    def lookup(self, pos: str, lemma: str) -> list[Trigger]:
        return self.by_key.get((pos, lemma.lower()), [])


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lines = [line for line in read_resource("plover.csv").splitlines() if line and not line.startswith("#")]
    triggers, irregular = [], {}
    for row in csv.DictReader(lines):
        triggers.append(Trigger(row["pos"], row["lemma"], row["type"], row["particle"] or None))
        irregular.setdefault(row["lemma"], set()).update(f for f in row["forms"].split("|") if f)
    return Lexicon(triggers, irregular)
