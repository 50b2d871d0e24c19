"""Every file format: saved pages, CSV, CheckThat! TSV, PolitiFact JSON lines (plain and gzipped), dirs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from podium.factchecks import ImportReport, read_path, read_paths

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "claimReviewed": "Bridges are made of cheese.",
    "url": "https://checks.example/cheese",
    "author": {"name": "Dairy Check"},
    "reviewRating": {"alternateName": "Pants on Fire"},
}


def read(path: Path) -> ImportReport:
    report = read_path(path)
    assert report.read == len(report.imported) + len(report.skipped)
    assert not any(reason.startswith("unexpected error") for _, reason in report.skipped)
    return report


def test_html_page_with_ld_json_blocks(tmp_path: Path) -> None:
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Cheese</title>
    <script type="application/ld+json">{{"@type": "Organization", "name": "Dairy Check"}}</script>
    <script type='application/ld+json; charset=utf-8'>
    <!--
    {json.dumps(REVIEW)}
    -->
    </script>
    <script type="application/ld+json">{{ this is not json </script>
    <script>var x = {{"claimReviewed": "not ld+json"}};</script>
    </head><body><p>Unclosed <div><b>broken <i>markup</body>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    report = read(path)
    (fc,) = report.imported
    assert (fc.claim_reviewed, fc.rating, fc.publisher) == (
        "Bridges are made of cheese.",
        "false",
        "Dairy Check",
    )
    assert [(w.rsplit(" ", 2)[-2:], r.split(":")[0]) for w, r in report.skipped] == [
        (["script", "3"], "malformed ld+json")
    ]


def test_html_page_in_legacy_encoding_and_pages_without_reviews(tmp_path: Path) -> None:
    review = dict(REVIEW, claimReviewed="Le fromage est bleu à Noël.")
    page = '<html><head><meta charset="windows-1252"><script type="application/ld+json">'
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode() + json.dumps(review, ensure_ascii=False).encode("cp1252") + b"</script>")
    assert read(path).imported[0].claim_reviewed == "Le fromage est bleu à Noël."
    path.write_text("<html><body>No data here</body></html>")
    assert read(path).skipped == [(str(path), "no ld+json block in the page")]
    path.write_text("")
    assert len(read(path).skipped) == 1


def test_csv_documented_columns(tmp_path: Path) -> None:
    path = tmp_path / "checks.csv"
    path.write_text(
        "Claim,Verdict,URL,Date,Claimant,Publisher,Language,notes\n"
        '"Cows can fly, officials say.",Mostly False,https://c.example/1,"March 4, 2021",'
        "A. Speaker,Checkers,en,x\n"
        ",True,https://c.example/2,2021-01-01,,,,\n"
        "\n"
        "Rain is wet.,Correct,,someday,,Checkers,en\n",
        encoding="utf-8",
    )
    report = read(path)
    first, second = report.imported
    assert (first.claim_reviewed, first.rating, first.rating_original) == (
        "Cows can fly, officials say.", "mostly_false", "Mostly False"
    )  # fmt: skip
    assert (first.url, first.date, first.claimant, first.publisher, first.language) == (
        "https://c.example/1", "2021-03-04", "A. Speaker", "Checkers", "en"
    )  # fmt: skip
    assert (second.rating, second.date, second.url) == ("true", None, None)
    assert report.skipped == [(f"{path} line 3", "no claim")]
    assert report.warnings == [(f"{path} line 5", "date 'someday' is not a date; kept the record without it")]


def test_csv_needs_a_header_with_claim(tmp_path: Path) -> None:
    path = tmp_path / "checks.csv"
    path.write_text("Cows can fly,False\n")
    assert read(path).skipped == [
        (str(path), "the header has no 'claim' column (or 'vclaim', CheckThat! form)")
    ]
    path.write_text("")
    assert read(path).skipped == [(str(path), "empty file: no header")]


def test_checkthat_2020_tsv(tmp_path: Path) -> None:
    path = tmp_path / "verified_claims.docs.tsv"
    path.write_text(
        "\tvclaim\ttitle\n"
        "0\tA claim about apples.\tApples?\n"
        '1\t"A ""quoted"" claim\nover two lines."\tQuoted\n'
        "2\t\tEmpty\n"
        "3\tLast one.\tLast\n",
        encoding="utf-8",
    )
    report = read(path)
    assert [(fc.source_id, fc.claim_reviewed, fc.title) for fc in report.imported] == [
        ("0", "A claim about apples.", "Apples?"),
        ("1", 'A "quoted" claim\nover two lines.', "Quoted"),
        ("3", "Last one.", "Last"),
    ]
    assert report.skipped == [(f"{path} line 5", "vclaim is empty")]
    assert {(fc.rating, fc.publisher) for fc in report.imported} == {("other", "Snopes")}


POLITIFACT = {
    "url": "/factchecks/2019/oct/30/someone/claim-about-things/",
    "speaker": "Some One",
    "vclaim": "Things doubled last year.",
    "truth_label": "barely-true",
    "date": "stated on October 22, 2019 in a campaign mailer.:",
    "title": "Things did not double",
    "text": "The article.\nSecond paragraph.",
    "vclaim_id": 17,
}


def test_politifact_jsonl_and_gz(tmp_path: Path) -> None:
    lines = [json.dumps(POLITIFACT), "", "{broken", json.dumps(dict(POLITIFACT, vclaim=None)), "[1, 2]"]
    lines.append(json.dumps(dict(POLITIFACT, date="stated in a mailer", url="https://x.example/a")))
    text = "\n".join(lines) + "\n"
    for path in (tmp_path / "pf.jsonl", tmp_path / "pf.jsonl.gz"):
        if path.suffix == ".gz":
            path.write_bytes(gzip.compress(text.encode()))
        else:
            path.write_text(text)
        report = read(path)
        fc, last = report.imported
        assert fc.url == "https://www.politifact.com/factchecks/2019/oct/30/someone/claim-about-things/"
        assert (fc.rating, fc.rating_original, fc.publisher) == ("mostly_false", "barely-true", "PolitiFact")
        assert (fc.date, fc.claim_date, fc.claimant, fc.source_id) == (None, "2019-10-22", "Some One", "17")
        assert (fc.title, fc.text, fc.language) == ("Things did not double", POLITIFACT["text"], "en")
        assert (last.url, last.claim_date) == ("https://x.example/a", None)
        assert [(w.split(" ", 1)[-1], r.split(":")[0]) for w, r in report.skipped] == [
            ("line 3", "malformed JSON"),
            ("line 4", "no vclaim"),
            ("line 5 at /0", "not a JSON object (int)"),
            ("line 5 at /1", "not a JSON object (int)"),
        ]
        assert len(report.warnings) == 1


def test_claimreview_json_lines_and_json_lines_under_json_name(tmp_path: Path) -> None:
    path = tmp_path / "reviews.json"
    path.write_text(json.dumps(REVIEW) + "\n" + json.dumps(dict(REVIEW, url="https://c.example/2")) + "\n")
    assert len(read(path).imported) == 2


def test_directory_recursive_sorted_with_unsupported_and_hidden_files_left_out(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.json").write_text(json.dumps(dict(REVIEW, claimReviewed="Second.")))
    (tmp_path / "a.jsonld").write_text(json.dumps(dict(REVIEW, claimReviewed="First.")))
    (tmp_path / "c.csv").write_text("claim\nThird.\n")
    (tmp_path / "notes.txt").write_text("claimReviewed")
    (tmp_path / ".hidden" / "x.json").write_text(json.dumps(REVIEW))
    report = read(tmp_path)
    assert [fc.claim_reviewed for fc in report.imported] == ["First.", "Second.", "Third."]
    assert report.skipped == []
    empty = tmp_path / "empty"
    empty.mkdir()
    assert len(read(empty).skipped) == 1


def test_read_paths_merges_and_missing_paths_are_skips(tmp_path: Path) -> None:
    good = tmp_path / "a.json"
    good.write_text(json.dumps(REVIEW))
    report = read_paths([good, tmp_path / "missing.json", good])
    assert (report.read, len(report.imported)) == (3, 2)
    assert report.skipped == [(str(tmp_path / "missing.json"), "no such file or directory")]


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_text(json.dumps(REVIEW))
    assert len(read(path).imported) == 1
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert read(path).skipped[0][1].startswith("unsupported file type")


def test_unreadable_files_are_skips(tmp_path: Path) -> None:
    cases = {
        "bad.json": b'{"claimReviewed": ',
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
        "binary.csv": b"\x00\x01\x02claim\n",
        "zip.html": b"PK\x03\x04rest",
        "fake.jsonl.gz": b"not gzip at all",
        "utf16.json": b"\xff\xfe\x00\xd8",  # a BOM, then a lone surrogate
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        report = read(path)
        assert report.imported == [] and len(report.skipped) == 1, (name, report.skipped)


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(REVIEW))
    report = read_path(path, max_bytes=10)
    assert report.skipped == [(str(path), "over the limit of 10 bytes")]
