"""Turn a path, URL or stdin into a Document: read bytes within a size limit, pick a reader, fill meta.

The reader is chosen by the content's signature first (a PDF saved as .txt is still a PDF) and the
suffix second. Plain text gets header detection (page title, breadcrumb, front matter) and speaker
turn detection. This package does not segment (``podium.segment``) or analyse.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from podium.document import Document, Meta
from podium.errors import PodiumError
from podium.ingest.decode import decode, sniff_binary
from podium.ingest.header import detect_header, parse_date
from podium.ingest.transcript import detect_turns, is_checkthat, read_checkthat

DEFAULT_MAX_BYTES = 20_000_000
#: Larger ``max_bytes`` values are treated as this (1 TiB): more than any machine reads into memory.
MAX_BYTES_CEILING = 1 << 40
_CHUNK = 1 << 20
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".tsv")
SUFFIXES = (*TEXT_SUFFIXES, ".html", ".htm", ".xhtml", ".pdf", ".docx", ".srt", ".vtt")
_SRT_START = re.compile(rb"\A\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")
_SURROGATES = re.compile("[\ud800-\udfff]")
_HTML_START = re.compile(rb"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


def is_url(source: str) -> bool:
    """An http(s) address, whatever the case of its scheme (``HTTP://`` too)."""
    return source[:8].lower().startswith(("http://", "https://"))


def collect_inputs(sources: Iterable[str]) -> list[str]:
    """Expand directories into their supported files (sorted); keep files, URLs and '-' as given."""
    out: list[str] = []
    for source in sources:
        if source == "-" or is_url(source):
            out.append(source)
            continue
        path = Path(source)
        if os.path.isdir(source):  # os.path's checks say False for names the system refuses (too long)
            found = sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                raise PodiumError("E002", path=source, suffixes=" ".join(SUFFIXES))
            out.extend(found)
        elif not os.path.exists(source):
            raise PodiumError("E001", path=source)
        else:
            out.append(source)
    return out


def load(source: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None) -> Document:
    """Read ``source`` (a path, an http(s) URL or '-') into a Document with meta filled in."""
    max_bytes = min(max_bytes, MAX_BYTES_CEILING)
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = read_at_most(stream, max_bytes + 1)
        _check_size(len(data), max_bytes, "<stdin>", over=len(data) > max_bytes)  # reads at most limit+1
        doc = from_bytes(data, "<stdin>", "", max_bytes)
    elif is_url(source):
        from podium.ingest import url

        data, suffix = url.fetch(source, max_bytes)
        doc = from_bytes(data, source, suffix, max_bytes)
    else:
        doc = from_bytes(_read_file(source, max_bytes), source, Path(source).suffix.lower(), max_bytes)
    doc.meta.source = printable(doc.meta.source or source)
    return doc


def _read_file(path: str, max_bytes: int) -> bytes:
    if not os.path.exists(path):
        raise PodiumError("E001", path=path)
    if os.path.isdir(path):
        collect_inputs([path])  # raises E002 when there is nothing to read in it
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            _check_size(size, max_bytes, path, over=size > max_bytes)
            data = read_at_most(handle, max_bytes + 1)  # a file still growing cannot pass the limit either
    except OSError as err:
        raise PodiumError("E009", path=path, kind="a file", reason=err.strerror or str(err)) from err
    _check_size(len(data), max_bytes, path, over=len(data) > max_bytes)
    return data


def read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream``, read in chunks (no buffer of ``limit`` bytes up front)."""
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        chunk = stream.read(min(_CHUNK, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _check_size(size: int, limit: int, path: str, over: bool) -> None:
    if over:
        raise PodiumError("E005", path=path, size=size, limit=limit)
    if size == 0:
        raise PodiumError("E003", path=path)


def _reader(data: bytes, suffix: str, max_bytes: int) -> Callable[[bytes, str], Document]:
    kind = sniff_binary(data)
    if kind == "PDF" or (suffix == ".pdf" and data.lstrip()[:1] != b"<"):
        from podium.ingest import pdf

        return pdf.read
    if kind == "ZIP archive" and (suffix == ".docx" or b"word/" in data[:4096]):
        from podium.ingest import docx

        return lambda data, path: docx.read(data, path, max_bytes)
    if (
        suffix in (".srt", ".vtt")
        or data.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT")
        or _SRT_START.match(data)
    ):
        from podium.ingest import subtitles

        return subtitles.read
    if suffix in (".html", ".htm", ".xhtml") or _HTML_START.match(data[:2048]):
        from podium.ingest import html

        return html.read
    return read_text


def from_bytes(data: bytes, path: str, suffix: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """A Document from raw bytes; ``suffix`` (like '.html') is a hint, the content decides first.
    ``max_bytes`` also bounds what a compressed input (.docx) expands to."""
    if not data.strip():
        raise PodiumError("E003", path=path)
    doc = _reader(data, suffix, max_bytes)(data, path)
    if not doc.text.strip():
        raise PodiumError("E003", path=path)
    return doc


def read_text(data: bytes, path: str) -> Document:
    """Plain text or Markdown: header lines and speaker turns detected; CheckThat! TSV recognised."""
    text, encoding = decode(data, path)
    if not text.strip():
        raise PodiumError("E003", path=path)
    if is_checkthat(text):
        doc = read_checkthat(text, path)
    else:
        doc = Document(text, Meta())
        detect_header(doc.text, doc.meta)
        detect_turns(doc, doc.body_start)
    doc.meta.extras["encoding"] = encoding
    return doc


def apply_meta(
    doc: Document,
    title: str | None = None,
    speakers: list[str] | None = None,
    date: str | None = None,
    language: str | None = None,
    side: str | None = None,
) -> Document:
    """Meta given by the user wins over what was found in the file (characters that cannot be written,
    like the lone surrogates of undecodable bytes in a command line, become U+FFFD)."""
    title, side, language = printable(title), printable(side), printable(language)
    speakers = [printable(s) for s in speakers] if speakers else speakers
    if side:
        doc.meta.extras["speaker_side"] = side
    if title:
        doc.meta.title = title
    if speakers:
        doc.meta.speakers = speakers
        doc.meta.extras["speakers_found"] = [{"name": s, "how": "given"} for s in speakers]
    if date:
        iso = parse_date(date)
        if iso is None:
            raise PodiumError("E014", field="date", value=date, reason="use YYYY-MM-DD, e.g. 2024-12-11")
        doc.meta.date = iso
    if language:
        doc.meta.language = language
    return doc


def printable(value: str | None) -> str | None:
    """``value`` with lone surrogates (undecodable bytes of a file name or argument) replaced by U+FFFD."""
    return _SURROGATES.sub("\ufffd", value) if value else value


__all__ = ["DEFAULT_MAX_BYTES", "SUFFIXES", "apply_meta", "collect_inputs", "from_bytes", "load"]
