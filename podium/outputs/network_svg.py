"""A picture of the actor network for the HTML report: actors on a circle, arrows for who-does-what-to-whom.

Pure geometry: it turns a ``podium.actors.network.Network`` into shapes (circles, lines, arrowheads,
labels) that the report template draws as inline SVG. No text is escaped here; the template autoescapes.
It does not build the network and draws no more than ``max_nodes`` actors (the most connected).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from podium.actors.network import Network

WIDTH, HEIGHT, RADIUS = 760, 520, 200
NODE_COLOURS = {
    "state": "#4c78a8",
    "person": "#f58518",
    "organisation": "#54a24b",
    "armed_group": "#e45756",
    "military": "#b279a2",
    "party": "#9d755d",
    "group": "#72b7b2",
}


@dataclass(slots=True)
class NodeShape:
    id: str
    name: str
    type: str
    x: float
    y: float
    r: float
    colour: str
    label_x: float
    label_y: float
    anchor: str


@dataclass(slots=True)
class EdgeShape:
    source: str
    target: str
    x1: float
    y1: float
    x2: float
    y2: float
    arrow: str
    label: str
    label_x: float
    label_y: float
    width: float


@dataclass(slots=True)
class Picture:
    width: int
    height: int
    nodes: list[NodeShape]
    edges: list[EdgeShape]
    hidden: int


def layout(network: Network, max_nodes: int = 14) -> Picture | None:
    """Shapes for the most connected actors of ``network``; None when no event links two actors."""
    pairs: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    degree: dict[str, int] = defaultdict(int)
    for e in network.edges:
        if e.source != e.target:
            pairs[(e.source, e.target)].append((e.type, e.count))
            degree[e.source] += e.count
            degree[e.target] += e.count
    if not pairs:
        return None
    by_id = {n.id: n for n in network.nodes}
    chosen = sorted(degree, key=lambda a: (-degree[a], -(by_id[a].mentions if a in by_id else 0), a))[
        :max_nodes
    ]
    cx, cy = WIDTH / 2, HEIGHT / 2
    nodes: dict[str, NodeShape] = {}
    for i, actor in enumerate(chosen):
        angle = -math.pi / 2 + 2 * math.pi * i / len(chosen)
        x, y = cx + RADIUS * math.cos(angle), cy + RADIUS * math.sin(angle)
        node = by_id.get(actor)
        r = 7 + 3 * math.sqrt(degree[actor])
        right = math.cos(angle) >= -1e-9
        nodes[actor] = NodeShape(
            actor,
            node.name if node else actor,
            node.type if node else "unknown",
            x,
            y,
            r,
            NODE_COLOURS.get(node.type if node else "", "#888888"),
            x + (r + 5 if right else -(r + 5)) * (1 if abs(math.cos(angle)) > 0.2 else 0),
            y + (0 if abs(math.cos(angle)) > 0.2 else (r + 14 if math.sin(angle) > 0 else -(r + 6))),
            ("start" if right else "end") if abs(math.cos(angle)) > 0.2 else "middle",
        )
    edges = [
        _edge(nodes[s], nodes[t], kinds, (t, s) in pairs)
        for (s, t), kinds in sorted(pairs.items())
        if s in nodes and t in nodes
    ]
    return Picture(WIDTH, HEIGHT, list(nodes.values()), edges, len(degree) - len(nodes))


def _edge(a: NodeShape, b: NodeShape, kinds: list[tuple[str, int]], both_ways: bool) -> EdgeShape:
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    shift = 6.0 if both_ways else 0.0  # keep A->B and B->A apart
    ox, oy = -uy * shift, ux * shift
    x1, y1 = a.x + ux * a.r + ox, a.y + uy * a.r + oy
    x2, y2 = b.x - ux * (b.r + 2) + ox, b.y - uy * (b.r + 2) + oy
    back_x, back_y = x2 - ux * 9, y2 - uy * 9
    arrow = " ".join(
        f"{px:.1f},{py:.1f}"
        for px, py in ((x2, y2), (back_x - uy * 4, back_y + ux * 4), (back_x + uy * 4, back_y - ux * 4))
    )
    total = sum(count for _, count in kinds)
    label = ", ".join(
        f"{kind} ×{count}" if count > 1 else kind for kind, count in sorted(kinds, key=lambda k: -k[1])
    )
    return EdgeShape(
        a.id,
        b.id,
        x1,
        y1,
        x2,
        y2,
        arrow,
        label,
        (x1 + x2) / 2 + ox * 2,
        (y1 + y2) / 2 + oy * 2,
        min(1.2 + 0.8 * total, 5.0),
    )
