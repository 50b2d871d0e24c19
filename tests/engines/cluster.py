"""What the engine tests share: a real Dask cluster made of processes (`dask scheduler` and
single-threaded `dask worker`s on 127.0.0.1, free ports), the `podium` command, speeches written for the
tests, and ``POISON_MODULE``, a broken analyser plugin (``conftest`` installs it for the workers)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BIN = Path(sys.executable).parent
PODIUM = str(BIN / "podium")
DASK = str(BIN / "dask")
#: Environment of every process: no technique helper process (each worker analyses one document at a
#: time), and a short connect timeout so an unreachable scheduler is reported fast.
ENV = {**os.environ, "PODIUM_HELPER": "0", "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "5s"}

POISON_MODULE = '''
"""A broken analyser plugin: it raises on a text containing POISON and never ends on one containing
ENDLESS (for tests of per-document errors and time limits); and an engine task that tells whether the
worker's profiler runs."""


class PoisonAnalyser:
    name = "poison"
    requires = ()
    assigns = ()
    description = "raises on POISON, loops on ENDLESS"

    def __call__(self, doc):
        if "POISON" in doc.text:
            raise RuntimeError("this analyser cannot read poisoned documents")
        while "ENDLESS" in doc.text:
            sum(range(1000))
        return doc


def profiler_running(dask_worker):
    callback = dask_worker.periodic_callbacks.get("profile")
    return callback is not None and callback.is_running()


class ProfilerState:
    """An engine task reporting whether its worker's statistical profiler runs during podium's tasks."""

    def setup(self):
        pass

    def __call__(self, item):
        import distributed

        return profiler_running(distributed.get_worker())

    def label(self, item):
        return f"item {item}"
'''


def speeches(folder: Path, count: int, offset: int = 0) -> list[Path]:
    """``count`` short, distinct speeches as text files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(offset, offset + count):
        path = folder / f"speech-{i:03d}.txt"
        path.write_text(
            f"Minister Alda Brenn spoke in Ost on day {i}.\n\n"
            f"Our engineers rebuilt {100 + i} bridges in {i % 11 + 1} months. "
            f"The Karvia government shelled {i + 4} villages in the northern valley last winter. "
            f"Unemployment fell to {i % 9 + 2} percent this year, the lowest in a decade.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def podium(
    *args: str, env: dict[str, str] | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([PODIUM, *args], capture_output=True, text=True, env=env or ENV, timeout=600)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    """A scheduler process and its worker processes."""

    address: str
    scheduler: subprocess.Popen[bytes]
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def kill_worker(self, index: int) -> None:
        self.workers[index].send_signal(signal.SIGKILL)
        self.workers[index].wait(30)

    def stop(self) -> None:
        for proc in [*self.workers, self.scheduler]:
            if proc.poll() is None:
                proc.terminate()
        for proc in [*self.workers, self.scheduler]:
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


def start_cluster(logs: Path, workers: int, env: dict[str, str]) -> Cluster:
    """``dask scheduler`` plus ``workers`` one-thread ``dask worker`` processes (no nanny: killing the
    process kills the worker), returned once every worker has joined."""
    logs.mkdir(parents=True, exist_ok=True)
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = subprocess.Popen(
        [DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
        stdout=subprocess.DEVNULL,
        stderr=open(logs / "scheduler.log", "wb"),  # noqa: SIM115 - the process holds it
        env=env,
    )
    cluster = Cluster(address, scheduler)
    try:
        for i in range(workers):
            command = [DASK, "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard"]
            cluster.workers.append(
                subprocess.Popen(
                    [*command, "--host", "127.0.0.1", "--name", f"w{i}"],
                    stdout=subprocess.DEVNULL,
                    stderr=open(logs / f"worker-{i}.log", "wb"),  # noqa: SIM115
                    env=env,
                )
            )
        _wait_for_workers(address, workers)
    except BaseException:
        cluster.stop()
        raise
    return cluster


def _wait_for_workers(address: str, count: int) -> None:
    from distributed import Client

    deadline = time.monotonic() + 120
    while True:
        try:
            with Client(address, timeout=5) as client:
                client.wait_for_workers(count, timeout=max(1, deadline - time.monotonic()))
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
