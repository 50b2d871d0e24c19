"""Fitting the check-worthiness model (training time only).

``prepare`` turns debates into masked text, dense features and static MiniLM sentence vectors once;
``fit`` learns the TF-IDF vocabulary, an auxiliary ClaimBuster head (CFS vs the rest), the main logistic
regression (which also weighs the sentence vectors) and a boosted-tree ensemble over the dense, auxiliary
and repetition features, on CheckThat! debates (the 2020 ones weighted up, ``Config.ct2020_weight``),
and returns the plain arrays of ``model.ModelParams``; ``fit_platt`` calibrates. Cross-validation by
debate group is in ``crossval``. It needs scikit-learn, which the run-time model does not. The data folder
is always given by the caller (training script, benchmark); nothing here writes files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from podium.checkworthy.data import (
    Debate,
    duplicate_groups,
    duplicate_weights,
    load_checkthat,
    load_claimbuster,
)
from podium.checkworthy.embedding import sentence_vectors
from podium.checkworthy.features import char_ngrams, dense_features, repetition_features, word_ngrams
from podium.checkworthy.masking import learn_common_words, mask_text
from podium.checkworthy.model import FEATURE_NAMES, ModelParams
from podium.checkworthy.trees import from_sklearn


@dataclass(slots=True)
class Prepared:
    """A debate with what every fold needs: masked text, dense features, sentence vectors, group and
    line weights."""

    debate: Debate
    masked: list[str]
    dense: np.ndarray
    group: int
    weights: np.ndarray
    emb: np.ndarray
    lex: sparse.csr_matrix | None = None
    repeat: np.ndarray | None = None

    @property
    def labels(self) -> np.ndarray:
        return np.asarray(self.debate.labels, dtype=np.int64)


@dataclass(frozen=True, slots=True)
class Config:
    """Hyper-parameters, fixed before cross-validation (not tuned per debate)."""

    c_main: float = 0.5
    c_aux: float = 2.0
    min_df: int = 3
    balanced: bool = False
    solver: str = "lbfgs"
    seed: int = 13
    tree_weight: float = 0.5
    tree_iter: int = 200
    tree_rate: float = 0.05
    tree_leaves: int = 15
    tree_min_leaf: int = 40
    # the sentence vectors' share in the logistic regression (they are standardised, then scaled by this)
    emb_weight: float = 0.1
    # CheckThat! 2020 lines count this much more in fitting: its labels (1.2% positive, the claims that
    # fact-checkers actually checked) are the sparser, harder target
    ct2020_weight: float = 2.0


def prepare(
    debates: Sequence[Debate],
    common: set[str],
    groups: Sequence[int],
    weights: Sequence[Sequence[float]],
    vectors: bool = True,
) -> list[Prepared]:
    """Masked text, dense features and (unless ``vectors`` is false) sentence vectors of each debate."""
    out = []
    for debate, group, w in zip(debates, groups, weights, strict=True):
        masked = [mask_text(t, common) for t in debate.texts]
        named = [mask_text(t, common, keep_digits=True) for t in debate.texts]
        dense = dense_features(named, masked, debate.speakers)
        weights = np.asarray(w, dtype=np.float64)
        emb = sentence_vectors(named) if vectors else np.zeros((len(named), 0), dtype=np.float32)
        out.append(Prepared(debate, masked, dense, group, weights, emb))
    return out


def _vectorizer(analyzer: Callable[[str], list[str]], min_df: int) -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, min_df=min_df, dtype=np.float64)


def _neighbour_rows(x: sparse.csr_matrix, bounds: Sequence[tuple[int, int]]) -> sparse.csr_matrix:
    """Row i becomes the mean of rows i-1 and i+1 of the same document."""
    n = x.shape[0]
    rows, cols, vals = [], [], []
    for start, end in bounds:
        for i in range(start, end):
            nb = [j for j in (i - 1, i + 1) if start <= j < end]
            for j in nb:
                rows.append(i)
                cols.append(j)
                vals.append(1.0 / len(nb))
    mix = sparse.csr_matrix((vals, (rows, cols)), shape=(n, n))
    return (mix @ x).tocsr()


def _bounds(lengths: Sequence[int]) -> list[tuple[int, int]]:
    ends = np.cumsum(lengths)
    return [(int(e - n), int(e)) for n, e in zip(lengths, ends, strict=True)]


@dataclass(slots=True)
class Lexicon:
    """The TF-IDF vocabularies (word and character n-grams) and the ClaimBuster head over them, with the
    ClaimBuster debates the head was learnt from (to refit it on other texts)."""

    word_vec: TfidfVectorizer
    char_vec: TfidfVectorizer
    w_aux: np.ndarray
    b_aux: float
    aux: list[Prepared] = field(default_factory=list)

    def transform(self, masked: Sequence[str]) -> sparse.csr_matrix:
        return sparse.hstack([self.word_vec.transform(masked), self.char_vec.transform(masked)]).tocsr()


def fit_lexicon(texts: Sequence[str], aux: Sequence[Prepared], config: Config) -> Lexicon:
    """Vocabularies and IDF from masked ``texts`` (no labels); the auxiliary head from ``aux`` labels.

    The auxiliary head is ClaimBuster CFS vs the rest, on the sentence alone: its score is a feature of
    the main model (a claim detector learnt from 20k other labelled sentences).
    """
    word_vec = _vectorizer(word_ngrams, config.min_df).fit(texts)
    char_vec = _vectorizer(char_ngrams, config.min_df).fit(texts)
    lexicon = Lexicon(word_vec, char_vec, np.zeros(0), 0.0, list(aux))
    x_aux = lexicon.transform([m for p in aux for m in p.masked])
    y_aux = np.concatenate([p.labels for p in aux])
    aux_lr = LogisticRegression(C=config.c_aux, max_iter=2000, solver="liblinear")
    aux_lr.fit(x_aux, y_aux)
    lexicon.w_aux = aux_lr.coef_.ravel()
    lexicon.b_aux = float(aux_lr.intercept_[0])
    return lexicon


def attach_lexical(data: Sequence[Prepared], lexicon: Lexicon) -> None:
    """Compute each debate's TF-IDF rows and repetition features once (they do not change between folds)."""
    n_word = len(lexicon.word_vec.vocabulary_)
    for p in data:
        p.lex = lexicon.transform(p.masked)
        words = p.lex[:, :n_word].tocsr()
        rows = [
            (words.indices[a:b].astype(np.int64), words.data[a:b])
            for a, b in zip(words.indptr[:-1], words.indptr[1:], strict=True)
        ]
        p.repeat = repetition_features(rows, p.debate.speakers)


