"""The REST API and the security rules of ``podium serve``, with an HTTP client against a real server
process: the analysis JSON is exactly the CLI's, errors are the CLI's messages with 4xx statuses,
reviews persist, and the guard refuses what it should (host, token, CSRF, cross-site, size)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from podium.cli import main
from tests.conftest import SAMPLE
from tests.web.conftest import MAX_BYTES, PODIUM, TOKEN, Server

PAGES = ("/", "/documents", "/claims", "/search?q=harbor", "/actors", "/docs", "/login")


def test_analyze_returns_exactly_the_cli_json(server: Server, stored: dict[str, Any]) -> None:
    cli = subprocess.run(
        [
            *PODIUM,
            "analyze",
            SAMPLE.name,
            "-f",
            "json",
            "--speaker",
            "Adrian Kovelis",
            "--date",
            "2025-10-14",
        ],
        cwd=SAMPLE.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "PODIUM_HELPER": "0"},
        check=True,
    )
    assert stored["raw"] == cli.stdout
    with server.client() as client:
        listed = client.get("/api/documents").json()
        assert stored["id"] in [d["id"] for d in listed]
        again = client.get(f"/api/documents/{stored['id']}").json()
    assert again["text"] == stored["json"]["text"] and again["claims"] == stored["json"]["claims"]


def test_a_job_reports_its_progress_until_it_is_stored(server: Server) -> None:
    text = "Unemployment fell to 5.1 percent in March, the statistics office said on Tuesday."
    with server.client() as client:
        queued = client.post("/api/analyze?wait=false", data={"text": text, "title": "Jobs"})
        assert queued.status_code == 202 and queued.headers["location"] == f"/api/jobs/{queued.json()['id']}"
        status = queued.json()
        for _ in range(600):
            status = client.get(f"/api/jobs/{status['id']}").json()
            if status["status"] in ("done", "failed"):
                break
            assert status["status"] in ("queued", "running") and 0 <= status["progress"] <= 0.95
            time.sleep(0.2)
        assert (
            status["status"] == "done" and status["progress"] == 1.0 and status["words"] == len(text.split())
        )
        document = client.get(f"/api/documents/{status['document_id']}").json()
        assert document["text"] == text and document["meta"]["title"] == "Jobs"
        assert client.get("/api/jobs/not-a-job-id").json()["error"]["code"] == "E506"


@pytest.mark.parametrize(
    ("send", "status", "code"),
    [
        ({"files": {"file": ("speech.bin", bytes(range(256)) * 4, "application/octet-stream")}}, 400, "E004"),
        ({"files": {"file": ("big.txt", b"word " * (MAX_BYTES // 5 + 10), "text/plain")}}, 413, "E005"),
        ({"data": {"text": "x" * (MAX_BYTES + 1)}}, 413, "E005"),
        ({"files": {"file": ("empty.txt", b"  \n ", "text/plain")}}, 400, "E003"),
        ({"data": {"text": "Some words.", "url": "https://example.org/"}}, 400, "E503"),
        ({"data": {"url": "ftp://example.org/speech.txt"}}, 400, "E503"),
        ({"data": {}}, 400, "E503"),
        ({"data": {"text": "Some words.", "date": "next Tuesday"}}, 400, "E014"),
        ({"json": ["not", "an", "object"]}, 400, "E503"),
    ],
)
def test_bad_input_gets_the_cli_message_and_a_4xx(
    server: Server, send: dict[str, Any], status: int, code: str
) -> None:
    with server.client() as client:
        response = client.post("/api/analyze", **send)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code and error["message"].startswith(f"[{code}]")
    assert "Traceback" not in response.text


def test_a_body_far_over_the_limit_is_refused_before_it_is_read(server: Server) -> None:
    with server.client() as client:
        response = client.post(
            "/api/analyze", content=b"x" * (MAX_BYTES + 400_000), headers={"content-type": "text/plain"}
        )
    assert response.status_code == 413 and response.json()["error"]["code"] == "E005"


def test_search_finds_a_phrase_with_offsets(server: Server, stored: dict[str, Any]) -> None:
    text = stored["json"]["text"]
    with server.client() as client:
        hits = client.get("/api/search", params={"q": '"Harbor Accord"'}).json()
        assert hits and all("Harbor Accord" in h["text"] or "Harbor" in h["snippet"] for h in hits)
        hit = next(h for h in hits if h["document_id"] == stored["id"])
        assert text[hit["start"] : hit["end"]] == hit["text"]
        bad = client.get("/api/search", params={"q": '"unbalanced'})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "E407"
        assert client.get("/api/search").status_code == 422


def test_a_claim_review_persists_and_bad_values_are_refused(server: Server, stored: dict[str, Any]) -> None:
    with server.client() as client:
        claims = client.get("/api/claims", params={"document": stored["id"]}).json()
        assert claims["total"] == len(stored["json"]["claims"])
        claim_id = claims["claims"][-1]["claim_id"]
        changed = client.patch(f"/api/claims/{claim_id}", json={"status": "to_check", "reviewer": "Ana"})
        assert changed.status_code == 200 and changed.json()["status"] == "to_check"
        done = client.patch(
            f"/api/claims/{claim_id}",
            json={"status": "checked", "verdict": "mostly_true", "review_url": "https://checks.example/1"},
        ).json()
        assert (done["status"], done["verdict"], done["reviewer"]) == ("checked", "mostly_true", "Ana")
        assert len(done["history"]) == 2
        assert client.get(f"/api/claims/{claim_id}").json()["verdict"] == "mostly_true"
        for body, status, code in (
            ({"verdict": "pants on fire"}, 400, "E504"),
            ({"review_url": "javascript:alert(1)"}, 400, "E504"),
            ({"colour": "red"}, 422, "E409"),
        ):
            response = client.patch(f"/api/claims/{claim_id}", json=body)
            assert response.status_code == status and response.json()["error"]["code"] == code
        assert client.get(f"/api/claims/{claim_id}").json()["history"] == done["history"]
        assert client.get("/api/claims/999999999").json()["error"]["code"] == "E505"
        exported = client.get("/claims/export.csv").text
        assert "mostly_true" in exported and "https://checks.example/1" in exported
        jsonld = client.get("/claims/export.jsonld", params={"organisation": "Desk"}).json()
        review = next(r for r in jsonld["@graph"] if r.get("url") == "https://checks.example/1")
        assert review["@type"] == "ClaimReview" and review["reviewRating"]["ratingValue"] == 4
        assert review["author"]["name"] == "Desk" and review["creator"]["name"] == "Ana"


@pytest.mark.parametrize(
    "path",
    [
        "/documents/..%2F..%2Fetc%2Fpasswd",
        "/documents/1%20OR%201=1",
        "/api/documents/-1",
        "/claims/abc",
        "/api/claims/1;DROP",
        "/actors/..%2Fsecret",
        "/static/..%2F..%2Fapp.py",
        "/jobs/..%2F..%2Fetc",
    ],
)
def test_ids_are_validated(server: Server, path: str) -> None:
    with server.client() as client:
        response = client.get(path)
    assert response.status_code in (404, 422)
    assert "root:" not in response.text and "import" not in response.text


def test_every_response_has_the_security_headers_and_no_inline_code(
    server: Server, stored: dict[str, Any]
) -> None:
    with server.client() as client:
        for path in (*PAGES, f"/documents/{stored['id']}", "/api/documents", "/no-such-page"):
            response = client.get(path)
            assert response.headers["content-security-policy"].startswith("default-src 'self'"), path
            assert "unsafe-inline" not in response.headers["content-security-policy"]
            assert response.headers["x-content-type-options"] == "nosniff"
            if response.headers["content-type"].startswith("text/html"):
                assert not re.search(
                    r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", response.text
                ), path
                assert "<style" not in response.text and " style=" not in response.text, path
                assert not re.search(r"\son[a-z]+=", response.text), path


def test_a_document_page_is_the_report_rendered_from_the_database(
    server: Server, stored: dict[str, Any]
) -> None:
    """The served page is what rendering the stored document gives in a new process, with or without
    the start-up preparation (which reads nothing); the server says how long it took, and its CPU time."""
    from podium.corpus import Corpus
    from podium.web.rendered import RenderedPages

    with server.client() as client:
        served = client.get(f"/documents/{stored['id']}")
    assert served.status_code == 200
    assert re.fullmatch(r"app;dur=[0-9.]+, cpu;dur=[0-9.]+", served.headers["server-timing"])
    with Corpus(str(server.db)) as corpus:
        stamp = corpus.stamp(stored["id"])
        prepared = RenderedPages()
        prepared.prepare(corpus)
        fresh = RenderedPages().page(corpus, stored["id"], stamp, "", False)
        assert prepared.page(corpus, stored["id"], stamp, "", False) == fresh == served.text
    assert 'id="text"' in fresh and "claims-table" in fresh


def _csrf(client: httpx.Client, path: str) -> str:
    page = client.get(path).text
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_forms_need_their_csrf_token(server: Server, stored: dict[str, Any]) -> None:
    with server.client() as client:
        claim_id = client.get("/api/claims", params={"document": stored["id"]}).json()["claims"][0][
            "claim_id"
        ]
        refused = client.post(f"/claims/{claim_id}", data={"status": "not_worth_checking"})
        assert refused.status_code == 403 and "E509" in refused.text
        wrong = client.post(
            f"/claims/{claim_id}", data={"status": "not_worth_checking", "csrf_token": "0" * 64}
        )
        assert wrong.status_code == 403
        assert client.get(f"/api/claims/{claim_id}").json()["status"] != "not_worth_checking"
        token = _csrf(client, f"/claims/{claim_id}")
        saved = client.post(f"/claims/{claim_id}", data={"status": "not_worth_checking", "csrf_token": token})
        assert saved.status_code == 303 and saved.headers["location"] == f"/claims/{claim_id}?saved=1"
        assert client.get(f"/api/claims/{claim_id}").json()["status"] == "not_worth_checking"
        analysed = client.post("/analyze", data={"text": "A short text to analyse."})
        assert analysed.status_code == 403 and "E509" in analysed.text


def test_cross_site_writes_and_foreign_hosts_are_refused(server: Server, stored: dict[str, Any]) -> None:
    with server.client() as client:
        claim_id = client.get("/api/claims", params={"document": stored["id"]}).json()["claims"][1][
            "claim_id"
        ]
        for headers in (
            {"origin": "https://evil.example"},
            {"sec-fetch-site": "cross-site"},
            {"origin": "null"},
        ):
            response = client.patch(f"/api/claims/{claim_id}", json={"status": "checked"}, headers=headers)
            assert response.status_code == 403 and response.json()["error"]["code"] == "E509"
        assert client.get(f"/api/claims/{claim_id}").json()["status"] != "checked"
        rebound = client.get("/api/documents", headers={"host": "evil.example:8000"})
        assert rebound.status_code == 403 and rebound.json()["error"]["code"] == "E509"
        assert client.get("/api/documents", headers={"host": "localhost"}).status_code == 200


def test_with_a_token_every_request_needs_it(token_server: Server) -> None:
    with token_server.client() as client:
        page = client.get("/documents")
        assert page.status_code == 303 and page.headers["location"] == "/login?next=%2Fdocuments"
        for path in ("/api/documents", "/openapi.json", "/docs", "/report.js"):
            response = client.get(path, headers={"accept": "application/json"})
            assert response.status_code in (303, 401), path
        api = client.get("/api/documents")
        assert api.status_code == 401 and api.headers["www-authenticate"] == "Bearer"
        assert api.json()["error"]["code"] == "E510"
        assert client.get("/api/documents", headers={"authorization": "Bearer wrong"}).status_code == 401
        assert client.get("/api/documents", headers={"authorization": f"Bearer {TOKEN}"}).json() == []
        assert client.get("/static/app.css").status_code == 200
        assert client.post("/analyze", data={"text": "x"}).status_code == 401
        token = _csrf(client, "/login")
        wrong = client.post("/login", data={"token": "guess", "csrf_token": token, "next": "/documents"})
        assert (
            wrong.status_code == 401
            and "not right" in wrong.text
            and "podium_auth" not in wrong.headers.get("set-cookie", "")
        )
        signed = client.post("/login", data={"token": TOKEN, "csrf_token": token, "next": "/documents"})
        assert signed.status_code == 303 and signed.headers["location"] == "/documents"
        assert TOKEN not in signed.headers["set-cookie"] and "HttpOnly" in signed.headers["set-cookie"]
        assert client.get("/documents").status_code == 200
        away = client.post("/login", data={"token": TOKEN, "csrf_token": token, "next": "//evil.example/"})
        assert away.headers["location"] == "/"


def test_an_analysis_over_the_time_limit_is_stopped(token_server: Server) -> None:
    text = SAMPLE.read_text(encoding="utf-8") * 3
    with token_server.client(headers={"authorization": f"Bearer {TOKEN}"}) as client:
        response = client.post("/api/analyze", data={"text": text})
        assert response.status_code == 422 and response.json()["error"]["code"] == "E015"
        assert client.get("/api/documents").json() == []


def test_serve_refuses_other_hosts_without_a_token_and_a_busy_port() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["serve", "--host", "0.0.0.0"], env={"PODIUM_TOKEN": ""})
    assert result.exit_code == 2 and "E501" in result.output
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = runner.invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 2 and "E502" in result.output


def test_serve_checks_its_fact_check_archive_before_starting(tmp_path: Path) -> None:
    runner = CliRunner()
    none = str(tmp_path / "none.db")
    result = runner.invoke(main, ["serve", "--port", "0", "--db", none, "--factchecks", none])
    assert result.exit_code == 3 and "E411" in result.output
    result = runner.invoke(
        main, ["serve", "--port", "0", "--db", str(tmp_path / "a.db"), "--factchecks", none]
    )
    assert result.exit_code == 2 and "E412" in result.output
    result = runner.invoke(main, ["serve", "--port", "0", "--match-threshold", "0.7"])
    assert result.exit_code == 2 and "E409" in result.output


class _Page(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = SAMPLE.read_bytes() if self.path == "/speech.txt" else b""
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_a_url_is_read_with_the_cli_ingest_code(server: Server, stored: dict[str, Any]) -> None:
    """A local web server stands in for the site (no network in tests)."""
    site = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{site.server_address[1]}"
    try:
        with server.client() as client:
            found = client.post("/api/analyze", json={"url": f"{base}/speech.txt"})
            missing = client.post("/api/analyze", json={"url": f"{base}/gone.txt"})
    finally:
        site.shutdown()
    assert found.status_code == 200
    assert (
        found.json()["text"] == stored["json"]["text"]
        and found.json()["meta"]["source"] == f"{base}/speech.txt"
    )
    assert missing.status_code == 422 and missing.json()["error"]["code"] == "E010"
