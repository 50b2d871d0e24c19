"""The saved artifact: tuned layers and head round-trip; a document is scored, names swapped or not."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from podium.checkworthy.features import DENSE_NAMES
from podium.encoder.checkworthy import CheckworthyHead
from podium.encoder.model import EncoderModel, save
from podium.encoder.network import ShallowEncoder

COMMON = {"the", "we", "will", "win", "thank", "you", "taxes", "went", "up", "percent", "last", "year"}
DOC = ["Thank you.", "Taxes went up 40 percent last year.", "We will win.", "Iran struck Israel."]


def test_saved_model_loads_and_scores_a_document(tmp_path: Path) -> None:
    torch.manual_seed(0)
    encoder = ShallowEncoder(1).eval()
    with torch.no_grad():  # a tuned layer differs from the package's weights
        encoder.bert.encoder.layer[0].output.dense.bias.add_(0.05)
    head = CheckworthyHead(len(DENSE_NAMES), hidden=8).eval().arrays()
    n = len(DENSE_NAMES)
    save(tmp_path, encoder, head, np.zeros(n), np.ones(n), COMMON, {"layers": 1})
    assert {p.name for p in tmp_path.iterdir()} == {"encoder.npz", "meta.json"}
    model = EncoderModel.load(tmp_path)
    assert model.layers == 1 and model.common == COMMON
    tuned = model.encoder.bert.encoder.layer[0].output.dense.bias.detach().numpy()
    base = ShallowEncoder(1).bert.encoder.layer[0].output.dense.bias.detach().numpy()
    assert np.allclose(tuned - base, 0.05, atol=1e-3)
    scores = model.checkworthy(DOC, ["A", "B", "B", "A"])
    assert scores.shape == (4,) and np.isfinite(scores).all()
    assert model.checkworthy([]).shape == (0,)


def test_swapped_actors_score_the_same(tmp_path: Path) -> None:
    torch.manual_seed(1)
    n = len(DENSE_NAMES)
    head = CheckworthyHead(n, hidden=8).eval().arrays()
    save(tmp_path, ShallowEncoder(1), head, np.zeros(n), np.ones(n), COMMON, {})
    model = EncoderModel.load(tmp_path)
    a = model.checkworthy(["Israel struck Iran last year.", "We will win."])
    b = model.checkworthy(["Iran struck Israel last year.", "We will win."])
    assert np.array_equal(a, b)
