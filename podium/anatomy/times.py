"""Time expressions in a sentence, normalised against the document date.

Dates become ISO strings at their granularity ("1950", "2024-09", "2025-10-14"), intervals become ``{"start",
"end"}`` ("since 2011", "the past forty years or so"), durations ISO 8601 ("P1Y"). Expressions that cannot be
placed without knowledge of events ("during the war", "the next morning") or without a document date are kept
with ``resolved: False`` and ``iso: None`` rather than guessed. A bare month ("October") takes its year from a
month-level date earlier in the same paragraph ("last September"), else the occurrence the tense points to;
three or more consecutive months listed ("July, August and September") make one interval; "last July" is the
most recent July at least two months before the document's month. It does not use ``dateparser``: its output
missed forms speeches use ("the past forty years or so", "a year and some months") and cost far more time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from podium.anatomy.dates import (
    MONTHS,
    WEEKDAYS,
    When,
    add_months,
    day_of,
    duration,
    month_of,
    shift,
    weekday_of,
)
from podium.anatomy.numbers import word_value
from podium.anatomy.time_grammar import (
    BY_BEFORE,
    DATE_SIGNAL,
    DAY_ORDINALS,
    FROM_BEFORE,
    FROM_TO,
    FUTURE,
    IMPERATIVE,
    MONTH,
    PAST,
    PATTERNS,
    PLURAL_AFTER,
    SINCE_BEFORE,
    UNIT,
    VERB_AFTER,
    WEEKDAY,
    YEAR_NOUN_AFTER,
)

_CENTURY_WORDS = {"twenty-first": 21, "twentieth": 20, "nineteenth": 19, "eighteenth": 18}
_MONTH_RE = dict(PATTERNS)["month"]
#: Future markers strong enough to move a bare weekday forward ("will take place on Monday").
_WILL = re.compile(r"\b(?:will|shall|going\s+to|scheduled|'ll|’ll)\b", re.IGNORECASE)
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


@dataclass(slots=True)
class TimeHit:
    """A time expression at ``[start, end)`` of a sentence with its normalised value."""

    start: int
    end: int
    kind: str  # date | interval | duration | time_of_day | event | relative
    iso: Any = None
    resolved: bool = True
    extra: dict[str, Any] = field(default_factory=dict)
    #: Year a following bare month may take ("Last September ... October and November").
    ref_year: int | None = None


def _amount(text: str | None) -> float | None:
    if not text:
        return 1.0
    low = " ".join(text.lower().split())
    if low in ("a", "an", "one"):
        return 1.0
    if low in ("several", "many", "few", "a few", "some", "a couple of"):
        return 2.0 if low == "a couple of" else None
    if low[:1].isdigit():
        return float(low)
    return word_value(low)


def _unit(text: str) -> str:
    low = text.lower()
    return "century" if low.startswith("centur") else low


def _extra_amount(text: str) -> tuple[float, bool]:
    """Half a unit for "and a half"; vague remainders ("and some months") only mark the value approximate."""
    if re.search(r"and\s+a\s+half", text, re.IGNORECASE):
        return 0.5, False
    return 0.0, bool(re.search(r"\band\s+(?:some|a\s+few|several)\b", text, re.IGNORECASE))


def _approx(text: str) -> str:
    low = text.lower()
    if re.search(r"\b(more than|over|at least)\b", low) or re.search(r"\band\s+(some|a few|several)\b", low):
        return ">"
    if re.search(r"\b(nearly|almost|less than|under|barely|close to|up to)\b", low):
        return "<"
    if re.search(r"\b(about|around|some|roughly|approximately)\b\s+\S", low) or low.endswith("or so"):
        return "~"
    return "="


def _date(when: When | None, start: int, end: int, **extra: Any) -> TimeHit:
    if when is None:
        return TimeHit(start, end, "date", None, False, extra)
    ref = when.date.year if when.grain != "year" else None
    return TimeHit(start, end, "date", when.iso(), True, extra, ref)


def _interval(start_iso: str | None, end_iso: str | None, s: int, e: int, **extra: Any) -> TimeHit:
    ok = start_iso is not None and end_iso is not None
    return TimeHit(s, e, "interval", {"start": start_iso, "end": end_iso} if ok else None, ok, extra)


def _hit(kind: str, m: re.Match[str], text: str, anchor: When | None, ref: int | None) -> TimeHit | None:
    g = m.groupdict()
    s, e = m.span()
    if kind == "iso":
        return _date(When(dt.date(int(g["y"]), int(g["mo"]), int(g["d"])), "day"), s, e)
    if kind in ("dmy", "mdy"):
        month = MONTHS[g["m"].lower().rstrip(".")]
        day = DAY_ORDINALS[g["dw"].lower()] if g.get("dw") else int(g["d"])
        year = int(g["y"]) if g["y"] else _relative_year(g.get("yrel"), anchor)
        if year is not None:
            try:
                return _date(When(dt.date(year, month, day), "day"), s, e)
            except ValueError:
                return None
        if g.get("yrel"):
            return TimeHit(s, e, "date", None, False)
        return _date(day_of(anchor, month, day, ref, _tense(text, s)), s, e)
    if kind == "month":
        return _month(m, text, anchor, ref)
    if kind == "calendar":
        return TimeHit(s, e, "date", None, False, {"calendar": "other"})
    if kind in ("season", "season2"):
        return TimeHit(s, e, "date", f"{g['y']}-{_SEASONS[g['s'].lower()]}", True)
    if kind == "fiscal":
        full = len(g["y2"]) == 4
        first, last = int(g["y"]), int(g["y2"] if full else g["y"][:2] + g["y2"])
        if full and first < last <= first + 10:  # "the 2027-2029 term": a span of years written in full
            return _interval(g["y"], str(last), s, e)
        if full or last != first + 1:
            return None  # "2019-22" is a span of years only when written in full
        return _interval(g["y"], str(last), s, e, fiscal=True)
    if kind == "dayrange":
        return _day_range(g, text, anchor, ref, s, e)
    if kind == "part":
        return _part(g, anchor, s, e)
    if kind == "decade":
        dec = int(g["dec"])
        hit = _interval(str(dec), str(dec + 9), s, e)
        if g["mod"]:
            hit.extra["mod"] = g["mod"].lower().rstrip("-")
        return hit
    if kind == "century":
        n = int(g["n"]) if g["n"] else _CENTURY_WORDS[g["w"].lower()]
        return _interval(f"{(n - 1) * 100 + 1:04d}", f"{n * 100:04d}", s, e)
    if kind == "year":
        return _year(m, text)
    if kind == "deictic":
        return _deictic(g, anchor, s, e)
    if kind == "edge":
        return _edge(g, anchor, s, e)
    if kind == "weekday":
        future = _WILL.search(text) or (IMPERATIVE.search(text) and not PAST.search(text[: m.start()]))
        if future and _past_verb_before(text, m.start()):
            future = None  # "..., as the Ministry announced on Monday": the verb next to it decides
        rel = (g["rel"] or "").lower() or ("next" if future else "bare")
        return _date(weekday_of(anchor, WEEKDAYS[g["wd"].lower()], rel), s, e)
    if kind in ("ago", "past", "span"):
        return _measured(kind, m, anchor)
    if kind == "vague":
        if g["prep"]:
            return TimeHit(s, e, "duration", duration(None, _unit(g["unit"])), False)
        return TimeHit(s, e, "interval", None, False)
    if kind == "fiscal_rel":  # when a financial year starts depends on the country: not placed
        return TimeHit(s, e, "interval", None, False, {"fiscal": True})
    if kind in ("event", "event_clause"):
        return TimeHit(s, e, "event", None, False)
    if kind == "relative":
        return TimeHit(s, e, "relative", None, False)
    if kind == "clock":
        if g["ap"]:
            hour = int(g["h"]) % 12 + (12 if g["ap"].lower().startswith("p") else 0)
        elif int(g["h"]) > 12:
            return None
        else:  # "5:30 in the morning", "10 at night"
            late = g["part"] in ("afternoon", "evening") or (g["night"] and int(g["h"]) >= 6)
            hour = int(g["h"]) % 12 + (12 if late else 0)
        return TimeHit(s, e, "time_of_day", f"T{hour:02d}:{int(g['mi'] or 0):02d}", True)
    return None


def _day_range(
    g: dict[str, Any], text: str, anchor: When | None, ref: int | None, s: int, e: int
) -> TimeHit | None:
    """ "May 6 and 7", "6-7 May 2024": an interval of days."""
    name = g["m"] or g["m_"]
    d1, d2 = int(g["d"] or g["d_"]), int(g["d2"] or g["d2_"])
    year = g["y"] or g["y_"]
    if not d1 < d2 <= 31 or (name == "May" and not year and not DATE_SIGNAL.search(text[:s])):
        return None
    month = MONTHS[name.lower().rstrip(".")]
    if year:
        try:
            first = When(dt.date(int(year), month, d1), "day")
        except ValueError:
            return None
    else:
        first = day_of(anchor, month, d1, ref, _tense(text))  # type: ignore[assignment]
    if first is None:
        return _interval(None, None, s, e)
    try:
        last = When(first.date.replace(day=d2), "day")
    except ValueError:
        return None
    hit = _interval(first.iso(), last.iso(), s, e)
    hit.ref_year = first.date.year
    return hit


def _part(g: dict[str, Any], anchor: When | None, s: int, e: int) -> TimeHit:
    """ "the first half of this year" -> "2024-H1"; "the third quarter of 2023" -> "2023-Q3"."""
    if g["q"]:
        return TimeHit(s, e, "date", f"{g['y2']}-{g['q'].upper()}", True)
    part = g["part"].lower()
    order = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(g["ord"].lower())
    if order is None:  # "the last quarter"
        order = 2 if part == "half" else 4
    if part == "half" and order > 2:
        return TimeHit(s, e, "date", None, False)
    if g["y"]:
        year: int | None = int(g["y"])
    elif anchor is None or g["rel"].lower() == "the":
        year = None
    else:
        year = anchor.date.year + {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
    if year is None:
        return TimeHit(s, e, "date", None, False)
    return TimeHit(s, e, "date", f"{year}-{'H' if part == 'half' else 'Q'}{order}", True)


#: Past verbs of commitment whose deadline still lies ahead ("the shells the EU pledged by March").
_COMMITMENTS = frozenset(
    {"pledged", "promised", "vowed", "committed", "agreed", "planned", "scheduled", "demanded", "ordered"}
)


def _relative_year(rel: str | None, anchor: When | None) -> int | None:
    """The year of "last/next/this year" after a day or month."""
    if not rel or anchor is None:
        return None
    return anchor.date.year + {"last": -1, "next": 1}.get(rel.lower(), 0)


#: Capitalised words that may stand before a month inside a sentence ("... Since March").
_MONTH_LEAD = frozenset(
    {"In", "Since", "Last", "Next", "This", "Early", "Late", "By", "Until", "Before", "After", "From",
     "Through", "During", "On", "Of", "Mid", "Till", "Each", "Every"}
)  # fmt: skip
#: The verb right before the preposition of a date ("announced on Monday", "began on 1 October").
_VERB_BEFORE = re.compile(r"\b([A-Za-z]+)\s+(?:on|in)\s+(?:the\s+)?$")
#: "-ed" words that point ahead ("expected on Monday", "scheduled for").
_NOT_PAST = frozenset({"expected", "scheduled", "planned", "slated", "due", "needed", "required", "set"})


def _past_verb_before(text: str, at: int) -> bool:
    """Whether a past verb stands right before the date's preposition ("announced on Monday")."""
    verb = _VERB_BEFORE.search(text[:at])
    if verb is None:
        return False
    word = verb.group(1).lower()
    if word in _NOT_PAST or not PAST.fullmatch(word):
        return False
    return not re.search(r"\b(?:will|would|shall|to)\s+(?:\w+\s+)?$", text[: verb.start()])


