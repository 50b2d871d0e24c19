"""``podium serve`` benchmark (issue 16): page load, the API's analysis time against the CLI's, and
concurrent analyses, on a real server process.

    python benchmarks/web.py [--sample ../shared/samples/speech-syria-2024-12.txt] [--runs 5] [--fresh 1]
                             [--only pages]

A server is started on 127.0.0.1 (a free port) with a fresh SQLite database in a temporary folder and
the default settings (``--workers`` as ``podium serve`` picks it; the technique helper as ``podium
analyze`` uses it unless ``PODIUM_HELPER=0``). Then:

1. **Page load** of the stored sample (the Syria speech, 4,256 words; the bundled sample when the shared
   folder is absent), server side: the ``Server-Timing`` header, wall time spent in the server until the
   page starts to go out, and the server process' CPU time meanwhile (on a loaded machine, wall time
   waits for other processes' turns on the cores; CPU time is the request's own work). Four cases: the
   first page the process renders (templates compiled), the first view of another stored document in a
   warm process (rendered from the database), repeated views (rendered pages are kept in memory;
   ``--runs`` of them, median), and the first view in a fresh server on the same database (``--fresh``
   servers, each started, its worker's models loaded, then the page asked for once: the cold case).
2. **POST /api/analyze** of the sample (wall time at the client, the JSON back; median of ``--runs``; the
   worker has loaded its models at start) against **podium analyze SAMPLE -f json** (a fresh process each
   run, as a user runs it: start-up and model loading included; median of ``--runs``). The ratio is the
   issue's measure (target ≤ 1.3).
3. **4 concurrent analyses**: four different texts posted at once; each must be answered 200 with its
   own stored document.

The machine may be shared: the load average is printed next to each timing. ``--only pages`` measures
the page loads alone.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SHARED_SAMPLE = ROOT.parent / "shared" / "samples" / "speech-syria-2024-12.txt"
BUNDLED_SAMPLE = ROOT / "samples" / "speech-harbor-accord.txt"
PODIUM = [sys.executable, "-c", "from podium.cli import main; main()"]


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}"


def start(db: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    with open(log, "wb") as out:
        process = subprocess.Popen([*PODIUM, "serve", "--db", str(db), "--port", "0"], stdout=out, stderr=out)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and process.poll() is None:
        found = re.search(r"serving (http://127\.0\.0\.1:\d+)/", log.read_text(errors="replace"))
        if found:
            try:
                httpx.get(found.group(1) + "/login", timeout=5)
                return process, found.group(1)
            except httpx.HTTPError:
                pass
        time.sleep(0.2)
    process.kill()
    sys.exit(f"the server did not start:\n{log.read_text(errors='replace')}")


def server_ms(response: httpx.Response, metric: str = "app") -> float:
    """Milliseconds of ``metric`` in the Server-Timing header: ``app`` (wall) or ``cpu``."""
    found = re.search(metric + r";dur=([0-9.]+)", response.headers.get("server-timing", ""))
    assert found, f"no {metric} in the Server-Timing header"
    return float(found.group(1))


def timing(response: httpx.Response) -> str:
    return f"{server_ms(response):.0f} ms (CPU {server_ms(response, 'cpu'):.0f} ms)"


def median(responses: list[httpx.Response]) -> str:
    wall = statistics.median(server_ms(r) for r in responses)
    return f"median {wall:.0f} ms (CPU {statistics.median(server_ms(r, 'cpu') for r in responses):.0f} ms)"


def stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    process.wait(60)


def analyse(client: httpx.Client, text: str, title: str) -> tuple[int, float]:
    started = time.perf_counter()
    response = client.post("/api/analyze", data={"text": text, "title": title})
    seconds = time.perf_counter() - started
    if response.status_code != 200:
        sys.exit(f"POST /api/analyze answered {response.status_code}: {response.text[:500]}")
    return int(response.headers["x-podium-document-id"]), seconds


def wait_for_workers(client: httpx.Client, n: int = 0) -> None:
    """The first job runs after the worker's warm-up (models loaded): wait for that once (``n`` makes
    the text new to the database, so that it is analysed)."""
    analyse(client, f"A warm-up text {n}. The ministry said 40 villages were shelled in 2024.", "warm-up")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sample", type=Path, default=SHARED_SAMPLE if SHARED_SAMPLE.exists() else BUNDLED_SAMPLE
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--fresh", type=int, default=1, help="fresh servers for the cold first view")
    parser.add_argument("--only", choices=("all", "pages"), default="all")
    args = parser.parse_args()
    text = args.sample.read_text(encoding="utf-8")
    words = len(text.split())
    print(f"sample: {args.sample.name} ({words:,} words); {os.cpu_count()} cores; {load()}")
    with tempfile.TemporaryDirectory(prefix="podium-web-bench-") as tmp:
        db, log = Path(tmp) / "bench.db", Path(tmp) / "server.log"
        process, url = start(db, log)
        try:
            with httpx.Client(base_url=url, timeout=600) as client:
                wait_for_workers(client)
                document_id = pages(client, text, args.runs)
                if args.only == "all":
                    api_seconds = api(client, text, args.runs)
                    concurrent(client, text)
        finally:
            stop(process)
        fresh(db, log, document_id, args.fresh)
    if args.only == "pages":
        print("command:", shlex.join([sys.executable, *sys.argv]))
        return
    cli_seconds = cli(args.sample, args.runs)
    print(
        f"API vs CLI: {statistics.median(api_seconds):.2f} s / {statistics.median(cli_seconds):.2f} s = "
        f"{statistics.median(api_seconds) / statistics.median(cli_seconds):.2f}x (target <= 1.3)"
    )
    print("command:", shlex.join([sys.executable, *sys.argv]))


def pages(client: httpx.Client, text: str, runs: int) -> int:
    """The warm server's cases; returns the sample's document id."""
    first_id, _ = analyse(client, text, "page load")
    other_id, _ = analyse(client, text + "\n\nOne more sentence, so that it is another document.", "other")
    first = client.get(f"/documents/{first_id}")
    other = client.get(f"/documents/{other_id}")
    repeated = [client.get(f"/documents/{first_id}") for _ in range(runs)]
    assert first.status_code == other.status_code == 200
    print(
        f"page load, server side: first page of the process {timing(first)}; first view of another "
        f"document {timing(other)}; repeated views {median(repeated)} "
        f"(page {len(first.content) / 1e6:.2f} MB; {load()})"
    )
    return first_id


def fresh(db: Path, log: Path, document_id: int, servers: int) -> None:
    """The cold case: the sample's page as the first request for it in a fresh server process."""
    views = []
    for n in range(1, servers + 1):
        process, url = start(db, log)
        try:
            with httpx.Client(base_url=url, timeout=600) as client:
                wait_for_workers(client, n)  # the worker's model loading is over before the page is asked for
                time.sleep(2)
                view = client.get(f"/documents/{document_id}")
                assert view.status_code == 200
                views.append(view)
                print(f"  fresh server, first view: {timing(view)}; {load()}")
        finally:
            stop(process)
    print(
        f"page load, server side, first view in a fresh server: {median(views)} over {servers} servers; "
        f"{load()}"
    )


