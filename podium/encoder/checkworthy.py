"""The check-worthiness head over the shared encoder's sentence states.

A sentence is scored from three parts: its own pooled state at depth ``k`` (``network.sentence_states``),
the mean pooled state of its neighbouring lines (the previous and the next one; one of them at the ends of
a document), and the check-worthiness model's dense cue and context features
(``podium.checkworthy.features.dense_features``, standardised): speaker role by behaviour, turn position,
numbers, comparisons and the like. A small two-layer network turns them into a log-odds score. The torch
module is what training fits; ``HeadArrays`` is the same computation in numpy for scoring.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from podium.encoder.network import DIM


class CheckworthyHead(torch.nn.Module):
    """``[state, neighbours' state, dense features] -> hidden -> GELU -> log-odds``."""

    def __init__(self, n_dense: int, hidden: int = 64, dropout: float = 0.1) -> None:
        super().__init__()
        self.first = torch.nn.Linear(2 * DIM + n_dense, hidden)
        self.drop = torch.nn.Dropout(dropout)
        self.out = torch.nn.Linear(hidden, 1)

    def forward(self, own: torch.Tensor, context: torch.Tensor, dense: torch.Tensor) -> torch.Tensor:
        x = torch.cat([own, context, dense], dim=-1)
        return self.out(self.drop(torch.nn.functional.gelu(self.first(x)))).squeeze(-1)

    def arrays(self) -> HeadArrays:
        return HeadArrays(
            self.first.weight.detach().numpy().T.copy(),
            self.first.bias.detach().numpy().copy(),
            self.out.weight.detach().numpy().ravel().copy(),
            float(self.out.bias.detach()[0]),
        )


def neighbour_mean(states: np.ndarray) -> np.ndarray:
    """Row i: the mean of rows i-1 and i+1 (the one that exists at the ends; zeros for one row)."""
    n = len(states)
    out = np.zeros_like(states)
    if n < 2:
        return out
    out[1:] += states[:-1]
    out[:-1] += states[1:]
    count = np.full((n, 1), 2.0, dtype=states.dtype)
    count[0] = count[-1] = 1.0
    return out / count


def neighbour_mean_torch(states: torch.Tensor) -> torch.Tensor:
    """``neighbour_mean`` for a tensor (rows in document order), differentiable."""
    n = states.shape[0]
    if n < 2:
        return torch.zeros_like(states)
    zero = torch.zeros_like(states[:1])
    total = torch.cat([zero, states[:-1]]) + torch.cat([states[1:], zero])
    count = torch.full((n, 1), 2.0, dtype=states.dtype)
    count[0] = count[-1] = 1.0
    return total / count


@dataclass(frozen=True, slots=True)
class HeadArrays:
    """The head's weights as arrays: ``w1 (in, hidden)``, ``b1``, ``w2 (hidden,)``, ``b2``."""

    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: float

    def decision(self, own: np.ndarray, dense: np.ndarray) -> np.ndarray:
        """Log-odds of one document's sentences, in order: ``own (n, 384)``, ``dense (n, d)`` standardised."""
        if len(own) == 0:
            return np.zeros(0)
        x = np.hstack([own, neighbour_mean(own), dense]).astype(np.float64)
        h = x @ self.w1 + self.b1
        h = 0.5 * h * (1.0 + _erf(h / np.sqrt(2.0)))
        return h @ self.w2 + self.b2


def _erf(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return erf(x)