#: Clause boundaries that may change the tense: "; ", ", and", ", but" (kept in the split, so offsets hold).
_CLAUSE = re.compile(r"(?=;\s|,\s+(?:and|but|while|whereas)\s)")


def _tense(text: str, at: int | None = None) -> str:
    """Which way a month or day without a year points: "future", "past" or "nearest". A deadline right
    before it ("by March") or an order ("go to the polls") points to the future unless "had" is there."""
    if at is not None and _past_verb_before(text, at):
        return "past"  # "which began on 1 October, the state will spend"
    if at is not None:  # its own clause decides first: "It ended in April, and the review will ..."
        parts = _CLAUSE.split(text)
        pos = 0
        for part in parts:
            if pos <= at < pos + len(part) + 1:
                if part != text and (FUTURE.search(part) or PAST.search(part)):
                    return _tense(part)
                break
            pos += len(part)
    if FUTURE.search(text):
        return "future"
    if at is not None and (by := BY_BEFORE.search(text[:at])):
        clause = re.split(r"[,;:]|\band\b", text[: by.start()])[-1]
        fronted = not clause.strip()  # "By March, the bridge was finished": the main clause decides
        past = [w for w in PAST.findall(clause) if w.lower() not in _COMMITMENTS]
        if not fronted and not past:  # "expects it to reach 12 percent by March", "pledged by March"
            return "future"
    if IMPERATIVE.search(text) and not re.search(r"\bhad\b(?!\s+to\b)", text, re.I):
        return "future"
    return "past" if PAST.search(text) else "nearest"


