"""Long documents in bounded memory: the analysers run on pieces of about ``CHUNK_CHARS`` characters.

A segmented document longer than one chunk is cut between paragraphs (at a speaker turn where one starts
in the second half of the chunk; between sentences only inside a paragraph longer than a chunk). Each
piece becomes a view of the document (``Document.view``: the same text object, the piece's sentences,
paragraphs and turns, ``scope`` = the piece) that the analysers see as if it were the whole document, so a
sentence gets the same analysis as when its piece is analysed alone, and what an analyser keeps for the
whole document (spaCy docs, encoder vectors, n-by-n similarity matrices) is dropped with the view. The
results are merged back: spans (offsets are the document's already), claims (sentence indices shifted,
ranked again over the whole document), events (numbered again), actors (one record per actor), and the
rhetoric profile (recomputed over the whole document). A document of one chunk runs as before.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from podium.document import Document, Span

#: Characters per piece: about 17,000 words, a few seconds of analysis and a few hundred MB at most.
CHUNK_CHARS = 100_000

Step = Callable[[Document], Document]


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of a document: ``[start, end)`` of the text and its sentences ``[first, stop)``."""

    start: int
    end: int
    first: int
    stop: int


def chunk_ranges(doc: Document, max_chars: int | None = None) -> list[Chunk]:
    """The pieces ``doc`` is analysed in (one piece when it is short), in text order; ``max_chars``
    defaults to ``CHUNK_CHARS``."""
    max_chars = max_chars or CHUNK_CHARS
    sentences = doc.sentences
    if not sentences:
        return []
    if sentences[-1].end - sentences[0].start <= max_chars:
        return [Chunk(0, len(doc.text), 0, len(sentences))]
    starts = _break_points(doc, max_chars)
    chunks: list[Chunk] = []
    first = 0
    n = len(sentences)
    while first < n:
        limit = sentences[first].start + max_chars
        # the last break point after `first` whose sentence starts before the limit
        stop = first + 1
        for k in range(bisect_left(starts, first + 1), len(starts)):
            candidate = starts[k]
            if sentences[candidate - 1].end > limit:
                break
            stop = candidate
        else:
            if sentences[-1].end <= limit:
                stop = n
        stop = _prefer_turn(doc, first, stop, limit) if stop < n else stop
        start = 0 if not chunks else _region_start(doc, first)
        chunks.append(Chunk(start, 0, first, stop))
        first = stop
    out = []
    for k, c in enumerate(chunks):
        end = chunks[k + 1].start if k + 1 < len(chunks) else len(doc.text)
        out.append(Chunk(c.start, end, c.first, c.stop))
    return out


def _break_points(doc: Document, max_chars: int) -> list[int]:
    """Indices of the sentences a piece may start at: each paragraph's first sentence, and every sentence
    of a paragraph longer than a piece (so an over-long paragraph can be cut between sentences)."""
    sentences = doc.sentences
    points = []
    p = 0
    paragraphs = doc.paragraphs
    for i in range(1, len(sentences)):
        s = sentences[i].start
        while p < len(paragraphs) and paragraphs[p].end <= s:
            p += 1
        inside = p < len(paragraphs) and paragraphs[p].start <= s
        if not inside or paragraphs[p].start == s or paragraphs[p].end - paragraphs[p].start > max_chars:
            points.append(i)
    return points


def _prefer_turn(doc: Document, first: int, stop: int, limit: int) -> int:
    """Move the cut back to the start of a speaker turn when one starts in the second half of the piece."""
    if not doc.turns:
        return stop
    sentences = doc.sentences
    half = sentences[first].start + (limit - sentences[first].start) // 2
    turn_starts = _turn_starts(doc)
    k = bisect_left(turn_starts, sentences[stop].start + 1) - 1
    if k < 0:
        return stop
    turn_start = turn_starts[k]
    if turn_start <= half:
        return stop
    i = bisect_left([s.start for s in sentences[first : stop + 1]], turn_start) + first
    return i if first < i <= stop and sentences[i].start >= turn_start else stop


def _turn_starts(doc: Document) -> list[int]:
    cached = doc.cache.get("_turn_starts")
    if cached is None or len(cached) != len(doc.turns):
        cached = doc.cache["_turn_starts"] = [t.start for t in doc.turns]
    return cached


def _region_start(doc: Document, first: int) -> int:
    """Where the piece starting with sentence ``first`` begins: its turn's label when the sentence opens
    a turn, else the sentence itself."""
    start = doc.sentences[first].start
    turn_starts = _turn_starts(doc)
    k = bisect_left(turn_starts, start)
    if k < len(turn_starts) and doc.turns[k].start == start:
        label = doc.turns[k].attrs.get("label")
        if label:
            return int(label[0])
    return start


