"""Limits that hold: the timeout ends the whole run (helper and workers included), a killed podium takes
its children with it, readers cannot swallow the timeout, and compressed inputs cannot expand past
``--max-bytes``. Real subprocesses, real files; time is only used as a generous bound for polling."""

from __future__ import annotations

import contextlib
import io
import os
import random
import signal
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from podium.errors import PodiumError
from podium.ingest import from_bytes
from podium.timelimit import time_limit
from tests.fuzz.cases import docx_file

REPO = Path(__file__).resolve().parent.parent
PODIUM = [sys.executable, "-c", "from podium.cli import main; main()"]
linux_only = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads children from /proc")


def _children(pid: int) -> set[int]:
    """The direct children of ``pid`` (Linux /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found.update(int(c) for c in (task / "children").read_text().split())
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _gone_within(pids: set[int], seconds: float) -> set[int]:
    """The pids still alive after polling for up to ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = {p for p in pids if _alive(p)}
        if not alive:
            return set()
        time.sleep(0.1)
    return {p for p in pids if _alive(p)}


def _long_speech(tmp_path: Path, name: str = "long.txt", copies: int = 80) -> Path:
    path = tmp_path / name
    path.write_text(((REPO / "samples" / "speech-harbor-accord.txt").read_text() + "\n\n") * copies)
    return path


def _start(args: list[str], env_helper: str = "1") -> subprocess.Popen[bytes]:
    env = {**os.environ, "PODIUM_HELPER": env_helper}
    cmd = [*PODIUM, "analyze", *args, "-q"]
    return subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_children(process: subprocess.Popen[bytes], count: int, seconds: float = 120) -> set[int]:
    """Wait until ``process`` has at least ``count`` spawned children running Python; return them."""
    deadline = time.monotonic() + seconds
    seen: set[int] = set()
    while time.monotonic() < deadline and process.poll() is None:
        for child in _children(process.pid):
            try:
                cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
            except OSError:
                continue
            if b"spawn_main" in cmdline:
                seen.add(child)
        if len(seen) >= count:
            return seen
        time.sleep(0.1)
    pytest.fail(f"podium did not start {count} helper/worker processes (saw {seen}, rc {process.poll()})")


@pytest.mark.slow
@linux_only
def test_timeout_ends_the_run_and_its_helper(tmp_path: Path) -> None:
    source = _long_speech(tmp_path)
    process = _start([str(source), "-f", "json", "-o", str(tmp_path / "out.json"), "--timeout", "4"])
    helpers = _wait_for_children(process, 1)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 3
    assert err.decode().count("\n") == 1 and "[E015]" in err.decode()
    assert not _gone_within(helpers, 5)
    assert not (tmp_path / "out.json").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["long.txt"]


@pytest.mark.slow
@linux_only
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_killing_podium_kills_its_helper(tmp_path: Path, sig: signal.Signals) -> None:
    source = _long_speech(tmp_path)
    process = _start([str(source), "-f", "json", "-o", str(tmp_path / "out.json"), "--timeout", "0"])
    helpers = _wait_for_children(process, 1)
    process.send_signal(sig)
    process.communicate(timeout=60)
    assert process.returncode != 0
    assert not _gone_within(helpers, 5)


@pytest.mark.slow
@linux_only
def test_killing_a_batch_kills_its_workers(tmp_path: Path) -> None:
    sources = [str(_long_speech(tmp_path, f"s{i}.txt", 40)) for i in range(4)]
    process = _start([*sources, "-f", "json", "-o", str(tmp_path / "out"), "-j", "2"], env_helper="0")
    workers = _wait_for_children(process, 2)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert not _gone_within(workers, 5)


