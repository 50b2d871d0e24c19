"""Storing one analysed Document: its rows in every table, inside the caller's transaction.

The text is stored once (``documents.text``); sentences, spans, claims, events and actor mentions are
offsets into it, each tied to the sentence that holds it. Actor mentions go to ``actor_mentions`` (not
``spans``), with the canonical actor in ``actors``. The full-text index is filled here too.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.engine import Connection

from podium import __version__
from podium.corpus import schema as t
from podium.corpus.checked_before import store_matches
from podium.outputs.json_out import SCHEMA_VERSION

MENTION_LAYER = "actor_mention"


def content_hash(doc_text: str) -> str:
    """The identity of a document in the corpus: sha256 of its normalised text."""
    return hashlib.sha256(doc_text.encode("utf-8", "surrogatepass")).hexdigest()


class SentenceIndex:
    """Which sentence holds an offset (the sentence whose range contains the span's start)."""

    def __init__(self, starts: Sequence[int], ends: Sequence[int], ids: Sequence[int]) -> None:
        self.starts, self.ends, self.ids = list(starts), list(ends), list(ids)

    def position(self, start: int) -> int | None:
        i = bisect_right(self.starts, start) - 1
        return i if i >= 0 and start < max(self.ends[i], self.starts[i] + 1) else None

    def id_of(self, start: int) -> int | None:
        i = self.position(start)
        return None if i is None else self.ids[i]


def insert_document(
    conn: Connection,
    data: dict[str, Any],
    analysers: Sequence[str],
    vectors: Sequence[bytes] | None = None,
) -> int:
    """Insert an analysis (``podium analyze -f json`` data, ``json_out.to_dict``) and everything found in
    it; returns the new document id. ``vectors`` are its ``claim_vector_bytes``, where the worker that
    analysed it computed them already (else they are computed here)."""
    meta = data["meta"]
    doc_text = data["text"]
    document_id = conn.execute(
        insert(t.documents).returning(t.documents.c.id),
        {
            "content_hash": content_hash(doc_text),
            "title": meta["title"],
            "date": meta["date"],
            "source": meta["source"],
            "language": meta["language"],
            "side": meta["extras"].get("speaker_side"),
            "words": len(doc_text.split()),
            "text": doc_text,
            "meta": meta,
            "added_at": datetime.now(UTC),
            "podium_version": __version__,
            "analysers": list(analysers),
            "json_schema_version": SCHEMA_VERSION,
        },
    ).scalar_one()
    _speakers_and_segments(conn, document_id, data)
    index = _sentences(conn, document_id, data)
    mentions = [s for s in data["spans"] if s["layer"] == MENTION_LAYER]
    _many(
        conn,
        t.spans,
        [
            {**_span_row(document_id, index.id_of(s["start"]), s), "layer": s["layer"], "label": s["label"]}
            for s in data["spans"]
            if s["layer"] != MENTION_LAYER
        ],
    )
    if vectors is None or len(vectors) != len(data["claims"]):
        vectors = claim_vector_bytes(data)
    _claims(conn, document_id, data["claims"], index, vectors)
    store_matches(conn, document_id, data["claims"])  # fact-checks found for them (--factchecks)
    _events(conn, document_id, data["events"], index)
    _actors(conn, document_id, data["actors"], mentions, index)
    _index_text(conn, index.ids, [doc_text[s["start"] : s["end"]] for s in data["sentences"]])
    return document_id


def _many(conn: Connection, table: t.Table, rows: list[dict[str, Any]], ignore: bool = False) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``; ``ignore``: skip rows whose key exists."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        _sqlite_many(conn, table, rows, ignore)
    elif ignore:
        conn.execute(_insert_ignoring_duplicates(conn, table), rows)
    elif len(rows) >= _COPY_FROM:
        _copy(conn, table, rows)
    else:
        conn.execute(insert(table), rows)


def _sqlite_many(conn: Connection, table: t.Table, rows: list[dict[str, Any]], ignore: bool) -> None:
    """One ``executemany`` of a prepared INSERT with bound parameters, JSON columns serialised as
    SQLAlchemy's JSON type does: the same stored values as ``insert(table)``, without compiling and
    processing the statement for every call (about a sixth of the writer's time for short documents)."""
    columns = tuple(rows[0])
    json_columns = _json_columns(table)
    dump = [c in json_columns for c in columns]
    values = [
        tuple(json.dumps(row[c]) if d else row[c] for c, d in zip(columns, dump, strict=True)) for row in rows
    ]
    conn.exec_driver_sql(_sqlite_insert(table.name, columns, ignore), values)


@cache
def _json_columns(table: t.Table) -> frozenset[str]:
    return frozenset(c.name for c in table.columns if isinstance(c.type, t.JSON))


@cache
def _sqlite_insert(table: str, columns: tuple[str, ...], ignore: bool) -> str:
    """``INSERT INTO "table" ("a", "b") VALUES (?, ?) [ON CONFLICT DO NOTHING]``: names from podium's
    schema only, every value a bound parameter."""
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    return f'INSERT INTO "{table}" ({names}) VALUES ({marks})' + (" ON CONFLICT DO NOTHING" if ignore else "")


#: Rows from which PostgreSQL gets them by COPY (several times faster than INSERTs for spans).
_COPY_FROM = 20


def _copy(conn: Connection, table: t.Table, rows: list[dict[str, Any]]) -> None:
    """``COPY … FROM STDIN`` on the connection's own transaction; JSON columns sent as JSON text."""
    from psycopg import sql

    columns = list(rows[0])
    json_columns = {c.name for c in table.columns if isinstance(c.type, t.JSON)}
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(sql.Identifier(c) for c in columns)
    )
    raw = conn.connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(
                [json.dumps(row[c], ensure_ascii=False) if c in json_columns else row[c] for c in columns]
            )


