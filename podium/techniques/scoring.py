"""The scorers of SemEval-2020 Task 11, written from the task definition.

- Span identification (SI), partial overlap: with S the predicted spans and T the gold spans (of all
  articles), ``P = (1/|S|) Σ_{s∈S,t∈T} |s∩t|/|s|``, ``R = (1/|T|) Σ_{s∈S,t∈T} |s∩t|/|t|``, F1 their
  harmonic mean. Spans only meet within an article. As in the organisers' scorer, overlapping spans of the
  same article are merged first (on both sides), so a character is never counted twice.
- Technique classification (TC), micro-F1: a prediction is correct when its article, offsets and technique
  match a gold line not yet matched (a span with two gold techniques needs two predictions). With one
  prediction per gold line (the task's setting), P = R = F1 = accuracy.
Spans are ``(article, start, end)`` or ``(article, technique, start, end)``. No I/O here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping (not merely touching) ``[start, end)`` spans merged; empty spans dropped."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _by_article(spans: Iterable[tuple[str, int, int]], merge: bool) -> dict[str, list[tuple[int, int]]]:
    grouped: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for article, start, end in spans:
        grouped[article].append((start, end))
    return {a: (merge_spans(s) if merge else s) for a, s in grouped.items()}


def si_score(
    predicted: Iterable[tuple[str, int, int]], gold: Iterable[tuple[str, int, int]], merge: bool = True
) -> PRF:
    """Partial-overlap precision, recall and F1 of span identification."""
    pred = _by_article(predicted, merge)
    true = _by_article(gold, merge)
    n_pred = sum(len(s) for s in pred.values())
    n_true = sum(len(s) for s in true.values())
    p_sum = r_sum = 0.0
    for article, spans in pred.items():
        for ps, pe in spans:
            for gs, ge in true.get(article, []):
                inter = min(pe, ge) - max(ps, gs)
                if inter > 0:
                    p_sum += inter / (pe - ps)
                    r_sum += inter / (ge - gs)
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_true if n_true else 0.0
    return PRF(p, r, _f1(p, r))


def tc_score(
    predicted: Iterable[tuple[str, str, int, int]], gold: Iterable[tuple[str, str, int, int]]
) -> tuple[PRF, dict[str, PRF]]:
    """Micro precision, recall and F1 of technique classification, and the same per technique."""
    pred = Counter(predicted)
    true = Counter(gold)
    hits = pred & true
    correct = sum(hits.values())
    n_pred, n_true = sum(pred.values()), sum(true.values())
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_true if n_true else 0.0
    per: dict[str, PRF] = {}
    for tech in sorted({k[1] for k in pred} | {k[1] for k in true}):
        tp = sum(n for k, n in hits.items() if k[1] == tech)
        np_ = sum(n for k, n in pred.items() if k[1] == tech)
        nt = sum(n for k, n in true.items() if k[1] == tech)
        tp_p = tp / np_ if np_ else 0.0
        tp_r = tp / nt if nt else 0.0
        per[tech] = PRF(tp_p, tp_r, _f1(tp_p, tp_r))
    return PRF(p, r, _f1(p, r)), per
