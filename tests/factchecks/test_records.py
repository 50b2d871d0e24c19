"""FactCheck identity (key) and validation; ImportReport accounting."""

from __future__ import annotations

import hashlib

import pytest

from podium.factchecks import FactCheck, ImportReport


def test_key_is_the_url_when_known() -> None:
    fc = FactCheck("The sea is dry.", "false", url="https://checks.example/sea")
    assert fc.key() == "url:https://checks.example/sea"


def test_key_without_url_is_a_fixed_hash_of_publisher_claim_and_date() -> None:
    fc = FactCheck("The sea is dry.", "false", publisher="Checkers", date="2020-01-02")
    expected = hashlib.sha256(b"Checkers\x1fThe sea is dry.\x1f2020-01-02").hexdigest()
    assert fc.key() == f"sha256:{expected}"
    # stable across runs, processes and versions: a literal, not only a recomputation
    assert fc.key() == "sha256:749052a5684214f6a2f966815b0e21d56eca7857846c8e6167c0e0195eb7a52f"


def test_key_ignores_what_does_not_identify_the_review() -> None:
    a = FactCheck("The sea is dry.", "false", publisher="Checkers", date="2020-01-02", title="A", text="x")
    b = FactCheck("The sea is dry.", "mixed", publisher="Checkers", date="2020-01-02", claimant="Someone")
    c = FactCheck("The sea is dry.", "false", publisher="Checkers", date="2020-01-03")
    assert a.key() == b.key() != c.key()


@pytest.mark.parametrize(("claim", "rating"), [("", "false"), ("   ", "false"), ("x", "bogus")])
def test_invalid_records_are_refused(claim: str, rating: str) -> None:
    with pytest.raises(ValueError):
        FactCheck(claim, rating)


def test_report_accounts_and_merges() -> None:
    one, two = ImportReport(), ImportReport()
    one.add(FactCheck("x", "true"))
    two.skip("f line 2", "no claim")
    two.warn("f line 3", "bad date")
    one.merge(two)
    assert (one.read, len(one.imported), one.skipped, one.warnings) == (
        2, 1, [("f line 2", "no claim")], [("f line 3", "bad date")]
    )  # fmt: skip
