"""Recurring claims: claims of a corpus that restate an earlier claim, grouped into clusters.

Pure library code (no database): the store hands in ``ClaimItem`` records and gets ``Cluster`` objects back.

How two claims are compared (``PairScorer``; ``is_restatement`` for a pair alone): a blend of two cosines,
0.8 x that of TF-IDF rows (word unigrams and bigrams, actor mentions read as one placeholder word and
numbers as another, IDF fitted on the claims being compared: the corpus teaches which words are rare in
it, no training data) and 0.2 x that of their ``claim_vectors`` (a rank-weighted mean of all-MiniLM-L6-v2's
static word-piece vectors, names of actors left out; cheap enough to compute and store when a document is
added), then corrected by whether the two sentences agree on what a fact-checker would check — the
quantities (same kind and unit; a moved number is allowed, a different kind of number is not), the
actors (a different set of actors is a different claim, whoever they are) and polarity (one sentence
negated, the other not, is not a restatement). Names never matter, only whether the actor sets agree.

How a corpus is clustered (``cluster_claims``): identical sentences are merged first; candidate pairs
come from a sparse product of the claims' rare-term TF-IDF rows, done in row blocks (the common terms'
share is bounded, so only pairs that could reach the threshold are scored in full); the pairs scoring at
or above the threshold are linked best first, and two groups merge only when no pair across them
conflicts (polarity, actors) and their average blended cosine stays near the threshold, so one loose
link cannot chain unrelated claims together.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import Any

import numpy as np

DIM = 384
# The all-MiniLM-L6-v2 (BERT uncased) vocabulary lists whole words from id 1996 roughly by falling
# frequency ("the", "of", "and", ...): the rank there stands in for an inverse document frequency.
_FIRST_WORD_ID = 1996
_RANK_SCALE = 100.0
_NUMBER_WEIGHT = 1.0  # numbers count, but no more than a common word: moved numbers are judged apart

# The pair score: TF_IDF_WEIGHT x the TF-IDF cosine (word 1-2 grams, IDF fitted on the claims being compared)
# + (1 - TF_IDF_WEIGHT) x the claim-vector cosine + CORRECTION_SCALE x the corrections below; the weight and
# the scale were chosen by cross-validation on the labelled pairs (benchmarks/recurring_claims.py).
TF_IDF_WEIGHT = 0.8
CORRECTION_SCALE = 0.25
# Pair-score corrections (scaled by CORRECTION_SCALE, added to the blended cosine).
NEGATION_PENALTY = 0.35
ACTOR_CONFLICT_PENALTY = 0.30
ACTOR_PARTIAL_PENALTY = 0.10
ACTOR_ONE_SIDED_PENALTY = 0.04
QUANTITY_SAME_BONUS = 0.05
QUANTITY_MOVED_PENALTY = 0.02
QUANTITY_CONFLICT_PENALTY = 0.12
QUANTITY_ONE_SIDED_PENALTY = 0.04
VALUE_TOLERANCE = 0.02  # relative difference under which two values are the same number
DEFAULT_THRESHOLD = 0.40  # cross-validated on the labelled pairs (chosen 0.394-0.405 in the folds)
# Candidate pairs need a blended cosine of at least threshold - margin: no correction adds more than
# CORRECTION_SCALE * QUANTITY_SAME_BONUS (0.0125), so no pair below that can reach the threshold.
CANDIDATE_MARGIN = 0.02
GROUP_MARGIN = 0.08  # two groups merge only if their mean cross cosine is >= threshold - margin


@dataclass(frozen=True)
class ClaimItem:
    """One stored claim as the clustering sees it.

    ``actors`` are canonical actor ids of the sentence (leave out pronoun mentions such as the speaker's
    "we", which mean a different side for each speaker). ``vector`` is ``claim_vectors`` of the text with
    those actor mentions (``actor_spans``, offsets into ``text``) masked; computed here when ``None``.
    """

    id: int
    document_id: int
    text: str
    speaker: str | None
    date: str | None
    quantities: tuple[dict, ...] = ()
    actors: tuple[str, ...] = ()
    vector: np.ndarray | None = None
    start: int | None = None
    end: int | None = None
    actor_spans: tuple[tuple[int, int], ...] = ()  # [start, end) of actor mentions inside ``text``


# --------------------------------------------------------------------------- vectors


@dataclass(frozen=True)
class _Lexicon:
    tokenizer: Any
    words: np.ndarray
    position: np.ndarray
    ln_weight: np.ndarray
    ln_bias: np.ndarray
    weights: np.ndarray  # per vocabulary id
    is_number: np.ndarray
    centre: np.ndarray


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """MiniLM's embedding layer (shared with the technique and check-worthiness analysers)."""
    from podium.techniques.embedding import load_embedding
    from podium.techniques.encoder import MAX_PIECES, STRIDE

    emb = load_embedding(MAX_PIECES, STRIDE)
    vocab = emb.words.shape[0]
    rank = np.arange(vocab, dtype=np.float64) - (_FIRST_WORD_ID - 1)
    weights = np.where(rank > 0, np.log1p(np.maximum(rank, 0) / _RANK_SCALE), 0.0)
    tokens = [emb.tokenizer.id_to_token(i) or "" for i in range(vocab)]
    is_number = np.array([t.lstrip("#").replace(",", "").replace(".", "").isdigit() for t in tokens])
    weights = np.where(is_number, np.minimum(weights, _NUMBER_WEIGHT), weights)
    lex = _Lexicon(emb.tokenizer, emb.words, emb.positions[1], emb.ln_weight, emb.ln_bias,
                   weights.astype(np.float32), is_number, np.zeros(DIM, dtype=np.float32))  # fmt: skip
    # The centre: the vector an "average" sentence gets (Zipf-weighted vocabulary), removed from every
    # vector so that the cosine measures what two sentences share beyond being English.
    ids = np.arange(_FIRST_WORD_ID, min(vocab, _FIRST_WORD_ID + 20000))
    zipf = (1.0 / (ids - _FIRST_WORD_ID + 1)).astype(np.float32) * lex.weights[ids]
    total = np.zeros(DIM, dtype=np.float32)
    for at in range(0, len(ids), 2000):  # in slices: the whole (20000, 384) product would add ~60 MB of peak
        part = slice(at, at + 2000)
        total += (zipf[part, None] * _piece_vectors(lex, ids[part])).sum(axis=0)
    return replace(lex, centre=(total / zipf.sum()).astype(np.float32))


