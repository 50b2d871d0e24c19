"""The actor network of one document: who does what to whom, aggregated from ``doc.events``.

Nodes are the document's actors (``doc.actors``); an edge joins a source to a target for one event type and
counts the events, how many the speaker asserts, and lists their ids. Negated events ("did not attack") are
left out of the counts; events missing a source or a target have no edge. ``rollup`` gives the same edges
with each person or unit replaced by the state or group it acts for (``acting_for``: Netanyahu -> Israel,
the IRGC -> Iran); the nodes keep the person. It does not draw the network.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from podium.actors.gazetteer import load_gazetteer
from podium.document import Document


@dataclass(slots=True)
class Edge:
    source: str
    target: str
    type: str
    count: int = 0
    asserted: int = 0
    events: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Node:
    id: str
    name: str
    type: str
    wikidata: str | None
    mentions: int
    acting_for: str | None = None


@dataclass(slots=True)
class Network:
    nodes: list[Node]
    edges: list[Edge]
    #: The edges between the states and groups the actors act for (an actor acting for nobody is itself).
    rollup: list[Edge] = field(default_factory=list)


def build_network(doc: Document) -> Network:
    nodes = [
        Node(a.id, a.name, a.type, a.wikidata, a.mention_count, getattr(a, "acting_for", None))
        for a in doc.actors
    ]
    known = {n.id for n in nodes}
    edges: dict[tuple[str, str, str], Edge] = {}
    rollup: dict[tuple[str, str, str], Edge] = {}
    for event in doc.events:
        if event.negated or event.source is None or event.target is None:
            continue
        source = getattr(event, "source_acting_for", None) or event.source
        target = getattr(event, "target_acting_for", None) or event.target
        for table, key in (
            (edges, (event.source, event.target, event.type)),
            (rollup, (source, target, event.type)),
        ):
            if key[0] == key[1] and table is rollup:
                continue  # a person acting against their own state rolls up to no edge
            edge = table.setdefault(key, Edge(*key))
            edge.count += 1
            edge.asserted += event.modality == "asserted"
            edge.events.append(event.id)
        for actor in (event.source, event.target, source, target):
            if actor not in known:  # an actor named only through an event's fallback or a roll-up
                known.add(actor)
                entry = load_gazetteer().actors.get(actor)
                if entry is None:
                    nodes.append(Node(actor, actor, "unknown", None, 0))
                else:
                    nodes.append(Node(actor, entry.name, entry.type, entry.wikidata, 0))
    return Network(nodes, _ordered(edges), _ordered(rollup))


def _ordered(edges: dict[tuple[str, str, str], Edge]) -> list[Edge]:
    return sorted(edges.values(), key=lambda e: (-e.count, e.source, e.target, e.type))


def network_dict(doc: Document) -> dict:
    """The network as JSON-friendly data (``{"nodes": [...], "edges": [...], "rollup": [...]}``)."""
    from dataclasses import asdict

    net = build_network(doc)
    return {
        "nodes": [asdict(n) for n in net.nodes],
        "edges": [asdict(e) for e in net.edges],
        "rollup": [asdict(e) for e in net.rollup],
    }
