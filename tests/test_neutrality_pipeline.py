"""DESIGN.md §7 end to end: the whole installed pipeline gives the same analysis to a speech whoever its
actors are. Names are swapped in a short speech; every layer's labels and scores must stay put (actors
and events swap with the names). Loads every model, so it is slow."""

from __future__ import annotations

import pytest

from podium.analyze import analyze_document
from podium.document import Document
from podium.pipeline import Pipeline

pytestmark = pytest.mark.slow

SPEECH = (
    "Distinguished delegates, thank you.\n\n"
    "Last September, {A} shelled more than 300 villages along the border, according to the UN refugee "
    "agency. Nearly 40 percent of the families there have fled since 2022. "
    "The defence minister of {A} openly "
    "admitted that the strikes were planned. No one can deny that {A} is the aggressor here.\n\n"
    "We call on {A} to withdraw its forces and to respect Resolution 2334 of the Security Council. "
    "Perhaps {B} made mistakes too, but {B} did not bomb hospitals. We will not be silent. "
    "We will not be silent while {A} burns our fields!"
)

PAIRS = [
    ("Israel", "Iran"),
    ("Russia", "Ukraine"),
    ("the United States", "China"),
    ("India", "Pakistan"),
    ("Azerbaijan", "Armenia"),
    ("Saudi Arabia", "Yemen"),
    ("Ethiopia", "Eritrea"),
    ("Venezuela", "Colombia"),
]

NAME_LAYERS = {"actor_mention", "entity", "event"}  # these name the actors themselves


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_names()


def profile(doc: Document) -> dict[str, list[tuple[int, str, float]]]:
    """Per layer: (sentence index, label, score) of each span, independent of character offsets."""
    starts = [s.start for s in doc.sentences]
    out: dict[str, list[tuple[int, str, float]]] = {}
    for layer, spans in doc.spans.items():
        if layer in NAME_LAYERS:
            continue
        out[layer] = sorted(
            (sum(1 for s in starts if s <= span.start) - 1, span.label, span.score or 0.0) for span in spans
        )
    return out


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_swapping_the_sides_changes_nothing_but_the_names(pipeline: Pipeline, a: str, b: str) -> None:
    one = analyze_document(Document(SPEECH.format(A=a, B=b)), pipeline)
    two = analyze_document(Document(SPEECH.format(A=b, B=a)), pipeline)
    assert len(one.sentences) == len(two.sentences)
    p1, p2 = profile(one), profile(two)
    assert p1.keys() == p2.keys()
    for layer in p1:
        labels1 = [(i, label) for i, label, _ in p1[layer]]
        labels2 = [(i, label) for i, label, _ in p2[layer]]
        assert labels1 == labels2, layer
        for (_, _, s1), (_, _, s2) in zip(p1[layer], p2[layer], strict=True):
            assert abs(s1 - s2) <= 0.02, layer
    assert [c.sentence for c in one.claims] == [c.sentence for c in two.claims]
    assert (
        max((abs(c1.score - c2.score) for c1, c2 in zip(one.claims, two.claims, strict=True)), default=0)
        <= 0.02
    )
    assert [e.type for e in one.events] == [e.type for e in two.events]
