"""The review workflow of claims: a status per claim (new → to check → checked / not worth checking), a
note, a verdict, a link to the published check and the reviewer, with every edit logged.

A claim without a ``claim_reviews`` row is ``new``. A claim's speaker is its turn's, else the document's
first speaker. ``save_review`` validates the fields (E504), writes
the row and one ``claim_review_log`` entry listing what changed, in the caller's transaction. Used by
``Corpus`` (the web app's claims pages and API); it renders and exports nothing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.engine import Connection

from podium.corpus import schema as t
from podium.corpus.search import Filters, conditions
from podium.errors import PodiumError
from podium.factchecks.ratings import RATINGS

STATUSES = ("new", "to_check", "checked", "not_worth_checking")
#: What a person can change, and the longest value each may hold.
FIELDS = {"status": 32, "verdict": 32, "note": 10_000, "review_url": 2_000, "reviewer": 200}
_COLUMNS = (
    "c.id AS claim_id, c.document_id, d.title, d.date, d.source, coalesce(c.speaker, (SELECT ds.name "
    "FROM document_speakers ds WHERE ds.document_id = d.id AND ds.position = 0)) AS speaker, "
    "c.char_start AS start, "
    "c.char_end AS end_, substr(d.text, c.char_start + 1, c.char_end - c.char_start) AS text, c.score, "
    "c.type, c.rank, coalesce(r.status, 'new') AS status, r.verdict, r.note, r.review_url, r.reviewer, "
    "r.updated_at, (SELECT count(*) FROM claim_matches m WHERE m.claim_id = c.id) AS matches"
)
_FROM = "claims c JOIN documents d ON d.id = c.document_id LEFT JOIN claim_reviews r ON r.claim_id = c.id"


def _where(
    f: Filters,
    claim_type: str | None,
    status: str | None,
    min_score: float,
    params: dict[str, Any],
    document_id: int | None = None,
) -> str:
    params["min_score"] = min_score
    where = ["c.score >= :min_score", *conditions(f, params, "c.speaker", "c.sentence_id")]
    if document_id is not None:
        params["document_id"] = document_id
        where.append("c.document_id = :document_id")
    if claim_type:
        params["claim_type"] = claim_type
        where.append("c.type = :claim_type")
    if status:
        params["status"] = status
        where.append("coalesce(r.status, 'new') = :status")
    return " AND ".join(where)


def _row(r: Any) -> dict[str, Any]:
    out = {k: r[k] for k in r if k != "end_"}
    out["end"] = r["end_"]
    if isinstance(out.get("updated_at"), datetime):
        out["updated_at"] = out["updated_at"].isoformat()
    return out


def review_queue(
    conn: Connection,
    f: Filters,
    claim_type: str | None = None,
    status: str | None = None,
    min_score: float = 0.0,
    limit: int = 50,
    offset: int = 0,
    document_id: int | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """One page of claims, most check-worthy first, with their review; and how many match in all."""
    if status is not None and status not in STATUSES:
        raise PodiumError("E504", field="status", value=status, reason=f"use one of {', '.join(STATUSES)}")
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    where = _where(f, claim_type, status, min_score, params, document_id)
    rows = conn.execute(
        text(
            f"SELECT {_COLUMNS} FROM {_FROM} WHERE {where} "
            "ORDER BY c.score DESC, c.document_id, c.char_start LIMIT :limit OFFSET :offset"
        ),
        params,
    ).mappings()
    found = [_row(r) for r in rows]
    total = conn.execute(text(f"SELECT count(*) FROM {_FROM} WHERE {where}"), params).scalar_one()
    return found, int(total)


def claim_types(conn: Connection) -> list[str]:
    """The claim types stored (for a filter's choices)."""
    query = select(t.claims.c.type).where(t.claims.c.type.is_not(None)).distinct().order_by(t.claims.c.type)
    return list(conn.execute(query).scalars())


def claim_record(conn: Connection, claim_id: int) -> dict[str, Any] | None:
    """One claim with its review, its edit history (newest first) and its fact-check matches."""
    row = (
        conn.execute(text(f"SELECT {_COLUMNS} FROM {_FROM} WHERE c.id = :id"), {"id": claim_id})
        .mappings()
        .first()
    )
    if row is None:
        return None
    out = _row(row)
    log = t.claim_review_log
    out["history"] = [
        {
            "changed_at": h.changed_at.isoformat() if isinstance(h.changed_at, datetime) else h.changed_at,
            "reviewer": h.reviewer,
            "changes": json.loads(h.changes) if isinstance(h.changes, str) else h.changes,
        }
        for h in conn.execute(
            select(log.c.changed_at, log.c.reviewer, log.c.changes)
            .where(log.c.claim_id == claim_id)
            .order_by(log.c.id.desc())
        )
    ]
    out["matches"] = claim_matches(conn, claim_id)
    return out


def claim_matches(conn: Connection, claim_id: int) -> list[dict[str, Any]]:
    """Fact-checks stored as checking the same claim, best first (the ``claims[].matches`` fields)."""
    m, fc = t.claim_matches, t.factchecks
    query = (
        select(
            fc.c.id.label("factcheck_id"),
            fc.c.claim_reviewed,
            fc.c.rating,
            fc.c.rating_original,
            fc.c.publisher,
            fc.c.date,
            fc.c.url,
            m.c.score,
        )
        .join(fc, fc.c.id == m.c.factcheck_id)
        .where(m.c.claim_id == claim_id)
        .order_by(m.c.rank)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def clean_fields(changes: dict[str, Any]) -> dict[str, str | None]:
    """The edited fields, trimmed (empty means cleared), or E504 naming the first bad one."""
    out: dict[str, str | None] = {}
    for field, value in changes.items():
        if field not in FIELDS:
            raise PodiumError("E504", field=field, value=value, reason=f"editable: {', '.join(FIELDS)}")
        if value is not None and not isinstance(value, str):
            raise PodiumError("E504", field=field, value=value, reason="give text")
        value = (value or "").strip() or None
        if value is not None and len(value) > FIELDS[field]:
            shown = value[:40] + "…"
            raise PodiumError("E504", field=field, value=shown, reason=f"at most {FIELDS[field]} characters")
        out[field] = value
    status, verdict, url = out.get("status", ""), out.get("verdict"), out.get("review_url")
    if "status" in out and status not in STATUSES:
        raise PodiumError("E504", field="status", value=status, reason=f"use one of {', '.join(STATUSES)}")
    if verdict is not None and verdict not in RATINGS:
        raise PodiumError("E504", field="verdict", value=verdict, reason=f"use one of {', '.join(RATINGS)}")
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise PodiumError("E504", field="review_url", value=url, reason="give an http(s) address")
    return out


def save_review(conn: Connection, claim_id: int, changes: dict[str, Any]) -> list[str] | None:
    """Apply ``changes`` (a subset of FIELDS) to a claim's review inside the caller's write transaction.
    Returns the names of the fields that changed, or None when there is no such claim."""
    fields = clean_fields(changes)
    if conn.execute(select(t.claims.c.id).where(t.claims.c.id == claim_id)).first() is None:
        return None
    r = t.claim_reviews
    current = conn.execute(select(r).where(r.c.claim_id == claim_id)).mappings().first()
    before = {f: (current[f] if current else ("new" if f == "status" else None)) for f in FIELDS}
    after = {**before, **fields}
    changed = [f for f in FIELDS if after[f] != before[f]]
    if not changed:
        return []
    now = datetime.now(UTC)
    values = {**{f: after[f] for f in FIELDS}, "status": after["status"] or "new", "updated_at": now}
    if current is None:
        conn.execute(insert(r).values(claim_id=claim_id, **values))
    else:
        conn.execute(update(r).where(r.c.claim_id == claim_id).values(**values))
    conn.execute(
        insert(t.claim_review_log).values(
            claim_id=claim_id,
            changed_at=now,
            reviewer=after["reviewer"],
            changes={f: [before[f], after[f]] for f in changed},
        )
    )
    return changed


def reviewed_claims(conn: Connection, f: Filters, statuses: tuple[str, ...]) -> list[dict[str, Any]]:
    """Claims whose review status is one of ``statuses``, most recently reviewed first (for export)."""
    params: dict[str, Any] = {}
    where = _where(f, None, None, 0.0, params)
    marks = ", ".join(f":st{i}" for i in range(len(statuses)))
    params.update({f"st{i}": s for i, s in enumerate(statuses)})
    rows = conn.execute(
        text(
            f"SELECT {_COLUMNS} FROM {_FROM} WHERE {where} AND coalesce(r.status, 'new') IN ({marks}) "
            "ORDER BY r.updated_at DESC, c.id"
        ),
        params,
    ).mappings()
    return [_row(r) for r in rows]


def status_counts(conn: Connection) -> dict[str, int]:
    """How many claims have each status (new included)."""
    counts = dict.fromkeys(STATUSES, 0)
    total = conn.execute(select(func.count()).select_from(t.claims)).scalar_one()
    for status, n in conn.execute(
        select(t.claim_reviews.c.status, func.count()).group_by(t.claim_reviews.c.status)
    ):
        counts[status] = counts.get(status, 0) + n
    counts["new"] = int(total) - sum(n for s, n in counts.items() if s != "new")
    return counts
