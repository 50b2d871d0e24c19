"""PDF reader: text layer, page offsets, metadata, and the E008/E009 failures, on PDFs built by hand."""

from __future__ import annotations

import io
from bisect import bisect_right

import pytest
from pypdf import PdfReader, PdfWriter

from podium.errors import PodiumError
from podium.ingest import pdf


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str] | None], info: dict[str, str] | None = None) -> bytes:
    """A minimal valid PDF: one page per entry, each line drawn in Helvetica; ``None`` = no content stream."""
    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree number is known
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids: list[int] = []
    for lines in pages:
        content = ""
        if lines is not None:
            shown = " T* ".join(f"({_escape(line)}) Tj" for line in lines)
            stream = f"BT /F1 12 Tf 14 TL 72 720 Td {shown} ET".encode("latin-1")
            content_obj = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
            content = f" /Contents {content_obj} 0 R"
        kids.append(
            add(
                (
                    f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 612 792] "
                    f"/Resources << /Font << /F1 {font} 0 R >> >>{content} >>"
                ).encode()
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    kid_refs = " ".join(f"{k} 0 R" for k in kids)
    objects[pages_obj - 1] = f"<< /Type /Pages /Kids [{kid_refs}] /Count {len(kids)} >>".encode()
    info_ref = ""
    if info:
        entries = " ".join(f"/{key} ({_escape(value)})" for key, value in info.items())
        info_ref = f" /Info {add(f'<< {entries} >>'.encode('latin-1'))} 0 R"

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R{info_ref} >>\n"
    out.write(trailer.encode() + b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


PAGE_ONE = ["The harbour will reopen in spring.", "We have hired forty new pilots."]
PAGE_TWO = ["Freight fees fell by a tenth last year (after the new locks)."]


def test_two_pages_with_metadata() -> None:
    data = make_pdf(
        [PAGE_ONE, PAGE_TWO],
        info={"Title": "Harbour Address", "Author": "Sam Placeholder", "CreationDate": "D:20240305093000Z"},
    )
    doc = pdf.read(data, "speech.pdf")
    assert "The harbour will reopen in spring." in doc.text
    assert "We have hired forty new pilots." in doc.text
    assert "Freight fees fell by a tenth last year (after the new locks)." in doc.text
    pages = doc.meta.extras["pages"]
    assert len(pages) == 2 and pages[0] == 0
    assert doc.text[pages[1] - 2 : pages[1]] == "\n\n"
    assert doc.text[pages[1] :].startswith("Freight fees")
    assert bisect_right(pages, doc.text.index("pilots")) - 1 == 0
    assert bisect_right(pages, doc.text.index("Freight")) - 1 == 1
    assert doc.meta.title == "Harbour Address"
    assert doc.meta.speakers == ["Sam Placeholder"]
    assert doc.meta.date == "2024-03-05"
    assert doc.meta.source == "speech.pdf"
    assert doc.meta.extras["page_count"] == 2


def test_without_metadata_meta_stays_empty() -> None:
    doc = pdf.read(make_pdf([PAGE_ONE]), "a.pdf")
    assert doc.meta.title is None and doc.meta.date is None and doc.meta.speakers == []
    assert doc.text.startswith("The harbour")


def test_empty_page_between_pages_points_at_next_text() -> None:
    doc = pdf.read(make_pdf([PAGE_ONE, None, PAGE_TWO]), "gap.pdf")
    pages = doc.meta.extras["pages"]
    assert len(pages) == 3
    assert pages[1] == pages[2]
    assert doc.text[pages[2] :].startswith("Freight fees")
    assert "\n\n\n" not in doc.text


def test_page_without_content_stream_is_e008() -> None:
    with pytest.raises(PodiumError) as info:
        pdf.read(make_pdf([None]), "scan.pdf")
    assert info.value.code == "E008"


def test_whitespace_only_pages_are_e008() -> None:
    with pytest.raises(PodiumError) as info:
        pdf.read(make_pdf([["   "], None]), "blank.pdf")
    assert info.value.code == "E008"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\nthis is not really a pdf at all\n",
        b"%PDF-1.4\n" + bytes(range(256)) * 4,
        b"%PDF",
    ],
)
def test_garbage_is_e009(data: bytes) -> None:
    with pytest.raises(PodiumError) as info:
        pdf.read(data, "broken.pdf")
    assert info.value.code == "E009"
    assert info.value.fields["kind"] == "PDF"


def test_truncated_pdf_is_e009_or_still_readable() -> None:
    data = make_pdf([PAGE_ONE, PAGE_TWO])
    with pytest.raises(PodiumError) as info:
        pdf.read(data[: len(data) // 3], "cut.pdf")
    assert info.value.code in {"E008", "E009"}


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(make_pdf([PAGE_ONE]))))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_password_protected_is_e009() -> None:
    with pytest.raises(PodiumError) as info:
        pdf.read(_encrypted("let-me-in"), "locked.pdf")
    assert info.value.code == "E009"
    assert "password" in info.value.fields["reason"]


def test_encrypted_with_empty_user_password_is_read() -> None:
    doc = pdf.read(_encrypted(""), "owner-only.pdf")
    assert "We have hired forty new pilots." in doc.text


def test_pages_are_tidied_and_normalised_before_offsets_are_taken() -> None:
    # "e" + combining acute (two code points) is one code point after NFC, so offsets must be taken after it.
    assert pdf._tidy("Cafe\u0301 one  \n\n\n\nnext ") == "Caf\u00e9 one\n\nnext"
    assert pdf._join_pages(["one", "", "two", ""]) == ("one\n\ntwo", [0, 5, 5, 8])
