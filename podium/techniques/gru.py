"""Inference of the span tagger's network in numpy, so the analyser needs no torch at run time.

The same computation as ``tagger._net`` in eval mode (dropout off): Linear + exact GELU, a one-layer
bidirectional GRU (PyTorch's gate equations and weight layout, gates in the order r, z, n), Linear to one
logit per piece. Torch ran it on zero-padded batches (no packing): padding never reaches the forward
direction's real outputs, and the backward direction reads it first, always the same input, so its state
after ``p`` padded steps is one shared trajectory. Each sequence therefore runs on its own pieces only,
the backward one starting from that state, and the numbers match torch's. BLAS runs single-threaded here:
the matrices are small, and extra threads only add waiting.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext

import numpy as np


def _one_blas_thread() -> AbstractContextManager[object]:
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - it comes with scikit-learn
        return nullcontext()
    return threadpool_limits(1, "blas")


def sigmoid(a: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-a))


class _Direction:
    def __init__(self, state: dict[str, np.ndarray], suffix: str, inputs: np.ndarray) -> None:
        self.w_hh = np.ascontiguousarray(state[f"gru.weight_hh_l0{suffix}"].T)
        self.hidden = self.w_hh.shape[0]
        b_hh = state[f"gru.bias_hh_l0{suffix}"]
        self.gi = inputs @ state[f"gru.weight_ih_l0{suffix}"].T + state[f"gru.bias_ih_l0{suffix}"]
        self.gi[:, : 2 * self.hidden] += b_hh[: 2 * self.hidden]  # r and z take both biases outright
        self.b_hn = b_hh[2 * self.hidden :]

    def step(self, g: np.ndarray, h: np.ndarray) -> np.ndarray:
        two = 2 * self.hidden
        gh = h @ self.w_hh
        rz = sigmoid(g[:, :two] + gh[:, :two])
        n = 2.0 * sigmoid(2.0 * (g[:, two:] + rz[:, : self.hidden] * (gh[:, two:] + self.b_hn))) - 1.0
        return n + rz[:, self.hidden :] * (h - n)  # n is tanh(...)


def bigru_logits(state: dict[str, np.ndarray], xs: list[np.ndarray], padded: list[int]) -> list[np.ndarray]:
    """Logits of each sequence ``xs[i]`` as torch gave them in a batch zero-padded to ``padded[i]`` steps."""
    from scipy.special import erf

    lengths = np.array([len(x) for x in xs])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    with _one_blas_thread():
        a = np.vstack([*xs, np.zeros((1, xs[0].shape[1]), np.float32)]) @ state["inp.1.weight"].T
        a += state["inp.1.bias"]
        a = 0.5 * a * (1.0 + erf(a / np.sqrt(np.float32(2.0))))  # the last row is the padding input
        fwd, bwd = _Direction(state, "", a), _Direction(state, "_reverse", a)
        pad = [np.zeros((1, fwd.hidden), np.float32)]
        for _ in range(max(p - n for p, n in zip(padded, lengths, strict=True))):
            pad.append(bwd.step(bwd.gi[-1:], pad[-1]))
        order = np.argsort(-lengths, kind="stable")  # active rows are a prefix at every step
        h_f = np.zeros((len(xs), fwd.hidden), np.float32)
        h_b = np.vstack([pad[padded[i] - lengths[i]] for i in order])
        out = np.empty((len(a) - 1, 2 * fwd.hidden), np.float32)
        first, last = starts[order], starts[order] + lengths[order] - 1
        n_live = (lengths[order][None, :] > np.arange(int(lengths.max(initial=0)))[:, None]).sum(axis=1)
        for k, live in enumerate(n_live.tolist()):
            at_f, at_b = first[:live] + k, last[:live] - k
            h_f[:live] = fwd.step(fwd.gi[at_f], h_f[:live])
            h_b[:live] = bwd.step(bwd.gi[at_b], h_b[:live])
            out[at_f, : fwd.hidden] = h_f[:live]
            out[at_b, fwd.hidden :] = h_b[:live]
        logit = out @ state["out.1.weight"][0] + state["out.1.bias"][0]
    return [logit[s : s + n] for s, n in zip(starts, lengths, strict=True)]
