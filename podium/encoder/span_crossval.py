"""Span identification (SI) as piece tagging on the shared encoder's states, compared in the technique
model's article folds with the shipped tagger and a plain sentence baseline (training time only).

- ``new``: the shipped tagger's recipe (``podium.techniques.crossval.fit_tagger``: the bidirectional GRU
  over piece vectors plus cue features, fitted on 80% of the training articles, decoding threshold chosen
  on the other 20%) with the piece vectors taken from the shared encoder (``spans.document_states``);
- ``current``: the same recipe on the shipped depth-0 vectors (retrained per fold);
- ``baseline``: the plain baseline the issue names, a sentence classifier: frozen 6-layer MiniLM vectors of
  each raw line (``frozen``) and a logistic regression for "the line overlaps a gold span"; a line above
  the threshold (chosen like the tagger's, on 20% of the training articles) is predicted as one span,
  without its edge spaces and final punctuation (the corpus trims its spans so).

``counts`` gives, per article, the sums of the task's partial-overlap scorer (``scoring.si_score``: spans
merged first), so the F1 of any resample of articles is computed exactly; the table and the verdict are
``technique_crossval``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from podium.encoder.frozen import sentence_vectors
from podium.techniques.corpus import Article
from podium.techniques.crossval import THRESHOLDS, Prepared, fit_tagger, predict_spans, prepare
from podium.techniques.encoder import Encoded
from podium.techniques.scoring import merge_spans, si_score

Log = Callable[[str], None]
Span = tuple[str, int, int]
_TRIM = " \t\n.,:;"


def prepared(article: Article, common: set[str], encoded: list[Encoded] | None = None) -> Prepared:
    """``crossval.prepare`` (piece features and labels) with the article's vectors replaced by ``encoded``."""
    if encoded is not None:
        article = Article(article.id, article.text, article.segments, encoded, article.si, article.tc)
    return prepare(article, common)


def tagger_spans(
    train: Sequence[Prepared], test: Sequence[Prepared], seed: int = 13
) -> tuple[list[Span], float]:
    """The tagger recipe fitted on ``train``: its spans on ``test`` and the threshold it chose."""
    tagger, threshold = fit_tagger(list(train), seed=seed)
    return [(a, s, e) for a, s, e, _ in predict_spans(tagger, list(test), threshold)], threshold


def counts(docs: Sequence[Prepared], pred: Sequence[Span]) -> np.ndarray:
    """``(articles, 4)``: the scorer's precision sum, predicted spans, recall sum and gold spans."""
    by_article: dict[str, list[tuple[int, int]]] = {}
    for a, s, e in pred:
        by_article.setdefault(a, []).append((s, e))
    out = np.zeros((len(docs), 4))
    for i, d in enumerate(docs):
        mine = merge_spans(by_article.get(d.article.id, []))
        gold = merge_spans(d.article.si)
        for ps, pe in mine:
            for gs, ge in gold:
                inter = min(pe, ge) - max(ps, gs)
                if inter > 0:
                    out[i, 0] += inter / (pe - ps)
                    out[i, 2] += inter / (ge - gs)
        out[i, 1], out[i, 3] = len(mine), len(gold)
    return out


def f1(c: np.ndarray) -> np.ndarray:
    """SI F1 from summed ``counts``."""
    p = c[..., 0] / np.maximum(c[..., 1], 1e-9)
    r = c[..., 2] / np.maximum(c[..., 3], 1e-9)
    return np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-12), 0.0)


def line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A line as a predicted span: without edge spaces and trailing punctuation."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    return start + lead, start + len(piece.rstrip(_TRIM))


class SentenceBaseline:
    """Frozen 6-layer MiniLM vectors of every line of every article, and the line labels."""

    def __init__(self, docs: Sequence[Prepared], cache: Path, log: Log = lambda _m: None) -> None:
        self.owner: list[tuple[int, int, int]] = []
        texts, labels = [], []
        for i, d in enumerate(docs):
            a = d.article
            for s, e in a.segments:
                self.owner.append((i, s, e))
                texts.append(a.text[s:e])
                labels.append(any(gs < e and ge > s for gs, ge in a.si))
        self.docs = list(docs)
        self.x = sentence_vectors(texts, cache, log)
        self.y = np.array(labels, dtype=np.int64)

    def _rows(self, ids: set[str]) -> np.ndarray:
        return np.array([self.docs[i].article.id in ids for i, _, _ in self.owner])

    def _spans(self, rows: np.ndarray, probs: np.ndarray, threshold: float) -> list[Span]:
        out = []
        for r, p in zip(np.flatnonzero(rows), probs, strict=True):
            if p >= threshold:
                i, s, e = self.owner[r]
                a = self.docs[i].article
                span = line_span(a.text, s, e)
                if span[1] > span[0]:
                    out.append((a.id, *span))
        return out

    def spans(self, train_ids: set[str], test_ids: set[str], seed: int = 13) -> tuple[list[Span], float]:
        """Fitted on ``train_ids`` (threshold on 20% of them, drawn as ``fit_tagger`` draws); spans of
        ``test_ids``."""
        from sklearn.linear_model import LogisticRegression

        ordered = sorted(train_ids)
        held = set(np.random.default_rng(seed + 1).permutation(ordered)[: max(1, len(ordered) // 5)].tolist())
        fit_rows, val_rows = self._rows(train_ids - held), self._rows(held)
        lr = LogisticRegression(C=1.0, max_iter=3000, random_state=seed).fit(
            self.x[fit_rows], self.y[fit_rows]
        )
        val_probs = lr.predict_proba(self.x[val_rows])[:, 1]
        gold = [(d.article.id, s, e) for d in self.docs if d.article.id in held for s, e in d.article.si]
        best = max((si_score(self._spans(val_rows, val_probs, t), gold).f1, float(t)) for t in THRESHOLDS)
        test_rows = self._rows(test_ids)
        return self._spans(test_rows, lr.predict_proba(self.x[test_rows])[:, 1], best[1]), best[1]
