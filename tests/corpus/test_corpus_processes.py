"""`podium corpus` as real processes: the CLI round trip (stored analysis = `podium analyze -f json`),
exports, two `add` processes on one SQLite file, and a `kill -9` in the middle of an add, resumed."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PODIUM = str(Path(sys.executable).parent / "podium")
ENV = {**os.environ, "PODIUM_HELPER": "0"}


def _speeches(folder: Path, count: int, offset: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(offset, offset + count):
        path = folder / f"speech-{i:03d}.txt"
        path.write_text(
            f"Speech number {i}. We rebuilt {100 + i} bridges in {i % 12 + 1} months. "
            f"The council counted {2 * i + 7} new schools and {i + 3} clinics.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _podium(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([PODIUM, *args], capture_output=True, text=True, env=ENV, timeout=600)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def _count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def _check_whole(db: Path) -> None:
    """The file is sound and every stored document is complete (its sentences and claims are there)."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        half = conn.execute(
            "SELECT count(*) FROM documents d "
            "WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)"
        ).fetchone()[0]
        assert half == 0
        texts = conn.execute("SELECT count(DISTINCT content_hash), count(*) FROM documents").fetchone()
        assert texts[0] == texts[1]


def test_cli_round_trip_and_exports(tmp_path: Path, sample_path: Path) -> None:
    db = tmp_path / "podium.db"
    added = _podium("corpus", "add", str(sample_path), "--db", str(db), "--speaker", "A. Minister")
    assert "added 1, skipped 0, failed 0" in added.stderr
    again = _podium("corpus", "add", str(sample_path), "--db", str(db), "--speaker", "A. Minister")
    assert "added 0, skipped 1, failed 0" in again.stderr
    listed = json.loads(_podium("corpus", "list", "--db", str(db), "-f", "json").stdout)
    assert [d["id"] for d in listed] == [1] and listed[0]["speakers"] == ["A. Minister"]
    fresh = _podium("analyze", str(sample_path), "-f", "json", "--speaker", "A. Minister").stdout
    stored = _podium("corpus", "show", "1", "--db", str(db), "-f", "json").stdout
    assert json.loads(stored) == json.loads(fresh)  # the stored analysis, not re-run, is the same
    report = tmp_path / "report.html"
    _podium("corpus", "show", "1", "--db", str(db), "-o", str(report))
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

    _podium("corpus", "export", "--db", str(db), "-f", "jsonl", "-o", str(tmp_path / "dump.jsonl"))
    lines = (tmp_path / "dump.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["corpus"]["id"] == 1
    import jsonschema

    from podium.outputs.json_out import schema

    jsonschema.validate(json.loads(lines[0]), schema())  # each line is a document of the published schema
    _podium("corpus", "export", "--db", str(db), "-f", "csv", "-o", str(tmp_path / "dump.csv"))
    assert (tmp_path / "dump.csv").read_text(encoding="utf-8").startswith("document_id,layer,label")
    _podium("corpus", "export", "--db", str(db), "-f", "parquet", "-o", str(tmp_path / "pq"))
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "pq" / "documents").num_rows == 1  # a shard folder: a folder per table
    assert pq.read_table(tmp_path / "pq" / "claims").num_rows == listed[0]["claims"]

    _podium("corpus", "remove", "1", "--db", str(db))
    assert json.loads(_podium("corpus", "list", "--db", str(db), "-f", "json").stdout) == []


def test_two_add_processes_on_one_sqlite_file(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    a = _speeches(tmp_path / "a", 8)
    b = _speeches(tmp_path / "b", 8, offset=4)  # 4 texts in common with a
    cmd = ["corpus", "add", "--db", str(db), "--only", "quantity", "-q"]
    procs = [
        subprocess.Popen([PODIUM, *cmd, str(folder)], env=ENV, stderr=subprocess.PIPE, text=True)
        for folder in (tmp_path / "a", tmp_path / "b")
    ]
    errors = [p.communicate(timeout=600)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    assert len(a) + len(b) - 4 == _count(db) == 12
    _check_whole(db)


def test_kill_9_in_the_middle_of_an_add_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    _speeches(tmp_path / "many", 40)
    cmd = [PODIUM, "corpus", "add", str(tmp_path / "many"), "--db", str(db), "--only", "quantity", "-q"]
    proc = subprocess.Popen(cmd, env=ENV, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists() and _count_safely(db) >= 3:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = _count(db)
    assert 3 <= stored <= 40
    _check_whole(db)
    rerun = _podium("corpus", "add", str(tmp_path / "many"), "--db", str(db), "--only", "quantity")
    assert f"added {40 - stored}, skipped {stored}, failed 0" in rerun.stderr
    assert _count(db) == 40
    _check_whole(db)


def _count_safely(db: Path) -> int:
    try:
        return _count(db)
    except sqlite3.Error:  # the schema is being created
        return 0


def test_parallel_adds_into_postgresql(tmp_path: Path, pg_url: str) -> None:
    """Two `add` runs at once, one of them with two workers, overlapping: each text stored once."""
    _speeches(tmp_path / "a", 6)
    _speeches(tmp_path / "b", 6, offset=3)
    base = ["corpus", "add", "--db", pg_url, "--only", "quantity", "-q"]
    procs = [
        subprocess.Popen([PODIUM, *base, *extra], env=ENV, stderr=subprocess.PIPE, text=True)
        for extra in ([str(tmp_path / "a"), "-j", "2"], [str(tmp_path / "b")])
    ]
    errors = [p.communicate(timeout=600)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    listed = json.loads(_podium("corpus", "list", "--db", pg_url, "-f", "json").stdout)
    assert len(listed) == 9 and len({d["content_hash"] for d in listed}) == 9
