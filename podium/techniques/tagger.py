"""Span identification: a small bidirectional GRU over frozen MiniLM piece vectors plus cue features.

The piece vectors carry no sentence context at the shipped depth (MiniLM's embedding layer), so the context
comes from the GRU. Trained with torch; run in numpy (``gru``), so the analyser needs no torch.
Learnt part: the GRU tags every word piece with the probability that it lies inside a propaganda span
(trained on the PTC SI spans). Rule part: ``decoding.decode`` turns the probabilities into spans. Its
threshold is chosen on held-out articles, never on the articles being evaluated.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(slots=True)
class TaggerConfig:
    hidden: int = 128
    epochs: int = 6
    lr: float = 2e-3
    dropout: float = 0.25
    batch: int = 32
    seed: int = 13


def _net(n_in: int, cfg: TaggerConfig):  # type: ignore[no-untyped-def]
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inp = nn.Sequential(nn.Dropout(cfg.dropout), nn.Linear(n_in, cfg.hidden), nn.GELU())
            self.gru = nn.GRU(cfg.hidden, cfg.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Sequential(nn.Dropout(cfg.dropout), nn.Linear(2 * cfg.hidden, 1))

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            h, _ = self.gru(self.inp(x))
            return self.out(h).squeeze(-1)

    return Net()


def _pad(seqs: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    n = max(len(s) for s in seqs)
    out = np.zeros((len(seqs), n, seqs[0].shape[1]), dtype=np.float32)
    valid = np.zeros((len(seqs), n), dtype=bool)
    for i, s in enumerate(seqs):
        out[i, : len(s)] = s
        valid[i, : len(s)] = True
    return out, valid


class Tagger:
    """Piece-level propaganda probability; ``state`` holds the weights (the torch state dict as arrays)."""

    def __init__(
        self, n_in: int, cfg: TaggerConfig | None = None, state: dict[str, np.ndarray] | None = None
    ) -> None:
        self.cfg = cfg or TaggerConfig()
        self.n_in = n_in
        self.state = state or {}

    def fit(self, xs: list[np.ndarray], ys: list[np.ndarray], log: bool = False) -> Tagger:
        import torch

        torch.manual_seed(self.cfg.seed)  # before building the net, so its initial weights are seeded too
        net = _net(self.n_in, self.cfg)
        rng = np.random.default_rng(self.cfg.seed)
        keep = [i for i, x in enumerate(xs) if len(x)]
        opt = torch.optim.AdamW(net.parameters(), lr=self.cfg.lr, weight_decay=1e-2)
        loss_fn = torch.nn.BCEWithLogitsLoss(reduction="none")
        net.train()
        for epoch in range(self.cfg.epochs):
            order = rng.permutation(keep)
            total = 0.0
            for b in range(0, len(order), self.cfg.batch):
                idx = order[b : b + self.cfg.batch]
                x, valid = _pad([xs[i] for i in idx])
                y, _ = _pad([ys[i][:, None].astype(np.float32) for i in idx])
                logits = net(torch.from_numpy(x))
                mask = torch.from_numpy(valid)
                loss = (loss_fn(logits, torch.from_numpy(y[..., 0])) * mask).sum() / mask.sum()
                opt.zero_grad()
                loss.backward()
                opt.step()
                total += float(loss.detach()) * len(idx)
            if log:
                print(f"    tagger epoch {epoch + 1}: loss {total / len(keep):.4f}", flush=True)
        self.state = {k: v.detach().numpy().astype(np.float32) for k, v in net.state_dict().items()}
        return self

    def predict(self, xs: list[np.ndarray], batch: int = 64) -> list[np.ndarray]:
        """Probabilities per piece; sequences are grouped by length into batches of ``batch``, as in
        training, because the network saw zero-padded batches (see ``gru``)."""
        from podium.techniques.gru import bigru_logits, sigmoid

        out: list[np.ndarray] = [np.zeros(0, dtype=np.float32)] * len(xs)
        order = [i for i in sorted(range(len(xs)), key=lambda i: len(xs[i])) if len(xs[i])]
        if not order:
            return out
        padded = [0] * len(xs)
        for b in range(0, len(order), batch):
            idx = order[b : b + batch]
            for i in idx:
                padded[i] = len(xs[idx[-1]])  # the longest of the batch
        logits = bigru_logits(self.state, [xs[i] for i in order], [padded[i] for i in order])
        for i, z in zip(order, logits, strict=True):
            out[i] = sigmoid(z)
        return out


def piece_labels(offsets: np.ndarray, spans: list[tuple[int, int]]) -> np.ndarray:
    """1 for pieces that overlap a gold span, else 0."""
    y = np.zeros(len(offsets), dtype=np.float32)
    for s, e in spans:
        y[(offsets[:, 0] < e) & (offsets[:, 1] > s)] = 1.0
    return y
