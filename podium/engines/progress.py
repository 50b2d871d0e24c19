"""The progress of a run over many documents, fed by the results as they come back from the engine:
documents done of the total, documents/s, words/s, time left, failures; then the summary line
``added N, skipped N, failed N`` (the contract of ``podium corpus add``).

Errors are printed one line each as they happen, above the bar. Rates are measured from the first result
on, so the minutes a cluster takes to start and load its models do not count against it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from podium.errors import PodiumError


@dataclass
class Tally:
    """What a run did, and when its results came (for rates)."""

    added: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    first: float | None = None
    last: float | None = None
    #: Seconds this process spent writing results (the single writer's share of the run).
    writing: float = 0.0
    #: Documents and words of the first result (the rates count what came after it).
    first_done: int = 0
    first_words: int = 0
    failures: list[PodiumError] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.added + self.skipped + self.failed

    def summary(self) -> str:
        return f"added {self.added}, skipped {self.skipped}, failed {self.failed}"

    def rates(self) -> tuple[float, float]:
        """Documents/s and words/s between the first result and the last (those after the first)."""
        if self.first is None or self.last is None or self.last <= self.first:
            return 0.0, 0.0
        seconds = self.last - self.first
        return (self.done - self.first_done) / seconds, (self.words - self.first_words) / seconds


class RunProgress:
    """A rich progress bar on stderr (hidden with ``quiet``) over ``total`` documents."""

    def __init__(self, total: int, description: str, quiet: bool = False) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.console = Console(stderr=True)
        self.tally = Tally()
        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rates]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[failed]}"),
            console=self.console,
            disable=quiet,
            transient=True,
        )
        self._task = self._bar.add_task(description, total=total or None, rates="", failed="")

    def __enter__(self) -> RunProgress:
        self._bar.__enter__()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._bar.__exit__(kind, exc, tb)

    def record(self, status: str, words: int = 0, error: PodiumError | None = None, count: int = 1) -> None:
        """``count`` documents finished with ``status`` (added, skipped or failed)."""
        self.record_many([(status, words, error)], count)

    def record_many(
        self, outcomes: Sequence[tuple[str, int, PodiumError | None]], count: int | None = None
    ) -> None:
        """Documents ``(status, words, error)`` finished together (one each, or ``count`` in all for a
        single entry): the rates count from the first group, so a group is never split across it."""
        tally = self.tally
        now = time.monotonic()
        tally.last = now
        for status, words, error in outcomes:
            setattr(tally, status, getattr(tally, status) + (count or 1))
            tally.words += words
            if error is not None:
                tally.failures.append(error)
                self.print(f"podium: error: {error}")
        if tally.first is None:
            tally.first, tally.first_done, tally.first_words = now, tally.done, tally.words
        docs, words_s = tally.rates()
        failed = f"failed {tally.failed}" if tally.failed else ""
        rates = f"{docs:,.1f} docs/s {words_s:,.0f} words/s" if docs else ""
        self._bar.update(self._task, advance=count or len(outcomes), rates=rates, failed=failed)

    def print(self, message: str) -> None:
        """One line above the bar, never folded or styled."""
        self.console.print(message, markup=False, highlight=False, soft_wrap=True)

    def summary(self, where: str) -> Any:
        self.print(f"podium: {self.tally.summary()} ({where})")
        return self.tally
