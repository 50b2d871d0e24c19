"""Fact-check vectors in the database and the matching index cache, on SQLite and PostgreSQL: every
imported row gets its vector in the same transaction (a killed import leaves none without), re-imports
embed nothing again, older rows are embedded later, and the index cache is rebuilt when stale or damaged.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from podium.cli import main
from podium.corpus import Corpus
from podium.corpus import schema as t
from podium.corpus.engine import connect, resolve
from podium.corpus.factcheck_index import cache_root, current_stamp, load_cached
from podium.corpus.factcheck_store import insert_factchecks
from podium.corpus.factcheck_vectors import missing_ids, vector_ids
from podium.factchecks import FactCheck
from podium.factchecks.embedding import DIM, MODEL
from podium.factchecks.matcher import Query

CHECKS = [
    FactCheck("Engineers rebuilt 300 bridges in the valley after the flood", "mixed", "Half true",
              "Valley Desk", "https://desk.example/bridges", "2024-04-01", "Alda Brenn"),
    FactCheck("Unemployment fell to 5 percent in 2024", "true", "True", "Valley Desk",
              "https://desk.example/jobs", "2024-06-20", "Alda Brenn"),
    FactCheck("The port of Ost handles one million barrels of oil a day", "mostly_false", "Misleading",
              "Harbour Check", "https://harbour.example/ost", "2024-07-01", "Alda Brenn"),
]  # fmt: skip
MORE = [
    FactCheck("The northern railway carried twelve million passengers last year", "false", "Pants on Fire",
              "Rail Watch", "https://rail.example/passengers", "2024-02-11", "Oren Vask"),
    FactCheck("Wheat prices doubled in the spring of 2023", "mostly_true", "Mostly true", "Farm Facts",
              "https://farm.example/wheat", "2023-09-01", "Oren Vask"),
]  # fmt: skip


@pytest.fixture(autouse=True)
def _cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PostgreSQL's index cache goes under XDG_CACHE_HOME: a folder of this test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _vector_rows(store: Corpus) -> tuple[int, int]:
    """(blocks, vectors in all blocks)."""
    v = t.factcheck_vectors.c
    with store.reading() as conn:
        blocks, rows = conn.execute(select(func.count(), func.sum(v.count))).one()
    return int(blocks), int(rows or 0)


def _pairs(records: list[FactCheck]) -> list[tuple[FactCheck, str]]:
    return [(r, "test") for r in records]


def test_import_stores_a_unit_vector_per_row_and_reimport_adds_nothing(db_url: str) -> None:
    with Corpus(db_url) as store:
        assert store.add_factchecks(_pairs(CHECKS)) == (3, 0)
        with store.reading() as conn:
            assert missing_ids(conn, MODEL) == []
            v = t.factcheck_vectors.c
            block = conn.execute(select(v.model, v.count, v.factcheck_ids, v.vectors)).one()
            ids = sorted(r.id for r in conn.execute(select(t.factchecks.c.id)))
        assert block.model == MODEL and block.count == 3
        assert sorted(np.frombuffer(block.factcheck_ids, "<i8").tolist()) == ids
        vectors = np.frombuffer(block.vectors, "<f2").reshape(3, DIM).astype(np.float32)
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-2)
        assert store.add_factchecks(_pairs(CHECKS)) == (0, 3)
        assert _vector_rows(store) == (1, 3)  # nothing embedded again


def test_rows_without_vectors_are_embedded_on_the_next_match(db_url: str) -> None:
    with Corpus(db_url) as store:
        with store.writing() as conn:  # as an import before vectors existed stored them
            insert_factchecks(conn, _pairs(CHECKS))
        with store.reading() as conn:
            assert len(missing_ids(conn, MODEL)) == 3
        found = store.match([Query("Our engineers have rebuilt 300 bridges since the flood.")], threshold=0.0)
        with store.reading() as conn:
            assert missing_ids(conn, MODEL) == []
            bridges = conn.execute(
                select(t.factchecks.c.id).where(t.factchecks.c.url == "https://desk.example/bridges")
            ).scalar_one()
        assert found[0] and found[0][0].factcheck_id == bridges


def test_stale_cache_is_rebuilt_after_a_new_import(db_url: str, tmp_path: Path) -> None:
    with Corpus(db_url) as store:
        store.add_factchecks(_pairs(CHECKS))
        first = store.factcheck_index()
        root = cache_root(store.url)
        assert root is not None and len(first) == 3
        assert [p.name for p in root.iterdir()] == [_stamp_key(store)]
        store.add_factchecks(_pairs(MORE))
        assert len(store.factcheck_index()) == 5
        assert [p.name for p in root.iterdir()] == [_stamp_key(store)]  # the stale one is gone
        query = Query("Last year the northern railway carried twelve million passengers.")
        best = store.match([query], threshold=0.0)[0][0]
        assert store.factcheck_details([best.factcheck_id])[best.factcheck_id]["publisher"] == "Rail Watch"


def _stamp_key(store: Corpus) -> str:
    with store.reading() as conn:
        return current_stamp(conn).key()


def _damage_truncate(folder: Path) -> None:
    data = (folder / "vectors.npy").read_bytes()
    (folder / "vectors.npy").write_bytes(data[: len(data) // 2])


def _damage_reorder(folder: Path) -> None:  # same size, postings out of order
    indptr = np.load(folder / "bm25_indptr.npy")
    np.save(folder / "bm25_indptr.npy", indptr[::-1].copy())


def _damage_postings(folder: Path) -> None:  # same size and order, rows out of range: fails in search
    docs = np.load(folder / "bm25_docs.npy")
    np.save(folder / "bm25_docs.npy", np.full_like(docs, 1_000_000))


def _damage_manifest(folder: Path) -> None:
    (folder / "cache.json").unlink()


def _damage_folder(folder: Path) -> None:  # the cache root is a file: nothing can be cached
    root = folder.parent
    for entry in root.iterdir():
        for file in entry.iterdir():
            file.unlink()
        entry.rmdir()
    root.rmdir()
    root.write_text("not a folder", encoding="utf-8")


@pytest.mark.parametrize(
    "damage", [_damage_truncate, _damage_reorder, _damage_postings, _damage_manifest, _damage_folder]
)
def test_damaged_cache_is_rebuilt_never_a_crash(damage: object, tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    with Corpus(db) as store:
        store.add_factchecks(_pairs(CHECKS))
        store.factcheck_index()
        folder = tmp_path / "f.db.factchecks-index" / _stamp_key(store)
        assert load_cached(folder) is not None
    damage(folder)  # type: ignore[operator]
    with Corpus(db) as store:  # a new process would open it like this
        found = store.match([Query("Unemployment fell to 5 percent this year.")], threshold=0.0)
        assert (
            store.factcheck_details([found[0][0].factcheck_id])[found[0][0].factcheck_id]["rating"] == "true"
        )
    if folder.parent.is_dir():
        assert load_cached(folder) is not None  # rebuilt in place


def test_postgresql_cache_lives_under_xdg_cache_home_keyed_without_password(tmp_path: Path) -> None:
    one = cache_root(resolve("postgresql://podium:secret@db.example:5432/news"))
    two = cache_root(resolve("postgresql://podium:other@db.example:5432/news"))
    three = cache_root(resolve("postgresql://podium@db.example:5432/archive"))
    assert one == two != three
    assert one is not None and one.parent == tmp_path / "cache" / "podium"
    assert "secret" not in str(one)
    assert cache_root(resolve(str(tmp_path / "x.db"))) == tmp_path / "x.db.factchecks-index"


SMALL_BATCH_IMPORT = """
import sys
from podium.corpus import factcheck_vectors
factcheck_vectors.BATCH = 4  # many small transactions: a kill lands between two, importers interleave
from podium.cli import main
main(["factchecks", "import", sys.argv[1], "--db", sys.argv[2], "-q"])
"""


def _count(db_url: str) -> int:
    url = resolve(db_url)
    engine = connect(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t.factchecks)).scalar_one())
    except Exception:  # the importer has not created the table yet
        return 0
    finally:
        engine.dispose()


def test_import_killed_midway_leaves_no_row_without_its_vector(db_url: str, tmp_path: Path) -> None:
    rows = [
        f"Claim {i}: the valley built {i * 7} new schools,True,https://desk.example/{i},2024-01-01"
        for i in range(40)
    ]
    path = tmp_path / "many.csv"
    path.write_text("claim,verdict,url,date\n" + "\n".join(rows) + "\n", encoding="utf-8")
    env = {**os.environ, "PODIUM_HELPER": "0"}
    process = subprocess.Popen([sys.executable, "-c", SMALL_BATCH_IMPORT, str(path), db_url], env=env)
    try:
        deadline = time.monotonic() + 240
        while _count(db_url) == 0 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL
    with Corpus(db_url) as store, store.reading() as conn:
        stored = _count(db_url)
        assert 0 < stored < 40  # killed midway
        assert missing_ids(conn, MODEL) == []  # yet every stored row has its vector
        assert len(vector_ids(conn, MODEL)) == stored
    result = CliRunner().invoke(main, ["factchecks", "import", str(path), "--db", db_url, "-q"])
    assert result.exit_code == 0, result.output
    assert f"imported {40 - stored}, already there {stored}" in result.stderr
    with Corpus(db_url) as store:
        with store.reading() as conn:
            assert missing_ids(conn, MODEL) == []
        assert _vector_rows(store)[1] == 40  # each row embedded once


def test_two_importers_at_once_store_each_row_once(db_url: str, tmp_path: Path) -> None:
    rows = [
        f"Claim {i}: the port moved {i * 11} containers,False,https://desk.example/c{i},2024-02-01"
        for i in range(24)
    ]
    path = tmp_path / "same.csv"
    path.write_text("claim,verdict,url,date\n" + "\n".join(rows) + "\n", encoding="utf-8")
    Corpus(db_url).close()  # the schema exists before both start
    env = {**os.environ, "PODIUM_HELPER": "0"}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", SMALL_BATCH_IMPORT, str(path), db_url], env=env, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    errors = [run.communicate(timeout=600)[1].decode() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    with Corpus(db_url) as store, store.reading() as conn:
        assert _count(db_url) == 24
        assert missing_ids(conn, MODEL) == []
        assert len(vector_ids(conn, MODEL)) == 24


def test_index_holds_the_rows_with_vectors_texts_aligned(db_url: str) -> None:
    with Corpus(db_url) as store:
        with store.writing() as conn:  # stored without a vector, before and after the others
            insert_factchecks(conn, _pairs(MORE[:1]))
        store.add_factchecks(_pairs(CHECKS))
        with store.writing() as conn:
            insert_factchecks(conn, _pairs(MORE[1:]))
        index = store.factcheck_index()
        with store.reading() as conn:
            ids = dict(conn.execute(select(t.factchecks.c.url, t.factchecks.c.id)).all())
    assert sorted(index.ids.tolist()) == sorted(ids[c.url] for c in CHECKS)
    row = {int(i): r for r, i in enumerate(index.ids)}
    for check, words in zip(
        CHECKS, ("bridges flood", "unemployment percent", "port Ost barrels"), strict=True
    ):
        assert int(np.argmax(index.lexical.scores(words))) == row[ids[check.url]]
