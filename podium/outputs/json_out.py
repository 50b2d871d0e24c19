"""The JSON output (DESIGN.md §3), versioned by ``SCHEMA_VERSION`` and described by a JSON Schema file.

``to_dict`` is the single place that turns a Document into plain data; the HTML, Markdown and CSV
writers build on it so that every format shows the same analysis.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

from podium.document import Document, Segment, Span

SCHEMA_VERSION = "1.2"  # 1.1: claims[].matches (with --factchecks); 1.2: speakers_found, sides, acting_for


def _segment(seg: Segment) -> dict[str, Any]:
    out: dict[str, Any] = {"start": seg.start, "end": seg.end}
    if seg.attrs:
        out["attrs"] = seg.attrs
    return out


def _span(doc: Document, layer: str, span: Span) -> dict[str, Any]:
    return {
        "layer": layer,
        "label": span.label,
        "start": span.start,
        "end": span.end,
        "text": doc.span_text(span),
        "score": span.score,
        "attrs": span.attrs,
        "source": span.source,
    }


def _record(record: Any) -> Any:
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return dataclasses.asdict(record)
    if hasattr(record, "to_dict"):
        return record.to_dict()
    return record


def _claim(claim: Any) -> Any:
    """A claim record; ``matches`` only when an archive of fact-checks was searched (None otherwise)."""
    out = _record(claim)
    if isinstance(out, dict) and out.get("matches", []) is None:
        del out["matches"]
    return out


def _parts(doc: Document) -> dict[str, Any]:
    """The top-level fields, the long lists as iterators (so a long document is never held twice)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "text": doc.text,
        "meta": doc.meta.to_dict(),
        "paragraphs": (_segment(p) for p in doc.paragraphs),
        "sentences": (_segment(s) for s in doc.sentences),
        "turns": (
            {"start": t.start, "end": t.end, "speaker": t.speaker, **({"attrs": t.attrs} if t.attrs else {})}
            for t in doc.turns
        ),
        "spans": (_span(doc, layer, span) for layer, span in doc.iter_spans()),
        "claims": (_claim(r) for r in doc.claims),
        "events": (_record(r) for r in doc.events),
        "actors": (_record(r) for r in doc.actors),
    }


def to_dict(doc: Document) -> dict[str, Any]:
    """The whole analysis as JSON-ready data."""
    return {k: v if isinstance(v, str | dict) else list(v) for k, v in _parts(doc).items()}


def render(doc: Document) -> str:
    """``json.dumps(to_dict(doc), ensure_ascii=False, indent=2)`` plus a newline: the same text."""
    return "".join(chunks(doc))


def chunks(doc: Document) -> Iterator[str]:
    """The text of ``render`` piece by piece, one list item at a time, so that a long document's output
    can be written without ever being held whole (the pure-Python indenting encoder would also hold
    millions of fragments at once)."""
    yield "{\n"
    for n, (key, value) in enumerate(_parts(doc).items()):
        yield (",\n  " if n else "  ") + json.dumps(key) + ": "
        if isinstance(value, str | dict):
            yield _dumps(value, "  ")
            continue
        empty = True
        for item in value:
            yield ("[\n    " if empty else ",\n    ") + _dumps(item, "    ")
            empty = False
        yield "[]" if empty else "\n  ]"
    yield "\n}\n"


def _dumps(value: Any, pad: str) -> str:
    """``value`` as it appears indented by ``pad`` inside ``json.dumps(..., indent=2)`` (JSON strings hold
    no raw line breaks, so every line break is the encoder's)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)


def schema() -> dict[str, Any]:
    """The published JSON Schema of the output (``podium/schema/document.schema.json``)."""
    return json.loads(files("podium.schema").joinpath("document.schema.json").read_text("utf-8"))