def run_in_chunks(doc: Document, steps: Sequence[Step], max_chars: int | None = None) -> Document:
    """Run ``steps`` (analysers, with their optional ``prefetch``) piece by piece and merge the results."""
    chunks = chunk_ranges(doc, max_chars)
    if len(chunks) <= 1:
        return _run(doc, steps)
    merged = _Merged()
    paragraphs = _paragraph_index(doc)
    for chunk in chunks:
        view = sub_document(doc, chunk, paragraphs)
        view.cache["chunked"] = True
        merged.add(_run(view, steps), chunk)
    return merged.finish(doc, any("technique" in getattr(s, "assigns", ()) for s in steps))


def _paragraph_index(doc: Document) -> list[int]:
    return [p.end for p in doc.paragraphs]


def sub_document(doc: Document, chunk: Chunk, paragraph_ends: list[int] | None = None) -> Document:
    """A view of ``doc`` holding only the piece ``chunk``: the same text object, the piece's sentences,
    paragraphs and turns (found by bisection), the meta copied. ``paragraph_ends``: ``p.end`` of every
    paragraph, when the caller has it."""
    if paragraph_ends is None:
        paragraph_ends = _paragraph_index(doc)
    sentences = doc.sentences[chunk.first : chunk.stop]
    lo, hi = sentences[0].start, sentences[-1].end
    a = bisect_left(paragraph_ends, lo + 1)
    b = a
    while b < len(doc.paragraphs) and doc.paragraphs[b].start < hi:
        b += 1
    turn_ends = doc.cache.get("_turn_ends")
    if turn_ends is None or len(turn_ends) != len(doc.turns):
        turn_ends = doc.cache["_turn_ends"] = [t.end for t in doc.turns]
    t0 = bisect_left(turn_ends, lo + 1)
    t1 = t0
    while t1 < len(doc.turns) and doc.turns[t1].start < hi:
        t1 += 1
    return doc.view(chunk.start, chunk.end, sentences, doc.paragraphs[a:b], doc.turns[t0:t1])


def _run(doc: Document, steps: Sequence[Step]) -> Document:
    for step in steps:  # work that can start at once, elsewhere (see pipeline.BaseAnalyser)
        prefetch = getattr(step, "prefetch", None)
        if callable(prefetch):
            prefetch(doc)
    for step in steps:
        doc = step(doc)
    return doc


class _Merged:
    """What the pieces found, gathered in text order."""

    def __init__(self) -> None:
        self.spans: dict[str, list[Span]] = {}
        self.claims: list[Any] = []
        self.events: list[Any] = []
        self.actors: dict[str, Any] = {}
        self.extras: dict[str, Any] = {}

    def add(self, view: Document, chunk: Chunk) -> None:
        for layer, spans in view.spans.items():
            self.spans.setdefault(layer, []).extend(spans)
        for claim in view.claims:
            _shift_sentence(claim, chunk.first, "c")
            self.claims.append(claim)
        events = view.events
        base = len(self.events)
        renumber = {}
        for k, event in enumerate(events, base + 1):
            renumber[event.id] = f"e{k}"
            event.id = f"e{k}"
            if hasattr(event, "sentence"):
                event.sentence += chunk.first
        self.events.extend(events)
        for span in view.spans.get("event", ()):
            if span.attrs.get("id") in renumber:
                span.attrs["id"] = renumber[span.attrs["id"]]
        for actor in view.actors:
            self._add_actor(actor)
        for key, value in view.meta.extras.items():
            self.extras.setdefault(key, value)

    def _add_actor(self, actor: Any) -> None:
        known = self.actors.get(actor.id)
        if known is None:
            self.actors[actor.id] = actor
            return
        seen = set(known.aliases_seen)
        known.aliases_seen.extend(a for a in actor.aliases_seen if a not in seen)
        known.mention_count += actor.mention_count
        known.mentions.extend(actor.mentions)

    def finish(self, doc: Document, profile: bool) -> Document:
        for layer, spans in self.spans.items():
            spans.sort(key=lambda s: (s.start, -s.end))  # pieces are in text order: a linear merge
            doc.spans.setdefault(layer, []).extend(spans)
            doc.spans[layer].sort(key=lambda s: (s.start, -s.end))
        ranked = sorted(self.claims, key=lambda c: (-c.score, c.start))
        for rank, claim in enumerate(ranked, 1):
            claim.rank = rank
        doc.claims = ranked
        doc.events = self.events
        doc.actors = sorted(self.actors.values(), key=lambda a: (-a.mention_count, a.id))
        for key, value in self.extras.items():
            if key != "rhetoric":
                doc.meta.extras.setdefault(key, value)
        if profile:
            from podium.techniques.profile import rhetoric_profile

            doc.meta.extras["rhetoric"] = rhetoric_profile(doc)
        return doc


def _shift_sentence(record: Any, offset: int, prefix: str) -> None:
    """Claims name their sentence by index (``sentence``, id ``c<index + 1>``): make it the document's."""
    record.sentence += offset
    record.id = f"{prefix}{record.sentence + 1}"
