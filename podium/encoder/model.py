"""The fine-tuned encoder and its check-worthiness head as a saved artifact, and scoring a document.

``save`` writes ``encoder.npz`` (the tuned transformer layers in float16, the head's arrays and the dense
features' standardisation) and ``meta.json`` (depth, the common words of the name rule, the settings it
was trained with); base weights are not copied, they come from the pinned package. ``EncoderModel.load``
rebuilds the encoder, loads the tuned layers and keeps the int8 copy for scoring. ``checkworthy`` scores
the sentences of one document in order: one encoder pass over its sentences, then the head.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from podium.checkworthy.features import dense_features
from podium.checkworthy.masking import mask_both
from podium.encoder.checkworthy import HeadArrays
from podium.encoder.network import ShallowEncoder, quantised, sentence_states
from podium.encoder.pieces import pieces

_HEAD = ("w1", "b1", "w2")


@dataclass(slots=True)
class EncoderModel:
    """A loaded artifact: the int8 encoder, the head and what the head's inputs need."""

    layers: int
    common: set[str]
    encoder: torch.nn.Module
    head: HeadArrays
    dense_mean: np.ndarray
    dense_scale: np.ndarray

    @classmethod
    def load(cls, folder: Path) -> EncoderModel:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        with np.load(folder / "encoder.npz", allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
        encoder = ShallowEncoder(int(meta["layers"]))
        encoder.load_tuned({k: v for k, v in arrays.items() if k.startswith("enc.")})
        head = HeadArrays(*(arrays[k].astype(np.float32) for k in _HEAD), float(arrays["b2"]))
        return cls(
            int(meta["layers"]),
            set(meta["common"]),
            quantised(encoder.eval()),
            head,
            arrays["dense_mean"],
            arrays["dense_scale"],
        )

    def checkworthy(
        self, sentences: Sequence[str], speakers: Sequence[str | None] | None = None
    ) -> np.ndarray:
        """Log-odds that each sentence of one document (in order) is check-worthy."""
        if not sentences:
            return np.zeros(0)
        spk = list(speakers) if speakers is not None else [None] * len(sentences)
        both = [mask_both(s, self.common) for s in sentences]
        dense = dense_features([n for _, n in both], [m for m, _ in both], spk)
        _, own = sentence_states(self.encoder, pieces(sentences, self.common))
        return self.head.decision(own, (dense - self.dense_mean) / self.dense_scale)


def save(
    folder: Path,
    encoder: ShallowEncoder,
    head: HeadArrays,
    dense_mean: np.ndarray,
    dense_scale: np.ndarray,
    common: set[str],
    settings: dict[str, object],
) -> None:
    """Write the artifact ``EncoderModel.load`` reads (tuned layers as float16; no base weights)."""
    folder.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, np.ndarray] = dict(encoder.tuned_arrays())
    arrays.update(w1=head.w1, b1=head.b1, w2=head.w2, b2=np.array(head.b2))
    arrays.update(dense_mean=dense_mean.astype(np.float32), dense_scale=dense_scale.astype(np.float32))
    np.savez_compressed(folder / "encoder.npz", **arrays)
    meta = {"layers": encoder.layers, "common": sorted(common), "settings": settings}
    (folder / "meta.json").write_text(json.dumps(meta, indent=0, sort_keys=True) + "\n", encoding="utf-8")
