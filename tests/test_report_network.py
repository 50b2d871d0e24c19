"""The actor network in the HTML report: drawn from events, names escaped, left out when there is none."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from podium.actors.network import build_network
from podium.actors.records import Actor, Event
from podium.cli import main
from podium.document import Document
from podium.outputs import html, network_svg


def make_doc() -> Document:
    doc = Document("A attacked B. B accused A. C <b>met</b> A.")
    doc.actors = [
        Actor("A", "Alpha <script>", "state", mention_count=3),
        Actor("B", "Beta", "armed_group", mention_count=2),
        Actor("C", "Gamma", "person", mention_count=1),
    ]
    doc.events = [
        Event("e1", "ASSAULT", 0, [2, 10], [0, 13], source="A", target="B"),
        Event("e2", "ACCUSE", 1, [16, 23], [14, 26], source="B", target="A"),
        Event("e3", "ASSAULT", 0, [2, 10], [0, 13], source="A", target="B", negated=True),
        Event("e4", "CONSULT", 2, [30, 33], [27, 42], source="C", target=None),
    ]
    return doc


def test_layout_draws_linked_actors_only() -> None:
    picture = network_svg.layout(build_network(make_doc()))
    assert picture is not None
    assert sorted(n.id for n in picture.nodes) == ["A", "B"]  # C has no complete event
    assert sorted((e.source, e.target, e.label) for e in picture.edges) == [
        ("A", "B", "ASSAULT"),
        ("B", "A", "ACCUSE"),
    ]
    assert picture.hidden == 0
    for node in picture.nodes:
        assert 0 < node.x < picture.width and 0 < node.y < picture.height


def test_report_has_network_tables_and_escapes_names() -> None:
    out = html.render(make_doc())
    assert '<svg class="net"' in out and "Who does what to whom" in out
    assert "Alpha &lt;script&gt;" in out and "Alpha <script>" not in out
    assert out.count("<polygon") == 2


def test_no_network_section_without_events() -> None:
    assert 'svg class="net"' not in html.render(Document("Nothing happens here."))


def test_side_option_reaches_meta(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("We will defend our borders.")
    result = CliRunner().invoke(
        main, ["analyze", str(path), "-f", "json", "--only", "quantity", "--side", "Iran"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["meta"]["extras"]["speaker_side"] == "Iran"
