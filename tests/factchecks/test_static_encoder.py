"""The static sentence encoder (a learnt vector per MiniLM word piece) on a table made here, and vector
blocks of another sentence model made again with the current one."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from podium.factchecks.embedding import DIM, MINILM, MODEL, STATIC, embed
from podium.factchecks.static_encoder import MAX_PIECES, StaticEncoder, load, save, tokenizer

WORDS = "crime in chicago rose by 20 % last year taxes the budget wind turbines cause cancer"


@pytest.fixture(scope="module")
def encoder(tmp_path_factory: pytest.TempPathFactory) -> StaticEncoder:
    """A table of random vectors for the pieces of a few words (and [CLS]/[SEP]), saved and loaded."""
    tok = tokenizer()
    pieces = sorted({i for word in WORDS.split() for i in tok.encode(word).ids})
    vectors = np.random.default_rng(0).normal(size=(len(pieces), DIM))
    path = tmp_path_factory.mktemp("static") / "static-encoder.npz"
    save(path, np.array(pieces), vectors, {"made": "by the test"})
    assert path.stat().st_size < 200_000  # float16, only the pieces kept
    return load(path)


def test_unit_vectors_and_zero_for_nothing_to_read(encoder: StaticEncoder) -> None:
    vectors = encoder.encode(["Crime in Chicago rose by 20% last year.", "", "   ", "Zyxwv qqq"])
    assert vectors.shape == (4, DIM) and vectors.dtype == np.float32
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0, atol=1e-5)
    assert not vectors[1:3].any()
    assert encoder.encode([]).shape == (0, DIM)


def test_the_vector_is_the_normalised_mean_of_the_known_pieces(encoder: StaticEncoder) -> None:
    text = "Wind turbines cause cancer."
    rows = encoder.row[np.array(encoder.tokenizer.encode(text).ids)]
    mean = encoder.vectors[rows[rows >= 0]].mean(axis=0)
    assert np.allclose(encoder.encode([text])[0], mean / np.linalg.norm(mean), atol=1e-5)


def test_the_same_text_gets_the_same_vector_alone_or_in_a_batch(encoder: StaticEncoder) -> None:
    texts = [f"Taxes and the budget rose by {i} % last year." for i in range(50)] + [""]
    batch = encoder.encode(texts)
    assert np.allclose(batch[7], encoder.encode([texts[7]])[0], atol=1e-6)
    assert not batch[-1].any()


def test_long_texts_are_read_up_to_the_piece_limit(encoder: StaticEncoder) -> None:
    many = " ".join(["taxes budget"] * MAX_PIECES)
    head = " ".join(["taxes budget"] * ((MAX_PIECES - 2) // 2))
    assert np.allclose(encoder.encode([many]), encoder.encode([head]), atol=1e-6)


def test_an_unknown_model_name_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown sentence model"):
        embed(["x"], "no-such-model")


def test_vectors_of_another_model_are_made_again_with_the_current_one(tmp_path: Path) -> None:
    """A database imported while matching used another sentence model: its blocks are left aside and
    every row gets a vector of the current model before the first match."""
    from sqlalchemy import select

    from podium.corpus import Corpus
    from podium.corpus import schema as t
    from podium.corpus.factcheck_store import insert_factchecks
    from podium.corpus.factcheck_vectors import append_block, missing_ids
    from podium.factchecks import FactCheck
    from podium.factchecks.matcher import Query

    other = STATIC if MODEL == MINILM else MINILM
    checks = [
        FactCheck("Engineers rebuilt 300 bridges in the valley after the flood", "mixed"),
        FactCheck("The northern railway carried twelve million passengers last year", "false"),
    ]
    with Corpus(str(tmp_path / "old.db")) as store:
        with store.writing() as conn:
            insert_factchecks(conn, [(c, "old import") for c in checks])
            ids = list(conn.execute(select(t.factchecks.c.id).order_by(t.factchecks.c.id)).scalars())
            old = np.random.default_rng(0).normal(size=(len(ids), DIM)).astype(np.float32)
            append_block(conn, ids, old / np.linalg.norm(old, axis=1, keepdims=True), other)
        with store.reading() as conn:
            assert missing_ids(conn, MODEL) == ids
        (found,) = store.match(
            [Query("Our engineers have rebuilt 300 bridges since the flood.")], threshold=0.0
        )
        with store.reading() as conn:
            assert missing_ids(conn, MODEL) == []
            models = sorted(conn.execute(select(t.factcheck_vectors.c.model)).scalars())
        assert models == sorted([other, MODEL])
        assert found[0].factcheck_id == ids[0]
