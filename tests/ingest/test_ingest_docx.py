"""Word .docx reader: paragraphs, headings, tables, core properties, and damaged files."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import docx as python_docx
import pytest

from podium.errors import PodiumError
from podium.ingest import docx


def _save(document: object) -> bytes:
    out = io.BytesIO()
    document.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


def make_docx() -> bytes:
    document = python_docx.Document()
    document.add_heading("A Plan for the Valley", level=0)
    document.add_paragraph("Good morning, and thank you for the warm welcome.")
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.add_heading("Water", level=1)
    paragraph = document.add_paragraph("Three reservoirs were built since 2010.")
    paragraph.add_run().add_break()
    paragraph.add_run("Two more are planned.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Budget line"
    table.cell(0, 1).text = "Twelve million"
    document.add_paragraph("We will keep our word.")
    props = document.core_properties
    props.title = "Valley Speech"
    props.author = "Robin Placeholder"
    props.created = datetime(2022, 6, 1, 10, 0, tzinfo=UTC)
    return _save(document)


def test_paragraphs_headings_and_meta() -> None:
    doc = docx.read(make_docx(), "valley.docx")
    assert doc.text == (
        "A Plan for the Valley\n\n"
        "Good morning, and thank you for the warm welcome.\n\n"
        "Water\n\n"
        "Three reservoirs were built since 2010.\nTwo more are planned.\n\n"
        "Budget line\n\n"
        "Twelve million\n\n"
        "We will keep our word."
    )
    headings = doc.meta.extras["headings"]
    assert [doc.text[h["start"] : h["end"]] for h in headings] == ["A Plan for the Valley", "Water"]
    assert [h["level"] for h in headings] == [0, 1]
    assert doc.meta.title == "Valley Speech"
    assert doc.meta.speakers == ["Robin Placeholder"]
    assert doc.meta.date == "2022-06-01"
    assert doc.meta.source == "valley.docx"


def test_template_defaults_are_not_taken_as_metadata() -> None:
    document = python_docx.Document()
    document.add_paragraph("Only one line here.")
    doc = docx.read(_save(document), "plain.docx")
    assert doc.text == "Only one line here."
    assert doc.meta.speakers == [] and doc.meta.date is None and doc.meta.title is None


def test_empty_document_is_e003() -> None:
    document = python_docx.Document()
    document.add_paragraph("  ")
    with pytest.raises(PodiumError) as info:
        docx.read(_save(document), "empty.docx")
    assert info.value.code == "E003"


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04 not really a zip", b"plain text, not a docx", b""],
)
def test_damaged_is_e009(data: bytes) -> None:
    with pytest.raises(PodiumError) as info:
        docx.read(data, "bad.docx")
    assert info.value.code == "E009"
    assert info.value.fields["kind"] == "Word .docx"


def test_zip_without_word_parts_is_e009() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    with pytest.raises(PodiumError) as info:
        docx.read(out.getvalue(), "zip.docx")
    assert info.value.code == "E009"


def test_truncated_docx_is_e009() -> None:
    data = make_docx()
    with pytest.raises(PodiumError) as info:
        docx.read(data[: len(data) // 2], "cut.docx")
    assert info.value.code == "E009"


def test_old_binary_doc_is_e009_with_advice() -> None:
    with pytest.raises(PodiumError) as info:
        docx.read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old.doc")
    assert info.value.code == "E009"
    assert ".docx" in info.value.fields["reason"]