def _piece_vectors(lex: _Lexicon, ids: np.ndarray) -> np.ndarray:
    """LayerNorm(word + one fixed position): a piece's vector whatever its place in the sentence."""
    x = lex.words[ids] + lex.position
    x = x - x.mean(axis=1, keepdims=True)
    x /= np.sqrt((x * x).mean(axis=1, keepdims=True) + 1e-12)
    return x * lex.ln_weight + lex.ln_bias


_WORD = re.compile(r"[^\W_]+|[^\w\s]|_")


@lru_cache(maxsize=200_000)
def _word_ids(word: str) -> tuple[int, ...]:
    """The word pieces of one (lower-case) word by MiniLM's own tokenizer; cached (speeches reuse words)."""
    return tuple(_lexicon().tokenizer.encode(word, add_special_tokens=False).ids)


def _pieces(texts: Sequence[str], masks: Sequence[Sequence[tuple[int, int]]] | None) -> list[np.ndarray]:
    """Vocabulary ids of each text's word pieces, words overlapping a masked character range left out.

    Splits words as BERT's basic tokenizer does (letters and digits, each punctuation mark apart) and
    word-pieces each word once per process: many times faster than tokenizing whole sentences.
    """
    out = []
    for i, text in enumerate(texts):
        spans = masks[i] if masks is not None else ()
        if spans:
            words = [m.group().lower() for m in _WORD.finditer(text)
                     if not any(m.start() < end and m.end() > start for start, end in spans)]  # fmt: skip
        else:
            words = _WORD.findall(text.lower())
        out.append(np.fromiter((i for w in words for i in _word_ids(w)), dtype=np.int64))
    return out