def _month(m: re.Match[str], text: str, anchor: When | None, ref: int | None) -> TimeHit | None:
    g = m.groupdict()
    month = MONTHS[g["m"].lower().rstrip(".")]
    rel = (g["rel"] or "").lower()
    s, e = m.span()
    if g["m"] == "May" and not (rel or g["y"] or g["yrel"] or DATE_SIGNAL.search(text[: m.start()])):
        return None  # "May God bless", "may" at the start of a wish
    name = re.search(r"(?<=[a-z,;] )([A-Z][a-z]+)\s+$", text[: m.start()])
    if g["m"] == "March" and not (rel or g["y"] or g["yrel"]) and name and name.group(1) not in _MONTH_LEAD:
        return None  # "the Green March", "the Long March": a name, not the month
    if g["y"]:
        return _date(When(dt.date(int(g["y"]), month, 1), "month"), s, e)
    if g["yrel"]:  # "January of last year"
        year = _relative_year(g["yrel"], anchor)
        return _date(When(dt.date(year, month, 1), "month") if year is not None else None, s, e)
    relation = rel if rel in ("last", "next", "this") else _tense(text, s)
    mod = rel if rel in ("early", "late", "mid-") else None
    bare = relation in ("past", "future", "nearest")
    hit = _date(month_of(anchor, month, relation, ref if bare else None), s, e)
    if bare:
        hit.ref_year = None
    if mod:
        hit.extra["mod"] = mod.rstrip("-")
    return hit


