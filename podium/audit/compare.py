"""Sentence by sentence, what the analysers said about a document and about its name-swapped twin.

Sentences are aligned through the swap's offset map (a sentence of the twin is aligned when its bounds are
the original's, mapped); a sentence the twin's segmentation cut differently is counted as unaligned.
For each aligned pair and each analyser it records the score change (check-worthiness: the claim score;
techniques: per technique, the highest span score in the sentence) and the label change: the labels of the
sentence's spans (techniques, attributions, hedges) or of the sentence (claim type, claim candidate) as
multisets, and, with equal labels, their extents mapped into the twin. No reporting here (``report``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from podium.audit.swap import Swapped
from podium.document import Document, Span

#: Analyser name in the report -> the layer it is read from and whether its spans carry a score.
SPAN_ANALYSERS = {
    "techniques": ("technique", True),
    "attributions": ("attribution", False),
    "hedges": ("hedge", False),
}
SENTENCE_ANALYSERS = {"checkworthiness": "claim", "claim_types": "claim_type"}
ANALYSERS = ("checkworthiness", "techniques", "claim_types", "attributions", "hedges")


@dataclass(slots=True)
class Change:
    """One aligned sentence whose analysis differs (or a score that moved)."""

    analyser: str
    document: str
    sentence: int
    original: str
    twin: str
    kind: str  # "score", "label" or "extent"
    change: float = 0.0
    before: Any = None
    after: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "analyser": self.analyser,
            "document": self.document,
            "sentence": self.sentence,
            "original": self.original,
            "twin": self.twin,
            "kind": self.kind,
            "change": round(self.change, 6),
            "before": self.before,
            "after": self.after,
        }


@dataclass(slots=True)
class Comparison:
    """What one document and its twin told apart, per analyser."""

    document: str
    sentences: int
    aligned: int
    compared: dict[str, int] = field(default_factory=dict)
    scores: dict[str, list[Change]] = field(default_factory=dict)
    labels: dict[str, list[Change]] = field(default_factory=dict)


def align(doc: Document, twin: Document, swapped: Swapped) -> list[tuple[int, int]]:
    """``(original index, twin index)`` of every sentence whose twin has the mapped bounds."""
    where = {(s.start, s.end): j for j, s in enumerate(twin.sentences)}
    pairs = []
    for i, s in enumerate(doc.sentences):
        j = where.get((swapped.to_twin(s.start), swapped.to_twin(s.end, end=True)))
        if j is not None:
            pairs.append((i, j))
    return pairs


def _by_sentence(doc: Document, layer: str) -> list[list[Span]]:
    starts = [s.start for s in doc.sentences]
    out: list[list[Span]] = [[] for _ in doc.sentences]
    for span in doc.layer(layer):
        k = bisect_right(starts, span.start) - 1
        if k >= 0 and span.start < doc.sentences[k].end:
            out[k].append(span)
    return out


def compare(name: str, doc: Document, twin: Document, swapped: Swapped) -> Comparison:
    """Every score and label difference between ``doc`` and its analysed twin."""
    pairs = align(doc, twin, swapped)
    result = Comparison(name, len(doc.sentences), len(pairs))
    texts = (lambda i: doc.span_text(doc.sentences[i]), lambda j: twin.span_text(twin.sentences[j]))

    def record(kind: str, analyser: str, i: int, j: int, change: float, before: Any, after: Any) -> None:
        target = result.scores if kind == "score" else result.labels
        c = Change(analyser, name, i, texts[0](i), texts[1](j), kind, change, before, after)
        target.setdefault(analyser, []).append(c)

    for analyser, layer in SENTENCE_ANALYSERS.items():
        if layer not in doc.spans and layer not in twin.spans:
            continue
        a, b = _by_sentence(doc, layer), _by_sentence(twin, layer)
        result.compared[analyser] = len(pairs)
        for i, j in pairs:
            la, lb = sorted(s.label for s in a[i]), sorted(s.label for s in b[j])
            if la != lb:
                record("label", analyser, i, j, 1.0, la, lb)
            sa = [s.score for s in a[i] if s.score is not None]
            sb = [s.score for s in b[j] if s.score is not None]
            if sa and sb:
                record("score", analyser, i, j, abs(max(sa) - max(sb)), round(max(sa), 4), round(max(sb), 4))

    for analyser, (layer, scored) in SPAN_ANALYSERS.items():
        if layer not in doc.spans and layer not in twin.spans:
            continue
        a, b = _by_sentence(doc, layer), _by_sentence(twin, layer)
        result.compared[analyser] = len(pairs)
        for i, j in pairs:
            la, lb = Counter(s.label for s in a[i]), Counter(s.label for s in b[j])
            if la != lb:
                record("label", analyser, i, j, 1.0, sorted(la.elements()), sorted(lb.elements()))
                continue
            ea = sorted((s.label, swapped.to_twin(s.start), swapped.to_twin(s.end, end=True)) for s in a[i])
            eb = sorted((s.label, s.start, s.end) for s in b[j])
            if ea != eb:
                record("extent", analyser, i, j, 1.0, _extents(a[i], doc), _extents(b[j], twin))
            if scored and la:
                best_a, best_b = _best(a[i]), _best(b[j])
                delta = max(abs(best_a[t] - best_b[t]) for t in best_a)
                record("score", analyser, i, j, delta, best_a, best_b)
    return result


def _best(spans: list[Span]) -> dict[str, float]:
    out: dict[str, float] = {}
    for s in spans:
        out[s.label] = max(out.get(s.label, 0.0), float(s.score or 0.0))
    return {k: round(v, 4) for k, v in sorted(out.items())}


def _extents(spans: list[Span], doc: Document) -> list[str]:
    return sorted(f"{s.label}: {doc.text[s.start : s.end]}" for s in spans)
