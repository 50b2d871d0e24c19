"""Calendar arithmetic for time normalisation: parsing the document date, shifting it, ISO formatting.

Dates carry a granularity ("year", "month", "day") so that "75 years ago" gives "1950", not a day.
It recognises no text; ``podium.anatomy.times`` does.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
#: Unit words -> (granularity of the shifted date, months per unit or None, days per unit or None).
UNITS = {
    "day": ("day", None, 1),
    "week": ("day", None, 7),
    "month": ("month", 1, None),
    "year": ("year", 12, None),
    "decade": ("year", 120, None),
    "century": ("year", 1200, None),
    "hour": ("day", None, 1 / 24),
    "minute": ("day", None, 1 / 1440),
}
DURATION_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
                  "hour": "TH", "minute": "TM"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class When:
    """A calendar date known to ``grain`` (year, month or day)."""

    date: dt.date
    grain: str

    def iso(self) -> str:
        if self.grain == "year":
            return f"{self.date.year:04d}"
        if self.grain == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


def parse_anchor(value: str | None) -> When | None:
    """The document date ("2024-12-11", "2024-12" or "2024", optionally with a time) or None."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    grain = "day" if m.group(3) else "month" if m.group(2) else "year"
    try:
        return When(dt.date(year, month, day), grain)
    except ValueError:
        return None


def add_months(date: dt.date, months: int) -> dt.date:
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    day = min(date.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def shift(anchor: When, amount: float, unit: str) -> When:
    """``anchor`` moved by ``amount`` units (negative = back), at the unit's granularity."""
    grain, months, days = UNITS[unit]
    if months is not None:
        date = add_months(anchor.date, round(amount * months))
    else:
        date = anchor.date + dt.timedelta(days=round(amount * (days or 1)))
    order = ["year", "month", "day"]
    return When(date, min(grain, anchor.grain, key=order.index))


def duration(amount: float | None, unit: str) -> str:
    """ISO 8601 duration ("P75Y", "P3M"); decades and centuries in years; "X" for a vague amount."""
    if amount is None:
        return f"PTX{DURATION_CODES[unit][1]}" if unit in ("hour", "minute") else f"PX{DURATION_CODES[unit]}"
    if unit in ("decade", "century"):
        amount, unit = amount * (10 if unit == "decade" else 100), "year"
    number = int(amount) if float(amount).is_integer() else amount
    code = DURATION_CODES[unit]
    return f"PT{number}{code[1]}" if code.startswith("T") else f"P{number}{code}"


def month_of(anchor: When | None, month: int, relation: str, reference: int | None = None) -> When | None:
    """A month with no year: "last" = the most recent one at least two months before the anchor's month,
    "next" = the next one, "this" = the anchor's; otherwise the year of a nearby mention (``reference``),
    else the occurrence the tense points to ("past", "future" or "nearest")."""
    if relation in ("past", "future", "nearest") and reference is not None:
        return When(dt.date(reference, month, 1), "month")
    if anchor is None:
        return None
    year = anchor.date.year
    if relation == "last":  # the most recent one at least two months back: "last July" said in November is
        # this year's, "last September" said in October a year earlier (the month just gone is "last month")
        now = anchor.date.year * 12 + anchor.date.month - 1
        year = (now - 2 - ((now - 2 - (month - 1)) % 12)) // 12
    elif relation == "next":
        year += 1 if month <= anchor.date.month else 0
    elif relation == "past" and month > anchor.date.month:
        year -= 1
    elif relation == "future" and month < anchor.date.month:
        year += 1
    elif relation == "nearest" and abs(month - anchor.date.month) > 6:
        year += 1 if month < anchor.date.month else -1
    return When(dt.date(year, month, 1), "month")


def weekday_of(anchor: When | None, weekday: int, relation: str) -> When | None:
    """The most recent such weekday before the anchor ("last"/bare) or the next one ("next")."""
    if anchor is None or anchor.grain != "day":
        return None
    delta = (anchor.date.weekday() - weekday) % 7
    if relation == "next":
        return When(anchor.date + dt.timedelta(days=(weekday - anchor.date.weekday()) % 7 or 7), "day")
    delta = delta or 7
    if relation == "last" and delta < 7:
        delta += 7 if delta == 0 else 0
    return When(anchor.date - dt.timedelta(days=delta), "day")


def day_of(
    anchor: When | None, month: int, day: int, reference: int | None = None, tense: str = "past"
) -> When | None:
    """A day and month with no year: the reference year, else the occurrence the tense points to
    (the most recent for "past", the next for "future", the closest for "nearest")."""
    try:
        if reference is not None:
            return When(dt.date(reference, month, day), "day")
        if anchor is None:
            return None
        options = [dt.date(anchor.date.year + k, month, day) for k in (-1, 0, 1)]
        if tense == "past":
            candidate = max(d for d in options if d <= anchor.date)
        elif tense == "future":
            candidate = min(d for d in options if d >= anchor.date)
        else:
            candidate = min(options, key=lambda d: abs((d - anchor.date).days))
        return When(candidate, "day")
    except ValueError:
        return None