def _slow_pdf(pages: int = 400, lines: int = 60) -> bytes:
    """A real PDF whose text layer takes pypdf a while to extract (many pages of many text lines).

    Objects: 1 catalog, 2 page tree, 3 font, then for page i its content 4 + 2i and the page 5 + 2i."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (5 + 2 * i) for i in range(pages)) + b"] "
        b"/Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for page in range(pages):
        ops = " ".join(f"(Line {n} of page {page}: words.) Tj T*" for n in range(lines))
        stream = f"BT /F1 10 Tf 40 780 Td 12 TL {ops} ET".encode()
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (4 + 2 * page)
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # see the finaliser test
def test_the_pdf_reader_lets_the_timeout_through() -> None:
    data = _slow_pdf()
    with pytest.raises(PodiumError) as info, time_limit(0.3, "slow.pdf"):
        from_bytes(data, "slow.pdf", ".pdf")
    assert info.value.code == "E015"


def test_the_slow_pdf_is_a_real_pdf() -> None:
    doc = from_bytes(_slow_pdf(pages=3, lines=2), "ok.pdf", ".pdf")
    assert "Line 1 of page 2" in doc.text and doc.meta.extras["page_count"] == 3


def _docx_with(extra: dict[str, bytes]) -> bytes:
    base = docx_file(["We will rebuild the harbour."], "Title", random.Random(0))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        for name, content in extra.items():
            dst.writestr(name, content)
    return out.getvalue()


def test_a_docx_expanding_past_the_limit_is_refused_by_its_declared_sizes() -> None:
    data = _docx_with({"word/media/image1.png": b"\0" * 30_000_000})
    assert len(data) < 100_000
    with pytest.raises(PodiumError) as info:
        from_bytes(data, "bomb.docx", ".docx", max_bytes=20_000_000)
    assert info.value.code == "E016"
    assert from_bytes(data, "bomb.docx", ".docx", max_bytes=40_000_000).text == "We will rebuild the harbour."


def _lie_about_size(data: bytes, name: bytes, declared: int) -> bytes:
    """Rewrite the uncompressed size of member ``name`` in its local header and the central directory."""
    out = bytearray(data)
    for signature, name_at, size_at in ((b"PK\x03\x04", 26, 22), (b"PK\x01\x02", 28, 24)):
        start = 0
        while (at := out.find(signature, start)) != -1:
            length = struct.unpack_from("<H", out, at + name_at)[0]
            header = 30 if signature == b"PK\x03\x04" else 46
            if bytes(out[at + header : at + header + length]) == name:
                struct.pack_into("<I", out, at + size_at, declared)
            start = at + 4
    return bytes(out)


def test_a_docx_part_holding_more_than_it_declares_is_refused() -> None:
    data = _lie_about_size(_docx_with({"word/media/big.bin": b"\0" * 30_000_000}), b"word/media/big.bin", 100)
    with pytest.raises(PodiumError) as info:
        from_bytes(data, "liar.docx", ".docx")
    assert info.value.code in ("E009", "E016")


@linux_only
def test_a_docx_bomb_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    """Declared sizes that lie (100 bytes for 200 MB of zeros) are caught by the bounded reader, which
    never holds more than a chunk; the process grows by far less than the part."""
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(
        _lie_about_size(_docx_with({"word/media/a.bin": b"\0" * 200_000_000}), b"word/media/a.bin", 100)
    )
    script = (
        "import resource, sys\n"
        "from podium.ingest import load\n"
        "from podium.errors import PodiumError\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n"
        "    load(sys.argv[1], max_bytes=1 << 40)\n"
        "except PodiumError as err:\n"
        "    print(err.code)\n"
        "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) // 1024)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(bomb)], capture_output=True, text=True, cwd=REPO, check=True
    )
    code, grown_mb = result.stdout.split()
    assert code == "E009"
    assert int(grown_mb) < 100


@pytest.mark.slow
@linux_only
def test_a_worker_killed_mid_batch_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    sources = [str(_long_speech(tmp_path, f"s{i}.txt", 40)) for i in range(4)]
    process = _start([*sources, "-f", "json", "-o", str(tmp_path / "out"), "-j", "2"], env_helper="0")
    workers = _wait_for_children(process, 2)
    os.kill(sorted(workers)[0], signal.SIGKILL)  # as the out-of-memory killer would
    _, err = process.communicate(timeout=300)
    text = err.decode()
    assert process.returncode == 3 and "[E017]" in text and "Traceback" not in text
    assert not _gone_within(workers, 5)


def _run_single_threaded(script: str) -> subprocess.CompletedProcess[str]:
    """Run a Python ``script`` in a fresh interpreter with one BLAS thread (so a matrix product stays in
    native code for a while)."""
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=600, env=env
    )


def test_the_hard_stop_ends_a_run_stuck_in_native_code() -> None:
    """A large matrix product in BLAS does not return to Python for the signal handler to run; the CLI's
    hard stop still ends the process with E015 shortly after the limit, its work unfinished."""
    script = (
        "import numpy as np\n"
        "from podium.timelimit import hard_stop, time_limit\n"
        "a = np.ones((6000, 6000))\n"
        "with hard_stop(), time_limit(0.5, 'stuck.txt'):\n"
        "    for _ in range(20):\n"
        "        a @ a\n"
        "print('finished')\n"
    )
    result = _run_single_threaded(script)
    assert result.returncode == 3 and "finished" not in result.stdout
    assert result.stderr.count("\n") == 1 and "[E015]" in result.stderr


def _in_a_thread(work: object) -> list[object]:
    """Run ``work()`` in a thread that is not the main one (as a Dask worker runs a task); what it raised
    or returned, and anything raised after it (a stray expiry would surface there)."""
    import threading

    out: list[object] = []

    def run() -> None:
        try:
            out.append(work())  # type: ignore[operator]
        except BaseException as exc:  # the test inspects whatever came out
            out.append(exc)
        try:
            time.sleep(0.6)  # past the limit: nothing may be raised here
            out.append("quiet after")
        except BaseException as exc:
            out.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    assert not thread.is_alive()
    return out


def test_the_time_limit_holds_in_a_thread_that_is_not_the_main_one() -> None:
    def busy() -> str:
        with time_limit(0.2, "slow.txt"):
            while True:  # pure Python: the expiry is delivered at the next instruction
                sum(range(1000))
        return "not reached"

    out = _in_a_thread(busy)
    assert isinstance(out[0], PodiumError) and out[0].code == "E015"
    assert "slow.txt" in str(out[0])
    assert out[1] == "quiet after"


def test_a_block_that_ends_in_time_in_a_thread_leaves_no_expiry_behind() -> None:
    def quick() -> str:
        with time_limit(0.3, "quick.txt"):
            total = sum(range(1000))
        return f"done {total}"

    out = _in_a_thread(quick)
    assert out == ["done 499500", "quiet after"]


def test_the_hard_stop_ends_with_the_cli_run_that_asked_for_it(tmp_path: Path) -> None:
    """A single-input CLI run with --timeout asks for the hard stop; a library caller in the same process
    afterwards (as a test suite or a notebook is) gets only the soft stop: E015 once Python runs again,
    the process alive. It once stayed on and ended a whole pytest run with status 3."""
    source = tmp_path / "short.txt"
    source.write_text("The port handled 300 ships in 2023, the minister said.\n")
    script = (
        "import numpy as np\n"
        "from click.testing import CliRunner\n"
        "from podium.cli import main\n"
        "from podium.errors import PodiumError\n"
        "from podium.timelimit import time_limit\n"
        f"result = CliRunner().invoke(main, ['analyze', {str(source)!r}, '-f', 'json', '--timeout', '60'])\n"
        "assert result.exit_code == 0, result.output\n"
        "a = np.ones((3000, 3000))\n"
        "try:\n"
        "    with time_limit(0.2, 'stuck.txt'):\n"
        "        for _ in range(12):\n"
        "            a @ a\n"
        "except PodiumError as error:\n"
        "    print('soft stop', error.code)\n"
    )
    result = _run_single_threaded(script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "soft stop E015"


class _SlowFinaliser:
    """An object whose finaliser runs for half a second: a timer signal arriving then raises inside
    ``__del__``, where Python reports the exception as unraisable and goes on."""

    def __del__(self) -> None:
        end = time.monotonic() + 0.5
        while time.monotonic() < end:
            pass


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_an_expiry_lost_in_a_finaliser_still_ends_the_block() -> None:
    """Seen in a full run: SIGALRM landed in a SQLAlchemy weakref callback, the exception was dropped and
    the slow PDF was read to the end without E015."""
    with pytest.raises(PodiumError) as info, time_limit(0.1, "slow.txt"):
        _SlowFinaliser()
    assert info.value.code == "E015"