def api(client: httpx.Client, text: str, runs: int) -> list[float]:
    seconds = [analyse(client, text, "api run")[1] for _ in range(runs)]
    print(
        f"POST /api/analyze: median {statistics.median(seconds):.2f} s over {runs} runs "
        f"(min {min(seconds):.2f}, max {max(seconds):.2f}; {load()})"
    )
    return seconds


def cli(sample: Path, runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([*PODIUM, "analyze", str(sample), "-f", "json", "-q"], check=True, capture_output=True)
        seconds.append(time.perf_counter() - started)
    print(
        f"podium analyze -f json: median {statistics.median(seconds):.2f} s over {runs} runs "
        f"(min {min(seconds):.2f}, max {max(seconds):.2f}; fresh process each; {load()})"
    )
    return seconds


def concurrent(client: httpx.Client, text: str) -> None:
    texts = [f"{text}\n\nConcurrent copy number {i}." for i in range(4)]
    started = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda i: analyse(client, texts[i], f"concurrent {i}"), range(4)))
    wall = time.perf_counter() - started
    ids = [r[0] for r in results]
    assert len(set(ids)) == 4, ids
    print(f"4 concurrent analyses: all 4 answered 200 and stored (ids {ids}) in {wall:.1f} s; {load()}")


if __name__ == "__main__":
    main()
