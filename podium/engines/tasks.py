"""The work engines run: analyse one input for the corpus (``AddTask``), or a batch of inputs into one
Parquet shard (``ShardTask``). Both are plain picklable objects: the configuration travels to the workers,
the pipeline and models are built there by ``setup`` and never travel back.

Both run ``podium.corpus.adding.prepare`` on each input, whatever the engine, so every engine gives the
same analysis. Neither writes to the database: the caller is the single writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from podium.corpus.adding import AddJob, Prepared, prepare
from podium.engines.base import raised
from podium.errors import PodiumError


def warm_up(pipeline: Any) -> None:
    """Load every model of ``pipeline`` now (they load lazily), by analysing a short text: the worker is
    then ready, and the first real document costs what the others do."""
    from podium.analyze import analyze_document
    from podium.document import Document, Meta

    text = "Warm-up. The ministry said on 3 May 2024 that 40 villages were shelled, according to the UN."
    analyze_document(Document(text, Meta()), pipeline)


class _Configured:
    """Pickles its configuration only; what ``setup`` builds stays in the process that built it."""

    _runtime: tuple[str, ...] = ()

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in self._runtime}


class AddTask(_Configured):
    """One input for ``podium corpus add``: read it, skip it if its text is stored, else analyse it.

    ``db`` is the corpus to look texts up in (None where the workers cannot open it: then every input is
    analysed, and the writer still stores each text once). ``compact`` drops what the writer does not
    need (the span texts) from the result, for results that cross a network.
    """

    _runtime = ("_pipeline", "_corpus")

    def __init__(self, analysers: list[str], db: str | None, compact: bool = False) -> None:
        self.analysers = list(analysers)
        self.db = db
        self.compact = compact
        self._pipeline: Any = None
        self._corpus: Any = None

    def setup(self) -> None:
        from podium.corpus.store import Corpus
        from podium.pipeline import Pipeline

        self._pipeline = Pipeline.from_names(self.analysers)
        warm_up(self._pipeline)
        self._corpus = None
        if self.db:
            try:
                self._corpus = Corpus(self.db, create=False)
            except PodiumError:  # not reachable from this worker: analyse everything, the writer dedups
                self._corpus = None

    def __call__(self, job: AddJob) -> Prepared:
        if self._pipeline is None:
            self.setup()
        known = self._corpus.find if self._corpus is not None else _unknown
        item = prepare(job, self._pipeline, known)
        if self.compact and item.data is not None:
            item.data["spans"] = [{k: v for k, v in s.items() if k != "text"} for s in item.data["spans"]]
        return item

    def label(self, job: AddJob) -> str:
        return job.source


def _unknown(text_hash: str) -> int | None:
    return None


@dataclass(frozen=True)
class Batch:
    """Inputs analysed together into one shard part named ``part``."""

    part: str
    jobs: tuple[AddJob, ...]


@dataclass
class BatchResult:
    """What a shard task sends back: counts, and the failures by input."""

    part: str
    added: int = 0
    skipped: int = 0
    words: int = 0
    failures: list[tuple[str, PodiumError]] = field(default_factory=list)


class ShardTask(_Configured):
    """A batch of inputs for ``podium analyze --format parquet``: analyse each, write them as one part of
    the shard folder ``out``. With ``resume``, texts already in the folder's shards are skipped."""

    _runtime = ("_pipeline", "_known")

    def __init__(self, analysers: list[str], out: str, resume: bool) -> None:
        self.analysers = list(analysers)
        self.out = out
        self.resume = resume
        self._pipeline: Any = None
        self._known: set[str] = set()

    def setup(self) -> None:
        from podium.engines.shards import stored_hashes
        from podium.pipeline import Pipeline

        self._pipeline = Pipeline.from_names(self.analysers)
        warm_up(self._pipeline)
        self._known = stored_hashes(Path(self.out)) if self.resume else set()

    def __call__(self, batch: Batch) -> BatchResult:
        from podium.engines import shards

        if self._pipeline is None:
            self.setup()
        result = BatchResult(batch.part)
        parts = []
        seen: set[str] = set()
        for job in batch.jobs:
            try:
                item = prepare(
                    job, self._pipeline, lambda h: 0 if h in self._known or h in seen else None, vectors=False
                )
            except Exception as exc:  # one document's bug costs that document only
                result.failures.append((job.source, raised(job.source, exc)))
                continue
            if item.error is not None:
                result.failures.append((job.source, item.error))
            elif item.data is None or item.text_hash is None:
                result.skipped += 1
            else:
                seen.add(item.text_hash)
                parts.append(shards.rows(item.data, item.analysers, item.text_hash))
                result.added += 1
                result.words += len(item.data["text"].split())
        if parts:
            shards.write_part(Path(self.out), batch.part, shards.merge(parts))
        return result

    def label(self, batch: Batch) -> str:
        return (
            batch.jobs[0].source
            if len(batch.jobs) == 1
            else f"{batch.jobs[0].source} (+{len(batch.jobs) - 1})"
        )
