"""Cross-validation of the check-worthiness model by debate group (training and benchmark time only).

``held_out`` is what the training script and the benchmark both run: every debate group (a debate with
its near-duplicates in the other CheckThat! set) is scored by a model fitted without it, each group's
scores are calibrated by a Platt map fitted on the other groups only, and the official-style metrics are
reported per CheckThat! set, with a bootstrap interval of MAP over debates, next to a plain TF-IDF +
logistic regression baseline on the same held-out groups. ``folds`` merges groups into that many folds
for a quicker, rougher run; a group is never split. The vocabulary is refitted without the held-out
group too, unless ``strict`` is off. Needs scikit-learn.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from podium.checkworthy.metrics import expected_calibration_error, macro_metrics, map_interval
from podium.checkworthy.model import CheckworthyModel
from podium.checkworthy.training import Config, Lexicon, Prepared, attach_lexical, fit, fit_lexicon, fit_platt


@dataclass(frozen=True, slots=True)
class HeldOut:
    """Out-of-fold raw scores and calibrated probabilities per debate (in the order given), and the
    printed summary."""

    raw: list[np.ndarray]
    probs: list[np.ndarray]
    summary: str


def held_out(
    data: Sequence[Prepared],
    lexicon: Lexicon,
    common: set[str],
    config: Config,
    folds: int = 0,
    log: Callable[[str], None] = lambda _msg: None,
    strict: bool = True,
) -> HeldOut:
    """Cross-validate leaving one debate group out (or ``folds`` folds of groups) and report per set.

    ``lexicon`` (vocabularies, IDF, ClaimBuster head) was fitted on every debate's masked text; ``strict``
    (the default) refits it without the held-out group, as a new speech would be scored; without it the
    held-out debate's own words shape the vocabulary (no labels, but optimistic; about 30 s less a group).
    The debates' ``group`` fields are restored before returning, so the caller can fit on all of them.
    """
    groups = [p.group for p in data]
    try:
        if folds:
            folded(data, folds)
        n_held = len({p.group for p in data})
        raw = cross_validate(data, lexicon, common, config, log=log, strict=strict)
        probs = cross_fitted_probabilities(data, raw)
        baseline = plain_baseline(data, strict)
    finally:
        for p, g in zip(data, groups, strict=True):
            p.group = g
    how = f"{folds} folds of debate groups" if folds else f"leave-one-debate-group-out ({n_held} groups)"
    if not strict:
        how += " (vocabulary shared with the held-out group)"
    summary = (
        f"{how} cross-validation, never trained on the held-out group, calibration fitted on the other"
        f" groups:\n{format_report(report(data, probs))}\n{baseline}"
    )
    return HeldOut(raw, probs, summary)


def raw_scores(model: CheckworthyModel, p: Prepared) -> np.ndarray:
    """Uncalibrated decision values of a prepared debate."""
    return model.decision(p.debate.texts, p.debate.speakers, masked=p.masked, dense=p.dense, emb=p.emb)


def cross_validate(
    data: Sequence[Prepared],
    lexicon: Lexicon,
    common: set[str],
    config: Config,
    log: Callable[[str], None] = lambda _msg: None,
    strict: bool = True,
) -> list[np.ndarray]:
    """Out-of-fold raw scores per debate: each debate group is scored by a model fitted without it
    (and, if ``strict``, the default, with a lexicon fitted without it)."""
    out: list[np.ndarray | None] = [None] * len(data)
    groups = sorted({p.group for p in data})
    for k, g in enumerate(groups, 1):
        train = [p for p in data if p.group != g]
        fold_lexicon = lexicon
        if strict:
            train = [dataclasses.replace(p) for p in train]  # their lexical rows change, not the caller's
            texts = [m for p in [*train, *lexicon.aux] for m in p.masked]
            fold_lexicon = fit_lexicon(texts, lexicon.aux, config)
            attach_lexical(train, fold_lexicon)
        model = CheckworthyModel(fit(train, fold_lexicon, common, config))
        for i, p in enumerate(data):
            if p.group == g:
                out[i] = raw_scores(model, p)
        log(f"fold {k}/{len(groups)}")
    return [o for o in out if o is not None]


def cross_fitted_probabilities(data: Sequence[Prepared], raw: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Calibrate each group's out-of-fold scores with a Platt map fitted on the other groups only."""
    out = []
    labels = [p.labels for p in data]
    for i, p in enumerate(data):
        others = [j for j, q in enumerate(data) if q.group != p.group]
        a, b = fit_platt(
            np.concatenate([raw[j] for j in others]),
            np.concatenate([labels[j] for j in others]),
            np.concatenate([data[j].weights for j in others]),
        )
        out.append(1.0 / (1.0 + np.exp(-(a * raw[i] + b))))
    return out