def _speakers_and_segments(conn: Connection, document_id: int, data: dict[str, Any]) -> None:
    speakers = data["meta"]["speakers"]
    _many(
        conn,
        t.document_speakers,
        [{"document_id": document_id, "position": i, "name": n} for i, n in enumerate(speakers)],
    )
    rows: list[dict[str, Any]] = []
    for kind, items in (
        ("paragraph", data["paragraphs"]),
        ("turn", data["turns"]),
        ("header", data["meta"]["header"]),
    ):
        for i, seg in enumerate(items):
            rows.append(
                {
                    "document_id": document_id,
                    "kind": kind,
                    "position": i,
                    "char_start": seg["start"],
                    "char_end": seg["end"],
                    "speaker": seg.get("speaker"),
                    "attrs": seg.get("attrs") or {},
                }
            )
    _many(conn, t.segments, rows)


def _sentences(conn: Connection, document_id: int, data: dict[str, Any]) -> SentenceIndex:
    sentences = data["sentences"]
    speakers = _sentence_speakers(data)
    rows = [
        {
            "document_id": document_id,
            "position": i,
            "char_start": s["start"],
            "char_end": s["end"],
            "speaker": speakers[i],
            "attrs": s.get("attrs") or {},
        }
        for i, s in enumerate(sentences)
    ]
    ids: list[int] = []
    if rows and conn.dialect.name == "postgresql":  # rows and their tsvector in one statement
        conn.execute(text(_PG_SENTENCES), _pg_sentence_arrays(document_id, rows, data["text"]))
    elif rows:  # one executemany
        _many(conn, t.sentences, rows)
    if rows:  # then the ids in order (faster than RETURNING row by row)
        query = select(t.sentences.c.id).where(t.sentences.c.document_id == document_id)
        ids = list(conn.execute(query.order_by(t.sentences.c.position)).scalars())
    return SentenceIndex([s["start"] for s in sentences], [s["end"] for s in sentences], ids)


_PG_SENTENCES = (
    "INSERT INTO sentences (document_id, position, char_start, char_end, speaker, attrs, tsv) "
    "SELECT :document_id, x.position, x.char_start, x.char_end, x.speaker, CAST(x.attrs AS json), "
    "to_tsvector('english', x.text) FROM unnest(CAST(:position AS integer[]), "
    "CAST(:char_start AS integer[]), CAST(:char_end AS integer[]), CAST(:speaker AS text[]), "
    "CAST(:attrs AS text[]), CAST(:text AS text[])) "
    "AS x(position, char_start, char_end, speaker, attrs, text)"
)


def _pg_sentence_arrays(document_id: int, rows: list[dict[str, Any]], doc_text: str) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "position": [r["position"] for r in rows],
        "char_start": [r["char_start"] for r in rows],
        "char_end": [r["char_end"] for r in rows],
        "speaker": [r["speaker"] for r in rows],
        "attrs": [json.dumps(r["attrs"], ensure_ascii=False) for r in rows],
        "text": [doc_text[r["char_start"] : r["char_end"]] for r in rows],
    }


def _sentence_speakers(data: dict[str, Any]) -> list[str | None]:
    """Each sentence's speaker: its turn's, or the one speaker named in meta (as ``claims`` does)."""
    speakers = data["meta"]["speakers"]
    default = speakers[0] if len(speakers) == 1 else None
    turns = data["turns"]
    index = SentenceIndex([u["start"] for u in turns], [u["end"] for u in turns], list(range(len(turns))))
    out = []
    for s in data["sentences"]:
        turn = index.position(s["start"])
        out.append(turns[turn]["speaker"] if turn is not None else default)
    return out


def _span_row(document_id: int, sentence_id: int | None, span: dict[str, Any]) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "sentence_id": sentence_id,
        "char_start": span["start"],
        "char_end": span["end"],
        "score": span["score"],
        "attrs": span["attrs"],
        "source": span["source"],
    }


def claim_vector_bytes(data: dict[str, Any]) -> list[bytes]:
    """The stored vector of each of ``data``'s claims (``recurring.claim_vectors`` of its text with the
    named actors masked: the same vector whoever acts), as BLOB bytes. Deterministic, so it is computed
    where the document is analysed (a worker) and the single writer only stores it."""
    from podium.corpus.claims import is_pronoun
    from podium.corpus.recurring import claim_vectors, vector_to_bytes

    claims = data["claims"]
    if not claims:
        return []
    named = [s for s in data["spans"] if s["layer"] == MENTION_LAYER and not is_pronoun(s["attrs"])]
    masks = [
        [
            (m["start"] - c["start"], m["end"] - c["start"])
            for m in named
            if c["start"] <= m["start"] < c["end"]
        ]
        for c in claims
    ]
    texts = [data["text"][c["start"] : c["end"]] for c in claims]
    return [vector_to_bytes(v) for v in claim_vectors(texts, masks)]


