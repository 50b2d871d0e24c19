"""Parquet shards: an analysis survives the trip through the documented tables unchanged, parts are
complete or invisible, `corpus export -f parquet` and `corpus load` move a corpus between databases
(SQLite and PostgreSQL), loading twice stores once, and damaged shards are reported, not loaded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from podium.corpus import Corpus
from podium.corpus.export import export
from podium.corpus.loading import run_load
from podium.corpus.writer import content_hash
from podium.engines import shards
from podium.errors import PodiumError

pytestmark = pytest.mark.slow  # the speeches are analysed by the full pipeline once


def _write(folder: Path, name: str, docs: list[dict[str, Any]]) -> None:
    parts = [shards.rows(d, ["test"], content_hash(d["text"])) for d in docs]
    shards.write_part(folder, name, shards.merge(parts))


def test_an_analysis_survives_the_tables_unchanged(
    tmp_path: Path, analysed: dict[str, dict[str, Any]]
) -> None:
    docs = list(analysed.values())
    _write(tmp_path, "one", docs)
    back = list(shards.read_part(tmp_path, "one"))
    assert [problem for *_, problem in back] == [None] * len(docs)
    assert [data for _, data, _, _ in back] == docs  # every span, claim, event and actor record as it was
    assert {tuple(a) for _, _, a, _ in back} == {("test",)}
    import pyarrow.parquet as pq

    for table in shards.TABLES:  # the documented columns, and the text of every offset range
        read = pq.read_table(tmp_path / table / "part-one.parquet")
        assert read.schema.names == [name for name, _ in shards.SCHEMA[table]]
    spans = pq.read_table(tmp_path / "spans" / "part-one.parquet").to_pylist()
    texts = {content_hash(d["text"]): d["text"] for d in docs}
    assert spans and all(texts[s["content_hash"]][s["start"] : s["end"]] == s["text"] for s in spans)


def test_a_part_without_its_documents_file_is_not_there(
    tmp_path: Path, analysed: dict[str, dict[str, Any]]
) -> None:
    _write(tmp_path, "done", [analysed["first"]])
    _write(tmp_path, "cut", [analysed["second"]])
    (tmp_path / "documents" / "part-cut.parquet").unlink()  # as if its writer died before the last file
    assert shards.part_names(tmp_path) == ["done"]
    assert shards.stored_hashes(tmp_path) == {content_hash(analysed["first"]["text"])}
    assert not any(p.name.endswith(".tmp") for p in tmp_path.rglob("*"))  # no temporary file left behind


def test_export_then_load_moves_a_corpus_and_loading_twice_stores_once(
    tmp_path: Path, db_url: str, analysed: dict[str, dict[str, Any]]
) -> None:
    source = tmp_path / "source.db"
    with Corpus(str(source)) as corpus:
        for data in analysed.values():
            corpus.add(data, ["test"])
        assert export(corpus, "parquet", tmp_path / "out") == 3
        before = {d["content_hash"]: corpus.data(d["id"]) for d in corpus.documents()}
    with Corpus(db_url) as target:
        first = run_load(target, tmp_path / "out", quiet=True)
        second = run_load(target, tmp_path / "out", quiet=True)
        after = {d["content_hash"]: target.data(d["id"]) for d in target.documents()}
    assert (first.added, first.skipped, first.failed) == (3, 0, 0)
    assert (second.added, second.skipped, second.failed) == (0, 3, 0)
    assert after == before


def test_damaged_shards_are_reported_and_the_rest_loaded(
    tmp_path: Path, analysed: dict[str, dict[str, Any]]
) -> None:
    folder = tmp_path / "shards"
    _write(folder, "a", [analysed["first"]])
    _write(folder, "b", [analysed["second"]])
    _write(folder, "c", [analysed["third"]])
    (folder / "spans" / "part-b.parquet").write_bytes(b"not parquet")  # a damaged file
    tampered = {**analysed["third"], "text": analysed["third"]["text"].replace("400", "999")}
    rows = shards.rows(tampered, ["test"], content_hash(analysed["third"]["text"]))  # text and hash disagree
    shards.write_part(folder, "c", rows)
    with Corpus(str(tmp_path / "c.db")) as corpus:
        tally = run_load(corpus, folder, quiet=True)
        stored = [d["content_hash"] for d in corpus.documents()]
    assert (tally.added, tally.failed) == (1, 2)
    assert [e.code for e in tally.failures] == ["E605", "E605"]
    assert stored == [content_hash(analysed["first"]["text"])]


def test_a_folder_that_holds_no_shards_is_one_clear_error(tmp_path: Path) -> None:
    for folder in (tmp_path / "missing", tmp_path):
        with pytest.raises(PodiumError) as caught:
            shards.check_folder(folder)
        assert caught.value.code == "E605"
