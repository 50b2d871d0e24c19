"""The MiniLM depths of ``encoder``: the numpy embedding layer matches the model's, offsets map back."""

from __future__ import annotations

import numpy as np

from podium.techniques.detector import TechniqueDetector
from podium.techniques.encoder import encode, encode_depths

TEXT = "Senator Smith's cronies betrayed our nation. They will never, ever stop! " * 3
SEGMENTS = [(0, 44), (45, 73), (74, 118)]
LONG = " ".join(["propaganda"] * 300)  # more pieces than one window


def test_static_embedding_matches_model_embedding_layer() -> None:
    segments = [*SEGMENTS, (len(TEXT) + 1, len(TEXT) + 1 + len(LONG))]
    text = TEXT + " " + LONG
    static = encode(text, segments, set(), layers=0)
    by_model = encode_depths(text, segments, set(), (0, 1))
    for a, b, c in zip(static, by_model[0], by_model[1], strict=True):
        assert np.array_equal(a.offsets, b.offsets) and np.array_equal(a.masked, b.masked)
        assert np.abs(a.vectors - b.vectors).max() < 1e-4
        assert np.array_equal(a.offsets, c.offsets) and not np.allclose(a.vectors, c.vectors)
    assert len(static[-1].offsets) == 300  # every word once across overlapping windows


def test_offsets_point_into_the_original_text_and_names_are_masked() -> None:
    (enc,) = encode(TEXT, SEGMENTS[:1], set(), layers=0)
    words = [TEXT[s:e] for s, e in enc.offsets]
    assert words[0] == "Senator Smith" and enc.masked[0]
    assert "cronies" in "".join(words) and not enc.masked[1:].any()
    assert enc.vectors.shape == (len(enc.offsets), 384)


def test_shipped_model_records_its_depth() -> None:
    assert TechniqueDetector.load().layers in range(7)
