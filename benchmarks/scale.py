"""Archive-scale benchmark (issue 17): throughput of the engines and the memory of a Dask run.

    python benchmarks/scale.py [--docs 400] [--shard-docs 1600] [--memory-docs 1000,10000] [--sentences 4]
                               [--rounds 1] [--only …]
                               [--project-docs 1000000 --project-words 4000 --project-workers 8,32,128
                                --core-hour 0.05] [--workdir DIR]

Inputs are short synthetic speeches built from the bundled sample (``samples/``): document ``i`` is a
dateline naming ``i`` followed by ``--sentences`` consecutive sentences of the sample, starting at a
place that moves with ``i`` (every text distinct), written as a JSONL dump.

1. Throughput (``podium corpus add`` of ``--docs`` documents into a fresh SQLite file, through the library
   in this process, which is the client and single writer): ``--engine local`` with 1 and 2 processes and
   ``--engine dask`` with a local cluster of 1 and 2 one-thread workers. Documents/s and words/s are taken
   from the first stored result to the last, so starting a cluster and loading the models (done once per
   worker, before its first document) do not count. Printed: the 2-worker/1-worker ratio of Dask and
   Dask's overhead against the local engine with as many workers (positive: Dask is slower), and the
   seconds the writer spent storing per 1,000 words. Then the same four set-ups on ``--shard-docs``
   documents analysed into Parquet shards (``podium analyze --format parquet``): every worker writes its
   own parts and the client only counts, so no single writer shares the two cores with the workers.
   With ``--rounds K`` the four set-ups run K times, round after round (so a slow spell of a shared
   machine hits all of them), and each set-up's median round is reported with the range and the ratio
   and overheads of every round: single runs on a shared 2-core machine varied by 10-20%.
2. Memory: for each size in ``--memory-docs``, a fresh cluster of processes (``dask scheduler`` and two
   ``dask worker --nthreads 1 --no-nanny``), the client as a ``podium corpus add --engine dask
   --scheduler …`` process; the peak resident memory of the client (from ``wait4``) and of each worker
   (``VmHWM`` before it is stopped). Flat means the same peak whatever the input size.
3. A projection for ``--project-docs`` documents of ``--project-words`` words on N workers, from the
   measured per-worker words/s, the measured 2-worker efficiency and the measured writer cost: the
   arithmetic is printed step by step, as a projection, apart from the measurements.

Single-threaded everywhere (``OMP_NUM_THREADS=1``, no technique helper process), so that a worker is a
core. The load average is printed with the numbers: on a busy machine they are not meaningful. So is,
before and after, the machine's own ceiling for a 2-worker ratio: the work two processes running a fixed
CPU-bound loop at once do, against one alone (1.0-2.0; below 2 on a shared or throttled host).
"""

from __future__ import annotations

import os

# one thread per process before any library reads these (torch, numpy): a worker is one core
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"
os.environ["PODIUM_HELPER"] = "0"

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import shlex  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "samples" / "speech-harbor-accord.txt"
BIN = Path(sys.executable).parent
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


# --------------------------------------------------------------------------- inputs


def sample_sentences() -> list[str]:
    """The sample's body (after its header lines) cut into sentences."""
    text = SAMPLE.read_text(encoding="utf-8")
    body = text.split("\n\n", 1)[1] if "\n\n" in text else text
    return [s.strip() for s in _SENTENCE_END.split(" ".join(body.split())) if len(s.split()) >= 4]


def write_dump(path: Path, count: int, sentences: int) -> int:
    """``count`` distinct short speeches as JSONL; returns the number of words."""
    pool = sample_sentences()
    words = 0
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            start = (i * 7) % len(pool)
            body = " ".join(pool[(start + k) % len(pool)] for k in range(sentences))
            text = f"Port Selin, statement {i}.\n\n{body}\n"
            words += len(text.split())
            out.write(json.dumps({"text": text, "title": f"Statement {i}", "date": "2025-10-14"}) + "\n")
    return words


# --------------------------------------------------------------------------- throughput


