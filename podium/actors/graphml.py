"""GraphML export of a document's actor network (``render(doc) -> str``), written with the stdlib XML tools.

A directed graph: one node per actor (attributes name, type, wikidata, mentions) and one edge per
(source, target, event type) with the event count, the asserted count and the event ids. Readable by
networkx (``networkx.read_graphml``), Gephi, yEd and Cytoscape. It holds no layout.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from podium.actors.network import build_network
from podium.document import Document

NS = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = (("name", "string"), ("type", "string"), ("wikidata", "string"), ("mentions", "int"))
EDGE_KEYS = (("event_type", "string"), ("count", "int"), ("asserted", "int"), ("events", "string"))


def render(doc: Document) -> str:
    net = build_network(doc)
    root = ET.Element("graphml", {"xmlns": NS})
    for domain, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys:
            key_id = f"{domain[0]}_{name}"
            ET.SubElement(root, "key", {"id": key_id, "for": domain, "attr.name": name, "attr.type": kind})
    title = doc.meta.title or "podium actor network"
    graph = ET.SubElement(root, "graph", {"id": title, "edgedefault": "directed"})
    for node in net.nodes:
        el = ET.SubElement(graph, "node", {"id": node.id})
        _data(el, "n_name", node.name)
        _data(el, "n_type", node.type)
        if node.wikidata:
            _data(el, "n_wikidata", node.wikidata)
        _data(el, "n_mentions", str(node.mentions))
    for i, edge in enumerate(net.edges):
        el = ET.SubElement(graph, "edge", {"id": f"edge{i}", "source": edge.source, "target": edge.target})
        _data(el, "e_event_type", edge.type)
        _data(el, "e_count", str(edge.count))
        _data(el, "e_asserted", str(edge.asserted))
        _data(el, "e_events", " ".join(edge.events))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _data(parent: ET.Element, key: str, value: str) -> None:
    ET.SubElement(parent, "data", {"key": key}).text = value
