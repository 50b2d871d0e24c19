"""The neutrality test (DESIGN.md §7, issue 20): every analyser gives a sentence the same analysis when its
names are swapped (Israel <-> Iran, Democrats <-> Republicans, Clinton <-> Trump, ...), on sentences we
wrote covering the name forms masking once got wrong (``tests/data/neutrality``) and, when
``../shared/data`` is present, on real speeches and debates. It runs ``podium audit neutrality``'s library
call and asserts on its JSON; fails on any label change or a score change over 0.02."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from podium.analyze import analyze_document
from podium.audit.neutrality import audit
from podium.audit.pairs import default_pairs
from podium.ingest import load
from podium.pipeline import Pipeline
from tests.conftest import REPO, SHARED

pytestmark = pytest.mark.slow

CORPUS = REPO / "tests" / "data" / "neutrality"
TOLERANCE = 0.02
REAL = [
    SHARED / "samples" / "speech-syria-2024-12.txt",
    SHARED / "data" / "checkthat2019-t1" / "train" / "20170228_trump_address.tsv",
    SHARED / "data" / "checkthat2019-t1" / "train" / "20180926_un_press.tsv",
]


def run_audit(paths: list[Path]) -> dict[str, Any]:
    pipeline = Pipeline.from_names()
    docs = [(p.name, load(str(p))) for p in paths]
    report = audit(docs, default_pairs(), lambda d: analyze_document(d, pipeline), TOLERANCE)
    return json.loads(json.dumps(report))  # what the JSON output holds


def failures(report: dict[str, Any]) -> list[str]:
    out = []
    for name, section in report["analysers"].items():
        for c in section["label_changes"]:
            out.append(f"{name} label: {c['original']!r} {c['before']} -> {c['twin']!r} {c['after']}")
        for c in section["largest"]:
            if c["change"] > TOLERANCE:
                out.append(f"{name} score {c['change']:.3f}: {c['original']!r} -> {c['twin']!r}")
    for d in report["documents"]:
        out += [f"{d['document']} rhetoric {c}" for c in d["rhetoric"]["changes"]]
    return out


@pytest.fixture(scope="module")
def written() -> dict[str, Any]:
    return run_audit(sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.tsv")))


def test_the_written_corpus_is_large_and_swapped(written: dict[str, Any]) -> None:
    assert written["sentences"] >= 250
    assert written["swaps"] >= 200
    assert all(d["aligned"] == d["sentences"] for d in written["documents"])
    expected = {"checkworthiness", "techniques", "claim_types", "attributions", "hedges"}
    assert set(written["analysers"]) == expected
    assert all(s["sentences_compared"] == written["sentences"] for s in written["analysers"].values())


def test_no_label_or_score_changes_on_the_written_corpus(written: dict[str, Any]) -> None:
    assert failures(written) == []
    assert written["passed"]
    for section in written["analysers"].values():
        assert section["label_changes_count"] == 0
        assert section["max_change"] <= TOLERANCE


def test_no_rhetoric_profile_change_but_the_swapped_names_own_rows(written: dict[str, Any]) -> None:
    assert written["rhetoric_changes"] == 0
    assert all(d["rhetoric"]["compared"] for d in written["documents"])
    assert sum(d["rhetoric"]["own_rows_skipped"] for d in written["documents"]) > 0


@pytest.mark.skipif(not all(p.exists() for p in REAL), reason="../shared (real speeches) not present")
def test_no_label_or_score_changes_on_real_speeches_and_debates() -> None:
    report = run_audit(REAL)
    assert report["sentences"] > 500
    assert report["swaps"] > 100
    assert failures(report) == []
    assert report["passed"]
