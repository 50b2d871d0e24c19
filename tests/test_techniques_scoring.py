"""The SemEval-2020 Task 11 scorers on hand-made examples with exact expected values."""

from __future__ import annotations

import pytest

from podium.techniques.scoring import merge_spans, si_score, tc_score


def test_si_partial_overlap_exact() -> None:
    gold = [("1", 0, 10), ("1", 20, 30)]
    pred = [("1", 5, 15), ("1", 20, 30), ("1", 40, 45)]
    prf = si_score(pred, gold)
    # P = (5/10 + 10/10 + 0) / 3 ; R = (5/10 + 10/10) / 2
    assert prf.precision == pytest.approx(0.5)
    assert prf.recall == pytest.approx(0.75)
    assert prf.f1 == pytest.approx(0.6)


def test_si_spans_meet_only_within_an_article() -> None:
    prf = si_score([("2", 0, 10)], [("1", 0, 10)])
    assert prf.f1 == 0.0


def test_si_overlapping_spans_are_merged_first() -> None:
    assert merge_spans([(5, 15), (0, 10), (20, 25), (25, 30)]) == [(0, 15), (20, 25), (25, 30)]
    # Gold (0,10)+(5,15) merge to (0,15); prediction (0,15) covers it exactly.
    prf = si_score([("1", 0, 15)], [("1", 0, 10), ("1", 5, 15)])
    assert (prf.precision, prf.recall) == (1.0, 1.0)
    unmerged = si_score([("1", 0, 15)], [("1", 0, 10), ("1", 5, 15)], merge=False)
    assert unmerged.precision == pytest.approx(20 / 15)
    assert unmerged.recall == pytest.approx(1.0)  # (10/10 + 10/10) / 2


def test_si_empty_prediction() -> None:
    prf = si_score([], [("1", 0, 10)])
    assert (prf.precision, prf.recall, prf.f1) == (0.0, 0.0, 0.0)


def test_tc_micro_f1_with_a_span_carrying_two_techniques() -> None:
    gold = [("a", "Loaded_Language", 0, 5), ("a", "Doubt", 0, 5), ("a", "Slogans", 10, 20)]
    pred = [("a", "Loaded_Language", 0, 5), ("a", "Loaded_Language", 0, 5), ("a", "Slogans", 10, 20)]
    micro, per = tc_score(pred, gold)
    assert micro.precision == pytest.approx(2 / 3)
    assert micro.recall == pytest.approx(2 / 3)
    assert micro.f1 == pytest.approx(2 / 3)
    assert per["Loaded_Language"].precision == pytest.approx(0.5)
    assert per["Loaded_Language"].recall == pytest.approx(1.0)
    assert per["Loaded_Language"].f1 == pytest.approx(2 / 3)
    assert per["Doubt"].f1 == 0.0
    assert per["Slogans"].f1 == 1.0


def test_tc_offsets_must_match_exactly() -> None:
    micro, _ = tc_score([("a", "Doubt", 0, 6)], [("a", "Doubt", 0, 5)])
    assert micro.f1 == 0.0