def fit(train: Sequence[Prepared], lexicon: Lexicon, common: set[str], config: Config) -> ModelParams:
    """Fit the main model on prepared debates (with ``attach_lexical`` done); calibration left identity."""
    x_lex = sparse.vstack([p.lex for p in train]).tocsr()
    bounds = _bounds([len(p.masked) for p in train])
    n_word = len(lexicon.word_vec.vocabulary_)
    # Neighbours contribute through their word n-grams only (characters would triple the fitting cost).
    x_ctx = _neighbour_rows(x_lex[:, :n_word], bounds)
    aux_score = x_lex @ lexicon.w_aux + lexicon.b_aux
    aux_ctx = _neighbour_rows(sparse.csr_matrix(aux_score[:, None]), bounds).toarray().ravel()
    dense = np.vstack([p.dense for p in train]).astype(np.float64)
    repeat = np.vstack([p.repeat for p in train]).astype(np.float64)
    extra = np.column_stack([dense, aux_score, aux_ctx, repeat])
    mean, scale = extra.mean(axis=0), extra.std(axis=0)
    scale[scale == 0] = 1.0
    emb = np.vstack([p.emb for p in train]).astype(np.float64)
    emb_mean, emb_scale = emb.mean(axis=0), emb.std(axis=0)
    emb_scale[emb_scale == 0] = 1.0
    emb_scale /= config.emb_weight
    emb_part = sparse.csr_matrix((emb - emb_mean) / emb_scale)
    x = sparse.hstack([x_lex, x_ctx, sparse.csr_matrix((extra - mean) / scale), emb_part]).tocsr()
    y = np.concatenate([p.labels for p in train])
    w = np.concatenate([p.weights * _source_weight(p, config) for p in train])
    lr = LogisticRegression(
        C=config.c_main,
        max_iter=3000,
        solver=config.solver,
        class_weight="balanced" if config.balanced else None,
        random_state=config.seed,
    )
    lr.fit(x, y, sample_weight=w)
    trees = HistGradientBoostingClassifier(
        max_iter=config.tree_iter,
        learning_rate=config.tree_rate,
        max_leaf_nodes=config.tree_leaves,
        min_samples_leaf=config.tree_min_leaf,
        l2_regularization=1.0,
        early_stopping=True,
        random_state=config.seed,
    )
    trees.fit(extra, y, sample_weight=w)
    coef = lr.coef_.ravel()
    n_lex = x_lex.shape[1]
    w_ctx = np.zeros(n_lex)
    w_ctx[:n_word] = coef[n_lex : n_lex + n_word]
    return ModelParams(
        common=sorted(common),
        word_vocab=_vocab_list(lexicon.word_vec),
        char_vocab=_vocab_list(lexicon.char_vec),
        idf=np.concatenate([lexicon.word_vec.idf_, lexicon.char_vec.idf_]).astype(np.float32),
        n_word=n_word,
        w_self=coef[:n_lex].astype(np.float32),
        w_ctx=w_ctx.astype(np.float32),
        w_aux=lexicon.w_aux.astype(np.float32),
        b_aux=lexicon.b_aux,
        extra_mean=mean.astype(np.float32),
        extra_scale=scale.astype(np.float32),
        w_extra=coef[n_lex + n_word : n_lex + n_word + extra.shape[1]].astype(np.float32),
        emb_mean=emb_mean.astype(np.float32),
        emb_scale=emb_scale.astype(np.float32),
        w_emb=coef[n_lex + n_word + extra.shape[1] :].astype(np.float32),
        bias=float(lr.intercept_[0]),
        platt_a=1.0,
        platt_b=0.0,
        dense_names=list(FEATURE_NAMES),
        trees=from_sklearn(trees),
        tree_weight=config.tree_weight,
    )


