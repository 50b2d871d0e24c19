"""GraphML export of a document's actor network (``render(doc) -> str``), written with the stdlib XML tools.

A directed graph: one node per actor (attributes name, type, wikidata, mentions) and one edge per
(source, target, event type) with the event count, the asserted count and the event ids. Readable by
networkx (``networkx.read_graphml``), Gephi, yEd and Cytoscape. Characters XML 1.0 forbids (control
characters, U+FFFE/U+FFFF, lone surrogates) are dropped from names and titles. It holds no layout.
"""

from __future__ import annotations

import re
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
    graph = ET.SubElement(root, "graph", {"id": xml_text(title), "edgedefault": "directed"})
    for node in net.nodes:
        el = ET.SubElement(graph, "node", {"id": xml_text(node.id)})
        _data(el, "n_name", node.name)
        _data(el, "n_type", node.type)
        if node.wikidata:
            _data(el, "n_wikidata", node.wikidata)
        _data(el, "n_mentions", str(node.mentions))
    for i, edge in enumerate(net.edges):
        ends = {"source": xml_text(edge.source), "target": xml_text(edge.target)}
        el = ET.SubElement(graph, "edge", {"id": f"edge{i}", **ends})
        _data(el, "e_event_type", edge.type)
        _data(el, "e_count", str(edge.count))
        _data(el, "e_asserted", str(edge.asserted))
        _data(el, "e_events", " ".join(edge.events))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _data(parent: ET.Element, key: str, value: str) -> None:
    ET.SubElement(parent, "data", {"key": key}).text = xml_text(value)


#: Characters XML 1.0 forbids anywhere in a document (even escaped): C0 controls but tab, CR and LF,
#: lone surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    """``value`` without the characters XML 1.0 cannot hold (a parser would reject the whole file)."""
    return _NOT_XML.sub("", value)
