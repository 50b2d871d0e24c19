"""Bytes to text: BOMs, UTF-8, UTF-16/32 without BOM, and legacy encodings; binary files refused.

Only decides the encoding and refuses what is not text. It does not normalise (``Document`` does) and
does not look at the content's structure.
"""

from __future__ import annotations

import codecs

from podium.errors import PodiumError

#: Byte-order marks and their encodings, longest first (UTF-32 LE begins like UTF-16 LE).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Magic numbers of common binary formats that arrive with a text suffix by mistake.
MAGIC = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"ID3": "MP3 audio",
    b"OggS": "Ogg media",
    b"RIFF": "RIFF media",
    b"\xd0\xcf\x11\xe0": "old Microsoft Office file",
    b"%PDF": "PDF",
}


def sniff_binary(data: bytes) -> str | None:
    """The kind of binary file ``data`` starts like, if any."""
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            return kind
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL in every other byte for ASCII-heavy text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    """Control characters other than whitespace are rare in real text (checked in the first 20,000
    characters); NUL bytes never occur in it (checked in all of it)."""
    sample = text[:20000]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return "\x00" in text or controls / len(sample) > 0.01  # a NUL anywhere, however late


def decode(data: bytes, path: str) -> tuple[str, str]:
    """The text of ``data`` and the encoding used; E004 for binary data, E006 for undecodable text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError:
                raise PodiumError("E006", path=path) from None
    kind = sniff_binary(data)
    if kind:
        raise PodiumError("E004", path=path, kind=kind)
    candidates = [e for e in (_utf16_without_bom(data),) if e] + ["utf-8"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise PodiumError("E004", path=path, kind="control characters or NUL bytes")
        return text, encoding
    if data.count(0) > 0:
        raise PodiumError("E004", path=path, kind="NUL bytes")
    return _legacy(data, path)


def _legacy(data: bytes, path: str) -> tuple[str, str]:
    """Best legacy encoding by charset-normalizer; on a tie, Windows-1252, the most common one in the wild."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches or matches[0].chaos > 0.25:
        raise PodiumError("E006", path=path)
    best = matches[0]
    for match in matches:
        tied = match.chaos <= best.chaos and match.coherence >= best.coherence
        if tied and "cp1252" in match.could_be_from_charset:
            best = match
            break
    text = str(best)
    if _looks_binary(text):
        raise PodiumError("E004", path=path, kind="control characters")
    return text, best.encoding
