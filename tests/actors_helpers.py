"""Shared helpers for the actor and event tests: run the two analysers on a text (loads spaCy)."""

from __future__ import annotations

from podium.analysers.actors import ActorAnalyser
from podium.analysers.events import EventAnalyser
from podium.document import Document, Meta
from podium.pipeline import Pipeline
from podium.segment import segment

PIPELINE = Pipeline([ActorAnalyser(), EventAnalyser()])


def analyse(text: str, speakers: list[str] | None = None, **extras: str) -> Document:
    doc = Document(text, Meta(speakers=speakers or [], extras=dict(extras)))
    segment(doc)
    return PIPELINE(doc)


def mentions(doc: Document) -> list[tuple[str, str]]:
    return [(doc.text[s.start : s.end], s.label) for s in doc.layer("actor_mention")]


def triples(doc: Document) -> set[tuple[str | None, str, str | None]]:
    return {(e.source, e.type, e.target) for e in doc.events}
