"""Actor mentions into the ``actor_mention`` layer, and canonical actor records into ``doc.actors``.

Each mention is resolved to a canonical actor: from the gazetteer (names, demonyms, capitals used as
metonyms, epithets; with type and Wikidata id), from spaCy's entities where the gazetteer is silent (no
Wikidata id), or, for "we"/"our", to the speaker's side. Span label = actor id; attrs carry the name, type,
alias kind and whether the alias is an epithet. It does not find events (see ``podium.analysers.events``).
"""

from __future__ import annotations

from podium.actors import acting_for
from podium.actors.mentions import Mention, MentionFinder
from podium.actors.records import Actor
from podium.document import Document, Span
from podium.pipeline import BaseAnalyser


class ActorAnalyser(BaseAnalyser):
    name = "actor"
    requires = ("sentences",)
    assigns = ("actor_mention",)
    after = ("entity",)
    description = "Actors (states, organisations, armed groups, parties, people) under canonical names."

    def __init__(self, finder: MentionFinder | None = None) -> None:
        self._finder = finder

    @property
    def finder(self) -> MentionFinder:
        if self._finder is None:
            self._finder = MentionFinder()
        return self._finder

    def __call__(self, doc: Document) -> Document:
        finder = self.finder
        mentions = finder.find(doc)
        doc.add_spans("actor_mention", [self._span(finder, m) for m in mentions], source=self.name)
        doc.actors = build_actors(doc, finder, mentions)
        acting_for.assign(doc, doc.actors, mentions, finder.gazetteer)
        return doc

    def _span(self, finder: MentionFinder, m: Mention) -> Span:
        entry = finder.entry(m.actor)
        attrs = {"name": entry.name, "type": entry.type, "kind": m.kind, "epithet": m.kind == "epithet"}
        if entry.wikidata:
            attrs["wikidata"] = entry.wikidata
        return Span(m.start, m.end, m.actor, None, attrs, self.name)


def build_actors(doc: Document, finder: MentionFinder, mentions: list[Mention]) -> list[Actor]:
    """One record per actor mentioned, most mentioned first."""
    actors: dict[str, Actor] = {}
    for m in mentions:
        record = actors.get(m.actor)
        if record is None:
            entry = finder.entry(m.actor)
            known = m.actor in finder.gazetteer.actors and m.actor != "SPEAKER_SIDE"
            record = Actor(m.actor, entry.name, entry.type, entry.wikidata, known, entry.state)
            actors[m.actor] = record
        surface = doc.text[m.start : m.end]
        if surface not in record.aliases_seen:
            record.aliases_seen.append(surface)
        record.mention_count += 1
        record.mentions.append([m.start, m.end])
    return sorted(actors.values(), key=lambda a: (-a.mention_count, a.id))
