"""Read a PDF's text layer with pypdf: one block of text per page, pages separated by a blank line.

Page ``i`` of the PDF starts at ``meta.extras["pages"][i]`` in the final text (an empty page starts
where the next text starts, so ``bisect_right(pages, offset) - 1`` finds the page of an offset).
Title, author and creation date come from the PDF's document information when present.

Each page's text is kept as pypdf gives it (its visual line breaks included), with trailing spaces
and runs of blank lines removed. It does not run OCR (a scan without a text layer is E008), does not
rejoin lines into paragraphs or undo hyphenation, and does not drop running headers, footers or page
numbers.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable
from typing import Any

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from podium.document import Document, Meta, normalise_text
from podium.errors import PodiumError

# pypdf logs recoverable damage ("EOF marker not found") as warnings; without a handler Python prints
# them to stderr next to podium's own message. Applications that configure logging still get them.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

_KIND = "PDF"
_TRAILING_SPACE = re.compile(r"[^\S\n]+\n")
_BLANK_RUNS = re.compile(r"\n{3,}")


def read(data: bytes, path: str) -> Document:
    """The text layer of the PDF ``data``; E008 without text, E009 when damaged or locked."""
    reader = _open(data, path)
    try:
        page_count = len(reader.pages)
    except Exception as err:  # pypdf raises many exception types on damaged page trees
        raise _damaged(path, err) from err
    if page_count == 0:
        raise PodiumError("E009", path=path, kind=_KIND, reason="it has no pages")

    texts: list[str] = []
    unreadable: list[int] = []
    for number in range(page_count):
        try:
            raw = reader.pages[number].extract_text()
        except Exception:  # one broken page must not cost the whole document
            raw = ""
            unreadable.append(number + 1)
        texts.append(_tidy(raw))
    text, starts = _join_pages(texts)

    if unreadable and len(unreadable) == page_count:
        raise PodiumError("E009", path=path, kind=_KIND, reason="no page's content could be read")
    if not text:
        raise PodiumError("E008", path=path)

    extras: dict[str, Any] = {"format": "pdf", "pages": starts, "page_count": page_count}
    if unreadable:
        extras["unreadable_pages"] = unreadable
    meta = Meta(source=path, extras=extras)
    _fill_metadata(reader, meta)
    return Document(text, meta)


def _join_pages(texts: list[str]) -> tuple[str, list[int]]:
    """The pages' texts joined by blank lines, and where each page starts in the result.

    An empty page starts where the next page's text starts (or at the end of the text).
    """
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    pending: list[int] = []  # indices of empty pages waiting for the next text
    for index, text in enumerate(texts):
        if not text:
            pending.append(index)
            starts.append(-1)
            continue
        if parts:
            offset += 2
        for empty in pending:
            starts[empty] = offset
        pending.clear()
        starts.append(offset)
        parts.append(text)
        offset += len(text)
    for empty in pending:
        starts[empty] = offset
    return "\n\n".join(parts), starts


def _open(data: bytes, path: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
    except DependencyError as err:
        raise _locked(path, err) from err
    except Exception as err:  # PdfReadError, but also ValueError/KeyError/... from broken syntax
        raise _damaged(path, err) from err
    if reader.is_encrypted:
        # The constructor already tried the empty user password (files that open without asking).
        try:
            status = reader.decrypt("")
        except DependencyError as err:
            raise _locked(path, err) from err
        except Exception as err:
            raise _damaged(path, err) from err
        if status == PasswordType.NOT_DECRYPTED:
            raise PodiumError(
                "E009",
                path=path,
                kind=_KIND,
                reason="it is password-protected; remove the password first (e.g. `qpdf --decrypt`)",
            )
    return reader


def _locked(path: str, err: Exception) -> PodiumError:
    return PodiumError(
        "E009",
        path=path,
        kind=_KIND,
        reason=f"it is encrypted in a way that needs an extra package ({err}); "
        "install 'cryptography' or remove the encryption",
    )


def _damaged(path: str, err: Exception) -> PodiumError:
    detail = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return PodiumError("E009", path=path, kind=_KIND, reason=detail)


def _tidy(raw: str) -> str:
    text = normalise_text(raw)
    text = _TRAILING_SPACE.sub("\n", text)
    return _BLANK_RUNS.sub("\n\n", text).strip()


def _fill_metadata(reader: PdfReader, meta: Meta) -> None:
    """Title, author(s) and creation date from the document information, ignoring broken entries."""
    try:
        info = reader.metadata
    except Exception:
        return
    if info is None:
        return
    title = _text_field(lambda: info.title)
    if title:
        meta.title = title
    author = _text_field(lambda: info.author)
    if author:
        meta.speakers = [name.strip() for name in author.split(";") if name.strip()]
    try:
        created = info.creation_date
    except Exception:  # malformed date strings raise ValueError
        created = None
    if created is not None:
        meta.date = created.date().isoformat()


def _text_field(getter: Callable[[], object]) -> str | None:
    try:
        value = getter()
    except Exception:
        return None
    if not isinstance(value, str):
        return None
    value = " ".join(normalise_text(value).split())
    return value or None
