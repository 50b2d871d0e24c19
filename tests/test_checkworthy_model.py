"""Tests of the check-worthiness model: metrics, loaders, duplicate grouping, the shipped artifact,
context and order, and neutrality under swapped actor names. Uses only hand-written data."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from podium.checkworthy.data import Debate, duplicate_groups, duplicate_weights, read_checkthat_file
from podium.checkworthy.embedding import DIM, sentence_vectors
from podium.checkworthy.masking import mask_text
from podium.checkworthy.metrics import (
    average_precision,
    expected_calibration_error,
    macro_metrics,
    precision_at,
    r_precision,
)
from podium.checkworthy.model import CheckworthyModel


@pytest.fixture(scope="module")
def model() -> CheckworthyModel:
    return CheckworthyModel.load()


# ---------------------------------------------------------------- metrics


def test_average_precision_exact() -> None:
    # ranking (by score): y = 1, 0, 1, 0 -> AP = (1/1 + 2/3) / 2
    assert average_precision([0.9, 0.8, 0.7, 0.1], [1, 0, 1, 0]) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision([0.5, 0.4], [0, 0]) == 0.0


def test_ties_keep_input_order() -> None:
    # all scores equal: the ranking is the given order, as in the official (stable) scorer
    assert average_precision([0.5, 0.5, 0.5], [0, 0, 1]) == pytest.approx(1 / 3)
    assert precision_at([0.5, 0.5, 0.5], [1, 0, 0], 1) == 1.0


def test_precision_and_r_precision() -> None:
    scores, labels = [0.1, 0.9, 0.8, 0.3, 0.2], [1, 1, 0, 0, 0]
    assert precision_at(scores, labels, 1) == 1.0
    assert precision_at(scores, labels, 5) == pytest.approx(2 / 5)
    assert precision_at(scores, labels, 10) == pytest.approx(2 / 10)  # divided by k, as the scorer does
    assert r_precision(scores, labels) == pytest.approx(1 / 2)


def test_macro_average_over_debates() -> None:
    result = macro_metrics([([0.9, 0.1], [1, 0]), ([0.9, 0.1], [0, 1])])
    assert result["MAP"] == pytest.approx((1.0 + 0.5) / 2)
    assert result["P@1"] == pytest.approx(0.5)


def test_expected_calibration_error_exact() -> None:
    # bin [0.1,0.2): mean p 0.15, rate 0.5 -> 0.35 x 2/4; bin [0.9,1]: mean p 0.95, rate 1 -> 0.05 x 2/4
    ece = expected_calibration_error([0.1, 0.2 - 1e-9, 0.9, 1.0], [1, 0, 1, 1])
    assert ece == pytest.approx(0.5 * abs(0.5 - 0.15) + 0.5 * 0.05, abs=1e-6)


# ---------------------------------------------------------------- data


def test_read_checkthat_file(tmp_path: Path) -> None:
    path = tmp_path / "20200101_debate.tsv"
    path.write_text(
        "1\tHOLT\tGood evening.\t0\n2\tTRUMP\tWe lost 70,000 factories.\t1\n\n3\tSYSTEM\t(APPLAUSE)\n"
    )
    debate = read_checkthat_file(path, "test")
    assert debate.name == "20200101_debate"
    assert debate.line_numbers == ["1", "2", "3"]
    assert debate.speakers == ["HOLT", "TRUMP", "SYSTEM"]
    assert debate.labels == [0, 1, 0]
    assert debate.texts[1] == "We lost 70,000 factories."


def test_read_checkthat_file_rejects_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("1 HOLT no tabs here\n")
    with pytest.raises(ValueError, match=r"bad\.tsv:1"):
        read_checkthat_file(path)


def _debate(name: str, texts: list[str]) -> Debate:
    n = len(texts)
    return Debate(name, "t", [str(i) for i in range(n)], [None] * n, texts, [0] * n)


def test_duplicate_groups_join_copies_transitively() -> None:
    shared = [f"this is long shared sentence number {i} of the debate" for i in range(20)]
    other = [f"a completely different long sentence about topic {i} here" for i in range(20)]
    a = _debate("a", shared)
    b = _debate("b", [*shared[:15], "short one"])  # near-duplicate of a
    c = _debate("c", shared[5:20] + other[:3])  # overlaps b only through a's sentences
    d = _debate("d", other)
    groups = duplicate_groups([a, b, c, d])
    assert groups[0] == groups[1] == groups[2]
    assert groups[3] != groups[0]
    weights = duplicate_weights([a, b, d], duplicate_groups([a, b, d]))
    assert weights[0][0] == 0.5 and weights[0][19] == 1.0 and weights[2][0] == 1.0


# ---------------------------------------------------------------- repetition and trees


def test_repetition_features_find_restatements() -> None:
    import numpy as np

    from podium.checkworthy.features import REPETITION_NAMES, repetition_features

    def row(idx: list[int]) -> tuple[np.ndarray, np.ndarray]:
        return np.array(idx), np.full(len(idx), 1 / len(idx) ** 0.5)

    rows = [row([1, 2, 3, 4]), row([7, 8]), row([1, 2, 3, 4]), row([1, 9])]
    out = repetition_features(rows, ["A", "B", "B", "A"])
    assert out.shape == (4, len(REPETITION_NAMES))
    assert out[0, 0] == pytest.approx(1.0) and out[2, 0] == pytest.approx(1.0)
    assert out[0, 1] == pytest.approx(0.5 / 2**0.5, rel=1e-5)  # same speaker: sentence 3 shares 1 of 4 terms
    assert out[0, 2] == pytest.approx(1.0)  # another speaker restates it
    assert out[0, 4] == 0.0 and out[2, 4] == pytest.approx(1.0)  # only the later copy has an earlier one
    assert out[1].max() == 0.0
    assert repetition_features([], []).shape == (0, len(REPETITION_NAMES))


def test_tree_ensemble_matches_scikit_learn(tmp_path: Path) -> None:
    np = pytest.importorskip("numpy")
    ensemble = pytest.importorskip("sklearn.ensemble")
    from podium.checkworthy.trees import TreeEnsemble, from_sklearn

    rng = np.random.RandomState(0)
    x = rng.rand(2000, 5)
    y = (x[:, 0] + 0.5 * rng.rand(2000) > 0.9).astype(int)
    clf = ensemble.HistGradientBoostingClassifier(max_iter=30, max_leaf_nodes=7, random_state=0).fit(x, y)
    trees = TreeEnsemble.from_arrays(from_sklearn(clf).arrays())
    x_new = rng.rand(500, 5)
    assert np.allclose(trees.predict(x_new), clf.decision_function(x_new))
    assert np.all(TreeEnsemble.empty().predict(x_new) == 0.0)


# ---------------------------------------------------------------- the shipped model


def test_model_scores_are_probabilities(model: CheckworthyModel) -> None:
    texts = ["Good evening.", "Unemployment fell to 3.5 percent last year.", "(APPLAUSE)", "Your plan?"]
    scores = model.score(texts, ["HOLT", "TRUMP", "SYSTEM", "HOLT"])
    assert len(scores) == 4
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert model.score([], []) == []
    assert len(model.score(texts, None)) == 4  # a single-speaker speech without speaker names


def test_number_and_past_event_above_greeting(model: CheckworthyModel) -> None:
    texts = [
        "Thank you very much, it is wonderful to be here with all of you tonight.",
        "In 2019 the administration cut taxes by $1.5 trillion and the deficit grew by 26 percent.",
        "Thank you, God bless you.",
    ]
    scores = model.score(texts, ["SPEAKER"] * 3)
    assert scores[1] > scores[0] and scores[1] > scores[2]


def test_context_and_order_matter(model: CheckworthyModel) -> None:
    texts = [
        "Good evening and welcome to the debate.",
        "We lost 70,000 factories since the trade deal was signed in 1994.",
        "Wages fell by 12 percent over the last decade.",
        "Thank you.",
    ]
    speakers = ["MODERATOR", "CANDIDATE", "CANDIDATE", "MODERATOR"]
    in_order = model.score(texts, speakers)
    reversed_ = model.score(texts[::-1], speakers[::-1])[::-1]
    alone = model.score(texts[1:2], speakers[1:2])
    assert in_order != reversed_ or in_order[1] != alone[0]
    assert in_order[1] != pytest.approx(alone[0], abs=1e-9)  # neighbours change the score
    with pytest.raises(ValueError):
        model.score(texts, speakers[:2])


def test_sentence_vectors_see_no_names() -> None:
    common = {"struck", "the", "at", "dawn"}
    named = [
        mask_text(t, common, keep_digits=True)
        for t in ("Israel struck Iran at dawn.", "Iran struck Israel at dawn.")
    ]
    vectors = sentence_vectors([*named, "", "the 3 bridges"])
    assert vectors.shape == (4, DIM)
    np.testing.assert_array_equal(vectors[0], vectors[1])
    assert not vectors[2].any()  # nothing to average
    assert np.abs(vectors[3] - vectors[0]).max() > 0.1
    assert sentence_vectors([]).shape == (0, DIM)


def test_sentence_vectors_read_names_as_minilm_mask() -> None:
    masked = sentence_vectors(["ENT said so ."])
    spelled = sentence_vectors(["[MASK] said so ."])
    lower = sentence_vectors(["ent said so ."])
    np.testing.assert_allclose(masked, spelled, atol=1e-6)
    assert np.abs(masked - lower).max() > 0.1


# ---------------------------------------------------------------- neutrality

SWAPS = [
    ("Israel", "Iran"),
    ("Russia", "Ukraine"),
    ("the United States", "China"),
    ("Hamas", "the IDF"),
    ("Democrats", "Republicans"),
    ("Netanyahu", "Khamenei"),
    ("Putin", "Zelensky"),
    ("Biden", "Trump"),
    ("India", "Pakistan"),
    ("Saudi Arabia", "Yemen"),
    ("Labour", "the Conservatives"),
    ("Modi", "Sharif"),
    ("Serbia", "Kosovo"),
    ("Armenia", "Azerbaijan"),
    ("Taiwan", "Beijing"),
    ("Obama", "Bush"),
    ("Hezbollah", "Amal"),
    ("Macron", "Le Pen"),
    ("Venezuela", "Colombia"),
    ("Ethiopia", "Eritrea"),
    ("Pelosi", "McConnell"),
    ("NATO", "the Kremlin"),
    ("Ruto", "Odinga"),
    ("Lula", "Bolsonaro"),
]

SENTENCES = [
    "Israel launched 200 missiles at Iran last night, according to military officials.",
    "Iran has enriched uranium to 60 percent, far more than Israel says it would accept.",
    "Russia fired 3,000 drones at Ukraine in 2023, more than in any previous year.",
    "Ukraine says Russia has lost over 300,000 soldiers since the invasion began.",
    "The United States spends three times as much on defence as China does.",
    "China bought $120 billion of soybeans from the United States in the last decade.",
    "Hamas killed 1,200 people on October 7, and the IDF says it has destroyed 80 percent of the tunnels.",
    "The IDF has struck more than 25,000 targets, while Hamas fired 12,000 rockets.",
    "Democrats voted against the bill 212 to 0, while Republicans lost four seats in November.",
    "Republicans added $7 trillion to the national debt, Democrats claimed on Tuesday.",
    "Netanyahu promised that the war would end before the summer, but Khamenei refused to negotiate.",
    "Khamenei said in 2015 that the deal was a victory, and Netanyahu called it a historic mistake.",
    "Putin told the nation that inflation is under 5 percent, and Zelensky disputed the figure.",
    "Zelensky has met with 40 heads of state this year, Putin only with 6.",
    "Biden created 15 million jobs in his first three years, more than Trump did in four.",
    "Trump cut the corporate tax rate from 35 percent to 21 percent, and Biden wants to raise it again.",
    "India's economy grew by 8 percent last year, twice as fast as Pakistan's.",
    "Pakistan has received more than $30 billion in aid, while India received none.",
    "Saudi Arabia has carried out over 20,000 air strikes in Yemen since 2015.",
    "Yemen accused Saudi Arabia of blocking food imports for 18 months.",
    "Labour promised to build 1.5 million homes, the Conservatives built fewer than 200,000 a year.",
    "The Conservatives raised taxes to their highest level in 70 years, Labour says.",
    "Modi met Sharif in Lahore in 2015, the first such visit in a decade.",
    "Sharif claims that Modi's government doubled military spending along the border.",
    "Serbia recognises none of the 2008 decisions, while Kosovo has 100 recognitions.",
    "Kosovo says Serbia moved 4,000 troops to the border last month.",
    "Armenia lost control of the region in 2023 after Azerbaijan launched a one-day offensive.",
    "Azerbaijan says Armenia shelled its positions 30 times in a single week.",
    "Taiwan exports 90 percent of the world's most advanced chips, Beijing noted.",
    "Beijing sent 71 warplanes towards Taiwan in one day, the highest number on record.",
    "Obama deported more people than any president before him, and Bush had signed the law.",
    "Bush inherited a surplus, and by the time Obama took office the deficit was $1.4 trillion.",
    "Hezbollah fired 8,000 rockets in 2024, while Amal stayed out of the fighting.",
    "Amal has recruited 6,000 soldiers in the south, Hezbollah claims.",
    "Macron won 58 percent of the vote, Le Pen won 42 percent.",
    "Le Pen said that Macron raised the retirement age from 62 to 64.",
    "Venezuela has the largest proven oil reserves in the world, more than Colombia by far.",
    "Colombia took in 2.8 million migrants from Venezuela over the past decade.",
    "Ethiopia and Eritrea fought a war from 1998 to 2000 that killed 80,000 people.",
    "Eritrea has not held a national election since independence, Ethiopia's government said.",
    "Pelosi passed the bill with 220 votes, and McConnell blocked it in the Senate.",
    "McConnell said the deficit had doubled under Pelosi's leadership.",
    "NATO members spent 2 percent of GDP on defence last year, the Kremlin complained.",
    "The Kremlin claims NATO has moved 300,000 troops to high readiness.",
    "Ruto won the 2022 election with 50.5 percent, and Odinga challenged the result in court.",
    "Odinga says Ruto raised fuel taxes to 16 percent.",
    "Lula cut deforestation in the Amazon by 50 percent in his first year, compared with Bolsonaro's last.",
    "Bolsonaro said that Lula's government had doubled public debt.",
    "I think Israel wants peace, and I believe Iran wants peace too.",
    "Thank you, President Putin, and thank you, President Zelensky.",
    "We will stand with Ukraine, and we will talk to Russia.",
    "Do you believe China will keep its promises to the United States?",
    "Hamas and the IDF both say the ceasefire will hold.",
    "Republicans are going to win this election, and Democrats know it.",
    "India will never accept Pakistan's claims.",
    "Good evening, Prime Minister Modi, and welcome, Prime Minister Sharif.",
]


def _swap(text: str) -> str:
    table = {}
    for a, b in SWAPS:
        table[a], table[b] = b, a
    pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
    return pattern.sub(lambda m: table[m.group(0)], text)


def test_neutrality_pairs_really_swap() -> None:
    assert len(SENTENCES) >= 50
    assert all(_swap(s) != s for s in SENTENCES)


def test_masking_hides_the_swapped_names() -> None:
    common = set(CheckworthyModel.load().params.common)
    assert mask_text("Israel struck Iran.", common) == mask_text("Iran struck Israel.", common)


def test_scores_do_not_move_when_actor_names_are_swapped(model: CheckworthyModel) -> None:
    alone = [(model.score([s])[0], model.score([_swap(s)])[0]) for s in SENTENCES]
    in_doc = zip(model.score(SENTENCES), model.score([_swap(s) for s in SENTENCES]), strict=True)
    changes = [abs(a - b) for a, b in [*alone, *in_doc]]
    assert max(changes) <= 0.02, max(changes)
