"""The neutrality audit's HTML page in headless Chromium: styled under its Content-Security-Policy, worst
cases first, and no markup from an input runs. Built from a hand-made report (no model)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from podium.audit.report import html_page

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
ARGS += ["--disable-sync", "--no-first-run"]
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'


def change(n: float, text: str) -> dict[str, Any]:
    return {
        "analyser": "techniques",
        "document": "a.txt",
        "sentence": 1,
        "original": f"Israel {text}",
        "twin": f"Iran {text}",
        "kind": "score",
        "change": n,
        "before": {"Loaded_Language": 0.5},
        "after": {"Loaded_Language": 0.5 + n},
    }


def report() -> dict[str, Any]:
    section = {
        "sentences_compared": 3,
        "scored": 3,
        "max_change": 0.3,
        "over_tolerance": 2,
        "share_over_tolerance": 0.666667,
        "largest": [change(0.3, f"said {SCRIPT}."), change(0.05, f"wrote {IMG}.")],
        "label_changes_count": 1,
        "label_changes": [{**change(1.0, "lied."), "kind": "label", "before": [], "after": ["Doubt"]}],
        "extent_changes_count": 0,
        "extent_changes": [],
    }
    return {
        "schema": "podium.audit.neutrality/1",
        "tolerance": 0.02,
        "pairs": 48,
        "documents": [
            {
                "document": f"speech{SCRIPT}.txt",
                "title": None,
                "sentences": 3,
                "aligned": 3,
                "swaps": 3,
                "swapped_names": ["Israel"],
                "rhetoric": {"compared": True, "changes": [], "own_rows_skipped": 1},
            }
        ],
        "sentences": 3,
        "swaps": 3,
        "analysers": {"techniques": section},
        "rhetoric_changes": 0,
        "passed": False,
        "seconds": 1.0,
    }


def test_the_page_is_styled_ordered_and_inert(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        if os.environ.get("PODIUM_REQUIRE_BROWSER"):
            pytest.fail("PODIUM_REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    path = tmp_path / "audit.html"
    path.write_text(html_page(report()), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.goto(path.as_uri())
        verdict = page.locator(".verdict")
        assert verdict.inner_text().startswith("Not neutral: 1 label changes, 2 score changes")
        colour = page.eval_on_selector(".verdict", "el => getComputedStyle(el).backgroundColor")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent")  # the style ran under the CSP
        rows = page.locator("table").nth(1).locator("tr")
        assert rows.nth(1).inner_text().startswith("0.3000")  # worst first
        assert SCRIPT in page.locator("body").inner_text()  # shown as text
        assert page.evaluate("window.__pwned") is None
        page.screenshot(path=str(tmp_path / "audit.png"), full_page=True)
        assert (tmp_path / "audit.png").stat().st_size > 1000
        assert errors == []
        browser.close()
