"""Many inputs in one run: one output file per input, a progress bar, and a closing summary.

A failing input is reported and skipped (it leaves no file); the others are still written. With
``jobs > 1`` the inputs are spread over worker processes, each building the pipeline (and loading its
models) once; otherwise one pipeline is reused in this process. Results stream as they finish.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from podium import children
from podium.analyze import analyze
from podium.errors import PodiumError
from podium.outputs import render_chunks
from podium.pipeline import Pipeline
from podium.techniques import background
from podium.writing import output_name, refuse_unsafe_target, write_atomic


@dataclass(frozen=True)
class Job:
    source: str
    target: Path
    fmt: str
    max_bytes: int
    meta: dict[str, Any]
    archive: tuple[str, float | None] | None = None  # --factchecks DB and --match-threshold


@dataclass(frozen=True)
class Outcome:
    source: str
    result: str
    words: int = 0
    error: PodiumError | None = None


def run_job(job: Job, pipeline: Pipeline) -> Outcome:
    """Analyse one input and write its output; errors become an Outcome, not an exception."""
    try:
        doc = analyze(job.source, pipeline, max_bytes=job.max_bytes, **job.meta)
        if job.archive is not None:
            from podium.corpus.checked_before import checker_for

            checker_for(*job.archive).check(doc)
        write_atomic(job.target, render_chunks(doc, job.fmt))
        return Outcome(job.source, f"{job.target} ({len(doc.sentences)} sentences)", doc.word_count())
    except PodiumError as err:
        return Outcome(job.source, str(err), error=err)


_worker_pipeline: Pipeline | None = None


def _init_worker(only: list[str] | None, skip: list[str] | None) -> None:
    global _worker_pipeline
    os.environ[background.ENV] = "0"  # the cores are already shared out among the workers
    _worker_pipeline = Pipeline.from_names(only, skip)


def _run_in_worker(job: Job) -> Outcome:
    assert _worker_pipeline is not None
    return run_job(job, _worker_pipeline)


def outcomes(
    jobs: list[Job], pipeline: Pipeline, workers: int, selection: tuple[Any, Any]
) -> Iterator[Outcome]:
    """Outcomes in input order, computed here or in ``workers`` processes."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield run_job(job, pipeline)
        return
    # spawn, not fork: forking a process that has loaded torch or spaCy can deadlock in their thread pools
    context = multiprocessing.get_context("spawn")
    # every worker dies with this process, whatever ends it (podium.children)
    pool = ProcessPoolExecutor(
        workers,
        context,
        initializer=children.child_initializer,
        initargs=children.initializer_args(_init_worker, *selection),
    )
    children.register(pool)
    finished = False
    try:
        with _worker_threads(workers):  # workers start (and read these settings) as jobs are submitted
            futures = [pool.submit(_run_in_worker, job) for job in jobs]
        for job, future in zip(jobs, futures, strict=True):
            try:
                yield future.result()
            except BrokenProcessPool:  # a worker was killed (out of memory, a signal): no traceback
                yield Outcome(job.source, "worker ended", error=PodiumError("E017", path=job.source))
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
            children.unregister(pool)
        else:  # interrupted or abandoned: the workers' remaining work is not wanted
            children.kill_pool(pool)


@contextmanager
def _worker_threads(workers: int) -> Iterator[None]:
    """Share the cores out among the workers: each spawned worker's math libraries get
    ``cores // workers`` threads (unless the user set them), so workers do not fight over cores."""
    threads = str(max(1, (os.cpu_count() or 1) // workers))
    names = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
    saved = {n: os.environ.get(n) for n in names}
    for n in names:
        os.environ.setdefault(n, threads)
    try:
        yield
    finally:
        for n, value in saved.items():
            if value is None:
                os.environ.pop(n, None)
            else:
                os.environ[n] = value


def run_batch(
    inputs: list[str],
    pipeline: Pipeline,
    fmt: str,
    out_dir: Path,
    max_bytes: int,
    meta: dict[str, Any],
    quiet: bool = False,
    jobs: int = 1,
    selection: tuple[list[str] | None, list[str] | None] = (None, None),
    archive: tuple[str, float | None] | None = None,
) -> list[PodiumError]:
    """Analyse every input into ``out_dir``; return the errors of the inputs that failed.

    ``selection`` is the (only, skip) used to build ``pipeline``, so workers can build the same one;
    ``archive`` (a database and a threshold) matches every claim against its fact-checks.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise PodiumError("E202", path=out_dir, reason="it is a file; give a directory for several inputs")
    console = Console(stderr=True)
    taken: set[str] = set()
    work = [Job(s, out_dir / output_name(s, fmt, taken), fmt, max_bytes, meta, archive) for s in inputs]
    for job in work:  # before any work: no output may replace an input (e.g. `-f md -o` the input folder)
        refuse_unsafe_target(job.target, inputs)
    rows: list[tuple[str, str, str]] = []
    failures: list[PodiumError] = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=quiet, transient=True) as progress:
        task = progress.add_task("analysing", total=len(work))
        for outcome in outcomes(work, pipeline, jobs, selection):
            if outcome.error is not None:
                failures.append(outcome.error)
                # one line per error, however narrow the terminal (soft_wrap: rich does not fold it)
                message = f"podium: error: {outcome.error}"
                console.print(message, markup=False, highlight=False, soft_wrap=True)
            rows.append((outcome.source, "failed" if outcome.error else "ok", outcome.result))
            progress.advance(task)
    if not quiet:
        table = Table(title=f"{len(inputs) - len(failures)} analysed, {len(failures)} failed")
        for column in ("input", "status", "result"):
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    return failures
