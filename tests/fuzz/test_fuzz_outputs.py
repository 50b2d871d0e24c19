"""Every output format, from documents analysed by all analysers from generated hostile text, is valid:
JSON against the published schema, GraphML parses as XML, CSV reads back with formulas neutralised, HTML
carries no input markup unescaped. Titles and speakers carry XML-forbidden characters too."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.analyze import analyze_document
from podium.document import Document, Meta, Span
from podium.ingest import apply_meta
from podium.outputs import render
from podium.outputs.csv_out import neutralise
from podium.pipeline import Pipeline
from tests.fuzz.cases import FORMATS, HOSTILE, WORDS
from tests.fuzz.harness import check_output

_FULL: list[Pipeline] = []
HOSTILE_META = st.text(
    st.sampled_from("\x00\x01\x08\x0b\x1b\ufffe\uffff\ud800\udcff<>&\"'=+-@\t\r ab"), max_size=12
)


def _full() -> Pipeline:
    if not _FULL:
        _FULL.append(Pipeline.from_names())
    return _FULL[0]


@pytest.mark.slow
@settings(
    max_examples=25, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
)
@given(
    pieces=st.lists(st.sampled_from(WORDS) | st.sampled_from(HOSTILE), min_size=1, max_size=60),
    title=HOSTILE_META,
    speaker=HOSTILE_META,
)
def test_every_format_is_valid_for_hostile_text(pieces: list[str], title: str, speaker: str) -> None:
    text = " ".join(pieces) + " Israel attacked Iran, said the UN."
    doc = Document(text, Meta(source="hostile.txt"))  # past the readers, which refuse some of this text
    apply_meta(doc, title=title or None, speakers=[speaker] if speaker else None, side=speaker or None)
    doc.meta.title = doc.meta.title and doc.meta.title + "\x01\ufffe"  # past the ingest clean-up, too
    analyze_document(doc, _full())
    for fmt in FORMATS:
        check_output(render(doc, fmt), fmt)


def test_graphml_drops_characters_xml_forbids() -> None:
    doc = Document("Israel attacked Iran.", Meta(title="war\x00\x0b\ufffe\uffff\ud800 room"))
    out = render(doc, "graphml")
    root = ET.fromstring(out.encode("utf-8"))
    graph = root.find("{http://graphml.graphdrawing.org/xmlns}graph")
    assert graph is not None and graph.get("id") == "war room"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_formula_cells_get_an_apostrophe(start: str) -> None:
    text = f'{start}HYPERLINK("http://x") and more'
    doc = Document(text, Meta())
    doc.add_spans("hedge", [Span(0, len(text), f"{start}label")], source="test")
    rows = list(csv.reader(io.StringIO(render(doc, "csv"), newline="")))
    assert rows[1][1] == f"'{start}label" and rows[1][4] == neutralise(doc.text)  # "\r" is "\n" in a text
    assert neutralise(3) == 3 and neutralise("plain") == "plain"


def test_json_keeps_the_exact_text() -> None:
    text = "=SUM(A1) is 40 schools."
    doc = Document(text, Meta())
    doc.add_spans("hedge", [Span(0, 8, "x")], source="test")
    assert '"text": "=SUM(A1)"' in render(doc, "json")
