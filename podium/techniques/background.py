"""The technique model in a helper process, so one document uses both cores.

The span tagger and classifier (``detector``) need only the text and its sentences, so they can run while
the main process runs spaCy and the other analysers. ``Helper.submit`` hands a document to one spawned
helper process (it loads the technique model once, offline, like the main process would); the analyser
asks for the result when its turn comes. The numbers are the same as in-process: the helper runs the same
code on the same input. Any failure of the helper (it could not start, it died) means the analyser
computes the spans itself, so the helper can only make a run faster.

On where the process analyses documents one at a time and has two cores: ``podium analyze`` turns it on
(``allow``) unless it spreads a batch over several worker processes (the cores are then already shared
out among documents). Library callers are not switched on behind their backs: a spawned helper
re-imports the caller's main module, which a script without a ``__main__`` guard does not expect.
``PODIUM_HELPER=1`` or ``=0`` in the environment forces it on or off.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from podium import children

ENV = "PODIUM_HELPER"
_detector: Any = None
_allowed = False


def allow(on: bool = True) -> None:
    """Let this process use the helper (what ``podium analyze`` does for one-at-a-time runs), and start
    it now, so that it loads its model while this process loads its own."""
    global _allowed
    _allowed = on
    if on:
        HELPER.start()


def enabled() -> bool:
    """Whether documents go to the helper process: allowed (or forced), and two or more cores."""
    setting = os.environ.get(ENV, "")
    wanted = setting == "1" or (_allowed and setting != "0")
    return wanted and (os.cpu_count() or 1) >= 2


def _load() -> None:
    global _detector
    from threadpoolctl import threadpool_limits

    from podium.techniques.detector import TechniqueDetector

    threadpool_limits(1)  # the other core is the main process's

    _detector = TechniqueDetector.load()


def _find(text: str, segments: list[tuple[int, int]]) -> list[Any]:
    return _detector.find(text, segments)


def _ready() -> bool:
    return _detector is not None


class Helper:
    """One helper process, started on first use and kept for the life of this process."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False
        self._exit_hook = False

    def submit(self, text: str, segments: list[tuple[int, int]]) -> Future[list[Any]] | None:
        """The future spans of ``text``, or ``None`` when the helper is off or unusable."""
        if self._broken or not enabled():
            return None
        try:
            return self._started().submit(_find, text, segments)
        except Exception:  # any failure means: compute in this process instead
            self._broken = True
            return None

    def start(self) -> None:
        """Start the helper process (if enabled) without waiting for it."""
        if self._broken or not enabled():
            return
        try:
            self._started().submit(_ready)
        except Exception:
            self._broken = True

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is not None and not children.is_registered(self._pool):
            self._pool = None  # killed when a run gave up (a timeout): start a fresh one
        if self._pool is None:
            import numpy  # noqa: F401 - loads the BLAS library that the limit below applies to
            from threadpoolctl import threadpool_limits

            # spawn, not fork: a fork of a process that has loaded spaCy's or BLAS's threads can hang.
            # The helper dies with this process, whatever ends it (podium.children).
            self._pool = ProcessPoolExecutor(
                1,
                multiprocessing.get_context("spawn"),
                initializer=children.child_initializer,
                initargs=children.initializer_args(_load),
            )
            children.register(self._pool)
            if not self._exit_hook:
                atexit.register(self.close)
                self._exit_hook = True
            # one core each from now on: BLAS threads waiting for work would spin on the helper's core
            threadpool_limits(1, user_api="blas")
        return self._pool

    def peak_memory_mb(self) -> float | None:
        """The helper process's peak resident memory (Linux ``/proc``), or ``None`` if unknown."""
        pids = list(getattr(self._pool, "_processes", None) or {})
        try:
            for line in Path(f"/proc/{pids[0]}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except (IndexError, OSError, ValueError):
            return None
        return None

    def close(self) -> None:
        """Stop the helper process now (at exit, or when a caller is done with it): whatever it is
        still computing is not needed any more, so it is killed rather than waited for."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            with contextlib.suppress(Exception):
                children.kill_pool(pool)

    def result(self, future: Future[list[Any]] | None) -> list[Any] | None:
        """The helper's spans, or ``None`` if it failed (the caller then computes them itself)."""
        if future is None:
            return None
        try:
            return future.result()
        except Exception:  # a dead or failing helper is never an error for the user
            self._broken = True
            return None


#: The helper of this process (one for every pipeline in it).
HELPER = Helper()
