"""Recurring claims: claims of a corpus that restate an earlier claim, grouped into clusters.

Pure library code (no database): the store hands in ``ClaimItem`` records and gets ``Cluster`` objects back.

How two claims are compared (``is_restatement``): the cosine of their ``claim_vectors`` (a rank-weighted
mean of all-MiniLM-L6-v2's static word-piece vectors, names of actors left out; cheap enough to compute
when a document is stored), then corrected by whether the two sentences agree on what a fact-checker
would check — the quantities (same kind and unit; a moved number is allowed, a different kind of number
is not), the actors (a different set of actors is a different claim, whoever they are) and polarity
(one sentence negated, the other not, is not a restatement).

How a corpus is clustered (``cluster_claims``): identical sentences are merged first; candidate pairs
come from a sparse product of the claims' content-piece sets (pairs that share rare word pieces), done
in row blocks, and their vector cosines in numpy; the pairs scoring at or above the threshold are linked
best first, and two groups merge only when no pair across them conflicts (polarity, actors) and their
average cosine stays near the threshold, so one loose link cannot chain unrelated claims together.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import numpy as np

DIM = 384
# The all-MiniLM-L6-v2 (BERT uncased) vocabulary lists whole words from id 1996 roughly by falling
# frequency ("the", "of", "and", ...): the rank there stands in for an inverse document frequency.
_FIRST_WORD_ID = 1996
_RANK_SCALE = 100.0
_KEY_MIN_RANK = 150  # pieces at least this rare are blocking keys
_NUMBER_WEIGHT = 1.0  # numbers count, but no more than a common word: moved numbers are judged apart

# Pair-score corrections (added to the cosine); chosen on the labelled pairs, see benchmarks/.
NEGATION_PENALTY = 0.35
ACTOR_CONFLICT_PENALTY = 0.30
ACTOR_PARTIAL_PENALTY = 0.10
ACTOR_ONE_SIDED_PENALTY = 0.04
QUANTITY_SAME_BONUS = 0.05
QUANTITY_MOVED_PENALTY = 0.02
QUANTITY_CONFLICT_PENALTY = 0.12
QUANTITY_ONE_SIDED_PENALTY = 0.04
VALUE_TOLERANCE = 0.02  # relative difference under which two values are the same number
DEFAULT_THRESHOLD = 0.75
CANDIDATE_MARGIN = 0.15  # candidate pairs need a cosine of at least threshold - margin
GROUP_MARGIN = 0.12  # two groups merge only if their mean cross cosine is >= threshold - margin


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
    centre = (zipf[:, None] * _piece_vectors(lex, ids)).sum(axis=0) / zipf.sum()
    return replace(lex, centre=centre.astype(np.float32))


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


def _vector(item: ClaimItem) -> np.ndarray:
    return item.vector if item.vector is not None else claim_vectors([item.text], [item.actor_spans])[0]


def pair_score(cosine: float, a: ClaimItem, b: ClaimItem, polarity: tuple[bool, bool] | None = None) -> float:
    """The restatement score of two claims whose vectors have ``cosine`` (``polarity``: their ``negated``,
    when already known)."""
    score = cosine + _QUANTITY_CORRECTION[quantity_agreement(a.quantities, b.quantities)]
    score += actor_agreement(a.actors, b.actors)
    neg_a, neg_b = polarity if polarity is not None else (negated(a.text), negated(b.text))
    if neg_a != neg_b:
        score -= NEGATION_PENALTY
    return float(min(1.0, max(0.0, score)))


def is_restatement(a: ClaimItem, b: ClaimItem) -> float:
    """How much ``b`` restates ``a``, in [0, 1] (symmetric); compare with ``DEFAULT_THRESHOLD``."""
    return pair_score(float(np.dot(_vector(a), _vector(b))), a, b)


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


def _key_matrix(pieces: list[np.ndarray], n_vocab: int, max_df: int) -> Any:
    """Binary claims × rare-piece matrix (CSR) of blocking keys; pieces in more than ``max_df`` claims
    are dropped (they say little about which claim it is)."""
    from scipy import sparse

    rows, cols = [], []
    for i, ids in enumerate(pieces):
        ids = np.unique(ids[(ids - (_FIRST_WORD_ID - 1)) >= _KEY_MIN_RANK])
        rows.append(np.full(len(ids), i, dtype=np.int64))
        cols.append(ids)
    r = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    c = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
    m = sparse.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(len(pieces), n_vocab))
    df = np.asarray(m.sum(axis=0)).ravel()
    keep = sparse.diags((df <= max_df).astype(np.float32))
    return (m @ keep).tocsr()


def candidate_pairs(vectors: np.ndarray, pieces: list[np.ndarray], min_cosine: float,
                    block: int = 2048) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """Pairs ``i < j`` sharing rare word pieces (two, or all of the shorter one's), with their cosine
    ``>= min_cosine``: ``(i, j, cosine)``. Blockwise sparse products, no Python loop over pairs."""
    n = len(pieces)
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    keys = _key_matrix(pieces, _lexicon().words.shape[0], max_df=max(50, n // 100))
    n_keys = np.diff(keys.indptr)
    out_i, out_j, out_c = [], [], []
    for lo in range(0, n, block):
        hi = min(n, lo + block)
        shared = (keys[lo:hi] @ keys[lo:].T).tocoo()  # the upper triangle only
        i, j, s = shared.row + lo, shared.col + lo, shared.data
        need = np.minimum(2, np.minimum(n_keys[i], n_keys[j]))
        keep = (j > i) & (s >= need) & (need > 0)
        i, j = i[keep], j[keep]
        cos = np.einsum("ij,ij->i", vectors[i], vectors[j])
        good = cos >= min_cosine
        out_i.append(i[good])
        out_j.append(j[good])
        out_c.append(cos[good])
    return np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_c).astype(np.float32)


class _Groups:
    """Union-find over unique claims that refuses merges which would chain unrelated claims.

    Each group keeps its polarity, its distinct actor sets and the sum of its vectors, so a merge check
    costs the same whatever the groups' sizes (the mean cross cosine is a dot product of the two sums).
    """

    def __init__(self, n: int, vectors: np.ndarray, negs: np.ndarray, actors: list[frozenset]) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.neg = negs.tolist()
        self.actor_sets: dict[int, set[frozenset]] = {
            i: {actors[i]} if actors[i] else set() for i in range(n)
        }
        self.sums: dict[int, np.ndarray] = {}
        self.vectors = vectors

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def _sum(self, root: int) -> np.ndarray:
        return self.sums[root] if root in self.sums else self.vectors[root].astype(np.float64)

    def try_merge(self, i: int, j: int, min_mean: float) -> None:
        a, b = self.find(i), self.find(j)
        if a == b or self.neg[a] != self.neg[b]:
            return  # one polarity per cluster
        sets_a, sets_b = self.actor_sets[a], self.actor_sets[b]
        if any(not (x & y) for x in sets_a for y in sets_b):
            return  # no two claims with disjoint actors
        ma, mb = self.members[a], self.members[b]
        sum_a, sum_b = self._sum(a), self._sum(b)
        if len(ma) * len(mb) > 1 and float(sum_a @ sum_b) / (len(ma) * len(mb)) < min_mean:
            return
        if len(ma) < len(mb):
            a, b, ma, mb = b, a, mb, ma
        self.parent[b] = a
        ma.extend(mb)
        self.actor_sets[a] |= self.actor_sets.pop(b)
        self.sums[a] = sum_a + sum_b
        self.sums.pop(b, None)
        del self.members[b]


def cluster_claims(items: Sequence[ClaimItem], threshold: float = DEFAULT_THRESHOLD) -> list[Cluster]:
    """Clusters of claims restating one another (``is_restatement`` ≥ ``threshold`` along links), each
    with ≥ 2 claims from ≥ 2 documents, largest first (then by first claim)."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for k, c in enumerate(items):
        groups[_signature(c)].append(k)
    reps = [members[0] for members in groups.values()]
    uniq = [items[k] for k in reps]
    missing = [k for k, c in enumerate(uniq) if c.vector is None]
    vectors = np.zeros((len(uniq), DIM), dtype=np.float32)
    if missing:
        texts, spans = [uniq[k].text for k in missing], [uniq[k].actor_spans for k in missing]
        vectors[missing] = claim_vectors(texts, spans)
    for k, c in enumerate(uniq):
        if c.vector is not None:
            vectors[k] = c.vector
    pieces = _pieces([c.text for c in uniq], [c.actor_spans for c in uniq])
    i, j, cos = candidate_pairs(vectors, pieces, threshold - CANDIDATE_MARGIN)
    negs = np.array([negated(c.text) for c in uniq], dtype=bool)
    scores = np.array(
        [
            pair_score(float(c), uniq[a], uniq[b], (bool(negs[a]), bool(negs[b])))
            for a, b, c in zip(i.tolist(), j.tolist(), cos, strict=True)
        ]
    )
    forest = _Groups(len(uniq), vectors, negs, [frozenset(c.actors) for c in uniq])
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
