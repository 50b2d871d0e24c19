"""The HTML report in headless Chromium: highlights, layer toggles, the detail popup, and no script injection.

Uses Debian's chromium at /usr/bin/chromium (never a downloaded browser); skipped only where it is missing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from podium.claims import build_claims
from podium.document import Document, Meta, Segment, Span, Turn
from podium.outputs import html

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TRANSPARENT = "rgba(0, 0, 0, 0)"
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'


def make_doc() -> Document:
    text = (
        "Press release | Ministry\n\n"
        "MINISTER: Unemployment fell to 4.2 percent in March, Statistics Norway reported.\n"
        f"Critics wrote {SCRIPT} and {IMG} on the ministry website.\n\n"
        "HOST: Thank you, Minister Hansen."
    )
    p1, p2 = text.index("MINISTER"), text.index("HOST")
    t1, t2 = p1 + len("MINISTER: "), p2 + len("HOST: ")
    doc = Document(text, Meta(title="Briefing", speakers=["Minister", "Host"], header=[Segment(0, 24)]))
    doc.paragraphs = [Segment(p1, p2 - 2), Segment(p2, len(text))]
    s1_end = text.index("reported.") + len("reported.")
    doc.sentences = [Segment(t1, s1_end), Segment(s1_end + 1, p2 - 2), Segment(t2, len(text))]
    doc.turns = [Turn(t1, p2 - 2, "Minister"), Turn(t2, len(text), "Host")]
    pct, sn, hansen = text.index("4.2 percent"), text.index("Statistics Norway"), text.index("Hansen")
    evil_start, evil_end = text.index(SCRIPT), text.index(IMG) + len(IMG)
    doc.add_spans("claim", [Span(t1, s1_end, "claim", 0.87, {"type": "numeric"})])
    doc.add_spans("quantity", [Span(pct, pct + 11, "percent", 0.95, {"value": 4.2})])
    doc.add_spans(
        "entity",
        [Span(sn, sn + 17, "ORG", None, {"evidence": "gazetteer"}), Span(hansen, hansen + 6, "PERSON")],
    )
    doc.add_spans("citation", [Span(evil_start, evil_end, "quoted-markup", 0.5, {"note": SCRIPT})])
    doc.add_spans("hedge", [])
    doc.claims = build_claims(doc, [*doc.layer("claim"), Span(s1_end + 1, p2 - 2, "claim", 0.41)])
    return doc


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("PODIUM_REQUIRE_BROWSER"):  # set by scripts/test.sh, which installs it
            pytest.fail("PODIUM_REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def report(browser: Any, tmp_path: Path) -> Iterator[tuple[Any, list[str]]]:
    path = tmp_path / "report.html"
    path.write_text(html.render(make_doc()), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    yield page, errors
    page.close()


def background(page: Any, selector: str) -> str:
    return page.eval_on_selector(selector, "el => getComputedStyle(el).backgroundColor")


def test_highlights_render_and_toggle(report: tuple[Any, list[str]], tmp_path: Path) -> None:
    page, errors = report
    entities = page.locator("#text .hl-entity")
    assert entities.count() == 2
    assert entities.first.is_visible()
    assert background(page, "#text .hl-entity") != TRANSPARENT
    claim_only = "#text .hl-claim:not(.hl-entity):not(.hl-quantity)"
    claim_colour = background(page, claim_only)
    assert claim_colour not in (TRANSPARENT, background(page, "#text .hl-entity"))

    page.uncheck('input[data-layer="entity"]')
    assert background(page, "#text .hl-entity:not(.hl-claim)") == TRANSPARENT
    assert background(page, "#text .hl-entity.hl-claim") == claim_colour  # the claim under it shows through
    assert background(page, "#text .hl-quantity") != TRANSPARENT  # other layers stay on
    page.uncheck('input[data-layer="claim"]')
    assert background(page, claim_only) == TRANSPARENT
    page.check('input[data-layer="entity"]')
    page.check('input[data-layer="claim"]')
    assert background(page, "#text .hl-entity") != TRANSPARENT
    assert background(page, claim_only) == claim_colour

    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 1000
    assert errors == []


def test_clicking_or_pressing_enter_on_a_highlight_shows_its_spans(report: tuple[Any, list[str]]) -> None:
    page, errors = report
    popup = page.locator("#popup")
    assert popup.is_hidden()
    page.locator("#text .hl-entity", has_text="Statistics Norway").first.click()
    assert popup.is_visible()
    text = popup.inner_text()
    assert "entity" in text and "ORG" in text and "Statistics Norway" in text and "gazetteer" in text
    assert "claim" in text and "0.87" in text  # the claim covering the same piece is listed too
    page.keyboard.press("Escape")
    assert popup.is_hidden()

    page.locator("#text .hl-quantity").focus()
    page.keyboard.press("Enter")
    assert popup.is_visible() and "percent" in popup.inner_text() and "0.95" in popup.inner_text()
    page.mouse.click(5, 5)
    assert popup.is_hidden()

    page.uncheck('input[data-layer="claim"]')  # spans of hidden layers leave the popup
    page.locator("#text .hl-entity", has_text="Statistics Norway").first.click()
    assert "ORG" in popup.inner_text() and "claim" not in popup.inner_text()
    assert errors == []


def test_markup_in_the_speech_is_shown_not_run(report: tuple[Any, list[str]]) -> None:
    page, errors = report
    assert page.evaluate("window.__pwned") is None
    body = page.locator("#text").inner_text()
    assert SCRIPT in body and IMG in body
    assert page.locator("#text img").count() == 0 and page.locator("#text script").count() == 0
    page.locator("#text .hl-citation").first.click()
    popup = page.locator("#popup")
    assert SCRIPT in popup.inner_text() and IMG in popup.inner_text()
    assert page.locator("#popup img, #popup script").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".kept-out").inner_text().endswith("Press release | Ministry")
    assert errors == []


def test_turns_and_empty_layers(report: tuple[Any, list[str]]) -> None:
    page, errors = report
    badges = page.eval_on_selector_all(
        ".turn-start", "els => els.map(e => getComputedStyle(e, '::before').content)"
    )
    assert badges == ['"Minister"', '"Host"']
    assert page.locator('input[data-layer="hedge"]').is_disabled()
    assert page.locator(".summary").inner_text().count("no spans") == 1
    assert errors == []


def test_claims_table_ranks_and_jumps_to_the_sentence(report: tuple[Any, list[str]]) -> None:
    page, errors = report
    rows = page.locator(".claims-table tbody tr")
    assert rows.count() == 2
    first, second = rows.nth(0).inner_text(), rows.nth(1).inner_text()
    assert first.startswith("1") and "0.87" in first and "Unemployment fell" in first and "quantity" in first
    assert "0.41" in second and SCRIPT in second  # shown as text
    assert page.locator(".claims-table script, .claims-table img").count() == 0
    assert page.eval_on_selector(".claims-table .bar", "el => el.getBoundingClientRect().width") > 10
    rows.nth(1).click()
    page.wait_for_selector("#s1.flash")
    assert page.evaluate("window.__pwned") is None
    assert errors == []


def test_sentence_level_layers_start_switched_off(browser: Any, tmp_path: Path) -> None:
    doc = make_doc()
    doc.add_spans("claim_type", [Span(s.start, s.end, "other") for s in doc.sentences])
    path = tmp_path / "r.html"
    path.write_text(html.render(doc), encoding="utf-8")
    page = browser.new_page()
    page.goto(path.as_uri())
    box = page.locator('input[data-layer="claim_type"]')
    assert not box.is_checked() and box.is_enabled()
    only_type = "#text .hl-claim_type:not(.hl-claim):not(.hl-entity):not(.hl-citation)"
    assert background(page, only_type) == TRANSPARENT
    box.check()
    assert background(page, only_type) != TRANSPARENT
    page.close()
