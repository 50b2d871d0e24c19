"""Cross-validation of the fine-tuned check-worthiness head against the shipped model and plain
baselines, in the same folds of debate groups (training and benchmark time only).

Folds are the current model's: near-duplicate debates grouped (``podium.checkworthy.data``), groups
merged into ``folds`` folds by ``podium.checkworthy.crossval.folded`` (seed 0). In every fold each system
is fitted without the held-out debates: the fine-tuned encoder and head (``training.fit``, early-stopped
on inner debates drawn from the training groups), the shipped model's recipe
(``podium.checkworthy.crossval.cross_validate``, vocabulary refitted without the fold), TF-IDF of the raw
sentence + logistic regression (the plain baseline of ``podium.checkworthy.crossval``), and frozen
mean-pooled MiniLM sentence vectors of the sentence and of its neighbours + logistic regression.
``table`` reports MAP and P@5 per CheckThat! set with percentile bootstrap intervals (whole debates
resampled, seed 0), and the paired bootstrap interval of each difference with the new model.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from podium.checkworthy.crossval import cross_validate, folded
from podium.checkworthy.data import Debate
from podium.checkworthy.metrics import average_precision, precision_at
from podium.checkworthy.training import Config as CurrentConfig
from podium.checkworthy.training import Lexicon, Prepared
from podium.encoder.checkworthy import neighbour_mean
from podium.encoder.pieces import pieces
from podium.encoder.training import Config, Input, Trained, fit

Log = Callable[[str], None]


def inputs(data: Sequence[Prepared], common: set[str]) -> list[Input]:
    """What fine-tuning reads from prepared CheckThat! debates."""
    return [
        Input(pieces(p.debate.texts, common), p.dense, p.labels, p.weights, list(p.debate.texts))
        for p in data
    ]


def aux_inputs(debates: Sequence[Debate], common: set[str]) -> list[Input]:
    """ClaimBuster debates for the auxiliary head (no dense features: it reads the sentence alone)."""
    return [
        Input(
            pieces(d.texts, common),
            np.zeros((len(d), 0), dtype=np.float32),
            np.asarray(d.labels, dtype=np.int64),
            np.ones(len(d)),
            list(d.texts),
        )
        for d in debates
    ]


def fold_of(data: Sequence[Prepared], folds: int) -> list[int]:
    """The fold of each debate: its duplicate group merged as ``folded`` merges them (groups restored)."""
    groups = [p.group for p in data]
    try:
        folded(data, folds)
        return [p.group for p in data]
    finally:
        for p, g in zip(data, groups, strict=True):
            p.group = g


class ScoreCache:
    """Out-of-fold scores saved under ``folder``, keyed by what they depend on (``tag``: the folds, the
    data's size and the settings), so that a long run can be split over processes and resumed."""

    def __init__(self, folder: Path | None, tag: str) -> None:
        self.folder = folder
        self.tag = hashlib.sha256(tag.encode("utf-8")).hexdigest()[:16]

    def _path(self, name: str) -> Path | None:
        return None if self.folder is None else self.folder / f"scores-{name}-{self.tag}.npz"

    def get(self, name: str) -> dict[int, np.ndarray] | None:
        path = self._path(name)
        if path is None or not path.exists():
            return None
        with np.load(path) as data:
            return {int(k[1:]): data[k] for k in data.files}

    def put(self, name: str, scores: dict[int, np.ndarray]) -> None:
        path = self._path(name)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(path, **{f"d{i}": v for i, v in scores.items()})


def new_model(
    data: Sequence[Prepared],
    encoded: Sequence[Input],
    aux: Sequence[Input],
    folds: Sequence[int],
    config: Config,
    log: Log = lambda _m: None,
    cache: ScoreCache | None = None,
    only: int | None = None,
) -> list[np.ndarray]:
    """Out-of-fold raw scores of the fine-tuned encoder and head (``only``: that fold alone; each fold's
    scores are read from / written to ``cache``)."""
    out: list[np.ndarray] = [np.zeros(0)] * len(data)
    for f in sorted(set(folds)):
        if only is not None and f != only:
            continue
        held = [i for i, g in enumerate(folds) if g == f]
        found = cache.get(f"new-fold{f}") if cache else None
        if found is None:
            train_idx = [i for i, g in enumerate(folds) if g != f]
            inner_groups = _inner_groups([(data[i].group, len(data[i].debate)) for i in train_idx], config)
            inner = [i for i in train_idx if data[i].group in inner_groups]
            train = [i for i in train_idx if data[i].group not in inner_groups]
            log(f"fold {f}: fine-tuning on {len(train)} debates, early stopping on {len(inner)}")
            model = fit([encoded[i] for i in train], aux, [encoded[i] for i in inner], config, log)
            found = dict(zip(held, model.decision([encoded[i] for i in held]), strict=True))
            maps = " ".join(f"{m:.3f}" for m in model.inner_map)
            log(f"fold {f}: kept epoch {model.epoch} (inner MAP by epoch {maps})")
            if cache:
                cache.put(f"new-fold{f}", found)
        for i in held:
            out[i] = found[i]
    return out


def fit_all(
    data: Sequence[Prepared], encoded: Sequence[Input], aux: Sequence[Input], config: Config, log: Log
) -> Trained:
    """The encoder and head fitted on every debate, early-stopped on inner groups as in each fold."""
    inner_groups = _inner_groups([(p.group, len(p.debate)) for p in data], config)
    inner = [e for p, e in zip(data, encoded, strict=True) if p.group in inner_groups]
    train = [e for p, e in zip(data, encoded, strict=True) if p.group not in inner_groups]
    return fit(train, aux, inner, config, log)


def _inner_groups(groups: Sequence[tuple[int, int]], config: Config) -> set[int]:
    """Duplicate groups held apart for early stopping, drawn in a seeded order while their lines stay
    within ``config.inner_fraction`` of the training lines (``groups``: ``(group, lines)`` per debate)."""
    lines: dict[int, int] = {}
    for g, n in groups:
        lines[g] = lines.get(g, 0) + n
    budget = config.inner_fraction * sum(lines.values())
    distinct = sorted(lines)
    chosen: set[int] = set()
    used = 0
    for i in np.random.default_rng(config.seed).permutation(len(distinct)):
        g = distinct[i]
        if used + lines[g] <= budget:
            chosen.add(g)
            used += lines[g]
    return chosen


def current_model(
    data: Sequence[Prepared],
    lexicon: Lexicon,
    common: set[str],
    folds: Sequence[int],
    log: Log = lambda _m: None,
    cache: ScoreCache | None = None,
) -> list[np.ndarray]:
    """Out-of-fold raw scores of the shipped model's recipe (its own code, vocabulary refitted per fold)."""
    found = cache.get("shipped") if cache else None
    if found is not None:
        return [found[i] for i in range(len(data))]
    groups = [p.group for p in data]
    try:
        for p, f in zip(data, folds, strict=True):
            p.group = f
        out = cross_validate(data, lexicon, common, CurrentConfig(), log=log, strict=True)
    finally:
        for p, g in zip(data, groups, strict=True):
            p.group = g
    if cache:
        cache.put("shipped", dict(enumerate(out)))
    return out


def tfidf_baseline(data: Sequence[Prepared], folds: Sequence[int]) -> list[np.ndarray]:
    """TF-IDF (word 1-2 grams) of the raw sentence + logistic regression, vocabulary per fold."""
    texts = [p.debate.texts for p in data]
    out: list[np.ndarray] = [np.zeros(0)] * len(data)
    for f in sorted(set(folds)):
        train = [i for i, g in enumerate(folds) if g != f]
        vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
        x = vec.fit_transform([t for i in train for t in texts[i]])
        lr = LogisticRegression(C=1.0, max_iter=2000, solver="liblinear")
        lr.fit(x, np.concatenate([data[i].labels for i in train]))
        for i, g in enumerate(folds):
            if g == f:
                out[i] = lr.decision_function(vec.transform(texts[i]))
    return out


def frozen_baseline(
    data: Sequence[Prepared], vectors: Sequence[np.ndarray], folds: Sequence[int]
) -> list[np.ndarray]:
    """Frozen MiniLM vectors of the sentence and the mean of its neighbours' + logistic regression."""
    feats = [np.hstack([v, neighbour_mean(v)]) for v in vectors]
    out: list[np.ndarray] = [np.zeros(0)] * len(data)
    for f in sorted(set(folds)):
        train = [i for i, g in enumerate(folds) if g != f]
        x = np.vstack([feats[i] for i in train])
        mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
        lr = LogisticRegression(C=1.0, max_iter=3000)
        lr.fit((x - mean) / scale, np.concatenate([data[i].labels for i in train]))
        for i, g in enumerate(folds):
            if g == f:
                out[i] = lr.decision_function((feats[i] - mean) / scale)
    return out


def rank_mean(a: Sequence[np.ndarray], b: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Per debate, the mean of the two systems' ranks (no fitted weight): a plain ensemble."""
    return [(np.argsort(np.argsort(x)) + np.argsort(np.argsort(y))) / 2.0 for x, y in zip(a, b, strict=True)]


def _per_debate(scores: Sequence[np.ndarray], data: Sequence[Prepared], idx: Sequence[int]) -> np.ndarray:
    """``(debates, 2)``: AP and P@5 of each debate in ``idx``."""
    return np.array(
        [
            [average_precision(scores[i], data[i].labels), precision_at(scores[i], data[i].labels, 5)]
            for i in idx
        ]
    )


def table(
    data: Sequence[Prepared], systems: dict[str, Sequence[np.ndarray]], reference: str, draws: int = 10_000
) -> str:
    """MAP and P@5 per CheckThat! set with 95% bootstrap intervals, and each system's paired difference
    from ``reference`` with its interval (debates resampled together, seed 0)."""
    lines = []
    for source in sorted({p.debate.source for p in data}):
        idx = [i for i, p in enumerate(data) if p.debate.source == source]
        rng = np.random.default_rng(0)
        sample = rng.integers(0, len(idx), size=(draws, len(idx)))
        per = {name: _per_debate(s, data, idx) for name, s in systems.items()}
        lines.append(f"{source} ({len(idx)} debates)")
        lines.append(
            f"  {'system':34} {'MAP':>6} {'95% interval':>13} {'P@5':>6} {'95% interval':>13}"
            f"   {'MAP - ' + reference[:10]:>22} {'P@5 - ' + reference[:10]:>22}"
        )
        for name, values in per.items():
            boot = values[sample].mean(axis=1)
            lo, hi = np.percentile(boot, [2.5, 97.5], axis=0)
            mean = values.mean(axis=0)
            row = (
                f"  {name:34} {mean[0]:6.3f} {lo[0]:6.3f}-{hi[0]:.3f} {mean[1]:6.3f} {lo[1]:6.3f}-{hi[1]:.3f}"
            )
            if name != reference:
                diff = per[reference] - values
                dboot = diff[sample].mean(axis=1)
                dlo, dhi = np.percentile(dboot, [2.5, 97.5], axis=0)
                dm = diff.mean(axis=0)
                row += "".join(f"   {dm[m]:+.3f} ({dlo[m]:+.3f} to {dhi[m]:+.3f})" for m in (0, 1))
            lines.append(row)
    return "\n".join(lines)


def ship_verdict(
    data: Sequence[Prepared], systems: dict[str, Sequence[np.ndarray]], new: str, draws: int = 10_000
) -> str:
    """The issue's rule: the new model must beat every other system by more than the half-width of its own
    bootstrap interval, on CheckThat! 2019 MAP and P@5 and CheckThat! 2020 MAP."""
    checks = []
    for source, measures in (("ct2019", (0, 1)), ("ct2020", (0,))):
        idx = [i for i, p in enumerate(data) if p.debate.source == source]
        if not idx:
            continue
        sample = np.random.default_rng(0).integers(0, len(idx), size=(draws, len(idx)))
        mine = _per_debate(systems[new], data, idx)
        lo, hi = np.percentile(mine[sample].mean(axis=1), [2.5, 97.5], axis=0)
        for m in measures:
            half = (hi[m] - lo[m]) / 2.0
            for name, s in systems.items():
                if name == new:
                    continue
                other = _per_debate(s, data, idx)[:, m].mean()
                margin = mine[:, m].mean() - other
                label = ("MAP", "P@5")[m]
                checks.append(
                    (margin > half, f"{source} {label}: {margin:+.3f} over {name} (half-width {half:.3f})")
                )
    passed = all(ok for ok, _ in checks)
    head = "SHIP: beats every other system by more than the half-width" if passed else "DO NOT SHIP"
    return "\n".join([head, *(("  ok   " if ok else "  FAIL ") + text for ok, text in checks)])
