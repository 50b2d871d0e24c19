"""A sentence vector for the check-worthiness model: the mean of MiniLM's static piece vectors.

Learnt representation, no training here: each name-masked sentence (``masking``, digits kept) goes
through all-MiniLM-L6-v2's embedding layer (word piece + position embedding, LayerNorm; the same loaded
layer as the technique analyser, ``podium.techniques.embedding``) and its piece vectors are averaged.
Masked names enter as MiniLM's own ``[MASK]`` piece, so the vector of "ENT struck ENT" is the same
whichever countries were named. Words the TF-IDF vocabulary never saw still land near their synonyms
here, which is what helps on debates unlike the training ones. Runs in numpy, offline.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from podium.checkworthy.masking import MASK
from podium.techniques.embedding import StaticEmbedding

DIM = 384
_PIECE_MASK = "[MASK]"


def _for_minilm(named: str) -> str:
    return " ".join(_PIECE_MASK if tok == MASK else tok for tok in named.split(" "))


def load() -> StaticEmbedding:
    """MiniLM's embedding layer, loaded once per process (shared with the technique analyser)."""
    from podium.techniques.embedding import load_embedding
    from podium.techniques.encoder import MAX_PIECES, STRIDE

    return load_embedding(MAX_PIECES, STRIDE)


def sentence_vectors(named: Sequence[str]) -> np.ndarray:
    """``(n, 384)`` mean static MiniLM vectors of sentences masked with ``keep_digits=True``."""
    out = np.zeros((len(named), DIM), dtype=np.float32)
    if not named:
        return out
    for i, windows in enumerate(load().windows([_for_minilm(t) for t in named])):
        vectors = [v for _, v in windows if len(v)]
        if vectors:
            out[i] = np.concatenate(vectors).mean(axis=0)
    return out
