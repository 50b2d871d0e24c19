"""Reading one stored document back as the Document it was: the same JSON, the same reports, nothing
re-run. ``to_dict(read_document(conn, id))`` equals the ``to_dict`` of the Document that was stored."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from podium.corpus import schema as t
from podium.corpus.checked_before import EXTRA, stored_matches
from podium.corpus.writer import MENTION_LAYER
from podium.document import Document
from podium.outputs.json_in import from_dict


def _offsets(row: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"start": row.char_start, "end": row.char_end}
    if getattr(row, "attrs", None):
        out["attrs"] = row.attrs
    return out


def document_data(conn: Connection, document_id: int) -> dict[str, Any] | None:
    """The stored analysis as ``podium analyze -f json`` data, or None when there is no such id."""
    doc = conn.execute(select(t.documents).where(t.documents.c.id == document_id)).one_or_none()
    if doc is None:
        return None

    def rows(table: t.Table, *order: Any, where: Any = None) -> list[Any]:
        query = select(table).where(table.c.document_id == document_id)
        if where is not None:
            query = query.where(where)
        return list(conn.execute(query.order_by(*order)))

    segs = rows(t.segments, t.segments.c.kind, t.segments.c.position)
    spans = [
        {
            "layer": r.layer,
            "label": r.label,
            "start": r.char_start,
            "end": r.char_end,
            "score": r.score,
            "attrs": r.attrs,
            "source": r.source,
        }
        for r in rows(t.spans, t.spans.c.id)
    ]
    spans += [
        {
            "layer": MENTION_LAYER,
            "label": r.actor_id,
            "start": r.char_start,
            "end": r.char_end,
            "score": r.score,
            "attrs": r.attrs,
            "source": r.source,
        }
        for r in rows(t.actor_mentions, t.actor_mentions.c.id)
    ]
    sentence_positions = {r.id: r.position for r in rows(t.sentences, t.sentences.c.position)}
    matches = stored_matches(conn, document_id)
    matched = bool(matches) or EXTRA in (doc.meta.get("extras") or {})  # else no claim has a matches key
    return {
        "text": doc.text,
        "meta": doc.meta,
        "paragraphs": [_offsets(s) for s in segs if s.kind == "paragraph"],
        "sentences": [_offsets(s) for s in rows(t.sentences, t.sentences.c.position)],
        "turns": [{**_offsets(s), "speaker": s.speaker} for s in segs if s.kind == "turn"],
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
                "parts": c.parts,
                **({"matches": matches.get(c.claim_key, [])} if matched else {}),
            }
            for c in rows(t.claims, t.claims.c.id)
        ],
        "events": [e.record for e in rows(t.events, t.events.c.id)],
        "actors": [a.record for a in rows(t.document_actors, t.document_actors.c.position)],
    }


def read_document(conn: Connection, document_id: int) -> Document | None:
    data = document_data(conn, document_id)
    return None if data is None else from_dict(data)
