"""Claim records: one per claim-candidate sentence, ranked by check-worthiness, with its parts linked.

A record references its sentence and the spans inside it by offsets; it never copies text. This module
builds records from layers already on the Document; it does not score sentences (the ``claim``
analyser does, with ``podium.checkworthy``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from podium.document import Document, Segment, Span

#: Layers whose spans inside a claim sentence are listed as the claim's parts.
PART_LAYERS = ("quantity", "time", "attribution", "hedge", "citation", "actor_mention", "event", "technique")


@dataclass(slots=True)
class Claim:
    """A sentence that may need fact-checking, and what it is made of."""

    id: str
    rank: int
    sentence: int
    start: int
    end: int
    score: float
    speaker: str | None = None
    type: str | None = None
    #: layer -> [start, end] of each span of that layer inside the sentence.
    parts: dict[str, list[list[int]]] = field(default_factory=dict)
    #: Fact-checks of this claim found in an archive (``--factchecks``), best first; None when no archive
    #: was searched (the JSON then has no ``matches`` key). Set by ``podium.corpus.checked_before``.
    matches: list[dict[str, Any]] | None = None


def sentence_speakers(doc: Document) -> list[str | None]:
    """The speaker of each sentence: its turn's speaker, or the single speaker named in meta."""
    default = doc.meta.speakers[0] if len(doc.meta.speakers) == 1 else None
    speakers: list[str | None] = []
    turns = doc.turns
    t = 0
    for sentence in doc.sentences:
        while t < len(turns) and turns[t].end <= sentence.start:
            t += 1
        inside = t < len(turns) and turns[t].start <= sentence.start < turns[t].end
        speakers.append(turns[t].speaker if inside else default)
    return speakers


def parts_of(
    doc: Document, sentence: Segment, starts: dict[str, list[int] | None] | None = None
) -> dict[str, list[list[int]]]:
    """Offsets of the spans of each part layer that lie inside ``sentence``. ``starts`` (layer -> the
    start of each of its spans, as ``layer_starts`` gives) lets many calls share one index."""
    starts = starts if starts is not None else layer_starts(doc)
    parts: dict[str, list[list[int]]] = {}
    for layer in PART_LAYERS:
        spans, index = doc.layer(layer), starts.get(layer)
        if index is not None:  # sorted by start: only the spans starting inside the sentence are looked at
            lo = bisect_left(index, sentence.start)
            spans = spans[lo : bisect_left(index, sentence.end, lo)]
        inside = [[s.start, s.end] for s in spans if sentence.start <= s.start and s.end <= sentence.end]
        if inside:
            parts[layer] = inside
    return parts


def layer_starts(doc: Document) -> dict[str, list[int] | None]:
    """The start of every span of each part layer, in layer order (for ``parts_of``); None for a layer
    not sorted by start (spans set by hand), which is then scanned whole."""
    out: dict[str, list[int] | None] = {}
    for layer in PART_LAYERS:
        starts = [s.start for s in doc.layer(layer)]
        out[layer] = starts if all(a <= b for a, b in pairwise(starts)) else None
    return out


def build_claims(doc: Document, claim_spans: list[Span]) -> list[Claim]:
    """Ranked claim records for the ``claim`` spans (each covering one sentence), highest score first."""
    by_start = {s.start: i for i, s in enumerate(doc.sentences)}
    types = {s.start: s.label for s in doc.layer("claim_type")}
    speakers = sentence_speakers(doc)
    ranked = sorted(claim_spans, key=lambda s: (-(s.score or 0.0), s.start))
    starts = layer_starts(doc)
    claims = []
    for rank, span in enumerate(ranked, 1):
        index = by_start[span.start]
        claims.append(
            Claim(
                id=f"c{index + 1}",
                rank=rank,
                sentence=index,
                start=span.start,
                end=span.end,
                score=round(span.score or 0.0, 4),
                speaker=speakers[index],
                type=types.get(span.start) or span.attrs.get("type"),
                parts=parts_of(doc, doc.sentences[index], starts),
            )
        )
    return claims
