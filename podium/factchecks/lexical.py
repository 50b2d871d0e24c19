"""Words and BM25 for fact-check matching: a tokeniser and an index kept in plain numpy arrays.

``terms(text)``: lower-cased word and number tokens (``$4,300`` → ``4300``, ``3.5%`` → ``3.5``), stop
words out (:mod:`podium.resources.matching_words`; negations and numbers stay), a light plural/-ing/-ed
stemmer so "taxes"/"tax" and "raised"/"raise" meet.

:class:`Bm25` stores, term-major (CSC), the sorted 64-bit hashes of its vocabulary, an ``indptr`` into the
postings, each posting's document row and its precomputed BM25 weight (``idf * tf (k1+1) / (tf + k1 (1-b+
b dl/avgdl))``). A query reads only the postings of its own terms; the arrays can be saved with
``np.save`` and memory-mapped back (``arrays``/``from_arrays``). Adding documents means rebuilding: idf and
the average length move with every document.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from podium.resources.matching_words import STOP_WORDS

K1 = 1.2
B = 0.75
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def tokens(text: str) -> list[str]:
    """Every word and number of ``text``, lower-cased, stop words kept, not stemmed."""
    out = []
    for match in _TOKEN.finditer(unicodedata.normalize("NFKC", text).lower()):
        token = match.group()
        if token[0].isdigit():
            token = _number(token)
        else:
            token = token.replace("’", "'")
            if token.endswith("'s"):
                token = token[:-2]
            token = token.replace("'", "")
        if token:
            out.append(token)
    return out


def _number(token: str) -> str:
    if _THOUSANDS.match(token):
        token = token.replace(",", "")
    token = token.rstrip(".,")
    if "." in token and "," not in token:
        whole, _, frac = token.partition(".")
        frac = frac.rstrip("0")
        token = f"{whole}.{frac}" if frac else whole
    return token


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stemmer: plurals, -ing, -ed, -ly, a final -e (numbers and short words unchanged)."""
    if len(word) <= 3 or word[0].isdigit():
        return word
    word = _strip_suffix(word)
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def _strip_suffix(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            root = word[: -len(suffix)]
            if len(root) > 3 and root[-1] == root[-2] and root[-1] not in "lsz":
                root = root[:-1]  # "stopped" → "stop"
            return root
    if word.endswith("ly") and len(word) > 5:
        return word[:-2]
    return word


def terms(text: str) -> list[str]:
    """The index terms of ``text`` in order: tokens without stop words, stemmed."""
    return [stem(t) for t in tokens(text) if t not in STOP_WORDS]


def term_hash(term: str) -> int:
    """A stable 63-bit hash of a term (the same in every process and on every machine)."""
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "little") >> 1


