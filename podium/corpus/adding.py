"""``podium corpus add``: analyse inputs and store them, one transaction per document.

Each input is read and hashed first; a text already in the corpus is skipped without being analysed, so
a re-run after an interruption (even ``kill -9``) only does what is missing. Analysis runs here or in
``jobs`` worker processes (each loads the models once and checks the corpus for the hash itself); this
process is the single writer. A failing input is reported and does not stop the run.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from podium import children
from podium.analyze import analyze_document
from podium.corpus.store import Corpus
from podium.corpus.writer import content_hash
from podium.errors import PodiumError
from podium.ingest import apply_meta, load
from podium.outputs.json_out import to_dict
from podium.pipeline import Pipeline
from podium.techniques import background
from podium.timelimit import time_limit


@dataclass(frozen=True)
class AddJob:
    source: str
    max_bytes: int
    timeout: float | None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Prepared:
    """What a worker sends back: the analysis to store, or why there is none."""

    source: str
    text_hash: str | None = None
    data: dict[str, Any] | None = None
    analysers: list[str] = field(default_factory=list)
    existing: int | None = None
    error: PodiumError | None = None


@dataclass
class AddOutcome:
    source: str
    status: str  # added, skipped or failed
    document_id: int | None = None
    words: int = 0
    error: PodiumError | None = None


def prepare(job: AddJob, pipeline: Pipeline, known: Callable[[str], int | None]) -> Prepared:
    """Read ``job.source``; unless its text is ``known`` to the corpus, analyse it."""
    try:
        with time_limit(job.timeout, "<stdin>" if job.source == "-" else job.source):
            doc = load(job.source, max_bytes=job.max_bytes)
            apply_meta(doc, **job.meta)
            text_hash = content_hash(doc.text)
            existing = known(text_hash)
            if existing is not None:
                return Prepared(job.source, text_hash, existing=existing)
            analyze_document(doc, pipeline)
            data = to_dict(doc)
        return Prepared(job.source, text_hash, data, [a.name for a in pipeline.analysers])
    except PodiumError as err:
        return Prepared(job.source, error=err)


_worker: tuple[Pipeline, Corpus] | None = None


def _init_worker(db: str, only: list[str] | None, skip: list[str] | None) -> None:
    global _worker
    os.environ[background.ENV] = "0"  # the cores are already shared out among the workers
    _worker = (Pipeline.from_names(only, skip), Corpus(db, create=False))


def _prepare_in_worker(job: AddJob) -> Prepared:
    assert _worker is not None
    pipeline, corpus = _worker
    return prepare(job, pipeline, corpus.find)


def prepared(
    corpus: Corpus,
    jobs: list[AddJob],
    pipeline: Pipeline,
    workers: int,
    selection: tuple[list[str] | None, list[str] | None],
) -> Iterator[Prepared]:
    """Prepared inputs in input order, made here or in ``workers`` spawned processes."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield prepare(job, pipeline, corpus.find)
        return
    db = corpus.url.render_as_string(hide_password=False)
    pool = ProcessPoolExecutor(
        workers,
        multiprocessing.get_context("spawn"),
        initializer=children.child_initializer,
        initargs=children.initializer_args(_init_worker, db, *selection),
    )
    children.register(pool)
    finished = False
    try:
        yield from pool.map(_prepare_in_worker, jobs)
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
            children.unregister(pool)
        else:
            children.kill_pool(pool)


def store(corpus: Corpus, item: Prepared) -> AddOutcome:
    """Write one prepared input (its own transaction); a text stored meanwhile counts as skipped."""
    if item.error is not None:
        return AddOutcome(item.source, "failed", error=item.error)
    if item.data is None:
        return AddOutcome(item.source, "skipped", item.existing)
    try:
        document_id, added = corpus.add(item.data, item.analysers)
    except PodiumError as err:
        if err.exit_code == err.exit_code.INPUT:
            return AddOutcome(item.source, "failed", error=err)
        raise  # a database failure ends the run: nothing more can be stored
    words = len(item.data["text"].split())
    return AddOutcome(item.source, "added" if added else "skipped", document_id, words)


def run_add(
    corpus: Corpus,
    sources: list[str],
    meta: dict[str, Any],
    selection: tuple[list[str] | None, list[str] | None],
    max_bytes: int,
    timeout: float | None,
    workers: int = 1,
    quiet: bool = False,
) -> list[PodiumError]:
    """Add every input (folders expanded) with a progress bar and the summary line
    ``added N, skipped N, failed N``; returns the failures."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from podium.ingest import collect_inputs

    inputs = collect_inputs(sources)
    pipeline = Pipeline.from_names(*selection)
    if (len(inputs) == 1 or workers <= 1) and "technique" in pipeline.layers:
        background.allow()  # one document at a time: the technique model gets the second core
    jobs = [AddJob(source, max_bytes, timeout, meta) for source in inputs]
    console = Console(stderr=True)
    counts = {"added": 0, "skipped": 0, "failed": 0}
    failures: list[PodiumError] = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=quiet, transient=True) as progress:
        task = progress.add_task("adding", total=len(jobs))
        for item in prepared(corpus, jobs, pipeline, workers, selection):
            outcome = store(corpus, item)
            counts[outcome.status] += 1
            if outcome.error is not None:
                failures.append(outcome.error)
                console.print(f"podium: error: {outcome.error}", markup=False, highlight=False)
            progress.advance(task)
    summary = f"added {counts['added']}, skipped {counts['skipped']}, failed {counts['failed']}"
    console.print(f"podium: {summary} (database {corpus.name})", markup=False, highlight=False)
    return failures
