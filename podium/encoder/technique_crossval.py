"""Technique classification (TC) on the shared encoder, compared in the technique model's article folds
with the shipped classifier and the plain baseline (training and benchmark time only).

Folds are ``podium.techniques.crossval.folds`` (5 folds of articles, seed 13), as in
``training/train_techniques.py``. In every fold each system is fitted on the gold spans of the training
articles only and predicts the gold template of the held-out ones (a span listed k times gets its k most
probable techniques, ``classifier.assign``), so micro-F1 equals accuracy over gold lines:

- ``new``: the shipped classifier's recipe (``TechniqueClassifier``: logistic regression over the span's
  and its sentence's mean piece vectors, the lexicon and repetition features, TF-IDF of the masked span)
  with the piece vectors taken from the shared encoder (``spans.document_states``: names masked by the one
  rule, first ``k`` MiniLM layers);
- ``current``: the same recipe on the shipped model's depth-0 piece vectors (retrained per fold);
- ``baseline``: the plain baseline the issue names: the whole 6-layer MiniLM sentence embedding of the
  raw span text and of its sentence (``frozen``), the span's repetition counts in its document, and a
  multinomial logistic regression.

``table`` prints each system's micro-F1 with a 95% percentile bootstrap interval (whole articles
resampled, seed 0) and its paired difference from the new head; ``verdict`` applies the issue's rule.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from podium.encoder.frozen import sentence_vectors
from podium.techniques import TECHNIQUES
from podium.techniques.classifier import TechniqueClassifier, assign
from podium.techniques.corpus import Article
from podium.techniques.crossval import Prepared, folds, tc_data
from podium.techniques.encoder import Encoded
from podium.techniques.features import DocContext

Log = Callable[[str], None]
Key = tuple[str, int, int]


def light(article: Article, common: set[str], encoded: list[Encoded] | None = None) -> Prepared:
    """What TC needs of an article (no piece features for the tagger); ``encoded`` replaces its vectors."""
    if encoded is not None:
        article = Article(article.id, article.text, article.segments, encoded, article.si, article.tc)
    return Prepared(article, DocContext.build(article.text, article.segments, common), [], [])


def outer_folds(docs: Sequence[Prepared], k: int = 5, seed: int = 13) -> list[list[str]]:
    """The article folds of ``training/train_techniques.py``."""
    return folds([d.article.id for d in docs], k, seed)


def recipe(train: Sequence[Prepared], test: Sequence[Prepared], c: float = 0.01) -> dict[Key, np.ndarray]:
    """The shipped classifier's recipe fitted on ``train``: probabilities of each gold span of ``test``."""
    dense, texts, labels, _ = tc_data(list(train))
    model = TechniqueClassifier(c=c).fit(dense, texts, labels)
    t_dense, t_texts, _, keys = tc_data(list(test))
    return dict(zip(keys, model.proba(t_dense, t_texts), strict=True))


def _sentence_of(article: Article, start: int, end: int) -> str:
    over = [(s, e) for s, e in article.segments if s < end and e > start]
    return article.text[over[0][0] : over[-1][1]] if over else article.text[start:end]


def repetition_counts(article: Article, start: int, end: int) -> np.ndarray:
    """How often the raw span recurs in its article, whether it was said before, and its length."""
    needle = article.text[start:end].lower()
    lower = article.text.lower()
    count = lower.count(needle) if needle.strip() else 0
    before = lower.count(needle, 0, start) if needle.strip() else 0
    return np.array(
        [math.log1p(max(count - 1, 0)), float(before > 0), math.log1p(len(needle.split())) / 3],
        dtype=np.float32,
    )


def baseline_rows(docs: Sequence[Prepared], cache: Path, log: Log) -> tuple[list[Key], np.ndarray, list[str]]:
    """Features of the plain baseline for every gold TC line: frozen 6-layer MiniLM vectors of the span and
    of its sentence, and the repetition counts."""
    keys, spans, sents, reps, labels = [], [], [], [], []
    for d in docs:
        a = d.article
        for tech, s, e in a.tc:
            keys.append((a.id, s, e))
            spans.append(a.text[s:e])
            sents.append(_sentence_of(a, s, e))
            reps.append(repetition_counts(a, s, e))
            labels.append(tech)
    vectors = sentence_vectors(spans + sents, cache, log)
    x = np.hstack([vectors[: len(spans)], vectors[len(spans) :], np.array(reps)])
    return keys, x, labels


