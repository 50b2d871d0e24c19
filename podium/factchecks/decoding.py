"""Bytes to text for fact-check files: a BOM, else UTF-8, else Windows-1252; binary data refused.

Raises :class:`~podium.factchecks.records.Skip` (a reason, never a crash) for what is not text.
"""

from __future__ import annotations

import codecs
import re

from podium.factchecks.records import Skip
from podium.ingest.decode import BOMS, sniff_binary

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def decode(data: bytes, html: bool = False) -> str:
    """The text of ``data``; for HTML, a ``<meta charset>`` in the first 4 KiB is honoured."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise Skip(f"not valid {encoding} text despite its byte-order mark") from None
    kind = sniff_binary(data)
    if kind:
        raise Skip(f"a binary file ({kind}), not text")
    if b"\x00" in data:
        raise Skip("a binary file (NUL bytes), not text")
    candidates = ["utf-8", "cp1252"]
    declared = _META_CHARSET.search(data[:4096]) if html else None
    if declared:
        candidates.insert(0, declared.group(1).decode("ascii", "replace"))
    for encoding in candidates:
        try:
            if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
                continue
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    raise Skip("not text in UTF-8 or Windows-1252")
