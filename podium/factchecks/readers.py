"""Read fact-check files and directories into an :class:`ImportReport`; bad input is skipped, never raised.

Dispatch by suffix (case-insensitive): ``.json``/``.jsonld`` ClaimReview JSON-LD (a file of several
JSON values, one per line, is read as JSON lines), ``.html``/``.htm`` saved pages, ``.csv`` and ``.tsv``
tables (:mod:`podium.factchecks.tables`), ``.jsonl``/``.ndjson`` JSON lines — PolitiFact archive lines
(with ``vclaim``) or ClaimReview objects —, any of these compressed as ``.gz``. A file with another
suffix named directly is sniffed (JSON or HTML); inside a directory it is passed over. Directories are
read recursively in sorted order, hidden files and folders (``.name``) left out, symlinks not followed.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from podium.factchecks.checkthat import is_politifact, politifact_record
from podium.factchecks.claimreview import collect
from podium.factchecks.decoding import decode
from podium.factchecks.pages import read_page
from podium.factchecks.records import ImportReport, Skip
from podium.factchecks.tables import read_table

MAX_BYTES = 512 * 1024 * 1024  #: largest file (or decompressed file) read whole
MAX_LINE = 64 * 1024 * 1024  #: longest JSON line
_JSON = json.JSONDecoder(strict=False)
KINDS = {
    ".json": "json", ".jsonld": "json", ".html": "html", ".htm": "html", ".csv": "csv", ".tsv": "tsv",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}  # fmt: skip


def read_paths(paths: Sequence[Path], max_bytes: int = MAX_BYTES) -> ImportReport:
    """Everything in ``paths`` (files or directories), in the order given."""
    report = ImportReport()
    for path in paths:
        report.merge(read_path(Path(path), max_bytes))
    return report


def read_path(path: Path, max_bytes: int = MAX_BYTES) -> ImportReport:
    """A file, or every supported file under a directory."""
    report = ImportReport()
    path = Path(path)
    if path.is_dir():
        files = sorted(_walk(path, report))
        for file in files:
            _read_file(file, kind_of(file), report, max_bytes)
        if not files:
            report.skip(str(path), "no fact-check files in the directory (" + ", ".join(KINDS) + ", .gz)")
    elif not path.exists():
        report.skip(str(path), "no such file or directory")
    else:
        _read_file(path, kind_of(path) or "sniff", report, max_bytes)
    return report


def kind_of(path: Path) -> str | None:
    """The format a file name announces, or None."""
    name = path.name.lower()
    compressed = name.endswith(".gz")
    suffix = Path(name[:-3] if compressed else name).suffix
    kind = KINDS.get(suffix)
    return f"{kind}.gz" if kind and compressed else kind


def _walk(root: Path, report: ImportReport) -> Iterator[Path]:
    def failed(err: OSError) -> None:
        report.skip(str(err.filename or root), f"cannot list the directory: {err.strerror or err}")

    for folder, dirs, names in os.walk(root, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(folder, name)
            if not name.startswith(".") and kind_of(path) and not path.is_symlink():
                yield path


def _read_file(path: Path, kind: str | None, report: ImportReport, max_bytes: int) -> None:
    where = str(path)
    try:
        if kind == "jsonl.gz":
            with gzip.open(path, "rb") as stream:
                _read_json_lines(_lines(stream), where, report)
            return
        data = _load(path, kind, max_bytes)
        if kind and kind.endswith(".gz"):
            kind = kind[:-3]
        if kind == "sniff":
            kind = _sniff(data)
        _read_bytes(data, kind, where, report)
    except Skip as why:
        report.skip(where, str(why))
    except (OSError, EOFError, zlib.error) as err:
        report.skip(where, f"cannot read the file: {getattr(err, 'strerror', None) or err}")
    except Exception as err:  # a bug here must not lose the rest of an import; tests assert it never happens
        report.skip(where, f"unexpected error: {type(err).__name__}: {err}")


def _load(path: Path, kind: str | None, max_bytes: int) -> bytes:
    if kind and kind.endswith(".gz"):
        with gzip.open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    else:
        if path.stat().st_size > max_bytes:
            raise Skip(f"over the limit of {max_bytes:,} bytes")
        data = path.read_bytes()
    if len(data) > max_bytes:
        raise Skip(f"over the limit of {max_bytes:,} bytes once decompressed")
    return data


def _sniff(data: bytes) -> str:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head[:1] in (b"{", b"["):
        return "json"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<meta", b"<script", b"<!--")):
        return "html"
    raise Skip("unsupported file type: not JSON, JSON lines, HTML, CSV or TSV by suffix or content")


def _read_bytes(data: bytes, kind: str, where: str, report: ImportReport) -> None:
    if kind == "jsonl":
        _read_json_lines(iter(data.splitlines()), where, report)
        return
    text = decode(data, html=kind == "html")
    if kind == "html":
        read_page(text, where, report)
    elif kind in ("csv", "tsv"):
        read_table(text, where, "," if kind == "csv" else "\t", report)
    else:
        _read_json(text, where, report)


def _read_json(text: str, where: str, report: ImportReport) -> None:
    if not text.strip():
        report.skip(where, "empty file")
        return
    try:
        data = json.loads(text, strict=False)
    except RecursionError:
        report.skip(where, "JSON nested too deeply")
        return
    except json.JSONDecodeError as err:
        if err.msg == "Extra data":  # several JSON values: JSON lines under a .json name
            _read_json_lines(iter(text.encode("utf-8").splitlines()), where, report)
        else:
            report.skip(where, f"malformed JSON: {err}")
        return
    except ValueError as err:
        report.skip(where, f"malformed JSON: {err}")
        return
    if not collect(data, where, report):
        report.skip(where, "no ClaimReview in the file")


def _line_text(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode(raw)
    if "\x00" in text:
        raise Skip("binary data (NUL bytes), not text")
    return text


def _lines(stream: gzip.GzipFile) -> Iterator[bytes]:
    """Lines of a binary stream; a line longer than MAX_LINE comes back as b"" followed by nothing of it."""
    while True:
        line = stream.readline(MAX_LINE)
        if not line:
            return
        if len(line) == MAX_LINE and not line.endswith(b"\n"):
            while (rest := stream.readline(MAX_LINE)) and not rest.endswith(b"\n"):
                pass
            yield b"\x00too long"
            continue
        yield line


def _read_json_lines(lines: Iterator[bytes], where: str, report: ImportReport) -> None:
    read_before = report.read
    for number, raw in enumerate(lines, 1):
        place = f"{where} line {number}"
        if raw == b"\x00too long":
            report.skip(place, f"line over {MAX_LINE:,} bytes")
            continue
        if not raw.strip():
            continue
        try:
            data = _JSON.decode(_line_text(raw.strip()))
        except Skip as why:
            report.skip(place, str(why))
            continue
        except RecursionError:
            report.skip(place, "JSON nested too deeply")
            continue
        except ValueError as err:
            report.skip(place, f"malformed JSON: {err}")
            continue
        if isinstance(data, dict) and is_politifact(data):
            try:
                report.add(politifact_record(data, place, report))
            except Skip as why:
                report.skip(place, str(why))
        elif not collect(data, place, report):
            report.skip(place, "no ClaimReview and no PolitiFact claim (vclaim) on the line")
    if report.read == read_before:
        report.skip(where, "no fact-checks in the file")
