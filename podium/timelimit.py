"""A wall-clock limit on one document's analysis, so one pathological input cannot hang a run.

Uses ``SIGALRM`` where the platform has it and the caller is the main thread (the CLI and batch
workers are). In any other thread (a Dask worker runs its tasks in one) a timer thread raises the same
exception in the analysing thread (CPython's ``PyThreadState_SetAsyncExc``), which, like the signal
handler, takes effect when that thread next runs Python code. When the time is up, ``Expired`` is raised,
a ``BaseException``: readers and analysers that catch ``Exception`` to survive a broken
page or part cannot swallow it; and if it was raised where Python drops exceptions (the signal arrived
while a ``__del__`` or a weakref callback ran), the block still ends in E015 once it returns.
``time_limit`` turns it into the catalogue's E015 at its own boundary
and kills the child processes (``podium.children``) working for the run.

A CLI run can also ask for a hard stop around its one analysis (``with hard_stop():``): if the analysis
is stuck in native code that never returns to Python for the signal handler to run, a watchdog thread
prints E015 itself a moment after the limit, kills the children and ends the process with the
input-error status. It is scoped to that block: a library caller (or a test) in the same process that
later uses ``time_limit`` gets only the soft stop, never an ``os._exit``.
"""

from __future__ import annotations

import ctypes
import math
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from podium import children
from podium.errors import PodiumError

#: Longer limits than this (about three years) are treated as this; setitimer overflows far above it.
MAX_SECONDS = 1e8
#: How long after the limit the hard stop (when on) ends the process if the soft one has not.
HARD_STOP_GRACE = 1.0
_hard = False


class Expired(BaseException):  # a signal more than an error: readers must not handle it
    """The time limit has passed (raised by the SIGALRM handler; ``time_limit`` turns it into E015)."""


@contextmanager
def hard_stop() -> Iterator[None]:
    """Within the block, end the whole process shortly after a limit passes, even if the analysis cannot
    be interrupted; the previous setting is restored on leaving it, however it is left."""
    global _hard
    previous, _hard = _hard, True
    try:
        yield
    finally:
        _hard = previous


def clean_seconds(seconds: float | None) -> float | None:
    """``seconds`` as a usable limit: None or 0 for none, at most ``MAX_SECONDS``; ValueError for NaN."""
    if seconds is None:
        return None
    if math.isnan(seconds) or seconds < 0:
        raise ValueError(f"not a number of seconds: {seconds!r}")
    return min(float(seconds), MAX_SECONDS) or None


@contextmanager
def time_limit(seconds: float | None, path: str) -> Iterator[None]:
    """Raise E015 naming ``path`` if the block runs longer than ``seconds`` (None or 0: no limit)."""
    limit = clean_seconds(seconds)
    if not limit:
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        with _thread_limit(limit, PodiumError("E015", path=path, seconds=_shown(seconds))):
            yield
        return
    if not hasattr(signal, "setitimer"):
        yield
        return

    fired: list[bool] = []

    def expire(signum: int, frame: FrameType | None) -> None:
        fired.append(True)
        raise Expired

    error = PodiumError("E015", path=path, seconds=_shown(seconds))
    previous = signal.signal(signal.SIGALRM, expire)
    watchdog = _watchdog(limit, error) if _hard else None
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, limit)
            yield
        finally:  # disarmed inside the handler's reach: a signal arriving here is still caught below
            signal.setitimer(signal.ITIMER_REAL, 0)
        if fired:  # raised where Python drops exceptions (a __del__, a weakref callback): the limit passed
            raise Expired
    except Expired:
        children.kill_all()  # a helper still working on this input must not outlive the limit
        raise error from None
    finally:
        signal.signal(signal.SIGALRM, previous)
        if watchdog is not None:
            watchdog.cancel()


@contextmanager
def _thread_limit(limit: float, error: PodiumError) -> Iterator[None]:
    """``time_limit`` in a thread that is not the main one: a timer raises ``Expired`` in it."""
    ident = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ident, ctypes.py_object(Expired))

    timer = threading.Timer(limit, fire)
    timer.daemon = True
    try:
        try:
            timer.start()
            yield
        finally:
            with lock:
                state["done"] = True
                if state["fired"]:  # raised but perhaps not delivered yet: take it back
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ident, None)
            timer.cancel()
    except Expired:
        raise error from None


def _shown(seconds: float | None) -> str:
    return f"{seconds:g}" if isinstance(seconds, float) else str(seconds)


def _watchdog(limit: float, error: PodiumError) -> threading.Timer:
    def stop() -> None:
        children.kill_all()
        try:
            sys.stderr.write(f"podium: error: {error}\n")
            sys.stderr.flush()
        finally:
            os._exit(int(error.exit_code))

    timer = threading.Timer(limit + HARD_STOP_GRACE, stop)
    timer.daemon = True
    timer.start()
    return timer
