"""The shared encoder's input and pass: names masked by the one rule, states independent of the batch."""

from __future__ import annotations

import numpy as np
import pytest

from podium.encoder.network import MAX_PIECES, ShallowEncoder, quantised, sentence_states, windows
from podium.encoder.pieces import MASK_ID, pieces

COMMON = {"the", "troops", "struck", "say", "again", "and", "we", "will", "win"}


@pytest.fixture(scope="module")
def encoder() -> ShallowEncoder:
    return ShallowEncoder(1).eval()


def test_names_become_the_mask_piece_and_offsets_point_into_the_text() -> None:
    text = "Israel struck Iran's troops again."
    (p,) = pieces([text], COMMON)
    words = [text[s:e] for s, e in p.offsets]
    assert words[0] == "Israel" and p.placeholder[0] and p.ids[0] == MASK_ID
    assert "struck" in words and "troops" in words
    assert int((p.ids == MASK_ID).sum()) == 2


def test_swapped_actors_give_the_same_pieces() -> None:
    a, b = pieces(["Israel struck Iran's troops again.", "Iran struck Israel's troops again."], COMMON)
    assert np.array_equal(a.ids, b.ids)


def test_long_sentences_are_cut_into_windows() -> None:
    (p,) = pieces([" ".join(["propaganda"] * 300)], COMMON)
    ws = windows(p)
    assert sum(len(w) - 2 for w in ws) == len(p) and all(len(w) <= MAX_PIECES for w in ws)


def test_a_sentence_state_does_not_depend_on_its_batch(encoder: ShallowEncoder) -> None:
    texts = ["We will win.", "The troops struck again and again, and again, and we say so.", "Win!"]
    ps = pieces(texts, COMMON)
    static_all, tuned_all = sentence_states(encoder, ps)
    for i, p in enumerate(ps):
        static_one, tuned_one = sentence_states(encoder, [p])
        assert np.abs(tuned_all[i] - tuned_one[0]).max() < 1e-4
        assert np.abs(static_all[i] - static_one[0]).max() < 1e-4
    assert not np.allclose(static_all, tuned_all)


def test_int8_copy_stays_close_to_float32(encoder: ShallowEncoder) -> None:
    ps = pieces(["The troops struck again.", "We will win, and we say so again."], COMMON)
    a = sentence_states(encoder, ps)[1]
    b = sentence_states(quantised(encoder), ps)[1]
    cos = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    assert cos.min() > 0.99


def test_tuned_weights_round_trip(encoder: ShallowEncoder) -> None:
    arrays = encoder.tuned_arrays()
    other = ShallowEncoder(1)
    for p in other.bert.encoder.parameters():
        p.data.zero_()
    other.load_tuned(arrays)
    ps = pieces(["We will win."], COMMON)
    assert np.abs(sentence_states(other.eval(), ps)[1] - sentence_states(encoder, ps)[1]).max() < 1e-2
    with pytest.raises(ValueError):
        other.load_tuned({})
