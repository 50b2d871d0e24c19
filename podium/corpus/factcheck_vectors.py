"""Sentence vectors of the stored fact-checks (``factcheck_vectors``): made on import, read for the index.

Each import batch is one transaction holding its new ``factchecks`` rows *and* one vector block for
exactly those rows (``embed`` of ``claim_reviewed``; ids as little-endian int64, vectors as little-endian
float16, unit rows). An import killed at any moment therefore leaves every stored fact-check with its
vector, and running it again stores (and embeds) only what is missing. The embedding of a batch runs
before its write transaction, so the database's write lock is held only while rows are written.

Rows that have no vector of the current model (imported by an older podium, or vectors of another
model) are embedded by ``embed_missing``, which the import and ``Corpus.matcher`` call. Blocks are
appended, never rewritten; where two processes embedded the same row, the newest block wins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from podium.corpus import schema as t
from podium.corpus.factcheck_store import fact_row

if TYPE_CHECKING:
    from podium.corpus.store import Corpus

#: Fact-checks read, embedded and committed together (one transaction and one vector block each).
BATCH = 256
Progress = Callable[[int], None]


def block_bytes(ids: Sequence[int], vectors: np.ndarray) -> tuple[bytes, bytes]:
    """``(factcheck_ids, vectors)`` column values: little-endian int64 ids, little-endian float16 rows."""
    return np.asarray(ids, dtype="<i8").tobytes(), np.asarray(vectors, dtype="<f2").tobytes()


def append_block(conn: Connection, ids: Sequence[int], vectors: np.ndarray, model: str) -> None:
    """Store one block of vectors (nothing for no ids)."""
    if not len(ids):
        return
    if vectors.shape[0] != len(ids):
        raise ValueError(f"{vectors.shape[0]} vectors for {len(ids)} ids")
    id_bytes, vector_bytes = block_bytes(ids, vectors)
    conn.execute(
        insert(t.factcheck_vectors),
        {
            "model": model,
            "count": len(ids),
            "factcheck_ids": id_bytes,
            "vectors": vector_bytes,
            "added_at": datetime.now(UTC),
        },
    )


def read_blocks(conn: Connection, model: str, dim: int) -> tuple[np.ndarray, np.ndarray, int, int]:
    """Every vector of ``model`` that belongs to a stored fact-check, one per fact-check (the newest),
    sorted by id: ``(ids int64, vectors float16 (n, dim), blocks read, largest block id)``."""
    v = t.factcheck_vectors.c
    query = select(v.id, v.count, v.factcheck_ids, v.vectors).where(v.model == model).order_by(v.id)
    rows = conn.execute(query)
    id_parts, vector_parts, blocks, last = [], [], 0, 0
    for row in rows:
        blocks, last = blocks + 1, row.id
        ids = np.frombuffer(row.factcheck_ids, dtype="<i8")
        vectors = np.frombuffer(row.vectors, dtype="<f2")
        if len(ids) != row.count or vectors.size != row.count * dim:
            continue  # a damaged block: its rows are left out of the index
        id_parts.append(ids)
        vector_parts.append(vectors.reshape(row.count, dim))
    if not id_parts:
        return np.zeros(0, np.int64), np.zeros((0, dim), np.float16), blocks, last
    ids = np.concatenate(id_parts).astype(np.int64)
    vectors = np.concatenate(vector_parts).astype(np.float16)
    # the newest vector of each id: unique over the reversed order keeps the last occurrence
    _, last_index = np.unique(ids[::-1], return_index=True)
    keep = len(ids) - 1 - last_index
    present = stored_ids(conn)
    keep = keep[np.isin(ids[keep], present)]
    keep.sort()
    order = np.argsort(ids[keep], kind="stable")
    keep = keep[order]
    return ids[keep], vectors[keep], blocks, last


def stored_ids(conn: Connection) -> np.ndarray:
    """The ids of every stored fact-check, sorted."""
    ids = conn.execute(select(t.factchecks.c.id)).scalars().all()  # unordered: SQLite reads a small index
    return np.sort(np.asarray(ids, dtype=np.int64))


def vector_ids(conn: Connection, model: str) -> np.ndarray:
    """The fact-check ids that have a block of ``model`` (without reading the vectors)."""
    v = t.factcheck_vectors.c
    parts = [
        np.frombuffer(raw, dtype="<i8")
        for raw in conn.execute(select(v.factcheck_ids).where(v.model == model)).scalars()
    ]
    return np.unique(np.concatenate(parts)).astype(np.int64) if parts else np.zeros(0, np.int64)


def missing_ids(conn: Connection, model: str) -> list[int]:
    """Stored fact-checks without a vector of ``model``, by id."""
    return [int(i) for i in np.setdiff1d(stored_ids(conn), vector_ids(conn, model))]


def _embed(texts: list[str]) -> np.ndarray:
    from podium.factchecks.embedding import embed

    return embed(texts)


def import_records(
    corpus: Corpus, records: Iterable[tuple[Any, str]], progress: Progress | None = None
) -> tuple[int, int]:
    """Store ``(FactCheck, source file)`` pairs whose key is new, with their vectors, a batch per
    transaction; returns ``(imported, already there)``. ``progress(n)`` is told of every n records done."""
    from podium.factchecks.embedding import MODEL

    now = datetime.now(UTC)
    imported = present = 0
    batch: dict[str, tuple[Any, str]] = {}

    def flush() -> None:
        nonlocal imported, present
        if not batch:
            return
        with corpus.reading() as conn:
            known = _known(conn, list(batch))
        new = {key: pair for key, pair in batch.items() if key not in known}
        vectors = _embed([record.claim_reviewed for record, _ in new.values()]) if new else None
        stored = 0
        if new:
            with corpus.writing() as conn:
                known |= _known(conn, list(new))  # another importer may have stored some meanwhile
                keys = [key for key in new if key not in known]
                if keys:  # and may store some before this commits (PostgreSQL): those are left to it
                    statement = _insert_new(conn).returning(t.factchecks.c.key, t.factchecks.c.id)
                    ids = dict(conn.execute(statement, [fact_row(*new[key], now) for key in keys]).all())
                    keys = [key for key in keys if key in ids]
                    position = {key: i for i, key in enumerate(new)}
                    assert vectors is not None
                    rows = [position[key] for key in keys]
                    append_block(conn, [ids[key] for key in keys], vectors[rows], MODEL)
                stored = len(keys)
        imported += stored
        present += len(batch) - stored
        if progress is not None:
            progress(len(batch))
        batch.clear()

    for record, source in records:
        key = record.key()
        if key in batch:
            present += 1
            if progress is not None:
                progress(1)
            continue
        batch[key] = (record, source)
        if len(batch) >= BATCH:
            flush()
    flush()
    return imported, present


def embed_missing(corpus: Corpus, progress: Progress | None = None) -> int:
    """Embed the stored fact-checks that have no vector of the current model; returns how many."""
    from podium.factchecks.embedding import MODEL

    with corpus.reading() as conn:
        missing = missing_ids(conn, MODEL)
    f = t.factchecks.c
    for start in range(0, len(missing), BATCH):
        chunk = missing[start : start + BATCH]
        with corpus.reading() as conn:
            rows = conn.execute(select(f.id, f.claim_reviewed).where(f.id.in_(chunk)).order_by(f.id)).all()
        if rows:
            vectors = _embed([r.claim_reviewed for r in rows])
            with corpus.writing() as conn:  # rows deleted meanwhile are dropped when blocks are read
                append_block(conn, [r.id for r in rows], vectors, MODEL)
        if progress is not None:
            progress(len(chunk))
    return len(missing)


def count_missing(corpus: Corpus) -> int:
    from podium.factchecks.embedding import MODEL

    with corpus.reading() as conn:
        return len(missing_ids(conn, MODEL))


def _known(conn: Connection, keys: list[str]) -> set[str]:
    return set(conn.execute(select(t.factchecks.c.key).where(t.factchecks.c.key.in_(keys))).scalars())


def _insert_new(conn: Connection) -> Any:
    """An INSERT into ``factchecks`` that skips a key stored meanwhile by another importer."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert(t.factchecks).on_conflict_do_nothing(index_elements=["key"])


def block_count(conn: Connection, model: str) -> tuple[int, int]:
    """``(blocks of model, largest block id)``: part of the index cache's stamp."""
    v = t.factcheck_vectors.c
    row = conn.execute(select(func.count(), func.max(v.id)).where(v.model == model)).one()
    return int(row[0]), int(row[1] or 0)
