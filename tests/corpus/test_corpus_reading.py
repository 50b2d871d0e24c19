"""Reading a stored document back fast, on real SQLite files and a real PostgreSQL server: ``stored``
gives the Document and its JSON data from one read, equal to ``get`` and ``data``; ``prepare`` (a
server's start-up) reads nothing and changes nothing; JSON columns decoded all at once give what one
``json.loads`` per value gives."""

from __future__ import annotations

import json
from typing import Any

import pytest

from podium.corpus import Corpus
from podium.corpus.reader import _decoded, document_data, prepare
from podium.outputs import render
from podium.outputs.json_out import to_dict

pytestmark = pytest.mark.slow


def test_stored_is_get_and_data_from_one_read(db_url: str, analysed: dict[str, dict[str, Any]]) -> None:
    with Corpus(db_url) as store:
        ids = [store.add(analysed[name], ["test"])[0] for name in ("first", "third")]
        for document_id, name in zip(ids, ("first", "third"), strict=True):
            doc, data = store.stored(document_id)
            assert data == analysed[name] == store.data(document_id) == to_dict(doc)
            for fmt in ("json", "md", "csv", "html"):
                assert render(doc, fmt) == render(store.get(document_id), fmt)


def test_prepare_reads_nothing_and_changes_nothing(db_url: str, analysed: dict[str, dict[str, Any]]) -> None:
    with Corpus(db_url) as store:
        with store.reading() as conn:
            prepare(conn)  # an empty corpus
        document_id = store.add(analysed["second"])[0]
        stamp = store.stamp()
        with store.reading() as conn:
            prepare(conn)
            assert document_data(conn, 0) is None
        assert store.stamp() == stamp and [d["id"] for d in store.documents()] == [document_id]
        assert store.data(document_id) == analysed["second"]


def test_json_values_decoded_at_once_are_those_decoded_one_by_one() -> None:
    values: list[Any] = [{}, {"type": "other"}, None, [1, 2.5, "x"], 'a, "b"]', {"k": ["\u2028", "é", {}]}, 0]
    texts: list[str | None] = [json.dumps(v, ensure_ascii=False) for v in values]
    texts[2] = None  # SQL NULL reads as None
    assert _decoded(texts) == values
    assert _decoded([]) == []
    with pytest.raises(json.JSONDecodeError):  # two values in one column: an error, as one by one
        _decoded(['{"a": 1}', "1, 2"])
