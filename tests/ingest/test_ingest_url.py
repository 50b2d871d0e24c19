"""URL fetching against a local http.server: body and hint, HTTP errors, limits, schemes, timeouts."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from podium.errors import PodiumError
from podium.ingest.url import fetch, suffix_hint

#: User-Agent headers the test server saw, cleared for each test.
SEEN_AGENTS: list[str | None] = []
PAGE = b"<html><head><title>Test</title></head><body><p>A short test page.</p></body></html>"


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, body: bytes, content_type: str | None, status: int = 200, length: bool = True) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent"))
        if self.path == "/page":
            self._send(PAGE, "text/html; charset=utf-8")
        elif self.path == "/speech.pdf":
            self._send(b"%PDF-1.4 not parsed here", "application/octet-stream")
        elif self.path == "/notes":
            self._send(b"plain words", "text/plain")
        elif self.path == "/untyped":
            self._send(b"<p>no type</p>", None)
        elif self.path == "/big":
            self._send(b"x" * 5000, "text/plain")
        elif self.path == "/big-unannounced":
            self._send(b"y" * 5000, "text/plain", length=False)
            self.close_connection = True
        elif self.path == "/exact":
            self._send(b"z" * 100, "text/plain")
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(PAGE, "text/html")
        elif self.path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/secret.txt")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/to-page":
            self.send_response(301)
            self.send_header("Location", "/page")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send(b"not here", "text/plain", status=404)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    SEEN_AGENTS.clear()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_html_page_body_and_hint(server: str) -> None:
    body, hint = fetch(f"{server}/page", max_bytes=10_000)
    assert body == PAGE
    assert hint == ".html"


def test_user_agent_is_sent(server: str) -> None:
    fetch(f"{server}/page", max_bytes=10_000)
    assert SEEN_AGENTS == ["podium/0.1"]


def test_hint_from_content_type_then_url_suffix(server: str) -> None:
    assert fetch(f"{server}/notes", max_bytes=10_000)[1] == ".txt"
    assert fetch(f"{server}/speech.pdf", max_bytes=10_000)[1] == ".pdf"
    assert fetch(f"{server}/untyped", max_bytes=10_000)[1] == ".html"


def test_redirect_within_the_web_is_followed(server: str) -> None:
    body, hint = fetch(f"{server}/to-page", max_bytes=10_000)
    assert body == PAGE and hint == ".html"


def test_redirect_to_ftp_is_e010(server: str) -> None:
    with pytest.raises(PodiumError) as info:
        fetch(f"{server}/to-ftp", max_bytes=10_000)
    assert info.value.code == "E010"


def test_404_is_e010(server: str) -> None:
    with pytest.raises(PodiumError) as info:
        fetch(f"{server}/missing", max_bytes=10_000)
    assert info.value.code == "E010"
    assert "404" in info.value.fields["reason"]
    assert info.value.fields["url"] == f"{server}/missing"


def test_unreachable_port_is_e010() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # the port was free a moment ago and nothing listens on it now
    with pytest.raises(PodiumError) as info:
        fetch(f"http://127.0.0.1:{port}/", max_bytes=1000, timeout=5)
    assert info.value.code == "E010"


def test_timeout_is_e010(server: str) -> None:
    with pytest.raises(PodiumError) as info:
        fetch(f"{server}/slow", max_bytes=10_000, timeout=0.3)
    assert info.value.code == "E010"


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_oversize_is_e005(server: str, path: str) -> None:
    with pytest.raises(PodiumError) as info:
        fetch(f"{server}{path}", max_bytes=1000)
    assert info.value.code == "E005"
    assert info.value.fields["limit"] == 1000


def test_body_of_exactly_the_limit_is_accepted(server: str) -> None:
    body, _ = fetch(f"{server}/exact", max_bytes=100)
    assert body == b"z" * 100


@pytest.mark.parametrize(
    "address",
    [
        "ftp://example.org/speech.txt",
        "file:///etc/passwd",
        "data:text/plain,hello",
        "example.org/page",
        "http://",
        "http://[::1",
    ],
)
def test_non_web_or_malformed_addresses_are_e010(address: str) -> None:
    with pytest.raises(PodiumError) as info:
        fetch(address, max_bytes=1000)
    assert info.value.code == "E010"


@pytest.mark.parametrize(
    ("content_type", "address", "expected"),
    [
        ("text/html; charset=ISO-8859-1", "https://x.org/a", ".html"),
        ("application/xhtml+xml", "https://x.org/a", ".html"),
        ("application/pdf", "https://x.org/a.html", ".pdf"),
        (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "https://x.org/a",
            ".docx",
        ),
        ("text/vtt", "https://x.org/a", ".vtt"),
        ("application/octet-stream", "https://x.org/files/talk.SRT?download=1", ".srt"),
        ("application/octet-stream", "https://x.org/files/Speech%20Text.docx", ".docx"),
        ("", "https://x.org/speeches/2024/remarks.htm", ".html"),
        ("", "https://x.org/speeches/2024/remarks", ".html"),
        ("application/json", "https://x.org/api/speech.php", ".html"),
    ],
)
def test_suffix_hint(content_type: str, address: str, expected: str) -> None:
    assert suffix_hint(content_type, address) == expected
