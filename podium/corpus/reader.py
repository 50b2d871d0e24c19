"""Reading one stored document back as the Document it was: the same JSON, the same reports, nothing
re-run. ``to_dict(read_document(conn, id))`` equals the ``to_dict`` of the Document that was stored."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Text, cast, select
from sqlalchemy.engine import Connection

from podium.corpus import schema as t
from podium.corpus.checked_before import EXTRA, stored_matches
from podium.corpus.writer import MENTION_LAYER
from podium.document import Document
from podium.outputs.json_in import from_dict


def _offsets(row: Any, attrs: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"start": row.char_start, "end": row.char_end}
    if attrs:
        out["attrs"] = attrs
    return out


def _decoded(texts: list[str | None]) -> list[Any]:
    """JSON column values read as text, decoded: all in one ``json.loads`` (several times faster than
    one call per row for the thousands of span rows of a long document)."""
    values = ["null" if x is None else x for x in texts]
    decoded = json.loads("[" + ",".join(values) + "]") if values else []
    if len(decoded) != len(values):  # a value that is not one JSON value: decode one by one (and fail)
        decoded = [json.loads(v) for v in values]
    return decoded


def document_data(conn: Connection, document_id: int) -> dict[str, Any] | None:
    """The stored analysis as ``podium analyze -f json`` data, or None when there is no such id."""
    doc = conn.execute(select(t.documents).where(t.documents.c.id == document_id)).one_or_none()
    return None if doc is None else _data(conn, document_id, doc.text, doc.meta)


def prepare(conn: Connection) -> None:
    """Run every statement of ``document_data`` once on no document (nothing is read), so that the first
    document a process reads does not wait for SQLAlchemy to compile them (a server at start-up)."""
    document_data(conn, 0)  # no document has id 0: its row, then the rest
    _data(conn, 0, "", {})


def _data(conn: Connection, document_id: int, doc_text: str, meta: dict[str, Any]) -> dict[str, Any]:
    def rows(table: t.Table, names: str, json_column: str, *order: Any) -> list[tuple[Any, Any]]:
        """``(row, decoded JSON column)`` of the document's rows in ``table``: the columns ``names`` and
        the JSON column read as text and decoded at once."""
        columns = [table.c[name] for name in names.split()]
        query = select(*columns, cast(table.c[json_column], Text).label("json_text"))
        found = conn.execute(query.where(table.c.document_id == document_id).order_by(*order)).all()
        return list(zip(found, _decoded([r.json_text for r in found]), strict=True))

    segs = rows(
        t.segments, "kind char_start char_end speaker", "attrs", t.segments.c.kind, t.segments.c.position
    )
    sentences = rows(t.sentences, "id position char_start char_end", "attrs", t.sentences.c.position)
    span_columns = "char_start char_end score source"  # rows unpacked, not read by name: thousands
    spans = [
        {
            "layer": layer,
            "label": label,
            "start": start,
            "end": end,
            "score": score,
            "attrs": attrs,
            "source": source,
        }
        for (layer, label, start, end, score, source, _), attrs in rows(
            t.spans, "layer label " + span_columns, "attrs", t.spans.c.id
        )
    ]
    spans += [
        {
            "layer": MENTION_LAYER,
            "label": actor,
            "start": start,
            "end": end,
            "score": score,
            "attrs": attrs,
            "source": source,
        }
        for (actor, start, end, score, source, _), attrs in rows(
            t.actor_mentions, "actor_id " + span_columns, "attrs", t.actor_mentions.c.id
        )
    ]
    sentence_positions = {r.id: r.position for r, _ in sentences}
    matches = stored_matches(conn, document_id)
    matched = bool(matches) or EXTRA in (meta.get("extras") or {})  # else no claim has a matches key
    claim_columns = "claim_key rank sentence_id char_start char_end score speaker type"
    return {
        "text": doc_text,
        "meta": meta,
        "paragraphs": [_offsets(s, attrs) for s, attrs in segs if s.kind == "paragraph"],
        "sentences": [_offsets(s, attrs) for s, attrs in sentences],
        "turns": [{**_offsets(s, attrs), "speaker": s.speaker} for s, attrs in segs if s.kind == "turn"],
        "spans": spans,
        "claims": [
            {
                "id": c.claim_key,
                "rank": c.rank,
                "sentence": sentence_positions.get(c.sentence_id, 0),
                "start": c.char_start,
                "end": c.char_end,
                "score": c.score,
                "speaker": c.speaker,
                "type": c.type,
                "parts": parts,
                **({"matches": matches.get(c.claim_key, [])} if matched else {}),
            }
            for c, parts in rows(t.claims, claim_columns, "parts", t.claims.c.id)
        ],
        "events": [record for _, record in rows(t.events, "id", "record", t.events.c.id)],
        "actors": [
            record
            for _, record in rows(t.document_actors, "position", "record", t.document_actors.c.position)
        ],
    }


def read_document(conn: Connection, document_id: int) -> Document | None:
    data = document_data(conn, document_id)
    return None if data is None else from_dict(data)
