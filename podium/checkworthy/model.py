"""The check-worthiness model at run time: load the committed artifact, score sentences in order.

``CheckworthyModel.load()`` reads ``podium/checkworthy/model/`` (a compressed ``.npz`` of arrays and a
``meta.json``); ``score(sentences, speakers)`` returns a calibrated probability per sentence. The score
has two parts, added in log-odds: a linear model over name-masked TF-IDF n-grams of the sentence and of
its neighbours, an auxiliary ClaimBuster-trained claim score, dense cue/context features (``features``),
repetition features (how closely the sentence restates another one of the document) and the sentence's
mean static MiniLM vector (``embedding``); and a small
boosted-tree ensemble (``trees``) over the same dense, auxiliary and repetition features, weighted by
``tree_weight``. A Platt map turns the sum into a probability. Only numpy is needed here: no
scikit-learn, no pickle, no network. Training lives in ``training``; podium's analyser and CLI wrap
this class elsewhere.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

import numpy as np

from podium.checkworthy import embedding
from podium.checkworthy.features import (
    DENSE_NAMES,
    REPETITION_NAMES,
    char_ngrams,
    dense_features,
    repetition_features,
    word_ngrams,
)
from podium.checkworthy.masking import mask_both, mask_text
from podium.checkworthy.trees import TreeEnsemble

MODEL_DIR = Path(__file__).with_name("model")
_ARRAYS = (
    "idf",
    "w_self",
    "w_ctx",
    "w_aux",
    "extra_mean",
    "extra_scale",
    "w_extra",
    "emb_mean",
    "emb_scale",
    "w_emb",
)
_VOCABS = ("word_vocab", "char_vocab")
FEATURE_NAMES = (*DENSE_NAMES, "aux", "aux_neighbours", *REPETITION_NAMES)


@dataclass(slots=True)
class ModelParams:
    """Everything the model needs, as plain lists, arrays and numbers."""

    common: list[str]
    word_vocab: list[str]
    char_vocab: list[str]
    idf: np.ndarray
    n_word: int
    w_self: np.ndarray
    w_ctx: np.ndarray
    w_aux: np.ndarray
    b_aux: float
    extra_mean: np.ndarray
    extra_scale: np.ndarray
    w_extra: np.ndarray
    emb_mean: np.ndarray
    emb_scale: np.ndarray
    w_emb: np.ndarray
    bias: float
    platt_a: float
    platt_b: float
    dense_names: list[str]
    trees: TreeEnsemble = field(default_factory=TreeEnsemble.empty)
    tree_weight: float = 0.0

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        arrays = {name: np.asarray(getattr(self, name), dtype=np.float32) for name in _ARRAYS}
        for name in _VOCABS:
            arrays[name] = np.array(getattr(self, name), dtype=np.str_)
        arrays.update(self.trees.arrays())
        np.savez_compressed(folder / "checkworthy.npz", **arrays)
        skip = (*_ARRAYS, *_VOCABS, "trees")
        meta = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in skip}
        (folder / "meta.json").write_text(json.dumps(meta, indent=0, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> ModelParams:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        with np.load(folder / "checkworthy.npz", allow_pickle=False) as data:
            arrays = {name: data[name] for name in _ARRAYS}
            vocabs = {name: data[name].tolist() for name in _VOCABS}
            trees = TreeEnsemble.from_arrays({k: data[k] for k in data.files if k.startswith("tree_")})
        return cls(**meta, **arrays, **vocabs, trees=trees)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _neighbour_mean(values: np.ndarray) -> np.ndarray:
    """Mean of the previous and next value (one of them at the ends; 0 for a single sentence)."""
    n = len(values)
    if n < 2:
        return np.zeros_like(values)
    total = np.zeros_like(values)
    total[1:] += values[:-1]
    total[:-1] += values[1:]
    count = np.full(n, 2.0)
    count[0] = count[-1] = 1.0
    return total / count


class CheckworthyModel:
    """Scores every sentence of a document with the probability a fact-checker would check it."""

    def __init__(self, params: ModelParams) -> None:
        self.params = params
        if list(params.dense_names) != list(FEATURE_NAMES):
            raise ValueError("model artifact was trained with other features; retrain it")
        self._common = set(params.common)
        self._word_index = {t: i for i, t in enumerate(params.word_vocab)}
        self._char_index = {t: i + params.n_word for i, t in enumerate(params.char_vocab)}
        # One matrix product gives the sentence's own, neighbour and ClaimBuster weights at once.
        self._weights = np.column_stack([params.w_self, params.w_ctx, params.w_aux]).astype(np.float64)
        self._idf = params.idf.astype(np.float64)
        self._token_chars: dict[str, list[int]] = {}

    @classmethod
    def load(cls, folder: Path | None = None) -> CheckworthyModel:
        """The committed model (or one saved in ``folder``), with the embedding layer it needs."""
        model = cls(ModelParams.load(folder or MODEL_DIR))
        embedding.load()
        return model

    def _lexical(self, masked: Sequence[str]) -> tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
        """The TF-IDF rows of masked sentences multiplied by the three weight columns (``(n, 3)``), and
        each row's word n-gram part as ``(indices, values)`` (for ``repetition_features``)."""
        n = len(masked)
        result = np.zeros((n, 3))
        words: list[tuple[np.ndarray, np.ndarray]] = []
        word_get = self._word_index.get
        blocks = (
            [[i for i in map(word_get, word_ngrams(m)) if i is not None] for m in masked],
            [[i for tok in m.split() for i in self._char_ids(tok)] for m in masked],
        )
        for k, block in enumerate(blocks):
            counted = [Counter(ids) for ids in block]  # n-grams in first-seen order, with their counts
            sizes = np.array([len(c) for c in counted], dtype=np.int64)
            cols = np.fromiter((i for c in counted for i in c), np.int64, int(sizes.sum()))
            tf = 1.0 + np.log(np.fromiter((v for c in counted for v in c.values()), np.float64, len(cols)))
            row = np.repeat(np.arange(n), sizes)
            vals = tf * self._idf[cols]
            norms = np.sqrt(np.bincount(row, weights=vals * vals, minlength=n))
            vals /= norms[row]
            contrib = vals[:, None] * self._weights[cols]
            for j in range(3):
                result[:, j] += np.bincount(row, weights=contrib[:, j], minlength=n)
            if k == 0:
                cuts = np.cumsum(sizes)[:-1]
                words = list(zip(np.split(cols, cuts), np.split(vals, cuts), strict=True))
        return result, words

    def _char_ids(self, token: str) -> list[int]:
        """Vocabulary indices of the character n-grams of one token, cached (a speech reuses its words)."""
        ids = self._token_chars.get(token)
        if ids is None:
            if len(self._token_chars) > 200_000:
                self._token_chars.clear()
            index = self._char_index
            ids = [i for i in map(index.get, char_ngrams(token)) if i is not None]
            self._token_chars[token] = ids
        return ids

    def decision(
        self,
        sentences: Sequence[str],
        speakers: Sequence[str | None] | None = None,
        *,
        masked: Sequence[str] | None = None,
        dense: np.ndarray | None = None,
        emb: np.ndarray | None = None,
    ) -> np.ndarray:
        """Uncalibrated scores (log-odds before Platt scaling) of the sentences of one document."""
        n = len(sentences)
        if n == 0:
            return np.zeros(0)
        spk = list(speakers) if speakers is not None else [None] * n
        if len(spk) != n:
            raise ValueError(f"{n} sentences but {len(spk)} speakers")
        p = self.params
        named: list[str] | None = None
        if masked is None and (dense is None or emb is None):  # both maskings from one pass
            both = [mask_both(s, self._common) for s in sentences]
            masked, named = [m for m, _ in both], [k for _, k in both]
        elif masked is None:
            masked = [mask_text(s, self._common) for s in sentences]
        if dense is None or emb is None:
            if named is None:
                named = [mask_text(s, self._common, keep_digits=True) for s in sentences]
            dense = dense_features(named, masked, spk) if dense is None else dense
            emb = embedding.sentence_vectors(named) if emb is None else emb
        lex, words = self._lexical(masked)
        aux = lex[:, 2] + p.b_aux
        repeat = repetition_features(words, spk)
        extra = np.column_stack([dense, aux, _neighbour_mean(aux), repeat])
        linear = lex[:, 0] + _neighbour_mean(lex[:, 1]) + ((extra - p.extra_mean) / p.extra_scale) @ p.w_extra
        linear += ((emb - p.emb_mean) / p.emb_scale) @ p.w_emb
        return linear + p.bias + p.tree_weight * p.trees.predict(extra)

    def score(self, sentences: Sequence[str], speakers: Sequence[str | None] | None = None) -> list[float]:
        """Calibrated probabilities, one per sentence; pass the sentences of one document in order.

        ``speakers`` gives each sentence's speaker (``None`` where unknown, e.g. a single-speaker speech).
        """
        raw = self.decision(sentences, speakers)
        return _sigmoid(self.params.platt_a * raw + self.params.platt_b).tolist()
