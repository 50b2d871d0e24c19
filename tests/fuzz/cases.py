"""Hostile inputs for every reader, built from plain random choices (shared by the tests and the campaign).

A ``Case`` is the bytes of one input, the suffix it arrives with, the reader it aims at and the user
options (title, speakers, date, side, language, size limit, output format). ``make_case(rng)`` draws one
from a ``random.Random``; the hypothesis tests draw the same structure through ``st.randoms`` plus their
own text strategies, so both explore the same space. Each builder makes a well-formed file of its kind
from hostile text; ``mangle`` then damages some of them at the byte level.

``run_case`` is the property: reading, analysing and rendering a case gives a result or a ``PodiumError``
with a catalogue code, never another exception.
"""

from __future__ import annotations

import codecs
import io
import random
import zipfile
from dataclasses import dataclass, field
from typing import Any

READERS = ("txt", "html", "docx", "pdf", "srt", "vtt", "checkthat", "transcript", "stdin")
ENCODINGS = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "cp1252",
    "latin-1",
    "koi8-r",
    "shift_jis",
    "gb18030",
    "iso-8859-7",
    "mac-roman",
)
FORMATS = ("json", "csv", "md", "html", "graphml")
#: Analysers cheap enough to run on thousands of inputs (rules only, no spaCy model).
CHEAP = ["quantity", "time", "hedge", "attribution", "citation", "claim_type"]

WORDS = [
    "The",
    "minister",
    "said",
    "that",
    "3,000",
    "people",
    "were",
    "killed",
    "in",
    "Gaza",
    "last",
    "year",
    ".",
    "We",
    "will",
    "never",
    "accept",
    "this",
    "aggression",
    ".",
    "According",
    "to",
    "the",
    "UN",
    ",",
    "1.5",
    "million",
    "refugees",
    "fled",
    "since",
    "2011",
    ".",
    "Mr.",
    "Smith",
    "of",
    "the",
    "U.S.",
    "warned",
    ":",
    "everyone",
    "knows",
    "the",
    "truth",
    "!",
    "Iran",
    "and",
    "Israel",
    "signed",
    "nothing",
    "in",
    "October",
    ".",
    "Perhaps",
    "40%",
    "of",
    "them",
    ",",
    "over",
    "$5bn",
    "a",
    "day",
    ",",
    "will",
    "double",
    "by",
    "2030",
    ".",
    "Resolution",
    "242",
    "and",
    "Article",
    "51",
    "of",
    "the",
    "Charter",
    ".",
    "75",
    "years",
    "ago",
    ",",
    "three",
    "decades",
    ",",
    "the",
    "past",
    "forty",
    "years",
    "or",
    "so",
    ",",
    "John",
    "3:16",
    ",",
    "surah",
    "2:190",
    ".",
]

HOSTILE = [
    "=SUM(A1:A9)",
    "+1",
    "-2+3",
    "@cmd",
    "\t=1",
    "\r=1",
    "<script>alert(1)</script>",
    "<b>bold</b>",
    "&amp;",
    "&#0;",
    "]]>",
    "<!--",
    '"',
    "'",
    "\\",
    "\x00",
    "\x01",
    "\x07",
    "\x1b[31m",
    "\x0b",
    "\x0c",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\u200b",
    "\u202e",
    "\U0001f600",
    "e\u0301",
    "\ufb01",
    "İ",
    "ß",
    "Σ",
    "ﬀ",
    "1" + "0" * 320,
    "1e999",
    "9" * 5000,
    "3000 years ago",
    "in the year 0",
    "10000 years from now",
    "0001-01-01",
    "9999-12-31",
    "February 30, 2021",
    "a thousand thousand million billion trillion",
    "---",
    "# Title",
    "Home > News > Story",
    "NAME: ",
    "PRESIDENT: ",
    "1\tSPEAKER\ttext",
    "00:00:01,000 --> 00:00:02,000",
    "WEBVTT",
    "-->",
    "%PDF-",
    "PK\x03\x04",
    "\n\n\n",
    "\r\n",
    "\r",
    " " * 50,
    "a" * 3000,
    "(((((((((",
    "Mr. Mr. Mr.",
    "U.S.A.",
    "...",
    "…",
    "“",
    "”",
    "’",
    "—",
    "\u0627\u0644\u0633\u0644\u0627\u0645",
    "Ω≈ç√∫",
    "¹²³",
    "٣٤٥",
]


@dataclass
class Case:
    """One fuzz input: its bytes, the suffix it comes with, the reader aimed at, and the user options."""

    reader: str
    data: bytes
    suffix: str
    options: dict[str, Any] = field(default_factory=dict)
    fmt: str = "json"

    def describe(self) -> str:
        return f"{self.reader} {self.suffix or '-'} {len(self.data)} bytes {self.options} -f {self.fmt}"


