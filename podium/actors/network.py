"""The actor network of one document: who does what to whom, aggregated from ``doc.events``.

Nodes are the document's actors (``doc.actors``); an edge joins a source to a target for one event type and
counts the events, how many the speaker asserts, and lists their ids. Negated events ("did not attack") are
left out of the counts; events missing a source or a target have no edge. It does not draw the network.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(slots=True)
class Network:
    nodes: list[Node]
    edges: list[Edge]


def build_network(doc: Document) -> Network:
    nodes = [Node(a.id, a.name, a.type, a.wikidata, a.mention_count) for a in doc.actors]
    known = {n.id for n in nodes}
    edges: dict[tuple[str, str, str], Edge] = {}
    for event in doc.events:
        if event.negated or event.source is None or event.target is None:
            continue
        key = (event.source, event.target, event.type)
        edge = edges.setdefault(key, Edge(*key))
        edge.count += 1
        edge.asserted += event.modality == "asserted"
        edge.events.append(event.id)
        for actor in (event.source, event.target):
            if actor not in known:  # an actor named only through an event's fallback
                known.add(actor)
                nodes.append(Node(actor, actor, "unknown", None, 0))
    ordered = sorted(edges.values(), key=lambda e: (-e.count, e.source, e.target, e.type))
    return Network(nodes, ordered)


def network_dict(doc: Document) -> dict:
    """The network as JSON-friendly data (``{"nodes": [...], "edges": [...]}``)."""
    from dataclasses import asdict

    net = build_network(doc)
    return {"nodes": [asdict(n) for n in net.nodes], "edges": [asdict(e) for e in net.edges]}
