"""Cross-validation by article on the PTC corpus, shared by the training script and the benchmark.

``folds`` splits articles (never sentences) into k folds with a fixed seed. For each outer fold the span
tagger is fitted on 80% of the training articles and its decoding threshold chosen on the other 20%; the
technique classifier is fitted on the gold spans of all training articles. The evaluated fold is used for
nothing but scoring.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from podium.techniques.classifier import TechniqueClassifier, assign
from podium.techniques.corpus import Article
from podium.techniques.decoding import decode
from podium.techniques.features import DocContext, piece_features, span_features
from podium.techniques.scoring import si_score
from podium.techniques.tagger import Tagger, TaggerConfig, piece_labels

THRESHOLDS = tuple(np.round(np.arange(0.05, 0.75, 0.05), 2))


@dataclass(slots=True)
class Prepared:
    """An article with its feature matrices computed once."""

    article: Article
    ctx: DocContext
    pieces: list[np.ndarray]
    labels: list[np.ndarray]


def prepare(article: Article, common: set[str]) -> Prepared:
    ctx = DocContext.build(article.text, article.segments, common)
    pieces = [piece_features(ctx, k, enc) for k, enc in enumerate(article.encoded)]
    labels = [piece_labels(enc.offsets, article.si) for enc in article.encoded]
    return Prepared(article, ctx, pieces, labels)


def folds(ids: list[str], k: int = 5, seed: int = 13) -> list[list[str]]:
    order = np.random.default_rng(seed).permutation(sorted(ids))
    return [sorted(order[i::k].tolist()) for i in range(k)]


def predict_spans(
    tagger: Tagger, docs: list[Prepared], threshold: float
) -> list[tuple[str, int, int, float]]:
    out = []
    for d in docs:
        probs = tagger.predict(d.pieces)
        for enc, p in zip(d.article.encoded, probs, strict=True):
            for s, e, score in decode(d.article.text, enc.offsets, p, threshold):
                out.append((d.article.id, s, e, score))
    return out


def fit_tagger(
    train: list[Prepared], seed: int = 13, cfg: TaggerConfig | None = None, log: bool = False
) -> tuple[Tagger, float]:
    """Fit on 80% of ``train`` (by article), choose the threshold on the other 20%; returns both."""
    ids = sorted(d.article.id for d in train)
    held = set(np.random.default_rng(seed + 1).permutation(ids)[: max(1, len(ids) // 5)].tolist())
    fit_docs = [d for d in train if d.article.id not in held]
    val_docs = [d for d in train if d.article.id in held]
    xs = [x for d in fit_docs for x in d.pieces]
    ys = [y for d in fit_docs for y in d.labels]
    tagger = Tagger(xs[0].shape[1], cfg).fit(xs, ys, log=log)
    gold = [(d.article.id, s, e) for d in val_docs for s, e in d.article.si]
    best = (-1.0, 0.5)
    probs = {d.article.id: tagger.predict(d.pieces) for d in val_docs}
    for t in THRESHOLDS:
        pred = [
            (d.article.id, s, e)
            for d in val_docs
            for enc, p in zip(d.article.encoded, probs[d.article.id], strict=True)
            for s, e, _ in decode(d.article.text, enc.offsets, p, t)
        ]
        f1 = si_score(pred, gold).f1
        if log:
            print(f"    threshold {t:.2f}: held-out SI F1 {f1:.4f}", flush=True)
        best = max(best, (f1, float(t)))
    return tagger, best[1]


def tc_data(docs: list[Prepared]) -> tuple[np.ndarray, list[str], list[str], list[tuple[str, int, int]]]:
    """Features of every gold TC line (one row per distinct span) and the gold label lists."""
    dense, texts, labels, keys = [], [], [], []
    for d in docs:
        for tech, s, e in d.article.tc:
            f, t = span_features(d.ctx, d.article.encoded, s, e)
            dense.append(f)
            texts.append(t)
            labels.append(tech)
            keys.append((d.article.id, s, e))
    return np.array(dense), texts, labels, keys


def run_tc(train: list[Prepared], test: list[Prepared], c: float = 0.01) -> list[tuple[str, str, int, int]]:
    """Predictions for the gold TC template of ``test`` by a classifier fitted on ``train``."""
    dense, texts, labels, _ = tc_data(train)
    model = TechniqueClassifier(c=c).fit(dense, texts, labels)
    t_dense, t_texts, _, t_keys = tc_data(test)
    probs = model.proba(t_dense, t_texts)
    by_key = {k: p for k, p in zip(t_keys, probs, strict=True)}
    return assign(dict(Counter(t_keys)), by_key)
