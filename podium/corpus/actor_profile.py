"""What the corpus holds about actors: the list of actors with their mention counts, and one actor's
profile — the events it is said to carry out and to undergo, and the epithets used for it and by whom.

Read-only queries over ``actors``, ``actor_mentions``, ``events`` and ``sentences``; the mentions over
time come from ``podium.corpus.timeline``. Used by ``Corpus`` (the web app's actor pages).
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

#: Rows per list on an actor's profile (events each way, epithets).
LIMIT = 200


def list_actors(conn: Connection, name: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Actors with mentions, most mentioned first; ``name`` keeps those whose name or id contains it."""
    params: dict[str, Any] = {"limit": limit}
    where = ""
    if name:
        params["name"] = f"%{name.lower()}%"
        where = "WHERE lower(a.name) LIKE :name OR lower(a.id) LIKE :name"
    rows = conn.execute(
        text(
            "SELECT a.id, a.name, a.type, a.wikidata, count(am.id) AS mentions, "
            "count(DISTINCT am.document_id) AS documents FROM actors a "
            f"JOIN actor_mentions am ON am.actor_id = a.id {where} "
            "GROUP BY a.id, a.name, a.type, a.wikidata ORDER BY count(am.id) DESC, a.name LIMIT :limit"
        ),
        params,
    ).mappings()
    return [dict(r) for r in rows]


def actor_profile(conn: Connection, actor_id: str) -> dict[str, Any] | None:
    """The actor's record, events by it and on it, and its epithets; None for an unknown id."""
    row = (
        conn.execute(
            text("SELECT id, name, type, wikidata, known, state FROM actors WHERE id = :id"), {"id": actor_id}
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    counts = (
        conn.execute(
            text(
                "SELECT count(*) AS mentions, count(DISTINCT document_id) AS documents "
                "FROM actor_mentions WHERE actor_id = :id"
            ),
            {"id": actor_id},
        )
        .mappings()
        .one()
    )
    return {
        **dict(row),
        "known": bool(row["known"]),
        "mentions": counts["mentions"],
        "documents": counts["documents"],
        "events_by": _events(conn, actor_id, "source_actor", "target_actor"),
        "events_on": _events(conn, actor_id, "target_actor", "source_actor"),
        "epithets": _epithets(conn, actor_id),
    }


def _events(conn: Connection, actor_id: str, mine: str, other: str) -> list[dict[str, Any]]:
    """Events where the actor is in column ``mine``, with the actor in ``other``, newest documents first."""
    rows = conn.execute(
        text(
            f"SELECT e.type, e.{other} AS other_id, o.name AS other_name, e.negated, e.modality, "
            "e.document_id, d.title, d.date, e.char_start AS start, e.char_end AS end_, "
            "substr(d.text, e.char_start + 1, e.char_end - e.char_start) AS evidence "
            f"FROM events e JOIN documents d ON d.id = e.document_id LEFT JOIN actors o ON o.id = e.{other} "
            f"WHERE e.{mine} = :id ORDER BY d.date DESC, e.document_id, e.char_start LIMIT :limit"
        ),
        {"id": actor_id, "limit": LIMIT},
    ).mappings()
    return [
        {**{k: r[k] for k in r if k != "end_"}, "end": r["end_"], "negated": bool(r["negated"])} for r in rows
    ]


def _epithets(conn: Connection, actor_id: str) -> list[dict[str, Any]]:
    """Epithet mentions grouped by wording and speaker (the sentence's, else the document's speakers)."""
    epithet = (
        "json_extract(am.attrs, '$.epithet') = 1"
        if conn.dialect.name == "sqlite"
        else "(am.attrs ->> 'epithet') = 'true'"
    )
    rows = conn.execute(
        text(
            "SELECT am.attrs, substr(d.text, am.char_start + 1, am.char_end - am.char_start) AS wording, "
            "s.speaker, am.document_id, am.char_start AS start, d.date, "
            "(SELECT min(ds.name) FROM document_speakers ds WHERE ds.document_id = d.id "
            "AND ds.position = 0) AS first_speaker "
            "FROM actor_mentions am JOIN documents d ON d.id = am.document_id "
            f"LEFT JOIN sentences s ON s.id = am.sentence_id WHERE am.actor_id = :id AND {epithet} "
            "ORDER BY d.date, am.document_id, am.char_start"
        ),
        {"id": actor_id},
    ).mappings()
    groups: dict[tuple[str, str | None], dict[str, Any]] = {}
    documents: dict[tuple[str, str | None], set[int]] = defaultdict(set)
    for r in rows:
        attrs = json.loads(r["attrs"]) if isinstance(r["attrs"], str) else r["attrs"] or {}
        if not attrs.get("epithet"):
            continue
        wording = " ".join(r["wording"].split())
        speaker = r["speaker"] or r["first_speaker"]
        key = (wording.lower().removeprefix("the "), speaker)
        group = groups.setdefault(
            key,
            {
                "epithet": wording,
                "speaker": speaker,
                "count": 0,
                "first_seen": r["date"],
                "last_seen": r["date"],
                "example": {"document_id": r["document_id"], "start": r["start"]},
            },
        )
        group["count"] += 1
        if r["date"]:
            group["first_seen"] = min(filter(None, (group["first_seen"], r["date"])))
            group["last_seen"] = max(filter(None, (group["last_seen"], r["date"])))
        documents[key].add(r["document_id"])
    for key, group in groups.items():
        group["documents"] = len(documents[key])
    return sorted(groups.values(), key=lambda g: (-g["count"], g["epithet"].lower()))[:LIMIT]
