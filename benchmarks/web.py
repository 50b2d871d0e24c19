"""``podium serve`` benchmark (issue 16): page load, the API's analysis time against the CLI's, and
concurrent analyses, on a real server process.

    python benchmarks/web.py [--sample ../shared/samples/speech-syria-2024-12.txt] [--runs 5]

A server is started on 127.0.0.1 (a free port) with a fresh SQLite database in a temporary folder and
the default settings (``--workers`` as ``podium serve`` picks it; the technique helper as ``podium
analyze`` uses it unless ``PODIUM_HELPER=0``). Then:

1. **Page load** of the stored sample (the Syria speech, 4,256 words; the bundled sample when the shared
   folder is absent), server side: the ``Server-Timing`` header, time spent in the server until the page
   starts to go out. Three cases: the first page the process renders (templates compiled), the first view
   of another stored document in a warm process (rendered from the database), and repeated views
   (rendered pages are kept in memory; ``--runs`` of them, median).
2. **POST /api/analyze** of the sample (wall time at the client, the JSON back; median of ``--runs``; the
   worker has loaded its models at start) against **podium analyze SAMPLE -f json** (a fresh process each
   run, as a user runs it: start-up and model loading included; median of ``--runs``). The ratio is the
   issue's measure (target ≤ 1.3).
3. **4 concurrent analyses**: four different texts posted at once; each must be answered 200 with its
   own stored document.

The machine may be shared: the load average is printed next to each timing.
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


def server_ms(response: httpx.Response) -> float:
    found = re.search(r"app;dur=([0-9.]+)", response.headers.get("server-timing", ""))
    assert found, "no Server-Timing header"
    return float(found.group(1))


def analyse(client: httpx.Client, text: str, title: str) -> tuple[int, float]:
    started = time.perf_counter()
    response = client.post("/api/analyze", data={"text": text, "title": title})
    seconds = time.perf_counter() - started
    if response.status_code != 200:
        sys.exit(f"POST /api/analyze answered {response.status_code}: {response.text[:500]}")
    return int(response.headers["x-podium-document-id"]), seconds


def wait_for_workers(client: httpx.Client) -> None:
    """The first job runs after the worker's warm-up (models loaded): wait for that once."""
    analyse(client, "A warm-up text. The ministry said 40 villages were shelled in 2024.", "warm-up")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sample", type=Path, default=SHARED_SAMPLE if SHARED_SAMPLE.exists() else BUNDLED_SAMPLE
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = args.sample.read_text(encoding="utf-8")
    words = len(text.split())
    print(f"sample: {args.sample.name} ({words:,} words); {os.cpu_count()} cores; {load()}")
    with tempfile.TemporaryDirectory(prefix="podium-web-bench-") as tmp:
        process, url = start(Path(tmp) / "bench.db", Path(tmp) / "server.log")
        try:
            with httpx.Client(base_url=url, timeout=600) as client:
                wait_for_workers(client)
                pages(client, text, args.runs)
                api_seconds = api(client, text, args.runs)
                concurrent(client, text)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(60)
    cli_seconds = cli(args.sample, args.runs)
    print(
        f"API vs CLI: {statistics.median(api_seconds):.2f} s / {statistics.median(cli_seconds):.2f} s = "
        f"{statistics.median(api_seconds) / statistics.median(cli_seconds):.2f}x (target <= 1.3)"
    )
    print("command:", shlex.join([sys.executable, *sys.argv]))


def pages(client: httpx.Client, text: str, runs: int) -> None:
    first_id, _ = analyse(client, text, "page load")
    other_id, _ = analyse(client, text + "\n\nOne more sentence, so that it is another document.", "other")
    first = client.get(f"/documents/{first_id}")
    other = client.get(f"/documents/{other_id}")
    repeated = [server_ms(client.get(f"/documents/{first_id}")) for _ in range(runs)]
    assert first.status_code == other.status_code == 200
    print(
        f"page load, server side: first page of the process {server_ms(first):.0f} ms; first view of another "
        f"document {server_ms(other):.0f} ms; repeated views median {statistics.median(repeated):.0f} ms "
        f"(page {len(first.content) / 1e6:.2f} MB; {load()})"
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
