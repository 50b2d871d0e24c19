"""Fine-tuning the shared encoder with the check-worthiness head (training time only).

``inputs`` turns prepared debates into what fine-tuning reads: each sentence's masked word pieces, the
standardisable dense features, labels and duplicate weights. ``fit`` trains the first ``k`` MiniLM layers
(the embedding layer stays frozen) together with the head: each step encodes short runs of consecutive
lines (``Config.chunk`` lines and one more on each side, so every scored line has its real neighbours),
one run around each positive line and ``random_runs`` runs at random per positive, plus runs of
ClaimBuster debates for an auxiliary head (check-worthy factual sentence or not, from the sentence
alone), which shares the encoder. After each epoch the inner debates (training debates held apart,
never the held-out ones) are scored; the epoch with the best inner MAP is kept and training stops once
it has not improved for ``patience`` epochs. Everything is seeded.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import torch

from podium.checkworthy.metrics import average_precision
from podium.encoder.checkworthy import CheckworthyHead, HeadArrays, neighbour_mean_torch
from podium.encoder.network import DIM, ShallowEncoder, batches, pooled, sentence_states, windows
from podium.encoder.pieces import Pieces


@dataclass(frozen=True, slots=True)
class Config:
    """Fine-tuning settings, fixed before cross-validation."""

    layers: int = 1
    chunk: int = 4
    random_runs: float = 0.5
    aux_runs: int = 300
    steps_runs: int = 8
    epochs: int = 2
    patience: int = 1
    #: 0 freezes the encoder (the heads alone learn): the ablation that shows what fine-tuning adds
    lr_encoder: float = 1e-4
    lr_head: float = 2e-3
    weight_decay: float = 0.01
    hidden: int = 64
    max_tokens: int = 4096
    inner_fraction: float = 0.1
    seed: int = 13


@dataclass(slots=True)
class Input:
    """One debate as fine-tuning reads it."""

    pieces: list[Pieces]
    dense: np.ndarray
    labels: np.ndarray
    weights: np.ndarray
    texts: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.pieces)


@dataclass(slots=True)
class Trained:
    """A fitted encoder and head, the dense features' standardisation and the inner MAP per epoch."""

    encoder: ShallowEncoder
    head: HeadArrays
    dense_mean: np.ndarray
    dense_scale: np.ndarray
    inner_map: list[float]
    epoch: int

    def decision(
        self, debates: Sequence[Input], cache: dict[str, np.ndarray] | None = None
    ) -> list[np.ndarray]:
        """Raw scores of each debate's lines (``cache``: pooled states by text, filled as it goes)."""
        return decision(self.encoder, self.head, self.dense_mean, self.dense_scale, debates, cache)


def decision(
    encoder: torch.nn.Module,
    head: HeadArrays,
    dense_mean: np.ndarray,
    dense_scale: np.ndarray,
    debates: Sequence[Input],
    cache: dict[str, np.ndarray] | None = None,
) -> list[np.ndarray]:
    """Raw scores of every line of ``debates``; each distinct sentence is encoded once."""
    cache = {} if cache is None else cache
    todo: dict[str, Pieces] = {}
    for d in debates:
        for t, p in zip(d.texts, d.pieces, strict=True):
            if t not in cache:
                todo[t] = p
    if todo:
        keys = list(todo)
        _, tuned = sentence_states(encoder, [todo[k] for k in keys])
        cache.update(zip(keys, tuned, strict=True))
    out = []
    for d in debates:
        own = np.stack([cache[t] for t in d.texts]) if len(d) else np.zeros((0, DIM), dtype=np.float32)
        out.append(head.decision(own, (d.dense - dense_mean) / dense_scale))
    return out


def _runs(
    debates: Sequence[Input], config: Config, rng: np.random.Generator, aux: bool
) -> list[tuple[int, int, int]]:
    """``(debate, start, end)`` runs of ``config.chunk`` lines for one epoch."""
    k = config.chunk
    out = []
    if aux:
        sizes = np.array([max(len(d) - k + 1, 0) for d in debates], dtype=np.float64)
        for _ in range(config.aux_runs):
            i = int(rng.choice(len(debates), p=sizes / sizes.sum()))
            a = int(rng.integers(0, sizes[i]))
            out.append((i, a, a + k))
        return out
    positives = [(i, j, float(d.weights[j])) for i, d in enumerate(debates) for j in np.flatnonzero(d.labels)]
    for i, j, w in positives:
        if rng.random() > w:  # a positive line copied in k debates of its group: 1/k of the runs
            continue
        a = int(np.clip(j - rng.integers(0, k), 0, max(len(debates[i]) - k, 0)))
        out.append((i, a, min(a + k, len(debates[i]))))
    lengths = np.array([len(d) for d in debates], dtype=np.float64)
    n_random = round(config.random_runs * len(out))
    for _ in range(n_random):
        i = int(rng.choice(len(debates), p=lengths / lengths.sum()))
        a = int(rng.integers(0, max(len(debates[i]) - k, 0) + 1))
        out.append((i, a, min(a + k, len(debates[i]))))
    return out


