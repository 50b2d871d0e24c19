"""``podium audit neutrality`` as a user runs it: bad input gives the same one-line errors as ``podium
analyze`` and writes nothing; a run writes JSON, Markdown or an HTML page with every input text escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from podium.cli import main


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["audit", "neutrality", *args])
    return result.exit_code, result.output


def test_a_missing_input_is_e001_and_nothing_is_written(tmp_path: Path) -> None:
    out = tmp_path / "audit.html"
    code, output = run(str(tmp_path / "nope.txt"), "-o", str(out))
    assert code == 3
    assert "[E001]" in output
    assert not out.exists()


def test_an_empty_input_is_e003_as_in_analyze(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    out = tmp_path / "audit.json"
    code, output = run(str(empty), "-f", "json", "-o", str(out))
    analyze = CliRunner().invoke(main, ["analyze", str(empty), "-f", "json", "-o", str(tmp_path / "a.json")])
    assert (code, analyze.exit_code) == (3, 3)
    assert "[E003]" in output and "[E003]" in analyze.output
    assert not out.exists()


def test_a_bad_pair_table_is_e701_or_e702(tmp_path: Path) -> None:
    speech = tmp_path / "speech.txt"
    speech.write_text("Israel struck Iran.\n", encoding="utf-8")
    bad = tmp_path / "pairs.tsv"
    bad.write_text("one field only\n", encoding="utf-8")
    code, output = run(str(speech), "--pairs", str(bad), "-o", str(tmp_path / "a.html"))
    assert code == 3 and "[E701]" in output and "line 1" in output
    bad.write_text("a\tIsrael\tEgypt\nb\tEgypt\tChad\n", encoding="utf-8")
    code, output = run(str(speech), "--pairs", str(bad), "-o", str(tmp_path / "a.html"))
    assert code == 3 and "[E702]" in output
    assert not (tmp_path / "a.html").exists()


def test_the_output_never_overwrites_an_input(tmp_path: Path) -> None:
    speech = tmp_path / "speech.txt"
    speech.write_text("Israel struck Iran.\n", encoding="utf-8")
    code, output = run(str(speech), "-o", str(speech))
    assert code == 5 and "[E204]" in output
    assert speech.read_text(encoding="utf-8") == "Israel struck Iran.\n"


def test_bad_options_are_usage_errors(tmp_path: Path) -> None:
    code, _ = run(str(tmp_path), "--tolerance", "2")
    assert code == 2
    code, _ = run(str(tmp_path), "-f", "pdf")
    assert code == 2


@pytest.mark.slow
def test_reports_in_every_format_escape_the_input(tmp_path: Path) -> None:
    speech = tmp_path / "a<b>&.txt"
    speech.write_text(
        "It was a great day for <script>alert(1)</script> Israel. Iran said so.\n\n"
        "Democrats voted no. It was a great vote.\n",
        encoding="utf-8",
    )
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("word\tgreat\tsmall\n", encoding="utf-8")  # an ordinary word: its swap must show
    reports = {}
    for fmt in ("json", "md", "html"):
        out = tmp_path / f"audit.{fmt}"
        code, output = run(str(speech), "--pairs", str(pairs), "-f", fmt, "-o", str(out))
        assert code == 0, output
        reports[fmt] = out.read_text(encoding="utf-8")
    data = json.loads(reports["json"])
    assert data["schema"] == "podium.audit.neutrality/1"
    assert data["documents"][0]["swaps"] == 5
    assert set(data["documents"][0]["swapped_names"]) == {"Israel", "Iran", "Democrats", "great"}
    assert data["analysers"]["checkworthiness"]["sentences_compared"] == data["sentences"] >= 3
    assert data["analysers"]["claim_types"]["label_changes_count"] >= 1  # "great" is an opinion word
    assert not data["passed"]
    page = reports["html"]
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "a&lt;b&gt;&amp;.txt" in page
    assert "Content-Security-Policy" in page
    assert "\\<script\\>" in reports["md"] or "<script>" not in reports["md"]
