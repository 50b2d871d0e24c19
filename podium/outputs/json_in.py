"""Reading an analysis back: the plain data of ``json_out.to_dict`` turned into a Document again.

Used where a stored analysis is shown without re-running anything (the corpus store). The result
renders to exactly the same outputs as the Document it came from: ``to_dict(from_dict(d)) == d``.
"""

from __future__ import annotations

from typing import Any

from podium.actors.records import Actor, Event
from podium.claims import Claim
from podium.document import Document, Meta, Segment, Span, Turn


def _segment(data: dict[str, Any]) -> Segment:
    return Segment(data["start"], data["end"], data.get("attrs") or {})


def _meta(data: dict[str, Any]) -> Meta:
    return Meta(
        title=data.get("title"),
        speakers=list(data.get("speakers") or []),
        date=data.get("date"),
        source=data.get("source"),
        language=data.get("language") or "en",
        header=[_segment(h) for h in data.get("header") or []],
        extras=dict(data.get("extras") or {}),
    )


def from_dict(data: dict[str, Any]) -> Document:
    """The Document whose ``to_dict`` is ``data`` (spans are added layer by layer, checked as usual)."""
    doc = Document(data["text"], _meta(data.get("meta") or {}))
    doc.paragraphs = [_segment(p) for p in data.get("paragraphs", [])]
    doc.sentences = [_segment(s) for s in data.get("sentences", [])]
    doc.turns = [
        Turn(t["start"], t["end"], t["speaker"], t.get("attrs") or {}) for t in data.get("turns", [])
    ]
    layers: dict[str, list[Span]] = {}
    for s in data.get("spans", []):
        span = Span(
            s["start"], s["end"], s["label"], s.get("score"), s.get("attrs") or {}, s.get("source", "")
        )
        layers.setdefault(s["layer"], []).append(span)
    for layer, spans in layers.items():
        doc.add_spans(layer, spans)
    doc.claims = [Claim(**c) for c in data.get("claims", [])]
    doc.events = [Event(**e) for e in data.get("events", [])]
    doc.actors = [Actor(**a) for a in data.get("actors", [])]
    return doc
