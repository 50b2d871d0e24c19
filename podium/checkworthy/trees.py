"""A boosted-tree ensemble as plain arrays, evaluated with numpy (no scikit-learn, no pickle at run time).

``TreeEnsemble`` holds every node of every tree in flat arrays (feature, threshold, left/right child as
global node indices, leaf value); ``predict`` walks all trees at once, level by level. ``from_sklearn``
turns a fitted ``HistGradientBoostingClassifier`` (numerical features, no missing values) into this
form at training time; the raw prediction equals the classifier's ``decision_function``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(slots=True)
class TreeEnsemble:
    """Trees in flat arrays; ``roots`` are the root node indices; ``base`` is the initial log-odds."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    base: float
    depth: int

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Raw scores (log-odds) of the rows of ``x``."""
        x = np.asarray(x, dtype=np.float64)
        n = len(x)
        node = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        rows = np.arange(n)[:, None]
        for _ in range(self.depth):
            feat = self.feature[node]
            inner = feat >= 0
            go_left = x[rows, np.where(inner, feat, 0)] <= self.threshold[node]
            node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)
        return self.value[node].sum(axis=1) + self.base

    def arrays(self) -> dict[str, np.ndarray]:
        """The ensemble as named arrays (for an ``.npz``), with ``base`` and ``depth`` in one array."""
        return {
            "tree_feature": self.feature.astype(np.int32),
            "tree_threshold": self.threshold.astype(np.float64),
            "tree_left": self.left.astype(np.int32),
            "tree_right": self.right.astype(np.int32),
            "tree_value": self.value.astype(np.float64),
            "tree_roots": self.roots.astype(np.int32),
            "tree_base_depth": np.array([self.base, float(self.depth)]),
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> TreeEnsemble:
        base, depth = arrays["tree_base_depth"].tolist()
        return cls(
            feature=arrays["tree_feature"].astype(np.int64),
            threshold=arrays["tree_threshold"].astype(np.float64),
            left=arrays["tree_left"].astype(np.int64),
            right=arrays["tree_right"].astype(np.int64),
            value=arrays["tree_value"].astype(np.float64),
            roots=arrays["tree_roots"].astype(np.int64),
            base=float(base),
            depth=int(depth),
        )

    @classmethod
    def empty(cls) -> TreeEnsemble:
        """No trees: predicts 0 everywhere."""
        one = np.zeros(1)
        return cls(
            -np.ones(1, np.int64),
            one,
            np.zeros(1, np.int64),
            np.zeros(1, np.int64),
            one,
            np.zeros(1, np.int64),
            0.0,
            0,
        )


def from_sklearn(clf: Any) -> TreeEnsemble:
    """Flatten a fitted binary ``HistGradientBoostingClassifier`` (numerical features only)."""
    feature, threshold, left, right, value, roots = [], [], [], [], [], []
    offset, depth = 0, 0
    for (tree,) in clf._predictors:
        nodes = tree.nodes
        if nodes["is_categorical"].any():
            raise ValueError("categorical splits are not supported")
        leaf = nodes["is_leaf"].astype(bool)
        feature.append(np.where(leaf, -1, nodes["feature_idx"]).astype(np.int64))
        threshold.append(nodes["num_threshold"].astype(np.float64))
        left.append(np.where(leaf, 0, nodes["left"]).astype(np.int64) + offset)
        right.append(np.where(leaf, 0, nodes["right"]).astype(np.int64) + offset)
        value.append(np.where(leaf, nodes["value"], 0.0).astype(np.float64))
        roots.append(offset)
        depth = max(depth, int(nodes["depth"].max()))
        offset += len(nodes)
    return TreeEnsemble(
        feature=np.concatenate(feature),
        threshold=np.concatenate(threshold),
        left=np.concatenate(left),
        right=np.concatenate(right),
        value=np.concatenate(value),
        roots=np.asarray(roots, dtype=np.int64),
        base=float(np.ravel(clf._baseline_prediction)[0]),
        depth=depth,
    )