def claim_vectors(
    texts: Sequence[str], masks: Sequence[Sequence[tuple[int, int]]] | None = None
) -> np.ndarray:
    """``(n, 384)`` float32 L2-normalised sentence vectors; deterministic, numpy only, no encoder pass.

    ``masks`` gives, per text, ``[start, end)`` character ranges (actor mentions) to leave out, so that
    the vector never depends on which actor is named; the actors are compared apart (``is_restatement``).
    """
    lex = _lexicon()
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    per_text = _pieces(texts, masks)
    lengths = np.array([len(p) for p in per_text], dtype=np.int64)
    if not lengths.sum():
        return out
    from scipy import sparse

    flat = np.concatenate(per_text)
    uniq, inverse = np.unique(flat, return_inverse=True)
    w = lex.weights[flat]
    rows = np.repeat(np.arange(len(texts)), lengths)
    weights = sparse.csr_matrix((w, (rows, inverse)), shape=(len(texts), len(uniq)))
    total = np.asarray(weights.sum(axis=1)).ravel()
    ok = total > 0
    out[ok] = (weights @ _piece_vectors(lex, uniq))[ok] / total[ok, None] - lex.centre
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)


def vector_to_bytes(v: np.ndarray) -> bytes:
    """A claim vector as 768 bytes (float16, little-endian) for a BLOB column."""
    return np.asarray(v, dtype="<f2").tobytes()


def vector_from_bytes(b: bytes) -> np.ndarray:
    """The float32 vector stored by ``vector_to_bytes``."""
    return np.frombuffer(b, dtype="<f2").astype(np.float32)


# --------------------------------------------------------------------------- pair agreement

_NEGATION = re.compile(
    r"\b(?:not(?! only\b| just\b)|never(?! before\b)|no(?! doubt\b| question\b| matter\b)|nobody|nothing"
    r"|none|neither|nor|nowhere|cannot|without)\b|n['’]t\b",
    re.IGNORECASE,
)
_LEADING_NO = re.compile(
    r"\W*no\s*[,.!;:—–-]", re.IGNORECASE
)  # "No, ..." answers a question; it negates nothing


def negated(text: str) -> bool:
    """Whether the sentence's polarity is negative (an odd number of negation cues)."""
    cues = len(_NEGATION.findall(text)) - (1 if _LEADING_NO.match(text) else 0)
    return cues % 2 == 1


def _number(q: dict, key: str) -> float | None:
    v = q.get(key)
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _compatible(a: dict, b: dict) -> bool:
    """Same kind of number: same kind, and the same unit where both state one."""
    if a.get("kind") and b.get("kind") and a.get("kind") != b.get("kind"):
        return False
    ua, ub = a.get("unit"), b.get("unit")
    return not (ua and ub and str(ua).lower() != str(ub).lower())


def _same_value(a: dict, b: dict) -> bool:
    va, vb = _number(a, "value"), _number(b, "value")
    if va is None or vb is None:
        return va == vb
    return abs(va - vb) <= VALUE_TOLERANCE * max(abs(va), abs(vb), 1e-9)


def quantity_agreement(qa: Sequence[dict], qb: Sequence[dict]) -> str:
    """``none`` (neither states a number), ``one-sided``, ``same``, ``moved`` (a number of the same kind
    changed) or ``conflict`` (no number of one sentence is of a kind the other states)."""
    qa = [q for q in qa if q.get("kind") not in ("ordinal",)]
    qb = [q for q in qb if q.get("kind") not in ("ordinal",)]
    if not qa and not qb:
        return "none"
    if not qa or not qb:
        return "one-sided"
    pairs = [(a, b) for a in qa for b in qb if _compatible(a, b)]
    if not pairs:
        return "conflict"
    small, large = (qa, qb) if len(qa) <= len(qb) else (qb, qa)
    same = all(any(_compatible(s, t) and _same_value(s, t) for t in large) for s in small)
    return "same" if same else "moved"


def actor_agreement(aa: Sequence[str], ab: Sequence[str]) -> float:
    """The correction for the two actor sets: 0 when equal, negative when they differ (names never matter,
    only whether the sets agree)."""
    sa, sb = set(aa), set(ab)
    if sa == sb:
        return 0.0
    if not sa or not sb:
        return -ACTOR_ONE_SIDED_PENALTY
    if not sa & sb:
        return -ACTOR_CONFLICT_PENALTY
    return -ACTOR_PARTIAL_PENALTY * (1.0 - len(sa & sb) / len(sa | sb))


