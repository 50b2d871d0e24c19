"""Counts over time: an actor's mentions and the events it is in, a speaker's claims and techniques, or
a layer's spans (one label or all), per day, ISO week or month of the documents' dates.

Rows are long-format ``{period, series, count}`` (easy to pivot, plot or write as CSV). Documents with
no date cannot be placed and are counted in a period named ``undated``.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from podium.errors import PodiumError

PERIODS = ("day", "week", "month", "year")
UNDATED = "undated"


def period_of(iso: str | None, by: str) -> str:
    """The period an ISO date (maybe partial, maybe with a time) falls in."""
    if not iso:
        return UNDATED
    if by == "year":
        return iso[:4]
    if by == "month":
        return iso[:7] if len(iso) >= 7 else UNDATED
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return UNDATED
    if by == "day":
        return day.isoformat()
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _queries(actor: str | None, speaker: str | None, layer: str | None, label: str | None) -> list[str]:
    """SQL returning ``(date, series, count)`` rows, grouped by document date."""
    speaker_match = (
        "(lower({col}) = lower(:speaker) OR ({col} IS NULL AND EXISTS (SELECT 1 FROM document_speakers ds "
        "WHERE ds.document_id = d.id AND lower(ds.name) = lower(:speaker))))"
    )
    if actor:
        return [
            "SELECT d.date, 'mentions', count(*) FROM actor_mentions am JOIN documents d "
            "ON d.id = am.document_id WHERE am.actor_id = :actor GROUP BY d.date",
            "SELECT d.date, 'event_by:' || e.type, count(*) FROM events e JOIN documents d "
            "ON d.id = e.document_id WHERE e.source_actor = :actor GROUP BY d.date, e.type",
            "SELECT d.date, 'event_on:' || e.type, count(*) FROM events e JOIN documents d "
            "ON d.id = e.document_id WHERE e.target_actor = :actor GROUP BY d.date, e.type",
        ]
    if speaker:
        return [
            "SELECT d.date, 'claims', count(*) FROM claims c JOIN documents d ON d.id = c.document_id "
            f"WHERE {speaker_match.format(col='c.speaker')} GROUP BY d.date",
            "SELECT d.date, 'technique:' || sp.label, count(*) FROM spans sp JOIN sentences s "
            "ON s.id = sp.sentence_id "
            f"JOIN documents d ON d.id = sp.document_id WHERE sp.layer = 'technique' AND "
            f"{speaker_match.format(col='s.speaker')} GROUP BY d.date, sp.label",
        ]
    if layer == "actor_mention":
        where = " WHERE am.actor_id = :label" if label else ""
        return [
            "SELECT d.date, am.actor_id, count(*) FROM actor_mentions am JOIN documents d "
            f"ON d.id = am.document_id{where} GROUP BY d.date, am.actor_id"
        ]
    if layer:
        where = " AND sp.label = :label" if label else ""
        return [
            "SELECT d.date, sp.label, count(*) FROM spans sp JOIN documents d ON d.id = sp.document_id "
            f"WHERE sp.layer = :layer{where} GROUP BY d.date, sp.label"
        ]
    raise PodiumError("E409", option="timeline", value="", reason="give --actor, --speaker or --layer")


def timeline(
    conn: Connection,
    by: str = "month",
    actor: str | None = None,
    speaker: str | None = None,
    layer: str | None = None,
    label: str | None = None,
) -> list[dict[str, Any]]:
    """``[{period, series, count}]`` sorted by period then series (``undated`` last)."""
    if by not in PERIODS:
        raise PodiumError("E409", option="--by", value=by, reason=f"use one of {', '.join(PERIODS)}")
    params = {"actor": actor, "speaker": speaker, "layer": layer, "label": label}
    counts: Counter[tuple[str, str]] = Counter()
    for sql in _queries(actor, speaker, layer, label):
        used = {k: v for k, v in params.items() if f":{k}" in sql}
        for iso, series, n in conn.execute(text(sql), used):
            counts[(period_of(iso, by), series)] += int(n)
    ordered = sorted(counts.items(), key=lambda kv: (kv[0][0] == UNDATED, kv[0][0], kv[0][1]))
    return [{"period": p, "series": s, "count": n} for (p, s), n in ordered]