def _spin(n: int) -> float:
    started = time.perf_counter()
    total = 0
    for i in range(n):
        total += i * i % 7
    return time.perf_counter() - started


def print_ceiling(when: str) -> None:
    one, two = machine_ceiling()
    print(
        f"the machine's own 2-process ceiling {when}: a fixed pure-Python loop {one:.2f} s in one process, "
        f"{two:.2f} s in the slower of two at once: {2 * one / two:.2f}x the work of one"
    )


def machine_ceiling(n: int = 20_000_000) -> tuple[float, float]:
    """Seconds of a fixed CPU-bound loop in one process, and the slower of two processes running it at
    once: on a shared or throttled machine two cores do less than twice the work of one."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_spin, [n // 20, n // 20]))  # both processes started and warm
        one = pool.submit(_spin, n).result()
        two = max(pool.map(_spin, [n, n]))
    return one, two


@dataclass
class Run:
    name: str
    docs: int
    words: int
    docs_s: float
    words_s: float
    wall: float
    writing: float


def throughput(name: str, dump: Path, db: Path, options: Any, only: str | None) -> Run:
    from podium.corpus.adding import run_add
    from podium.corpus.store import Corpus
    from podium.engines.inputs import Inputs

    selection = ([s for s in only.split(",") if s] if only else None, None)
    started = time.monotonic()
    with Corpus(str(db)) as corpus:
        tally = run_add(corpus, Inputs((str(dump),)), {}, selection, 20_000_000, None, options, quiet=True)
    wall = time.monotonic() - started
    if tally.failed:
        raise SystemExit(f"{name}: {tally.failed} documents failed: {tally.failures[0]}")
    docs_s, words_s = tally.rates()
    return Run(name, tally.done, tally.words, docs_s, words_s, wall, tally.writing)


def shard_throughput(name: str, dump: Path, out: Path, options: Any, only: str | None) -> Run:
    """``podium analyze --format parquet`` of the dump into ``out``: every worker writes its own shards,
    nothing waits for a single writer (the way to run past the writer's bound)."""
    from podium.engines.inputs import Inputs
    from podium.engines.sharding import run_shards

    selection = ([s for s in only.split(",") if s] if only else None, None)
    started = time.monotonic()
    tally = run_shards(Inputs((str(dump),)), out, selection, {}, 20_000_000, None, options, quiet=True)
    wall = time.monotonic() - started
    if tally.failed:
        raise SystemExit(f"{name}: {tally.failed} documents failed: {tally.failures[0]}")
    docs_s, words_s = tally.rates()
    return Run(name, tally.done, tally.words, docs_s, words_s, wall, 0.0)


@dataclass
class Speech:
    words: int
    words_s: float  # analysis, one process, one thread
    store_s: float  # the writer, seconds per document of this length


def speech(db: Path, only: str | None, repeats: int) -> Speech:
    """Analysis words/s and storing seconds on the whole bundled sample (a real speech's length). The
    analysis is what a worker does (``adding.prepare``: analysed, as JSON data, its claims' vectors), the
    storing what the single writer does with that."""
    from podium.analyze import analyze_document
    from podium.corpus.store import Corpus
    from podium.corpus.writer import claim_vector_bytes
    from podium.ingest import load
    from podium.outputs.json_out import to_dict
    from podium.pipeline import Pipeline

    pipeline = Pipeline.from_names([s for s in only.split(",") if s] if only else None)
    analyze_document(load(str(SAMPLE)), pipeline)  # models loaded
    seconds = []
    for _ in range(repeats):
        doc = load(str(SAMPLE))
        started = time.perf_counter()
        analyze_document(doc, pipeline)
        data = to_dict(doc)
        vectors = claim_vector_bytes(data)
        seconds.append(time.perf_counter() - started)
    words = len(data["text"].split())
    stored = []
    with Corpus(str(db)) as corpus:
        for i in range(repeats):  # a distinct text each time (appended after every offset)
            copy = {**data, "text": data["text"] + f"\n{i}"}
            started = time.perf_counter()
            corpus.add(copy, [a.name for a in pipeline.analysers], vectors)
            stored.append(time.perf_counter() - started)
    return Speech(words, words / statistics.median(seconds), statistics.median(stored))


# --------------------------------------------------------------------------- memory


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _peak_mb(pid: int) -> float:
    """VmHWM (peak resident set) of a running process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def memory(dump: Path, db: Path, logs: Path, only: str | None, workers: int = 2) -> tuple[float, list[float]]:
    """Peak MB of the client and of each worker for one ``corpus add --engine dask`` run."""
    from distributed import Client

    env = {**os.environ}
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs.mkdir(parents=True, exist_ok=True)
    procs: list[subprocess.Popen[bytes]] = []
    try:
        procs.append(
            subprocess.Popen(
                [
                    str(BIN / "dask"),
                    "scheduler",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--no-dashboard",
                ],
                stdout=subprocess.DEVNULL,
                stderr=open(logs / "scheduler.log", "wb"),  # noqa: SIM115 - the process holds it
                env=env,
            )
        )
        for i in range(workers):
            command = [
                str(BIN / "dask"),
                "worker",
                address,
                "--nthreads",
                "1",
                "--no-nanny",
                "--no-dashboard",
            ]
            procs.append(
                subprocess.Popen(
                    [*command, "--host", "127.0.0.1", "--name", f"w{i}"],
                    stdout=subprocess.DEVNULL,
                    stderr=open(logs / f"worker-{i}.log", "wb"),  # noqa: SIM115
                    env=env,
                )
            )
        deadline = time.monotonic() + 180
        while True:
            try:
                with Client(address, timeout=5) as client:
                    client.wait_for_workers(workers, timeout=max(1, deadline - time.monotonic()))
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        args = ["corpus", "add", str(dump), "--db", str(db), "--engine", "dask", "--scheduler", address, "-q"]
        args += ["--only", only] if only else []
        client_proc = subprocess.Popen([str(BIN / "podium"), *args], env=env, stderr=subprocess.PIPE)
        assert client_proc.stderr is not None
        err = client_proc.stderr.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(client_proc.pid, 0)
        client_proc.returncode = os.waitstatus_to_exitcode(status)
        if client_proc.returncode != 0:
            raise SystemExit(f"the client failed ({client_proc.returncode}): {err[-2000:]}")
        return usage.ru_maxrss / 1024, [_peak_mb(p.pid) for p in procs[1:]]
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()


# --------------------------------------------------------------------------- report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=400, help="documents per throughput run ('0' skips)")
    parser.add_argument(
        "--shard-docs", type=int, default=1600, help="documents per Parquet-shard throughput run ('0' skips)"
    )
    parser.add_argument(
        "--memory-docs", default="1000,10000", help="input sizes of the memory runs ('' skips)"
    )
    parser.add_argument("--sentences", type=int, default=4, help="sentences per synthetic document")
    parser.add_argument("--only", help="analysers to run (default: every installed one)")
    parser.add_argument("--repeats", type=int, default=5, help="runs over the bundled sample")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="throughput rounds (the four set-ups one after another, the rounds interleaved); the tables "
        "give each set-up's median round and the range",
    )
    parser.add_argument("--project-docs", type=int, default=1_000_000)
    parser.add_argument("--project-words", type=int, default=4000, help="words per projected document")
    parser.add_argument("--project-workers", default="8,32,128")
    parser.add_argument("--core-hour", type=float, default=0.05, help="price of a core-hour, for the cost")
    parser.add_argument("--workdir", type=Path, help="keep inputs and databases here (default: a temp dir)")
    args = parser.parse_args(argv)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="podium-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    print(f"# podium archive-scale benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores)")
    print(f"command: python {' '.join(shlex.quote(a) for a in sys.argv)}")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in load_before)}")
    print_ceiling("before")

    runs = throughput_table(args, work) if args.docs else {}
    if args.shard_docs:
        throughput_table(args, work, shards=True)
    sizes = [int(x) for x in args.memory_docs.split(",") if x.strip()]
    peaks = {}
    if sizes:
        print("\n## Peak memory of a Dask run (client process; each of 2 one-thread workers)")
        print("| input documents | client MB | worker MB |")
        print("|---|---|---|")
        for size in sizes:
            path = work / f"memory-{size}.jsonl"
            write_dump(path, size, args.sentences)
            db = work / f"memory-{size}.db"
            db.unlink(missing_ok=True)
            client, workers = memory(path, db, work / f"logs-{size}", args.only)
            peaks[size] = (client, workers)
            print(f"| {size} | {client:.0f} | {' / '.join(f'{w:.0f}' for w in workers)} |")
        if len(sizes) >= 2:
            (a, (ca, wa)), (b, (cb, wb)) = (sizes[0], peaks[sizes[0]]), (sizes[-1], peaks[sizes[-1]])
            change = [cb / ca - 1] + [y / x - 1 for x, y in zip(wa, wb, strict=True)]
            print(
                f"change {a} -> {b} documents: client {change[0]:+.1%}, workers "
                + ", ".join(f"{c:+.1%}" for c in change[1:])
                + " (issue target: within +-10%)"
            )

    print(f"\n## The bundled sample speech, {args.repeats} times (one process, one thread)")
    db = work / "speech.db"
    db.unlink(missing_ok=True)
    real = speech(db, args.only, args.repeats)
    print(f"- {real.words:,} words: analysis {real.words_s:,.0f} words/s (median run)")
    print(f"- storing it (SQLite): {real.store_s * 1e3:.0f} ms a document (median)")

    print_ceiling("after")
    load_after = os.getloadavg()
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in load_after)}")
    if runs:
        project(args, runs["dask, 1 worker"], runs["dask, 2 workers"], real)
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)


def _median_run(done: list[Run]) -> Run:
    """The run with the median words/s (the lower middle one of an even count)."""
    return sorted(done, key=lambda r: r.words_s)[(len(done) - 1) // 2]


def throughput_table(args: argparse.Namespace, work: Path, shards: bool = False) -> dict[str, Run]:
    """Part 1: the four engine set-ups on one synthetic dump, into the database (``corpus add``, one
    writer) or, with ``shards``, into Parquet shards written by the workers; prints the table, ratio and
    overheads."""
    from podium.engines import EngineOptions

    count = args.shard_docs if shards else args.docs
    dump = work / f"throughput-{count}.jsonl"
    words = write_dump(dump, count, args.sentences)
    what = "into Parquet shards (analyze --format parquet)" if shards else "into SQLite (corpus add)"
    print(f"\n## Throughput {what}: {count} documents, {words} words ({words / count:.0f} a document)")
    plans = [
        ("local -j 1", EngineOptions("local", 1)),
        ("local -j 2", EngineOptions("local", 2)),
        ("dask, 1 worker", EngineOptions("dask", workers=1)),
        ("dask, 2 workers", EngineOptions("dask", workers=2)),
    ]
    rounds: dict[str, list[Run]] = {name: [] for name, _ in plans}
    for _ in range(max(1, args.rounds)):  # interleaved, so a slow spell of the machine hits every set-up
        for name, options in plans:
            target = (
                work / f"throughput-{'shards' if shards else 'db'}-{name.replace(' ', '_').replace(',', '')}"
            )
            if shards:
                shutil.rmtree(target, ignore_errors=True)
                rounds[name].append(shard_throughput(name, dump, target, options, args.only))
                continue
            db = target.with_suffix(".db")
            for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                path.unlink(missing_ok=True)
            rounds[name].append(throughput(name, dump, db, options, args.only))
    runs = {name: _median_run(done) for name, done in rounds.items()}
    several = len(next(iter(rounds.values()))) > 1
    if several:
        print(f"(median of {len(next(iter(rounds.values())))} interleaved rounds; words/s range in brackets)")
    print("| engine | documents/s | words/s | wall s (with start-up) | writer s per 1,000 words |")
    print("|---|---|---|---|---|")
    for run in runs.values():
        per_k = 1000 * run.writing / run.words if run.words and not shards else float("nan")
        writer = "none (workers write)" if shards else f"{per_k:.3f}"
        spread = rounds[run.name]
        span = (
            f" [{min(r.words_s for r in spread):.0f}-{max(r.words_s for r in spread):.0f}]" if several else ""
        )
        print(f"| {run.name} | {run.docs_s:.2f} | {run.words_s:.0f}{span} | {run.wall:.1f} | {writer} |")
    d1, d2 = runs["dask, 1 worker"], runs["dask, 2 workers"]
    ratio = d2.words_s / d1.words_s if d1.words_s else float("nan")
    print(f"\ndask 2 workers / 1 worker: {ratio:.2f}x (issue target >= 1.7)")
    if several:
        each = [
            b.words_s / a.words_s
            for a, b in zip(rounds["dask, 1 worker"], rounds["dask, 2 workers"], strict=True)
        ]
        print("  round by round: " + ", ".join(f"{r:.2f}x" for r in each))
    for n in (1, 2):
        local = runs[f"local -j {n}"]
        dask = runs[f"dask, {n} worker{'s' if n > 1 else ''}"]
        overhead = local.words_s / dask.words_s - 1 if dask.words_s else float("nan")
        print(f"dask overhead vs local with {n} worker(s): {overhead:+.1%} (issue target <= 10%)")
        if several:
            each = [
                a.words_s / b.words_s - 1 for a, b in zip(rounds[local.name], rounds[dask.name], strict=True)
            ]
            print("  round by round: " + ", ".join(f"{o:+.1%}" for o in each))

    return runs


def project(args: argparse.Namespace, d1: Run, d2: Run, real: Speech) -> None:
    """The projection, every step printed (arithmetic on the measurements above, not a measurement)."""
    docs, words = args.project_docs, args.project_words
    total = docs * words
    efficiency = d2.words_s / (2 * d1.words_s) if d1.words_s else float("nan")
    store_per_doc = real.store_s * words / real.words  # storing grows with the rows, i.e. the words
    print(f"\n## Projection: {docs:,} speeches of {words:,} words (arithmetic, not a measurement)")
    print(f"- words: {docs:,} x {words:,} = {total:,}")
    print(f"- one worker (one core): {real.words_s:,.0f} words/s, as on the bundled speech")
    two = f"{d2.words_s:,.0f} / (2 x {d1.words_s:,.0f})"
    print(f"- efficiency of 2 Dask workers: {two} = {efficiency:.2f} (assumed to hold for N workers)")
    print(
        f"- the single writer (SQLite): {real.store_s * 1e3:.0f} ms x {words:,} / {real.words:,} words "
        f"= {store_per_doc * 1e3:.0f} ms a speech"
    )
    writer_hours = docs * store_per_doc / 3600
    print(f"- storing all: {docs:,} x {store_per_doc:.3f} s = {writer_hours:,.1f} h, however many workers")
    print("| workers | analysis h = words / (workers x words/s x efficiency) / 3600 | wall h | cost |")
    print("|---|---|---|---|")
    for n in [int(x) for x in args.project_workers.split(",") if x.strip()]:
        hours = total / (n * real.words_s * efficiency) / 3600
        wall = max(hours, writer_hours)
        bound = " (the writer's)" if writer_hours > hours else ""
        cost = n * wall * args.core_hour
        price = f"{n} x {wall:,.1f} h x ${args.core_hour} = ${cost:,.0f}"
        sum_ = f"{total:,} / ({n} x {real.words_s:,.0f} x {efficiency:.2f}) / 3600 = {hours:,.1f}"
        print(f"| {n} | {sum_} | {wall:,.1f}{bound} | {price} |")
    print(
        "Past the writer's bound, analyse into Parquet shards (--format parquet: the workers write, no "
        "single writer) and `podium corpus load` them afterwards, when the cluster is released."
    )


if __name__ == "__main__":
    main()
