"""Read a Word .docx file with python-docx: its paragraphs, in document order, one per block.

Body paragraphs and the paragraphs inside table cells are kept in document order, empty ones
dropped, and joined by a blank line; headings (styles "Title" and "Heading N") stay paragraphs of
their own and their positions go into ``meta.extras["headings"]``. A line break inside a paragraph
stays a single ``\\n``. Title, author and creation date come from the core properties.

It does not read old binary .doc files (E009 says to re-save them), headers, footers, footnotes,
comments or text boxes, and it does not split sentences or paragraphs into ``Segment`` objects.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime

import docx
from docx.document import Document as WordDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from podium.document import Document, Meta, normalise_text
from podium.errors import PodiumError
from podium.ingest.blocks import join_blocks
from podium.ingest.zipguard import check_zip

DEFAULT_MAX_BYTES = 20_000_000  # podium.ingest's default (not imported: that package imports this one)

_KIND = "Word .docx"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_BLANK_LINES = re.compile(r"[^\S\n]*\n\s*")
_HEADING_LEVEL = re.compile(r"^heading\s*(\d+)$", re.IGNORECASE)
#: python-docx's built-in template says these; a file that still does knows nothing about its author.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=UTC)


def read(data: bytes, path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The paragraphs of the .docx ``data``; E009 when it is damaged, E003 when it holds no text, E016
    when its parts expand past ``max_bytes`` (checked before python-docx reads them)."""
    if data.startswith(_OLE_MAGIC):
        raise PodiumError(
            "E009",
            path=path,
            kind=_KIND,
            reason="it is an old binary Word (.doc) file; "
            "open it in Word or LibreOffice and save it as .docx",
        )
    check_zip(data, path, max_bytes, _KIND)
    try:
        word = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(word))
    except Exception as err:  # not a zip, a missing part, broken XML: python-docx raises all kinds
        detail = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise PodiumError("E009", path=path, kind=_KIND, reason=detail) from err

    if not blocks:
        raise PodiumError("E003", path=path)
    text, ranges = join_blocks([block for block, _ in blocks])
    headings = [
        {"start": start, "end": end, "level": level}
        for (start, end), (_, level) in zip(ranges, blocks, strict=True)
        if level is not None
    ]

    meta = Meta(source=path, extras={"format": "docx", "headings": headings})
    _fill_metadata(word, meta)
    return Document(text, meta)


def _blocks(word: WordDocument) -> Iterator[tuple[str, int | None]]:
    """(text, heading level or None) for each non-empty paragraph, tables included, in order."""
    for item in word.iter_inner_content():
        if isinstance(item, Paragraph):
            text = _tidy(item.text)
            if text:
                yield text, _heading_level(item)
        elif isinstance(item, Table):
            yield from _table_blocks(item)


def _table_blocks(table: Table) -> Iterator[tuple[str, int | None]]:
    seen: set[int] = set()
    for row in table.rows:
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans; read it once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            for item in cell.iter_inner_content():
                if isinstance(item, Paragraph):
                    text = _tidy(item.text)
                    if text:
                        yield text, _heading_level(item)
                else:
                    yield from _table_blocks(item)


def _heading_level(paragraph: Paragraph) -> int | None:
    try:
        name = paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):
        return None
    name = (name or "").strip()
    if name.lower() == "title":
        return 0
    match = _HEADING_LEVEL.match(name)
    return int(match.group(1)) if match else None


def _tidy(text: str) -> str:
    """NFC, no trailing spaces and no blank line inside a paragraph (it would read as a break)."""
    return _BLANK_LINES.sub("\n", normalise_text(text)).strip()


def _fill_metadata(word: WordDocument, meta: Meta) -> None:
    try:
        props = word.core_properties
        title, author, created = props.title, props.author, props.created
    except Exception:  # a broken core.xml must not cost the text
        return
    if title and title.strip():
        meta.title = " ".join(normalise_text(title).split())
    if author and author.strip() and author.strip() != _TEMPLATE_AUTHOR:
        meta.speakers = [name.strip() for name in normalise_text(author).split(";") if name.strip()]
    if isinstance(created, datetime) and created != _TEMPLATE_CREATED:
        meta.date = created.date().isoformat()
