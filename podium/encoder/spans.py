"""Word-piece states of a document's segments from the shared encoder: what the technique heads read.

The pass is the shared encoder's (``network``): each segment masked by the one name rule and cut into
pieces (``pieces``), every segment its own ``[CLS] … [SEP]`` sequence (long ones in windows), so a
piece's state never depends on the other segments of its batch. Unlike ``network.sentence_states`` the
states are kept per piece, at each requested depth (0 = the embedding layer, k = after the first k
transformer layers), and returned as ``podium.techniques.encoder.Encoded`` (offsets into the document),
so the span features of ``podium.techniques.features`` can be computed on them unchanged.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np
import torch

from podium.encoder.network import DIM, batches, windows
from podium.encoder.pieces import Pieces, pieces
from podium.techniques.encoder import Encoded


def piece_states(
    encoder: torch.nn.Module, sentences: Sequence[Pieces], depths: Sequence[int], max_tokens: int = 8192
) -> dict[int, list[np.ndarray]]:
    """``{depth: [(pieces, 384) per sentence]}`` from one pass of ``encoder`` (a ``ShallowEncoder`` or its
    int8 copy; every depth must be at most its number of layers)."""
    seqs: list[np.ndarray] = []
    owner: list[tuple[int, int]] = []  # (sentence, first piece of the window)
    for i, p in enumerate(sentences):
        at = 0
        for w in windows(p):
            seqs.append(w)
            owner.append((i, at))
            at += len(w) - 2
    out = {d: [np.zeros((len(p), DIM), dtype=np.float32) for p in sentences] for d in depths}
    with torch.inference_mode():
        for idx, ids, att in batches(seqs, max_tokens):
            hidden = encoder.bert(input_ids=ids, attention_mask=att, output_hidden_states=True).hidden_states
            for d in depths:
                states = hidden[d].numpy()
                for row, j in enumerate(idx):
                    i, at = owner[j]
                    n = len(seqs[j]) - 2
                    out[d][i][at : at + n] = states[row, 1 : 1 + n]
    return out


def document_states(
    encoder: torch.nn.Module,
    text: str,
    segments: Sequence[tuple[int, int]],
    common: Collection[str],
    depths: Sequence[int],
) -> dict[int, list[Encoded]]:
    """The pieces of each ``[start, end)`` segment of ``text`` with their states at each depth."""
    ps = pieces([text[s:e] for s, e in segments], common)
    states = piece_states(encoder, ps, depths)
    return {
        d: [
            Encoded(p.offsets + s, v, np.asarray(p.placeholder, dtype=bool))
            for p, v, (s, _) in zip(ps, states[d], segments, strict=True)
        ]
        for d in depths
    }