def fit(
    train: Sequence[Input],
    aux: Sequence[Input],
    inner: Sequence[Input],
    config: Config,
    log: Callable[[str], None] = lambda _m: None,
) -> Trained:
    """Fine-tune the encoder with the head on ``train`` (and the auxiliary head on ``aux``), keeping the
    epoch with the best MAP on ``inner``."""
    torch.manual_seed(config.seed)
    rng = np.random.default_rng(config.seed)
    dense = np.vstack([d.dense for d in train]).astype(np.float64)
    dense_mean, dense_scale = dense.mean(axis=0), dense.std(axis=0)
    dense_scale[dense_scale == 0] = 1.0
    encoder = ShallowEncoder(config.layers)
    head = CheckworthyHead(dense.shape[1], config.hidden)
    aux_head = torch.nn.Linear(DIM, 1)
    if config.lr_encoder == 0:  # the ablation: the pretrained layers frozen, only the heads learn
        for p in encoder.parameters():
            p.requires_grad_(False)
    groups = [{"params": [*head.parameters(), *aux_head.parameters()], "lr": config.lr_head}]
    tuned = [p for p in encoder.parameters() if p.requires_grad]
    if tuned:
        groups.append({"params": tuned, "lr": config.lr_encoder})
    optimiser = torch.optim.AdamW(groups, weight_decay=config.weight_decay)
    std_dense = [torch.from_numpy(((d.dense - dense_mean) / dense_scale).astype(np.float32)) for d in train]
    best: tuple[float, int, dict, HeadArrays] | None = None
    inner_maps: list[float] = []
    for epoch in range(1, config.epochs + 1):
        start = time.perf_counter()
        encoder.train()
        head.train()
        runs = [(False, *r) for r in _runs(train, config, rng, aux=False)]
        runs += [(True, *r) for r in _runs(aux, config, rng, aux=True)] if aux else []
        order = rng.permutation(len(runs))
        total, n_pieces = 0.0, 0
        for s in range(0, len(order), config.steps_runs):
            step = [runs[i] for i in order[s : s + config.steps_runs]]
            loss, pieces = _step_loss(step, train, aux, std_dense, encoder, head, aux_head, config)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_([*encoder.parameters(), *head.parameters()], 1.0)
            optimiser.step()
            total += float(loss.detach()) * len(step)
            n_pieces += pieces
        encoder.eval()
        head.eval()
        arrays = head.arrays()
        scores = decision(encoder, arrays, dense_mean, dense_scale, inner)
        inner_map = float(
            np.mean([average_precision(s, d.labels) for s, d in zip(scores, inner, strict=True)])
        )
        inner_maps.append(inner_map)
        log(
            f"epoch {epoch}: {len(runs)} runs, {n_pieces} pieces, loss {total / max(len(runs), 1):.4f},"
            f" inner MAP {inner_map:.3f} ({time.perf_counter() - start:.0f}s)"
        )
        if best is None or inner_map > best[0]:
            best = (inner_map, epoch, copy.deepcopy(encoder.state_dict()), arrays)
        elif epoch - best[1] >= config.patience:
            break
    assert best is not None
    encoder.load_state_dict(best[2])
    encoder.eval()
    return Trained(encoder, best[3], dense_mean, dense_scale, inner_maps, best[1])


def _step_loss(
    step: Sequence[tuple[bool, int, int, int]],
    train: Sequence[Input],
    aux: Sequence[Input],
    std_dense: Sequence[torch.Tensor],
    encoder: ShallowEncoder,
    head: CheckworthyHead,
    aux_head: torch.nn.Module,
    config: Config,
) -> tuple[torch.Tensor, int]:
    """The weighted mean loss of one step's runs, and how many pieces it encoded."""
    seqs: list[np.ndarray] = []
    spans = []  # per run: (first seq index, lines encoded, offset of the run inside them)
    for is_aux, i, a, b in step:
        d = aux[i] if is_aux else train[i]
        lo, hi = (a, b) if is_aux else (max(a - 1, 0), min(b + 1, len(d)))
        spans.append((len(seqs), hi - lo, a - lo))
        seqs.extend(windows(d.pieces[j])[0] for j in range(lo, hi))
    states = [torch.empty(0)] * len(seqs)
    for idx, ids, att in batches(seqs, config.max_tokens):
        _, tuned, _ = pooled(encoder, ids, att)
        for row, i in enumerate(idx):
            states[i] = tuned[row]
    logits, targets, weights = [], [], []
    for (is_aux, i, a, b), (first, n, off) in zip(step, spans, strict=True):
        own = torch.stack(states[first : first + n])
        d = aux[i] if is_aux else train[i]
        if is_aux:
            logits.append(aux_head(own).squeeze(-1))
        else:
            context = neighbour_mean_torch(own)
            sl = slice(off, off + (b - a))
            logits.append(head(own[sl], context[sl], std_dense[i][a:b]))
        targets.append(torch.from_numpy(d.labels[a:b].astype(np.float32)))
        weights.append(torch.from_numpy(d.weights[a:b].astype(np.float32)))
    y, w = torch.cat(targets), torch.cat(weights)
    loss = torch.nn.functional.binary_cross_entropy_with_logits(
        torch.cat(logits), y, weight=w, reduction="sum"
    )
    return loss / w.sum().clamp(min=1e-6), sum(len(s) for s in seqs)
