"""The Dask engine: the task runs on the workers of a Dask distributed cluster, an existing one
(``--scheduler tcp://HOST:PORT`` or a scheduler file) or one started on this machine for the run
(``--workers N``, one thread each).

A worker plugin sets the task up once per worker (the models load once, also on workers that join later);
each item is one Dask task, pure and idempotent, so a task re-run after its worker died does no harm.
At most ``in_flight`` tasks are submitted at a time (twice the cluster's threads by default) and results
are taken as they complete (``as_completed``), so memory stays flat on any input size. A worker that dies
has its tasks re-run elsewhere by the scheduler; an item whose workers keep dying is given up (E603), one
whose task raises is reported (E602); neither stops the run.

Per-item time limits (``--timeout``) are not enforced here: Dask runs tasks in threads, and only the main
thread can be interrupted. Importing this module imports Dask; nothing else in podium does.
"""

from __future__ import annotations

import asyncio
import logging
import os
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from podium.engines.base import Finished, Task, raised
from podium.errors import PodiumError

try:
    import distributed
    from distributed import Client, WorkerPlugin, as_completed
except ImportError as exc:  # the optional group is not installed
    raise PodiumError("E408", feature="--engine dask", package="distributed", extra="dask") from exc

#: How long to wait for a first worker to join the scheduler. (How long to wait for the scheduler itself
#: is Dask's ``distributed.comm.timeouts.connect``, 30 s unless configured.)
WORKERS_SECONDS = 120


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
        waiting: dict[str, Any] = {}  # future key -> item
        done = as_completed()
        count = 0

        def submit() -> bool:
            nonlocal count
            item = next(stream, _END)
            if item is _END:
                return False
            key = f"{name}-{count}"
            count += 1
            waiting[key] = item
            done.add(self.client.submit(_run, name, item, key=key, pure=False))
            return True

        limit = self._limit()
        while len(waiting) < limit and submit():
            pass
        for future in done:
            item = waiting.pop(future.key)
            yield _finished(task, item, future)
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


class _Plugin(WorkerPlugin):  # type: ignore[misc]
    """Sets the task up once on every worker, present and future."""

    def __init__(self, task: Task[Any, Any]) -> None:
        self.task = task

    def setup(self, worker: Any) -> None:
        from podium.techniques import background

        os.environ[background.ENV] = "0"  # each worker thread analyses one document at a time
        self.task.setup()


def _run(name: str, item: Any) -> Any:
    """The Dask task: run the set-up task of plugin ``name`` on ``item``."""
    plugin = distributed.get_worker().plugins[name]
    return plugin.task(item)


def _finished(task: Task[Any, Any], item: Any, future: Any) -> Finished[Any, Any]:
    if future.status == "finished":
        try:
            return Finished(item, result=future.result())
        except Exception as exc:  # the result could not be fetched (its worker died just then)
            return Finished(item, error=raised(task.label(item), exc))
    try:
        exc = future.exception()
    except (Exception, asyncio.CancelledError) as cancelled:  # cancelled: the scheduler was lost
        exc = cancelled
    if isinstance(exc, distributed.KilledWorker):
        count = distributed.config.get("distributed.scheduler.allowed-failures") + 1
        return Finished(item, error=PodiumError("E603", path=task.label(item), count=count))
    if isinstance(exc, PodiumError):
        return Finished(item, error=exc)
    return Finished(item, error=raised(task.label(item), exc))


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
