"""The single writer stores finished analyses a few at a time: outcomes keep the input order, a text given
twice is stored once, failed and already-stored inputs are reported as before, the claims' vectors
computed on the worker are the ones the writer would compute, and a group whose transaction meets a
concurrent writer is stored one by one (real SQLite files and a real PostgreSQL server)."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from sqlalchemy import select

from podium.corpus import Corpus
from podium.corpus import schema as t
from podium.corpus.adding import Pending, Prepared, store_many
from podium.corpus.writer import claim_vector_bytes, content_hash, insert_document
from podium.errors import PodiumError

pytestmark = pytest.mark.slow


def _item(name: str, data: dict[str, Any], vectors: bool = True) -> Prepared:
    return Prepared(
        f"{name}.txt",
        content_hash(data["text"]),
        data,
        ["test"],
        vectors=claim_vector_bytes(data) if vectors else None,
    )


def test_a_group_keeps_order_and_stores_each_text_once(
    db_url: str, analysed: dict[str, dict[str, Any]]
) -> None:
    with Corpus(db_url) as store:
        earlier, _ = store.add(analysed["third"])
        failed = Prepared("broken.txt", error=PodiumError("E001", path="broken.txt"))
        items = [
            _item("first", analysed["first"]),
            failed,
            _item("second", analysed["second"], vectors=False),
            _item("first-again", analysed["first"]),
            _item("third", analysed["third"]),
        ]
        outcomes = store_many(store, items)
        assert [(o.source, o.status) for o in outcomes] == [
            ("first.txt", "added"),
            ("broken.txt", "failed"),
            ("second.txt", "added"),
            ("first-again.txt", "skipped"),
            ("third.txt", "skipped"),
        ]
        assert outcomes[3].document_id == outcomes[0].document_id
        assert outcomes[4].document_id == earlier
        assert outcomes[0].words == len(analysed["first"]["text"].split())
        assert sorted(d["id"] for d in store.documents()) == sorted(
            [earlier, outcomes[0].document_id, outcomes[2].document_id]
        )
        for outcome, name in ((outcomes[0], "first"), (outcomes[2], "second")):
            assert store.data(outcome.document_id or 0) == analysed[name]


def test_vectors_from_the_worker_are_the_writers_own(
    db_url: str, analysed: dict[str, dict[str, Any]]
) -> None:
    with Corpus(db_url) as store:
        given, _ = store.add(analysed["first"], vectors=claim_vector_bytes(analysed["first"]))
        with store.writing() as conn:  # the same text stored again by the writer alone, under another hash
            data = {**analysed["first"], "text": analysed["first"]["text"] + " "}
            own = insert_document(conn, data, [])
        c = t.claims.c
        with store.reading() as conn:
            query = select(c.vector).order_by(c.rank)
            vectors = {
                doc: list(conn.execute(query.where(c.document_id == doc)).scalars()) for doc in (given, own)
            }
    assert vectors[given] and vectors[given] == vectors[own]
    assert len(vectors[given]) == len(analysed["first"]["claims"])


def test_pending_is_due_by_count_words_or_age(analysed: dict[str, dict[str, Any]]) -> None:
    item = _item("first", analysed["first"], vectors=False)
    words = len(analysed["first"]["text"].split())
    by_count = Pending(max_docs=2, max_words=10**6, max_wait=60)
    by_count.put(item)
    assert not by_count.due()
    by_count.put(item)
    assert by_count.due() and len(by_count.take()) == 2 and not by_count.due()
    by_words = Pending(max_docs=100, max_words=words, max_wait=60)
    by_words.put(item)
    assert by_words.due()
    by_age = Pending(max_docs=100, max_words=10**6, max_wait=0.05)
    by_age.put(Prepared("broken.txt", error=PodiumError("E001", path="broken.txt")))
    assert not by_age.due()
    time.sleep(0.06)
    assert by_age.due()


def test_a_group_that_meets_a_concurrent_writer_is_stored_one_by_one(
    pg_url: str, analysed: dict[str, dict[str, Any]]
) -> None:
    """Another writer inserts 'first' and holds its transaction open; the group (first, second) blocks
    on the unique content hash, fails when the other commits, and is stored again one by one: 'first'
    counts as skipped (the other writer's), 'second' is added."""
    import psycopg

    with Corpus(pg_url) as other, Corpus(pg_url) as store:
        outcomes: list[Any] = []
        group = threading.Thread(
            target=lambda: outcomes.extend(
                store_many(store, [_item("first", analysed["first"]), _item("second", analysed["second"])])
            )
        )
        with other.writing() as conn:
            theirs = insert_document(conn, analysed["first"], [])
            group.start()
            raw = pg_url.replace("postgresql+psycopg://", "postgresql://")
            with psycopg.connect(raw, autocommit=True) as watch:
                for _ in range(200):  # until the group's insert waits for this transaction's lock
                    waiting = watch.execute(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND wait_event_type = 'Lock'"
                    ).fetchone()
                    if waiting and waiting[0]:
                        break
                    time.sleep(0.05)
                else:
                    pytest.fail("the group never waited for the other writer")
        group.join(timeout=30)
        assert [(o.source, o.status) for o in outcomes] == [("first.txt", "skipped"), ("second.txt", "added")]
        assert outcomes[0].document_id == theirs
        assert len(store.documents()) == 2


def test_rates_count_from_the_first_group_whole() -> None:
    """A group stored together counts as the start of the run: the documents/s are those finished after
    it, never the group's own, which arrive at one instant."""
    from podium.engines.progress import RunProgress

    with RunProgress(40, "adding", quiet=True) as progress:
        progress.record_many([("added", 10, None)] * 16)
        assert progress.tally.rates() == (0.0, 0.0)
        time.sleep(0.2)
        progress.record_many([("added", 10, None)] * 3 + [("skipped", 0, None)])
    tally = progress.tally
    assert (tally.added, tally.skipped, tally.words) == (19, 1, 190)
    assert (tally.first_done, tally.first_words) == (16, 160)
    docs, words = tally.rates()
    seconds = (tally.last or 0) - (tally.first or 0)
    assert docs == pytest.approx(4 / seconds) and words == pytest.approx(30 / seconds)
