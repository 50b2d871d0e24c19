"""The neutrality audit: analyse documents and their name-swapped twins, and report what moved.

``audit(sources, pairs)`` reads each input as ``podium analyze`` does (same readers, same errors), writes
its twin (``swap``), analyses both with the same pipeline, compares them sentence by sentence
(``compare``) and their rhetoric profiles (``profile_diff``), and returns the report as a JSON-friendly
dict: per analyser the sentences compared, the largest score changes with both texts, the share over the
tolerance, the label changes; per document the profile changes other than the swapped names' own rows;
and ``passed``: no label change, no score over the tolerance, no profile change. Rendering is ``report``'s.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Iterable
from typing import Any

from podium.actors.speaker import SIDE_KEYS
from podium.audit.compare import ANALYSERS, Change, Comparison, compare
from podium.audit.pairs import Pair
from podium.audit.profile_diff import compare_profiles
from podium.audit.swap import Swapped, Swapper
from podium.document import Document, Segment, Turn

SCHEMA = "podium.audit.neutrality/1"
DEFAULT_TOLERANCE = 0.02
#: How many of the largest changes each analyser's section lists.
TOP = 10


def twin_document(doc: Document, swapped: Swapped, swapper: Swapper | None = None) -> Document:
    """The twin of an ingested (not yet segmented) document: swapped text, the same meta, and the
    structure a reader preset (header lines, turns, CheckThat! lines) mapped onto the twin's text. With
    ``swapper``, speakers and a stated side are swapped too ("TRUMP" speaks as "CLINTON"): the twin is
    the mirror of the whole document, so a speaker never names themselves as the other side."""

    def mirror(value: str) -> str:
        return swapper.swap(value).text if swapper is not None else value

    meta = copy.deepcopy(doc.meta)
    meta.header = [_mapped(h, swapped) for h in meta.header]
    meta.speakers = [mirror(s) for s in meta.speakers]
    for key in SIDE_KEYS:
        if isinstance(meta.extras.get(key), str):
            meta.extras[key] = mirror(meta.extras[key])
    twin = Document(swapped.text, meta)
    twin.turns = [
        Turn(swapped.to_twin(t.start), swapped.to_twin(t.end, end=True), mirror(t.speaker), dict(t.attrs))
        for t in doc.turns
    ]
    twin.paragraphs = [_mapped(p, swapped) for p in doc.paragraphs]
    twin.sentences = [_mapped(s, swapped) for s in doc.sentences]
    return twin


def _mapped(seg: Segment, swapped: Swapped) -> Segment:
    return Segment(swapped.to_twin(seg.start), swapped.to_twin(seg.end, end=True), dict(seg.attrs))


def audit_document(
    doc: Document, name: str, swapper: Swapper, analyse: Callable[[Document], Document]
) -> tuple[Comparison, dict[str, Any], dict[str, Any]]:
    """Compare one ingested document with its twin: the sentence comparison, the profile comparison,
    and a summary of the document (sentences, swaps made)."""
    swapped = swapper.swap(doc.text)
    twin = twin_document(doc, swapped, swapper)
    doc, twin = analyse(doc), analyse(twin)
    comparison = compare(name, doc, twin, swapped)
    profile = compare_profiles(doc, twin, swapped, swapper)
    summary = {
        "document": name,
        "title": doc.meta.title,
        "sentences": len(doc.sentences),
        "aligned": comparison.aligned,
        "swaps": len(swapped.replacements),
        "swapped_names": sorted({r.original for r in swapped.replacements}),
    }
    return comparison, profile, summary


def audit(
    documents: Iterable[tuple[str, Document]],
    pairs: list[Pair],
    analyse: Callable[[Document], Document],
    tolerance: float = DEFAULT_TOLERANCE,
) -> dict[str, Any]:
    """The report over ``documents`` (``(name, ingested Document)``), analysing each with ``analyse``."""
    swapper = Swapper(pairs)
    started = time.perf_counter()
    comparisons: list[Comparison] = []
    docs: list[dict[str, Any]] = []
    for name, doc in documents:
        comparison, profile, summary = audit_document(doc, name, swapper, analyse)
        comparisons.append(comparison)
        docs.append({**summary, "rhetoric": profile})
    analysers = {a: _analyser_section(a, comparisons, tolerance) for a in ANALYSERS}
    analysers = {a: s for a, s in analysers.items() if s["sentences_compared"]}
    rhetoric_changes = sum(len(d["rhetoric"]["changes"]) for d in docs)
    failures = sum(s["label_changes_count"] + s["over_tolerance"] for s in analysers.values())
    return {
        "schema": SCHEMA,
        "tolerance": tolerance,
        "pairs": len(pairs),
        "documents": docs,
        "sentences": sum(d["sentences"] for d in docs),
        "swaps": sum(d["swaps"] for d in docs),
        "analysers": analysers,
        "rhetoric_changes": rhetoric_changes,
        "passed": failures == 0 and rhetoric_changes == 0,
        "seconds": round(time.perf_counter() - started, 2),
    }


def _analyser_section(analyser: str, comparisons: list[Comparison], tolerance: float) -> dict[str, Any]:
    compared = sum(c.compared.get(analyser, 0) for c in comparisons)
    scores: list[Change] = [x for c in comparisons for x in c.scores.get(analyser, [])]
    labels: list[Change] = [x for c in comparisons for x in c.labels.get(analyser, [])]
    label_changes = [x for x in labels if x.kind == "label"]
    extents = [x for x in labels if x.kind == "extent"]
    over = [x for x in scores if x.change > tolerance]
    largest = sorted((x for x in scores if x.change > 0), key=lambda x: (-x.change, x.document, x.sentence))
    return {
        "sentences_compared": compared,
        "scored": len(scores),
        "max_change": round(max((x.change for x in scores), default=0.0), 6),
        "over_tolerance": len(over),
        "share_over_tolerance": round(len(over) / len(scores), 6) if scores else 0.0,
        "largest": [x.to_dict() for x in largest[:TOP]],
        "label_changes_count": len(label_changes),
        "label_changes": [x.to_dict() for x in label_changes],
        "extent_changes_count": len(extents),
        "extent_changes": [x.to_dict() for x in extents[:TOP]],
    }