@dataclass
class Bm25:
    """A BM25 index over ``n`` documents (rows 0..n-1) in term-major arrays."""

    hashes: np.ndarray  # (V,) int64, sorted term hashes
    indptr: np.ndarray  # (V+1,) int64: postings of term v are [indptr[v], indptr[v+1])
    docs: np.ndarray  # (P,) int32 document rows
    weights: np.ndarray  # (P,) float32 BM25 term weights
    params: np.ndarray  # [n, k1, b, avgdl] float64
    idfs: np.ndarray  # (V,) float32 idf of each term (same order as hashes)

    @property
    def n(self) -> int:
        return int(self.params[0])

    @classmethod
    def build(cls, texts: Iterable[str], k1: float = K1, b: float = B) -> Bm25:
        """The index of ``texts`` (tokenised with :func:`terms`)."""
        return cls.build_terms((terms(text) for text in texts), k1, b)

    @classmethod
    def build_terms(cls, documents: Iterable[Sequence[str]], k1: float = K1, b: float = B) -> Bm25:
        """The index of documents given as lists of terms (used as they are: no stemming)."""
        vocab: dict[str, int] = {}
        rows: list[np.ndarray] = []
        cols: list[np.ndarray] = []
        tfs: list[np.ndarray] = []
        lengths: list[int] = []
        for row, words in enumerate(documents):
            lengths.append(len(words))
            counts = Counter(words)
            ids = [vocab.setdefault(w, len(vocab)) for w in counts]
            cols.append(np.asarray(ids, dtype=np.int64))
            tfs.append(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
            rows.append(np.full(len(counts), row, dtype=np.int32))
        n = len(lengths)
        doc_len = np.asarray(lengths, dtype=np.float64)
        avgdl = float(doc_len.mean()) if n and doc_len.sum() else 1.0
        col = np.concatenate(cols) if cols else np.zeros(0, np.int64)
        row = np.concatenate(rows) if rows else np.zeros(0, np.int32)
        tf = np.concatenate(tfs) if tfs else np.zeros(0)
        hashes = np.fromiter((term_hash(w) for w in vocab), dtype=np.int64, count=len(vocab))
        df = np.bincount(col, minlength=len(vocab)).astype(np.float64)
        idf = np.log1p((n - df + 0.5) / (df + 0.5))
        norm = k1 * (1.0 - b + b * doc_len[row] / avgdl) if n else np.zeros(0)
        weight = idf[col] * tf * (k1 + 1.0) / (tf + norm)
        # term-major: order postings by (term hash, row)
        rank_of_term = np.empty(len(vocab), dtype=np.int64)
        term_order = np.argsort(hashes, kind="stable")
        rank_of_term[term_order] = np.arange(len(vocab))
        key = rank_of_term[col]
        order = np.lexsort((row, key))
        indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(np.bincount(key, minlength=len(vocab)), out=indptr[1:])
        return cls(
            hashes=hashes[term_order],
            indptr=indptr,
            docs=row[order].astype(np.int32),
            weights=weight[order].astype(np.float32),
            params=np.array([n, k1, b, avgdl], dtype=np.float64),
            idfs=idf[term_order].astype(np.float32),
        )

    def _postings(self, text: str) -> list[tuple[slice, int]]:
        """(postings slice, query count) of each distinct known term of ``text``."""
        found = []
        if len(self.hashes) == 0:
            return found
        for word, count in Counter(terms(text)).items():
            h = term_hash(word)
            v = int(np.searchsorted(self.hashes, h))
            if v < len(self.hashes) and int(self.hashes[v]) == h:
                found.append((slice(int(self.indptr[v]), int(self.indptr[v + 1])), count))
        return found

    def scores(self, query_text: str) -> np.ndarray:
        """``(n,)`` float32 BM25 scores of every document for the query (0 where no term is shared)."""
        out = np.zeros(self.n, dtype=np.float32)
        for span, count in self._postings(query_text):
            out[self.docs[span]] += np.float32(count) * self.weights[span]
        return out

    def presence(self, words: Sequence[str], rows: np.ndarray) -> np.ndarray:
        """``(len(words), len(rows))`` bool: whether each (already stemmed) term occurs in each document
        row. Reads only the postings of ``words`` (each sorted by row), never the documents' text."""
        rows = np.asarray(rows, dtype=np.int64)
        out = np.zeros((len(words), len(rows)), dtype=bool)
        if len(self.hashes) == 0 or not len(rows):
            return out
        for i, word in enumerate(words):
            h = term_hash(word)
            v = int(np.searchsorted(self.hashes, h))
            if v < len(self.hashes) and int(self.hashes[v]) == h:
                docs = self.docs[int(self.indptr[v]) : int(self.indptr[v + 1])]
                at = np.searchsorted(docs, rows)
                hit = at < len(docs)
                hit[hit] = docs[at[hit]] == rows[hit]
                out[i] = hit
        return out

    def scores_at(self, query_text: str, rows: np.ndarray) -> np.ndarray:
        """BM25 scores of the query for the given rows only, from the postings (no pass over all rows)."""
        rows = np.asarray(rows, dtype=np.int64)
        out = np.zeros(len(rows), dtype=np.float32)
        for span, count in self._postings(query_text):
            docs = self.docs[span]
            at = np.minimum(np.searchsorted(docs, rows), max(len(docs) - 1, 0))
            if len(docs):
                hit = docs[at] == rows
                out[hit] += np.float32(count) * self.weights[span][at[hit]]
        return out

    def scores_for(self, query_text: str, rows: Sequence[int] | np.ndarray) -> np.ndarray:
        """BM25 scores of the given document rows only (float32, same order)."""
        return self.scores(query_text)[np.asarray(rows, dtype=np.int64)]

    def arrays(self) -> dict[str, np.ndarray]:
        """The index as named arrays, for ``np.save`` one file each."""
        return {
            "bm25_hashes": self.hashes,
            "bm25_indptr": self.indptr,
            "bm25_docs": self.docs,
            "bm25_weights": self.weights,
            "bm25_params": self.params,
            "bm25_idfs": self.idfs,
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> Bm25:
        """The index back from :meth:`arrays` (memory-mapped arrays are used as they are)."""
        return cls(
            hashes=arrays["bm25_hashes"],
            indptr=arrays["bm25_indptr"],
            docs=arrays["bm25_docs"],
            weights=arrays["bm25_weights"],
            params=np.asarray(arrays["bm25_params"], dtype=np.float64),
            idfs=arrays["bm25_idfs"],
        )

    def idf(self, words: Sequence[str]) -> np.ndarray:
        """The idf of each term (a term the archive lacks gets the idf of a term seen in no document)."""
        n = self.n
        out = np.full(len(words), np.log1p((n + 0.5) / 0.5), dtype=np.float32)
        if len(self.hashes) == 0 or not words:
            return out
        h = np.fromiter((term_hash(w) for w in words), dtype=np.int64, count=len(words))
        v = np.minimum(np.searchsorted(self.hashes, h), len(self.hashes) - 1)
        known = self.hashes[v] == h
        out[known] = self.idfs[v[known]]
        return out