def _year(m: re.Match[str], text: str) -> TimeHit | None:
    s, e = m.span()
    before, after = text[: m.start("y")], text[m.end() :]
    if (
        PLURAL_AFTER.match(after)
        and not DATE_SIGNAL.search(before)
        and not YEAR_NOUN_AFTER.match(after)
        and not VERB_AFTER.match(after)
    ):
        return None  # "2000 soldiers"
    if re.search(r"(?:[Rr]esolution|[Aa]rticle|[Ss]ection|[Nn]o\.|[Nn]umber|[A-Z]-?)\s*$", before):
        return None
    hit = TimeHit(s, e, "date", m.group("y"), True)
    if m.group("mod"):
        hit.extra["mod"] = m.group("mod").lower().rstrip("-")
    return hit


def _deictic(g: dict[str, Any], anchor: When | None, s: int, e: int) -> TimeHit:
    rel = " ".join(g["rel"].lower().split())
    mod = (g["mod"] or "").lower() or None
    if anchor is None:
        return TimeHit(s, e, "date", None, False, {"mod": mod} if mod else {})
    day = When(anchor.date, anchor.grain)
    word = rel.split()[0]
    unit = (g["u"] or "").lower()
    step = {"last": -1, "next": 1}.get(word, 0)
    if rel in ("today", "tonight") or unit in ("morning", "afternoon", "evening"):
        when = day
    elif rel in ("yesterday", "tomorrow") or unit == "night":
        when = shift(day, {"yesterday": -1, "tomorrow": 1}.get(rel, -1 if word == "last" else 0), "day")
    elif rel in ("day before yesterday", "day after tomorrow"):
        when = shift(day, -2 if rel.endswith("yesterday") else 2, "day")
    elif unit in _SEASONS:
        return TimeHit(s, e, "date", f"{_season_year(anchor.date, unit, step)}-{_SEASONS[unit]}", True)
    elif unit == "week":
        iso = (anchor.date + dt.timedelta(weeks=step)).isocalendar()
        return TimeHit(s, e, "date", f"{iso[0]}-W{iso[1]:02d}", anchor.grain == "day")
    elif unit == "month":
        when = When(add_months(anchor.date, step), "month")
    elif unit in ("decade", "century"):
        size = 10 if unit == "decade" else 100
        first = anchor.date.year // size * size + step * size
        return _interval(str(first), str(first + size - 1), s, e)
    else:
        when = When(dt.date(anchor.date.year + step, 1, 1), "year")
    hit = _date(when, s, e)
    if mod:
        hit.extra["mod"] = mod
    return hit


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season_year(date: dt.date, season: str, step: int) -> int:
    """Year of "last/this/next <season>": last = the most recent one that has ended, next = the first one
    not yet begun ("last spring" said in October is this year's); a winter is named by its December."""
    first = _SEASON_START[season]
    if step < 0:  # the season of year y ends in month first + 2 (counted past December)
        return max(
            y
            for y in (date.year - 2, date.year - 1, date.year)
            if (y * 12 + first + 2) < (date.year * 12 + date.month)
        )
    if step > 0:
        return min(y for y in (date.year, date.year + 1) if y * 12 + first > date.year * 12 + date.month)
    return date.year


