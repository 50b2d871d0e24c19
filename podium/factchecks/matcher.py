"""Match claims against a fact-check archive: retrieve by vectors and BM25, re-rank, calibrate.

``Matcher(index, fetch).match(queries)`` embeds every query in one batch (with its previous line too when
the model reads that), with the sentence model the index was made with; retrieves the union of the best
rows by cosine and by BM25 (and by the cosine of the query with its previous line) from the
:class:`~podium.factchecks.index.MatchIndex`, computes the pair features
(:mod:`podium.factchecks.features`) and scores them with the re-ranker
(:mod:`podium.factchecks.reranker`). The fact-checks' own fields come from the index's
:class:`~podium.factchecks.fieldindex.FieldIndex` when it has one (no fetch at all), else through
``fetch`` once for all queries (cached in the Matcher). ``match`` keeps the matches at or above a
probability threshold, best first, after the lexical gate (:mod:`podium.factchecks.gate`) has spared
the queries not worth embedding; ``rank`` returns every retrieved candidate ranked (run files).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from podium.factchecks.candidates import Candidate, Fetch
from podium.factchecks.embedding import embed
from podium.factchecks.features import (
    CandidateInfo,
    candidate_info,
    candidate_values,
    field_values,
    pair_rows,
    query_info,
)
from podium.factchecks.gate import Gate, shipped_gate
from podium.factchecks.index import DEPTH, MatchIndex
from podium.factchecks.reranker import Reranker, shipped

#: Matches below this calibrated probability are not reported. The probability is calibrated on debate
#: sentences of which most were never fact-checked, so 0.5 means "more likely a match than not".
DEFAULT_THRESHOLD = 0.5
_CACHE_LIMIT = 200_000  # candidate infos kept between calls


@dataclass(frozen=True)
class Query:
    text: str
    before: tuple[str, ...] = ()  # preceding lines or sentences, nearest last
    after: tuple[str, ...] = ()  # following lines or sentences, nearest first
    speaker: str | None = None
    date: str | None = None  # ISO date of the speech


@dataclass(frozen=True)
class Match:
    factcheck_id: int
    score: float  # calibrated probability that the fact-check checks this claim
    rank: int  # 1-based


_URL = re.compile(r"(?:https?://|pic\.twitter\.com/)\S+")
_EMBED_TRAILER = re.compile(r"\s*\(@\w+\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$")
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def clean(text: str) -> str:
    """The words of a query as matched: links, and a pasted tweet's "(@handle) Month D, YYYY" ending,
    dropped; hashtags as words (#ImpeachTrump → Impeach Trump). A sentence of a speech is unchanged."""
    text = _URL.sub(" ", text)
    text = _EMBED_TRAILER.sub("", text)
    text = _HASHTAG.sub(lambda m: _CAMEL.sub(" ", m.group(1)), text)
    return " ".join(text.split())


def query_text(query: Query) -> str:
    """What is embedded and searched for a query."""
    return clean(query.text)


def context_text(query: Query) -> str:
    """The query with its previous line, as embedded and searched for the context features."""
    text = query_text(query)
    return f"{clean(query.before[-1])} {text}" if query.before else text


@dataclass(frozen=True)
class Scored:
    """The retrieved rows of one query, their feature rows, and whether the fetch found each."""

    rows: np.ndarray
    x: np.ndarray
    known: np.ndarray


class Matcher:
    def __init__(
        self, index: MatchIndex, fetch: Fetch, model: Reranker | None = None, gate: Gate | None = None
    ) -> None:
        """``gate``: the lexical gate :meth:`match` applies before embedding (default: the shipped one
        with the shipped re-ranker, none with a model of the caller's)."""
        self.index = index
        self.fetch = fetch
        self.model = model if model is not None else shipped()
        self.gate = gate if gate is not None or model is not None else shipped_gate()
        self._infos: dict[int, CandidateInfo | None] = {}

    def embed_queries(self, queries: Sequence[Query]) -> tuple[np.ndarray, np.ndarray | None]:
        """Query vectors and, when the model reads them, context vectors (one ``embed`` batch)."""
        texts = [query_text(q) for q in queries]
        if not self.model.context_vector:
            return embed(texts, self.index.model), None
        both = embed(texts + [context_text(q) for q in queries], self.index.model)
        return both[: len(texts)], both[len(texts) :]

    def match(
        self,
        queries: Sequence[Query],
        top: int = 3,
        threshold: float = DEFAULT_THRESHOLD,
        vectors: np.ndarray | None = None,
        context_vectors: np.ndarray | None = None,
    ) -> list[list[Match]]:
        """Per query, at most ``top`` matches with probability ≥ ``threshold``, best first. Without
        ``vectors``, and at a threshold no lower than the default (which the gate's own threshold was
        set for), the gate (if any) first drops the queries not worth embedding: they get none."""
        gate = self.gate if vectors is None and threshold >= DEFAULT_THRESHOLD else None
        if gate is not None and len(queries):
            texts = [query_text(q) for q in queries]
            passed = gate.passes(self.index, queries, texts, [context_text(q) for q in queries])
            chosen = [q for q, ok in zip(queries, passed, strict=True) if ok]
            found = iter(self.rank(chosen) if chosen else [])
            ranked = [next(found) if ok else [] for ok in passed]
        else:
            ranked = self.rank(queries, vectors=vectors, context_vectors=context_vectors)
        return [[m for m in found[:top] if m.score >= threshold] for found in ranked]

    def rank(
        self,
        queries: Sequence[Query],
        depth: int = DEPTH,
        vectors: np.ndarray | None = None,
        context_vectors: np.ndarray | None = None,
    ) -> list[list[Match]]:
        """Per query, every retrieved candidate (the union of the ``depth`` best by cosine and by BM25)
        with its probability, best first. ``vectors``/``context_vectors``: the queries' embeddings when
        the caller already has them."""
        out = []
        for found in self.features(queries, depth, vectors, context_vectors):
            probs = self.model.probability(found.x) if len(found.x) else np.zeros(0)
            order = [j for j in np.argsort(-probs, kind="stable") if found.known[j]]
            ids = self.index.ids[found.rows]
            out.append([Match(int(ids[j]), float(probs[j]), r) for r, j in enumerate(order, 1)])
        return out

    def features(
        self,
        queries: Sequence[Query],
        depth: int = DEPTH,
        vectors: np.ndarray | None = None,
        context_vectors: np.ndarray | None = None,
    ) -> list[Scored]:
        """Per query, the retrieved index rows and their pair features (what :meth:`rank` scores)."""
        if not queries:
            return []
        if vectors is None:
            vectors, context_vectors = self.embed_queries(queries)
        elif self.model.context_vector and context_vectors is None:
            context_vectors = embed([context_text(q) for q in queries], self.index.model)
        texts = [query_text(q) for q in queries]
        contexts = [context_text(q) for q in queries]
        retrieved = self.index.search(vectors, texts, depth, context_vectors, contexts)
        fields = self.index.fields
        if fields is None:  # read the candidates' fields through the fetch
            self._load_infos({int(r) for found in retrieved for r in found.rows})
        out = []
        for query, text, found in zip(queries, texts, retrieved, strict=True):
            info = query_info(text, query.before, query.after, query.speaker, query.date, self.index.lexical)
            if fields is not None:
                values = field_values(info, fields, found.rows)
                known = np.ones(len(found.rows), dtype=bool)
            else:
                infos = [self._infos.get(int(r)) for r in found.rows]
                values = candidate_values(info, infos)
                known = np.array([c is not None for c in infos], dtype=bool)
            out.append(Scored(found.rows, pair_rows(info, found, values, self.index.lexical), known))
        return out

    def _load_infos(self, rows: set[int]) -> None:
        """Fetch (once) and digest the candidates of the given index rows."""
        missing = [r for r in rows if r not in self._infos]
        if not missing:
            return
        if len(self._infos) + len(missing) > _CACHE_LIMIT:
            self._infos.clear()
        ids = [int(self.index.ids[r]) for r in missing]
        found: dict[int, Candidate] = self.fetch(ids)
        for row, fid in zip(missing, ids, strict=True):
            cand = found.get(fid)
            self._infos[row] = candidate_info(cand) if cand is not None else None
