"""The Dask engine: the task runs on the workers of a Dask distributed cluster, an existing one
(``--scheduler tcp://HOST:PORT`` or a scheduler file) or one started on this machine for the run
(``--workers N``, one thread each).

A worker plugin sets the task up once per worker (the models load once, also on workers that join later);
a task carries one item or, once the first results show items to be quick, a few consecutive ones (as
many as take about ``TASK_SECONDS``, at most ``MAX_BATCH``): the scheduler's cost per task (milliseconds
of its CPU, which on a small machine is taken from the workers) then stays small beside the work even for
short texts. Tasks are pure and idempotent, so one re-run after its worker died does no harm; a batch that
fails as a whole (its worker died, or the scheduler gave it up) is retried item by item, so one poisonous
document never costs its batch-mates. At most ``in_flight`` tasks are submitted at a time (twice the
cluster's threads by default) and results are taken as they complete (``as_completed``), so memory stays
flat on any input size. A worker that dies
has its tasks re-run elsewhere by the scheduler; an item whose workers keep dying is given up (E603), one
whose task raises is reported (E602); neither stops the run.

Per-item time limits (``--timeout``) hold as elsewhere: ``podium.timelimit`` interrupts the task's thread
(E015). Importing this module imports Dask; nothing else in podium does.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from podium.engines.base import Finished, Task, raised
from podium.errors import PodiumError

try:
    import dask
    import distributed
    from distributed import Client, WorkerPlugin, as_completed
except ImportError as exc:  # the optional group is not installed
    raise PodiumError("E408", feature="--engine dask", package="distributed", extra="dask") from exc

#: How long to wait for a first worker to join the scheduler. (How long to wait for the scheduler itself
#: is Dask's ``distributed.comm.timeouts.connect``, 30 s unless configured.)
WORKERS_SECONDS = 120
#: A task carries about this many seconds of work (items are batched once their cost is known) ...
TASK_SECONDS = 1.0
#: ... and never more than this many items.
MAX_BATCH = 32


class DaskEngine:
    name = "dask"

    def __init__(
        self, scheduler: str | None = None, workers: int | None = None, in_flight: int | None = None
    ) -> None:
        logging.getLogger("distributed").setLevel(logging.ERROR)  # podium reports what went wrong itself
        self.cluster: Any = None
        self.in_flight = in_flight
        #: Whether the workers share this machine (and its files) with the client.
        self.on_this_machine = scheduler is None
        if scheduler is None:
            with dask.config.set({"distributed.worker.profile.enabled": False}):  # see _PROFILER
                self.cluster = distributed.LocalCluster(
                    n_workers=workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            self.client = Client(self.cluster)
        else:
            self.client = _connect(scheduler)
        try:
            self.client.wait_for_workers(1, timeout=WORKERS_SECONDS)
        except TimeoutError as exc:
            self.close()
            where = scheduler or "the local cluster"
            reason = f"no worker joined it within {WORKERS_SECONDS} s"
            raise PodiumError("E601", address=where, reason=reason) from exc

    @property
    def slots(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def run(self, task: Task[Any, Any], items: Iterable[Any]) -> Iterator[Finished[Any, Any]]:
        name = f"podium-{uuid.uuid4().hex[:12]}"
        _register(self.client, _Plugin(task), name)
        try:
            yield from self._window(task, items, name)
        finally:
            try:
                self.client.unregister_worker_plugin(name)
            except Exception:  # the cluster may be gone already; nothing is left to clean up then
                logging.getLogger(__name__).debug("could not unregister %s", name)

    def _window(self, task: Task[Any, Any], items: Iterable[Any], name: str) -> Iterator[Finished[Any, Any]]:
        stream = iter(items)
        waiting: dict[str, list[Any]] = {}  # future key -> its items
        retry: list[Any] = []  # items of failed batches, to run one by one
        done = as_completed()
        count = 0
        cost = _Cost()

        def submit() -> bool:
            nonlocal count
            batch = [retry.pop()] if retry else _take(stream, cost.batch())
            if not batch:
                return False
            key = f"{name}-{count}"
            count += 1
            waiting[key] = batch
            done.add(self.client.submit(_run_batch, name, batch, key=key, pure=False))
            return True

        limit = self._limit()
        while len(waiting) < limit and submit():
            pass
        for future in done:
            batch = waiting.pop(future.key)
            outcome = _outcome(task, batch, future)
            if isinstance(outcome, PodiumError) and len(batch) > 1:
                retry.extend(reversed(batch))  # each alone now: only the culprit fails
            elif isinstance(outcome, PodiumError):
                yield Finished(batch[0], error=outcome)
            else:
                results, seconds = outcome
                cost.add(len(batch), seconds)
                for item, (result, error) in zip(batch, results, strict=True):
                    yield Finished(item, result=result, error=error)
            future.release()
            if count % 64 == 0:  # workers may have joined or left
                limit = self._limit()
            while len(waiting) < limit and submit():
                pass

    def _limit(self) -> int:
        return self.in_flight or max(4, 2 * self.slots)

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


_END = object()


#: The worker's statistical profiler: every 10 ms it samples the running task's call stack into a tree,
#: and keeps one tree per second for the last 1,000 s. Podium's analysis has deep and varied stacks, so
#: those trees grew a worker by about 17 MB per 1,000 short documents (measured: 311 -> 421 MB from 1,000
#: to 10,000 documents, 289 -> 291 MB with it paused). The plugin pauses it for the run and restarts it
#: at teardown; a local cluster is started without it.
_PROFILER = ("profile", "profile-cycle")


class _Plugin(WorkerPlugin):  # type: ignore[misc]
    """Sets the task up once on every worker, present and future; pauses the worker's profiler."""

    def __init__(self, task: Task[Any, Any]) -> None:
        self.task = task
        self._paused: list[Any] = []

    def setup(self, worker: Any) -> None:
        from podium.techniques import background

        os.environ[background.ENV] = "0"  # each worker thread analyses one document at a time
        for name in _PROFILER:
            callback = getattr(worker, "periodic_callbacks", {}).get(name)
            if callback is not None and callback.is_running():
                callback.stop()
                self._paused.append(callback)
        self.task.setup()

    def teardown(self, worker: Any) -> None:
        while self._paused:
            self._paused.pop().start()


