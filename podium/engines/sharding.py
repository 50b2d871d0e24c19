"""``podium analyze --format parquet -o DIR``: analyse many inputs into a Parquet shard folder, on any
engine. Each task analyses a batch of inputs and writes them as one part (``podium.engines.shards``), so
with Dask every worker writes its own shards and only counts travel back; the folder must then be one the
workers can write (a shared file system). ``podium corpus load DIR`` stores the result in a database.

A folder that already holds shards is refused unless ``resume`` is given: then the texts stored in its
shards are skipped and the new parts hold only what was missing.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from podium.corpus.adding import AddJob, add_job
from podium.engines import shards
from podium.engines.base import EngineOptions, open_engine
from podium.engines.inputs import Inputs
from podium.engines.progress import RunProgress, Tally
from podium.engines.tasks import Batch, ShardTask
from podium.errors import PodiumError
from podium.pipeline import Pipeline

#: Documents per part at most (fewer on small runs, so that every worker gets several batches).
PART_DOCUMENTS = 64


def run_shards(
    inputs: Inputs,
    out: Path,
    selection: tuple[list[str] | None, list[str] | None],
    meta: dict[str, Any],
    max_bytes: int,
    timeout: float | None,
    options: EngineOptions,
    resume: bool = False,
    quiet: bool = False,
) -> Tally:
    """Analyse every input into shards under ``out``; the summary line says what was written."""
    shards.pyarrow()  # E408 before any work when pyarrow is missing
    if out.exists() and not out.is_dir():
        raise PodiumError("E202", path=out, reason="it is a file; --format parquet writes a folder")
    if shards.part_names(out) and not resume:
        raise PodiumError("E606", path=out)
    options.check_sources(inputs.sources)
    total = inputs.check()
    pipeline = Pipeline.from_names(*selection)
    engine = open_engine(options)
    try:
        size = max(1, min(PART_DOCUMENTS, total // (4 * engine.slots)))
        task = ShardTask([a.name for a in pipeline.analysers], str(out.resolve()), resume)
        run = time.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
        jobs = (add_job(item, max_bytes, timeout, meta) for item in inputs)
        batches = (Batch(f"{run}-{i:06d}", chunk) for i, chunk in enumerate(_chunks(jobs, size)))
        with RunProgress(total, "analysing", quiet) as progress:
            for finished in engine.run(task, batches):
                batch = finished.item
                if finished.error is not None or finished.result is None:
                    progress.record("failed", error=finished.error, count=len(batch.jobs))
                    continue
                result = finished.result
                for _, error in result.failures:
                    progress.record("failed", error=error)
                if result.added:
                    progress.record("added", result.words, count=result.added)
                if result.skipped:
                    progress.record("skipped", count=result.skipped)
        return progress.summary(f"shards in {out}")
    finally:
        engine.close()


def _chunks(jobs: Iterable[AddJob], size: int) -> Iterator[tuple[AddJob, ...]]:
    stream = iter(jobs)
    while chunk := tuple(islice(stream, size)):
        yield chunk


def analyze_command(
    sources: tuple[str, ...],
    from_list: Path | None,
    output: Path | None,
    fmt: str,
    selection: tuple[list[str] | None, list[str] | None],
    meta: dict[str, Any],
    max_bytes: int,
    timeout: float | None,
    options: EngineOptions,
    resume: bool,
    quiet: bool,
    unsupported: str | None = None,
) -> Tally:
    """``podium analyze`` with ``--format parquet`` (or ``--engine dask``, ``--resume``): the checks of the
    options, then ``run_shards``. ``unsupported`` names a given option that shards cannot honour."""
    if fmt != "parquet":
        option = "--engine dask" if options.engine == "dask" else "--resume"
        reason = "writes Parquet shards: add --format parquet (or store with `podium corpus add`)"
        raise PodiumError("E608", option=option, reason=reason)
    if unsupported is not None:
        raise PodiumError("E608", option=unsupported, reason="is not available with --format parquet")
    if output is None or str(output) == "-":
        raise PodiumError("E608", option="--format parquet", reason="writes a folder of shards: give -o DIR")
    if not sources and from_list is None:
        raise PodiumError("E608", option="--format parquet", reason="needs inputs, or --from-list FILE")
    return run_shards(
        Inputs(sources, from_list), output, selection, meta, max_bytes, timeout, options, resume, quiet
    )