def baseline(
    keys: Sequence[Key], x: np.ndarray, labels: Sequence[str], test_ids: set[str], c: float = 0.1
) -> dict[Key, np.ndarray]:
    """The plain baseline fitted on the lines outside ``test_ids``; probabilities of those inside."""
    from sklearn.linear_model import LogisticRegression

    test = np.array([k[0] in test_ids for k in keys])
    mean, scale = x[~test].mean(axis=0), x[~test].std(axis=0) + 1e-6
    y = np.array([TECHNIQUES.index(t) for t in labels])
    lr = LogisticRegression(C=c, max_iter=3000, random_state=13).fit((x[~test] - mean) / scale, y[~test])
    probs = np.zeros((int(test.sum()), len(TECHNIQUES)))
    probs[:, lr.classes_] = lr.predict_proba((x[test] - mean) / scale)
    return dict(zip([k for k, t in zip(keys, test, strict=True) if t], probs, strict=True))


def per_article(docs: Sequence[Prepared], probs: dict[Key, np.ndarray]) -> np.ndarray:
    """``(articles, 2)``: correct and gold TC lines per article when each span gets its top techniques."""
    out = np.zeros((len(docs), 2))
    for i, d in enumerate(docs):
        gold = Counter((d.article.id, t, s, e) for t, s, e in d.article.tc)
        groups = Counter((d.article.id, s, e) for _, s, e in d.article.tc)
        pred = Counter(assign(dict(groups), probs))
        out[i] = (sum((pred & gold).values()), sum(gold.values()))
    return out


def bootstrap_table(
    counts: dict[str, np.ndarray],
    metric: Callable[[np.ndarray], np.ndarray],
    reference: str,
    label: str,
    draws: int = 10_000,
) -> tuple[str, dict[str, tuple[float, float, float]]]:
    """Each system's ``metric`` of its summed per-article ``counts`` with a 95% bootstrap interval (whole
    articles resampled, seed 0), and its paired difference from ``reference`` over the same resamples;
    also ``{name: (value, low, high)}``. ``metric`` maps summed counts ``(..., m)`` to values ``(...)``."""
    n = len(next(iter(counts.values())))
    sample = np.random.default_rng(0).integers(0, n, size=(draws, n))
    boots = {name: metric(c[sample].sum(axis=1)) for name, c in counts.items()}
    summary: dict[str, tuple[float, float, float]] = {}
    head = f"{label} - " + reference[:12]
    lines = [f"  {'system':62} {label:>6} {'95% interval':>13}   {head:>26}"]
    for name, c in counts.items():
        value = float(metric(c.sum(axis=0)))
        lo, hi = np.percentile(boots[name], [2.5, 97.5])
        summary[name] = (value, float(lo), float(hi))
        row = f"  {name:62} {value:6.3f} {lo:6.3f}-{hi:.3f}"
        if name != reference:
            dlo, dhi = np.percentile(boots[reference] - boots[name], [2.5, 97.5])
            ref = float(metric(counts[reference].sum(axis=0)))
            row += f"   {ref - value:+.3f} ({dlo:+.3f} to {dhi:+.3f})"
        lines.append(row)
    return "\n".join(lines), summary


def accuracy(c: np.ndarray) -> np.ndarray:
    """Micro-F1 of TC with one prediction per gold line: correct / gold lines."""
    return c[..., 0] / np.maximum(c[..., 1], 1)


def table(
    docs: Sequence[Prepared], systems: dict[str, dict[Key, np.ndarray]], reference: str, draws: int = 10_000
) -> tuple[str, dict[str, tuple[float, float, float]]]:
    """TC micro-F1 of each system with its 95% bootstrap interval over articles, and its paired
    difference from ``reference`` (the same resamples); also ``{name: (f1, low, high)}``."""
    counts = {name: per_article(docs, p) for name, p in systems.items()}
    return bootstrap_table(counts, accuracy, reference, "TC F1", draws)


def verdict(summary: dict[str, tuple[float, float, float]], new: str, others: Sequence[str]) -> str:
    """The issue's rule: ship only if ``new`` beats each of ``others`` by more than its own bootstrap
    interval's half-width."""
    f1, lo, hi = summary[new]
    half = (hi - lo) / 2
    checks = [
        (f1 - summary[o][0] > half, f"{f1 - summary[o][0]:+.3f} over {o} (half-width {half:.3f})")
        for o in others
    ]
    head = "SHIP" if all(ok for ok, _ in checks) else "DO NOT SHIP"
    return "\n".join([f"{head} ({new})", *(("  ok   " if ok else "  FAIL ") + t for ok, t in checks)])
