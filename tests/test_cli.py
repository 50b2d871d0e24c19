"""The main job end to end through the CLI (loads spaCy once for the module)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from podium import __version__
from podium.cli import main
from podium.outputs.json_out import schema
from tests.conftest import SHARED

pytestmark = pytest.mark.slow


def analyse_json(runner: CliRunner, *args: str) -> dict:
    result = runner.invoke(main, ["analyze", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema())
    return data


def test_sample_json_is_schema_valid_and_offsets_hold(runner: CliRunner, sample_path: Path) -> None:
    data = analyse_json(runner, str(sample_path))
    text = data["text"]
    assert data["meta"]["title"].startswith("Address by Foreign Minister")
    assert data["meta"]["date"] == "2025-10-14"
    first = data["sentences"][0]
    assert text[first["start"] : first["end"]].startswith("Mr. Chairman")
    assert any(s["layer"] == "entity" for s in data["spans"])
    for span in data["spans"]:
        assert text[span["start"] : span["end"]] == span["text"]


@pytest.mark.skipif(not (SHARED / "samples").exists(), reason="../shared is not present on this machine")
def test_real_scraped_speech_starts_after_title_and_breadcrumb(runner: CliRunner) -> None:
    data = analyse_json(runner, str(SHARED / "samples" / "speech-syria-2024-12.txt"), "--only", "entity")
    first = data["sentences"][0]
    assert (
        data["text"][first["start"] : first["end"]] == "In the Name of God, the Compassionate, the Merciful"
    )
    assert [h["attrs"]["kind"] for h in data["meta"]["header"]] == ["title", "breadcrumb"]


def test_stdin_and_meta_options(runner: CliRunner) -> None:
    speech = "SPEAKER ONE: We built 40 schools.\nSPEAKER TWO: You built four.\nSPEAKER ONE: Forty."
    result = runner.invoke(
        main, ["analyze", "-", "-f", "json", "--date", "March 3, 2024", "--title", "Debate"], input=speech
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["meta"]["date"] == "2024-03-03" and data["meta"]["title"] == "Debate"
    assert [t["speaker"] for t in data["turns"]] == ["SPEAKER ONE", "SPEAKER TWO", "SPEAKER ONE"]


def test_skip_removes_the_layer(runner: CliRunner, sample_path: Path) -> None:
    data = analyse_json(runner, str(sample_path), "--skip", "entity")
    layers = {s["layer"] for s in data["spans"]}
    assert "entity" not in layers and "quantity" in layers
    assert data["sentences"]
    only = analyse_json(runner, str(sample_path), "--only", "quantity,time")
    assert {s["layer"] for s in only["spans"]} == {"quantity", "time"}


@pytest.mark.parametrize("fmt", ["html", "md", "csv"])
def test_other_formats_write_files(runner: CliRunner, sample_path: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(main, ["analyze", str(sample_path), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    body = out.read_text("utf-8")
    assert "Karsten" in body


def test_directory_batch_writes_one_file_each_and_reports_failures(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "one.txt").write_text("The council met on Monday. It approved 12 projects.")
    (src / "two.md").write_text("# Two\n\nThe minister visited Port Selin.")
    (src / "empty.txt").write_text("")
    out = tmp_path / "out"
    result = runner.invoke(main, ["analyze", str(src), "-f", "json", "-o", str(out)])
    assert result.exit_code == 3
    assert sorted(p.name for p in out.iterdir()) == ["one.json", "two.json"]
    assert "[E003]" in result.stderr and "2 analysed, 1 failed" in result.stderr
    for path in out.iterdir():
        jsonschema.validate(json.loads(path.read_text()), schema())


def test_version_help_and_layers(runner: CliRunner) -> None:
    assert __version__ in runner.invoke(main, ["--version"]).output
    help_text = runner.invoke(main, ["analyze", "--help"]).output
    assert "Examples:" in help_text and "--max-bytes" in help_text
    layers = runner.invoke(main, ["layers"])
    assert layers.exit_code == 0 and "entity" in layers.output and "requires: sentences" in layers.output


def test_batch_with_worker_processes_matches_single_process(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"s{i}.txt").write_text(f"The minister visited Port Selin on day {i}. He met 12 mayors.")
    (src / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    one, two = tmp_path / "one", tmp_path / "two"
    r1 = runner.invoke(main, ["analyze", str(src), "-f", "json", "-o", str(one), "-q"])
    r2 = runner.invoke(main, ["analyze", str(src), "-f", "json", "-o", str(two), "-q", "--jobs", "2"])
    assert r1.exit_code == r2.exit_code == 3
    assert "[E004]" in r2.stderr
    names = sorted(p.name for p in one.iterdir())
    assert names == ["s0.json", "s1.json", "s2.json"] == sorted(p.name for p in two.iterdir())
    for name in names:
        assert json.loads((one / name).read_text()) == json.loads((two / name).read_text())
