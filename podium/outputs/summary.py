"""Per-layer summaries (labels, counts, mean scores, example texts) shared by the HTML and Markdown writers.

Works on the plain data of ``json_out.to_dict`` so every format summarises the same analysis. It only
counts and orders; it renders nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from podium.document import KNOWN_LAYERS


@dataclass(frozen=True, slots=True)
class LabelSummary:
    label: str
    count: int
    mean_score: float | None
    examples: list[str]


@dataclass(frozen=True, slots=True)
class LayerSummary:
    layer: str
    count: int
    labels: list[LabelSummary]


def layer_names(spans: list[dict[str, Any]], extra: Iterable[str] = ()) -> list[str]:
    """Layers present in ``spans`` or named in ``extra`` (e.g. empty layers): known ones first, in order."""
    names = {s["layer"] for s in spans} | set(extra)
    known = [n for n in KNOWN_LAYERS if n in names]
    return known + sorted(names - set(known))


def snippet(text: str, max_chars: int = 80) -> str:
    """``text`` on one line, whitespace collapsed, cut to ``max_chars`` with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= max_chars else flat[: max_chars - 1].rstrip() + "…"


def summarise(
    spans: list[dict[str, Any]], layers: list[str], n_examples: int = 3, max_chars: int = 80
) -> list[LayerSummary]:
    """One summary per layer in ``layers``; labels by count (most first), then alphabetically."""
    by_label: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for span in spans:
        by_label[span["layer"]][span["label"]].append(span)
    out = []
    for layer in layers:
        labels = []
        for label, items in by_label[layer].items():
            scores = [s["score"] for s in items if s["score"] is not None]
            examples: list[str] = []
            for s in items:
                text = snippet(s["text"], max_chars)
                if text and text not in examples:
                    examples.append(text)
                if len(examples) == n_examples:
                    break
            mean = sum(scores) / len(scores) if scores else None
            labels.append(LabelSummary(label, len(items), mean, examples))
        labels.sort(key=lambda x: (-x.count, x.label))
        out.append(LayerSummary(layer, sum(x.count for x in labels), labels))
    return out


def format_score(value: float | None) -> str:
    """A score for people: two decimals, or a dash when there is none."""
    return "—" if value is None else f"{value:.2f}"
