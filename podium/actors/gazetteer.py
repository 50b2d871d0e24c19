"""Load the actor gazetteer (data under ``podium/resources/actors/``) into one indexed, cached object.

The data are CSV/JSON/text files: states (names, adjectives, capital and seat-of-power metonyms),
territories named the way states are (Gaza, Crimea, Kashmir: same columns, type "territory"),
international organisations, armed groups and state armed forces, parties, people (with the state or body
they lead), abstract groups, epithets, and places that are not actors. This module only reads and checks
them; matching them in a text is ``podium.actors.matcher``'s job.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

#: The gazetteer's "as of" date (every data file states it too).
AS_OF = "2025-11-01"
RESOURCE = "podium.resources"
DATA_DIR = "actors"
JSON_FILES = ("organisations.json", "armed_groups.json", "parties.json", "people.json", "groups.json")

#: Kinds of alias. ``metonym``: a capital or seat of power; ``place``: a place that is not an actor;
#: ``media``: a news organisation (neither an actor nor a place).
KINDS = ("name", "alias", "adjective", "metonym", "epithet", "place", "media")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One canonical actor of the gazetteer."""

    id: str
    name: str
    type: str
    wikidata: str | None = None
    iso2: str | None = None
    #: The state (or body) this actor belongs to or leads: a person's state, a party's state.
    state: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Alias:
    """A surface form and what it names. ``actor`` is None for places."""

    text: str
    actor: str | None
    kind: str


@dataclass(slots=True)
class Gazetteer:
    actors: dict[str, ActorEntry] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    #: Entity texts that spaCy labels as names but are not actors ("God", "Islamic", "Excellencies").
    not_actors: frozenset[str] = frozenset()

    def add_actor(self, entry: ActorEntry) -> None:
        if entry.id in self.actors:
            raise ValueError(f"duplicate actor id {entry.id!r} in the gazetteer")
        self.actors[entry.id] = entry

    def add_alias(self, text: str, actor: str | None, kind: str) -> None:
        text = text.strip()
        if text:
            self.aliases.append(Alias(text, actor, kind))

    def check(self) -> None:
        """Fail if an alias names two different things, or names an unknown actor."""
        seen: dict[str, Alias] = {}
        for alias in self.aliases:
            if alias.actor is not None and alias.actor not in self.actors:
                raise ValueError(f"alias {alias.text!r} names unknown actor {alias.actor!r}")
            other = seen.get(alias.text)
            if other is not None and other.actor != alias.actor:
                raise ValueError(f"alias {alias.text!r} names both {other.actor!r} and {alias.actor!r}")
            seen.setdefault(alias.text, alias)
        for entry in self.actors.values():
            if entry.state is not None and entry.state not in self.actors:
                raise ValueError(f"actor {entry.id!r} links to unknown actor {entry.state!r}")


def read_resource(name: str) -> str:
    return files(RESOURCE).joinpath(DATA_DIR, name).read_text(encoding="utf-8")


def _csv_rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in read_resource(name).splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split("|") if v.strip()]


def _load_states(gaz: Gazetteer, name: str = "states.csv", kind: str = "state") -> None:
    for row in _csv_rows(name):
        entry = ActorEntry(row["id"], row["name"], kind, row["wikidata"] or None, row["iso2"] or None)
        gaz.add_actor(entry)
        gaz.add_alias(row["name"], row["id"], "name")
        for text in _split(row["aliases"]):
            gaz.add_alias(text, row["id"], "alias")
        for text in _split(row["adjectives"]):
            gaz.add_alias(text, row["id"], "adjective")
        for text in _split(row["metonyms"]):
            gaz.add_alias(text, row["id"], "metonym")


def _load_json(gaz: Gazetteer, name: str) -> None:
    for rec in json.loads(read_resource(name))["actors"]:
        gaz.add_actor(
            ActorEntry(
                rec["id"],
                rec["name"],
                rec["type"],
                rec.get("wikidata") or None,
                None,
                rec.get("state"),
                rec.get("role"),
            )
        )
        for text in rec.get("aliases", []):
            gaz.add_alias(text, rec["id"], "alias")
        for text in rec.get("epithets", []):
            gaz.add_alias(text, rec["id"], "epithet")


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The whole gazetteer, read once per process and checked."""
    gaz = Gazetteer()
    _load_states(gaz)
    _load_states(gaz, "territories.csv", "territory")  # named like states, so treated like them
    for name in JSON_FILES:
        _load_json(gaz, name)
    for row in _csv_rows("epithets.csv"):
        gaz.add_alias(row["alias"], row["actor"], "epithet")
    for line in _lines("places.txt"):
        gaz.add_alias(line, None, "place")
    for line in _lines("media.txt"):  # newsrooms: neither actors nor places
        gaz.add_alias(line, None, "media")
    gaz.not_actors = frozenset(_lines("not_actors.txt"))
    gaz.check()
    return gaz


def _lines(name: str) -> list[str]:
    lines = read_resource(name).splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
