"""Dates as fact-check archives write them, to ISO 8601 (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY``).

Understands ISO dates and timestamps (``2019-10-22T10:00:00Z``: the date as written, no time-zone shift),
``2019/10/22``, "October 22, 2019", "Oct. 22, 2019", "22 October 2019", "October 2019", RFC 2822
("Tue, 22 Oct 2019 10:00:00 GMT"), and PolitiFact's "stated on October 22, 2019 in a campaign mailer.:".
Ambiguous numeric forms such as ``10/11/2019`` are not guessed: they give None.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH = r"(?P<{}>[A-Za-z]{{3,9}})\.?"
_ISO = re.compile(r"(?P<y>\d{4})(?:[-/](?P<m>\d{1,2})(?:[-/](?P<d>\d{1,2}))?)?(?=$|[T\s])")
_MDY = re.compile(r"\b" + _MONTH.format("m") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b")
_DMY = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.format("m") + r",?\s+(?P<y>\d{4})\b")
_MY = re.compile(r"^" + _MONTH.format("m") + r",?\s+(?P<y>\d{4})$")
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.I)
_STATED = re.compile(r"\bstated\s+on\s+(.+?)(?:\s+in\b|\s*[:.]?\s*$)", re.I)


def _month(name: str) -> int | None:
    name = name.lower()
    for number, month in enumerate(_MONTHS, 1):
        if month.startswith(name) and (len(name) >= 3 or name == month):
            return number
    return None


def _iso(year: str, month: str | int | None, day: str | None) -> str | None:
    try:
        y = int(year)
        if month is None:
            return f"{y:04d}" if 1 <= y <= 9999 else None
        if day is None:
            date(y, int(month), 1)
            return f"{y:04d}-{int(month):02d}"
        return date(y, int(month), int(day)).isoformat()
    except (ValueError, OverflowError):
        return None


def parse_date(value: object) -> str | None:
    """The ISO date (or year-month, year) that ``value`` states as a whole, or None."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())[:200]
    if not text:
        return None
    m = _ISO.match(text)
    if m:
        return _iso(m["y"], m["m"], m["d"])
    text = _WEEKDAY.sub("", text)
    for pattern in (_MDY, _DMY):
        m = pattern.match(text)
        if m:
            month = _month(m["m"])
            return _iso(m["y"], month, m["d"]) if month else None
    m = _MY.match(text)
    if m and _month(m["m"]):
        return _iso(m["y"], _month(m["m"]), None)
    return None


def find_date(value: object) -> str | None:
    """The first "Month D, YYYY" or "D Month YYYY" date anywhere in a free text, or None."""
    if not isinstance(value, str):
        return None
    text = value[:1000]
    found = [m for m in (_MDY.search(text), _DMY.search(text)) if m]
    for m in sorted(found, key=lambda match: match.start()):
        month = _month(m["m"])
        if month:
            result = _iso(m["y"], month, m["d"])
            if result:
                return result
    return None


def politifact_claim_date(value: object) -> str | None:
    """The date in PolitiFact's "stated on October 22, 2019 in a campaign mailer.:", or None."""
    if not isinstance(value, str):
        return None
    m = _STATED.search(value)
    return (parse_date(m.group(1)) if m else None) or find_date(value)
