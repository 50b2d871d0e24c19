"""Recurring claims (podium.corpus.recurring): restatements cluster, negations and other actors do not."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.corpus.recurring import (
    DEFAULT_THRESHOLD,
    ClaimItem,
    PairScorer,
    candidate_pairs,
    claim_terms,
    claim_vectors,
    cluster_claims,
    is_restatement,
    vector_from_bytes,
    vector_to_bytes,
)


def quantity(text: str, value: float, approx: str = "=", unit: str | None = "locations") -> dict:
    return {"text": text, "value": value, "value_max": None, "unit": unit, "approx": approx, "kind": "count"}


def item(k: int, doc: int, text: str, date: str | None, quantities=(), names: dict[str, str] | None = None):
    """A claim with its actor ids and mention offsets, found by name (``names``: name -> actor id)."""
    names = names or {}
    spans = tuple((text.index(n), text.index(n) + len(n)) for n in names if n in text)
    actors = tuple(sorted({a for n, a in names.items() if n in text}))
    return ClaimItem(k, doc, text, "A. Speaker", date, tuple(quantities), actors, actor_spans=spans)


def locations_set() -> list[ClaimItem]:
    return [
        item(
            3,
            30,
            "We have opened 400 locations across the state.",
            "2021-06-01",
            [quantity("400 locations", 400)],
        ),
        item(
            1,
            10,
            "We have opened 300 locations across the state.",
            "2021-01-05",
            [quantity("300 locations", 300)],
        ),
        item(
            2,
            20,
            "We have opened more than 300 locations across the state.",
            "2021-03-01",
            [quantity("more than 300 locations", 300, ">")],
        ),
        item(
            4,
            40,
            "We have not opened 300 locations across the state.",
            "2021-07-01",
            [quantity("300 locations", 300)],
        ),
        item(5, 50, "The price of bread doubled in the capital last winter.", "2021-02-01"),
    ]


def test_restated_numbers_cluster_with_trail_in_date_order() -> None:
    clusters = cluster_claims(locations_set())
    assert len(clusters) == 1
    d = clusters[0].to_dict()
    assert [c["claim_id"] for c in d["claims"]] == [1, 2, 3]
    assert d["quantity_trail"] == ["300 locations", "more than 300 locations", "400 locations"]
    assert (d["first_seen"], d["last_seen"], d["size"]) == ("2021-01-05", "2021-06-01", 3)
    assert d["speakers"] == ["A. Speaker"]


def test_negated_version_does_not_join() -> None:
    ids = {c.id for cl in cluster_claims(locations_set()) for c in cl.claims}
    assert 4 not in ids and 5 not in ids
    items = locations_set()
    assert is_restatement(items[1], items[3]) < is_restatement(items[1], items[2])


NAMES = {"Freedonia": "FRE", "Sylvania": "SYL", "Ruritania": "RUR"}


def actor_set() -> list[ClaimItem]:
    texts = [
        (1, "Freedonia sent 300 soldiers across the border last spring."),
        (2, "Freedonia sent 300 soldiers across the border last spring, as everyone knows."),
        (3, "Sylvania sent 300 soldiers across the border last spring."),
        (4, "Ruritania has cut the price of grain by half for its farmers."),
        (5, "Ruritania cut the price of grain by half for its farmers."),
        (6, "Sylvania has cut the price of grain by half for its farmers."),
    ]
    return [
        item(
            k,
            100 + k,
            t,
            f"2020-0{k}-01",
            [quantity("300 soldiers", 300, unit="soldiers")] if "300" in t else [],
            NAMES,
        )
        for k, t in texts
    ]


def groups(clusters) -> set[frozenset[int]]:
    return {frozenset(c.id for c in cl.claims) for cl in clusters}


def test_same_template_with_other_actors_does_not_join() -> None:
    assert groups(cluster_claims(actor_set())) == {frozenset({1, 2}), frozenset({4, 5})}


def test_swapping_actor_names_gives_the_same_clusters() -> None:
    swap = {"Freedonia": "Sylvania", "Sylvania": "Freedonia"}

    def swapped(c: ClaimItem) -> ClaimItem:
        text = " ".join(swap.get(w, w) for w in c.text.split(" "))
        return item(c.id, c.document_id, text, c.date, c.quantities, NAMES)

    items = actor_set()
    assert groups(cluster_claims(items)) == groups(cluster_claims([swapped(c) for c in items]))
    a, b = items[0], items[1]
    assert is_restatement(a, b) == is_restatement(swapped(a), swapped(b))


def test_corpus_fitted_scores_do_not_depend_on_actor_names() -> None:
    swap = {"Freedonia": "Ruritania", "Ruritania": "Freedonia"}
    items = actor_set()
    swapped = [
        item(
            c.id,
            c.document_id,
            " ".join(swap.get(w, w) for w in c.text.split(" ")),
            c.date,
            c.quantities,
            NAMES,
        )
        for c in items
    ]
    i, j = np.triu_indices(len(items), 1)
    assert np.array_equal(PairScorer(items).scores(i, j), PairScorer(swapped).scores(i, j))
    assert claim_terms("Freedonia sent 300 soldiers.", [(0, 9)]) == claim_terms(
        "Sylvania sent 4,000 soldiers.", [(0, 8)]
    )


def test_candidate_pairs_are_every_pair_that_can_reach_the_threshold() -> None:
    items = [ClaimItem(k, k, text, None, None, (), ()) for k, text in enumerate(POOL * 2)]
    scorer = PairScorer(items, background=["The committee met on Tuesday.", "Prices rose again."])
    i, j, cos = candidate_pairs(scorer, DEFAULT_THRESHOLD - 0.02)
    a, b = np.triu_indices(len(items), 1)
    full = scorer.cosines(a, b)
    want = {
        (x, y) for x, y, c in zip(a.tolist(), b.tolist(), full, strict=True) if c >= DEFAULT_THRESHOLD - 0.02
    }
    assert set(zip(i.tolist(), j.tolist(), strict=True)) == want
    assert np.allclose(cos, scorer.cosines(i, j), atol=1e-5)


def test_vectors_are_unit_deterministic_and_round_trip_through_bytes() -> None:
    v = claim_vectors(["We have opened 300 locations.", "", "Taxes went up."])
    assert v.dtype == np.float32 and v.shape[0] == 3
    assert np.allclose(np.linalg.norm(v[[0, 2]], axis=1), 1.0, atol=1e-5) and not v[1].any()
    assert np.array_equal(v, claim_vectors(["We have opened 300 locations.", "", "Taxes went up."]))
    back = vector_from_bytes(vector_to_bytes(v[0]))
    assert back.dtype == np.float32 and back.shape == v[0].shape
    assert np.allclose(back, v[0], atol=1e-3)


POOL = [
    "We have opened 300 locations across the state.",
    "We have opened more than 300 locations across the state.",
    "We have not opened 300 locations across the state.",
    "Unemployment is at the lowest level in fifty years.",
    "Unemployment is now at its lowest level in fifty years.",
    "The bridge was finished two years ahead of schedule.",
    "Thank you very much.",
]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(POOL), st.integers(0, 4)), max_size=25))
def test_clusters_partition_a_subset_of_the_inputs(rows: list[tuple[str, int]]) -> None:
    items = [ClaimItem(k, doc, text, None, None, (), ()) for k, (text, doc) in enumerate(rows)]
    clusters = cluster_claims(items)
    seen: set[int] = set()
    for cl in clusters:
        ids = [c.id for c in cl.claims]
        assert len(ids) >= 2 and len({c.document_id for c in cl.claims}) >= 2
        assert not seen & set(ids)
        seen |= set(ids)
    assert seen <= {c.id for c in items}
    assert [len(c.claims) for c in clusters] == sorted((len(c.claims) for c in clusters), reverse=True)
