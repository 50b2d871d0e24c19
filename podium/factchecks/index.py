"""The matching index of a fact-check archive: sentence vectors plus BM25, as plain ``.npy`` files.

:class:`MatchIndex` holds, for ``n`` fact-checks, their ids (``factchecks.id``), one unit sentence vector
each (the embedding of :func:`vector_text`) and a :class:`~podium.factchecks.lexical.Bm25` index over
:func:`lexical_text` (claim, title and the start of the article). ``save`` writes one ``.npy`` file per
array into a temporary folder renamed into place, so a reader sees the old index or the new one, never a
half-written one; ``load`` memory-maps them. :meth:`MatchIndex.search` retrieves, per query, the union
of the ``depth`` best rows by cosine and by BM25, with both scores.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from podium.factchecks.embedding import DIM, MODEL
from podium.factchecks.fieldindex import FieldIndex, Fields
from podium.factchecks.lexical import Bm25
from podium.factchecks.vectorsearch import REDUCE_FROM, Reduced

#: Characters of the article the lexical index reads after the claim and the title (the issue measured
#: claim + title + 2,000 characters as the best BM25 baseline on PolitiFact).
ARTICLE_CHARS = 2000
FORMAT = 1
DEPTH = 30  #: rows retrieved by each of cosine and BM25 per query


def vector_text(claim_reviewed: str, title: str | None = None) -> str:
    """What the sentence vector of a fact-check embeds: the claim as the fact-checker states it."""
    return claim_reviewed


def lexical_text(
    claim_reviewed: str, title: str | None = None, text: str | None = None, chars: int = ARTICLE_CHARS
) -> str:
    """What the BM25 index reads for one fact-check: the claim, the title and the article's start."""
    parts = [claim_reviewed, title or ""]
    if text and chars > 0:
        start = text[:chars]
        if len(text) > chars:  # end on a word boundary
            cut = start.rfind(" ")
            start = start[:cut] if cut > chars // 2 else start
        parts.append(start)
    return "\n".join(p for p in parts if p)


@dataclass
class Retrieved:
    """The rows retrieved for one query (best cosine first), their cosines and BM25 scores, and the BM25
    score distribution over the whole archive (for z-scores)."""

    rows: np.ndarray  # int64 row indices into the index
    cosine: np.ndarray  # float32
    bm25: np.ndarray  # float32
    bm25_mean: float
    bm25_std: float
    cos_mean: float
    cos_std: float
    context_cosine: np.ndarray | None = None  # cosine of the query with its previous line, per row
    context_bm25: np.ndarray | None = None  # BM25 of the query with its previous line, per row


