"""Every crash found by hand or by the fuzz campaign, kept as a test: a result or a catalogue error.

Each test names what used to happen (a traceback, a wrong exit code, a swallowed error) and checks the
behaviour now, through the real library or the real command.
"""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from podium.analyze import analyze
from podium.cli import main
from podium.errors import PodiumError
from podium.ingest import from_bytes, is_url, load
from podium.ingest.url import fetch
from podium.outputs import render
from tests.fuzz.cases import Case
from tests.fuzz.harness import cheap_pipeline, check_output, run_case

REPO = Path(__file__).resolve().parents[2]
PODIUM = [sys.executable, "-c", "from podium.cli import main; main()"]


def _stdin(text: str | bytes, **meta: object) -> object:
    data = text.encode() if isinstance(text, str) else text
    return analyze("-", cheap_pipeline(), stdin=io.BytesIO(data), **meta)  # type: ignore[arg-type]


def _cli(*args: str, cwd: Path = REPO, stdin: bytes = b"") -> Result:
    """The real command, in this process (click's runner), run from ``cwd``."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), input=stdin)
    finally:
        os.chdir(old)


# --- numbers and times (OverflowError, ValueError: year out of range) ---------------------------------


@pytest.mark.parametrize("number", ["1" + "0" * 320, "1e999", "9" * 400 + " million", "1" + "0" * 320 + "th"])
def test_huge_numbers_are_left_unresolved(number: str) -> None:
    doc = _stdin(f"The debt is {number} dollars, and 40 schools were built.")
    values = [s.attrs.get("value") for s in doc.layer("quantity")]  # type: ignore[attr-defined]
    assert 40 in values
    check_output(render(doc, "json"), "json")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("date", "text"),
    [
        ("0001-01-01", "It happened 3000 years ago, and last year, and in the past forty years."),
        ("9999-12-31", "Next year, and 3000 years from now, and in the next decade."),
        (None, "It happened 3000000 years ago."),
    ],
)
def test_times_outside_the_calendar_stay_unresolved(date: str | None, text: str) -> None:
    doc = _stdin(text, date=date)
    times = doc.layer("time")  # type: ignore[attr-defined]
    assert times and any(not t.attrs.get("resolved", True) for t in times)


# --- meta values and file names with undecodable bytes (UnicodeEncodeError, a 0-byte .tmp left) ---------


def test_surrogates_in_meta_options_are_replaced(tmp_path: Path) -> None:
    """Undecodable bytes in the real command line (argv), in every meta option at once."""
    source = tmp_path / "speech.txt"
    source.write_text("We will build 40 schools.")
    out = tmp_path / "out.json"
    bad = os.fsencode("\udcffbad")
    cmd = [*PODIUM, "analyze", str(source), "--only", "quantity", "-f", "json", "-o", str(out), "-q"]
    options = [
        part for option in (b"--title", b"--speaker", b"--side", b"--language") for part in (option, bad)
    ]
    env = {**os.environ, "PODIUM_HELPER": "0"}
    result = subprocess.run([*map(os.fsencode, cmd), *options], env=env, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr
    assert out.read_text().count("\ufffdbad") >= 3  # title, speaker and language; U+FFFD each
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "speech.txt"]


def test_an_undecodable_input_file_name(tmp_path: Path) -> None:
    name = os.fsdecode(b"speech-\xff.txt")
    (tmp_path / name).write_text("We will build 40 schools.")
    for fmt in ("json", "html", "md", "csv", "graphml"):
        doc = analyze(str(tmp_path / name), cheap_pipeline())
        check_output(render(doc, fmt), fmt)
    result = _cli("analyze", name, "--only", "quantity", "-f", "json", "-o", "out.json", "-q", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "\ufffd" in (tmp_path / "out.json").read_text()


# --- options --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "code"), [("nan", 2), ("inf", 0), ("1e300", 0), ("-1", 2), ("0", 0)])
def test_timeout_values(value: str, code: int, tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("We will build 40 schools.")
    result = _cli("analyze", "s.txt", "--only", "quantity", "-f", "json", "--timeout", value, cwd=tmp_path)
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("value", [str(2**63), str(2**64 + 1), "99999999999999999999999"])
def test_huge_max_bytes_is_clamped(value: str, tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("We will build 40 schools.")
    for source in ("s.txt", "-"):
        args = ("analyze", source, "--only", "quantity", "-f", "json", "--max-bytes", value)
        result = _cli(*args, cwd=tmp_path, stdin=b"We will build 40 schools.")
        assert result.exit_code == 0, result.output


def test_a_300_character_output_name_is_e202(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("We will build 40 schools.")
    result = _cli(
        "analyze", "s.txt", "--only", "quantity", "-f", "json", "-o", "a" * 300 + ".json", cwd=tmp_path
    )
    assert result.exit_code == 5 and "[E202]" in result.stderr and result.stderr.count("\n") == 1


def test_a_300_character_input_name_is_e001(tmp_path: Path) -> None:
    result = _cli("analyze", "a" * 300 + ".txt", "--only", "quantity", cwd=tmp_path)
    assert result.exit_code == 3 and "[E001]" in result.stderr
    result = _cli("checkworthy", "--checkthat", "a" * 300 + ".tsv", "-o", "out", cwd=tmp_path)
    assert result.exit_code == 3 and "[E001]" in result.stderr


# --- CheckThat! ------------------------------------------------------------------------------------------


def test_a_checkthat_line_number_with_5000_digits_is_e012() -> None:
    rows = ["1\tA\tWe will build.", "9" * 5000 + "\tA\tThey said so.", "3\tB\tNo."]
    with pytest.raises(PodiumError) as info:
        from_bytes("\n".join(rows).encode(), "debate.tsv", ".tsv")
    assert info.value.code == "E012" and info.value.fields["line"] == 2


def test_a_bad_row_in_the_first_50_lines_is_e012_not_prose() -> None:
    rows = [f"{i}\tSPEAKER\tLine {i} of the debate." for i in range(1, 40)]
    rows[10] = "this row lost its tabs"
    with pytest.raises(PodiumError) as info:
        from_bytes("\n".join(rows).encode(), "debate.tsv", ".tsv")
    assert info.value.code == "E012" and info.value.fields["line"] == 11


# --- text -------------------------------------------------------------------------------------------------


def test_a_nul_byte_after_20000_characters_is_e004() -> None:
    with pytest.raises(PodiumError) as info:
        from_bytes(b"We will rebuild. " * 2000 + b"\x00 more", "late.txt", ".txt")
    assert info.value.code == "E004"


def test_max_bytes_beyond_memory_reads_in_chunks() -> None:
    """Found by the campaign: ``--max-bytes 2**63`` made a buffer of that size (MemoryError)."""
    for reader, suffix in (("stdin", ""), ("txt", ".txt")):
        case = Case(reader, b"We will build 40 schools.", suffix, {"max_bytes": 2**63}, "md")
        assert run_case(case) == "ok"


def test_error_messages_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(PodiumError) as info:
        load(str(tmp_path / "two\nlines\x1b[31m.txt"))
    assert info.value.code == "E001" and "\n" not in str(info.value) and "\x1b" not in str(info.value)


# --- URLs -------------------------------------------------------------------------------------------------

PAGE = b"<html><head><title>Speech</title></head><body><article><p>" + b"We will build 40 schools. " * 20
PAGE += b"</p></article></body></html>"


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/gzip":
            self._send(gzip.compress(PAGE), {"Content-Encoding": "gzip"})
        elif self.path == "/deflate":
            self._send(zlib.compress(PAGE), {"Content-Encoding": "deflate"})
        elif self.path == "/gzip-bomb":
            self._send(gzip.compress(b"<p>" + b"a" * 5_000_000), {"Content-Encoding": "gzip"})
        elif self.path == "/brotli":
            self._send(b"\x1b\x00", {"Content-Encoding": "br"})
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
        else:
            self._send(PAGE, {})

    def _send(self, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.mark.parametrize("path", ["/gzip", "/deflate"])
def test_compressed_bodies_are_inflated(server: str, path: str) -> None:
    body, hint = fetch(server + path, max_bytes=100_000)
    assert body == PAGE and hint == ".html"


def test_a_compressed_body_cannot_expand_past_the_limit(server: str) -> None:
    with pytest.raises(PodiumError) as info:
        fetch(server + "/gzip-bomb", max_bytes=100_000)
    assert info.value.code == "E005"


def test_an_unknown_content_encoding_is_e010(server: str) -> None:
    with pytest.raises(PodiumError) as info:
        fetch(server + "/brotli", max_bytes=100_000)
    assert info.value.code == "E010"


def test_an_upper_case_scheme_is_a_url(server: str) -> None:
    address = server.replace("http://", "HTTP://")
    assert is_url(address) and is_url("HtTpS://example.org")
    doc = load(address + "/page")
    assert "We will build 40 schools." in doc.text


def test_a_redirect_loop_is_one_line(server: str) -> None:
    with pytest.raises(PodiumError) as info:
        fetch(server + "/loop", max_bytes=100_000)
    assert info.value.code == "E010" and "\n" not in str(info.value)


def test_a_slow_drip_meets_the_download_deadline(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(PodiumError) as info:
        fetch(server + "/drip", max_bytes=100_000, timeout=0.5)  # deadline: 3 x 0.5 s; the drip takes 20 s
    assert info.value.code == "E010"
    assert time.monotonic() - started < 15  # a generous bound: it no longer waits for the whole drip


# --- found by the campaign ------------------------------------------------------------------------------


def test_a_docx_needing_an_unknown_zip_version_is_e009() -> None:
    """Campaign seed 21, case 470: a damaged byte in 'version needed to extract' (23.8) raised
    NotImplementedError from zipfile."""
    import random
    import struct

    from tests.fuzz.cases import docx_file

    data = bytearray(docx_file(["We will rebuild."], "Title", random.Random(0)))
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 6, 238)
    with pytest.raises(PodiumError) as info:
        from_bytes(bytes(data), "odd.docx", ".docx")
    assert info.value.code == "E009"


def test_a_said_cue_followed_by_no_words_is_no_crash() -> None:
    """Campaign seed 22, cases 2913 and 6099: ', said .' after a noun phrase of symbols raised IndexError in
    the attribution grammar (an empty phrase after the cue)."""
    from podium.anatomy.attributions import find_attributions

    text = "… will  넷ᗺ Article 評  @\U000a747d겏髇\U000a66af \nx\tCLINTON\t,  said ."
    assert isinstance(find_attributions(text), list)
    assert run_case(Case("checkthat", f"1\tA\t{text}\n2\tB\tWe will.".encode(), ".tsv", {}, "json")) in (
        "ok",
        "E012",
    )
