"""`--engine dask` against a real cluster of processes (a `dask scheduler` and two single-threaded
`dask worker`s on 127.0.0.1): the same stored analyses as the local engine, every document stored exactly
once when a worker is killed mid-run, a document that makes an analyser raise reported while the rest are
stored, a document over ``--timeout`` stopped on its worker, Parquet shards written by the workers and
loaded twice (stored once), JSONL input, and clear errors for an unreachable scheduler or a missing Dask."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from podium.corpus import Corpus
from podium.errors import ExitCode
from tests.engines.cluster import ENV, Cluster, free_port, podium, speeches

pytestmark = pytest.mark.slow


def _stored(db: Path) -> dict[str, dict[str, Any]]:
    """Every stored analysis (what ``corpus show -f json`` prints) by content hash."""
    with Corpus(str(db), create=False) as store:
        return {d["content_hash"]: store.data(d["id"]) for d in store.documents()}


def _counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*), count(DISTINCT content_hash) FROM documents").fetchone()


def _counts_safely(db: Path) -> int:
    try:
        return _counts(db)[0]
    except sqlite3.Error:  # not created yet, or its schema is being created
        return 0


def _jsonl(path: Path, count: int) -> Path:
    lines = [
        json.dumps(
            {
                "text": f"The port of Ost handled {200 + i} ships a day in {2000 + i}. "
                f"We hired {i + 10} new teachers, the council said.",
                "title": f"Briefing {i}",
                "speakers": ["Senator Oren Vask"],
                "date": f"2024-02-{i + 1:02d}",
                "id": f"brief-{i}",
            }
        )
        for i in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_results_equal_the_local_engine(tmp_path: Path, cluster: Cluster) -> None:
    speeches(tmp_path / "in", 5)
    local = podium("corpus", "add", str(tmp_path / "in"), "--db", str(tmp_path / "local.db"))
    dask = podium(
        "corpus", "add", str(tmp_path / "in"), "--db", str(tmp_path / "dask.db"),
        "--engine", "dask", "--scheduler", cluster.address,
    )  # fmt: skip
    assert "added 5, skipped 0, failed 0" in local.stderr
    assert "added 5, skipped 0, failed 0" in dask.stderr
    by_local, by_dask = _stored(tmp_path / "local.db"), _stored(tmp_path / "dask.db")
    assert len(by_local) == 5 and by_local == by_dask  # the same analysis, span for span
    assert all(d["claims"] for d in by_dask.values())  # the full pipeline ran on the workers
    again = podium(
        "corpus", "add", str(tmp_path / "in"), "--db", str(tmp_path / "dask.db"),
        "--engine", "dask", "--scheduler", cluster.address,
    )  # fmt: skip
    assert "added 0, skipped 5, failed 0" in again.stderr  # a re-run resumes: nothing analysed twice


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(
    tmp_path: Path, new_cluster: Callable[[int], Cluster]
) -> None:
    count = 24
    speeches(tmp_path / "in", count)
    db = tmp_path / "killed.db"
    own = new_cluster(2)
    command = ["corpus", "add", str(tmp_path / "in"), "--db", str(db), "--engine", "dask"]
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "podium"), *command, "--scheduler", own.address],
        env=ENV,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        stored = _counts_safely(db)
        if stored >= 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before a worker could be killed"
    own.kill_worker(0)
    stderr = proc.communicate(timeout=600)[1]
    assert proc.returncode == 0, stderr
    assert stored < count
    assert f"added {count}, skipped 0, failed 0" in stderr  # its tasks ran again on the other worker
    assert _counts(db) == (count, count)  # every document exactly once


def test_a_poisoned_document_is_reported_and_the_rest_stored(
    tmp_path: Path, cluster: Cluster, poison_env: dict[str, str]
) -> None:
    paths = speeches(tmp_path / "in", 4)
    paths[2].write_text("POISON. We rebuilt 12 bridges in 2023.\n", encoding="utf-8")
    db = tmp_path / "poison.db"
    result = podium(
        "corpus", "add", str(tmp_path / "in"), "--db", str(db), "--only", "quantity,poison",
        "--engine", "dask", "--scheduler", cluster.address,
        env=poison_env, check=False,
    )  # fmt: skip
    assert result.returncode == ExitCode.PIPELINE, result.stderr
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and "[E602]" in errors[0] and paths[2].name in errors[0]
    assert "RuntimeError" in errors[0] and "Traceback" not in result.stderr
    assert "added 3, skipped 0, failed 1" in result.stderr
    assert _counts(db) == (3, 3)


def test_the_timeout_holds_on_the_workers(
    tmp_path: Path, cluster: Cluster, poison_env: dict[str, str]
) -> None:
    paths = speeches(tmp_path / "in", 3)
    paths[1].write_text("ENDLESS. We rebuilt 12 bridges in 2023.\n", encoding="utf-8")
    db = tmp_path / "endless.db"
    result = podium(
        "corpus", "add", str(tmp_path / "in"), "--db", str(db), "--only", "quantity,poison",
        "--timeout", "2", "--engine", "dask", "--scheduler", cluster.address,
        env=poison_env, check=False,
    )  # fmt: skip
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and "[E015]" in errors[0] and paths[1].name in errors[0], result.stderr
    assert "added 2, skipped 0, failed 1" in result.stderr
    assert _counts(db) == (2, 2)  # the worker was freed: the other documents were stored


def test_jsonl_into_shards_on_the_workers_then_loaded_twice(tmp_path: Path, cluster: Cluster) -> None:
    dump = _jsonl(tmp_path / "dump.jsonl", 6)
    out = tmp_path / "shards"
    analysed = podium(
        "analyze", str(dump), "--format", "parquet", "-o", str(out), "--only", "quantity,time",
        "--engine", "dask", "--scheduler", cluster.address,
    )  # fmt: skip
    assert "added 6, skipped 0, failed 0" in analysed.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "actors", "claims", "documents", "events", "sentences", "spans",
    ]  # fmt: skip
    db = tmp_path / "loaded.db"
    assert "added 6, skipped 0, failed 0" in podium("corpus", "load", str(out), "--db", str(db)).stderr
    assert "added 0, skipped 6, failed 0" in podium("corpus", "load", str(out), "--db", str(db)).stderr
    assert _counts(db) == (6, 6)
    direct = tmp_path / "direct.db"
    podium("corpus", "add", str(dump), "--db", str(direct), "--only", "quantity,time")
    assert _stored(db) == _stored(direct)  # shards then load = corpus add, analysis for analysis
    listed = json.loads(podium("corpus", "list", "--db", str(db), "-f", "json").stdout)
    assert {d["source"] for d in listed} == {f"{dump}:{i}" for i in range(1, 7)}
    resumed = podium(
        "analyze", str(dump), "--format", "parquet", "-o", str(out), "--only", "quantity,time",
        "--engine", "dask", "--scheduler", cluster.address, "--resume",
    )  # fmt: skip
    assert "added 0, skipped 6, failed 0" in resumed.stderr


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path: Path) -> None:
    speeches(tmp_path / "in", 1)
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    result = podium(
        "corpus", "add", str(tmp_path / "in"), "--db", str(tmp_path / "c.db"),
        "--engine", "dask", "--scheduler", address,
        check=False,
    )  # fmt: skip
    assert result.returncode == ExitCode.NETWORK
    assert "[E601]" in result.stderr and address in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_without_dask_installed_the_error_says_how_to_install_it(tmp_path: Path) -> None:
    speeches(tmp_path / "in", 1)
    # an environment where the package cannot be imported: Python treats a None entry in sys.modules so
    code = "import sys; sys.modules['distributed'] = None; from podium.cli import main; main()"
    args = ["corpus", "add", str(tmp_path / "in"), "--db", str(tmp_path / "c.db"), "--engine", "dask"]
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=ENV, timeout=300
    )
    assert result.returncode == ExitCode.USAGE
    assert "[E408]" in result.stderr and "pip install 'podium[dask]'" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_workers_profiler_is_paused_for_the_run_and_restarted_after(
    cluster: Cluster, poison_plugin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the profiler keeps a second-by-second tree of sampled call stacks: on podium's deep analysis it
    # grew each worker by ~17 MB per 1,000 documents, so the engine pauses it while its tasks run
    from podium.engines.dask_engine import DaskEngine

    monkeypatch.syspath_prepend(str(poison_plugin))  # the workers import the probe task from there too
    from podium_poison_test import ProfilerState, profiler_running  # type: ignore[import-not-found]

    engine = DaskEngine(scheduler=cluster.address)
    try:
        assert all(engine.client.run(profiler_running).values())  # a plain dask worker profiles
        finished = list(engine.run(ProfilerState(), range(6)))
        assert [f.error for f in finished] == [None] * 6
        assert [f.result for f in finished] == [False] * 6  # paused on every worker during the run
        assert all(engine.client.run(profiler_running).values())  # and running again afterwards
    finally:
        engine.close()
