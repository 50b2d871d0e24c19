"""``podium corpus add``: analyse inputs and store them, one transaction per document.

Each input is read and hashed first; a text already in the corpus is skipped without being analysed, so
a re-run after an interruption (even ``kill -9``) only does what is missing. Analysis runs on an engine
(``podium.engines``): here, in ``-j`` worker processes, or on a Dask cluster; each worker loads the models
once and checks the corpus for the hash itself where it can open it. This process is the single writer.
A failing input is reported and does not stop the run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from podium.analyze import analyze_document
from podium.corpus.store import Corpus
from podium.corpus.writer import content_hash
from podium.engines.base import EngineOptions
from podium.engines.inputs import Inputs
from podium.engines.progress import Tally
from podium.errors import PodiumError
from podium.ingest import apply_meta, jsonl, load
from podium.ingest.jsonl import Record
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
    #: a line of a JSONL file of documents, read already (the source is then ``FILE:LINE``)
    record: Record | None = None


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
            if job.record is None:
                doc = load(job.source, max_bytes=job.max_bytes)
            else:
                doc = jsonl.document(job.record, job.max_bytes)
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


def store(corpus: Corpus, item: Prepared, checker: Any = None) -> AddOutcome:
    """Write one prepared input (its own transaction); a text stored meanwhile counts as skipped.
    ``checker`` (``--factchecks``) matches its claims first: they are stored with their matches."""
    if item.error is not None:
        return AddOutcome(item.source, "failed", error=item.error)
    if item.data is None:
        return AddOutcome(item.source, "skipped", item.existing)
    if checker is not None:
        checker.check_data(item.data)
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
    inputs: Inputs,
    meta: dict[str, Any],
    selection: tuple[list[str] | None, list[str] | None],
    max_bytes: int,
    timeout: float | None,
    options: EngineOptions | None = None,
    quiet: bool = False,
    checker: Any = None,
) -> Tally:
    """Add every input (folders expanded, list files and JSONL dumps streamed) on the engine ``options``
    name, with a progress bar and the summary line ``added N, skipped N, failed N``; returns the tally
    (its ``failures`` are the errors of the inputs that failed). With a ``checker`` (``checked_before``)
    this process matches each analysis' claims against fact-checks before storing it."""
    from podium.engines import open_engine
    from podium.engines.progress import RunProgress
    from podium.engines.tasks import AddTask

    options = options or EngineOptions()
    options.check_sources(inputs.sources)
    total = inputs.check()
    pipeline = Pipeline.from_names(*selection)
    local = options.engine == "local"
    if local and (total == 1 or options.jobs <= 1) and "technique" in pipeline.layers:
        background.allow()  # one document at a time: the technique model gets the second core
    engine = open_engine(options if total > 1 or not local else replace(options, jobs=1))
    try:
        # the workers look texts up in the corpus themselves where they can open it
        reachable = engine.on_this_machine or corpus.url.get_backend_name() != "sqlite"
        db = corpus.url.render_as_string(hide_password=False) if reachable else None
        task = AddTask([a.name for a in pipeline.analysers], db, compact=not local)
        jobs = (add_job(item, max_bytes, timeout, meta) for item in inputs)
        with RunProgress(total, "adding", quiet) as progress:
            for finished in engine.run(task, jobs):
                item = finished.result or Prepared(finished.item.source, error=finished.error)
                started = time.perf_counter()
                outcome = store(corpus, item, checker)
                progress.tally.writing += time.perf_counter() - started
                progress.record(outcome.status, outcome.words, outcome.error)
        return progress.summary(f"database {corpus.name}")
    finally:
        engine.close()


def add_job(item: str | Record, max_bytes: int, timeout: float | None, meta: dict[str, Any]) -> AddJob:
    """The job for one input of ``Inputs``: a source, or a line of a JSONL file."""
    if isinstance(item, Record):
        return AddJob(item.source, max_bytes, timeout, meta, item)
    return AddJob(item, max_bytes, timeout, meta)