def hostile_text(rng: random.Random, pieces: int | None = None) -> str:
    """Speech-like words mixed with hostile pieces and random code points."""
    out: list[str] = []
    for _ in range(pieces if pieces is not None else rng.randint(0, 40)):
        roll = rng.random()
        if roll < 0.6:
            out.append(rng.choice(WORDS))
        elif roll < 0.85:
            out.append(rng.choice(HOSTILE))
        else:
            out.append(_random_chars(rng))
        out.append(rng.choice((" ", " ", " ", "\n", "\n\n", "", "\t")))
    return "".join(out)


def _random_chars(rng: random.Random) -> str:
    chars = []
    for _ in range(rng.randint(1, 8)):
        top = rng.choice((0x80, 0x800, 0x10000, 0x110000))
        point = rng.randrange(top)
        if 0xD800 <= point < 0xE000:  # a lone surrogate cannot be in a decoded file
            point = 0xFFFD
        chars.append(chr(point))
    return "".join(chars)


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def txt_file(text: str, encoding: str) -> bytes:
    return encode(text, encoding)


def html_file(text: str, title: str, rng: random.Random) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n") if rng.random() < 0.9)
    wrappers = (
        f"<!doctype html><html><head><title>{title}</title><meta charset='utf-8'></head>"
        f"<body><nav>Home</nav><article><h1>{title}</h1>{paragraphs}</article></body></html>",
        f"<html><body>{text}</body></html>",
        f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'></head>"
        f"<body><main>{paragraphs}</main></body></html>",
        f"<!doctype html><html><body><table><tr><td>{text}</td></tr></table><script>{text}</script>",
    )
    return rng.choice(wrappers).encode(rng.choice(("utf-8", "cp1252", "utf-16")), errors="replace")


