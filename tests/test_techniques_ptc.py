"""PTC reading and writing: offsets into the files exactly as stored (CRLF, BOM, odd whitespace kept)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from podium.errors import PodiumError
from podium.techniques import TECHNIQUES, ptc
from podium.techniques.detector import Found
from podium.techniques.ptc_cli import run_ptc

ARTICLE = (
    "\ufeffTitle: the thugs win\r\n\r\n"
    "These\u00a0thugs\tattacked us.\r\n"
    "  Indented line with thugs and traitors.\r"
    "Old Mac line end; last line without one: thugs"
)


class FakeDetector:
    """Stands in for the model: finds every 'thugs' and calls it Name_Calling (or Doubt when ranked 2nd)."""

    def find(self, text: str, segments: list[tuple[int, int]]) -> list[Found]:
        probs = np.zeros(len(TECHNIQUES))
        probs[TECHNIQUES.index("Name_Calling,Labeling")] = 0.9
        return [Found(m.start(), m.end(), 0.8, probs) for m in re.finditer("thugs", text)]

    def classify(
        self, text: str, segments: list[tuple[int, int]], spans: list[tuple[int, int]]
    ) -> np.ndarray:
        probs = np.zeros((len(spans), len(TECHNIQUES)))
        probs[:, TECHNIQUES.index("Name_Calling,Labeling")] = 0.7
        probs[:, TECHNIQUES.index("Doubt")] = 0.2
        return probs


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "article42.txt").write_bytes(ARTICLE.encode("utf-8"))
    (folder / "notes.txt").write_text("not an article")
    return folder


def test_read_article_keeps_bytes_as_stored(articles: Path) -> None:
    text = ptc.read_article(articles / "article42.txt")
    assert text == ARTICLE
    assert ptc.read_articles(articles) == {"42": ARTICLE}
    lines = [text[s:e] for s, e in ptc.line_segments(text)]
    assert lines[0] == "\ufeffTitle: the thugs win"
    assert lines[-1] == "Old Mac line end; last line without one: thugs"
    assert len(lines) == 4


def test_labels_round_trip(tmp_path: Path) -> None:
    labels = [ptc.Label("7", "Name_Calling,Labeling", 3, 9), ptc.Label("7", "Doubt", 10, 12)]
    ptc.write_tc(tmp_path / "tc.labels", labels)
    assert ptc.read_labels(tmp_path / "tc.labels") == labels
    ptc.write_si(tmp_path / "si.labels", labels)
    assert ptc.read_labels(tmp_path / "si.labels") == [ptc.Label("7", "?", 3, 9), ptc.Label("7", "?", 10, 12)]
    (tmp_path / "bad.labels").write_text("7\tDoubt\tx\t3\n")
    with pytest.raises(PodiumError) as err:
        ptc.read_labels(tmp_path / "bad.labels")
    assert err.value.code == "E302"


def test_run_ptc_offsets_point_into_the_stored_file(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_ptc(articles, out, None, detector=FakeDetector())  # type: ignore[arg-type]
    stored = (articles / "article42.txt").read_bytes().decode("utf-8")
    si = ptc.read_labels(out / "si.labels")
    assert len(si) == 4
    assert all(stored[x.start : x.end] == "thugs" for x in si)
    tc = ptc.read_labels(out / "tc.labels")
    assert {x.technique for x in tc} == {"Name_Calling,Labeling"}
    assert (out / "tc.labels").read_bytes().count(b"\r") == 0


def test_run_ptc_with_gold_spans_labels_them_in_order(articles: Path, tmp_path: Path) -> None:
    stored = ptc.read_article(articles / "article42.txt")
    start = stored.index("traitors")
    gold = tmp_path / "gold.labels"
    gold.write_text(f"42\t?\t{start}\t{start + 8}\n42\tDoubt\t{start}\t{start + 8}\n42\t?\t0\t6\n")
    run_ptc(articles, tmp_path / "out", gold, detector=FakeDetector())  # type: ignore[arg-type]
    tc = ptc.read_labels(tmp_path / "out" / "tc.labels")
    assert [(x.technique, x.start, x.end) for x in tc] == [
        ("Name_Calling,Labeling", start, start + 8),
        ("Doubt", start, start + 8),
        ("Name_Calling,Labeling", 0, 6),
    ]
    assert [(x.start, x.end) for x in ptc.read_labels(tmp_path / "out" / "si.labels")] == [
        (start, start + 8),
        (0, 6),
    ]


def test_run_ptc_refuses_spans_outside_the_article(articles: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.labels"
    gold.write_text("42\t?\t0\t99999\n")
    with pytest.raises(PodiumError) as err:
        run_ptc(articles, tmp_path / "out", gold, detector=FakeDetector())  # type: ignore[arg-type]
    assert err.value.code == "E302"
    assert not (tmp_path / "out" / "tc.labels").exists()


def test_run_ptc_refuses_an_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(PodiumError) as err:
        run_ptc(tmp_path, tmp_path / "out", None, detector=FakeDetector())  # type: ignore[arg-type]
    assert err.value.code == "E301"
