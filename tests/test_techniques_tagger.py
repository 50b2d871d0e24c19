"""The tagger's numpy inference gives what the torch network it was trained as gives, padding included."""

from __future__ import annotations

import numpy as np

from podium.techniques.tagger import Tagger, TaggerConfig, _net, _pad


def test_numpy_gru_matches_torch_on_padded_batches() -> None:
    import torch

    torch.manual_seed(0)
    cfg = TaggerConfig(hidden=16)
    net = _net(7, cfg).eval()
    tagger = Tagger(7, cfg, {k: v.detach().numpy().copy() for k, v in net.state_dict().items()})
    rng = np.random.default_rng(1)
    xs = [rng.normal(size=(int(n), 7)).astype(np.float32) for n in rng.integers(0, 40, 50)]
    ours = tagger.predict(xs, batch=8)
    order = [i for i in sorted(range(len(xs)), key=lambda i: len(xs[i])) if len(xs[i])]
    for b in range(0, len(order), 8):
        idx = order[b : b + 8]
        x, _ = _pad([xs[i] for i in idx])
        with torch.inference_mode():
            probs = torch.sigmoid(net(torch.from_numpy(x))).numpy()
        for j, i in enumerate(idx):
            assert np.abs(probs[j, : len(xs[i])] - ours[i]).max() < 1e-5
    assert all(len(ours[i]) == 0 for i in range(len(xs)) if len(xs[i]) == 0)


def test_fit_then_predict_learns_a_simple_rule() -> None:
    rng = np.random.default_rng(2)
    xs = [rng.normal(size=(int(n), 3)).astype(np.float32) for n in rng.integers(3, 12, 200)]
    ys = [(x[:, 0] > 0).astype(np.float32) for x in xs]
    tagger = Tagger(3, TaggerConfig(hidden=8, epochs=25, lr=5e-3, dropout=0.0)).fit(xs, ys)
    probs = tagger.predict(xs[:20])
    accuracy = np.mean([((p > 0.5) == (y > 0.5)).mean() for p, y in zip(probs, ys[:20], strict=True)])
    assert accuracy > 0.9


def test_fit_is_reproducible_with_its_seed() -> None:
    rng = np.random.default_rng(3)
    xs = [rng.normal(size=(int(n), 4)).astype(np.float32) for n in rng.integers(2, 9, 40)]
    ys = [(x[:, 1] > 0).astype(np.float32) for x in xs]
    a, b = (Tagger(4, TaggerConfig(hidden=4, epochs=2)).fit(xs, ys) for _ in range(2))
    assert all(np.array_equal(a.state[k], b.state[k]) for k in a.state)
