"""Hostile and malformed input never raises, and every item is accounted for as imported or skipped."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.factchecks import RATINGS, ImportReport, read_path

SUFFIXES = (".json", ".jsonld", ".html", ".csv", ".tsv", ".jsonl", ".jsonl.gz", ".bin")
KEYS = (
    "@type", "@graph", "@context", "claimReviewed", "reviewRating", "ratingValue", "bestRating",
    "worstRating", "alternateName", "itemReviewed", "author", "name", "url", "@id", "datePublished",
    "appearance",
    "firstAppearance", "inLanguage", "dataFeedElement", "item", "headline", "publisher",
    "vclaim", "vclaim_id", "truth_label", "speaker", "date", "title", "text",
)  # fmt: skip
TYPES = st.sampled_from(["ClaimReview", "DataFeed", "DataFeedItem", "Claim", "Organization", "Rating"])
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30), TYPES,
    st.sampled_from(["2020-01-01", "October 22, 2019", "stated on May 3, 2011 in x", "/relative", "False"]),
)  # fmt: skip
JSON = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), inner, max_size=6),
    ),
    max_leaves=40,
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(report: ImportReport) -> None:
    assert report.read == len(report.imported) + len(report.skipped)
    assert report.read >= 1  # a file always gives at least a record or a reason
    for where, reason in report.skipped:
        assert where and reason
        assert not reason.startswith("unexpected error"), reason
    for fc in report.imported:
        assert fc.claim_reviewed.strip()
        assert fc.rating in RATINGS
        for value in (fc.date, fc.claim_date):
            assert value is None or len(value) in (4, 7, 10)
        assert all(isinstance(url, str) for url in fc.appearances)
        assert fc.key().startswith(("url:", "id:", "sha256:"))


def read_bytes(data: bytes, suffix: str) -> ImportReport:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
        report = read_path(path)
    check(report)
    return report


@FAST
@given(JSON)
def test_any_json_structure(data: object) -> None:
    text = json.dumps(data)
    read_bytes(text.encode(), ".json")
    read_bytes(text.encode(), ".jsonl")
    read_bytes(f'<script type="application/ld+json">{text}</script>'.encode(), ".html")


@FAST
@given(st.lists(JSON, max_size=6))
def test_json_lines_of_anything(lines: list[object]) -> None:
    data = "\n".join(json.dumps(line) for line in lines).encode()
    read_bytes(data, ".jsonl.gz")


@FAST
@given(st.binary(max_size=600), st.sampled_from(SUFFIXES))
def test_random_bytes(data: bytes, suffix: str) -> None:
    read_bytes(data, suffix)


@FAST
@given(st.lists(st.lists(st.text(max_size=20), max_size=8), max_size=8), st.sampled_from([",", "\t"]))
def test_tables_of_random_cells(rows: list[list[str]], delimiter: str) -> None:
    header = delimiter.join(
        ["claim", "verdict", "date", "url"] if delimiter == "," else ["", "vclaim", "title"]
    )
    body = "\n".join(delimiter.join(row) for row in rows)
    read_bytes(f"{header}\n{body}".encode(), ".csv" if delimiter == "," else ".tsv")


@FAST
@given(st.text(max_size=400))
def test_random_text_as_every_format(text: str) -> None:
    for suffix in SUFFIXES:
        read_bytes(text.encode("utf-8", "surrogatepass"), suffix)


def test_every_array_element_is_accounted_for() -> None:
    items = [{"@type": "ClaimReview", "claimReviewed": f"Claim {i}."} if i % 3 else i for i in range(30)]
    report = read_bytes(json.dumps(items).encode(), ".json")
    assert (len(report.imported), len(report.skipped)) == (20, 10)
