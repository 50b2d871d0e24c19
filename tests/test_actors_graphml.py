"""The actor network and its GraphML export: parses as XML, opens in networkx, round-trips nodes and edges
(no spaCy: the document is built by hand)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import networkx as nx

from podium.actors.graphml import NS, render
from podium.actors.network import build_network, network_dict
from podium.actors.records import Actor, Event
from podium.document import Document, Segment


def make_doc() -> Document:
    text = "The Zionist regime and the US bombed Syria. Israel did not bomb Syria. Syria thanked Iran & co."
    doc = Document(text)
    doc.sentences = [Segment(0, 43), Segment(44, 70), Segment(71, len(text))]
    doc.actors = [
        Actor("SYR", "Syria", "state", "Q858", mention_count=3),
        Actor("ISR", "Israel", "state", "Q801", mention_count=2),
        Actor("USA", "United States", "state", "Q30", mention_count=1),
        Actor("IRN", "Iran", "state", "Q794", mention_count=1),
        Actor("new:co", "co & <others>", "organisation", None, known=False, mention_count=1),
    ]
    doc.events = [
        Event("e1", "ASSAULT", 0, [30, 36], [0, 42], "ISR", [0, 18], "SYR", [37, 42]),
        Event("e2", "ASSAULT", 0, [30, 36], [0, 42], "USA", [23, 29], "SYR", [37, 42]),
        Event("e3", "ASSAULT", 1, [60, 64], [44, 69], "ISR", [44, 50], "SYR", [65, 69], negated=True),
        Event("e4", "SUPPORT", 2, [77, 84], [71, 89], "SYR", [71, 76], "IRN", [85, 89], modality="question"),
        Event("e5", "ASSAULT", 0, [30, 36], [0, 42], "ISR", [0, 18], "SYR", [37, 42], modality="future"),
    ]
    return doc


def test_network_aggregates_and_leaves_out_negated_events() -> None:
    net = build_network(make_doc())
    edges = {(e.source, e.target, e.type): e for e in net.edges}
    assert edges[("ISR", "SYR", "ASSAULT")].count == 2  # e1 and e5; e3 is negated
    assert edges[("ISR", "SYR", "ASSAULT")].asserted == 1
    assert edges[("ISR", "SYR", "ASSAULT")].events == ["e1", "e5"]
    assert set(edges) == {("ISR", "SYR", "ASSAULT"), ("USA", "SYR", "ASSAULT"), ("SYR", "IRN", "SUPPORT")}
    assert network_dict(make_doc())["edges"][0]["count"] == 2


def test_graphml_is_valid_xml_with_keys() -> None:
    root = ET.fromstring(render(make_doc()))
    assert root.tag == f"{{{NS}}}graphml"
    graph = root.find(f"{{{NS}}}graph")
    assert graph is not None and graph.get("edgedefault") == "directed"
    assert len(graph.findall(f"{{{NS}}}node")) == 5
    assert len(graph.findall(f"{{{NS}}}edge")) == 3


def test_graphml_round_trips_through_networkx() -> None:
    doc = make_doc()
    graph = nx.read_graphml(io.StringIO(render(doc)))
    assert graph.is_directed()
    assert set(graph.nodes) == {a.id for a in doc.actors}
    assert graph.nodes["new:co"]["name"] == "co & <others>"  # escaped and restored
    assert graph.nodes["SYR"]["wikidata"] == "Q858" and graph.nodes["SYR"]["mentions"] == 3
    assert "wikidata" not in graph.nodes["new:co"]
    got = {(u, v, d["event_type"], d["count"]) for u, v, d in graph.edges(data=True)}
    want = {(e.source, e.target, e.type, e.count) for e in build_network(doc).edges}
    assert got == want


def test_empty_document_gives_an_empty_graph() -> None:
    graph = nx.read_graphml(io.StringIO(render(Document("Nothing here."))))
    assert graph.number_of_nodes() == 0 and graph.number_of_edges() == 0
