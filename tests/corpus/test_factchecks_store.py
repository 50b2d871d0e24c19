"""`podium factchecks import` and `list` on real databases: idempotent, provenance kept, skips reported,
nothing usable is E410, CSV output neutralised."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from podium.cli import main
from podium.corpus import Corpus
from podium.errors import ExitCode

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "claimReviewed": "The port of Ost handles one million barrels a day.",
    "url": "https://check.example/ost",
    "datePublished": "2024-07-10",
    "author": {"@type": "Organization", "name": "Example Check"},
    "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1,
                     "alternateName": "Mostly false"},
    "itemReviewed": {"@type": "Claim", "author": {"name": "Alda Brenn"}, "datePublished": "2024-06-18"},
}  # fmt: skip


def _files(folder: Path) -> list[str]:
    feed = folder / "feed.json"
    feed.write_text(
        json.dumps([REVIEW, {"@type": "ClaimReview", "url": "https://x.example"}]), encoding="utf-8"
    )
    desk = folder / "desk.csv"
    desk.write_text(
        "claim,verdict,url,date,claimant,publisher,language\n"
        "Unemployment fell to 5 percent,True,https://desk.example/u5,2024-06-20,Alda Brenn,My Desk,en\n"
        '=HYPERLINK("http://evil.example"),False,,,,,\n',
        encoding="utf-8",
    )
    return [str(feed), str(desk)]


def test_import_is_idempotent_and_reports_skips(db_url: str, tmp_path: Path, runner: CliRunner) -> None:
    paths = _files(tmp_path)
    first = runner.invoke(main, ["factchecks", "import", *paths, "--db", db_url])
    assert first.exit_code == 0, first.output
    assert "read 4, imported 3, already there 0, skipped 1" in first.stderr
    assert "claimReviewed" in first.stderr  # why the second feed item was skipped
    again = runner.invoke(main, ["factchecks", "import", *paths, "--db", db_url])
    assert "imported 0, already there 3" in again.stderr
    with Corpus(db_url) as store:
        rows = store.factchecks()
        assert len(rows) == 3
        ost = next(r for r in rows if r["url"] == "https://check.example/ost")
        assert ost["rating"] == "mostly_false" and ost["rating_original"]
        assert ost["publisher"] == "Example Check" and ost["claimant"] == "Alda Brenn"
        assert ost["source"].endswith("feed.json") and ost["claim_date"] == "2024-06-18"
        assert [r["url"] for r in store.factchecks(publisher="my desk")] == ["https://desk.example/u5"]
        assert {r["rating"] for r in store.factchecks(since="2024-07")} == {"mostly_false"}


def test_list_formats_neutralise_formulas(tmp_path: Path, runner: CliRunner) -> None:
    db = str(tmp_path / "f.db")
    runner.invoke(main, ["factchecks", "import", *_files(tmp_path), "--db", db])
    csv_out = runner.invoke(main, ["factchecks", "list", "--db", db, "-f", "csv"]).stdout
    cells = [cell for row in csv.reader(io.StringIO(csv_out)) for cell in row]
    assert any(c.startswith("'=HYPERLINK") for c in cells) and not any(c.startswith("=") for c in cells)
    listed = json.loads(runner.invoke(main, ["factchecks", "list", "--db", db, "-f", "json"]).stdout)
    assert any(r["claim_reviewed"].startswith("=HYPERLINK") for r in listed)  # JSON keeps the exact text


def test_nothing_usable_is_e410_and_writes_nothing(tmp_path: Path, runner: CliRunner) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text('{"@type": "NewsArticle", "headline": "not a fact-check"}', encoding="utf-8")
    db = tmp_path / "f.db"
    result = runner.invoke(main, ["factchecks", "import", str(empty), "--db", str(db)])
    assert result.exit_code == ExitCode.INPUT and "[E410]" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not db.exists()
