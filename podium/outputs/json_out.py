"""The JSON output (DESIGN.md §3), versioned by ``SCHEMA_VERSION`` and described by a JSON Schema file.

``to_dict`` is the single place that turns a Document into plain data; the HTML, Markdown and CSV
writers build on it so that every format shows the same analysis.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Iterator
from functools import cache
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
        return _asdict(record)
    if hasattr(record, "to_dict"):
        return record.to_dict()
    return record


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


def _asdict(record: Any) -> dict[str, Any]:
    """``dataclasses.asdict(record)``: the same dict, deep-copied the same way, several times faster on
    records of plain JSON-like data (the claims, events and actors of a long document)."""
    return {name: _copied(getattr(record, name)) for name in _field_names(type(record))}


def _copied(value: Any) -> Any:
    """A field value as ``dataclasses.asdict`` copies it: plain lists and dicts item by item, nested
    dataclasses as dicts, other containers as their own type, anything else by ``copy.deepcopy`` (which
    returns strings, numbers, booleans and None as they are)."""
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    if kind is list:
        return [_copied(v) for v in value]
    if kind is dict:
        return {_copied(k): _copied(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _asdict(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple
        return kind(*[_copied(v) for v in value])
    if isinstance(value, list | tuple):
        return kind(_copied(v) for v in value)
    if isinstance(value, dict):
        if hasattr(kind, "default_factory"):  # a defaultdict
            return kind(value.default_factory, ((_copied(k), _copied(v)) for k, v in value.items()))
        return kind((_copied(k), _copied(v)) for k, v in value.items())
    return copy.deepcopy(value)


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