def _source_weight(p: Prepared, config: Config) -> float:
    return config.ct2020_weight if p.debate.source == "ct2020" else 1.0


def _vocab_list(vec: TfidfVectorizer) -> list[str]:
    vocab = [""] * len(vec.vocabulary_)
    for term, idx in vec.vocabulary_.items():
        vocab[idx] = term
    return vocab


def fit_platt(raw: np.ndarray, labels: np.ndarray, weights: np.ndarray | None = None) -> tuple[float, float]:
    """Platt scaling ``p = sigmoid(a * raw + b)`` fitted on out-of-fold scores."""
    lr = LogisticRegression(C=1e6, max_iter=1000)
    lr.fit(raw[:, None], labels, sample_weight=weights)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def prepare_all(data_root: Path, config: Config) -> tuple[list[Prepared], Lexicon, set[str]]:
    """Both CheckThat! sets under the shared data folder, with ClaimBuster as the auxiliary set
    (``prepare_sets``)."""
    sets = load_checkthat(data_root)
    return prepare_sets(sets["ct2019"] + sets["ct2020"], load_claimbuster(data_root), config)


def prepare_sets(
    debates: Sequence[Debate], claimbuster: Sequence[Debate], config: Config
) -> tuple[list[Prepared], Lexicon, set[str]]:
    """Labelled debates (grouped with their near-duplicates, duplicate-weighted) ready to fit, the
    lexicon (vocabularies and the auxiliary head learnt on ``claimbuster``) and the common words."""
    groups = duplicate_groups(debates)
    weights = duplicate_weights(debates, groups)
    common = learn_common_words(t for d in [*debates, *claimbuster] for t in d.texts)
    data = prepare(debates, common, groups, weights)
    aux_weights = [[1.0] * len(d) for d in claimbuster]
    aux = prepare(claimbuster, common, [-1] * len(claimbuster), aux_weights, vectors=False)
    lexicon = fit_lexicon([m for p in [*data, *aux] for m in p.masked], aux, config)
    attach_lexical(data, lexicon)
    return data, lexicon, common
