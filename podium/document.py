"""The Document: normalised text that never changes, plus offset-based structure and span layers.

Every annotation is a character range ``[start, end)`` into ``Document.text``; nothing copies text
without its offsets. This module holds only the data model and its invariants, no analysis.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from podium.errors import PodiumError

#: Span layers other tools rely on (DESIGN.md §1). Third-party analysers may add more.
KNOWN_LAYERS = (
    "claim",
    "quantity",
    "time",
    "attribution",
    "hedge",
    "citation",
    "entity",
    "actor_mention",
    "event",
    "technique",
)


def normalise_text(raw: str) -> str:
    """Unicode NFC, ``\\n`` line ends, a leading BOM removed; nothing else changes."""
    text = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled range of the text in one layer. ``source`` names the analyser that made it."""

    start: int
    end: int
    label: str
    score: float | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    source: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    """A structural range (sentence, paragraph, header line) with free attributes."""

    start: int
    end: int
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Turn:
    """A speaker turn: ``[start, end)`` is what the speaker says, without the ``NAME:`` label."""

    start: int
    end: int
    speaker: str
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Meta:
    """What is known about the document besides its text."""

    title: str | None = None
    speakers: list[str] = field(default_factory=list)
    date: str | None = None
    source: str | None = None
    language: str = "en"
    #: Lines before the body that are not speech (scraped page title, breadcrumb trail, front matter).
    header: list[Segment] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["header"] = [dataclasses.asdict(h) for h in self.header]
        return data


class Document:
    """One speech, statement, interview or debate, with everything podium knows about it."""

    def __init__(self, text: str, meta: Meta | None = None) -> None:
        self._text = normalise_text(text)
        self.meta = meta or Meta()
        self.paragraphs: list[Segment] = []
        self.sentences: list[Segment] = []
        self.turns: list[Turn] = []
        self.spans: dict[str, list[Span]] = {}
        self.claims: list[Any] = []
        self.events: list[Any] = []
        self.actors: list[Any] = []
        #: Per-document scratch space for shared expensive results (e.g. one parse); never serialised.
        self.cache: dict[str, Any] = {}
        #: ``[start, end)`` of the text this document stands for when it is a piece of a longer one
        #: (``view``); None for a whole document.
        self.scope: tuple[int, int] | None = None

    @property
    def text(self) -> str:
        return self._text

    @property
    def body_start(self) -> int:
        """Offset where the speech starts, after any header lines."""
        return max((h.end for h in self.meta.header), default=0)

    def view(
        self,
        start: int,
        end: int,
        sentences: list[Segment],
        paragraphs: list[Segment],
        turns: list[Turn],
    ) -> Document:
        """The piece ``[start, end)`` of this document as a document of its own, for analysing a long
        document piece by piece (``podium.chunking``): the same text object (offsets stay the
        document's), the given structure, a copy of the meta (header lines only in the first piece),
        empty layers and cache, and ``scope`` = the piece."""
        piece = Document.__new__(Document)
        piece._text = self._text
        meta = self.meta
        piece.meta = dataclasses.replace(
            meta,
            speakers=list(meta.speakers),
            header=[h for h in meta.header if start <= h.start and h.end <= end],
            extras=dict(meta.extras),
        )
        piece.sentences, piece.paragraphs, piece.turns = sentences, paragraphs, turns
        piece.spans, piece.claims, piece.events, piece.actors, piece.cache = {}, [], [], [], {}
        piece.scope = (start, end)
        return piece

    def scoped_text(self) -> tuple[int, str]:
        """``(offset, text)`` of what this document stands for: the whole text, or its piece (``view``)."""
        if self.scope is None:
            return 0, self._text
        return self.scope[0], self._text[self.scope[0] : self.scope[1]]

    def span_text(self, span: Span | Segment | Turn) -> str:
        return self._text[span.start : span.end]

    def add_spans(self, layer: str, spans: Iterable[Span], source: str = "") -> None:
        """Add spans to a layer, checking each lies inside the text."""
        bucket = self.spans.setdefault(layer, [])
        n = len(self._text)
        for span in spans:
            if not 0 <= span.start <= span.end <= n:
                raise PodiumError(
                    "E104", name=source or span.source, layer=layer, start=span.start, end=span.end, length=n
                )
            bucket.append(span)
        bucket.sort(key=lambda s: (s.start, -s.end))

    def layer(self, name: str) -> list[Span]:
        return self.spans.get(name, [])

    def iter_spans(self) -> Iterator[tuple[str, Span]]:
        for name in sorted(self.spans):
            for span in self.spans[name]:
                yield name, span

    def word_count(self) -> int:
        return len(self._text.split())
