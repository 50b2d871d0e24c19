"""Fact-checks in the corpus database: idempotent import (by each record's ``key``) and listing.

Works on records with the attributes of ``podium.factchecks.records.FactCheck``; reading the archives
is ``podium.factchecks``' job. Their sentence vectors are ``factcheck_vectors``' (which imports through
``fact_row`` here), the matching index ``factcheck_index``'; ``read_candidates`` gives the matcher the
fact-checks it retrieved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from podium.corpus import schema as t

#: Fact-checks written per statement while importing large archives.
BATCH = 500
LIST_COLUMNS = (
    "id",
    "claim_reviewed",
    "rating",
    "rating_original",
    "publisher",
    "date",
    "claimant",
    "claim_date",
    "url",
    "language",
    "source",
)


def fact_row(record: Any, source: str, now: datetime) -> dict[str, Any]:
    return {
        "key": record.key(),
        "claim_reviewed": record.claim_reviewed,
        "rating": record.rating,
        "rating_original": record.rating_original,
        "publisher": record.publisher,
        "url": record.url,
        "date": record.date,
        "claimant": record.claimant,
        "claim_date": record.claim_date,
        "appearances": list(record.appearances),
        "language": record.language,
        "title": record.title,
        "text": record.text,
        "source_id": record.source_id,
        "source": source,
        "imported_at": now,
    }


def insert_factchecks(conn: Connection, records: Iterable[tuple[Any, str]]) -> tuple[int, int]:
    """Insert ``(record, source file)`` pairs whose key is new; returns ``(imported, already there)``."""
    now = datetime.now(UTC)
    imported = present = 0
    batch: dict[str, dict[str, Any]] = {}

    def flush() -> None:
        nonlocal imported, present
        if not batch:
            return
        keys = list(batch)
        known = set(conn.execute(select(t.factchecks.c.key).where(t.factchecks.c.key.in_(keys))).scalars())
        new = [row for key, row in batch.items() if key not in known]
        if new:
            conn.execute(insert(t.factchecks), new)
        imported += len(new)
        present += len(known)
        batch.clear()

    for record, source in records:
        key = record.key()
        if key in batch:
            present += 1
            continue
        batch[key] = fact_row(record, source, now)
        if len(batch) >= BATCH:
            flush()
    flush()
    return imported, present


def list_factchecks(
    conn: Connection,
    publisher: str | None = None,
    since: str | None = None,
    until: str | None = None,
    rating: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    f = t.factchecks
    query = select(*(f.c[name] for name in LIST_COLUMNS))
    if publisher:
        query = query.where(func.lower(f.c.publisher) == publisher.lower())
    if since:
        query = query.where(f.c.date >= since)
    if until:
        query = query.where(func.substr(f.c.date, 1, len(until)) <= until)
    if rating:
        query = query.where(f.c.rating == rating)
    query = query.order_by(f.c.date.desc(), f.c.id)
    if limit:
        query = query.limit(limit)
    return [dict(r._mapping) for r in conn.execute(query)]


def count_factchecks(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(t.factchecks)).scalar_one())


#: Ids read per statement when fetching candidates.
_ID_CHUNK = 5000


def read_candidates(conn: Connection, ids: Sequence[int]) -> dict[int, Any]:
    """``Candidate``s (what the re-ranker reads) of the given fact-check ids, by id; unknown ids are left
    out. Only the start of each article is read."""
    from podium.factchecks.candidates import TEXT_CHARS, Candidate

    f = t.factchecks.c
    wanted = sorted({int(i) for i in ids})
    out: dict[int, Any] = {}
    for start in range(0, len(wanted), _ID_CHUNK):
        chunk = wanted[start : start + _ID_CHUNK]
        query = select(
            f.id,
            f.claim_reviewed,
            f.title,
            func.substr(f.text, 1, TEXT_CHARS).label("text"),
            f.claimant,
            f.date,
            f.claim_date,
            f.rating,
        ).where(f.id.in_(chunk))
        for row in conn.execute(query):
            out[row.id] = Candidate(**row._mapping)
    return out
