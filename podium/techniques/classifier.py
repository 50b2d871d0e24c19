"""Technique classification of a given span: logistic regression over span features.

Learnt part: a multinomial logistic regression on the dense span features of ``features.span_features``
(mean MiniLM piece vectors of the span and of its sentence, lexicon cue counts, length, position,
repetition within the document) standardised, plus TF-IDF word 1-2-grams of the name-masked span text.
It returns a probability for each of the 14 techniques; a span that occurs twice in a gold template gets
its best, then second-best technique. Weights are plain numpy arrays, so the shipped model needs no pickle.
"""

from __future__ import annotations

import itertools

import numpy as np

from podium.techniques import TECHNIQUES


def _ngrams(text: str) -> list[str]:
    words = text.split()
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


class TechniqueClassifier:
    """``fit`` on dense features + span texts; ``proba`` gives ``(n, 14)`` probabilities."""

    def __init__(self, c: float = 0.01, min_df: int = 2, seed: int = 13) -> None:
        self.c, self.min_df, self.seed = c, min_df, seed
        self.vocab: dict[str, int] = {}
        self.idf = np.zeros(0, dtype=np.float32)
        self.mean = np.zeros(0, dtype=np.float32)
        self.scale = np.zeros(0, dtype=np.float32)
        self.coef = np.zeros((len(TECHNIQUES), 0), dtype=np.float32)
        self.intercept = np.zeros(len(TECHNIQUES), dtype=np.float32)

    def _matrix(self, dense: np.ndarray, texts: list[str]):  # type: ignore[no-untyped-def]
        from scipy import sparse

        z = (dense - self.mean) / self.scale
        rows, cols, vals = [], [], []
        for i, t in enumerate(texts):
            grams = [self.vocab[g] for g in _ngrams(t) if g in self.vocab]
            if not grams:
                continue
            ids, counts = np.unique(grams, return_counts=True)
            w = (1 + np.log(counts)) * self.idf[ids]
            w = w / np.linalg.norm(w)
            rows += [i] * len(ids)
            cols += ids.tolist()
            vals += w.tolist()
        tfidf = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(self.vocab)))
        return sparse.hstack([sparse.csr_matrix(z), tfidf]).tocsr()

    def fit(self, dense: np.ndarray, texts: list[str], labels: list[str]) -> TechniqueClassifier:
        from collections import Counter

        from sklearn.linear_model import LogisticRegression

        df = Counter(g for t in texts for g in set(_ngrams(t)))
        kept = sorted(g for g, n in df.items() if n >= self.min_df)
        self.vocab = {g: i for i, g in enumerate(kept)}
        self.idf = np.array([np.log(len(texts) / df[g]) + 1 for g in kept], dtype=np.float32)
        self.mean = dense.mean(axis=0)
        self.scale = dense.std(axis=0) + 1e-6
        y = np.array([TECHNIQUES.index(t) for t in labels])
        model = LogisticRegression(C=self.c, max_iter=3000, random_state=self.seed)
        model.fit(self._matrix(dense, texts), y)
        coef = np.zeros((len(TECHNIQUES), model.coef_.shape[1]), dtype=np.float32)
        intercept = np.full(len(TECHNIQUES), -30.0, dtype=np.float32)
        coef[model.classes_] = model.coef_
        intercept[model.classes_] = model.intercept_
        self.coef, self.intercept = coef, intercept
        return self

    def proba(self, dense: np.ndarray, texts: list[str]) -> np.ndarray:
        if len(texts) == 0:
            return np.zeros((0, len(TECHNIQUES)), dtype=np.float32)
        logits = self._matrix(dense, texts) @ self.coef.T + self.intercept
        logits = np.asarray(logits)
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def state(self) -> dict[str, np.ndarray]:
        grams = np.array(sorted(self.vocab, key=self.vocab.__getitem__), dtype=object)
        return {
            "tc_vocab": grams.astype(str),
            "tc_idf": self.idf,
            "tc_mean": self.mean,
            "tc_scale": self.scale,
            "tc_coef": self.coef,
            "tc_intercept": self.intercept,
        }

    @classmethod
    def from_state(cls, state: dict[str, np.ndarray]) -> TechniqueClassifier:
        model = cls()
        model.vocab = {str(g): i for i, g in enumerate(state["tc_vocab"])}
        model.idf, model.mean, model.scale = state["tc_idf"], state["tc_mean"], state["tc_scale"]
        model.coef, model.intercept = state["tc_coef"], state["tc_intercept"]
        return model


def assign(
    groups: dict[tuple[str, int, int], int], probs: dict[tuple[str, int, int], np.ndarray]
) -> list[tuple[str, str, int, int]]:
    """One technique per gold-template line: a span listed k times gets its k most probable techniques."""
    out = []
    for key, count in groups.items():
        ranked = np.argsort(-probs[key])
        for r in range(count):
            out.append((key[0], TECHNIQUES[int(ranked[r % len(TECHNIQUES)])], key[1], key[2]))
    return out
