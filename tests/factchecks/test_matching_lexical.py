"""The matching tokeniser and BM25 index: textbook behaviour on toy corpora, arrays that round-trip."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from podium.factchecks.lexical import Bm25, stem, terms, tokens
from podium.resources.matching_words import STOP_WORDS


def test_numbers_are_normalised_and_kept() -> None:
    assert tokens("Incomes fell $4,300, i.e. 3.50% — 23 million.") == [
        "incomes",
        "fell",
        "4300",
        "i",
        "e",
        "3.5",
        "23",
        "million",
    ]
    assert "4300" in terms("down $4,300 during your term")


def test_negations_stay_and_stop_words_go() -> None:
    words = terms("He did not raise the taxes")
    assert "not" in words
    assert "the" not in words and "he" not in words
    assert "tax" in words and "rais" in words


def test_stemmer_joins_word_forms() -> None:
    assert stem("taxes") == stem("tax")
    assert stem("raised") == stem("raise") == stem("raising")
    assert stem("declined") == stem("decline")
    assert stem("stopped") == stem("stop")
    assert stem("2020") == "2020"


@given(st.text(max_size=300))
def test_terms_never_fail_and_are_clean(text: str) -> None:
    words = terms(text)
    assert all(w and w == w.lower() and w not in STOP_WORDS for w in words)
    assert all(" " not in w and "\t" not in w for w in words)


@given(st.lists(st.from_regex(r"[a-z]{4,10}", fullmatch=True), min_size=1, max_size=20))
def test_terms_of_joined_words_are_their_stems(words: list[str]) -> None:
    expected = [stem(w) for w in words if w not in STOP_WORDS]
    assert terms(" ".join(words)) == expected


def _bm25(query: list[str], docs: list[list[str]], k1: float = 1.2, b: float = 0.75) -> list[float]:
    """BM25 written out from the textbook formula (idf = ln(1 + (N - df + 0.5) / (df + 0.5)))."""
    n = len(docs)
    avgdl = sum(len(d) for d in docs) / n
    out = []
    for d in docs:
        score = 0.0
        for term in set(query):
            df = sum(term in doc for doc in docs)
            tf = d.count(term)
            if tf:
                idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
                score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(d) / avgdl))
        out.append(score)
    return out


CORPUS = [
    "the senate passed the budget bill",
    "budget budget budget deficit",
    "the governor vetoed a bill on schools",
    "schools and teachers got more money in the state budget this year than last year",
    "weather was sunny",
]


def test_bm25_matches_the_textbook_formula() -> None:
    index = Bm25.build(CORPUS)
    for query in ("budget", "budget bill", "schools budget deficit", "sunny senate"):
        expected = _bm25(terms(query), [terms(d) for d in CORPUS])
        assert np.allclose(index.scores(query), expected, rtol=1e-5)


def test_bm25_textbook_ordering() -> None:
    index = Bm25.build(CORPUS)
    budget = index.scores("budget")
    assert budget[1] > budget[0] > budget[3]  # more occurrences first; a long document lower
    assert budget[2] == budget[4] == 0.0
    rare = index.scores("deficit bill")
    assert rare[1] > rare[0]  # "deficit" (1 document) weighs more than "bill" (2 documents)
    assert index.scores("nothing matches here").sum() == 0.0


def test_arrays_round_trip_memory_mapped(tmp_path: Path) -> None:
    index = Bm25.build(CORPUS)
    for name, array in index.arrays().items():
        np.save(tmp_path / f"{name}.npy", array)
    loaded = Bm25.from_arrays({p.stem: np.load(p, mmap_mode="r") for p in tmp_path.glob("*.npy")})
    assert isinstance(loaded.docs, np.memmap)
    for query in ("budget", "schools teachers", "sunny weather"):
        assert np.array_equal(loaded.scores(query), index.scores(query))
    assert loaded.idf(["budget"])[0] < loaded.idf(["deficit"])[0] < loaded.idf(["unknownword"])[0]


def test_empty_corpus_and_empty_query() -> None:
    empty = Bm25.build([])
    assert empty.n == 0 and empty.scores("budget").shape == (0,)
    index = Bm25.build(["", "budget"])
    assert index.scores("").tolist() == [0.0, 0.0]
    assert index.scores("budget")[1] > 0
