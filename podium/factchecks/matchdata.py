"""The CheckThat! matching sets for training and benchmarks (``../shared/data``): never used at run time.

- speeches → PolitiFact (CheckThat! 2022 Task 2B): queries ``<debate>_<line>`` with their transcript
  lines (from ``ct2020-t5``/``checkthat2019-t1``) and the 19,250 PolitiFact fact-checks;
- tweets → Snopes (CheckThat! 2020 Task 2): train and dev tweets and the 10,375 verified claims.

Sentence vectors are cached under ``/tmp/podium-match-cache`` keyed by a hash of the model and the texts,
so reruns of the benchmark and the training script do not re-embed the archives.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from podium.factchecks.embedding import MODEL, embed

CACHE = Path(os.environ.get("PODIUM_MATCH_CACHE", "/tmp/podium-match-cache"))


def cached_embed(texts: Sequence[str], cache: Path = CACHE) -> np.ndarray:
    """``embed(texts)``, read from / written to ``cache`` (a hash of the model and the texts names it)."""
    digest = hashlib.sha256(MODEL.encode())
    for text in texts:
        digest.update(text.encode("utf-8", "surrogatepass") + b"\x1f")
    path = cache / f"{digest.hexdigest()[:32]}.npy"
    if path.exists():
        return np.load(path)
    vectors = embed(list(texts))
    cache.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
    np.save(tmp, vectors)
    tmp.replace(path)
    return vectors
