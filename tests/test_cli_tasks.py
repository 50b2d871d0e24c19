"""The shared-task commands: `podium checkworthy --checkthat` and `podium techniques --ptc` (load models)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from podium.cli import main
from podium.errors import ExitCode

pytestmark = pytest.mark.slow

DEBATE = (
    "1\tMODERATOR\tGood evening and welcome to the debate.\t0\n"
    "2\tMODERATOR\tOur first question is on the economy.\t0\n"
    "3\tSMITH\tThank you.\t0\n"
    "4\tSMITH\tUnemployment fell from 9 percent to 4 percent in the last three years.\t1\n"
    "5\tJONES\tThat is simply not true, and you know it.\t0\n"
    "6\tJONES\tWe lost 300,000 manufacturing jobs in 2019 alone.\t1\n"
)


def test_checkworthy_scores_every_line_as_given(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "debates"
    src.mkdir()
    (src / "d1.tsv").write_text(DEBATE)
    (src / "d2.tsv").write_text(DEBATE.replace("SMITH", "LEE"))
    (src / "notes.txt").write_text("ignored")
    out = tmp_path / "scores"
    result = runner.invoke(main, ["checkworthy", "--checkthat", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["d1.tsv", "d2.tsv"]
    rows = [line.split("\t") for line in (out / "d1.tsv").read_text().splitlines()]
    assert [r[0] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    scores = {int(r[0]): float(r[1]) for r in rows}
    assert all(0.0 <= s <= 1.0 for s in scores.values())
    assert min(scores[4], scores[6]) > max(scores[1], scores[3])  # numeric past claims above pleasantries


def test_checkworthy_bad_line_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "d"
    src.mkdir()
    (src / "good.tsv").write_text(DEBATE)
    (src / "bad.tsv").write_text("1\tA\tfine\t0\nthis line is broken\n")
    out = tmp_path / "scores"
    result = runner.invoke(main, ["checkworthy", "--checkthat", str(src), "-o", str(out)])
    assert result.exit_code == ExitCode.INPUT and "[E012]" in result.stderr and "bad.tsv" in result.stderr
    assert not out.exists() or list(out.iterdir()) == []


def test_techniques_writes_ptc_label_files(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "articles"
    src.mkdir()
    text = (
        "Traitors and cowards run this country.\r\n\r\n"
        "Make our nation great again! Make our nation great again!\n"
        "Either you stand with us, or you stand with the terrorists.\n"
    )
    (src / "article101.txt").write_bytes(text.encode("utf-8"))
    out = tmp_path / "out"
    result = runner.invoke(main, ["techniques", "--ptc", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    si = [line.split("\t") for line in (out / "si.labels").read_text().splitlines()]
    tc = [line.split("\t") for line in (out / "tc.labels").read_text().splitlines()]
    assert si and tc
    for row in si:
        assert row[0] == "101" and 0 <= int(row[1]) < int(row[2]) <= len(text)
    from podium.resources.techniques.explanations import EXPLANATIONS

    assert all(len(row) == 4 and row[1] in EXPLANATIONS for row in tc)
    assert {(row[2], row[3]) for row in tc} <= {(row[1], row[2]) for row in si}


def test_techniques_missing_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["techniques", "--ptc", str(tmp_path / "nope"), "-o", str(tmp_path / "o")])
    assert result.exit_code == ExitCode.INPUT and "[E301]" in result.stderr
