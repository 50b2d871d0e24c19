"""Hostile fact-check text and URLs in the "Checked before" parts of the reports: escaped in HTML and
Markdown, formula-neutralised in CSV, linked only when http(s), every link opening safely; and the HTML
report in headless Chromium runs none of it."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from podium.claims import build_claims
from podium.document import Document, Meta, Segment, Span
from podium.outputs import render

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
QUOTED_URL = 'https://ok.example/a"onmouseover="window.__pwned=3'
HOSTILE = [
    {"claim_reviewed": f"Bridges {SCRIPT} were rebuilt", "rating": "false", "rating_original": IMG,
     "publisher": f"Desk {IMG}", "date": "2024-04-01", "url": "javascript:window.__pwned=4", "score": 0.91},
    {"claim_reviewed": "300 bridges [x](javascript:alert(1)) | pipe", "rating": "mixed",
     "rating_original": "Half true", "publisher": "**Bold** Desk", "date": None, "url": QUOTED_URL,
     "score": 0.8},
    {"claim_reviewed": "=HYPERLINK(\"http://evil.example\")", "rating": "<b>weird</b>",
     "rating_original": None, "publisher": None, "date": None,
     "url": "data:text/html,<script>window.__pwned=5</script>", "score": 0.6},
]  # fmt: skip
SAFE = {"claim_reviewed": "Rail carried twelve million", "rating": "true", "rating_original": "True",
        "publisher": "Rail Watch", "date": "2024-02-11", "url": "https://rail.example/p?a=1&b=2",
        "score": 0.7}  # fmt: skip
TEXT = "Our engineers rebuilt 300 bridges. The railway carried twelve million passengers. Thank you."


def make_doc(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> Document:
    doc = Document(TEXT, Meta(title="Harbour speech", speakers=["Alda Brenn"], date="2024-06-18"))
    ends = [TEXT.index(".") + 1, TEXT.index("passengers.") + len("passengers.")]
    doc.paragraphs = [Segment(0, len(TEXT))]
    doc.sentences = [Segment(0, ends[0]), Segment(ends[0] + 1, ends[1]), Segment(ends[1] + 1, len(TEXT))]
    spans = [Span(0, ends[0], "claim", 0.9), Span(ends[0] + 1, ends[1], "claim", 0.7)]
    doc.add_spans("claim", spans)
    doc.claims = build_claims(doc, spans)
    for claim, matches in zip(doc.claims, (first, second), strict=True):
        claim.matches = [
            {"factcheck_id": i + 1, **m, "claimant": None, "claim_date": None} for i, m in enumerate(matches)
        ]
    doc.meta.extras["factchecks"] = {"searched": 4, "threshold": 0.5}
    return doc


@pytest.fixture
def hostile() -> Document:
    return make_doc(HOSTILE, [SAFE])


def test_html_escapes_and_links_only_http(hostile: Document) -> None:
    out = render(hostile, "html")
    for raw in (SCRIPT, IMG, "<b>weird</b>"):
        assert raw not in out
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in out
    links = re.findall(r"<a\s[^>]*>", out)
    assert len(links) == 2  # the two http(s) URLs, nothing else
    for link in links:
        href = unescape(re.search(r'href="([^"]*)"', link).group(1))  # type: ignore[union-attr]
        assert href.startswith(("https://", "http://"))
        assert 'rel="noopener noreferrer"' in link and 'target="_blank"' in link
    assert not re.search(r'href="\s*(javascript|data):', out, re.I)
    assert 'onmouseover="' not in out  # the quote in the URL stayed inside the attribute
    assert "javascript:window.__pwned=4</span>" in out  # shown as text
    assert 'class="verdict r-other">Other<' in out  # an unknown rating is not a class name


def test_markdown_escapes_and_autolinks_only_http(hostile: Document) -> None:
    out = render(hostile, "md")
    section = out[out.index("## Checked before") : out.index("## Spans per layer")]
    assert not re.search(r"(?<!\\)[<\[]/?(script|img|x)", section)  # every < and [ escaped
    assert "\\<script\\>" in section and "\\*\\*Bold\\*\\* Desk" in section and "\\| pipe" in section
    assert "<https://rail.example/p?a=1&b=2>" in section
    assert "<javascript:" not in section and "<data:" not in section
    assert '<https://ok.example/a"onmouseover' in section  # an autolink: the renderer escapes the quote


def test_csv_neutralises_formula_cells(hostile: Document) -> None:
    hostile.claims[0].matches = [
        {**HOSTILE[2], "url": '=HYPERLINK("http://evil.example")', "factcheck_id": 9}
    ]
    rows = list(csv.DictReader(io.StringIO(render(hostile, "csv"))))
    claim = next(r for r in rows if r["layer"] == "claim" and r["start"] == "0")
    assert claim["checked_url"] == '\'=HYPERLINK("http://evil.example")'
    assert claim["checked_rating"] == "<b>weird</b>"  # CSV is data: kept as is, but never a formula


CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("PODIUM_REQUIRE_BROWSER"):
            pytest.fail("PODIUM_REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.mark.browser
def test_report_in_chromium_runs_nothing_and_shows_the_badges(
    browser: Any, hostile: Document, tmp_path: Path
) -> None:
    path = tmp_path / "report.html"
    path.write_text(render(hostile, "html"), encoding="utf-8")
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.locator("#checked-before a").first.hover()
    page.locator("#checked-before .url").first.hover()
    assert page.evaluate("window.__pwned") is None and not dialogs
    section = page.locator("#checked-before").inner_text()
    assert SCRIPT in section and "Rail Watch" in section and "javascript:window.__pwned=4" in section
    links = page.locator("#checked-before a")
    assert links.count() == 2
    for i in range(2):
        assert links.nth(i).get_attribute("rel") == "noopener noreferrer"
        assert links.nth(i).get_attribute("target") == "_blank"
    assert links.nth(1).get_attribute("href") == "https://rail.example/p?a=1&b=2"
    badge = page.locator(".claims-table .checked-badge").first.inner_text()
    assert badge == "Checked before · False"
    after = page.evaluate(
        "getComputedStyle(document.getElementById('s0'), '::after').getPropertyValue('content')"
    )
    assert "checked before: False" in after
    assert page.locator("#text").inner_text().startswith("Our engineers rebuilt 300 bridges.")
    page.close()
