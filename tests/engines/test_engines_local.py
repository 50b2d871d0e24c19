"""The local engine and the engine options: results in input order from this process or from worker
processes, a task that raises costs its item only (E602), a worker that dies costs only what it had in
flight (E603) and a fresh pool takes the rest; options that need Dask say so; JSONL through `corpus add`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from podium.cli import main
from podium.engines.local import LocalEngine
from podium.errors import ExitCode


class Square:
    """A task: squares numbers; raises on 13; ends its own process on -1 (as an out-of-memory kill would)."""

    def __init__(self) -> None:
        self.ready = False

    def setup(self) -> None:
        self.ready = True

    def __call__(self, item: int) -> tuple[int, int]:
        assert self.ready, "setup() runs before the first item"
        if item == 13:
            raise ValueError("thirteen")
        if item == -1:
            os._exit(9)
        return item * item, os.getpid()

    def label(self, item: int) -> str:
        return f"item {item}"


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_in_input_order_and_a_raising_item_costs_only_itself(jobs: int) -> None:
    engine = LocalEngine(jobs, in_flight=3)
    done = list(engine.run(Square(), iter(range(20))))
    assert [f.item for f in done] == list(range(20))
    assert [f.result[0] for f in done if f.result] == [i * i for i in range(20) if i != 13]
    failed = [f for f in done if f.error is not None]
    assert (
        len(failed) == 1 and failed[0].error.code == "E602" and "ValueError: thirteen" in str(failed[0].error)
    )
    pids = {f.result[1] for f in done if f.result}
    # With two workers both usually take items, but on a loaded machine one may take them all first.
    assert (os.getpid() in pids) == (jobs == 1) and 1 <= len(pids) <= jobs


def test_a_dead_worker_costs_its_items_in_flight_and_a_new_pool_goes_on() -> None:
    engine = LocalEngine(2, in_flight=2)
    items = [1, 2, 3, -1, 5, 6, 7, 8, 9, 10]
    done = list(engine.run(Square(), iter(items)))
    assert [f.item for f in done] == items
    lost = [f.item for f in done if f.error is not None]
    assert -1 in lost and len(lost) <= 3  # the killer and what was in flight beside it
    assert all(f.error.code == "E603" for f in done if f.error is not None)
    assert [f.item for f in done if f.result][-3:] == [8, 9, 10]  # the run went on after it
    assert len({f.result[1] for f in done if f.result and f.item > 5}) >= 1


def test_engine_options_that_need_dask_say_so(tmp_path: Path, runner: CliRunner) -> None:
    speech = tmp_path / "speech.txt"
    speech.write_text("We rebuilt 40 bridges in 2023.\n", encoding="utf-8")
    cases = [
        ["corpus", "add", str(speech), "--db", str(tmp_path / "c.db"), "--scheduler", "tcp://127.0.0.1:1"],
        ["corpus", "add", str(speech), "--db", str(tmp_path / "c.db"), "--workers", "2"],
        ["analyze", str(speech), str(speech), "-o", str(tmp_path / "out"), "--workers", "2"],
        ["analyze", str(speech), "--engine", "dask", "-f", "json", "-o", str(tmp_path / "x.json")],
        ["analyze", str(speech), "-f", "parquet"],
        ["analyze", str(speech), "-f", "parquet", "-o", str(tmp_path / "s"), "--factchecks", "x.db"],
        ["analyze", "-", "-f", "parquet", "-o", str(tmp_path / "s"), "--engine", "dask"],
    ]
    for args in cases:
        result = runner.invoke(main, args)
        assert result.exit_code == ExitCode.USAGE, (args, result.output)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    nothing = runner.invoke(main, ["analyze", "-f", "parquet", "-o", str(tmp_path / "s")])
    assert nothing.exit_code == ExitCode.USAGE and "--from-list" in nothing.stderr  # click's usage error
    assert not any(tmp_path / name for name in ("c.db", "out", "s", "x.json") if (tmp_path / name).exists())


def test_the_cli_imports_no_engine_at_start_up() -> None:
    heavy = "('dask', 'distributed', 'pyarrow')"
    code = f"import sys, podium.cli; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.slow
def test_a_jsonl_dump_into_the_corpus_and_into_shards_locally(tmp_path: Path, runner: CliRunner) -> None:
    dump = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"text": f"We rebuilt {40 + i} bridges in 2023.", "title": f"T{i}"}) for i in range(3)
    ]
    dump.write_text("\n".join([lines[0], "{broken", lines[1], lines[2], lines[0]]) + "\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    added = runner.invoke(main, ["corpus", "add", str(dump), "--db", db, "--only", "quantity", "-j", "2"])
    assert added.exit_code == ExitCode.INPUT, added.output
    assert "[E604]" in added.stderr and "dump.jsonl: line 2" in added.stderr
    assert "added 3, skipped 1, failed 1" in added.stderr  # line 5 repeats line 1: stored once
    listed = json.loads(runner.invoke(main, ["corpus", "list", "--db", db, "-f", "json"]).output)
    assert [d["source"] for d in listed] == [f"{dump}:1", f"{dump}:3", f"{dump}:4"]
    assert [d["title"] for d in listed] == ["T0", "T1", "T2"]
    out = tmp_path / "shards"
    args = ["analyze", str(dump), "-f", "parquet", "-o", str(out), "--only", "quantity"]
    first = runner.invoke(main, args)
    assert first.exit_code == ExitCode.INPUT and "added 4, skipped 0, failed 1" in first.stderr
    refused = runner.invoke(main, args)
    assert refused.exit_code == ExitCode.OUTPUT and "[E606]" in refused.stderr
    resumed = runner.invoke(main, [*args, "--resume"])
    assert "added 0, skipped 4, failed 1" in resumed.stderr
    loaded = runner.invoke(main, ["corpus", "load", str(out), "--db", db])
    assert loaded.exit_code == 0 and "added 0, skipped 4, failed 0" in loaded.stderr
