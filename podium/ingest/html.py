"""Read an HTML page: its main text (via trafilatura) and its title, date and author.

Decodes the bytes (BOM, then the ``<meta charset>`` / ``http-equiv`` declaration, then UTF-8, then
cp1252), hands the page to trafilatura in precision mode, and rebuilds the text from trafilatura's
XML body so that every block (paragraph, heading, list item, quoted paragraph) becomes one paragraph,
separated by a blank line. Navigation, breadcrumbs, share links, footers, comments and tables are
left out by trafilatura. Heading positions go into ``meta.extras["headings"]``.

It does not fetch pages (see ``url.py``), does not split sentences or paragraphs into ``Segment``
objects, and does not decide which leading lines are a page header rather than speech.
"""

from __future__ import annotations

import codecs
import copy
import re
from typing import Any

import trafilatura
from lxml.etree import _Element
from trafilatura.settings import set_date_params
from trafilatura.xml import xmltotxt

from podium.document import Document, Meta, normalise_text
from podium.errors import PodiumError
from podium.ingest.blocks import join_blocks

#: How far into the page an encoding declaration is looked for (the HTML standard says 1024 bytes;
#: real pages put long scripts first, so look a little further).
_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
#: Once the page is text its XML declaration is void (lxml refuses a str that carries one).
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Labels that browsers treat as another encoding (WHATWG Encoding Standard).
_ENCODING_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252"}

_NAVIGATION_XPATH = ["//nav", "//*[@role='navigation']"]
#: trafilatura XML elements that hold other blocks and are split into their blocks.
_BLOCK_TAGS = frozenset({"p", "head", "list", "item", "quote", "code", "div", "table", "row", "cell", "note"})
_BLANK_LINES = re.compile(r"[ \t]*\n[\s]*")
_SPACES = re.compile(r"[^\S\n]+")


def read(data: bytes, path: str) -> Document:
    """The main text of the HTML page ``data`` with its metadata; E007 when there is no main text."""
    html = _XML_DECLARATION.sub("", decode_html(data), count=1)
    lowered = html[:_SNIFF_BYTES].lower()
    if "<html" not in lowered and "<body" not in lowered:
        # trafilatura rejects a bare fragment ("<p>..</p>") as not-quite-HTML; give it a frame.
        html = f"<html><body>{html}</body></html>"
    is_url = path.startswith(("http://", "https://"))
    result = trafilatura.bare_extraction(
        html,
        url=path if is_url else None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        # Precision mode: the balanced mode "rescues" short extractions (< MIN_EXTRACTED_SIZE, 250
        # characters) with a whole-page baseline that drags share links and bylines into the text,
        # and returns the link text of navigation-only pages as if it were an article.
        favor_precision=True,
        # No extensive date search: it takes dates from running text and copyright lines
        # ("(c) 2023" became 2023-01-01). Meta tags, <time>, JSON-LD and date bylines still count.
        date_extraction_params=set_date_params(False),
        # Menus are never speech; dropping them first keeps a nav-only page from passing as text.
        prune_xpath=_NAVIGATION_XPATH,
    )
    if result is None or result.body is None:
        raise PodiumError("E007", path=path)

    blocks = _blocks(result.body)
    if not any(any(ch.isalnum() for ch in text) for _, text in blocks):
        raise PodiumError("E007", path=path)

    text, ranges = join_blocks([block for _, block in blocks])
    headings = [
        {"start": start, "end": end}
        for (start, end), (tag, _) in zip(ranges, blocks, strict=True)
        if tag == "head"
    ]

    extras: dict[str, Any] = {"format": "html", "headings": headings}
    for key in ("sitename", "description", "url", "hostname", "language"):
        value = getattr(result, key, None)
        if value:
            extras[key] = value
    meta = Meta(
        title=_clean(result.title),
        date=result.date or None,
        speakers=_authors(result.author),
        source=path,
        extras=extras,
    )
    return Document(text, meta)


def decode_html(data: bytes) -> str:
    """The page as text: BOM, then the declared charset (XML declaration or ``<meta>``), UTF-8, cp1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    candidates = []
    declared = _declared_encoding(data)
    if declared:
        candidates.append(declared)
    candidates += ["utf-8", "cp1252"]
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    # cp1252 leaves five bytes undefined; latin-1 maps every byte.
    return data.decode("latin-1")


def _declared_encoding(data: bytes) -> str | None:
    match = _XML_ENCODING.match(data[:_SNIFF_BYTES]) or _META_CHARSET.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    label = match.group(1).decode("ascii", errors="replace").lower()
    label = _ENCODING_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A declaration readable as ASCII cannot be UTF-16/32: the page is lying; ignore it.
    return None if name.startswith(("utf-16", "utf-32")) else name


def _blocks(body: _Element) -> list[tuple[str, str]]:
    """(tag, text) for every block of trafilatura's XML body, nested blocks flattened in order."""
    out: list[tuple[str, str]] = []
    _collect(body, out)
    return [(tag, text) for tag, text in out if text]


def _collect(elem: _Element, out: list[tuple[str, str]]) -> None:
    if elem.text and elem.text.strip():
        out.append(("p", _tidy(elem.text)))
    for child in elem:
        tag = str(child.tag)
        if any(d.tag in _BLOCK_TAGS for d in child.iterdescendants()):
            _collect(child, out)
        else:
            out.append((tag, _render(child)))
        if child.tail and child.tail.strip():
            out.append(("p", _tidy(child.tail)))


def _render(elem: _Element) -> str:
    """The text of one block without markup; ``<lb/>`` stays a single line break."""
    single = copy.deepcopy(elem)
    single.tail = None
    if single.tag == "item":
        # xmltotxt renders a lone item as a Markdown bullet; we want the words only.
        single.tag = "p"
    return _tidy(xmltotxt(single, False))


def _tidy(text: str) -> str:
    """Collapse runs of spaces and blank lines inside a block; a block never holds a blank line."""
    text = normalise_text(text)
    text = _SPACES.sub(" ", text)
    return _BLANK_LINES.sub("\n", text).strip()


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(normalise_text(value).split())
    return value or None


def _authors(value: str | None) -> list[str]:
    """trafilatura joins several authors with '; '."""
    if not value:
        return []
    names = [" ".join(part.split()) for part in value.split(";")]
    return list(dict.fromkeys(name for name in names if name))
