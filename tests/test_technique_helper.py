"""The technique model in a helper process: same spans as in-process, and never an error for the user."""

from __future__ import annotations

import sys
from concurrent.futures import Future
from pathlib import Path

import pytest

from podium.analysers.techniques import TechniqueAnalyser
from podium.analyze import analyze_document
from podium.document import Document
from podium.ingest import load
from podium.pipeline import BaseAnalyser, Pipeline
from podium.segment import segment
from podium.techniques import background
from podium.techniques.background import Helper


def _techniques(doc: Document) -> list[tuple[int, int, str, float | None]]:
    return [(s.start, s.end, s.label, s.score) for s in doc.layer("technique")]


def test_helper_gives_the_same_spans(sample_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline = Pipeline([TechniqueAnalyser()])
    monkeypatch.setenv(background.ENV, "0")
    alone = analyze_document(load(str(sample_path)), pipeline)
    monkeypatch.setenv(background.ENV, "1")
    if not background.enabled():
        pytest.skip("one core: the helper is off by design")
    analyser = pipeline.analysers[0]
    assert isinstance(analyser, TechniqueAnalyser)
    doc = load(str(sample_path))
    helped = analyze_document(doc, pipeline)
    assert analyser._helper._pool is not None and not analyser._helper._broken  # it really ran there
    assert _techniques(helped) == _techniques(alone)
    assert _techniques(helped)
    assert helped.meta.extras["rhetoric"] == alone.meta.extras["rhetoric"]
    memory = analyser._helper.peak_memory_mb()
    if sys.platform.startswith("linux"):  # read from /proc there; unknown elsewhere
        assert memory is not None and memory > 50  # a Python process with numpy and the model loaded


def test_helper_off_by_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(background.ENV, "0")
    assert not background.enabled()
    assert Helper().submit("One sentence.", [(0, 13)]) is None


def test_failed_helper_means_computing_here() -> None:
    helper = Helper()
    assert helper.peak_memory_mb() is None  # never started
    assert helper.result(None) is None
    failed: Future[list[object]] = Future()
    failed.set_exception(RuntimeError("helper died"))
    assert helper.result(failed) is None
    assert helper._broken
    assert helper.submit("One sentence.", [(0, 13)]) is None  # not tried again


def test_analyser_ignores_a_prefetch_for_another_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(background.ENV, "0")
    text = "They are traitors, traitors to the nation! We will never surrender to these criminals."
    analyser = TechniqueAnalyser()
    expected = _techniques(analyser(_fresh(text)))
    assert expected  # the stale result below would give none
    stale: Future[list[object]] = Future()
    stale.set_result([])
    analyser._pending = ("Some other text.", [(0, 16)], stale)  # type: ignore[assignment]
    assert _techniques(analyser(_fresh(text))) == expected
    assert analyser._pending is None


def _fresh(text: str) -> Document:
    doc = Document(text)
    segment(doc)
    return doc


class _Logged(BaseAnalyser):
    requires = ("sentences",)

    def __init__(self, name: str, log: list[str]) -> None:
        self.name, self.assigns, self.log = name, (name,), log  # type: ignore[misc]

    def __call__(self, doc: Document) -> Document:
        self.log.append(self.name)
        return doc


class _Prefetching(_Logged):
    def prefetch(self, doc: Document) -> None:
        self.log.append(f"prefetch {self.name}")


def test_pipeline_prefetches_before_running_anything() -> None:
    log: list[str] = []
    Pipeline([_Logged("plain", log), _Prefetching("early", log)])(_fresh("A sentence. Another one."))
    assert log == ["prefetch early", "plain", "early"]


def test_cli_uses_the_helper_only_where_techniques_run(
    sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from podium.cli import main

    monkeypatch.setenv(background.ENV, "0")  # decide, but start nothing in this test
    monkeypatch.setattr(background, "_allowed", False)
    out = tmp_path / "entities.json"
    result = CliRunner().invoke(
        main, ["analyze", str(sample_path), "--only", "entity", "-f", "json", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert not background._allowed
    out = tmp_path / "all.json"
    result = CliRunner().invoke(main, ["analyze", str(sample_path), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert background._allowed
