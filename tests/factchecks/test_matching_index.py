"""MatchIndex: what it indexes, retrieval as the union of cosine and BM25, atomic save and mmap load."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from podium.factchecks.embedding import DIM
from podium.factchecks.index import MatchIndex, lexical_text

TEXTS = [
    "veterans unemployment lower than general population",
    "crime rose in chicago last year",
    "defense spending higher than next ten countries",
    "the budget deficit doubled",
]


def unit_vectors(n: int, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_lexical_text_reads_claim_title_and_article_start() -> None:
    article = "word " * 1000
    text = lexical_text("The claim.", "The title", article, chars=100)
    assert text.startswith("The claim.\nThe title\n")
    assert len(text) <= len("The claim.\nThe title\n") + 100
    assert lexical_text("Only a claim.") == "Only a claim."


def test_retrieve_is_the_union_of_cosine_and_bm25() -> None:
    vectors = unit_vectors(4)
    index = MatchIndex.build([10, 11, 12, 13], vectors, TEXTS)
    query = vectors[2:3] * 0.9 + vectors[3:4] * 0.1
    query /= np.linalg.norm(query)
    (rows,) = index.retrieve(query, ["crime in chicago"], depth=1)
    assert set(rows.tolist()) == {2, 1}  # 2 by cosine, 1 by BM25
    assert rows[0] == 2  # best cosine first
    (found,) = index.search(query, ["nothing shared"], depth=2)
    assert len(found.rows) == 2 and np.all(found.bm25 == 0)


def test_save_and_load_round_trip_memory_mapped(tmp_path: Path) -> None:
    vectors = unit_vectors(4).astype(np.float16)
    index = MatchIndex.build([10, 11, 12, 13], vectors, TEXTS)
    folder = tmp_path / "index"
    index.save(folder)
    loaded = MatchIndex.load(folder)
    assert isinstance(loaded.vectors.base, np.memmap) and isinstance(loaded.lexical.docs.base, np.memmap)
    assert loaded.ids.tolist() == [10, 11, 12, 13]
    assert np.array_equal(loaded.vectors, vectors)
    q = unit_vectors(1, seed=3)
    assert [r.tolist() for r in loaded.retrieve(q, ["crime budget"], 2)] == [
        r.tolist() for r in index.retrieve(q, ["crime budget"], 2)
    ]
    in_memory = MatchIndex.load(folder, mmap=False)
    assert not isinstance(in_memory.vectors.base, np.memmap)


def test_save_replaces_the_old_index_whole(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    MatchIndex.build([1, 2, 3, 4], unit_vectors(4), TEXTS).save(folder)
    MatchIndex.build([7], unit_vectors(1), ["only one"]).save(folder)
    loaded = MatchIndex.load(folder)
    assert loaded.ids.tolist() == [7]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index"]  # no temporary or old folders left


def test_mismatched_sizes_are_refused() -> None:
    with pytest.raises(ValueError):
        MatchIndex.build([1, 2], unit_vectors(3), TEXTS[:3])
    with pytest.raises(ValueError):
        MatchIndex.build([1, 2, 3], unit_vectors(3)[:, :10], TEXTS[:3])


def test_empty_index_retrieves_nothing() -> None:
    index = MatchIndex.build([], np.zeros((0, DIM), np.float32), [])
    assert [r.tolist() for r in index.retrieve(unit_vectors(2), ["a", "b"], 5)] == [[], []]


def test_the_reduced_first_pass_finds_what_exact_search_finds(tmp_path: Path) -> None:
    rng = np.random.default_rng(5)
    basis = rng.normal(size=(40, DIM))  # vectors near a 40-dimensional subspace, as sentence vectors are
    vectors = rng.normal(size=(3000, 40)) @ basis + rng.normal(scale=0.05, size=(3000, DIM))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    texts = [f"doc {i}" for i in range(3000)]
    exact = MatchIndex.build(np.arange(3000), vectors, texts, reduce=False)
    reduced = MatchIndex.build(np.arange(3000), vectors, texts, reduce=True)
    assert exact.reduced is None and reduced.reduced is not None
    reduced.save(tmp_path / "index")
    reduced = MatchIndex.load(tmp_path / "index")
    queries = vectors[:5] + rng.normal(scale=0.01, size=(5, DIM)).astype(np.float32)
    a = exact.search(queries, ["q"] * 5, depth=10)
    b = reduced.search(queries, ["q"] * 5, depth=10)
    for x, y in zip(a, b, strict=True):
        assert x.rows.tolist() == y.rows.tolist()
        assert np.allclose(x.cosine, y.cosine, atol=1e-5)
        assert abs(x.cos_mean - y.cos_mean) < 1e-4 and abs(x.cos_std - y.cos_std) < 1e-4