def _edge(g: dict[str, Any], anchor: When | None, s: int, e: int) -> TimeHit:
    edge = g["edge"].lower()
    if g["y"]:
        return TimeHit(s, e, "date", g["y"], True, {"mod": edge})
    if anchor is None or ((g["rel"] or "").lower() == "the" and g["u"].lower() != "year"):
        return TimeHit(s, e, "date", None, False, {"mod": edge})
    step = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
    unit = g["u"].lower()
    if unit == "month":
        return TimeHit(s, e, "date", When(add_months(anchor.date, step), "month").iso(), True, {"mod": edge})
    return TimeHit(s, e, "date", str(anchor.date.year + step), True, {"mod": edge})


#: Words after which "over N years" means "more than N years" ("for over 40 years", "lasted over a
#: decade"); after anything else "over" is the preposition "across" ("EUR 413 billion over seven years").
_OVER_MORE = re.compile(
    r"(?:^|\b(?:for|of|than|after|since|in|within|at|lasted|lasting|lasts|took|taken|takes|spanned|spanning|"
    r"spans|been|is|was|are|were|be|ago|now|and|or|–|—)\s+|[,;:(]\s*)$",
    re.IGNORECASE,
)


def _measured(kind: str, m: re.Match[str], anchor: When | None) -> TimeHit | None:
    g = m.groupdict()
    s, e = m.span()
    unit = _unit(g["unit"])
    amount = _amount(g.get("num"))
    extra, vague_extra = _extra_amount(m.group())
    approx = _approx(m.group())
    if (g.get("approx") or "").lower() == "over" and not _OVER_MORE.search(m.string[: m.start("approx")]):
        s, approx = m.start("num"), _approx(m.string[m.start("num") : e])  # "over seven years": across them
    if amount is not None:
        amount += extra
    if (
        kind == "span"
        and not g.get("prep")
        and not (g.get("approx") and (g["num"] or "").lower() in ("a", "an"))
        and (g["num"] or "").lower() in ("a", "an", "some", "many", "few")
    ):
        return None  # "a day" in a rate, "some years" alone: not a time expression
    info = {"approx": approx} if approx != "=" else {}
    if kind == "ago":
        direction = " ".join(g["dir"].lower().split())
        if direction in ("from now", "hence") and amount is not None and anchor is not None:
            return TimeHit(s, e, "date", shift(anchor, amount, unit).iso(), True, info)
        if direction != "ago":
            return TimeHit(s, e, "relative", None, False, info)
        if amount is None or anchor is None:
            return TimeHit(s, e, "date", None, False, info)
        return TimeHit(s, e, "date", shift(anchor, -amount, unit).iso(), True, info)
    if kind == "past":
        rel = g["rel"].lower()
        if amount is None or anchor is None:
            return TimeHit(s, e, "interval", None, False, info)
        if rel in ("next", "coming", "following"):
            return _interval(anchor.iso(), shift(anchor, amount, unit).iso(), s, e, **info)
        return _interval(shift(anchor, -amount, unit).iso(), anchor.iso(), s, e, **info)
    prep = (g.get("prep") or "").lower()
    if prep == "within":
        if amount is None or anchor is None:
            return TimeHit(s, e, "interval", None, False, info)
        hit = _interval(anchor.iso(), shift(anchor, amount, unit).iso(), s, e, **info)
        hit.extra["span_of"] = duration(amount, unit)
        return hit
    if vague_extra and approx == "=":
        info["approx"] = ">"
    return TimeHit(s, e, "duration", duration(amount, unit), amount is not None, info)


