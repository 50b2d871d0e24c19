"""Cosine search over fact-check vectors fast enough for 100,000 of them on two cores.

Exact search multiplies every query by every vector: 384 multiply-adds per fact-check, about 0.25 s for
76 queries against 100,000 here. :class:`Reduced` keeps a PCA projection of the vectors to
:data:`DIMS` dimensions (fitted at index time); a first pass in that space keeps :data:`OVERSAMPLE`
times the wanted number of rows, which the caller re-scores exactly from the stored vectors. On the
PolitiFact archive 96 dimensions and six-fold oversampling found 97.9% of the exact top 30
(``benchmarks/matching.py`` prints the recall of relevant fact-checks both ways). It also holds the
vectors' mean and second moment, so a query's mean and spread of cosines over the whole archive come
without scoring every row.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DIMS = 96
OVERSAMPLE = 6
REDUCE_FROM = 20_000  #: archives at least this large get the reduced first pass
_CHUNK = 16_384


@dataclass
class Reduced:
    projection: np.ndarray  # (384, DIMS) float32
    reduced: np.ndarray  # (n, DIMS) float32: the vectors projected
    moments: np.ndarray  # (1 + 384, 384) float32: the mean vector, then the second moment V'V/n

    @classmethod
    def build(cls, vectors: np.ndarray, dims: int = DIMS) -> Reduced:
        n, dim = vectors.shape
        mean = np.zeros(dim, dtype=np.float64)
        second = np.zeros((dim, dim), dtype=np.float64)
        for start in range(0, n, _CHUNK):  # in slices: no float32 copy of every vector at once
            block = np.asarray(vectors[start : start + _CHUNK], dtype=np.float32)
            mean += block.sum(axis=0)
            second += block.T @ block
        mean /= max(n, 1)
        second /= max(n, 1)
        _, basis = np.linalg.eigh(second - np.outer(mean, mean))
        projection = np.ascontiguousarray(basis[:, ::-1][:, :dims], dtype=np.float32)
        reduced = (
            np.concatenate(
                [
                    np.asarray(vectors[s : s + _CHUNK], dtype=np.float32) @ projection
                    for s in range(0, n, _CHUNK)
                ]
            )
            if n
            else np.zeros((0, dims), np.float32)
        )
        moments = np.concatenate([mean[None, :], second]).astype(np.float32)
        return cls(projection, np.ascontiguousarray(reduced), moments)

    def candidates(self, queries: np.ndarray, k: int) -> list[np.ndarray]:
        """Per query row, about ``OVERSAMPLE * k`` rows likely to hold its exact top ``k``."""
        n = len(self.reduced)
        want = min(n, OVERSAMPLE * k)
        approx = (queries @ self.projection) @ self.reduced.T
        if want >= n:
            return [np.arange(n) for _ in range(len(queries))]
        # the want-th best score of each row, then the rows at or above it (faster than argpartition)
        threshold = np.partition(approx, n - want, axis=1)[:, n - want]
        return [np.flatnonzero(row >= t) for row, t in zip(approx, threshold, strict=True)]

    def spread(self, queries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Mean and standard deviation of each query's cosines over every vector."""
        mean = queries @ self.moments[0]
        second = np.einsum("ij,jk,ik->i", queries, self.moments[1:], queries)
        return mean, np.sqrt(np.maximum(second - mean**2, 0.0))

    def arrays(self) -> dict[str, np.ndarray]:
        return {"pca_projection": self.projection, "pca_reduced": self.reduced, "pca_moments": self.moments}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> Reduced | None:
        if "pca_projection" not in arrays:
            return None
        return cls(arrays["pca_projection"], arrays["pca_reduced"], arrays["pca_moments"])
