"""``podium serve`` in Debian's headless Chromium: paste a speech and see its report, review a claim,
search and land on the sentence, pasted markup shown and never run, an over-limit upload refused on the
page, and a server with a token asking for it. Console errors fail every test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLE
from tests.web.conftest import MAX_BYTES, TOKEN, Server

pytestmark = pytest.mark.browser
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="alert(document.cookie)">'


class Tab:
    """A page that records console errors, uncaught exceptions and dialogs."""

    def __init__(self, browser: Any) -> None:
        self.page = browser.new_page(viewport={"width": 1200, "height": 900})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))


@pytest.fixture
def tab(browser: Any) -> Iterator[Tab]:
    opened = Tab(browser)
    yield opened
    opened.page.close()


def _analyse(tab: Tab, server: Server, text: str, speaker: str = "") -> None:
    page = tab.page
    page.goto(server.url + "/")
    page.fill("#text", text)
    if speaker:
        page.fill("input[name=speakers]", speaker)
    page.click("#analyze-form button[type=submit]")
    page.wait_for_url("**/documents/*", timeout=240_000)
    page.wait_for_selector("#text")


def test_paste_the_sample_and_see_claims_and_a_technique_popup(
    tab: Tab, server: Server, tmp_path: Path
) -> None:
    _analyse(tab, server, SAMPLE.read_text(encoding="utf-8"), "Adrian Kovelis")
    page = tab.page
    assert page.locator(".claims-table tbody tr").count() > 3
    assert page.locator(".claims-table").is_visible()
    technique = page.locator("#text .hl-technique").first
    technique.scroll_into_view_if_needed()
    technique.click()
    popup = page.locator("#popup")
    assert popup.is_visible() and "technique" in popup.inner_text()
    assert page.locator("nav.app-nav").is_visible()
    page.screenshot(path=str(tmp_path / "document.png"))
    assert (tmp_path / "document.png").stat().st_size > 10_000
    assert tab.errors == [] and tab.dialogs == []


def test_mark_a_claim_checked_with_a_verdict_and_it_persists(
    tab: Tab, server: Server, stored: dict[str, Any]
) -> None:
    page = tab.page
    page.goto(f"{server.url}/claims?document={stored['id']}")
    rows = page.locator(".claims-review tbody tr")
    assert rows.count() == len(stored["json"]["claims"])
    row = rows.nth(2)
    claim_text = row.locator(".claim-link").inner_text()
    row.locator(".claim-link").click()
    page.check("input[name=status][value=checked]")
    page.select_option("#verdict", "mostly_false")
    page.fill("input[name=reviewer]", "Reviewer One")
    page.fill("textarea[name=note]", "Figure is from 2019, not this year.")
    page.click("#review-form button[type=submit]")
    assert page.locator(".saved").is_visible()
    page.reload()
    assert page.locator("input[name=status][value=checked]").is_checked()
    assert page.locator("#verdict").input_value() == "mostly_false"
    assert page.locator("textarea[name=note]").input_value() == "Figure is from 2019, not this year."
    assert "Reviewer One" in page.locator(".history").inner_text()
    page.goto(f"{server.url}/claims?status=checked")
    assert claim_text in page.locator(".claims-review").inner_text()
    assert tab.errors == []


def test_search_finds_a_phrase_and_opens_the_document_at_the_sentence(
    tab: Tab, server: Server, stored: dict[str, Any]
) -> None:
    data = stored["json"]
    sentence = next(s for s in data["sentences"] if len(data["text"][s["start"] : s["end"]].split()) > 8)
    index = data["sentences"].index(sentence)
    phrase = " ".join(data["text"][sentence["start"] : sentence["end"]].split()[2:6])
    page = tab.page
    page.goto(server.url + "/search")
    page.fill("input[name=q]", f'"{phrase}"')
    page.click("form.search button[type=submit]")
    hit = page.locator(f'ol.hits a.hit[href="/documents/{stored["id"]}/at/{sentence["start"]}"]')
    assert hit.count() == 1 and hit.locator("mark").count() >= 1
    hit.click()
    page.wait_for_url(f"**/documents/{stored['id']}#s{index}")
    target = page.locator(f"#s{index}")
    assert phrase.split()[0] in target.inner_text()
    assert page.evaluate("document.querySelector(':target').id") == f"s{index}"
    assert tab.errors == []


def test_pasted_markup_is_shown_as_text_and_runs_nothing(tab: Tab, server: Server) -> None:
    text = (
        "The minister said 40 villages were shelled last winter, according to the UN. "
        f"Critics posted {SCRIPT} and {IMG} on the ministry's website on Monday."
    )
    _analyse(tab, server, text, f"Speaker {IMG}")
    page = tab.page
    assert page.evaluate("window.__pwned") is None
    body = page.locator("#text").inner_text()
    assert SCRIPT in body and IMG in body
    assert page.locator("#text img, #text script, .facts img").count() == 0
    assert IMG in page.locator(".facts").inner_text()
    page.goto(server.url + "/search?q=" + "ministry")
    assert page.locator("ol.hits img, ol.hits script").count() == 0
    page.goto(server.url + "/documents")
    assert page.evaluate("window.__pwned") is None
    assert tab.errors == [] and tab.dialogs == []


def test_an_over_limit_upload_shows_the_error(tab: Tab, server: Server) -> None:
    page = tab.page
    page.goto(server.url + "/")
    big = b"This line is far too long for the limit. " * (MAX_BYTES // 40 + 100)
    page.set_input_files("#file", {"name": "too-big.txt", "mimeType": "text/plain", "buffer": big})
    with page.expect_response(lambda r: r.url.endswith("/analyze")) as answer:
        page.click("#analyze-form button[type=submit]")
    assert answer.value.status == 413
    error = page.locator("#form-error")
    assert error.is_visible() and "E005" in error.inner_text() and "too-big.txt" in error.inner_text()
    assert str(MAX_BYTES) in error.inner_text()
    assert "Traceback" not in page.content()
    assert [e for e in tab.errors if "413" not in e] == []  # Chromium logs the failed status itself


def test_a_server_with_a_token_asks_for_it(tab: Tab, token_server: Server) -> None:
    page = tab.page
    page.goto(token_server.url + "/claims")
    assert page.url.startswith(token_server.url + "/login")
    page.fill("input[name=token]", "not the token")
    page.click("form.login button[type=submit]")
    assert "not right" in page.locator(".error").inner_text()
    page.fill("input[name=token]", TOKEN)
    page.click("form.login button[type=submit]")
    page.wait_for_url(token_server.url + "/claims")
    assert page.locator("h1").inner_text().startswith("Claims review")
    page.click("nav.app-nav .logout button")
    page.goto(token_server.url + "/documents")
    assert page.url.startswith(token_server.url + "/login")
    assert [e for e in tab.errors if "401" not in e] == []
