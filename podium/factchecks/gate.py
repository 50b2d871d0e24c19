"""The lexical gate: which claims are worth embedding before they are matched.

Embedding a claim (and the claim with its previous line) with MiniLM costs about 10 ms a text on a
2-core CPU, more than all the rest of matching together, and most sentences of a speech match no
fact-check at all. The gate reads only the BM25 index: each claim's best :data:`DEPTH` fact-checks by
BM25, their pair features (:mod:`podium.factchecks.features`) without the sentence-vector ones, scored by
a re-ranker trained on those features alone (``model/gate.npz``, written by
``training/train_matcher.py`` with the matching re-ranker). A claim whose best gate probability is below
the model's threshold gets no match without being embedded; the others are matched as before.

The threshold is set at training time below every out-of-fold match the full re-ranker reports at the
default probability (with a margin), so on the cross-validated debates the gate drops none of them
(``benchmarks/matching_gate.py`` prints what it keeps and what it saves). ``podium match`` (run files,
every candidate ranked) never gates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from podium.factchecks.features import FEATURES, field_values, pair_rows, query_info
from podium.factchecks.index import DEPTH, MatchIndex, Retrieved
from podium.factchecks.reranker import MODEL_DIR, Reranker

if TYPE_CHECKING:
    from podium.factchecks.matcher import Query

GATE_FILE = MODEL_DIR / "gate.npz"
#: The features the gate may read: everything but the sentence vectors' cosines.
LEXICAL_FEATURES: tuple[str, ...] = tuple(f for f in FEATURES if not f.startswith("cos"))


@dataclass
class Gate:
    model: Reranker
    threshold: float

    def best(self, index: MatchIndex, queries: Sequence[Query], texts: Sequence[str],
             contexts: Sequence[str], depth: int = DEPTH) -> np.ndarray:  # fmt: skip
        """Per query, its best gate probability over its ``depth`` best fact-checks by BM25 (0 when it
        shares no word with any); needs the index's own fields (:class:`FieldIndex`)."""
        out = np.zeros(len(queries))
        if index.fields is None or not len(index):
            return np.ones(len(queries))  # nothing to read the features from: everything passes
        for i, (query, text, context) in enumerate(zip(queries, texts, contexts, strict=True)):
            found = lexical_retrieve(index, text, context, depth)
            if not len(found.rows):
                continue
            info = query_info(text, query.before, query.after, query.speaker, query.date, index.lexical)
            values = field_values(info, index.fields, found.rows)
            out[i] = float(self.model.probability(pair_rows(info, found, values, index.lexical)).max())
        return out

    def passes(self, index: MatchIndex, queries: Sequence[Query], texts: Sequence[str],
               contexts: Sequence[str]) -> np.ndarray:  # fmt: skip
        """Per query, whether it is worth embedding and matching."""
        return self.best(index, queries, texts, contexts) >= self.threshold


def lexical_retrieve(index: MatchIndex, text: str, context: str | None, depth: int = DEPTH) -> Retrieved:
    """The ``depth`` best rows of ``index`` by BM25 for ``text`` (those sharing a word with it), with no
    cosines (zeros: the gate's model does not read them) and the context's BM25 on those rows."""
    from podium.factchecks.index import _positive, _top

    bm = index.lexical.scores(text)
    rows = _positive(_top(bm, min(depth, len(bm))), bm) if len(bm) else np.zeros(0, np.int64)
    zeros = np.zeros(len(rows), np.float32)
    ctx = index.lexical.scores_at(context, rows) if context and context != text else None
    return Retrieved(
        rows=rows.astype(np.int64),
        cosine=zeros,
        bm25=bm[rows].astype(np.float32),
        bm25_mean=float(bm.mean()) if len(bm) else 0.0,
        bm25_std=float(bm.std()) or 1.0 if len(bm) else 1.0,
        cos_mean=0.0,
        cos_std=1.0,
        context_cosine=zeros,
        context_bm25=ctx,
    )


@lru_cache(maxsize=1)
def shipped_gate() -> Gate | None:
    """The gate shipped with podium (loaded once per process), or None without one."""
    if not GATE_FILE.exists():
        return None
    model = Reranker.load(GATE_FILE)
    if any(f not in LEXICAL_FEATURES for f in model.features):
        raise ValueError(f"{GATE_FILE}: the gate reads sentence-vector features: {model.features}")
    return Gate(model, float(model.info["threshold"]))
