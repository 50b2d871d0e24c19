"""Features of word pieces (for span identification) and of spans (for technique classification).

Both start from the MiniLM vectors of ``encoder`` (learnt representation) and add hand-made cues: lexicon
hits (``cues``), quotation, capitals, punctuation of the sentence, and repetition within the document
(how often a word, a sentence, or the span's own text recurs). Masked names count as names, never by
which name they were. No weights here.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from podium.techniques.cues import CATEGORIES, cue_hits
from podium.techniques.encoder import Encoded
from podium.techniques.masking import mask

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_QUOTES = {'"', "“", "”", "«", "»"}
N_PIECE_EXTRA = len(CATEGORIES) + 11


@dataclass(slots=True)
class DocContext:
    """Per-document counts that features need: word and sentence recurrences, and cue hits."""

    text: str
    segments: list[tuple[int, int]]
    word_counts: Counter[str]
    segment_counts: Counter[str]
    cues: list[dict[str, list[tuple[int, int]]]]
    common: set[str]

    @classmethod
    def build(cls, text: str, segments: list[tuple[int, int]], common: set[str]) -> DocContext:
        words = Counter(w.lower() for w in _WORD.findall(text))
        segs = Counter(_norm(text[s:e]) for s, e in segments)
        return cls(text, segments, words, segs, [cue_hits(text[s:e]) for s, e in segments], common)


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _quote_mask(segment: str) -> np.ndarray:
    inside = np.zeros(len(segment) + 1, dtype=bool)
    state = False
    for i, ch in enumerate(segment):
        if ch in _QUOTES:
            state = not state
        inside[i] = state
    return inside


def piece_features(ctx: DocContext, k: int, enc: Encoded) -> np.ndarray:
    """``(n, 384 + N_PIECE_EXTRA)`` features of the word pieces of segment ``k``."""
    start, end = ctx.segments[k]
    seg = ctx.text[start:end]
    n = len(enc.offsets)
    extra = np.zeros((n, N_PIECE_EXTRA), dtype=np.float32)
    if n == 0:
        return np.zeros((0, enc.vectors.shape[1] + N_PIECE_EXTRA), dtype=np.float32)
    rel = enc.offsets - start
    hits = ctx.cues[k]
    for c, name in enumerate(CATEGORIES):
        for hs, he in hits[name]:
            extra[(rel[:, 0] < he) & (rel[:, 1] > hs), c] = 1.0
    quotes = _quote_mask(seg)
    words = {m.start(): m.group().lower() for m in _WORD.finditer(seg)}
    word_at = np.full(len(seg) + 1, -1)
    for m in _WORD.finditer(seg):
        word_at[m.start() : m.end()] = m.start()
    exclaim = float("!" in seg)
    question = float(seg.rstrip().endswith("?"))
    seg_repeat = math.log1p(ctx.segment_counts[_norm(seg)] - 1)
    base = len(CATEGORIES)
    for i, (s, e) in enumerate(rel):
        piece = seg[s:e]
        w = word_at[s]
        word = words.get(int(w), "") if w >= 0 else ""
        extra[i, base:] = (
            float(enc.masked[i]),
            float(piece[:1].isupper() or enc.masked[i]),
            float(len(piece) > 1 and piece.isupper() and not enc.masked[i]),
            float(quotes[s]),
            float(not piece[:1].isalnum()),
            i / n,
            exclaim,
            question,
            math.log1p(n) / 5,
            math.log1p(max(ctx.word_counts[word] - 1, 0)) if len(word) > 3 and not enc.masked[i] else 0.0,
            seg_repeat,
        )
    return np.hstack([enc.vectors, extra])


N_SPAN_EXTRA = 2 * len(CATEGORIES) + 12


def span_features(ctx: DocContext, encoded: list[Encoded], start: int, end: int) -> tuple[np.ndarray, str]:
    """Dense features of the span ``[start, end)`` and its name-masked lower-case text (for n-grams).

    Dense: mean vector of the span's pieces, mean vector of its sentence(s), then the extras.
    """
    text = ctx.text
    span_vecs, sent_vecs, masked_words = [], [], 0
    cue_span = np.zeros(len(CATEGORIES), dtype=np.float32)
    cue_sent = np.zeros(len(CATEGORIES), dtype=np.float32)
    first_seg = None
    for k, (s, e) in enumerate(ctx.segments):
        if e <= start or s >= end:
            continue
        first_seg = k if first_seg is None else first_seg
        enc = encoded[k]
        inside = (enc.offsets[:, 0] < end) & (enc.offsets[:, 1] > start) if len(enc.offsets) else []
        if len(enc.offsets):
            span_vecs.append(enc.vectors[inside])
            sent_vecs.append(enc.vectors)
            masked_words += int(enc.masked[inside].sum())
        for c, name in enumerate(CATEGORIES):
            for hs, he in ctx.cues[k][name]:
                cue_sent[c] += 1
                if s + hs < end and s + he > start:
                    cue_span[c] += 1
    dim = encoded[0].vectors.shape[1] if encoded else 384
    sv = np.vstack(span_vecs) if span_vecs else np.zeros((0, dim), dtype=np.float32)
    span_mean = sv.mean(axis=0) if len(sv) else np.zeros(dim, dtype=np.float32)
    sent = np.vstack(sent_vecs) if sent_vecs else np.zeros((0, dim), dtype=np.float32)
    sent_mean = sent.mean(axis=0) if len(sent) else np.zeros(dim, dtype=np.float32)
    span_text = text[start:end]
    masked = mask(span_text, ctx.common).text  # lengths and capitals never depend on which name it is
    words = _norm(masked).split()
    seg_len = 1
    if first_seg is not None:
        s, e = ctx.segments[first_seg]
        seg_len = max(len(mask(text[s:e], ctx.common).text), 1)
    occurrences = text.lower().count(span_text.lower()) if span_text.strip() else 0
    before = text[:start].lower().count(span_text.lower()) if span_text.strip() else 0
    word_rep = np.mean([math.log1p(max(ctx.word_counts[w] - 1, 0)) for w in words if len(w) > 3] or [0.0])
    extra = np.array(
        [
            math.log1p(len(masked)) / 5,
            math.log1p(len(words)) / 3,
            min(len(masked) / seg_len, 1.5),
            math.log1p(max(occurrences - 1, 0)),
            float(before > 0),
            float(word_rep),
            float(masked_words > 0),
            float("!" in span_text),
            float("?" in text[start : min(len(text), end + 2)]),
            float(any(q in text[max(0, start - 1) : end + 1] for q in _QUOTES)),
            float(masked[:1].isupper()),
            sum(ch.isupper() for ch in masked) / max(len(masked), 1),
        ],
        dtype=np.float32,
    )
    dense = np.concatenate([span_mean, sent_mean, np.log1p(cue_span), np.log1p(cue_sent), extra])
    return dense.astype(np.float32), " ".join(words)
