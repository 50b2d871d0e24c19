"""Shared fixtures: the bundled sample, a hand-built document, and a CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from podium.document import Document, Segment, Span

# The technique helper process (podium.techniques.background) is tested on its own, in
# tests/test_technique_helper.py; elsewhere everything runs in the test process.
os.environ.setdefault("PODIUM_HELPER", "0")

# Property tests draw the same examples on every run ("repeatable", the default), so that the suite and
# CI pass or fail for the same reason each time; "explore" draws new ones on every run (and more, where a
# test does not set its own number), to hunt for bugs: pytest --hypothesis-profile=explore tests/... or
# PODIUM_HYPOTHESIS_PROFILE=explore; each bug found becomes an explicit test.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", max_examples=1000)
settings.load_profile(os.environ.get("PODIUM_HYPOTHESIS_PROFILE", "repeatable"))

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "samples" / "speech-harbor-accord.txt"
SHARED = REPO.parent / "shared"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def small_doc() -> Document:
    """A document built by hand, with no model involved."""
    text = "Karsten shelled 300 villages. The U.N. counted 12,000 refugees."
    doc = Document(text)
    doc.paragraphs = [Segment(0, len(text))]
    doc.sentences = [Segment(0, 29), Segment(30, len(text))]
    doc.add_spans("entity", [Span(0, 7, "GPE", None, {}, "test"), Span(16, 19, "CARDINAL", 0.9, {}, "test")])
    return doc


def assert_offsets_valid(doc: Document) -> None:
    """Every segment and span lies inside the text and is ordered."""
    n = len(doc.text)
    for seg in [*doc.paragraphs, *doc.sentences, *doc.turns, *doc.meta.header]:
        assert 0 <= seg.start <= seg.end <= n
    for _, span in doc.iter_spans():
        assert 0 <= span.start <= span.end <= n
    starts = [s.start for s in doc.sentences]
    assert starts == sorted(starts)
    for a, b in zip(doc.sentences, doc.sentences[1:], strict=False):
        assert a.end <= b.start
