"""The shipped technique model: span tagger + decoding threshold + technique classifier + common words.

``TechniqueDetector.load()`` reads ``podium/techniques/model/techniques.npz`` (plain arrays, no pickle),
which also records the MiniLM depth the model was trained on (``encoder_layers``; 0 = the embedding layer).
``find`` encodes the segments once at that depth, tags and decodes spans, then classifies each span;
``classify`` labels given spans (the PTC gold-span mode). Which parts are learnt and which are rules is
said in ``tagger``, ``classifier`` and ``masking``. Training happens in ``training/train_techniques.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from podium.techniques.classifier import TechniqueClassifier
from podium.techniques.decoding import decode
from podium.techniques.encoder import FULL_DEPTH, Encoded, encode
from podium.techniques.features import DocContext, piece_features, span_features
from podium.techniques.tagger import Tagger, TaggerConfig

MODEL_PATH = Path(__file__).resolve().parent / "model" / "techniques.npz"


@dataclass(frozen=True, slots=True)
class Found:
    """A span found in the text: its propaganda probability and the 14 technique probabilities."""

    start: int
    end: int
    score: float
    probs: np.ndarray


class TechniqueDetector:
    def __init__(
        self,
        tagger: Tagger,
        threshold: float,
        classifier: TechniqueClassifier,
        common: set[str],
        layers: int = FULL_DEPTH,
    ) -> None:
        self.tagger, self.threshold, self.classifier, self.common = tagger, threshold, classifier, common
        self.layers = layers

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> TechniqueDetector:
        with np.load(path, allow_pickle=False) as z:
            data = {k: z[k] for k in z.files}
        cfg = TaggerConfig(hidden=int(data["tagger_hidden"]))
        state = {
            k.removeprefix("tagger/"): v.astype(np.float32)
            for k, v in data.items()
            if k.startswith("tagger/")
        }
        tagger = Tagger(int(data["tagger_n_in"]), cfg, state)
        common = {str(w) for w in data["common"]}
        layers = int(data["encoder_layers"]) if "encoder_layers" in data else FULL_DEPTH
        return cls(tagger, float(data["threshold"]), TechniqueClassifier.from_state(data), common, layers)

    def save(self, path: Path = MODEL_PATH) -> None:
        arrays: dict[str, np.ndarray] = {
            f"tagger/{k}": v.astype(np.float16) for k, v in self.tagger.state.items()
        }
        arrays["tagger_hidden"] = np.array(self.tagger.cfg.hidden)
        arrays["tagger_n_in"] = np.array(self.tagger.n_in)
        arrays["threshold"] = np.array(self.threshold)
        arrays["encoder_layers"] = np.array(self.layers)
        arrays["common"] = np.array(sorted(self.common))
        for k, v in self.classifier.state().items():
            arrays[k] = v.astype(np.float16) if v.dtype == np.float32 and k == "tc_coef" else v
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **arrays)

    def encode(self, text: str, segments: list[tuple[int, int]]) -> tuple[DocContext, list[Encoded]]:
        ctx = DocContext.build(text, segments, self.common)
        return ctx, encode(text, segments, self.common, self.layers, ctx.masks)

    def find(self, text: str, segments: list[tuple[int, int]]) -> list[Found]:
        """Technique spans of the segments of ``text`` (offsets into ``text``)."""
        ctx, encoded = self.encode(text, segments)
        xs = [piece_features(ctx, k, enc) for k, enc in enumerate(encoded)]
        spans = []
        for enc, p in zip(encoded, self.tagger.predict(xs), strict=True):
            spans.extend(decode(text, enc.offsets, p, self.threshold))
        probs = self._classify(ctx, encoded, [(s, e) for s, e, _ in spans])
        return [Found(s, e, score, pr) for (s, e, score), pr in zip(spans, probs, strict=True)]

    def classify(
        self, text: str, segments: list[tuple[int, int]], spans: list[tuple[int, int]]
    ) -> np.ndarray:
        """``(len(spans), 14)`` technique probabilities of the given spans."""
        ctx, encoded = self.encode(text, segments)
        return self._classify(ctx, encoded, spans)

    def _classify(self, ctx: DocContext, encoded: list[Encoded], spans: list[tuple[int, int]]) -> np.ndarray:
        if not spans:
            return np.zeros((0, len(self.classifier.intercept)), dtype=np.float32)
        feats = [span_features(ctx, encoded, s, e) for s, e in spans]
        dense = np.array([f for f, _ in feats])
        return self.classifier.proba(dense, [t for _, t in feats])
