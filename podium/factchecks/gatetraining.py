"""Training and cross-validating the lexical gate (:mod:`podium.factchecks.gate`).

Out of fold, by debate (the folds of :func:`matchtraining.debate_folds`), two re-rankers are trained per
fold on the other folds' speech queries (dates shifted as for the matcher) plus the extra sets: the full
one and the gate's (sentence-vector features left out). The full one gives each held-out query the
matches it would report at the default threshold; the gate's scores each held-out query exactly as the
product does (its best :data:`~podium.factchecks.gate.DEPTH` fact-checks by BM25, :meth:`Gate.best`).
The gate's Platt calibration is fitted on its out-of-fold pair scores, and its threshold is put at
``margin`` times the lowest gate probability of any held-out query with a reported relevant match.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from podium.factchecks import matchtraining as mt
from podium.factchecks.gate import LEXICAL_FEATURES, Gate
from podium.factchecks.matcher import DEFAULT_THRESHOLD, context_text, query_text

#: The threshold is this share of the lowest gate probability of a query with a reported match.
MARGIN = 0.5


@dataclass
class GateCV:
    best: np.ndarray  # per speech query: its calibrated out-of-fold gate probability
    reported: list[set[int]]  # per speech query: relevant rows the full re-ranker reports out of fold
    rankings: list[list[int]]  # per matched query: the full re-ranker's out-of-fold ranking
    platt: tuple[float, float]  # the gate's calibration
    threshold: float


def cross_validate(
    speeches: mt.Prepared,
    extra: Sequence[tuple[mt.Prepared, Sequence[int]]],
    folds: int,
    date_shift: float,
    margin: float = MARGIN,
) -> GateCV:
    n = len(speeches.data.queries)
    fold_of = mt.debate_folds(speeches.groups, folds, n)
    tables = [mt.table(prep, chosen) for prep, chosen in extra]
    rows = mt.shifted_dates(speeches, date_shift) if date_shift else None
    lexical = mt.Config(features=LEXICAL_FEATURES)
    full_raw: list[np.ndarray] = [np.zeros(0)] * len(speeches.scored)
    gate_raw: list[np.ndarray] = [np.zeros(0)] * len(speeches.scored)
    best_raw = np.full(len(speeches.scored), -np.inf)
    queries = speeches.queries
    for fold in range(folds):
        train = [q for q, g in enumerate(speeches.groups) if fold_of[g] != fold]
        test = [q for q, g in enumerate(speeches.groups) if fold_of[g] == fold]
        xs, ys, _ = mt.table(speeches, train, rows)
        x = np.concatenate([xs, *(t[0] for t in tables)])
        y = np.concatenate([ys, *(t[1] for t in tables)])
        full, gate_model = mt.fit(x, y), mt.fit(x, y, lexical)
        chosen = [queries[q] for q in test]
        best = Gate(gate_model, 0.0).best(
            speeches.index, chosen, [query_text(q) for q in chosen], [context_text(q) for q in chosen]
        )
        for q, p in zip(test, best, strict=True):
            full_raw[q] = full.raw(speeches.scored[q].x)
            gate_raw[q] = gate_model.raw(speeches.scored[q].x)
            best_raw[q] = _logit(p) if p > 0 else -np.inf
    labels = [_labels(speeches, q) for q in range(len(speeches.scored))]
    y_all = np.concatenate(labels)
    fa, fb = mt.fit_platt(np.concatenate(full_raw), y_all)
    platt = mt.fit_platt(np.concatenate(gate_raw), y_all)
    reported = [
        {r for r, p, rel in zip(s.rows.tolist(), _sigmoid(fa * raw + fb), lab, strict=True)
         if rel and p >= DEFAULT_THRESHOLD}
        for s, raw, lab in zip(speeches.scored, full_raw, labels, strict=True)
    ]  # fmt: skip
    best = _sigmoid(platt[0] * best_raw + platt[1])
    with_match = [best[q] for q, r in enumerate(reported) if r]
    threshold = margin * min(with_match) if with_match else 0.0
    rankings = [mt.ranked_rows(speeches.scored[q], full_raw[q]) for q in range(n)]
    return GateCV(best, reported, rankings, platt, float(threshold))


def fit_gate(x: np.ndarray, y: np.ndarray, cv: GateCV, info: dict) -> Gate:
    """The shipped gate: trained on every pair, with the cross-validated calibration and threshold."""
    model = mt.fit(x, y, mt.Config(features=LEXICAL_FEATURES))
    model.platt = cv.platt
    model.info = {**info, "threshold": cv.threshold}
    return Gate(model, cv.threshold)


def report(cv: GateCV, speeches: mt.Prepared) -> str:
    """What the gate keeps and spares, out of fold."""
    passed = cv.best >= cv.threshold
    matched = ~speeches.negative
    total = sum(len(r) for r in cv.reported)
    kept = sum(len(r) for r, p in zip(cv.reported, passed, strict=True) if p)
    return (
        f"gate threshold {cv.threshold:.4f} (x{MARGIN} the lowest out-of-fold gate probability of a query "
        f"with a reported match): keeps {kept}/{total} reported matches; embeds "
        f"{passed[~matched].mean():.1%} of {int((~matched).sum())} unmatched debate sentences and "
        f"{passed[matched].mean():.1%} of {int(matched.sum())} matched queries"
    )


def _labels(prep: mt.Prepared, q: int) -> np.ndarray:
    rows = prep.scored[q].rows.tolist()
    return np.fromiter((r in prep.relevant[q] for r in rows), dtype=np.int8, count=len(rows))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


def _logit(p: float) -> float:
    p = min(max(p, 1e-12), 1 - 1e-12)
    return float(np.log(p / (1 - p)))
