"""The check-worthiness head: numpy scoring equals the trained torch head; fine-tuning runs, is seeded,
and learns an easy signal; the comparison table and ship verdict follow the issue's rule."""

from __future__ import annotations

import numpy as np
import torch

from podium.checkworthy.data import Debate
from podium.checkworthy.training import Prepared
from podium.encoder import crossval
from podium.encoder.checkworthy import CheckworthyHead, neighbour_mean, neighbour_mean_torch
from podium.encoder.pieces import pieces
from podium.encoder.training import Config, Input, fit

COMMON = {"the", "we", "will", "win", "thank", "you", "jobs", "percent", "taxes"}
CLAIM = "Unemployment fell by 40 percent and taxes went up 3 percent last year."
FILLER = ["Thank you.", "We will win.", "Thank you so much.", "Good evening, everyone.", "Let me say this."]


def _debate(n: int, claims: set[int]) -> Input:
    texts = [CLAIM if i in claims else FILLER[i % len(FILLER)] for i in range(n)]
    labels = np.array([1 if i in claims else 0 for i in range(n)])
    dense = np.arange(n, dtype=np.float32)[:, None] % 3
    return Input(pieces(texts, COMMON), dense, labels, np.ones(n), texts)


def test_neighbour_mean_numpy_and_torch_agree() -> None:
    x = np.arange(12, dtype=np.float32).reshape(4, 3)
    assert np.allclose(neighbour_mean(x), neighbour_mean_torch(torch.from_numpy(x)).numpy())
    assert np.allclose(neighbour_mean(x)[0], x[1]) and np.allclose(neighbour_mean(x)[1], (x[0] + x[2]) / 2)
    assert not neighbour_mean(x[:1]).any()


def test_numpy_head_scores_like_the_torch_head() -> None:
    torch.manual_seed(0)
    head = CheckworthyHead(n_dense=2, hidden=8).eval()
    own = np.random.default_rng(0).normal(size=(5, 384)).astype(np.float32)
    dense = np.random.default_rng(1).normal(size=(5, 2)).astype(np.float32)
    with torch.no_grad():
        ref = head(
            torch.from_numpy(own), torch.from_numpy(neighbour_mean(own)), torch.from_numpy(dense)
        ).numpy()
    assert np.allclose(head.arrays().decision(own, dense), ref, atol=1e-5)


def test_fine_tuning_learns_an_easy_signal_and_is_seeded() -> None:
    train = [_debate(12, {2, 7}), _debate(10, {4})]
    inner = [_debate(10, {1, 6})]
    aux = [_debate(8, {3})]
    config = Config(epochs=2, chunk=3, aux_runs=2, lr_encoder=1e-4, lr_head=5e-3, seed=3)
    first = fit(train, aux, inner, config)
    second = fit(train, aux, inner, config)
    (scores,) = first.decision([_debate(10, {5})])
    assert int(np.argmax(scores)) == 5
    assert first.inner_map == second.inner_map and first.epoch in (1, 2)
    assert np.allclose(second.decision([_debate(10, {5})])[0], scores)


def _prepared(source: str, labels: list[int], name: str) -> Prepared:
    n = len(labels)
    debate = Debate(name, source, [str(i) for i in range(n)], [None] * n, ["x"] * n, labels)
    return Prepared(debate, ["x"] * n, np.zeros((n, 1)), 0, np.ones(n), np.zeros((n, 1)))


def test_verdict_needs_a_margin_over_every_system() -> None:
    data = [
        _prepared(src, [1, 0, 0, 0, 0, 0, 1, 0], f"{src}{i}")
        for src in ("ct2019", "ct2020")
        for i in range(6)
    ]
    perfect = [np.array([9.0, 0, 0, 0, 0, 0, 8, 0]) for _ in data]
    worst = [np.array([0.0, 9, 8, 7, 6, 5, 1, 4]) for _ in data]
    verdict = crossval.ship_verdict(data, {"new": perfect, "old": worst}, "new")
    assert verdict.startswith("SHIP")
    assert crossval.ship_verdict(data, {"new": perfect, "old": perfect}, "new").startswith("DO NOT SHIP")
    table = crossval.table(data, {"new": perfect, "old": worst}, "new")
    assert "ct2019 (6 debates)" in table and "1.000" in table


def test_zero_encoder_rate_leaves_the_pretrained_layer_as_it_was() -> None:
    from podium.encoder.network import ShallowEncoder

    config = Config(epochs=1, chunk=3, aux_runs=2, lr_encoder=0.0, seed=3)
    trained = fit([_debate(12, {2, 7})], [_debate(8, {3})], [_debate(10, {1})], config)
    base = ShallowEncoder(1).tuned_arrays()
    assert all(np.array_equal(v, base[k]) for k, v in trained.encoder.tuned_arrays().items())
