"""Cross-validation of the check-worthiness model by debate group, on small synthetic debates.

The debates are written here: numeric, past-tense statements are labelled check-worthy, greetings and
opinions are not, so a model that learns anything ranks them first. What is checked is the plumbing the
benchmark and the training script share: every line scored once, by a model that never saw its group's
labels, calibrated probabilities, groups restored, and folds that never split a group.
"""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from podium.checkworthy import crossval, metrics, training
from podium.checkworthy.data import Debate

_SUBJECTS = ("unemployment", "the deficit", "crime", "the budget", "exports", "the tax rate", "tuition")
_VERBS = ("rose", "fell", "doubled", "dropped", "grew", "was cut")
_CHATTER = (
    "Thank you so much for having me tonight.",
    "I think we should talk about the future of our families.",
    "Let me finish, please.",
    "We love this country and its people.",
    "Good evening, everyone, and welcome.",
    "That is a great question, and I appreciate it.",
    "I believe in hard work and in decency.",
    "Well, let us see what happens next.",
)


def _claim(rng: random.Random) -> str:
    year, share, states = rng.randint(1990, 2019), rng.randint(2, 97), rng.randint(3, 40)
    subject, verb = rng.choice(_SUBJECTS), rng.choice(_VERBS)
    return f"Since {year}, {subject} {verb} by {share} percent in {states} states."


def _debate(name: str, source: str, seed: int, lines: int = 90) -> Debate:
    rng = random.Random(seed)
    debate = Debate(name=name, source=source)
    for i in range(lines):
        positive = rng.random() < 0.12
        debate.line_numbers.append(str(i + 1))
        debate.speakers.append(rng.choice(("SMITH", "JONES")) if i % 5 else "MODERATOR")
        debate.texts.append(_claim(rng) if positive else rng.choice(_CHATTER))
        debate.labels.append(int(positive))
    return debate


@pytest.fixture(scope="module")
def prepared() -> tuple[list[training.Prepared], training.Lexicon, set[str], training.Config]:
    debates = [_debate(f"d{k}", "ct2019" if k < 3 else "ct2020", seed=k) for k in range(6)]
    claimbuster = [_debate(f"cb{k}", "claimbuster", seed=100 + k) for k in range(2)]
    config = training.Config(tree_iter=20)
    data, lexicon, common = training.prepare_sets(debates, claimbuster, config)
    return data, lexicon, common, config


def test_every_line_gets_one_calibrated_probability(prepared) -> None:
    data, lexicon, common, config = prepared
    cv = crossval.held_out(data, lexicon, common, config)
    assert [len(r) for r in cv.raw] == [len(p.masked) for p in data]
    assert [len(q) for q in cv.probs] == [len(p.masked) for p in data]
    probs = np.concatenate(cv.probs)
    assert np.all((probs > 0.0) & (probs < 1.0))
    assert "ct2019" in cv.summary and "ct2020" in cv.summary
    assert "leave-one-debate-group-out (6 groups)" in cv.summary
    assert "plain TF-IDF + logistic regression, same held-out groups" in cv.summary


def test_held_out_debates_rank_the_learnable_claims_first(prepared) -> None:
    data, lexicon, common, config = prepared
    cv = crossval.held_out(data, lexicon, common, config)
    result = crossval.report(data, cv.probs)
    assert result["ct2019"]["MAP"] > 0.9
    assert result["ct2020"]["MAP"] > 0.9


def test_a_held_out_group_never_sees_its_own_labels(prepared) -> None:
    data, lexicon, common, config = prepared
    before = crossval.held_out(data, lexicon, common, config).raw[0]
    flipped = [dataclasses.replace(p) for p in data]
    debate = flipped[0].debate
    flipped[0].debate = dataclasses.replace(debate, labels=[1 - y for y in debate.labels])
    after = crossval.held_out(flipped, lexicon, common, config)
    np.testing.assert_allclose(after.raw[0], before, rtol=0, atol=1e-9)
    assert not np.allclose(after.raw[1], crossval.held_out(data, lexicon, common, config).raw[1])


def test_folds_merge_groups_and_are_undone(prepared) -> None:
    data, lexicon, common, config = prepared
    groups = [p.group for p in data]
    cv = crossval.held_out(data, lexicon, common, config, folds=2)
    assert cv.summary.startswith("2 folds of debate groups")
    assert [p.group for p in data] == groups


@given(st.lists(st.integers(0, 12), min_size=1, max_size=40), st.integers(1, 6), st.integers(0, 3))
def test_folded_never_splits_a_group(groups: list[int], folds: int, seed: int) -> None:
    items = [_Grouped(g) for g in groups]
    crossval.folded(items, folds, seed)  # type: ignore[arg-type]
    fold_of: dict[int, int] = {}
    for g, item in zip(groups, items, strict=True):
        assert fold_of.setdefault(g, item.group) == item.group
        assert 0 <= item.group < folds
    assert len(set(fold_of.values())) == min(folds, len(set(groups)))


@dataclasses.dataclass
class _Grouped:
    group: int


def test_map_interval_brackets_the_mean_and_shrinks_to_it_when_debates_agree() -> None:
    perfect = ([0.9, 0.1, 0.2], [1, 0, 0])
    worst = ([0.1, 0.9, 0.8], [1, 0, 0])
    assert metrics.map_interval([perfect] * 5) == (1.0, 1.0)
    mixed = [perfect, worst, perfect, worst, perfect, worst]
    mean = metrics.macro_metrics(mixed)["MAP"]
    low, high = metrics.map_interval(mixed)
    assert low < mean < high
    assert low >= 1 / 3 and high <= 1.0


def test_strict_mode_refits_the_lexicon_without_the_held_out_group(prepared) -> None:
    data, lexicon, common, config = prepared
    lenient = crossval.held_out(data, lexicon, common, config, folds=3, strict=False)
    assert "(vocabulary shared with the held-out group)" in lenient.summary
    lex_before = [p.lex for p in data]
    strict = crossval.held_out(data, lexicon, common, config, folds=3)
    assert "vocabulary" not in strict.summary
    assert all(p.lex is lex for p, lex in zip(data, lex_before, strict=True))  # caller's rows untouched
    assert crossval.report(data, strict.probs)["ct2020"]["MAP"] > 0.9
    # a held-out debate's own words no longer shape its scores, so they differ from the lenient run's
    assert not all(np.allclose(a, b) for a, b in zip(strict.raw, lenient.raw, strict=True))
