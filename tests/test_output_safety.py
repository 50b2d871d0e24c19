"""podium never loses the user's data: an output path that is an input, a link, a pipe or a device is
refused with a coded error before any work, and '-o -' means standard output."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from podium.cli import main
from podium.errors import ExitCode

SPEECH = "We built 300 schools in two years. Our opponents closed 40 of them.\n"


def _speech(folder: Path, name: str = "speech.txt", text: str = SPEECH) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _analyze(runner: CliRunner, *args: str) -> object:
    return runner.invoke(main, ["analyze", *args, "--only", "quantity"])


def _refused(result: object, code: str) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]  # type: ignore[attr-defined]
    assert result.exit_code == ExitCode.OUTPUT, result.output  # type: ignore[attr-defined]
    assert len(lines) == 1 and f"[{code}]" in lines[0], lines
    return lines[0]


@pytest.mark.parametrize("fmt", ["json", "md", "csv", "html"])
def test_output_onto_its_own_input_is_refused(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    speech = _speech(tmp_path)
    result = runner.invoke(main, ["analyze", str(speech), "-f", fmt, "--only", "quantity", "-o", str(speech)])
    _refused(result, "E204")
    assert speech.read_text(encoding="utf-8") == SPEECH


def test_another_spelling_or_hard_link_of_the_input_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    speech = _speech(tmp_path)
    link = tmp_path / "same.txt"
    os.link(speech, link)
    spelled = tmp_path / "sub" / ".." / "speech.txt"
    (tmp_path / "sub").mkdir()
    for target in (link, spelled):
        result = runner.invoke(main, ["analyze", str(speech), "--only", "quantity", "-o", str(target)])
        _refused(result, "E204")
    assert speech.read_text(encoding="utf-8") == SPEECH


def test_batch_into_the_input_folder_never_overwrites_an_input(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "speeches"
    first = _speech(folder, "a.md", "# A\n\n" + SPEECH)
    second = _speech(folder, "b.md", "# B\n\n" + SPEECH)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = _analyze(runner, str(folder), "-f", "md", "-o", str(folder))
    _refused(result, "E204")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert first.exists() and second.exists()


def test_symlink_target_is_refused_and_left_alone(runner: CliRunner, tmp_path: Path) -> None:
    speech = _speech(tmp_path)
    precious = _speech(tmp_path, "precious.txt", "keep me\n")
    link = tmp_path / "report.json"
    link.symlink_to(precious)
    result = _analyze(runner, str(speech), "-f", "json", "-o", str(link))
    assert "symbolic link" in _refused(result, "E205")
    assert link.is_symlink() and precious.read_text(encoding="utf-8") == "keep me\n"


def test_fifo_target_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    speech = _speech(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = _analyze(runner, str(speech), "-f", "json", "-o", str(fifo))
    assert "FIFO" in _refused(result, "E205")
    assert Path(fifo).exists() and not Path(fifo).is_file()


def test_device_target_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    speech = _speech(tmp_path)
    result = runner.invoke(main, ["analyze", str(speech), "--only", "quantity", "-o", "/dev/null"])
    assert "device" in _refused(result, "E205")


def test_dash_output_is_stdout_not_a_file(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:
    speech = _speech(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["analyze", str(speech), "-f", "json", "--only", "quantity", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert '"schema_version"' in result.stdout
    assert not (tmp_path / "-").exists()


def test_dash_output_with_several_inputs_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    a, b = _speech(tmp_path, "a.txt"), _speech(tmp_path, "b.txt")
    result = runner.invoke(main, ["analyze", str(a), str(b), "--only", "quantity", "-o", "-"])
    assert result.exit_code == ExitCode.USAGE and "[E206]" in result.stderr


def test_checkworthy_scores_never_replace_the_debates(runner: CliRunner, tmp_path: Path) -> None:
    debate = _speech(tmp_path / "debates", "d1.tsv", "1\tA\tWe built 300 schools.\n2\tB\tThank you.\n")
    before = debate.read_bytes()
    result = runner.invoke(main, ["checkworthy", "--checkthat", str(debate.parent), "-o", str(debate.parent)])
    _refused(result, "E204")
    assert debate.read_bytes() == before
