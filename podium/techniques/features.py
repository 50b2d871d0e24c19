"""Features of word pieces (for span identification) and of spans (for technique classification).

Both start from the MiniLM vectors of ``encoder`` (learnt representation) and add hand-made cues: lexicon
hits (``cues``), quotation, capitals, punctuation of the sentence, and repetition within the document
(how often a word, a sentence, or the span's own text recurs). Masked names count as names, never by
which name they were. No weights here.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from podium.techniques.cues import CATEGORIES, segment_cue_hits
from podium.techniques.encoder import Encoded
from podium.techniques.masking import Masked, mask

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_QUOTES = {'"', "“", "”", "«", "»"}
N_PIECE_EXTRA = len(CATEGORIES) + 11


@dataclass(slots=True)
class DocContext:
    """Per-document counts that features need: word and sentence recurrences, and cue hits.

    Every count is taken on the name-masked segments (``masking``): a name is never counted as a word
    ("Democratic" the party does not add to "democratic"), and a span's recurrences are those of its
    masked text, so which actor a document names elsewhere cannot move a span's features.
    """

    text: str
    segments: list[tuple[int, int]]
    word_counts: Counter[str]
    segment_counts: Counter[str]
    cues: list[dict[str, list[tuple[int, int]]]]
    common: set[str]
    #: Each segment masked, and the masked segments joined by newlines (what recurrences are counted in).
    masks: list[Masked] = field(default_factory=list)
    masked_doc: str = ""
    masked_lower: str = ""
    #: Where each masked segment starts in ``masked_doc``.
    masked_starts: list[int] = field(default_factory=list)
    bounds: np.ndarray = field(default_factory=lambda: np.zeros((0, 2), dtype=np.int64))

    @classmethod
    def build(cls, text: str, segments: list[tuple[int, int]], common: set[str]) -> DocContext:
        masks = [mask(text[s:e], common) for s, e in segments]
        words: Counter[str] = Counter()
        for m in masks:
            words.update(w.group().lower() for w in _WORD.finditer(m.text) if not m.placeholder[w.start()])
        segs = Counter(_norm(m.text) for m in masks)
        cues = segment_cue_hits(text, segments)
        bounds = np.array(segments, dtype=np.int64).reshape(-1, 2)
        starts = [0] * len(masks)
        for k in range(1, len(masks)):
            starts[k] = starts[k - 1] + len(masks[k - 1].text) + 1
        joined = "\n".join(m.text for m in masks)
        return cls(text, segments, words, segs, cues, common, masks, joined, joined.lower(), starts, bounds)

    def masked_offset(self, k: int, pos: int) -> int:
        """Where the original offset ``pos`` (inside segment ``k`` or at its end) falls in ``masked_doc``."""
        m = self.masks[k]
        return self.masked_starts[k] + bisect_left(m.starts, pos - self.segments[k][0])


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
    word_at = np.full(len(seg) + 1, -1)
    word_rep: dict[int, float] = {}
    for m in _WORD.finditer(seg):
        word_at[m.start() : m.end()] = m.start()
        word = m.group().lower()
        word_rep[m.start()] = math.log1p(max(ctx.word_counts[word] - 1, 0)) if len(word) > 3 else 0.0
    pieces = [seg[s:e] for s, e in rel.tolist()]
    masked = enc.masked
    starts = rel[:, 0]
    base = len(CATEGORIES)
    extra[:, base] = masked
    extra[:, base + 1] = [p[:1].isupper() for p in pieces]
    extra[:, base + 1] = np.maximum(extra[:, base + 1], masked)
    extra[:, base + 2] = [len(p) > 1 and p.isupper() for p in pieces]
    extra[:, base + 2] *= ~masked
    extra[:, base + 3] = quotes[starts]
    extra[:, base + 4] = [not p[:1].isalnum() for p in pieces]
    extra[:, base + 5] = np.arange(n) / n
    extra[:, base + 6] = float("!" in seg)
    extra[:, base + 7] = float(seg.rstrip().endswith("?"))
    extra[:, base + 8] = math.log1p(n) / 5
    extra[:, base + 9] = [word_rep.get(w, 0.0) for w in word_at[starts].tolist()]
    extra[:, base + 9] *= ~masked
    extra[:, base + 10] = math.log1p(ctx.segment_counts[_norm(ctx.masks[k].text)] - 1)
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
    overlapping = np.flatnonzero((ctx.bounds[:, 1] > start) & (ctx.bounds[:, 0] < end)).tolist()
    for k in overlapping:
        s, _ = ctx.segments[k]
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
    occurrences = before = 0
    if first_seg is not None:
        seg_len = max(len(ctx.masks[first_seg].text), 1)
        last_seg = overlapping[-1]
        m_start = ctx.masked_offset(first_seg, max(start, ctx.segments[first_seg][0]))
        m_end = ctx.masked_offset(last_seg, min(end, ctx.segments[last_seg][1]))
        in_doc = ctx.masked_doc[m_start:m_end]
        if in_doc.strip():  # recurrences of the span as masked in its sentence
            needle = in_doc.lower()
            occurrences = ctx.masked_lower.count(needle)
            same_length = len(ctx.masked_lower) == len(ctx.masked_doc)  # lower() may lengthen a character
            prefix = ctx.masked_lower if same_length else ctx.masked_doc[:m_start].lower()
            before = prefix.count(needle, 0, m_start if same_length else len(prefix))
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
