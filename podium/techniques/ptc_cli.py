"""``run_ptc``: the PTC mode of ``podium techniques`` as a library function.

Reads ``article<ID>.txt`` files as stored, finds technique spans (``si.labels``, ``tc.labels``), or, with a
gold-span file, labels exactly the given spans (``tc.labels`` in the order of that file; a span listed k
times gets its k most probable techniques; ``si.labels`` then lists the distinct given spans). Offsets are
into the article files as stored. Files are written only when every article was processed.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from podium.errors import PodiumError
from podium.techniques import TECHNIQUES, ptc
from podium.techniques.detector import TechniqueDetector
from podium.writing import write_atomic

#: A span found without gold spans also carries its second technique when that is at least this probable.
SECOND_LABEL = 0.35


def run_ptc(
    articles_dir: Path,
    out_dir: Path,
    gold_spans: Path | None = None,
    detector: TechniqueDetector | None = None,
) -> None:
    """Write ``si.labels`` and ``tc.labels`` for the PTC articles in ``articles_dir`` into ``out_dir``."""
    articles = ptc.read_articles(articles_dir)
    detector = detector or TechniqueDetector.load()
    if gold_spans is not None:
        si, tc = _label_given(articles, ptc.read_labels(gold_spans), detector)
    else:
        si, tc = _find(articles, detector)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PodiumError("E202", path=str(out_dir), reason=str(exc)) from exc
    write_atomic(out_dir / "si.labels", "".join(f"{x.article}\t{x.start}\t{x.end}\n" for x in si))
    write_atomic(
        out_dir / "tc.labels", "".join(f"{x.article}\t{x.technique}\t{x.start}\t{x.end}\n" for x in tc)
    )


def _find(articles: dict[str, str], detector: TechniqueDetector) -> tuple[list[ptc.Label], list[ptc.Label]]:
    si, tc = [], []
    for aid, text in articles.items():
        for f in detector.find(text, ptc.line_segments(text)):
            si.append(ptc.Label(aid, "?", f.start, f.end))
            ranked = np.argsort(-f.probs)
            tc.append(ptc.Label(aid, TECHNIQUES[int(ranked[0])], f.start, f.end))
            if f.probs[ranked[1]] >= SECOND_LABEL:
                tc.append(ptc.Label(aid, TECHNIQUES[int(ranked[1])], f.start, f.end))
    return si, tc


def _label_given(
    articles: dict[str, str], given: list[ptc.Label], detector: TechniqueDetector
) -> tuple[list[ptc.Label], list[ptc.Label]]:
    by_article: dict[str, list[tuple[int, int]]] = {}
    for x in given:
        text = articles.get(x.article)
        if text is None:
            raise PodiumError(
                "E302",
                path=f"article {x.article}",
                reason="the gold spans name an article that is not in the articles directory",
            )
        if not 0 <= x.start < x.end <= len(text):
            raise PodiumError(
                "E302",
                path=f"article {x.article}",
                reason=f"span {x.start}-{x.end} lies outside the article ({len(text)} characters)",
            )
        by_article.setdefault(x.article, []).append((x.start, x.end))
    probs: dict[tuple[str, int, int], np.ndarray] = {}
    for aid, spans in by_article.items():
        distinct = sorted(set(spans))
        text = articles[aid]
        for span, p in zip(distinct, detector.classify(text, ptc.line_segments(text), distinct), strict=True):
            probs[(aid, *span)] = p
    seen: Counter[tuple[str, int, int]] = Counter()
    tc = []
    for x in given:
        key = (x.article, x.start, x.end)
        rank = seen[key]
        seen[key] += 1
        best = int(np.argsort(-probs[key])[rank % len(TECHNIQUES)])
        tc.append(ptc.Label(x.article, TECHNIQUES[best], x.start, x.end))
    si = [ptc.Label(a, "?", s, e) for a, s, e in dict.fromkeys((x.article, x.start, x.end) for x in given)]
    return si, tc
