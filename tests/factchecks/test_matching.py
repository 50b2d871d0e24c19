"""The Matcher on small archives written here: paraphrases found, numbers, negation, speaker and date."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from podium.factchecks.candidates import Candidate, fetch_records
from podium.factchecks.embedding import embed
from podium.factchecks.features import (
    FEATURES,
    MARGIN_FLOOR,
    candidate_info,
    candidate_values,
    pair_rows,
    query_info,
)
from podium.factchecks.fieldindex import fields_of
from podium.factchecks.index import MatchIndex, Retrieved, lexical_text, vector_text
from podium.factchecks.lexical import Bm25
from podium.factchecks.matcher import DEFAULT_THRESHOLD, Match, Matcher, Query
from podium.factchecks.records import FactCheck
from podium.factchecks.reranker import Reranker, shipped
from podium.factchecks.textbits import name_terms, numbers

ARCHIVE = [
    FactCheck(
        "Unemployment among veterans is now lower than in the general population.",
        "mostly_true",
        claim_date="2016-03-10",
    ),
    FactCheck("Crime in Chicago rose by 20% last year.", "false", title="Did Chicago crime jump?"),
    FactCheck("Crime in Chicago rose by 45% last year.", "false"),
    FactCheck("The United States spends more on defense than the next ten countries combined.", "true"),
    FactCheck("Barack Obama raised taxes on the middle class.", "false"),
    FactCheck("Barack Obama did not raise taxes on the middle class.", "mostly_true"),
    FactCheck("Wind turbines cause cancer.", "false", claimant="Donald Trump", claim_date="2019-04-02"),
    FactCheck("Wind turbines cause cancer.", "false", claimant="Pat Doe", claim_date="2010-01-15"),
    FactCheck("The minimum wage has not been raised in ten years.", "true"),
    FactCheck("Measles cases tripled in Europe in 2018.", "mostly_true"),
]
IDS = [100 + i for i in range(len(ARCHIVE))]


@pytest.fixture(scope="module")
def vectors() -> np.ndarray:
    return embed([vector_text(r.claim_reviewed, r.title) for r in ARCHIVE])


@pytest.fixture(scope="module")
def matcher(vectors: np.ndarray) -> Matcher:
    """Fields in the index: matching reads no fact-check through the fetch."""
    texts = [lexical_text(r.claim_reviewed, r.title, r.text) for r in ARCHIVE]
    index = MatchIndex.build(IDS, vectors, texts, [fields_of(r) for r in ARCHIVE])
    return Matcher(index, fetch_records([]))


@pytest.fixture(scope="module")
def fetching(vectors: np.ndarray) -> Matcher:
    """No fields in the index: the fact-checks are read through the fetch."""
    texts = [lexical_text(r.claim_reviewed, r.title, r.text) for r in ARCHIVE]
    return Matcher(MatchIndex.build(IDS, vectors, texts), fetch_records(ARCHIVE, IDS))


QUERIES = [
    Query("Last year crime in Chicago went up 20%.", before=("Let me talk about cities.",)),
    Query("Wind turbines cause cancer, they say.", speaker="TRUMP", date="2019-04-02"),
    Query("Obama never raised taxes on middle-class families, not once in ten years."),
    Query("Three times as many measles cases in Europe in 2018", speaker="Pat Doe", date="2018-05-01"),
]


def test_fields_in_the_index_give_the_same_features_as_the_fetch(matcher: Matcher, fetching: Matcher) -> None:
    a = matcher.features(QUERIES)
    b = fetching.features(QUERIES)
    for x, y in zip(a, b, strict=True):
        assert x.rows.tolist() == y.rows.tolist()
        assert np.allclose(x.x, y.x, atol=1e-6)


def scores(found: list[Match]) -> dict[int, float]:
    return {m.factcheck_id: m.score for m in found}


def test_a_paraphrase_ranks_first_with_a_high_probability(matcher: Matcher) -> None:
    (found,) = matcher.rank(
        [Query("And veterans' unemployment is actually lower than the general population.")]
    )
    assert found[0].factcheck_id == 100
    assert found[0].score >= DEFAULT_THRESHOLD
    assert [m.rank for m in found] == list(range(1, len(found) + 1))
    assert all(a.score >= b.score for a, b in itertools.pairwise(found))


def test_match_keeps_only_matches_above_the_threshold(matcher: Matcher) -> None:
    queries = [Query("We spend more on our military than the next ten nations."), Query("I love my family.")]
    found = matcher.match(queries, top=3)
    assert [m.factcheck_id for m in found[0]][:1] == [103]
    assert found[1] == []
    assert all(m.score >= DEFAULT_THRESHOLD for m in found[0])
    assert len(matcher.match(queries, top=1, threshold=0.0)[0]) == 1


def test_the_same_number_beats_a_different_number(matcher: Matcher) -> None:
    (found,) = matcher.rank([Query("Last year crime in Chicago went up 20%.")])
    s = scores(found)
    assert s[101] > s[102]
    (found,) = matcher.rank([Query("Last year crime in Chicago went up 45%.")])
    s = scores(found)
    assert s[102] > s[101]


def test_negation_must_agree(matcher: Matcher) -> None:
    (found,) = matcher.rank([Query("Obama never raised taxes on middle-class families.")])
    s = scores(found)
    assert s[105] > s[104]
    (found,) = matcher.rank([Query("Obama raised taxes on middle-class families.")])
    s = scores(found)
    assert s[104] > s[105]


def test_speaker_and_date_pick_the_right_one_of_two_identical_claims(matcher: Matcher) -> None:
    query = Query("Wind turbines cause cancer, they say.", speaker="TRUMP", date="2019-04-02")
    (found,) = matcher.rank([query])
    s = scores(found)
    assert s[106] > s[107]


def test_no_queries_and_no_archive() -> None:
    empty = MatchIndex.build([], np.zeros((0, 384), np.float32), [])
    m = Matcher(empty, fetch_records([]))
    assert m.rank([]) == []
    assert m.match([Query("Crime rose.")]) == [[]]


def test_candidates_the_fetch_does_not_find_are_left_out(fetching: Matcher) -> None:
    partial = Matcher(fetching.index, fetch_records(ARCHIVE[:3], IDS[:3]), fetching.model)
    (found,) = partial.rank([Query("Crime in Chicago rose by 20% last year.")])
    assert {m.factcheck_id for m in found} <= set(IDS[:3])
    assert found[0].factcheck_id == 101


def test_feature_extractors() -> None:
    assert {"4300", "23", "23000000"} <= numbers("down $4,300, and 23 million Americans")
    assert "3" in numbers("three times")
    assert name_terms("Governor Romney met Obama. Then Israel said no.") >= {"romney", "obama", "israel"}
    assert "then" not in name_terms("Governor Romney met Obama. Then Israel said no.")


def feature_row(query: Query, cand: Candidate) -> dict[str, float]:
    from podium.factchecks.lexical import Bm25

    lexical = Bm25.build([lexical_text(cand.claim_reviewed, cand.title, cand.text)])
    info = query_info(query.text, query.before, query.after, query.speaker, query.date, lexical)
    found = Retrieved(np.array([0]), np.array([0.8], np.float32), np.array([1.0], np.float32), 0, 1, 0, 1)
    row = pair_rows(info, found, candidate_values(info, [candidate_info(cand)]), lexical)[0]
    return dict(zip(FEATURES, row.tolist(), strict=True))


def test_quantity_negation_actor_and_date_agreement_features() -> None:
    cand = Candidate(1, "Crime rose 20% in Chicago.", claimant="Rahm Emanuel", claim_date="2016-09-01")
    same = feature_row(Query("Crime rose 20% in Chicago", speaker="EMANUEL", date="2016-09-01"), cand)
    other = feature_row(Query("Crime did not rise 35% in Chicago", speaker="TRUMP", date="2012-01-01"), cand)
    assert same["num_in_claim"] == 1 and same["num_conflict"] == 0
    assert other["num_in_claim"] == 0 and other["num_conflict"] == 1
    assert same["neg_mismatch"] == 0 and other["neg_mismatch"] == 1
    assert same["speaker_is_claimant"] == 1 and other["speaker_is_claimant"] == 0
    assert same["same_day"] == 1 and other["same_day"] == 0 and other["days_log"] > same["days_log"]
    assert same["names_in_fc"] == 1


def test_the_margin_over_far_candidates_is_taken_over_the_floor() -> None:
    # in a desk's small archive every other check may be far: the margin is not then the whole cosine
    cand = Candidate(1, "Crime rose 20% in Chicago.")
    alone = feature_row(Query("Crime rose 20% in Chicago"), cand)  # one candidate, cosine 0.8
    assert alone["cos_margin"] == pytest.approx(0.8 - MARGIN_FLOOR)
    texts = ["crime chicago", "crime detroit", "taxes"]
    lexical = Bm25.build(texts)
    info = query_info("Crime rose in Chicago", (), (), None, None, lexical)
    cosines = np.array([0.8, 0.75, 0.1], np.float32)
    found = Retrieved(np.arange(3), cosines, np.ones(3, np.float32), 0, 1, 0, 1)
    infos = [candidate_info(Candidate(i, t)) for i, t in enumerate(texts)]
    rows = pair_rows(info, found, candidate_values(info, infos), lexical)
    margins = rows[:, FEATURES.index("cos_margin")]
    assert margins[0] == pytest.approx(0.05)  # a close rival counts as it is
    assert margins[2] == pytest.approx(0.1 - 0.8)


@pytest.mark.parametrize("feature", ["num_conflict", "neg_mismatch"])
def test_the_shipped_model_never_rewards_a_conflict(feature: str) -> None:
    model = shipped()
    rng = np.random.default_rng(0)
    x = rng.random((200, len(FEATURES))).astype(np.float32)
    col = FEATURES.index(feature)
    agree, conflict = x.copy(), x.copy()
    agree[:, col], conflict[:, col] = 0, 1
    assert np.all(model.probability(conflict) <= model.probability(agree) + 1e-9)


def test_model_file_round_trip(tmp_path) -> None:
    model = shipped()
    model.save(tmp_path / "m.npz")
    loaded = Reranker.load(tmp_path / "m.npz")
    x = np.random.default_rng(1).random((20, len(FEATURES)))
    assert np.allclose(loaded.probability(x), model.probability(x))


@pytest.mark.parametrize(
    "date", ["2016-03-10", "2017-03-10", None], ids=["same-day", "year-later", "undated"]
)
def test_a_check_of_another_day_is_no_evidence_against_a_restated_claim(
    matcher: Matcher, date: str | None
) -> None:
    """Someone else restates a checked claim: found whether the speech is of the check's day, a year
    later or undated (the re-ranker is trained with speech dates moved and dropped)."""
    query = Query(
        "Veterans' unemployment is actually lower than the general population's.",
        speaker="Jo Vale",
        date=date,
    )
    (found,) = matcher.rank([query])
    assert found[0].factcheck_id == 100 and found[0].score >= DEFAULT_THRESHOLD


def test_the_same_day_is_a_mild_cue_and_another_day_none(matcher: Matcher) -> None:
    """A check of the speech's own day gains a little; one a year older loses nothing against an undated
    speech (in this ten-check archive any veterans sentence finds the one veterans check: the date
    must not be what decides)."""
    text = "Veterans' hospitals hired two thousand new nurses this year."
    score = {}
    for date in ("2016-03-10", "2017-03-10", None):
        (found,) = matcher.rank([Query(text, speaker="Jo Vale", date=date)])
        score[date] = scores(found)[100]
    assert 0 <= score["2016-03-10"] - score[None] < 0.15
    assert abs(score["2017-03-10"] - score[None]) < 0.05


def test_unmatched_queries_from_elsewhere_leave_the_debates_folds_alone() -> None:
    from podium.factchecks.matchtraining import debate_folds

    debates = [f"debate-{i}" for i in range(12) for _ in range(3)]
    alone = debate_folds(debates, 5)
    more = debate_folds([*debates, "cb-1992-10-11", "cb-2004-09-30", "debate-3"], 5, len(debates))
    assert {d: more[d] for d in alone} == alone
    assert {more["cb-1992-10-11"], more["cb-2004-09-30"]} <= set(range(5))
