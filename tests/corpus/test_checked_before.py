"""Checked before: `podium analyze --factchecks` and `podium corpus add --factchecks` on a speech written
for these tests that restates imported fact-checks — the matches in JSON, CSV, Markdown and HTML, stored
with the document, shown again — and every way a --factchecks database can be unusable."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from podium.cli import main
from podium.corpus import Corpus
from podium.corpus import schema as t
from podium.corpus.checked_before import data_queries
from podium.errors import ExitCode
from podium.factchecks import FactCheck
from podium.outputs import render
from podium.outputs.csv_out import CHECKED_COLUMNS, CSV_COLUMNS
from podium.outputs.json_in import from_dict
from podium.outputs.json_out import schema

CHECKS = [
    FactCheck("Engineers rebuilt 300 bridges in the valley after the flood", "mixed", "Half true",
              "Valley Desk", "https://desk.example/bridges", "2024-04-01", "Alda Brenn"),
    FactCheck("The port of Ost handles one million barrels of oil a day", "mostly_false", "Misleading",
              "Harbour Check", "https://harbour.example/ost", "2024-07-01", "Alda Brenn"),
    FactCheck("The northern railway carried twelve million passengers last year", "false", "Pants on Fire",
              "Rail Watch", "https://rail.example/passengers", "2024-02-11", "Oren Vask"),
]  # fmt: skip
SPEECH = (
    "Friends, thank you for coming tonight. "
    "Our engineers have rebuilt 300 bridges in the valley since the flood. "
    "We will always stand with the families of the north. "
    "Today one million barrels of oil a day pass through the port of Ost. "
    "The harvest festival begins next week in every town."
)
BRIDGES = "Our engineers have rebuilt 300 bridges in the valley since the flood."


def _archive(db: str) -> dict[str, int]:
    """The fact-checks imported into ``db``: url -> id."""
    with Corpus(db) as store:
        store.add_factchecks([(c, "checks.json") for c in CHECKS])
        return {r["url"]: r["id"] for r in store.factchecks()}


def _speech(folder: Path) -> Path:
    path = folder / "speech.txt"
    path.write_text(SPEECH, encoding="utf-8")
    return path


def _claim(data: dict[str, Any], sentence: str) -> dict[str, Any]:
    return next(c for c in data["claims"] if data["text"][c["start"] : c["end"]] == sentence)


def _analyze(runner: CliRunner, *args: str) -> Any:
    return runner.invoke(main, ["analyze", "--speaker", "Alda Brenn", "-q", *args])


def test_analyze_json_carries_the_matches(db_url: str, tmp_path: Path, runner: CliRunner) -> None:
    ids = _archive(db_url)
    out = tmp_path / "speech.json"
    result = _analyze(runner, str(_speech(tmp_path)), "--factchecks", db_url, "-f", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema())
    assert data["meta"]["extras"]["factchecks"] == {"searched": 3, "threshold": 0.5}
    assert all(isinstance(c["matches"], list) for c in data["claims"])
    match = _claim(data, BRIDGES)["matches"][0]
    assert match == {
        "factcheck_id": ids["https://desk.example/bridges"],
        "claim_reviewed": CHECKS[0].claim_reviewed,
        "rating": "mixed",
        "rating_original": "Half true",
        "publisher": "Valley Desk",
        "date": "2024-04-01",
        "url": "https://desk.example/bridges",
        "score": match["score"],
        "claimant": "Alda Brenn",
        "claim_date": None,
    }
    assert 0.5 <= match["score"] <= 1
    found = {m["url"] for c in data["claims"] for m in c["matches"]}
    assert "https://rail.example/passengers" not in found  # nothing in the speech restates it


@pytest.mark.parametrize(
    "date", ["2024-04-01", "2025-04-02", None], ids=["same-day", "year-later", "undated"]
)
def test_a_restated_claim_is_found_whatever_the_speech_date(
    date: str | None, tmp_path: Path, runner: CliRunner
) -> None:
    """The speech's date goes into the matching queries; a check of another day (here a year earlier)
    is as much a match as one of that very day, and so is a speech with no date."""
    db = str(tmp_path / "checks.db")
    ids = _archive(db)
    out = tmp_path / "speech.json"
    dated = ["--date", date] if date else []
    result = _analyze(
        runner, str(_speech(tmp_path)), *dated, "--factchecks", db, "-f", "json", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["meta"].get("date") == date
    assert data_queries(data)[0].date == date
    (best, *_) = _claim(data, BRIDGES)["matches"]
    assert best["factcheck_id"] == ids["https://desk.example/bridges"] and best["score"] >= 0.5
    found = {m["url"] for c in data["claims"] for m in c["matches"]}
    assert "https://rail.example/passengers" not in found


def test_analyze_reports_show_the_matches(tmp_path: Path, runner: CliRunner) -> None:
    db = str(tmp_path / "checks.db")
    _archive(db)
    speech = _speech(tmp_path)
    page = tmp_path / "speech.html"
    result = _analyze(runner, str(speech), "--factchecks", db, "--match-threshold", "0.3", "-o", str(page))
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    section = html[html.index('<section class="checked-before"') : html.index('<section class="text"')]
    assert "match probability ≥ 0.3" in section and BRIDGES in section
    assert CHECKS[0].claim_reviewed in section and "“Half true”" in section and "Valley Desk" in section
    assert (
        '<a href="https://desk.example/bridges" rel="noopener noreferrer" target="_blank">'
        "https://desk.example/bridges</a>" in section
    )
    assert 'class="checked-badge r-mixed"' in html and "Checked before · Mixed" in html
    assert 'data-checked="Mixed"' in html  # the badge on the highlighted sentence
    out = tmp_path / "speech.json"
    _analyze(
        runner, str(speech), "--factchecks", db, "--match-threshold", "0.3", "-f", "json", "-o", str(out)
    )
    doc = from_dict(json.loads(out.read_text(encoding="utf-8")))
    markdown = render(doc, "md")
    checked = markdown[markdown.index("## Checked before") : markdown.index("## Spans per layer")]
    assert BRIDGES in checked and "Mixed (Half true) · Valley Desk · 2024-04-01" in checked
    assert "<https://desk.example/bridges>" in checked
    rows = list(csv.DictReader(io.StringIO(render(doc, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS + CHECKED_COLUMNS
    bridges = next(r for r in rows if r["layer"] == "claim" and r["text"] == BRIDGES)
    assert (bridges["checked_rating"], bridges["checked_url"]) == ("mixed", "https://desk.example/bridges")
    assert all(r["checked_rating"] == "" for r in rows if r["layer"] != "claim")


def test_without_factchecks_the_outputs_have_no_trace_of_matching(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "speech.json"
    result = _analyze(runner, str(_speech(tmp_path)), "-f", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["claims"] and not any("matches" in c for c in data["claims"])
    assert "factchecks" not in data["meta"]["extras"]
    doc = from_dict(data)
    assert "Checked before" not in render(doc, "md")
    html = render(doc, "html")
    assert '<section class="checked-before"' not in html and "Checked before ·" not in html
    assert next(csv.reader(io.StringIO(render(doc, "csv")))) == list(CSV_COLUMNS)


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"these are not the fact-checks you are looking for\n" * 20)


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")


def _no_factchecks(path: Path) -> None:
    Corpus(str(path)).close()


@pytest.mark.parametrize(
    "make",
    [None, lambda p: p.write_bytes(b""), lambda p: p.mkdir(), _not_sqlite, _foreign, _no_factchecks],
    ids=["missing", "empty", "directory", "not-sqlite", "not-podium", "no-factchecks"],
)
def test_unusable_factchecks_database_is_one_clear_error(
    make: Any, tmp_path: Path, runner: CliRunner
) -> None:
    db = tmp_path / "checks.db"
    if make is not None:
        make(db)
    before = db.read_bytes() if db.is_file() else None
    out = tmp_path / "out.json"
    result = _analyze(runner, str(_speech(tmp_path)), "--factchecks", str(db), "-f", "json", "-o", str(out))
    assert result.exit_code == ExitCode.INPUT, result.output
    assert "[E411]" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()
    if make in (_not_sqlite, _foreign):
        assert db.read_bytes() == before  # a database that is not podium's is left as it was


def test_match_threshold_needs_factchecks(tmp_path: Path, runner: CliRunner) -> None:
    result = _analyze(runner, str(_speech(tmp_path)), "--match-threshold", "0.4", "-f", "json")
    assert result.exit_code == ExitCode.USAGE and "[E409]" in result.stderr


def test_corpus_add_stores_and_shows_the_matches(db_url: str, tmp_path: Path, runner: CliRunner) -> None:
    ids = _archive(db_url)
    speech = _speech(tmp_path)
    args = ["corpus", "add", str(speech), "--db", db_url, "--speaker", "Alda Brenn"]
    result = runner.invoke(main, [*args, "--factchecks", db_url, "-q"])
    assert result.exit_code == 0, result.output
    with Corpus(db_url) as store:
        (document_id,) = store.ids()
        with store.reading() as conn:
            stored = conn.execute(select(t.claim_matches.c.factcheck_id, t.claim_matches.c.rank)).all()
        assert (ids["https://desk.example/bridges"], 1) in stored
        data = store.data(document_id)
        assert _claim(data, BRIDGES)["matches"][0]["rating_original"] == "Half true"
        assert all("matches" in c for c in data["claims"])
        assert any(c.matches for c in store.get(document_id).claims)
    shown = runner.invoke(main, ["corpus", "show", str(document_id), "--db", db_url, "-f", "json"])
    assert shown.exit_code == 0, shown.output
    match = _claim(json.loads(shown.stdout), BRIDGES)["matches"][0]
    assert match["url"] == "https://desk.example/bridges" and match["publisher"] == "Valley Desk"
    page = runner.invoke(main, ["corpus", "show", str(document_id), "--db", db_url]).stdout
    assert 'class="checked-before"' in page and 'href="https://desk.example/bridges"' in page
    removed = runner.invoke(main, ["corpus", "remove", str(document_id), "--db", db_url])
    assert removed.exit_code == 0
    with Corpus(db_url) as store, store.reading() as conn:
        assert conn.execute(select(func.count()).select_from(t.claim_matches)).scalar_one() == 0


def test_corpus_add_refuses_another_factchecks_database(tmp_path: Path, runner: CliRunner) -> None:
    checks = str(tmp_path / "checks.db")
    _archive(checks)
    corpus = tmp_path / "corpus.db"
    args = ["corpus", "add", str(_speech(tmp_path)), "--db", str(corpus), "--factchecks", checks]
    result = runner.invoke(main, args)
    assert result.exit_code == ExitCode.USAGE and "[E412]" in result.stderr
    assert not corpus.exists()  # refused before anything was created
