"""Frozen all-MiniLM-L6-v2 sentence vectors: the plain baseline's representation (training time only).

The whole pretrained model (6 layers), mean pooling over every piece and L2 normalisation, as the
sentence-transformers model card computes its sentence embedding; the raw sentence, nothing masked
(a plain baseline). Distinct texts are encoded once and the vectors cached in ``cache`` under a hash of
the texts, since the 77,000 training sentences take long on two cores.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from podium.encoder.network import batches, windows
from podium.encoder.pieces import Pieces, tokenizer


def sentence_vectors(
    texts: Sequence[str], cache: Path, log: Callable[[str], None] = lambda _m: None
) -> np.ndarray:
    """``(n, 384)`` normalised mean-pooled vectors of ``texts`` (cached in the ``cache`` folder)."""
    distinct = sorted(set(texts))
    key = hashlib.sha256("\n".join(distinct).encode("utf-8")).hexdigest()[:20]
    path = cache / f"frozen-minilm-{key}.npy"
    if path.exists():
        vectors = np.load(path)
    else:
        vectors = _encode(distinct, log)
        cache.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    row = {t: i for i, t in enumerate(distinct)}
    return vectors[[row[t] for t in texts]]


def _encode(texts: Sequence[str], log: Callable[[str], None]) -> np.ndarray:
    import torch

    from podium.encoder.network import base_bert

    model = base_bert(6).eval()
    encodings = tokenizer().encode_batch(list(texts), add_special_tokens=False)
    seqs = [
        windows(Pieces(np.array(e.ids, dtype=np.int64), np.zeros((0, 2)), np.zeros(0)), 256)[0]
        for e in encodings
    ]
    out = np.zeros((len(texts), 384), dtype=np.float32)
    done = 0
    with torch.inference_mode():
        for idx, ids, att in batches(seqs, 4096):
            hidden = model(input_ids=ids, attention_mask=att).last_hidden_state
            w = att.unsqueeze(-1).float()
            mean = (hidden * w).sum(1) / w.sum(1)
            out[idx] = torch.nn.functional.normalize(mean, dim=-1).numpy()
            done += len(idx)
            if done % 5000 < len(idx):
                log(f"frozen MiniLM: {done}/{len(texts)} sentences")
    return out