@dataclass
class MatchIndex:
    ids: np.ndarray  # (n,) int64 factchecks.id
    vectors: np.ndarray  # (n, 384) float16 or float32 unit rows
    lexical: Bm25
    model: str = MODEL
    fields: FieldIndex | None = None  # the fact-checks' own fields for the re-ranker (optional)
    reduced: Reduced | None = None  # the PCA first pass of large archives
    _dense: np.ndarray | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.vectors.ndim != 2 or self.vectors.shape[1] != DIM:
            raise ValueError(f"vectors must be (n, {DIM}), not {self.vectors.shape}")
        if len(self.ids) != len(self.vectors) or self.lexical.n != len(self.ids):
            raise ValueError(
                f"{len(self.ids)} ids, {len(self.vectors)} vectors and {self.lexical.n} lexical rows differ"
            )
        if self.fields is not None and self.fields.n != len(self.ids):
            raise ValueError(f"{len(self.ids)} ids but {self.fields.n} rows of fields")

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def build(
        cls,
        ids: Sequence[int] | np.ndarray,
        vectors: np.ndarray,
        lexical_texts: Sequence[str],
        fields: Sequence[Fields] | None = None,
        reduce: bool | None = None,
        model: str = MODEL,
    ) -> MatchIndex:
        """An index of fact-checks ``ids`` with their vectors and :func:`lexical_text` texts; with
        ``fields`` (one :class:`Fields` per id) the re-ranker reads everything from the index and
        matching needs no fetch (much faster on a cold start). ``reduce``: whether cosine search
        starts with a PCA first pass (default: for archives of ``REDUCE_FROM`` fact-checks or more);
        ``model``: the sentence model of the vectors (queries are embedded with it)."""
        vectors = np.asarray(vectors)
        if reduce is None:
            reduce = len(vectors) >= REDUCE_FROM
        return cls(
            ids=np.asarray(ids, dtype=np.int64),
            vectors=vectors,
            lexical=Bm25.build(lexical_texts),
            fields=FieldIndex.build(fields) if fields is not None else None,
            reduced=Reduced.build(vectors) if reduce and len(vectors) else None,
            model=model,
        )

    def arrays(self) -> dict[str, np.ndarray]:
        out = {"ids": self.ids, "vectors": self.vectors, **self.lexical.arrays()}
        if self.fields is not None:
            out.update(self.fields.arrays())
        if self.reduced is not None:
            out.update(self.reduced.arrays())
        return out

    def save(self, folder: Path) -> None:
        """Write the index to ``folder`` (replaced whole: a temporary folder beside it, then a rename)."""
        folder = Path(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
        old = None
        try:
            for name, array in self.arrays().items():
                np.save(tmp / f"{name}.npy", np.ascontiguousarray(array))
            meta = {"format": FORMAT, "model": self.model, "count": len(self)}
            (tmp / "index.json").write_text(json.dumps(meta), encoding="utf-8")
            if folder.exists():
                old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
                folder.rename(old)
            tmp.rename(folder)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            if old is not None and not folder.exists():
                old.rename(folder)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path, mmap: bool = True) -> MatchIndex:
        """The index saved in ``folder``; arrays memory-mapped read-only unless ``mmap`` is False.
        Raises ``FileNotFoundError``/``ValueError`` when the folder holds no (usable) index."""
        folder = Path(folder)
        meta = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError(f"{folder}: index format {meta.get('format')!r}, expected {FORMAT}")
        mode = "r" if mmap else None
        # plain ndarray views of the memory maps: np.memmap's slicing overhead adds up over many look-ups
        arrays = {p.stem: np.load(p, mmap_mode=mode).view(np.ndarray) for p in folder.glob("*.npy")}
        return cls(
            ids=arrays["ids"],
            vectors=arrays["vectors"],
            lexical=Bm25.from_arrays(arrays),
            model=str(meta.get("model", MODEL)),
            fields=FieldIndex.from_arrays(arrays),
            reduced=Reduced.from_arrays(arrays),
        )

    def dense(self) -> np.ndarray:
        """The vectors as float32 (converted once per index and kept)."""
        if self._dense is None:
            self._dense = np.ascontiguousarray(self.vectors, dtype=np.float32)
        return self._dense

    def search(
        self,
        query_vectors: np.ndarray,
        query_texts: Sequence[str],
        depth: int = DEPTH,
        context_vectors: np.ndarray | None = None,
        context_texts: Sequence[str] | None = None,
    ) -> list[Retrieved]:
        """Per query, the union of the ``depth`` best rows by cosine and by BM25 (best cosine first);
        with ``context_vectors`` (the query with its previous line), also the ``depth`` best by that
        cosine; ``context_texts`` give the BM25 of the query with its previous line on the rows found."""
        n = len(self)
        query_vectors = np.asarray(query_vectors, dtype=np.float32).reshape(-1, DIM)
        nq = len(query_vectors)
        if nq != len(query_texts):
            raise ValueError("one query text per query vector")
        if n == 0:
            empty = np.zeros(0, np.float32)
            return [Retrieved(np.zeros(0, np.int64), empty, empty, 0.0, 1.0, 0.0, 1.0) for _ in query_texts]
        k = min(depth, n)
        if context_vectors is not None:
            both = np.concatenate([query_vectors, np.asarray(context_vectors, np.float32).reshape(-1, DIM)])
        else:
            both = query_vectors
        tops, exact, cos_mean, cos_std = self._cosine_tops(both, nq, k)
        out = []
        for q, text in enumerate(query_texts):
            bm = self.lexical.scores(text)
            found = [tops[q], _positive(_top(bm, k), bm)]
            if context_vectors is not None:
                found.append(tops[nq + q])
            rows = np.unique(np.concatenate(found))
            cos = exact(rows, q)
            order = np.argsort(-cos, kind="stable")
            rows, cos = rows[order], cos[order]
            ctx_text = context_texts[q] if context_texts is not None else None
            ctx_bm = self.lexical.scores_at(ctx_text, rows) if ctx_text and ctx_text != text else None
            out.append(
                Retrieved(
                    rows=rows.astype(np.int64),
                    cosine=cos.astype(np.float32),
                    bm25=bm[rows].astype(np.float32),
                    bm25_mean=float(bm.mean()),
                    bm25_std=float(bm.std()) or 1.0,
                    cos_mean=float(cos_mean[q]),
                    cos_std=float(cos_std[q]) or 1.0,
                    context_cosine=exact(rows, nq + q) if context_vectors is not None else None,
                    context_bm25=ctx_bm,
                )
            )
        return out

    def _cosine_tops(self, both: np.ndarray, nq: int, k: int):
        """The ``k`` best rows by cosine of each row of ``both``, a function giving exact cosines of
        any rows for one of them, and the queries' mean and spread of cosines over the archive."""
        if self.reduced is None:
            cosines = both @ self.dense().T  # one pass over the vectors for queries and contexts
            tops = _top_rows(cosines, k)
            return (
                tops,
                lambda rows, i: cosines[i][rows].astype(np.float32),
                cosines[:nq].mean(axis=1),
                cosines[:nq].std(axis=1),
            )
        pool = self.reduced.candidates(both, k)
        tops = []
        for i, rows in enumerate(pool):
            cos = np.asarray(self.vectors[rows], dtype=np.float32) @ both[i]
            tops.append(rows[_top(cos, k)])
        mean, std = self.reduced.spread(both[:nq])
        return (
            tops,
            lambda rows, i: np.asarray(self.vectors[rows], dtype=np.float32) @ both[i],
            mean,
            std,
        )

    def retrieve(
        self, query_vectors: np.ndarray, query_texts: Sequence[str], depth: int = DEPTH
    ) -> list[np.ndarray]:
        """Per query, the row indices of the union of the top ``depth`` by cosine and by BM25."""
        return [r.rows for r in self.search(query_vectors, query_texts, depth)]


def _top_rows(scores: np.ndarray, k: int) -> list[np.ndarray]:
    """Per row of a 2-d score matrix, the column indices of its ``k`` highest scores (any order)."""
    if k >= scores.shape[1]:
        return [np.arange(scores.shape[1]) for _ in range(len(scores))]
    n = scores.shape[1]
    return list(np.argpartition(scores, n - k, axis=1)[:, n - k :])


def _positive(rows: np.ndarray, scores: np.ndarray) -> np.ndarray:
    return rows[scores[rows] > 0]


def _top(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` highest scores, best first (ties by lower index)."""
    part = np.arange(len(scores)) if k >= len(scores) else np.argpartition(-scores, k - 1)[:k]
    return part[np.lexsort((part, -scores[part]))]
