"""The matching re-ranker: pair features → calibrated probability that a fact-check checks the claim.

A :class:`Reranker` is a logistic regression over standardised features, optionally plus a boosted-tree
ensemble (:class:`podium.checkworthy.trees.TreeEnsemble`) over the same features, whose raw log-odds are
mapped to a probability by a Platt calibration fitted out-of-fold on queries that include sentences with
no fact-check at all. Evaluated with numpy only; stored as one ``.npz`` file (no pickle) in
``podium/factchecks/model/``, written by ``training/train_matcher.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from podium.checkworthy.trees import TreeEnsemble
from podium.factchecks.features import FEATURES

MODEL_DIR = Path(__file__).with_name("model")
MODEL_FILE = MODEL_DIR / "matcher.npz"


@dataclass
class Reranker:
    features: tuple[str, ...]
    mean: np.ndarray  # per feature, for the linear part
    scale: np.ndarray
    coef: np.ndarray  # linear weights (zeros when trees alone decide)
    intercept: float
    trees: TreeEnsemble | None = None
    platt: tuple[float, float] = (1.0, 0.0)  # probability = sigmoid(a * raw + b)
    context_vector: bool = False  # whether the query is also embedded with its previous line
    info: dict = field(default_factory=dict)  # how it was trained (printed by the training script)

    def raw(self, x: np.ndarray) -> np.ndarray:
        """Uncalibrated log-odds of the rows of ``x`` (columns in :data:`FEATURES` order)."""
        x = np.asarray(x, dtype=np.float64)
        if x.shape[1] != len(FEATURES):
            raise ValueError(f"{x.shape[1]} feature columns, expected {len(FEATURES)}")
        cols = [FEATURES.index(f) for f in self.features]
        x = x[:, cols]
        out = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        if self.trees is not None:
            out = out + self.trees.predict(x)
        return out

    def probability(self, x: np.ndarray) -> np.ndarray:
        """Calibrated probabilities of the rows of ``x``."""
        a, b = self.platt
        z = np.clip(a * self.raw(x) + b, -40, 40)
        return 1.0 / (1.0 + np.exp(-z))

    def save(self, path: Path) -> None:
        meta = {
            "features": list(self.features),
            "intercept": self.intercept,
            "platt": list(self.platt),
            "context_vector": self.context_vector,
            "info": self.info,
        }
        arrays = {"mean": self.mean, "scale": self.scale, "coef": self.coef}
        if self.trees is not None:
            arrays.update(self.trees.arrays())
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp.npz")
        np.savez_compressed(tmp, meta=np.array(json.dumps(meta)), **arrays)
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> Reranker:
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
        meta = json.loads(str(arrays.pop("meta")))
        unknown = set(meta["features"]) - set(FEATURES)
        if unknown:
            raise ValueError(f"{path}: the model uses features this podium lacks: {sorted(unknown)}")
        trees = TreeEnsemble.from_arrays(arrays) if "tree_roots" in arrays else None
        return cls(
            features=tuple(meta["features"]),
            mean=arrays["mean"],
            scale=arrays["scale"],
            coef=arrays["coef"],
            intercept=float(meta["intercept"]),
            trees=trees,
            platt=(float(meta["platt"][0]), float(meta["platt"][1])),
            context_vector=bool(meta.get("context_vector", False)),
            info=meta.get("info", {}),
        )


def simple() -> Reranker:
    """A hand-set scorer (cosine plus BM25 share of the query's best): what ranks when no model file is
    shipped. Its probabilities are rough."""
    features = ("cos", "bm25_share")
    return Reranker(
        features=features,
        mean=np.zeros(2),
        scale=np.ones(2),
        coef=np.array([12.0, 2.0]),
        intercept=-10.0,
    )


@lru_cache(maxsize=1)
def shipped() -> Reranker:
    """The trained model shipped with podium (loaded once per process), or :func:`simple` without one."""
    if MODEL_FILE.exists():
        return Reranker.load(MODEL_FILE)
    return simple()