def _select(hits: list[tuple[int, TimeHit]]) -> list[TimeHit]:
    """Longest non-overlapping hits, earlier patterns winning ties."""
    ordered = sorted(hits, key=lambda p: (-(p[1].end - p[1].start), p[0], p[1].start))
    chosen: list[TimeHit] = []
    for _, hit in ordered:
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def _combine(hits: list[TimeHit], text: str, anchor: When | None) -> list[TimeHit]:
    """ "since X" -> interval X..anchor; "from X to Y" / "between X and Y" -> interval X..Y."""
    out: list[TimeHit] = []
    i = 0
    while i < len(hits):
        hit = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        before = text[: hit.start]
        if (
            nxt is not None
            and hit.kind == nxt.kind == "date"
            and FROM_BEFORE.search(before)
            and FROM_TO.match(text[hit.end : nxt.start])
        ):
            start = FROM_BEFORE.search(before).start()  # type: ignore[union-attr]
            out.append(_interval(hit.iso, nxt.iso, start, nxt.end))
            i += 2
            continue
        since = SINCE_BEFORE.search(before)
        if since and hit.kind == "date":
            end_iso = anchor.iso() if anchor else None
            start_iso = hit.iso
            if isinstance(start_iso, str) and end_iso and start_iso[:4].isdigit() and start_iso > end_iso:
                start_iso = (
                    f"{int(start_iso[:4]) - 1}{start_iso[4:]}"  # "since August" said in May: last August
                )
            merged = _interval(start_iso, end_iso, since.start(), hit.end)
            merged.ref_year = hit.ref_year
            out.append(merged)
        else:
            out.append(hit)
        i += 1
    return out


#: Something every pattern of ``PATTERNS`` needs: a digit, a month or weekday name, a unit of time, a
#: time-of-day or season word, or an event preposition. A sentence with none of them has no time
#: expression, and the two dozen patterns are not tried on it.
_MAY_HAVE_TIME = re.compile(
    rf"\d|\b(?:{MONTH}|{WEEKDAY}|{UNIT}|today|tonight|yesterday|tomorrow|morning|afternoon|evening|night"
    r"|spring|summer|autumn|fall|winter|time|since|during|after|before|until|throughout|aftermath|wake"
    r"|eve|start|end|beginning|middle|height|outbreak)",
    re.IGNORECASE,
)


