"""The Markdown summary and the CSV of spans: sections, escaping, and a CSV that parses back exactly."""

from __future__ import annotations

import csv
import io
import json
import re

from podium.document import Document, Meta, Segment, Span
from podium.outputs import csv_out, markdown, render

TEXT = (
    "Home | Speeches\n\n"
    "We built 300 schools | hospitals in 2019, the Ministry said.\n"
    'He called it "a disaster", a word = outrage.\n\nThank you.'
)


def make_doc() -> Document:
    doc = Document(
        TEXT,
        Meta(title="Speech | 2019", speakers=["A. Minister"], date="2020-01-02", header=[Segment(0, 15)]),
    )
    body = TEXT.index("We built")
    s1_end = TEXT.index("\nHe called")
    doc.sentences = [
        Segment(body, s1_end),
        Segment(s1_end + 1, TEXT.index("\n\nThank")),
        Segment(len(TEXT) - 10, len(TEXT)),
    ]
    q, y, m = TEXT.index("300"), TEXT.index("2019"), TEXT.index("the Ministry")
    doc.add_spans("claim", [Span(body, s1_end, "claim", 0.9, {"type": "numeric"}, "checkworthy")])
    doc.add_spans(
        "quantity", [Span(q, q + 11, "count", None, {"unit": "schools"}), Span(q, q + 3, "number", 1.0)]
    )
    doc.add_spans("time", [Span(y, y + 4, "DATE", None, {"value": "2019"})])
    doc.add_spans(
        "attribution", [Span(m, m + 17, "said", 0.5, {"evidence": "said", "source": "the Ministry"})]
    )
    quote = TEXT.index('"a disaster"')
    doc.add_spans("technique", [Span(quote, TEXT.index(".\n\nThank"), "Loaded|Language\nmulti", 0.75)])
    doc.add_spans("hedge", [])
    return doc


def table_rows(md: str, heading: str) -> list[list[str]]:
    """The cells of the table under ``heading``, split at unescaped pipes."""
    section = md.split(heading + "\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows[2:]]


def test_markdown_has_meta_header_counts_and_a_table_per_layer() -> None:
    md = render(make_doc(), "md")
    assert md.startswith("# Speech \\| 2019\n")
    for line in (
        "- **Speakers:** A. Minister",
        "- **Date:** 2020-01-02",
        "- **Sentences:** 3",
        "- **Spans:** 6",
    ):
        assert line in md
    assert "## Kept out of the analysis" in md and "- Home \\| Speeches" in md
    counts = {row[0]: row[1] for row in table_rows(md, "## Spans per layer")}
    assert counts == {
        "claim": "1",
        "quantity": "2",
        "time": "1",
        "attribution": "1",
        "hedge": "0",
        "technique": "1",
    }
    for layer in ("claim", "quantity", "time", "attribution", "technique", "hedge"):
        assert f"## Layer: {layer}\n" in md
    assert "## Layer: hedge\n\n_No spans._" in md
    quantity = table_rows(md, "## Layer: quantity")
    assert [r[:3] for r in quantity] == [["count", "1", "—"], ["number", "1", "1.00"]]
    assert "300 schools" in quantity[0][3]


def test_markdown_escapes_pipes_newlines_and_markup_in_cells() -> None:
    doc = make_doc()
    doc.add_spans("entity", [Span(0, 4, "<b>x</b>")])
    md = markdown.render(doc)
    for row in table_rows(md, "## Layer: technique") + table_rows(md, "## Layer: claim"):
        assert len(row) == 4, row  # pipes in labels and texts do not add cells
    technique = table_rows(md, "## Layer: technique")[0]
    assert technique[0] == "Loaded\\|Language multi" and "\n" not in technique[0]
    assert "schools \\| hospitals" in table_rows(md, "## Layer: claim")[0][3]
    assert "<b>" not in md and "\\<b\\>x\\</b\\>" in md
    assert markdown.escape("a|b\nc `d` *e*") == "a\\|b c \\`d\\` \\*e\\*"


def test_markdown_of_a_document_without_spans() -> None:
    md = markdown.render(Document("Nothing to see."))
    assert "_No spans in this document._" in md and "## Layer:" not in md and "Kept out" not in md


def test_csv_parses_back_one_row_per_span() -> None:
    doc = make_doc()
    rows = list(csv.DictReader(io.StringIO(render(doc, "csv"))))
    assert tuple(rows[0]) == csv_out.CSV_COLUMNS
    assert len(rows) == sum(len(spans) for spans in doc.spans.values()) == 6
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        assert row["text"] == doc.text[start:end]
        assert isinstance(json.loads(row["attrs"]), dict)
    by_label = {r["label"]: r for r in rows}
    assert by_label["count"]["score"] == "" and float(by_label["number"]["score"]) == 1.0
    assert json.loads(by_label["said"]["attrs"]) == {"evidence": "said", "source": "the Ministry"}
    assert by_label["said"]["attrs"] == '{"evidence":"said","source":"the Ministry"}'  # compact
    assert by_label["claim"]["source"] == "checkworthy" and by_label["claim"]["layer"] == "claim"
    assert "\n" in by_label["Loaded|Language\nmulti"]["label"]  # quoted fields keep newlines


def test_csv_of_a_document_without_spans_is_just_the_header() -> None:
    assert csv_out.render(Document("Nothing.")) == ",".join(csv_out.CSV_COLUMNS) + "\n"


def test_markdown_lists_ranked_claims_escaped() -> None:
    from podium.claims import build_claims
    from podium.document import Document, Segment, Span
    from podium.outputs import markdown

    text = "We built 40 | schools. It rained. Prices rose *10%* in 2024."
    doc = Document(text)
    rained, prices = text.index("It rained"), text.index("Prices")
    doc.sentences = [Segment(0, rained - 1), Segment(rained, prices - 1), Segment(prices, len(text))]
    doc.claims = build_claims(doc, [Span(0, rained - 1, "claim", 0.4), Span(prices, len(text), "claim", 0.8)])
    out = markdown.render(doc)
    section = out.split("## Claims to check (top 2 of 2)")[1].split("##")[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert rows[0].startswith("| 1 | 0.80 | Prices rose \\*10%\\* in 2024.")
    assert rows[1].startswith("| 2 | 0.40 | We built 40 \\| schools.")
    assert all(row.count(" | ") == 4 for row in rows)
