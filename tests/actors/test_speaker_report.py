"""The speaker and "we" lines of the report, --speaker/--side overriding what the document says, and the
JSON (schema 1.2) carrying the records."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from podium.cli import main
from podium.outputs.json_out import schema
from podium.outputs.speaker_view import side_line, speaker_line

TEXT = (
    "Remarks by Prime Minister Halvard O'Brenn at the <b>harbour</b>\n\n"
    "Good evening. We will rebuild the dikes, and I have asked our engineers to start at once. "
    "My fellow Canadians, I thank every volunteer. We will not wait for the spring.\n"
)


def test_lines_for_one_speaker() -> None:
    meta = {
        "speakers": ["Ali Khamenei"],
        "extras": {
            "speakers_found": [{"name": "Ali Khamenei", "how": "title", "actor_name": "Ali Khamenei"}],
            "sides": [
                {
                    "speaker": "Ali Khamenei",
                    "actor": "IRN",
                    "name": "Iran",
                    "how": "speaker",
                    "role": "Supreme Leader of Iran",
                    "evidence": [[0, 13], [19, 27]],
                }
            ],
        },
    }
    text = "Imam Khamenei said our IRGC will stay."
    assert speaker_line(meta) == "Ali Khamenei (from the title)"
    assert (
        side_line(meta, text)
        == "Iran (from the speaker's role: Supreme Leader of Iran; also in the text: “our IRGC”)"
    )


def test_lines_when_nothing_is_known() -> None:
    meta = {
        "speakers": [],
        "extras": {"sides": [{"speaker": None, "actor": None, "how": "unknown", "evidence": []}]},
    }
    assert speaker_line(meta).startswith("—")
    assert side_line(meta, "").startswith("unknown")


def test_lines_for_a_transcript() -> None:
    meta = {
        "speakers": ["Lester Holt", "Donald Trump"],
        "extras": {
            "speakers_found": [
                {
                    "name": "Lester Holt",
                    "how": "transcript labels",
                    "actor_name": "Lester Holt",
                    "label": "HOLT",
                },
                {
                    "name": "Donald Trump",
                    "how": "transcript labels",
                    "actor_name": "Donald Trump",
                    "label": "TRUMP",
                },
            ],
            "sides": [
                {"speaker": "HOLT", "actor": None, "name": None, "how": "unknown", "evidence": []},
                {
                    "speaker": "TRUMP",
                    "actor": "USA",
                    "name": "United States",
                    "how": "speaker",
                    "evidence": [],
                },
            ],
        },
    }
    assert speaker_line(meta) == "HOLT: Lester Holt, TRUMP: Donald Trump (from the transcript labels)"
    assert side_line(meta, "") == "TRUMP: United States (from who the speaker is); 1 other speaker unknown"


@pytest.fixture
def speech(tmp_path: Path) -> Path:
    path = tmp_path / "speech.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.mark.slow
def test_report_and_json_say_who_speaks_and_for_whom(speech: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out.json"
    assert runner.invoke(main, ["analyze", str(speech), "-f", "json", "-o", str(out), "-q"]).exit_code == 0
    data = json.loads(out.read_text())
    jsonschema.validate(data, schema())
    assert data["schema_version"] == "1.2"
    assert data["meta"]["speakers"] == ["Halvard O'Brenn"]
    (side,) = data["meta"]["extras"]["sides"]
    assert (side["actor"], side["how"]) == ("CAN", "text")
    html = tmp_path / "out.html"
    assert runner.invoke(main, ["analyze", str(speech), "-f", "html", "-o", str(html), "-q"]).exit_code == 0
    page = html.read_text()
    assert "Halvard O&#39;Brenn (from the title)</dd>" in page and "<b>harbour" not in page
    assert "Canada (from the speaker&#39;s words: “My fellow Canadians”)" in page


@pytest.mark.slow
def test_speaker_and_side_options_override_the_document(speech: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    args = [
        "analyze",
        str(speech),
        "-f",
        "json",
        "-o",
        str(out),
        "-q",
        "--speaker",
        "Ana Karsten",
        "--side",
        "Norway",
    ]
    assert CliRunner().invoke(main, args).exit_code == 0
    data = json.loads(out.read_text())
    assert data["meta"]["speakers"] == ["Ana Karsten"]
    assert data["meta"]["extras"]["speakers_found"][0]["how"] == "given"
    (side,) = data["meta"]["extras"]["sides"]
    assert (side["actor"], side["how"]) == ("NOR", "given")
    we = [s for s in data["spans"] if s["layer"] == "actor_mention" and s["text"] == "We"]
    assert we and all(s["label"] == "NOR" for s in we)
