"""Analyses in the background for ``podium serve``: a queue of jobs, each with an id and a status, run
by worker processes that load the models once.

Each worker is its own single-process pool (a *slot*), so a job that overruns its time limit can be
stopped by killing its worker alone; the slot then starts a fresh one. Requests wait in one queue
(at most ``max_queue``, else E507); the page or API client follows a job by its id. Progress comes
from the workers' stage reports (``podium.web.worker``) and an estimate of the time left from the
word count and the speed of the jobs finished so far. Finished jobs are forgotten after ``KEEP_HOURS``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import secrets
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from podium import children
from podium.errors import PodiumError
from podium.web import worker
from podium.web.worker import AnalysisRequest, AnalysisResult

log = logging.getLogger("podium.web")
KEEP_HOURS = 6
#: Seconds a worker may run past the job's time limit before it is killed (the limit itself is
#: enforced inside the worker; this catches an analysis stuck where the signal cannot reach it).
GRACE = 20.0
#: First guess of analysis seconds per word, before any job has finished here.
SECONDS_PER_WORD = 1 / 1500


@dataclass
class Job:
    """One analysis: its state as pages and the API report it."""

    id: str
    source: str
    created: float = field(default_factory=time.time)
    status: str = "queued"  # queued, running, done, failed
    stage: str = "waiting for a worker"
    words: int | None = None
    started: float | None = None
    analysing: float | None = None
    finished: float | None = None
    document_id: int | None = None
    added: bool | None = None
    error: PodiumError | None = None
    json_text: str | None = None
    done: asyncio.Event = field(default_factory=asyncio.Event)

    def public(self, seconds_per_word: float, position: int | None = None) -> dict[str, Any]:
        """What ``GET /api/jobs/{id}`` returns."""
        now = time.time()
        elapsed = (self.finished or now) - self.started if self.started else 0.0
        estimate = None
        progress = 1.0 if self.status in ("done", "failed") else 0.0
        if self.status == "running" and self.words and self.analysing:
            estimate = max(1.0, self.words * seconds_per_word)
            progress = min(0.95, (now - self.analysing) / estimate)
        out: dict[str, Any] = {
            "id": self.id,
            "status": self.status,
            "stage": self.stage,
            "source": self.source,
            "words": self.words,
            "elapsed": round(elapsed, 2),
            "estimated_seconds": round(estimate, 1) if estimate else None,
            "progress": round(progress, 3),
            "queue_position": position,
            "document_id": self.document_id,
            "added": self.added,
        }
        if self.error is not None:
            out["error"] = {"code": self.error.code, "message": str(self.error)}
        return out


class Slot:
    """One worker process (a pool of one), restarted after it is killed or dies."""

    def __init__(
        self, db: str | None, progress: Any, helper: bool, archive: tuple[str, float | None] | None
    ) -> None:
        self.db, self.progress, self.helper, self.archive = db, progress, helper, archive
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # spawn: forking a process that has loaded torch or spaCy can deadlock in their thread pools
        pool = ProcessPoolExecutor(
            1,
            multiprocessing.get_context("spawn"),
            initializer=children.child_initializer,
            initargs=children.initializer_args(
                worker.init, self.db, self.progress, self.helper, self.archive
            ),
        )
        # Not registered with podium.children's signal guard: uvicorn's own handlers shut the server
        # down gracefully, and the lifespan's end stops the workers (they die with this process anyway).
        warming = pool.submit(worker.warm)  # models load now, not with the first user's text
        warming.add_done_callback(_log_failure)
        return pool

    def restart(self) -> None:
        children.kill_pool(self.pool)
        self.pool = self._start()

    def stop(self) -> None:
        children.kill_pool(self.pool)


def _log_failure(future: Any) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.error("a worker could not load the models: %s", future.exception())


class JobQueue:
    """Jobs submitted by pages and the API, run by ``workers`` slots in submission order."""

    def __init__(
        self,
        db: str | None,
        workers: int,
        timeout: float | None,
        max_queue: int = 100,
        archive: tuple[str, float | None] | None = None,
    ) -> None:
        self.db, self.workers, self.timeout, self.max_queue = db, workers, timeout, max_queue
        self.archive = archive
        self.jobs: dict[str, Job] = {}
        self.waiting: list[str] = []
        self.seconds_per_word = SECONDS_PER_WORD
        self._queue: asyncio.Queue[tuple[Job, AnalysisRequest]] | None = None
        self._slots: list[Slot] = []
        self._tasks: list[asyncio.Task[None]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._progress: Any = None
        self._reader: threading.Thread | None = None
        #: Called (in a thread) with the document id of each analysis submitted from a page.
        self.on_stored: Callable[[int], None] | None = None

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._queue = asyncio.Queue()
        context = multiprocessing.get_context("spawn")
        self._progress = context.Queue()
        self._reader = threading.Thread(target=self._read_progress, name="podium-progress", daemon=True)
        self._reader.start()
        helper = self.workers == 1 and (os.cpu_count() or 1) >= 2
        self._slots = [Slot(self.db, self._progress, helper, self.archive) for _ in range(self.workers)]
        self._tasks = [asyncio.create_task(self._consume(slot)) for slot in self._slots]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        for slot in self._slots:
            slot.stop()
        if self._progress is not None:
            self._progress.put(None)  # ends the reader thread

    def submit(self, request_kind: str, source: str, **fields: Any) -> Job:
        """Queue an analysis; returns its Job at once (E507 when too many are waiting)."""
        assert self._queue is not None, "JobQueue.start() first"
        self._forget_old()
        if len(self.waiting) >= self.max_queue:
            raise PodiumError("E507", count=len(self.waiting))
        job = Job(secrets.token_urlsafe(12), source)
        request = AnalysisRequest(job.id, request_kind, source, timeout=self.timeout, **fields)
        self.jobs[job.id] = job
        self.waiting.append(job.id)
        self._queue.put_nowait((job, request))
        return job

    def get(self, job_id: str) -> Job:
        job = self.jobs.get(job_id)
        if job is None:
            raise PodiumError("E506", id=job_id, hours=KEEP_HOURS)
        return job

    def status(self, job: Job) -> dict[str, Any]:
        position = self.waiting.index(job.id) + 1 if job.id in self.waiting else None
        return job.public(self.seconds_per_word, position)

    async def _consume(self, slot: Slot) -> None:
        assert self._queue is not None and self._loop is not None
        while True:
            job, request = await self._queue.get()
            with contextlib.suppress(ValueError):
                self.waiting.remove(job.id)
            job.status, job.stage, job.started = "running", "starting", time.time()
            try:
                future = self._loop.run_in_executor(slot.pool, worker.run, request)
                limit = (self.timeout + GRACE) if self.timeout else None
                result: AnalysisResult = await asyncio.wait_for(future, limit)
                self._finish(job, result)
            except TimeoutError:
                log.error("job %s: the worker did not stop at the time limit; restarting it", job.id)
                slot.restart()
                self._fail(job, PodiumError("E015", path=job.source, seconds=f"{self.timeout:g}"))
            except BrokenProcessPool:
                log.error("job %s: the worker process ended; restarting it", job.id)
                slot.restart()
                self._fail(job, PodiumError("E017", path=job.source))
            except PodiumError as err:
                self._fail(job, err)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # never leave a job hanging
                log.exception("job %s failed", job.id)
                self._fail(job, PodiumError("E508", path=job.source, reason=type(exc).__name__))

    def _finish(self, job: Job, result: AnalysisResult) -> None:
        job.finished = time.time()
        job.status, job.stage = "done", "stored"
        job.document_id, job.added, job.words = result.document_id, result.added, result.words
        job.json_text = result.json_text
        if self.on_stored is not None and result.json_text is None and self._loop is not None:
            warming = self._loop.run_in_executor(None, self.on_stored, result.document_id)
            warming.add_done_callback(_log_failure)
        if result.words >= 200 and job.analysing:  # learn the speed here from real documents
            observed = (job.finished - job.analysing) / result.words
            self.seconds_per_word = 0.7 * self.seconds_per_word + 0.3 * observed
        job.done.set()

    def _fail(self, job: Job, error: PodiumError) -> None:
        job.finished = time.time()
        job.status, job.stage, job.error = "failed", "failed", error
        job.done.set()

    def _read_progress(self) -> None:
        while True:
            try:
                item = self._progress.get()
            except (EOFError, OSError):
                return
            if item is None:
                return
            if self._loop is not None:
                self._loop.call_soon_threadsafe(self._update, *item)

    def _update(self, job_id: str, stage: str, words: int | None) -> None:
        job = self.jobs.get(job_id)
        if job is None or job.status != "running":
            return
        job.stage = stage
        if words is not None:
            job.words = words
            if stage == "analysing":  # the estimate counts from here
                job.analysing = time.time()

    def _forget_old(self) -> None:
        cutoff = time.time() - KEEP_HOURS * 3600
        for job_id in [j.id for j in self.jobs.values() if j.finished and j.finished < cutoff]:
            del self.jobs[job_id]
