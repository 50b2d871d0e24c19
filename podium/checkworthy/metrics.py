"""Ranking metrics of the CheckThat! check-worthiness task, and the expected calibration error.

Computed like the official scorer: lines ranked by score, highest first, ties kept in the given order
(stable sort); every metric per debate, then averaged over debates. A debate without positives has AP 0.
This module only computes numbers from scores and labels; it reads no files.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

PRECISION_AT = (1, 5, 10, 20)


def ranked_labels(scores: Sequence[float], labels: Sequence[int]) -> np.ndarray:
    """Labels reordered by descending score; equal scores keep their input order."""
    order = np.argsort(-np.asarray(scores, dtype=np.float64), kind="stable")
    return np.asarray(labels, dtype=np.int64)[order]


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    ranked = ranked_labels(scores, labels)
    n_pos = int(ranked.sum())
    if n_pos == 0:
        return 0.0
    hits = np.cumsum(ranked)
    ranks = np.arange(1, len(ranked) + 1)
    return float((hits / ranks)[ranked == 1].sum() / n_pos)


def precision_at(scores: Sequence[float], labels: Sequence[int], k: int) -> float:
    """Positives among the top ``k`` divided by ``k`` (also when the debate has fewer than k lines)."""
    return float(ranked_labels(scores, labels)[:k].sum() / k)


def r_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    n_pos = int(np.sum(labels))
    return precision_at(scores, labels, n_pos) if n_pos else 0.0


def reciprocal_rank(scores: Sequence[float], labels: Sequence[int]) -> float:
    hits = np.flatnonzero(ranked_labels(scores, labels))
    return float(1.0 / (hits[0] + 1)) if len(hits) else 0.0


def debate_metrics(scores: Sequence[float], labels: Sequence[int]) -> dict[str, float]:
    """AP, R-precision, RR and P@k for one debate."""
    result = {
        "AP": average_precision(scores, labels),
        "R-P": r_precision(scores, labels),
        "RR": reciprocal_rank(scores, labels),
    }
    for k in PRECISION_AT:
        result[f"P@{k}"] = precision_at(scores, labels, k)
    return result


def macro_metrics(debates: Sequence[tuple[Sequence[float], Sequence[int]]]) -> dict[str, float]:
    """Per-debate metrics averaged over debates; AP's mean is reported as ``MAP``."""
    per = [debate_metrics(s, y) for s, y in debates]
    if not per:
        return {}
    out = {key: float(np.mean([p[key] for p in per])) for key in per[0]}
    out["MAP"] = out.pop("AP")
    return out


def map_interval(
    debates: Sequence[tuple[Sequence[float], Sequence[int]]], level: float = 0.95, draws: int = 10_000
) -> tuple[float, float]:
    """Percentile bootstrap interval of MAP, resampling whole debates (fixed seed): how far the mean of
    this many debates' APs moves by which debates happen to be in the set."""
    aps = np.array([average_precision(s, y) for s, y in debates])
    if len(aps) == 0:
        return (0.0, 0.0)
    rng = np.random.default_rng(0)
    means = aps[rng.integers(0, len(aps), size=(draws, len(aps)))].mean(axis=1)
    tail = (1.0 - level) / 2.0 * 100.0
    return float(np.percentile(means, tail)), float(np.percentile(means, 100.0 - tail))


def expected_calibration_error(probs: Sequence[float], labels: Sequence[int], bins: int = 10) -> float:
    """ECE over equal-width probability bins: sum over bins of |mean label - mean prob| x bin share.

    Bin i holds probabilities in ``[i/bins, (i+1)/bins)``; 1.0 falls in the last bin.
    """
    p = np.asarray(probs, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    if len(p) == 0:
        return 0.0
    idx = np.minimum((p * bins).astype(np.int64), bins - 1)
    ece = 0.0
    for b in range(bins):
        mask = idx == b
        if mask.any():
            ece += mask.mean() * abs(y[mask].mean() - p[mask].mean())
    return float(ece)
