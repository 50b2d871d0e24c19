from __future__ import annotations

from typing import ClassVar

import pytest

from podium.document import Document, Segment, Span
from podium.errors import PodiumError
from podium.pipeline import BaseAnalyser, Pipeline, installed, select, sort_by_dependencies


class Marks(BaseAnalyser):
    name = "marks"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("mark",)

    def __call__(self, doc: Document) -> Document:
        doc.add_spans(
            "mark", [Span(s.start, s.start + 1, "first-char", None, {}, self.name) for s in doc.sentences]
        )
        return doc


class Counts(BaseAnalyser):
    name = "counts"
    requires: ClassVar[tuple[str, ...]] = ("mark",)
    assigns: ClassVar[tuple[str, ...]] = ("count",)

    def __call__(self, doc: Document) -> Document:
        doc.add_spans("count", [Span(0, 0, str(len(doc.layer("mark"))), None, {}, self.name)])
        return doc


def test_built_in_analyser_is_registered_through_entry_points() -> None:
    registry = installed()
    assert "entity" in registry
    assert registry["entity"].entry == "podium.analysers.entities:EntityAnalyser"


def test_wrong_order_is_refused_naming_the_missing_layer() -> None:
    with pytest.raises(PodiumError) as info:
        Pipeline([Counts(), Marks()])
    assert info.value.code == "E101"
    assert info.value.fields["layer"] == "mark" and info.value.fields["name"] == "counts"


def test_dependencies_are_sorted_and_run_in_order() -> None:
    pipeline = Pipeline(sort_by_dependencies([Counts(), Marks()]))
    assert [a.name for a in pipeline.analysers] == ["marks", "counts"]
    doc = Document("One. Two.")
    doc.sentences = [Segment(0, 4), Segment(5, 9)]
    pipeline(doc)
    assert doc.layer("count")[0].label == "2"


def test_two_analysers_assigning_one_layer_are_refused() -> None:
    class Other(Marks):
        name = "other"

    with pytest.raises(PodiumError) as info:
        sort_by_dependencies([Marks(), Other()])
    assert info.value.code == "E106"


def test_select_accepts_layer_or_analyser_names() -> None:
    names = ["counts", "marks"]
    index = {"mark": "marks", "count": "counts"}
    assert select(names, index, ["mark"], None) == ["marks"]
    assert select(names, index, None, ["count"]) == ["marks"]
    with pytest.raises(PodiumError) as info:
        select(names, index, ["nope"], None)
    assert info.value.code == "E102"


class Summary(BaseAnalyser):
    name = "summary"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("summary",)
    after: ClassVar[tuple[str, ...]] = ("mark",)

    def __call__(self, doc: Document) -> Document:
        doc.add_spans("summary", [Span(0, 0, f"marks={len(doc.layer('mark'))}")])
        return doc


def test_optional_after_layers_order_but_do_not_require() -> None:
    ordered = sort_by_dependencies([Summary(), Marks()])
    assert [a.name for a in ordered] == ["marks", "summary"]
    Pipeline([Summary()])  # without the optional layer's analyser: fine
    with pytest.raises(PodiumError) as info:
        Pipeline([Summary(), Marks()])
    assert info.value.code == "E107" and info.value.fields["layer"] == "mark"
