"""The local engine (the default): the task runs in this process, or in ``jobs`` spawned worker processes
that each set it up once (``podium.children`` makes sure none outlives podium).

Results come back in input order. At most ``in_flight`` items are submitted ahead of the one being waited
for, so an input list of any length is read as the work goes. A worker that dies (out of memory, a signal)
costs only the items it had in flight (E603 each); a fresh pool takes the rest.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from podium import children
from podium.engines.base import Finished, Task, raised
from podium.errors import PodiumError
from podium.techniques import background


class LocalEngine:
    name = "local"
    on_this_machine = True

    def __init__(self, jobs: int = 1, in_flight: int | None = None) -> None:
        self.jobs = max(1, jobs)
        self.in_flight = in_flight or 2 * self.jobs + 2

    @property
    def slots(self) -> int:
        return self.jobs

    def run(self, task: Task[Any, Any], items: Iterable[Any]) -> Iterator[Finished[Any, Any]]:
        if self.jobs <= 1:
            yield from _in_process(task, items)
            return
        pending: deque[tuple[Any, Future[Any]]] = deque()
        stream = iter(items)
        pool: ProcessPoolExecutor | None = None
        finished = False
        carried: Any = _END  # an item taken from the input whose pool broke before it was submitted
        try:
            while True:
                if pool is None:
                    pool = _pool(task, self.jobs)
                while len(pending) < self.in_flight:
                    item, carried = (carried, _END) if carried is not _END else (next(stream, _END), _END)
                    if item is _END:
                        break
                    try:
                        pending.append((item, pool.submit(_call, item)))
                    except BrokenProcessPool:  # a worker died meanwhile: this item goes to the next pool
                        carried = item
                        break
                if not pending and carried is not _END:  # nothing in flight was lost: just a new pool
                    children.kill_pool(pool)
                    pool = None
                    continue
                if not pending:
                    break
                item, future = pending.popleft()
                try:
                    yield Finished(item, result=future.result())
                except BrokenProcessPool:  # a worker died: its items are lost, a new pool takes the rest
                    yield Finished(item, error=PodiumError("E603", path=task.label(item), count=1))
                    for other, _ in pending:
                        yield Finished(other, error=PodiumError("E603", path=task.label(other), count=1))
                    pending.clear()
                    children.kill_pool(pool)
                    pool = None
                except Exception as exc:  # the task raised: a bug, reported for this item only
                    yield Finished(item, error=raised(task.label(item), exc))
            finished = True
        finally:
            if pool is not None and finished:
                pool.shutdown(wait=True)
                children.unregister(pool)
            elif pool is not None:  # interrupted or abandoned: the remaining work is not wanted
                children.kill_pool(pool)

    def close(self) -> None:
        pass


_END = object()
_task: Task[Any, Any] | None = None


def _in_process(task: Task[Any, Any], items: Iterable[Any]) -> Iterator[Finished[Any, Any]]:
    task.setup()
    for item in items:
        try:
            result = task(item)
        except Exception as exc:
            yield Finished(item, error=raised(task.label(item), exc))
            continue
        yield Finished(item, result=result)


def _pool(task: Task[Any, Any], jobs: int) -> ProcessPoolExecutor:
    from podium.batch import _worker_threads

    # spawn, not fork: forking a process that has loaded torch or spaCy can deadlock in their thread pools
    pool = ProcessPoolExecutor(
        jobs,
        multiprocessing.get_context("spawn"),
        initializer=children.child_initializer,
        initargs=children.initializer_args(_init_worker, task),
    )
    children.register(pool)
    with _worker_threads(jobs):  # each worker's math libraries get their share of the cores
        started = [pool.submit(os.getpid) for _ in range(jobs)]  # all of them now, while these hold
        try:
            for future in started:
                future.result()
        except BrokenProcessPool as exc:  # a worker could not set the task up
            children.kill_pool(pool)
            raise PodiumError("E607", reason="a worker process ended while loading the models") from exc
    return pool


def _init_worker(task: Task[Any, Any]) -> None:
    global _task
    os.environ[background.ENV] = "0"  # the cores are already shared out among the workers
    task.setup()
    _task = task


def _call(item: Any) -> Any:
    assert _task is not None
    return _task(item)