def _claims(
    conn: Connection,
    document_id: int,
    claims: list[dict[str, Any]],
    index: SentenceIndex,
    vectors: Sequence[bytes],
) -> None:
    rows = [
        {
            "document_id": document_id,
            "sentence_id": index.id_of(c["start"]),
            "claim_key": c["id"],
            "rank": c["rank"],
            "char_start": c["start"],
            "char_end": c["end"],
            "score": c["score"],
            "type": c.get("type"),
            "speaker": c.get("speaker"),
            "parts": c.get("parts") or {},
            "vector": vector,
        }
        for c, vector in zip(claims, vectors, strict=True)
    ]
    _many(conn, t.claims, rows)


def _events(conn: Connection, document_id: int, events: list[dict[str, Any]], index: SentenceIndex) -> None:
    rows = [
        {
            "document_id": document_id,
            "sentence_id": index.id_of(e["evidence"][0]),
            "event_key": e["id"],
            "type": e["type"],
            "source_actor": e.get("source"),
            "target_actor": e.get("target"),
            "char_start": e["evidence"][0],
            "char_end": e["evidence"][1],
            "negated": bool(e.get("negated")),
            "modality": e.get("modality") or "asserted",
            "record": e,
        }
        for e in events
    ]
    _many(conn, t.events, rows)


def _actors(
    conn: Connection,
    document_id: int,
    actors: list[dict[str, Any]],
    mentions: list[dict[str, Any]],
    index: SentenceIndex,
) -> None:
    ids = {a["id"] for a in actors} | {s["label"] for s in mentions}
    known = set(conn.execute(select(t.actors.c.id).where(t.actors.c.id.in_(sorted(ids)))).scalars())
    by_id = {a["id"]: a for a in actors}
    new = []
    for actor_id in sorted(ids - known):
        a = by_id.get(actor_id) or _actor_from_mentions(actor_id, mentions)
        new.append(
            {
                "id": actor_id,
                "name": a.get("name") or actor_id,
                "type": a.get("type") or "unknown",
                "wikidata": a.get("wikidata"),
                "known": bool(a.get("known", False)),
                "state": a.get("state"),
            }
        )
    _many(conn, t.actors, new, ignore=True)  # another writer may add one meanwhile: keep the first
    _many(
        conn,
        t.document_actors,
        [
            {
                "document_id": document_id,
                "actor_id": a["id"],
                "position": i,
                "mention_count": a.get("mention_count", 0),
                "record": a,
            }
            for i, a in enumerate(actors)
        ],
    )
    _many(
        conn,
        t.actor_mentions,
        [{**_span_row(document_id, index.id_of(s["start"]), s), "actor_id": s["label"]} for s in mentions],
    )


def _insert_ignoring_duplicates(conn: Connection, table: t.Table) -> Any:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing()


def _actor_from_mentions(actor_id: str, mentions: list[dict[str, Any]]) -> dict[str, Any]:
    for span in mentions:
        if span["label"] == actor_id:
            return {"name": span["attrs"].get("name"), "type": span["attrs"].get("type")}
    return {}


def _sentence_texts(conn: Connection, document_id: int) -> tuple[list[int], list[str]]:
    """Ids and texts of a document's sentences, cut from its text once (not one substr per row)."""
    doc_text = conn.execute(select(t.documents.c.text).where(t.documents.c.id == document_id)).scalar_one()
    s = t.sentences.c
    rows = conn.execute(select(s.id, s.char_start, s.char_end).where(s.document_id == document_id)).all()
    return [r.id for r in rows], [doc_text[r.char_start : r.char_end] for r in rows]


def _index_text(conn: Connection, ids: Sequence[int], texts: Sequence[str]) -> None:
    """Add a document's sentences (their ids and texts) to SQLite's FTS5 index (PostgreSQL's tsvector is
    filled with the sentences themselves)."""
    if conn.dialect.name != "sqlite":
        return
    if ids:
        conn.execute(
            text("INSERT INTO sentences_fts(rowid, text) VALUES (:id, :text)"),
            [{"id": i, "text": x} for i, x in zip(ids, texts, strict=True)],
        )


def delete_document(conn: Connection, document_id: int) -> None:
    """Remove a document and everything stored with it (its full-text entries first)."""
    if conn.dialect.name == "sqlite":  # FTS5 forgets a row only when told its old text
        ids, texts = _sentence_texts(conn, document_id)
        if ids:
            conn.execute(
                text("INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', :id, :text)"),
                [{"id": i, "text": x} for i, x in zip(ids, texts, strict=True)],
            )
    conn.execute(t.documents.delete().where(t.documents.c.id == document_id))  # the rest cascades
