"""Writing outputs safely: a file appears complete or not at all.

Holds no rendering (``podium.outputs``) and no CLI logic.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from podium.errors import PodiumError

#: Characters written at a time (a 10 MB transcript's JSON is about 180 MB of text).
_SLICE = 1 << 20
EXTENSIONS = {"html": ".html", "json": ".json", "md": ".md", "csv": ".csv", "graphml": ".graphml"}


def write_atomic(path: Path, content: str | Iterable[str]) -> None:
    """Write ``content`` (a string, or pieces of one) to ``path`` via a temporary file in the same
    directory and a rename; nothing is left behind when it fails, whatever the failure."""
    path = Path(path)
    if path.is_dir():
        raise PodiumError("E202", path=path, reason="it is a directory; give a file name")
    refuse_unsafe_target(path)
    tmp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            pieces = (
                (content[i : i + _SLICE] for i in range(0, len(content), _SLICE))
                if isinstance(content, str)
                else content
            )  # in slices: no second, encoded copy of a big output
            for piece in pieces:
                handle.write(piece)
        os.chmod(tmp_name, 0o666 & ~_umask())  # mkstemp creates 0600; give the usual mode
        refuse_unsafe_target(path)  # again, just before the rename: it may have appeared meanwhile
        os.replace(tmp_name, path)
    except BaseException as exc:  # pieces may fail while being made (a timeout, a bug): no temp file left
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise PodiumError("E202", path=path, reason=exc.strerror or str(exc)) from exc
        raise


_NOT_REGULAR = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def refuse_unsafe_target(path: Path, inputs: Iterable[str] = ()) -> None:
    """Refuse an output path that must never be replaced: a symbolic link, FIFO, device or socket (E205),
    or a file that is one of ``inputs`` (E204; compared by device and inode, so hard links and other
    spellings of the same path count). A path that does not exist yet is fine."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise PodiumError("E202", path=path, reason=exc.strerror or str(exc)) from exc
    for test, what in _NOT_REGULAR:
        if test(info.st_mode):
            raise PodiumError("E205", path=path, what=what)
    for source in inputs:
        if source == "-" or source.lower().startswith(("http://", "https://")):
            continue
        try:
            other = os.stat(source)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
            raise PodiumError("E204", path=path, what=f"the input {source}")


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def output_name(source: str, fmt: str, taken: set[str]) -> str:
    """A file name for the output of ``source`` in a batch, unique among ``taken`` (which it updates)."""
    if source == "-":
        stem = "stdin"
    elif source.startswith(("http://", "https://")):
        stem = source.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0] or "page"
    else:
        stem = Path(source).stem
    stem = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem) or "document"
    name, n = stem + EXTENSIONS[fmt], 2
    while name in taken:
        name, n = f"{stem}-{n}{EXTENSIONS[fmt]}", n + 1
    taken.add(name)
    return name
