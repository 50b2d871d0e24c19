"""The event lexicon: trigger verbs and nouns -> PLOVER event types (``resources/actors/plover.csv``).

Gives the type of a parsed trigger (by lemma, part of speech and, for some verbs, a particle such as "call
on", "take over", or an object that makes an idiom: "break the back of", "hit X with sanctions", "cut off
aid"), the light verbs that lend their subject to an event noun ("launch an attack", "put pressure on"; rows
with pos ``light``), and the set of surface forms used to pick the sentences worth parsing. It does not
parse. A more specific entry (object, then particle) is tried before a plain one.
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
    #: Lemmas one of which the verb's object (or its particle's object) must be ("back", "sanction").
    objects: frozenset[str] = frozenset()


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


#: In ``object``: any named person, state or body as the verb's object ("received President Lula", not
#: "received aid").
NAMED_OBJECT = "@named"


class Lexicon:
    def __init__(
        self, triggers: list[Trigger], irregular: dict[str, set[str]], light: frozenset[str] = frozenset()
    ) -> None:
        self.by_key: dict[tuple[str, str], list[Trigger]] = {}
        self.surface: set[str] = set()
        #: Verbs that take an event noun as object and lend it their subject ("launched an attack").
        self.light = light
        #: Surface forms of a trigger that counts only with a particle or an object -> the words one of
        #: which must then be in the sentence too ("took" needs "over" or "out").
        self.conditional: dict[str, set[str]] = {}
        specific = sorted(triggers, key=lambda t: (not t.objects, t.particle is None))
        plain = {(t.pos, t.lemma) for t in triggers if t.particle is None and not t.objects}
        for t in specific:
            self.by_key.setdefault((t.pos, t.lemma), []).append(t)
            forms = verb_forms(t.lemma) if t.pos == "verb" else noun_forms(t.lemma)
            forms |= irregular.get(t.lemma, set())
            if (t.pos, t.lemma) in plain or NAMED_OBJECT in t.objects:
                self.surface |= forms  # a named object is known only after parsing
                continue
            needed = {w for o in t.objects for w in noun_forms(o)} if t.objects else {t.particle or ""}
            for form in forms:
                self.conditional.setdefault(form, set()).update(needed)

    def may_trigger(self, words: set[str]) -> bool:
        """Whether a sentence with these (lowercased) words may hold a trigger: a plain trigger's form, or a
        conditional one's form with its particle or object word."""
        if not words.isdisjoint(self.surface):
            return True
        return any(not words.isdisjoint(self.conditional[w]) for w in words & self.conditional.keys())

    def lookup(self, pos: str, lemma: str) -> list[Trigger]:
        return self.by_key.get((pos, lemma.lower()), [])


#: The lexicon's data files: the hand-made one, and the triggers mined from blind event annotations of
#: real documents by ``training/event_triggers/mine.py`` (same columns, plus its evidence).
LEXICON_FILES = ("plover.csv", "plover_mined.csv")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return build_lexicon([read_resource(name) for name in LEXICON_FILES])


def build_lexicon(tables: list[str]) -> Lexicon:
    """A lexicon from the texts of one or more lexicon CSV files (a later row adds to the earlier ones)."""
    rows = []
    for table in tables:
        lines = [line for line in table.splitlines() if line and not line.startswith("#")]
        rows += list(csv.DictReader(lines))
    triggers: list[Trigger] = []
    irregular: dict[str, set[str]] = {}
    light: set[str] = set()
    for row in rows:
        if row["pos"] == "light":
            light.add(row["lemma"])
            continue
        objects = frozenset(o for o in (row.get("object") or "").split("|") if o)
        triggers.append(Trigger(row["pos"], row["lemma"], row["type"], row["particle"] or None, objects))
        irregular.setdefault(row["lemma"], set()).update(f for f in (row["forms"] or "").split("|") if f)
    return Lexicon(triggers, irregular, frozenset(light))
