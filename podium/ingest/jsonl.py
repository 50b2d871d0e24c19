"""JSON lines of documents: one document per line, ``{"text": "...", "title": ..., "speakers": [...]}``.

An archive dump (a news site's export, a parliament's speeches) often comes as one ``.jsonl`` file. Each
line is one document: a non-empty ``text`` string plus optional meta fields (``title``, ``speakers`` or
``speaker``, ``date``, ``language``, ``side``, ``source`` or ``url``); any other field is kept in
``meta.extras``. The text is read exactly as a plain-text file with the same content would be (so the same
speech stored from a file or from a dump has the same content hash).

``records`` streams a file line by line without parsing it (the line travels to whoever analyses it);
``document`` parses one line into a Document, raising E604 for a line that is not a document. It does not
segment or analyse.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from podium.document import Document
from podium.errors import PodiumError

SUFFIXES = (".jsonl", ".ndjson")
_META = ("text", "title", "speakers", "speaker", "date", "language", "side", "source", "url")


@dataclass(frozen=True)
class Record:
    """One line of a JSONL file of documents, as read (parsed only where it is analysed)."""

    path: str
    line: int
    raw: bytes

    @property
    def source(self) -> str:
        """Where it came from: ``FILE:LINE``."""
        return f"{self.path}:{self.line}"


def is_jsonl(source: str) -> bool:
    return source.lower().endswith(SUFFIXES)


def records(path: str) -> Iterator[Record]:
    """Every non-blank line of ``path``, streamed (never the whole file in memory)."""
    try:
        with open(path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if raw.strip():
                    yield Record(path, number, raw.rstrip(b"\r\n"))
    except FileNotFoundError as exc:
        raise PodiumError("E001", path=path) from exc
    except OSError as exc:
        raise PodiumError("E009", path=path, kind="JSON lines", reason=exc.strerror or str(exc)) from exc


def count(path: str) -> int:
    """How many documents ``records(path)`` yields (a fast pass over the bytes)."""
    return sum(1 for _ in records(path))


def document(record: Record, max_bytes: int) -> Document:
    """The Document of one line: its text read like a plain-text file, its fields as meta."""
    from podium.ingest import apply_meta, from_bytes, printable

    fields = _fields(record, max_bytes)
    doc = from_bytes(fields["text"].encode("utf-8", "surrogatepass"), record.source, ".txt", max_bytes)
    speakers = fields.get("speakers", fields.get("speaker"))
    if isinstance(speakers, str):
        speakers = [speakers]
    elif speakers is not None and not isinstance(speakers, list):
        raise _bad(record, f'"speakers" is a {type(speakers).__name__}, not a list of names')
    apply_meta(
        doc,
        title=_text(record, fields, "title"),
        speakers=[_name(record, s) for s in speakers] if speakers else None,
        date=_text(record, fields, "date"),
        language=_text(record, fields, "language"),
        side=_text(record, fields, "side"),
    )
    doc.meta.source = printable(
        _text(record, fields, "source") or _text(record, fields, "url") or record.source
    )
    for key, value in fields.items():
        if key not in _META:
            doc.meta.extras.setdefault(key, value)
    return doc


def _fields(record: Record, max_bytes: int) -> dict[str, Any]:
    if len(record.raw) > max_bytes:
        raise PodiumError("E005", path=record.source, size=len(record.raw), limit=max_bytes)
    try:
        fields = json.loads(record.raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _bad(record, f"not UTF-8 at byte {exc.start}") from exc
    except json.JSONDecodeError as exc:
        raise _bad(record, f"invalid JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(fields, dict):
        raise _bad(record, f"a JSON {type(fields).__name__}, not an object")
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _bad(record, 'no "text" string' if not isinstance(text, str) else 'the "text" is empty')
    return fields


def _text(record: Record, fields: dict[str, Any], key: str) -> str | None:
    value = fields.get(key)
    if value is None or isinstance(value, str):
        return value
    raise _bad(record, f'"{key}" is a {type(value).__name__}, not a string')


def _name(record: Record, value: Any) -> str:
    if isinstance(value, str):
        return value
    raise _bad(record, f"a speaker is a {type(value).__name__}, not a string")


def _bad(record: Record, reason: str) -> PodiumError:
    return PodiumError("E604", path=record.path, line=record.line, reason=reason)
