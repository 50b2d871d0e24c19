"""What a user hands in to be analysed, from the analyse form or ``POST /api/analyze``, checked before it
is queued: exactly one of a pasted text, an uploaded file or an http(s) URL (E503), within
``--max-bytes`` (E005, as ``podium analyze`` says it), and meta the CLI would accept (E014).

The file is read at most one byte past the limit; a text is measured in UTF-8 bytes, as the CLI
measures a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request

from podium.errors import PodiumError
from podium.ingest import is_url, printable
from podium.ingest.header import parse_date

#: The form fields besides the input itself.
META_FIELDS = ("title", "speakers", "date", "side", "language")
MAX_FIELDS = 20


@dataclass
class Submission:
    kind: str  # text, file or url
    name: str
    data: bytes = b""
    meta: dict[str, Any] = field(default_factory=dict)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def meta_from(values: dict[str, Any]) -> dict[str, Any]:
    """The meta fields as ``apply_meta`` takes them; speakers separated by ';' (or a list in JSON)."""
    speakers = values.get("speakers")
    if isinstance(speakers, list):
        names = [printable(_text(s)) or "" for s in speakers]
    else:
        names = [printable(s.strip()) or "" for s in _text(speakers).split(";")]
    date = _text(values.get("date"))
    if date and parse_date(date) is None:
        raise PodiumError("E014", field="date", value=date, reason="use YYYY-MM-DD, e.g. 2024-12-11")
    return {
        "title": _text(values.get("title")) or None,
        "speakers": [n for n in names if n] or None,
        "date": date or None,
        "side": _text(values.get("side")) or None,
        "language": _text(values.get("language")) or None,
    }


async def read_form(request: Request, max_bytes: int) -> FormData:
    """The posted form; a text field may be as long as an upload may be large."""
    return await request.form(max_files=2, max_fields=MAX_FIELDS, max_part_size=max_bytes + 1024)


async def submission(values: dict[str, Any], upload: UploadFile | None, max_bytes: int) -> Submission:
    """The one input in ``values`` (text, url) or ``upload``, checked; E503/E005/E014 otherwise."""
    text = values.get("text") if isinstance(values.get("text"), str) else ""
    url = _text(values.get("url"))
    has_file = upload is not None and bool(upload.filename)
    given = [name for name, present in (("text", text.strip()), ("file", has_file), ("url", url)) if present]
    if not given:
        raise PodiumError("E503", reason="the form was empty")
    if len(given) > 1:
        raise PodiumError("E503", reason=f"{' and '.join(given)} were both given")
    meta = meta_from(values)
    if given == ["url"]:
        if not is_url(url):
            raise PodiumError("E503", reason=f"{url!r} is not an http(s) address")
        return Submission("url", url, meta=meta)
    if given == ["file"]:
        assert upload is not None
        name = printable(upload.filename or "upload") or "upload"
        if upload.size is not None and upload.size > max_bytes:
            raise PodiumError("E005", path=name, size=upload.size, limit=max_bytes)
        data = await upload.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise PodiumError("E005", path=name, size=upload.size or f"over {max_bytes}", limit=max_bytes)
        if not data.strip():
            raise PodiumError("E003", path=name)
        return Submission("file", name, data, meta)
    data = text.encode("utf-8", "replace")
    if len(data) > max_bytes:
        raise PodiumError("E005", path="the pasted text", size=len(data), limit=max_bytes)
    return Submission("text", "pasted text", data, meta)
