"""Recognise the lines above a pasted or scraped speech that are not speech.

Handles, at the very top of a text only: ``---`` front matter (``key: value`` lines giving title,
speaker, date, source, language), a Markdown ``# title``, and a scraped page title followed by a
breadcrumb trail (``Home > News > ...``), optionally followed by a dateline. The lines stay in the
text; they are recorded in ``meta.header`` so that segmentation keeps them out of the sentences.
It does not guess a title from an ordinary first line ("In the Name of God, ..." is speech).
"""

from __future__ import annotations

import re
from datetime import date

from podium.document import Meta, Segment

_BREADCRUMB_SEPARATORS = re.compile(r"\s(?:>|»|›|/|\||::|→)\s")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w -]{0,30}):[ \t]*(.*?)[ \t]*$")
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_DATELINE = re.compile(
    r"^(?:(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?:\w+day,?\s+)?(?P<m1>[A-Za-z]+)\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})"
    r"|(?:\w+day,?\s+)?(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]+)\.?,?\s+(?P<y2>\d{4}))$"
)


def parse_date(value: str) -> str | None:
    """An ISO date from a dateline such as "December 11, 2024" or "11 December 2024", else None."""
    m = _DATELINE.match(value.strip())
    if not m:
        return None
    if m["iso"]:
        try:
            return date.fromisoformat(m["iso"]).isoformat()
        except ValueError:
            return None
    month_name, day, year = (m["m1"], m["d1"], m["y1"]) if m["m1"] else (m["m2"], m["d2"], m["y2"])
    months = [i for i, name in enumerate(_MONTHS, 1) if name.startswith(month_name.lower()[:3])]
    if len(month_name) < 3 or not months:
        return None
    try:
        return date(int(year), months[0], int(day)).isoformat()
    except ValueError:
        return None


def _is_breadcrumb(line: str) -> bool:
    parts = _BREADCRUMB_SEPARATORS.split(line.strip())
    return len(parts) >= 3 and all(0 < len(p.split()) <= 16 for p in parts)


def _lines(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each line from ``start`` up to the first blank line (end excludes the newline)."""
    out = []
    pos = start
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        if not text[pos:end].strip():
            break
        out.append((pos, end))
        pos = end + 1
    return out


def _front_matter(text: str, meta: Meta) -> bool:
    m = _FRONT_MATTER.match(text)
    if not m:
        return False
    pairs = [_KEY_VALUE.match(line) for line in m.group(1).splitlines() if line.strip()]
    if not pairs or not all(pairs):
        return False
    for pair in pairs:
        assert pair is not None
        key, value = pair.group(1).strip().lower().replace(" ", "_"), pair.group(2).strip().strip("\"'")
        if key == "title":
            meta.title = value
        elif key in ("speaker", "speakers", "author"):
            meta.speakers = [s.strip() for s in value.split(",") if s.strip()]
        elif key == "date":
            meta.date = parse_date(value) or value
        elif key in ("language", "lang"):
            meta.language = value
        elif key in ("source", "url"):
            meta.source = value
        else:
            meta.extras[key] = value
    meta.header.append(Segment(0, m.end(), {"kind": "front_matter"}))
    return True


def detect_header(text: str, meta: Meta) -> None:
    """Record header lines at the top of ``text`` in ``meta.header`` (and title/date in meta)."""
    if _front_matter(text, meta):
        return
    lead = len(text) - len(text.lstrip())
    block = _lines(text, lead)[:5]
    if not block:
        return
    first_start, first_end = block[0]
    first = text[first_start:first_end].strip()
    if first.startswith("# "):
        meta.header.append(Segment(first_start, first_end, {"kind": "title"}))
        meta.title = meta.title or first[2:].strip()
        return
    crumbs = [i for i, (s, e) in enumerate(block) if _is_breadcrumb(text[s:e])]
    if not crumbs:
        return
    last = crumbs[-1]
    for i, (s, e) in enumerate(block[: last + 1]):
        kind = "breadcrumb" if i in crumbs else "title"
        meta.header.append(Segment(s, e, {"kind": kind}))
        if kind == "title" and not meta.title:
            meta.title = text[s:e].strip()
    if last + 1 < len(block):
        s, e = block[last + 1]
        found = parse_date(text[s:e])
        if found:
            meta.header.append(Segment(s, e, {"kind": "dateline"}))
            meta.date = meta.date or found