def docx_file(paragraphs: list[str], title: str, rng: random.Random) -> bytes:
    """A minimal .docx written with zipfile: content types, relationships, the document, core properties."""
    body = "".join(
        f"<w:p>{_style(rng)}<w:r><w:t xml:space='preserve'>{_xml(p)}</w:t></w:r></w:p>" for p in paragraphs
    )
    if rng.random() < 0.3:
        body += f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{_xml(title)}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    document = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
        "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
        f"<w:body>{body}</w:body></w:document>"
    )
    core = (
        "<?xml version='1.0' encoding='UTF-8'?><cp:coreProperties "
        "xmlns:cp='http://schemas.openxmlformats.org/package/2006/metadata/core-properties' "
        "xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:dcterms='http://purl.org/dc/terms/' "
        "xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'>"
        f"<dc:title>{_xml(title)}</dc:title><dc:creator>{_xml(title[:20])}</dc:creator>"
        f"<dcterms:created xsi:type='dcterms:W3CDTF'>{rng.choice(('2024-01-02T00:00:00Z', '0000', 'x'))}"
        "</dcterms:created></cp:coreProperties>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
        z.writestr("docProps/core.xml", core)
    return out.getvalue()


def _style(rng: random.Random) -> str:
    return rng.choice(
        ("", "", "<w:pPr><w:pStyle w:val='Heading1'/></w:pPr>", "<w:pPr><w:pStyle w:val='Title'/></w:pPr>")
    )


_XML_BAD = {c: None for c in [*range(0, 9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF]}


def _xml(text: str) -> str:
    return text.translate(_XML_BAD).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_CONTENT_TYPES = (
    "<?xml version='1.0' encoding='UTF-8'?>"
    "<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>"
    "<Default Extension='rels' ContentType='application/vnd.openxmlformats-package.relationships+xml'/>"
    "<Default Extension='xml' ContentType='application/xml'/>"
    "<Override PartName='/word/document.xml' "
    "ContentType='application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'/>"
    "<Override PartName='/docProps/core.xml' "
    "ContentType='application/vnd.openxmlformats-package.core-properties+xml'/></Types>"
)
_RELS = (
    "<?xml version='1.0' encoding='UTF-8'?>"
    "<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
    "<Relationship Id='rId1' Target='word/document.xml' "
    "Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument'/>"
    "<Relationship Id='rId2' Target='docProps/core.xml' "
    "Type='http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties'/>"
    "</Relationships>"
)


def pdf_file(lines: list[str], title: str) -> bytes:
    """A minimal one-page PDF with a Helvetica text layer (latin-1 text), correct xref offsets."""
    ops = ["BT", "/F1 11 Tf", "72 720 Td", "14 TL"]
    for line in lines:
        ops.append(f"({_pdf_string(line)}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1", errors="replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Title ("
        + _pdf_string(title).encode("latin-1", errors="replace")
        + b") /CreationDate (D:20240102) >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>"
    out += f"trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _pdf_string(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace("(", "\\(")
        .replace(")", "\\)")
        .replace("\n", " ")
        .replace("\r", " ")
    )


def subtitle_file(cues: list[str], vtt: bool, rng: random.Random) -> bytes:
    parts = ["WEBVTT\n\n"] if vtt else []
    clock = 0
    for number, cue in enumerate(cues, 1):
        start, clock = clock, clock + rng.randint(-500, 5000)
        sep = "." if vtt else ","
        stamp = f"{_clock(start, sep)} --> {_clock(clock, sep)}"
        parts.append(
            f"{number}\n{stamp}\n{cue}\n\n" if not vtt or rng.random() < 0.5 else f"{stamp}\n{cue}\n\n"
        )
    return "".join(parts).encode("utf-8", errors="replace")


def _clock(ms: int, sep: str) -> str:
    ms = abs(ms)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}{sep}{ms % 1000:03d}"


def checkthat_file(rows: list[tuple[str, str, str]], rng: random.Random) -> bytes:
    lines = []
    for i, (speaker, text, label) in enumerate(rows, 1):
        number = rng.choice((str(i), str(i), str(i), "9" * rng.choice((19, 400, 5000)), "x", "-1"))
        text = text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
        speaker = speaker.replace("\t", " ").replace("\n", " ").replace("\r", " ")
        cells = [number, speaker, text] + ([label] if label else [])
        lines.append("\t".join(cells) if rng.random() < 0.95 else text)
    return "\n".join(lines).encode("utf-8", errors="replace")


def transcript_file(turns: list[tuple[str, str]], encoding: str) -> bytes:
    return encode("\n\n".join(f"{name}: {text}" for name, text in turns), encoding)


def mangle(data: bytes, rng: random.Random) -> bytes:
    """Byte-level damage: truncation, flipped bytes, inserted or deleted runs."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not data:
            break
        roll = rng.random()
        at = rng.randrange(len(data))
        if roll < 0.3:
            del data[at:]
        elif roll < 0.6:
            data[at] = rng.randrange(256)
        elif roll < 0.8:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        else:
            del data[at : at + rng.randint(1, 64)]
    return bytes(data)


def options(rng: random.Random) -> dict[str, Any]:
    """User options as the CLI passes them to ``podium.analyze`` (surrogates as from undecodable argv)."""
    out: dict[str, Any] = {}
    values = ["", "Ann", "\udcff\udcfe", "\ud800x", "<b>x</b>", "=cmd", "a" * 300, "\x00\x1b", "Iran", "NATO"]
    for key in ("title", "side", "language"):
        if rng.random() < 0.3:
            out[key] = rng.choice(values)
    if rng.random() < 0.3:
        out["speakers"] = [rng.choice(values) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.4:
        out["date"] = rng.choice(
            (
                "2024-12-11",
                "0001-01-01",
                "9999-12-31",
                "1999",
                "2024-02-30",
                "yesterday",
                "",
                "99999-01-01",
                "\udcff",
                "12/11/2024",
                "1970-01-01",
            )
        )
    return out


def make_case(rng: random.Random, reader: str | None = None, extra: str = "") -> Case:
    """One random case for ``reader`` (any reader by default), with ``extra`` text mixed into its text."""
    reader = reader or rng.choice(READERS)
    text = hostile_text(rng)
    if extra:
        cut = rng.randint(0, len(text))
        text = text[:cut] + extra + text[cut:]
    title = hostile_text(rng, rng.randint(0, 4))
    if reader in ("txt", "stdin"):
        data, suffix = txt_file(text, rng.choice(ENCODINGS)), rng.choice((".txt", ".md", "", ".tsv"))
    elif reader == "html":
        data, suffix = html_file(text, title, rng), rng.choice((".html", ".htm", ""))
    elif reader == "docx":
        data, suffix = docx_file(text.split("\n"), title, rng), ".docx"
    elif reader == "pdf":
        data, suffix = pdf_file(text.split("\n"), title), ".pdf"
    elif reader in ("srt", "vtt"):
        cues = [hostile_text(rng, rng.randint(0, 8)) for _ in range(rng.randint(0, 8))]
        data, suffix = subtitle_file(cues, reader == "vtt", rng), "." + reader
    elif reader == "checkthat":
        rows = [
            (
                rng.choice(("TRUMP", "CLINTON", "", "Q")),
                hostile_text(rng, rng.randint(0, 10)),
                rng.choice(("", "0", "1")),
            )
            for _ in range(rng.randint(1, 30))
        ]
        data, suffix = checkthat_file(rows, rng), ".tsv"
    else:
        turns = [
            (
                rng.choice(("SMITH", "Ms. Jones", "MODERATOR", "Note", "A B C D E")),
                hostile_text(rng, rng.randint(0, 10)),
            )
            for _ in range(rng.randint(1, 12))
        ]
        data, suffix = transcript_file(turns, rng.choice(ENCODINGS)), rng.choice((".txt", ""))
    if rng.random() < 0.15:
        data = mangle(data, rng)
    opts = options(rng)
    if rng.random() < 0.1:
        opts["max_bytes"] = rng.choice((1, 10, 100, 1000, len(data), max(1, len(data) - 1), 2**63))
    return Case(reader, data, suffix, opts, rng.choice(FORMATS))


def bom_variants(text: str) -> list[bytes]:
    """``text`` in every Unicode form podium detects by its BOM."""
    return [codecs.BOM_UTF8 + text.encode("utf-8"), text.encode("utf-16"), text.encode("utf-32")]
