"""Claims across the corpus: the ranked list, and recurring claims (restatements grouped by
``podium.corpus.recurring``) with their quantities and actors read from the stored layers."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from podium.corpus.search import Filters, conditions


def _where(f: Filters, min_score: float, params: dict[str, Any]) -> str:
    params["min_score"] = min_score
    return " AND ".join(["c.score >= :min_score", *conditions(f, params, "c.speaker", "c.sentence_id")])


_CLAIM_COLUMNS = (
    "c.id AS claim_id, c.document_id, d.title, d.date, c.speaker, c.char_start AS start, c.char_end AS end_, "
    "substr(d.text, c.char_start + 1, c.char_end - c.char_start) AS text, c.score, c.type"
)


def list_claims(conn: Connection, f: Filters, min_score: float, limit: int | None) -> list[dict[str, Any]]:
    params: dict[str, Any] = {}
    sql = (
        f"SELECT {_CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.document_id "
        f"WHERE {_where(f, min_score, params)} ORDER BY c.score DESC, c.document_id, c.char_start"
    )
    if limit is not None:
        params["limit"] = limit
        sql += " LIMIT :limit"
    rows = conn.execute(text(sql), params).mappings().all()
    return [{**{k: r[k] for k in r if k != "end_"}, "end": r["end_"]} for r in rows]


def recurring_clusters(conn: Connection, f: Filters, min_score: float) -> list[dict[str, Any]]:
    from podium.corpus.recurring import ClaimItem, cluster_claims, vector_from_bytes

    params: dict[str, Any] = {}
    where = _where(f, min_score, params)
    rows = (
        conn.execute(
            text(
                f"SELECT {_CLAIM_COLUMNS}, c.sentence_id, c.vector FROM claims c "
                f"JOIN documents d ON d.id = c.document_id WHERE {where} ORDER BY c.id"
            ),
            params,
        )
        .mappings()
        .all()
    )
    quantities = _per_sentence(
        conn,
        "SELECT sp.sentence_id, sp.attrs, substr(d.text, sp.char_start + 1, sp.char_end - sp.char_start) "
        "FROM spans sp JOIN claims c ON c.sentence_id = sp.sentence_id "
        "JOIN documents d ON d.id = c.document_id "
        f"WHERE sp.layer = 'quantity' AND {where} ORDER BY sp.sentence_id, sp.char_start",
        params,
    )
    mentions = _per_sentence(
        conn,
        "SELECT am.sentence_id, am.attrs, am.actor_id, am.char_start, am.char_end FROM actor_mentions am "
        "JOIN claims c ON c.sentence_id = am.sentence_id JOIN documents d ON d.id = c.document_id "
        f"WHERE {where} ORDER BY am.sentence_id, am.char_start",
        params,
    )
    items = []
    for r in rows:
        named = [m for m in mentions.get(r["sentence_id"], []) if not is_pronoun(m[0])]
        items.append(
            ClaimItem(
                id=r["claim_id"],
                document_id=r["document_id"],
                text=r["text"],
                speaker=r["speaker"],
                date=r["date"],
                quantities=tuple(
                    {**attrs, "text": q_text} for attrs, q_text in quantities.get(r["sentence_id"], [])
                ),
                actors=tuple(dict.fromkeys(m[1] for m in named)),
                vector=None if r["vector"] is None else vector_from_bytes(r["vector"]),  # else computed there
                start=r["start"],
                end=r["end_"],
                actor_spans=tuple((m[2] - r["start"], m[3] - r["start"]) for m in named),
            )
        )
    by_id = {r["claim_id"]: r for r in rows}
    clusters = []
    for cluster in cluster_claims(items):
        data = cluster.to_dict()
        for claim in data["claims"]:
            row = by_id[claim["claim_id"]]
            claim.setdefault("start", row["start"])
            claim.setdefault("end", row["end_"])
        clusters.append(data)
    return clusters


def is_pronoun(attrs: dict[str, Any]) -> bool:
    """A mention like the speaker's "we": a different side for each speaker, so not an actor to match on."""
    return attrs.get("kind") == "pronoun"


def _per_sentence(conn: Connection, sql: str, params: dict[str, Any]) -> dict[int, list[tuple[Any, ...]]]:
    """Rows of ``sql`` (sentence id first, then JSON attrs, then anything) grouped by sentence."""
    out: dict[int, list[tuple[Any, ...]]] = {}
    for sentence_id, attrs, *rest in conn.execute(text(sql), params):
        if isinstance(attrs, str):  # JSON comes back as text from SQLite
            attrs = json.loads(attrs)
        out.setdefault(sentence_id, []).append((attrs, *rest))
    return out
