"""Zip-based inputs (.docx) within limits: the decompressed content counts against ``--max-bytes``.

A small zip can expand a thousandfold (a "zip bomb"), so the size limit on the file alone bounds
nothing. ``check_zip`` runs before any parser sees the archive: it refuses an archive whose members
declare more than the limit in all (E016) or more members than ``MAX_MEMBERS``; then it decompresses
every member through a bounded reader that stops as soon as a member yields more than it declared
(E009) or the total passes the limit (E016): the declared sizes can lie. Decompression is
deterministic, so a parser that reads the same archive afterwards meets no more data than was
counted here. The check itself holds one chunk at a time, never a whole member.

It does not parse the members (the docx reader does) and does not look inside nested archives.
"""

from __future__ import annotations

import io
import zipfile

from podium.errors import PodiumError

#: More members than this is not a Word document.
MAX_MEMBERS = 10_000
_CHUNK = 1 << 16


def check_zip(data: bytes, path: str, limit: int, kind: str) -> None:
    """Raise E016 when the archive ``data`` expands past ``limit`` bytes, E009 when it is damaged."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as err:  # zipfile raises many kinds on a damaged archive (NotImplementedError too)
        raise _damaged(path, kind, err) from err
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise _damaged(path, kind, f"{len(members)} parts, more than a document has")
        declared = sum(max(info.file_size, 0) for info in members)
        if declared > limit:
            raise _too_big(path, kind, declared, limit)
        total = 0
        for info in members:
            total = _bounded_read(archive, info, total, limit, path, kind)


def _bounded_read(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, total: int, limit: int, path: str, kind: str
) -> int:
    """Decompress one member in chunks, never past what it declares nor past ``limit`` bytes in all
    (``total`` already read); the new total."""
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if size > info.file_size:
                    raise _damaged(path, kind, f"part {info.filename!r} holds more than it declares")
                if total + size > limit:
                    raise _too_big(path, kind, f"more than {limit}", limit)
    except PodiumError:
        raise
    except Exception as err:  # bad CRC, unknown compression, encryption, truncated data, zlib errors
        raise _damaged(path, kind, err) from err
    return total + size


def _too_big(path: str, kind: str, size: object, limit: int) -> PodiumError:
    return PodiumError("E016", path=path, kind=kind, size=size, limit=limit)


def _damaged(path: str, kind: str, reason: object) -> PodiumError:
    text = str(reason).strip()
    detail = text.splitlines()[0] if text else type(reason).__name__
    return PodiumError("E009", path=path, kind=kind, reason=detail)
