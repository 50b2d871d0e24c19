"""The lexical gate: claims sharing nothing with the archive are not embedded, restated ones still match."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import podium.factchecks.matcher as matcher_module
from podium.factchecks.candidates import fetch_records
from podium.factchecks.embedding import embed
from podium.factchecks.features import FEATURES
from podium.factchecks.fieldindex import fields_of
from podium.factchecks.gate import GATE_FILE, LEXICAL_FEATURES, Gate, lexical_retrieve, shipped_gate
from podium.factchecks.index import MatchIndex, lexical_text, vector_text
from podium.factchecks.matcher import DEFAULT_THRESHOLD, Matcher, Query
from podium.factchecks.reranker import Reranker, shipped
from tests.factchecks.test_matching import ARCHIVE, IDS, QUERIES


@pytest.fixture(scope="module")
def index() -> MatchIndex:
    vectors = embed([vector_text(r.claim_reviewed, r.title) for r in ARCHIVE])
    texts = [lexical_text(r.claim_reviewed, r.title, r.text) for r in ARCHIVE]
    return MatchIndex.build(IDS, vectors, texts, [fields_of(r) for r in ARCHIVE])


@pytest.fixture
def embedded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the matcher embeds (the real embedding still runs)."""
    seen: list[str] = []

    def counting(texts: list[str], model: str | None = None) -> np.ndarray:
        seen.extend(texts)
        return embed(texts, model)

    monkeypatch.setattr(matcher_module, "embed", counting)
    return seen


def test_a_gate_is_shipped_and_reads_no_sentence_vector() -> None:
    gate = shipped_gate()
    assert GATE_FILE.exists() and gate is not None
    assert gate.model.features and set(gate.model.features) <= set(LEXICAL_FEATURES)
    assert not any(f.startswith("cos") for f in gate.model.features)
    assert 0.0 < gate.threshold < DEFAULT_THRESHOLD
    assert gate.model.info["threshold"] == gate.threshold


def test_claims_sharing_no_word_with_the_archive_are_not_embedded(
    index: MatchIndex, embedded: list[str]
) -> None:
    matcher = Matcher(index, fetch_records([]))
    assert matcher.gate is not None
    unrelated = [Query("I love my family and our little garden."), Query("Thank you, and good night.")]
    assert matcher.match(unrelated) == [[], []]
    assert embedded == []


def test_the_gate_keeps_what_the_matcher_reports(index: MatchIndex, embedded: list[str]) -> None:
    gated = Matcher(index, fetch_records([]))
    plain = Matcher(index, fetch_records([]), shipped())  # a caller's model: no gate
    assert plain.gate is None
    queries = [*QUERIES, Query("I love my family and our little garden.")]
    with_gate = gated.match(queries)
    embedded_with_gate = len(embedded)
    assert with_gate == plain.match(queries)
    assert any(with_gate[:-1]) and with_gate[-1] == []
    assert embedded_with_gate == 2 * len(QUERIES)  # each query and its context, the unrelated one spared


def test_below_the_default_threshold_nothing_is_gated(index: MatchIndex) -> None:
    matcher = Matcher(index, fetch_records([]))
    (found,) = matcher.match([Query("The minimum wage is a family matter.")], top=3, threshold=0.0)
    assert found  # every candidate is ranked, however unlikely


def test_lexical_retrieval_returns_only_rows_sharing_a_word(index: MatchIndex) -> None:
    found = lexical_retrieve(index, "Chicago crime rose", None, depth=2)
    assert len(found.rows) == 2 and set(found.rows.tolist()) == {1, 2}
    assert np.all(found.bm25 > 0) and np.all(found.cosine == 0)
    assert len(lexical_retrieve(index, "zebra quokka", None).rows) == 0


def test_gate_scores_zero_for_no_shared_word_and_more_for_a_restated_claim(index: MatchIndex) -> None:
    gate = shipped_gate()
    assert gate is not None
    queries = [Query("Quokkas are happy."), Query("Wind turbines cause cancer, they say.")]
    best = gate.best(index, queries, [q.text for q in queries], [q.text for q in queries])
    assert best[0] == 0.0 and best[1] > gate.threshold


def test_gate_model_round_trip(tmp_path: Path) -> None:
    gate = shipped_gate()
    assert gate is not None
    gate.model.save(tmp_path / "gate.npz")
    again = Reranker.load(tmp_path / "gate.npz")
    x = np.random.default_rng(0).normal(size=(5, len(FEATURES))).astype(np.float32)
    assert np.allclose(Gate(again, gate.threshold).model.probability(x), gate.model.probability(x))