class _Cost:
    """The mean seconds an item takes on a worker, from the batches done so far; the batch size it gives."""

    def __init__(self) -> None:
        self.items = 0
        self.seconds = 0.0

    def add(self, items: int, seconds: float) -> None:
        self.items += items
        self.seconds += seconds

    def batch(self) -> int:
        if self.items < 2:  # nothing known yet: one item a task
            return 1
        per_item = max(self.seconds / self.items, 1e-3)
        return max(1, min(MAX_BATCH, int(TASK_SECONDS / per_item)))


def _take(stream: Iterator[Any], n: int) -> list[Any]:
    batch = []
    for item in stream:
        batch.append(item)
        if len(batch) >= n:
            break
    return batch


def _run_batch(name: str, batch: list[Any]) -> tuple[list[tuple[Any, PodiumError | None]], float]:
    """The Dask task: run the set-up task of plugin ``name`` on each item of ``batch``; each item's result
    or error (an exception escaping the task for one item costs that item only), and the seconds taken."""
    task = distributed.get_worker().plugins[name].task
    started = time.perf_counter()
    out: list[tuple[Any, PodiumError | None]] = []
    for item in batch:
        try:
            out.append((task(item), None))
        except PodiumError as err:
            out.append((None, err))
        except Exception as exc:  # a bug in an analyser: reported for this item, the batch goes on
            out.append((None, raised(task.label(item), exc)))
    return out, time.perf_counter() - started


def _outcome(
    task: Task[Any, Any], batch: list[Any], future: Any
) -> tuple[list[tuple[Any, PodiumError | None]], float] | PodiumError:
    """A finished batch task's results, or the one error that took the whole batch (worker lost, result
    lost, scheduler gone); E603 names the item when the batch is a single one."""
    label = task.label(batch[0])
    if future.status == "finished":
        try:
            return future.result()  # type: ignore[no-any-return]
        except Exception as exc:  # the result could not be fetched (its worker died just then)
            return raised(label, exc)
    try:
        exc = future.exception()
    except (Exception, asyncio.CancelledError) as cancelled:  # cancelled: the scheduler was lost
        exc = cancelled
    if isinstance(exc, distributed.KilledWorker):
        count = distributed.config.get("distributed.scheduler.allowed-failures") + 1
        return PodiumError("E603", path=label, count=count)
    if isinstance(exc, PodiumError):
        return exc
    return raised(label, exc)


def _connect(scheduler: str) -> Any:
    """A client of the scheduler at ``scheduler`` (an address, or the path of a scheduler file)."""
    try:
        if "://" not in scheduler and os.path.isfile(scheduler):
            return Client(scheduler_file=scheduler)
        return Client(scheduler)
    except (OSError, TimeoutError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise PodiumError("E601", address=scheduler, reason=reason[:300]) from exc


def _register(client: Any, plugin: _Plugin, name: str) -> None:
    """Install the plugin on every worker (which sets the task up there); E607 if a worker cannot."""
    try:
        answers = client.register_plugin(plugin, name=name)
    except PodiumError as err:
        raise PodiumError("E607", reason=str(err)) from err
    except Exception as exc:
        raise PodiumError("E607", reason=f"{type(exc).__name__}: {exc}"[:500]) from exc
    for worker, answer in (answers or {}).items():
        if isinstance(answer, dict) and answer.get("status") == "error":
            reason = f"{worker}: {answer.get('exception_text') or answer.get('exception')}"
            raise PodiumError("E607", reason=reason[:500])
