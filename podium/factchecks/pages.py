"""Saved fact-check pages: the ClaimReviews in their ``<script type="application/ld+json">`` blocks.

lxml finds the blocks; when it cannot parse the page at all, a regular expression does. Microdata and
RDFa are not read.
"""

from __future__ import annotations

import json
import re

import lxml.etree
import lxml.html

from podium.factchecks.claimreview import collect
from podium.factchecks.records import ImportReport

_SCRIPT = re.compile(
    r"<script\b[^>]*\btype\s*=\s*[\"']?\s*application/ld\+json\b[^>]*>(.*?)</script\s*>", re.I | re.S
)
_WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")


def ld_json_blocks(page: str) -> list[str]:
    """The text of every ld+json script block of an HTML page, in page order."""
    try:
        root = lxml.html.document_fromstring(page)
    except (lxml.etree.ParserError, ValueError):
        return [m.group(1) for m in _SCRIPT.finditer(page)]
    blocks = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").split(";")[0].strip().lower()
        if kind == "application/ld+json":
            blocks.append(script.text or "")
    return blocks


def read_page(page: str, where: str, report: ImportReport) -> None:
    """Add the ClaimReviews of a page to ``report``; a page without any is one skip."""
    blocks = ld_json_blocks(page)
    read = 0
    for n, block in enumerate(blocks, 1):
        place = f"{where} script {n}"
        text = _WRAPPERS.sub("", block.strip())
        if not text.strip():
            continue
        try:
            data = json.loads(text, strict=False)
        except RecursionError:
            report.skip(place, "ld+json nested too deeply")
            read += 1
            continue
        except ValueError as err:
            report.skip(place, f"malformed ld+json: {err}")
            read += 1
            continue
        read += collect(data, place, report)
    if not read:
        report.skip(where, "no ClaimReview in the page" if blocks else "no ld+json block in the page")
