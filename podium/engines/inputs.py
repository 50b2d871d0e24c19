"""The inputs of a run at archive scale, streamed: files, folders (walked), URLs, ``-``, a list file (one
path or URL a line) and JSONL files of documents (one document a line, ``podium.ingest.jsonl``).

``Inputs.check`` makes one pass over everything before any work, holding only counters: it raises the
error a missing file or an empty folder gives (E001, E002; the run then does nothing) and returns how
many documents there are, for the progress bar's ETA. Iterating yields the inputs one at a time:
a source string, or a ``jsonl.Record`` for one line of a JSONL file. Nothing is held whole in memory, so a
list of a million URLs or a dump of a million speeches costs the same as ten.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from podium.errors import PodiumError
from podium.ingest import SUFFIXES, is_url
from podium.ingest import jsonl as jsonl_input


@dataclass(frozen=True)
class Inputs:
    sources: tuple[str, ...] = ()
    list_file: Path | None = None

    def __iter__(self) -> Iterator[str | jsonl_input.Record]:
        for source in self._named():
            yield from _expand(source)

    def check(self) -> int:
        """The number of documents to expect; E001/E002 for a source that is missing or empty."""
        total = 0
        for source in self._named():
            if source == "-" or is_url(source):
                total += 1
            elif os.path.isdir(source):
                found = sum(1 for _ in _walk(source))
                if not found:
                    raise PodiumError("E002", path=source, suffixes=" ".join(SUFFIXES))
                total += found
            elif not os.path.exists(source):
                raise PodiumError("E001", path=source)
            elif jsonl_input.is_jsonl(source):
                total += jsonl_input.count(source)
            else:
                total += 1
        return total

    def _named(self) -> Iterator[str]:
        yield from self.sources
        if self.list_file is not None:
            yield from list_lines(self.list_file)


def list_lines(path: Path) -> Iterator[str]:
    """The inputs a list file names: one path or URL a line; blank lines and # comments are skipped."""
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as handle:
            for line in handle:
                entry = line.strip()
                if entry and not entry.startswith("#"):
                    yield entry
    except FileNotFoundError as exc:
        raise PodiumError("E001", path=path) from exc
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise PodiumError("E009", path=path, kind="a list of inputs", reason=reason) from exc


def _expand(source: str) -> Iterator[str | jsonl_input.Record]:
    if source == "-" or is_url(source):
        yield source
    elif os.path.isdir(source):
        yield from _walk(source)
    elif jsonl_input.is_jsonl(source):
        yield from jsonl_input.records(source)
    else:
        yield source


def _walk(folder: str) -> Iterator[str]:
    """The supported files under ``folder``, directory by directory in name order (as the folder is
    read, never listed whole)."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            if Path(name).suffix.lower() in SUFFIXES and os.path.isfile(path):
                yield path
