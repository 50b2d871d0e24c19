"""Every bad input gives one clear coded error naming the file, a non-zero exit and no output file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from podium.cli import main
from podium.errors import ExitCode


def run_bad(runner: CliRunner, tmp_path: Path, source: str, *extra: str) -> str:
    out = tmp_path / "out" / "report.html"
    result = runner.invoke(main, ["analyze", source, "-o", str(out), *extra])
    assert result.exit_code == ExitCode.INPUT, result.output
    assert not out.exists()
    leftovers = list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else []
    assert leftovers == []
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr  # one message, no traceback
    return lines[0]


def test_missing_path(runner: CliRunner, tmp_path: Path) -> None:
    msg = run_bad(runner, tmp_path, str(tmp_path / "nope.txt"))
    assert "[E001]" in msg and "nope.txt" in msg


def test_directory_without_supported_files(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    msg = run_bad(runner, tmp_path, str(folder))
    assert "[E002]" in msg and "photos" in msg


@pytest.mark.parametrize("content", [b"", b"  \n\n\t  \n"])
def test_empty_file(runner: CliRunner, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    msg = run_bad(runner, tmp_path, str(path))
    assert "[E003]" in msg and "empty.txt" in msg


def test_binary_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "speech.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    msg = run_bad(runner, tmp_path, str(path))
    assert "[E004]" in msg and "speech.txt" in msg


def test_file_over_size_limit(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("We will not retreat. " * 100)
    msg = run_bad(runner, tmp_path, str(path), "--max-bytes", "1000")
    assert "[E005]" in msg and "long.txt" in msg and "--max-bytes" in msg


def test_undecodable_text(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xef\xbb\xbfA speech that starts as UTF-8 \xff\xfe\xfd and breaks.")
    msg = run_bad(runner, tmp_path, str(path))
    assert "[E006]" in msg and "broken.txt" in msg


def test_html_without_main_text(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><head><title>Ministry</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/news'>News</a></li></ul></nav><footer>© Ministry</footer></body></html>"
    )
    msg = run_bad(runner, tmp_path, str(path))
    assert "[E007]" in msg and "menu.html" in msg


def test_stdin_empty(runner: CliRunner, tmp_path: Path) -> None:
    msg = run_bad(runner, tmp_path, "-")
    assert "[E003]" in msg and "<stdin>" in msg


def test_unknown_analyser_is_a_pipeline_error(runner: CliRunner, sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(main, ["analyze", str(sample_path), "--only", "nonsense", "-o", str(out)])
    assert result.exit_code == ExitCode.PIPELINE
    assert "[E102]" in result.stderr and "nonsense" in result.stderr
    assert not out.exists()


def test_bad_date_option(runner: CliRunner, sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = runner.invoke(main, ["analyze", str(sample_path), "--date", "yesterday", "-o", str(out)])
    assert result.exit_code == ExitCode.INPUT and "[E014]" in result.stderr
    assert not out.exists()


def test_several_inputs_need_an_output_directory(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("We will rebuild.")
    result = runner.invoke(main, ["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code == ExitCode.USAGE and "[E201]" in result.stderr


def test_output_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    from podium.writing import write_atomic

    target = tmp_path / "r.json"
    old = os.umask(0o022)
    try:
        write_atomic(target, "{}")
    finally:
        os.umask(old)
    assert target.read_text() == "{}"
    assert target.stat().st_mode & 0o777 == 0o644
    assert list(tmp_path.iterdir()) == [target]


def test_time_limit_stops_one_input_with_a_clear_error(tmp_path: Path) -> None:
    import time

    from podium.errors import PodiumError
    from podium.timelimit import time_limit

    with pytest.raises(PodiumError) as info, time_limit(0.05, "slow.txt"):
        time.sleep(1)
    assert info.value.code == "E015" and info.value.fields["path"] == "slow.txt"
    with time_limit(0, "x"):  # 0 means no limit
        time.sleep(0.01)
