"""Generated hostile inputs through the real ``podium`` command (a subprocess): exit 0 or an input
error, one line per failing input, no traceback, no file left by a failure, valid files for the rest."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fuzz.cases import CHEAP, READERS, make_case
from tests.fuzz.harness import check_output

PODIUM = [sys.executable, "-c", "from podium.cli import main; main()"]
CASES = 27  # three per reader, in one batch run


def _run(args: list[str], cwd: Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PODIUM_HELPER": "0"}
    cmd = [*PODIUM, "analyze", *args, "--only", ",".join(CHEAP), "-q"]
    return subprocess.run(cmd, cwd=cwd, env=env, input=stdin, capture_output=True, check=False, timeout=600)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "csv", "graphml"])
def test_a_batch_of_hostile_files_through_the_command(tmp_path: Path, fmt: str) -> None:
    rng = random.Random(f"cli-{fmt}")
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(CASES):
        case = make_case(rng, READERS[number % len(READERS)])
        suffix = (
            case.suffix
            if case.suffix in (".txt", ".html", ".pdf", ".docx", ".srt", ".vtt", ".tsv")
            else ".txt"
        )
        (inputs / f"case{number:02d}{suffix}").write_bytes(case.data)
    result = _run([str(inputs), "-f", fmt, "-o", str(tmp_path / "out")], tmp_path)
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode in (0, 3), err
    assert "Traceback" not in err
    failed = [line for line in err.splitlines() if line.startswith("podium: error: [E")]
    assert len(failed) == len(err.splitlines())  # every line of stderr is one error
    written = sorted((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else []
    assert len(written) + len(failed) == CASES
    for path in written:
        check_output(path.read_text(encoding="utf-8"), fmt)
    assert not [p for p in (tmp_path / "out").glob(".*")] if written else True  # no temporary files


@pytest.mark.slow
def test_hostile_stdin_through_the_command(tmp_path: Path) -> None:
    case = make_case(random.Random("cli-stdin"), "stdin")
    result = _run(["-", "-f", "html"], tmp_path, stdin=case.data + b"\n<script>alert(1)</script> 40 schools")
    assert result.returncode in (0, 3) and b"Traceback" not in result.stderr
    if result.returncode == 0:
        check_output(result.stdout.decode("utf-8"), "html")
