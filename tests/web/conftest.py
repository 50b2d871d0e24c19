"""Real ``podium serve`` processes for the web tests: on 127.0.0.1, a free port, a temporary SQLite
database, one analysis worker; one server without a token (most tests) and one with a token and a
short analysis time limit. Also the bundled sample stored once, and Debian's Chromium."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import SAMPLE

#: The upload limit the test servers run with (small, so an over-limit file is cheap to make).
MAX_BYTES = 200_000
TOKEN = "test-token-5b1d0c"
#: The podium command, run by this Python.
PODIUM = [sys.executable, "-c", "from podium.cli import main; main()"]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class Server:
    url: str
    db: Path
    log: Path
    process: subprocess.Popen[bytes]

    def client(self, **kwargs: Any) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=300, **kwargs)


def start_server(tmp: Path, *extra: str) -> Server:
    db, log = tmp / "web.db", tmp / "server.log"
    env = {**os.environ, "PODIUM_HELPER": "0"}
    env.pop("PODIUM_TOKEN", None)
    command = [
        *PODIUM,
        "serve",
        "--db",
        str(db),
        "--port",
        "0",
        "--workers",
        "1",
        "--max-bytes",
        str(MAX_BYTES),
        *extra,
    ]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + 120
    url = None
    while time.monotonic() < deadline and process.poll() is None:
        found = re.search(r"serving (http://127\.0\.0\.1:\d+)/", log.read_text(errors="replace"))
        if found:
            url = found.group(1)
            try:
                if httpx.get(url + "/login", timeout=5).status_code == 200:
                    return Server(url, db, log, process)
            except httpx.HTTPError:
                pass
        time.sleep(0.2)
    process.kill()
    raise AssertionError(f"the server did not start ({url}):\n{log.read_text(errors='replace')}")


def stop_server(server: Server) -> None:
    server.process.send_signal(signal.SIGTERM)
    try:
        server.process.wait(30)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(10)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("web"))
    yield running
    stop_server(running)


@pytest.fixture(scope="session")
def token_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("web-token"), "--token", TOKEN, "--timeout", "0.5")
    yield running
    stop_server(running)


@pytest.fixture(scope="session")
def stored(server: Server) -> dict[str, Any]:
    """The bundled sample analysed through the API: its document id and JSON."""
    with server.client() as client:
        data = SAMPLE.read_bytes()
        response = client.post(
            "/api/analyze",
            files={"file": (SAMPLE.name, data, "text/plain")},
            data={"speakers": "Adrian Kovelis", "date": "2025-10-14"},
        )
    assert response.status_code == 200, response.text
    return {
        "id": int(response.headers["x-podium-document-id"]),
        "json": response.json(),
        "raw": response.text,
    }


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("PODIUM_REQUIRE_BROWSER"):
            pytest.fail("PODIUM_REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()