def find_times(text: str, anchor: When | None, reference: int | None = None) -> list[TimeHit]:
    """Time expressions of one sentence; ``reference`` is the year a bare month should take, if known.

    A time that would land outside the calendar's years 1-9999 once placed against the document date
    ("3000 years ago" in a speech dated 0001-01-01) cannot be resolved: the sentence's times are then
    found as in an undated document (relative ones kept with ``resolved: False``)."""
    try:
        return _find_times(text, anchor, reference)
    except (ValueError, OverflowError):  # date arithmetic out of range
        if anchor is None and reference is None:
            return []
        return find_times(text, None, None)


def _find_times(text: str, anchor: When | None, reference: int | None = None) -> list[TimeHit]:
    if not _MAY_HAVE_TIME.search(text):
        return []
    hits: list[tuple[int, TimeHit]] = []
    for order, (kind, pattern) in enumerate(PATTERNS):
        for m in pattern.finditer(text):
            hit = _hit(kind, m, text, anchor, reference)
            if hit is not None and hit.end > hit.start:
                hits.append((order, hit))
    chosen = _within_past(_select(hits), text)
    for hit in chosen:  # a bare month after "last September" in the same sentence takes its year
        if hit.ref_year is not None:
            reference = hit.ref_year
    if reference is not None:
        chosen = _rebase_months(chosen, text, anchor, reference)
    return _combine(_month_lists(chosen, text), text, anchor)


def _within_past(hits: list[TimeHit], text: str) -> list[TimeHit]:
    """ "I was in Kyiv and Beijing within two weeks this summer": in a past sentence, "within N units"
    placed by a date right next to it is a duration, not an interval from the document date."""
    for hit in hits:
        span_of = hit.extra.pop("span_of", None)
        dated = any(
            h.kind == "date"
            and h.resolved
            and (
                (h.start >= hit.end and re.fullmatch(r"\s*(?:in|during|of|,)?\s*", text[hit.end : h.start]))
                or (h.end <= hit.start and re.fullmatch(r"\s*,?\s*", text[h.end : hit.start]))
            )
            for h in hits
            if h is not hit
        )
        if span_of and dated and _tense(text) == "past":
            hit.kind, hit.iso = "duration", span_of
    return hits


def _month_lists(hits: list[TimeHit], text: str) -> list[TimeHit]:
    """ "July, August and September": three or more consecutive months listed -> one interval."""
    out: list[TimeHit] = []
    i = 0
    while i < len(hits):
        j = i
        while (
            j + 1 < len(hits)
            and _is_month(hits[j])
            and _is_month(hits[j + 1])
            and re.fullmatch(r",\s*|,?\s+(?:and|to|through)\s+", text[hits[j].end : hits[j + 1].start])
            and _month_index(hits[j + 1]) == _month_index(hits[j]) + 1
        ):
            j += 1
        if j - i >= 2 and re.fullmatch(r",?\s+(?:and|to|through)\s+", text[hits[j - 1].end : hits[j].start]):
            out.append(_interval(hits[i].iso, hits[j].iso, hits[i].start, hits[j].end))
            i = j + 1
        else:
            out.append(hits[i])
            i += 1
    return out


def _is_month(hit: TimeHit) -> bool:
    return (
        hit.kind == "date" and isinstance(hit.iso, str) and re.fullmatch(r"\d{4}-\d{2}", hit.iso) is not None
    )


def _month_index(hit: TimeHit) -> int:
    return int(hit.iso[:4]) * 12 + int(hit.iso[5:7])


def _rebase_months(hits: list[TimeHit], text: str, anchor: When | None, reference: int) -> list[TimeHit]:
    out = []
    for hit in hits:
        m = _MONTH_RE.fullmatch(text, hit.start, hit.end)
        if m and not m.group("rel") and not m.group("y"):
            hit = _month(m, text, anchor, reference) or hit
        out.append(hit)
    return out