_QUANTITY_CORRECTION = {
    "none": 0.0,
    "same": QUANTITY_SAME_BONUS,
    "moved": -QUANTITY_MOVED_PENALTY,
    "conflict": -QUANTITY_CONFLICT_PENALTY,
    "one-sided": -QUANTITY_ONE_SIDED_PENALTY,
}


_TERM = re.compile(r"[^\W_]+")
_NUMERAL = re.compile(r"\d[\d,.]*(?:st|nd|rd|th|s)?")
_ACTOR_TERM = "xxactor"  # what every masked actor mention reads as: the same token whoever it names
_NUMBER_TERM = "xxnum"  # every number reads the same: quantities are compared apart (quantity_agreement)


def claim_terms(text: str, spans: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The TF-IDF terms of a claim: lower-case words of two or more characters (split at apostrophes, as
    scikit-learn's default tokenizer does) and their bigrams; each actor mention (``spans``) is one
    ``xxactor`` word and each number ``xxnum``, so neither names nor figures decide the match."""
    if spans:
        parts, last = [], 0
        for start, end in sorted(spans):
            if start < last:
                continue
            parts += [text[last:start], f" {_ACTOR_TERM} "]
            last = end
        parts.append(text[last:])
        text = "".join(parts)
    words = [_NUMBER_TERM if w[0].isdigit() and _NUMERAL.fullmatch(w) else w
             for w in _TERM.findall(text.lower()) if len(w) > 1]  # fmt: skip
    return words + [f"{x} {y}" for x, y in pairwise(words)]


def _tf_idf(term_lists: Sequence[Sequence[str]], background: Sequence[Sequence[str]] = ()) -> Any:
    """L2-normalised TF-IDF rows (CSR) of ``term_lists``: sublinear term frequency, smoothed IDF
    (``ln((1 + n) / (1 + df)) + 1``) over ``term_lists`` and ``background`` together."""
    from scipy import sparse

    vocab: dict[str, int] = {}
    lookup = vocab.setdefault
    cols = [lookup(t, len(vocab)) for terms in term_lists for t in terms]
    counts = np.fromiter((len(terms) for terms in term_lists), dtype=np.int64, count=len(term_lists))
    rows = np.repeat(np.arange(len(term_lists)), counts)
    m = sparse.csr_matrix(
        (np.ones(len(cols), dtype=np.float32), (rows, np.asarray(cols, dtype=np.int64))),
        shape=(len(term_lists), len(vocab)),
    )
    m.sum_duplicates()
    df = np.bincount(m.indices, minlength=len(vocab)).astype(np.float64)
    n = len(term_lists) + len(background)
    for terms in background:
        ids = {vocab[t] for t in terms if t in vocab}
        df[list(ids)] += 1
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    m.data = ((1.0 + np.log(m.data)) * idf[m.indices]).astype(np.float32)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    return (sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ m).tocsr()


def _row_dots(m: Any, i: np.ndarray, j: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    """``m[i[k]] . m[j[k]]`` for each k (CSR rows), in chunks."""
    out = np.zeros(len(i), dtype=np.float32)
    for lo in range(0, len(i), chunk):
        a, b = m[i[lo : lo + chunk]], m[j[lo : lo + chunk]]
        out[lo : lo + chunk] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


class PairScorer:
    """Restatement scores of pairs of ``items``, word weights learnt from the items themselves.

    The score is ``TF_IDF_WEIGHT`` x the cosine of TF-IDF rows (``claim_terms``; IDF over ``items`` and
    ``background``, other texts of the corpus that only count towards document frequencies) +
    ``(1 - TF_IDF_WEIGHT)`` x the cosine of the claim vectors, then corrected (``CORRECTION_SCALE``) by the
    agreement of quantities, actors and polarity. No training data: a corpus teaches which words are rare
    in it. Names never matter (masked in both representations; actor sets compared by equality only).
    """

    def __init__(self, items: Sequence[ClaimItem], background: Sequence[str] = ()) -> None:
        self.items = list(items)
        self.tfidf = _tf_idf(
            [claim_terms(c.text, c.actor_spans) for c in self.items], [claim_terms(t) for t in background]
        )
        self.vectors = np.zeros((len(self.items), DIM), dtype=np.float32)
        missing = [k for k, c in enumerate(self.items) if c.vector is None]
        if missing:
            texts = [self.items[k].text for k in missing]
            self.vectors[missing] = claim_vectors(texts, [self.items[k].actor_spans for k in missing])
        for k, c in enumerate(self.items):
            if c.vector is not None:
                self.vectors[k] = c.vector
        self.negs = np.array([negated(c.text) for c in self.items], dtype=bool)

    def cosines(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """The blended cosines of pairs ``(i[k], j[k])`` (item positions), before corrections."""
        i, j = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)
        vec = np.einsum("ij,ij->i", self.vectors[i], self.vectors[j])
        return TF_IDF_WEIGHT * _row_dots(self.tfidf, i, j) + (1.0 - TF_IDF_WEIGHT) * vec

    def scores(self, i: np.ndarray, j: np.ndarray, cosines: np.ndarray | None = None) -> np.ndarray:
        """Restatement scores in [0, 1] of pairs ``(i[k], j[k])``."""
        cos = self.cosines(i, j) if cosines is None else cosines
        it, n = self.items, self.negs
        return np.array(
            [pair_score(float(c), it[a], it[b], (bool(n[a]), bool(n[b])))
             for a, b, c in zip(np.asarray(i).tolist(), np.asarray(j).tolist(), cos, strict=True)],
            dtype=np.float64,
        )  # fmt: skip

    def score(self, a: int, b: int) -> float:
        return float(self.scores(np.array([a]), np.array([b]))[0])


def pair_score(cosine: float, a: ClaimItem, b: ClaimItem, polarity: tuple[bool, bool] | None = None) -> float:
    """The restatement score of two claims whose blended cosine is ``cosine`` (``polarity``: their
    ``negated``, when already known)."""
    return float(min(1.0, max(0.0, cosine + CORRECTION_SCALE * pair_correction(a, b, polarity))))


def pair_correction(a: ClaimItem, b: ClaimItem, polarity: tuple[bool, bool] | None = None) -> float:
    """The unscaled correction for two claims: quantities, actors and polarity (see the penalties)."""
    correction = _QUANTITY_CORRECTION[quantity_agreement(a.quantities, b.quantities)]
    correction += actor_agreement(a.actors, b.actors)
    neg_a, neg_b = polarity if polarity is not None else (negated(a.text), negated(b.text))
    return correction - (NEGATION_PENALTY if neg_a != neg_b else 0.0)


def is_restatement(a: ClaimItem, b: ClaimItem) -> float:
    """How much ``b`` restates ``a``, in [0, 1] (symmetric); compare with ``DEFAULT_THRESHOLD``.

    With only the two claims to learn word weights from, every shared word counts alike; ``cluster_claims``
    scores the same way with the IDF of the whole set (``PairScorer(items).score(i, j)`` for one pair).
    """
    return PairScorer([a, b]).score(0, 1)


# --------------------------------------------------------------------------- clustering


@dataclass
class Cluster:
    """Claims that restate one another, ordered by (date, document_id, id)."""

    id: int
    claims: list[ClaimItem] = field(default_factory=list)

    def to_dict(self) -> dict:
        dates = [c.date for c in self.claims if c.date]
        speakers = list(dict.fromkeys(c.speaker for c in self.claims if c.speaker))
        return {
            "id": self.id,
            "size": len(self.claims),
            "documents": len({c.document_id for c in self.claims}),
            "first_seen": min(dates) if dates else None,
            "last_seen": max(dates) if dates else None,
            "speakers": speakers,
            "claims": [_claim_dict(c) for c in self.claims],
            "quantity_trail": quantity_trail(self.claims),
        }


def _claim_dict(c: ClaimItem) -> dict:
    out: dict[str, Any] = {"claim_id": c.id, "document_id": c.document_id}
    if c.start is not None:
        out["start"], out["end"] = c.start, c.end
    out.update(
        text=c.text, date=c.date, speaker=c.speaker, quantities=[q.get("text", "") for q in c.quantities]
    )
    return out


def quantity_trail(claims: Sequence[ClaimItem]) -> list[str]:
    """How the cluster's main number moved: per claim (in order), its quantity of the kind most claims
    state, repeats of the same wording dropped ("300 locations" → "more than 300 locations" → "400")."""
    kinds = Counter(q.get("kind") for c in claims for q in {q.get("kind"): q for q in c.quantities}.values())
    kinds.pop("ordinal", None)
    if not kinds:
        return []
    main = kinds.most_common(1)[0][0]
    trail: list[str] = []
    for c in claims:
        hits = [q for q in c.quantities if q.get("kind") == main]
        if hits:
            text = str(hits[0].get("text", ""))
            if not trail or trail[-1] != text:
                trail.append(text)
    return trail


def _order_key(c: ClaimItem) -> tuple:
    return (c.date is None, c.date or "", c.document_id, c.id)


def _signature(c: ClaimItem) -> tuple:
    quantities = tuple(
        sorted((str(q.get("kind")), str(q.get("unit")), str(q.get("value"))) for q in c.quantities)
    )
    spans = tuple(c.actor_spans) if c.vector is None else c.vector.tobytes()
    return (" ".join(c.text.lower().split()), quantities, tuple(sorted(set(c.actors))), spans)


def candidate_pairs(scorer: PairScorer, min_cosine: float,
                    block: int = 2048) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """Pairs ``i < j`` of ``scorer.items`` sharing a rare term whose blended cosine is ``>= min_cosine``:
    ``(i, j, cosine)``. Blockwise sparse products over the rare terms (those in at most 1% of the claims,
    or 50), no Python loop over pairs; the common terms' share of a TF-IDF cosine is bounded by the product
    of the two rows' common-term norms, so only pairs that could reach ``min_cosine`` are scored in full."""
    from scipy import sparse

    n = len(scorer.items)
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    tfidf = scorer.tfidf
    df = np.bincount(tfidf.indices, minlength=tfidf.shape[1])
    rare = (df <= max(50, n // 100)).astype(np.float32)
    keys = (tfidf @ sparse.diags(rare)).tocsr()
    common = (tfidf @ sparse.diags(1.0 - rare)).tocsr()
    keys.eliminate_zeros()
    common.eliminate_zeros()
    common_norm = np.sqrt(np.asarray(common.multiply(common).sum(axis=1)).ravel())
    keys_t = keys.T.tocsr()
    # blended = w * tf + (1 - w) * vector cosine, and a vector cosine is at most 1
    min_tf = (min_cosine - (1.0 - TF_IDF_WEIGHT)) / TF_IDF_WEIGHT if TF_IDF_WEIGHT > 0 else -1.0
    out_i, out_j, out_c = [], [], []
    for lo in range(0, n, block):
        hi = min(n, lo + block)
        shared = (keys[lo:hi] @ keys_t[:, lo:]).tocoo()  # the upper triangle only
        i, j, part = shared.row + lo, shared.col + lo, shared.data
        keep = (j > i) & (part + common_norm[i] * common_norm[j] >= min_tf - 1e-6)
        i, j, part = i[keep], j[keep], part[keep]
        tf = part + _row_dots(common, i, j)
        keep = tf >= min_tf - 1e-6
        i, j, tf = i[keep], j[keep], tf[keep]
        vec = np.einsum("ij,ij->i", scorer.vectors[i], scorer.vectors[j])
        cos = TF_IDF_WEIGHT * tf + (1.0 - TF_IDF_WEIGHT) * vec
        good = cos >= min_cosine
        out_i.append(i[good])
        out_j.append(j[good])
        out_c.append(cos[good])
    return np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_c).astype(np.float32)


class _Groups:
    """Union-find over unique claims that refuses merges which would chain unrelated claims.

    Each group keeps its polarity, its distinct actor sets and the sums of its TF-IDF rows and vectors, so
    a merge check costs the same whatever the groups' sizes (the mean cross cosine is a blend of dot
    products of the two groups' sums).
    """

    def __init__(self, scorer: PairScorer) -> None:
        n = len(scorer.items)
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.neg = scorer.negs.tolist()
        self.actor_sets: dict[int, set[frozenset]] = {
            i: {frozenset(c.actors)} if c.actors else set() for i, c in enumerate(scorer.items)
        }
        self.sums: dict[int, tuple[dict[int, float], np.ndarray]] = {}
        self.scorer = scorer

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def _sum(self, root: int) -> tuple[dict[int, float], np.ndarray]:
        if root in self.sums:
            return self.sums[root]
        m = self.scorer.tfidf
        lo, hi = m.indptr[root], m.indptr[root + 1]
        row = dict(zip(m.indices[lo:hi].tolist(), m.data[lo:hi].tolist(), strict=True))
        return row, self.scorer.vectors[root].astype(np.float64)  # fresh objects: safe to update

    def try_merge(self, i: int, j: int, min_mean: float) -> None:
        a, b = self.find(i), self.find(j)
        if a == b or self.neg[a] != self.neg[b]:
            return  # one polarity per cluster
        sets_a, sets_b = self.actor_sets[a], self.actor_sets[b]
        if any(not (x & y) for x in sets_a for y in sets_b):
            return  # no two claims with disjoint actors
        ma, mb = self.members[a], self.members[b]
        (tf_a, vec_a), (tf_b, vec_b) = self._sum(a), self._sum(b)
        if len(ma) * len(mb) > 1:
            small, large = (tf_a, tf_b) if len(tf_a) <= len(tf_b) else (tf_b, tf_a)
            tf_cross = sum(v * large.get(t, 0.0) for t, v in small.items())
            vec_cross = float(vec_a @ vec_b)
            cross = TF_IDF_WEIGHT * tf_cross + (1.0 - TF_IDF_WEIGHT) * vec_cross
            if cross / (len(ma) * len(mb)) < min_mean:
                return
        if len(ma) < len(mb):
            a, b, ma, mb = b, a, mb, ma
        self.parent[b] = a
        ma.extend(mb)
        self.actor_sets[a] |= self.actor_sets.pop(b)
        if len(tf_a) < len(tf_b):
            tf_a, tf_b = tf_b, tf_a
        for t, v in tf_b.items():  # the larger sum, updated in place (it belongs to a or b only)
            tf_a[t] = tf_a.get(t, 0.0) + v
        self.sums[a] = (tf_a, vec_a + vec_b)
        self.sums.pop(b, None)
        del self.members[b]


def cluster_claims(items: Sequence[ClaimItem], threshold: float = DEFAULT_THRESHOLD) -> list[Cluster]:
    """Clusters of claims restating one another (``PairScorer`` score >= ``threshold`` along links, word
    weights learnt from ``items``), each with >= 2 claims from >= 2 documents, largest first (then by first
    claim)."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for k, c in enumerate(items):
        groups[_signature(c)].append(k)
    uniq = [items[members[0]] for members in groups.values()]
    scorer = PairScorer(uniq)
    i, j, cos = candidate_pairs(scorer, threshold - CANDIDATE_MARGIN)
    scores = scorer.scores(i, j, cos)
    forest = _Groups(scorer)
    for k in np.argsort(-scores, kind="stable") if len(scores) else []:
        if scores[k] < threshold:
            break
        forest.try_merge(int(i[k]), int(j[k]), threshold - GROUP_MARGIN)
    clusters = []
    for members in forest.members.values():
        claims = sorted((items[k] for m in members for k in groups[_signature(uniq[m])]), key=_order_key)
        if len(claims) >= 2 and len({c.document_id for c in claims}) >= 2:
            clusters.append(claims)
    clusters.sort(key=lambda cs: (-len(cs), _order_key(cs[0])))
    return [Cluster(n + 1, cs) for n, cs in enumerate(clusters)]


def clusters_table(clusters: Sequence[Cluster], width: int = 70) -> str:
    """A plain-text table of clusters: size, first/last seen, speakers, the number trail, one claim."""
    lines = [f"{'id':>4} {'size':>4} {'first':<10} {'last':<10} {'speakers':<24} {'numbers':<28} claim"]
    for c in clusters:
        d = c.to_dict()
        text = c.claims[0].text if len(c.claims[0].text) <= width else c.claims[0].text[: width - 1] + "…"
        lines.append(
            f"{d['id']:>4} {d['size']:>4} {d['first_seen'] or '-':<10} {d['last_seen'] or '-':<10} "
            f"{', '.join(d['speakers'])[:24]:<24} {' → '.join(d['quantity_trail'])[:28]:<28} {text}"
        )
    return "\n".join(lines)
