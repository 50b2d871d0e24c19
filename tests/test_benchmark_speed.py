"""benchmarks/speed.py runs on the bundled sample and prints every part of its report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_speed_report_has_each_measure_and_each_analyser() -> None:
    script = REPO / "benchmarks" / "speed.py"
    sample = REPO / "samples" / "speech-harbor-accord.txt"
    out = subprocess.run(
        [sys.executable, str(script), str(sample), "--only", "hedge,quantity", "--repeat", "2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    for line in ("start-up", "ingestion+segmentation", "full pipeline", "fastest", "peak memory"):
        assert line in out.stdout
    per = out.stdout.split("per analyser", 1)[1].splitlines()[1:]
    names = [row.split()[0] for row in per if row.strip()]
    assert sorted(names) == ["hedge", "quantity"]
    assert all(row.strip().endswith("ms") for row in per if row.strip())
