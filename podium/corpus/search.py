"""Full-text search over the corpus' sentences, with filters, on SQLite FTS5 or PostgreSQL tsvector.

One query interface (``podium.corpus.query``), two engines; results are sentence hits with offsets into
the stored text and a snippet whose matched words are marked ``**like this**``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from podium.corpus.query import parse, to_fts5, to_tsquery


@dataclass(frozen=True)
class Filters:
    speaker: str | None = None
    since: str | None = None
    until: str | None = None
    layer: str | None = None
    label: str | None = None
    actor: str | None = None


def conditions(
    f: Filters, params: dict[str, Any], speaker: str = "s.speaker", sentence: str = "s.id"
) -> list[str]:
    """WHERE conditions for the filters over a sentence-level row (its ``speaker`` and ``sentence`` id
    columns given; document ``d``), every value a bound parameter. Shared by search and claims."""
    where = []
    if f.speaker:
        params["speaker"] = f.speaker.lower()
        where.append(
            f"(lower({speaker}) = :speaker OR ({speaker} IS NULL AND EXISTS (SELECT 1 FROM "
            "document_speakers ds WHERE ds.document_id = d.id AND lower(ds.name) = :speaker)))"
        )
    if f.since:
        params["since"] = f.since
        where.append("d.date >= :since")
    if f.until:
        params["until"] = f.until  # '2024-12' includes the whole month
        where.append("substr(d.date, 1, length(:until)) <= :until")
    if f.layer == "actor_mention":  # actor mentions live in their own table, keyed by actor id
        f = Filters(f.speaker, f.since, f.until, None, None, f.label or f.actor)
    if f.layer or f.label:
        cond = [f"sp.sentence_id = {sentence}"]
        if f.layer:
            params["layer"] = f.layer
            cond.append("sp.layer = :layer")
        if f.label:
            params["label"] = f.label
            cond.append("sp.label = :label")
        where.append(f"EXISTS (SELECT 1 FROM spans sp WHERE {' AND '.join(cond)})")
    if f.actor:
        params["actor"] = f.actor
        where.append(
            f"EXISTS (SELECT 1 FROM actor_mentions am WHERE am.sentence_id = {sentence} "
            "AND am.actor_id = :actor)"
        )
    return where


_COLUMNS = (
    "d.id AS document_id, d.title AS title, d.date AS date, s.char_start AS start, s.char_end AS end_, "
    "substr(d.text, s.char_start + 1, s.char_end - s.char_start) AS text"
)


def search(conn: Connection, query: str, filters: Filters, limit: int = 20) -> list[dict[str, Any]]:
    """Sentence hits for ``query``, best first."""
    node = parse(query)
    params: dict[str, Any] = {"limit": limit}
    where = "".join(f" AND {w}" for w in conditions(filters, params))
    if conn.dialect.name == "sqlite":
        params["q"] = to_fts5(node, query)
        sql = (
            f"SELECT {_COLUMNS}, snippet(sentences_fts, 0, '**', '**', '…', 24) AS snippet, "
            "bm25(sentences_fts) AS rank FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid "
            f"JOIN documents d ON d.id = s.document_id WHERE sentences_fts MATCH :q{where} "
            "ORDER BY rank, d.id, s.char_start LIMIT :limit"
        )
    else:  # rank and limit first; the text and its headline only for the rows returned
        params["q"] = to_tsquery(node)
        sql = (
            "SELECT h.document_id, d.title, d.date, h.start, h.end_, x.text, ts_headline('english', x.text, "
            "to_tsquery('english', :q), 'StartSel=**, StopSel=**, MaxWords=30, MinWords=12') AS snippet, "
            "h.rank FROM (SELECT s.document_id, s.char_start AS start, s.char_end AS end_, "
            "-ts_rank(s.tsv, q) AS rank FROM sentences s JOIN documents d ON d.id = s.document_id, "
            f"to_tsquery('english', :q) q WHERE s.tsv @@ q{where} "
            "ORDER BY rank, s.document_id, s.char_start LIMIT :limit) h "
            "JOIN documents d ON d.id = h.document_id "
            "CROSS JOIN LATERAL (SELECT substr(d.text, h.start + 1, h.end_ - h.start) AS text) x "
            "ORDER BY h.rank, h.document_id, h.start"
        )
    rows = conn.execute(text(sql), params).mappings().all()
    speakers = _speakers(conn, {r["document_id"] for r in rows})
    return [
        {
            "document_id": r["document_id"],
            "title": r["title"],
            "speakers": speakers.get(r["document_id"], []),
            "date": r["date"],
            "start": r["start"],
            "end": r["end_"],
            "text": r["text"],
            "snippet": r["snippet"],
            "score": round(-float(r["rank"]), 6),
        }
        for r in rows
    ]


def _speakers(conn: Connection, ids: set[int]) -> dict[int, list[str]]:
    if not ids:
        return {}
    rows = conn.execute(
        text(
            "SELECT document_id, name FROM document_speakers WHERE document_id IN :ids ORDER BY position"
        ).bindparams(bindparam("ids", expanding=True)),
        {"ids": sorted(ids)},
    )
    out: dict[int, list[str]] = {}
    for document_id, name in rows:
        out.setdefault(document_id, []).append(name)
    return out
