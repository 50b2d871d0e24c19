"""``podium corpus add``: analyse inputs and store them, a few short documents per transaction.

Each input is read and hashed first; a text already in the corpus is skipped without being analysed, so
a re-run after an interruption (even ``kill -9``) only does what is missing. Analysis runs on an engine
(``podium.engines``): here, in ``-j`` worker processes, or on a Dask cluster; each worker loads the models
once and checks the corpus for the hash itself where it can open it. This process is the single writer.
A failing input is reported and does not stop the run.

Finished analyses are stored in small groups (``Pending``: up to 16 documents or 4,000 words, or sooner
once the oldest has waited 2 s), one transaction each: for short documents the transaction and
per-statement costs were most of the writer's time. A group whose transaction fails on one input is
stored again one document at a time, so the others are stored and that one is reported. An interrupted
run loses at most the group being collected (``--resume`` analyses it again).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy.exc import IntegrityError

from podium.analyze import analyze_document
from podium.corpus.store import Corpus
from podium.corpus.writer import claim_vector_bytes, content_hash
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
    #: the claims' stored vectors, computed with the analysis (on the worker, not by the single writer)
    vectors: list[bytes] | None = None


@dataclass
class AddOutcome:
    source: str
    status: str  # added, skipped or failed
    document_id: int | None = None
    words: int = 0
    error: PodiumError | None = None


def prepare(
    job: AddJob, pipeline: Pipeline, known: Callable[[str], int | None], vectors: bool = True
) -> Prepared:
    """Read ``job.source``; unless its text is ``known`` to the corpus, analyse it (with its claims'
    stored vectors unless ``vectors`` is False: Parquet shards do not hold them)."""
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
            stored = claim_vector_bytes(data) if vectors else None
        return Prepared(job.source, text_hash, data, [a.name for a in pipeline.analysers], vectors=stored)
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
        document_id, added = corpus.add(item.data, item.analysers, item.vectors)
    except PodiumError as err:
        if err.exit_code == err.exit_code.INPUT:
            return AddOutcome(item.source, "failed", error=err)
        raise  # a database failure ends the run: nothing more can be stored
    words = len(item.data["text"].split())
    return AddOutcome(item.source, "added" if added else "skipped", document_id, words)


def store_many(corpus: Corpus, items: Sequence[Prepared], checker: Any = None) -> list[AddOutcome]:
    """``store`` for several prepared inputs, the storable ones in one transaction; outcomes in order.
    If that transaction fails on an input's data, each is stored on its own (the bad one is reported)."""
    outcomes: list[AddOutcome | None] = [None] * len(items)
    storable: list[int] = []
    for i, item in enumerate(items):
        if item.error is not None or item.data is None:
            outcomes[i] = store(corpus, item)
        else:
            if checker is not None:
                checker.check_data(item.data)
            storable.append(i)
    if len(storable) == 1:
        outcomes[storable[0]] = store(corpus, items[storable[0]])
    elif storable:
        batch = [(items[i].data or {}, items[i].analysers, items[i].vectors) for i in storable]
        try:
            stored = corpus.add_many(batch)
        except PodiumError as err:
            if err.exit_code != err.exit_code.INPUT and not isinstance(err.__cause__, IntegrityError):
                raise  # a database failure ends the run: nothing more can be stored
            stored = None
        for n, i in enumerate(storable):
            item = items[i]
            if stored is None:  # one by one: the others are stored, the failing one is reported
                outcomes[i] = store(corpus, item)
                continue
            document_id, added = stored[n]
            words = len((item.data or {})["text"].split())
            outcomes[i] = AddOutcome(item.source, "added" if added else "skipped", document_id, words)
    return [o for o in outcomes if o is not None]


class Pending:
    """Finished analyses waiting to be stored together: ``due`` once ``max_docs`` documents or
    ``max_words`` words are waiting, or the oldest has waited ``max_wait`` seconds."""

    def __init__(self, max_docs: int = 16, max_words: int = 4000, max_wait: float = 2.0) -> None:
        self.max_docs, self.max_words, self.max_wait = max_docs, max_words, max_wait
        self.items: list[Prepared] = []
        self.words = 0
        self.since = 0.0

    def put(self, item: Prepared) -> None:
        if not self.items:
            self.since = time.monotonic()
        self.items.append(item)
        self.words += len(item.data["text"].split()) if item.data is not None else 0

    def due(self) -> bool:
        return bool(self.items) and (
            len(self.items) >= self.max_docs
            or self.words >= self.max_words
            or time.monotonic() - self.since >= self.max_wait
        )

    def take(self) -> list[Prepared]:
        items, self.items, self.words = self.items, [], 0
        return items


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
        pending = Pending()
        with RunProgress(total, "adding", quiet) as progress:

            def flush() -> None:
                started = time.perf_counter()
                outcomes = store_many(corpus, pending.take(), checker)
                progress.tally.writing += time.perf_counter() - started
                progress.record_many([(o.status, o.words, o.error) for o in outcomes])

            for finished in engine.run(task, jobs):
                pending.put(finished.result or Prepared(finished.item.source, error=finished.error))
                if pending.due():
                    flush()
            flush()
        return progress.summary(f"database {corpus.name}")
    finally:
        engine.close()


def add_job(item: str | Record, max_bytes: int, timeout: float | None, meta: dict[str, Any]) -> AddJob:
    """The job for one input of ``Inputs``: a source, or a line of a JSONL file."""
    if isinstance(item, Record):
        return AddJob(item.source, max_bytes, timeout, meta, item)
    return AddJob(item, max_bytes, timeout, meta)
