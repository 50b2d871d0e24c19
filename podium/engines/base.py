"""The engine interface: run a task on a stream of items, get each item's result back as it finishes.

A ``Task`` is a picklable object: ``setup()`` runs once in every worker process (it loads the models),
``__call__(item)`` runs once per item and returns a small, picklable result. A task reports what is wrong
with one input inside its result (a ``PodiumError`` per document); an exception escaping it (a bug in an
analyser) or a worker dying under it becomes a ``Finished`` with ``error`` set (E602, E603), never the end
of the run. Engines read their items lazily and keep a bounded number of them in flight, so memory stays
flat whatever the input size. This module holds no engine; ``open_engine`` picks one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from podium.errors import PodiumError

ENGINES = ("local", "dask")

Item = TypeVar("Item")
Result = TypeVar("Result")


class Task(Protocol[Item, Result]):
    def setup(self) -> None:
        """Once per worker process, before its first item: build the pipeline, load the models."""

    def __call__(self, item: Item) -> Result:
        """The result for one item (runs in a worker)."""

    def label(self, item: Item) -> str:
        """The item's name in messages (its path or URL)."""


@dataclass
class Finished(Generic[Item, Result]):
    """One item done: its ``result``, or the ``error`` that took its place."""

    item: Item
    result: Result | None = None
    error: PodiumError | None = None


class Engine(Protocol):
    name: str
    #: Whether the workers run on this machine (and see its files and SQLite databases).
    on_this_machine: bool

    @property
    def slots(self) -> int:
        """How many items run at once (worker threads); the window in flight is a small multiple."""

    def run(self, task: Task[Any, Any], items: Iterable[Any]) -> Iterator[Finished[Any, Any]]:
        """Every item's ``Finished``, as they finish (the local engine keeps the input order)."""

    def close(self) -> None: ...


@dataclass(frozen=True)
class EngineOptions:
    """What ``--engine``, ``-j/--jobs``, ``--scheduler`` and ``--workers`` asked for."""

    engine: str = "local"
    jobs: int = 1
    scheduler: str | None = None
    workers: int | None = None
    in_flight: int | None = None

    def __post_init__(self) -> None:
        if self.engine != "dask" and (self.scheduler is not None or self.workers is not None):
            option = "--scheduler" if self.scheduler is not None else "--workers"
            reason = "needs --engine dask (use -j N for local processes)"
            raise PodiumError("E608", option=option, reason=reason)

    def check_sources(self, sources: tuple[str, ...]) -> None:
        """E608 for '-' on Dask: the workers cannot read this process' standard input."""
        if self.engine == "dask" and "-" in sources:
            reason = (
                "(standard input) cannot be read by Dask workers: save it to a file, or use --engine local"
            )
            raise PodiumError("E608", option="'-'", reason=reason)


def raised(label: str, exc: BaseException) -> PodiumError:
    """E602 for an exception that escaped a task."""
    text = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    return PodiumError("E602", path=label, error=text[:500])


def open_engine(options: EngineOptions) -> Engine:
    """The engine ``options`` name (``local`` unless ``--engine dask``); close it when done."""
    if options.engine == "dask":
        from podium.engines.dask_engine import DaskEngine

        return DaskEngine(options.scheduler, options.workers, options.in_flight)
    from podium.engines.local import LocalEngine

    return LocalEngine(options.jobs, options.in_flight)
