"""Screenshots of the main pages of ``podium serve`` for the README, taken in Debian's headless Chromium.

    .venv/bin/python scripts/screenshots.py [--out docs]

Starts a server on 127.0.0.1 with a fresh SQLite database in a temporary folder, imports two made-up
fact-checks (one restating a claim of the bundled sample, so "checked before" shows), analyses the
bundled sample through the API, reviews one claim, then saves ``web-analyze.png``, ``web-document.png``,
``web-claims.png``, ``web-claim.png``, ``web-search.png``, ``web-actor.png`` and ``web-docs.png``.
Needs /usr/bin/chromium and playwright (the test extras); downloads nothing.
"""

from __future__ import annotations

import argparse
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "speech-harbor-accord.txt"
PODIUM = [sys.executable, "-c", "from podium.cli import main; main()"]
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CHECKS = "\n".join(
    [
        "Claim,Verdict,URL,Date,Claimant,Publisher,Language",
        "\"Nearly 40 percent of the population of Valdoria's eastern provinces has been displaced, says "
        'the UN refugee agency.",Mostly True,https://checks.example/valdoria-displaced,2025-10-20,'
        "Adrian Kovelis,Example Checkers,en",
        '"The port of Port Selin handles more cargo than ever.",False,https://checks.example/port-selin,'
        "2025-09-02,,Example Checkers,en",
        "",
    ]
)


def serve(tmp: Path) -> tuple[subprocess.Popen[bytes], str]:
    db, log = tmp / "screens.db", tmp / "server.log"
    (tmp / "checks.csv").write_text(CHECKS, encoding="utf-8")
    subprocess.run([*PODIUM, "factchecks", "import", str(tmp / "checks.csv"), "--db", str(db)], check=True)
    command = [*PODIUM, "serve", "--db", str(db), "--port", "0", "--factchecks", str(db)]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=out)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and process.poll() is None:
        found = re.search(r"serving (http://127\.0\.0\.1:\d+)/", log.read_text(errors="replace"))
        if found:
            return process, found.group(1)
        time.sleep(0.2)
    process.kill()
    sys.exit(f"the server did not start:\n{log.read_text(errors='replace')}")


def prepare(url: str) -> tuple[int, int]:
    """The sample stored and one claim reviewed; returns (document id, reviewed claim id)."""
    with httpx.Client(base_url=url, timeout=600) as client:
        response = client.post(
            "/api/analyze",
            files={"file": (SAMPLE.name, SAMPLE.read_bytes(), "text/plain")},
            data={"speakers": "Adrian Kovelis", "date": "2025-10-14"},
        )
        response.raise_for_status()
        document_id = int(response.headers["x-podium-document-id"])
        claims = client.get("/api/claims", params={"document": document_id}).json()["claims"]
        matched = [c for c in claims if c["matches"]] or claims
        claim_id = matched[0]["claim_id"]
        client.patch(
            f"/api/claims/{claim_id}",
            json={
                "status": "checked",
                "verdict": "mostly_true",
                "reviewer": "Desk editor",
                "review_url": "https://checks.example/valdoria-displaced",
                "note": "The UNHCR figure is for the two eastern provinces only.",
            },
        ).raise_for_status()
        client.patch(f"/api/claims/{claims[0]['claim_id']}", json={"status": "to_check"})
        client.patch(f"/api/claims/{claims[-1]['claim_id']}", json={"status": "not_worth_checking"})
    return document_id, claim_id


def shoot(url: str, out: Path, document_id: int, claim_id: int) -> list[Path]:
    from playwright.sync_api import sync_playwright

    shots = {
        "web-analyze.png": ("/", None),
        "web-document.png": (f"/documents/{document_id}", None),
        "web-claims.png": ("/claims", None),
        "web-claim.png": (f"/claims/{claim_id}", None),
        "web-search.png": ('/search?q="eastern provinces" OR refugees', None),
        "web-actor.png": ("/actors/new%3Avaldoria", None),
        "web-docs.png": ("/docs", None),
    }
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for name, (path, popup) in shots.items():
            page.goto(url + path)
            page.wait_for_load_state("load")
            if popup:
                target = page.locator(f"#text .hl-{popup}").first
                target.scroll_into_view_if_needed()
                target.click()
                page.evaluate("window.scrollBy(0, -200)")
            page.screenshot(path=str(out / name))
            written.append(out / name)
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="podium-screens-") as tmp:
        process, url = serve(Path(tmp))
        try:
            document_id, claim_id = prepare(url)
            for path in shoot(url, args.out, document_id, claim_id):
                print(f"wrote {path} ({path.stat().st_size:,} bytes)")
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(60)


if __name__ == "__main__":
    main()