def report(data: Sequence[Prepared], probs: Sequence[np.ndarray]) -> dict[str, dict[str, float]]:
    """Official-style ranking metrics and ECE for each CheckThat! set separately."""
    result = {}
    for source in sorted({p.debate.source for p in data}):
        idx = [i for i, p in enumerate(data) if p.debate.source == source]
        scores = macro_metrics([(probs[i], data[i].labels) for i in idx])
        scores["MAP_low"], scores["MAP_high"] = map_interval([(probs[i], data[i].labels) for i in idx])
        scores["ECE"] = expected_calibration_error(
            np.concatenate([probs[i] for i in idx]), np.concatenate([data[i].labels for i in idx])
        )
        scores["debates"] = len(idx)
        result[source] = scores
    return result


def format_report(result: dict[str, dict[str, float]]) -> str:
    keys = ("MAP", "R-P", "P@1", "P@5", "P@10", "P@20", "RR", "ECE")
    lines = [f"{'set':8} {'debates':>7} " + " ".join(f"{k:>6}" for k in keys) + "  MAP 95% (bootstrap)"]
    for source, scores in result.items():
        lines.append(
            f"{source:8} {int(scores['debates']):>7} "
            + " ".join(f"{scores[k]:>6.3f}" for k in keys)
            + f"  {scores['MAP_low']:.3f}–{scores['MAP_high']:.3f}"
        )
    return "\n".join(lines)


def plain_baseline(data: Sequence[Prepared], strict: bool = True) -> str:
    """The reference point the issue names, on the same held-out groups: TF-IDF of the raw sentence
    (word 1–2 grams, nothing masked, no context) and a logistic regression, calibrated like the model;
    the vocabulary fitted without the held-out group unless ``strict`` is off."""
    texts = [p.debate.texts for p in data]
    raw: list[np.ndarray] = [np.zeros(0)] * len(data)
    shared = None if strict else _plain_vectorizer([t for ts in texts for t in ts])
    for g in sorted({p.group for p in data}):
        train = [i for i, p in enumerate(data) if p.group != g]
        vec = shared if shared is not None else _plain_vectorizer([t for i in train for t in texts[i]])
        lr = LogisticRegression(C=1.0, max_iter=2000, solver="liblinear")
        lr.fit(
            vec.transform([t for i in train for t in texts[i]]),
            np.concatenate([data[i].labels for i in train]),
        )
        for i, p in enumerate(data):
            if p.group == g:
                raw[i] = lr.decision_function(vec.transform(texts[i]))
    probs = cross_fitted_probabilities(data, raw)
    return f"plain TF-IDF + logistic regression, same held-out groups:\n{format_report(report(data, probs))}"


def _plain_vectorizer(texts: Sequence[str]) -> TfidfVectorizer:
    return TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2).fit(texts)


def folded(data: Sequence[Prepared], folds: int, seed: int = 0) -> None:
    """Merge debate groups into ``folds`` folds, in place (a group is never split)."""
    groups = sorted({p.group for p in data})
    order = np.random.RandomState(seed).permutation(len(groups))
    fold_of = {g: int(order[i] % folds) for i, g in enumerate(groups)}
    for p in data:
        p.group = fold_of[p.group]
