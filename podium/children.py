"""Child processes that never outlive podium: the technique helper and the batch workers.

Three layers, so no signal to the main process leaves a child running:

* in the child, ``prepare_child`` asks Linux to kill it when its parent dies (``PR_SET_PDEATHSIG``,
  which covers even SIGKILL of the parent) and starts a watchdog thread that exits the child as soon as
  its parent process changes (the portable fallback);
* in the parent, while a pool is registered, a signal handler turns SIGTERM, SIGINT and SIGHUP into
  terminating every registered child first, then exiting with the usual ``128 + signal`` status;
* ``kill_all`` ends the registered children at once, for a run that gives up (a timeout) or exits.

It does not start processes itself: ``podium.techniques.background`` and ``podium.batch`` do, and
register their pools here.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from types import FrameType
from typing import Any

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 0.25
_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")
_pools: list[ProcessPoolExecutor] = []
_saved: dict[int, Any] = {}


def prepare_child(parent_pid: int, death_signal: bool = True) -> None:
    """Run in a freshly started child: die with the parent ``parent_pid``, whatever ends it.

    ``death_signal`` is off when the pool was made by a thread other than the main one: Linux sends the
    signal when the creating *thread* ends, which would kill a healthy pool of a finished thread.
    """
    if death_signal and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)
    threading.Thread(
        target=_watch_parent, args=(parent_pid,), name="podium-parent-watch", daemon=True
    ).start()


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(_POLL_SECONDS)
    os._exit(1)


def register(pool: ProcessPoolExecutor) -> None:
    """Have ``kill_all`` and the signal guard end ``pool``'s processes (the guard is on while any
    pool is registered)."""
    _pools.append(pool)
    _guard_signals()


def unregister(pool: ProcessPoolExecutor) -> None:
    with contextlib.suppress(ValueError):
        _pools.remove(pool)
    if not _pools:
        _restore_signals()


def is_registered(pool: ProcessPoolExecutor) -> bool:
    """Whether ``pool`` is still alive as far as this module knows (``kill_all`` unregisters it)."""
    return any(p is pool for p in _pools)


def kill_pool(pool: ProcessPoolExecutor) -> None:
    """Kill ``pool``'s processes now and release the pool without waiting for their work."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.kill()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(2)
    with contextlib.suppress(Exception):
        pool.shutdown(wait=False, cancel_futures=True)
    unregister(pool)


def kill_all() -> None:
    """Kill every registered child process (a run that gives up must leave nothing running)."""
    for pool in list(_pools):
        kill_pool(pool)


def _guard_signals() -> None:
    """In the main process: SIGTERM, SIGINT and SIGHUP kill the children, then end this process."""
    if _saved or threading.current_thread() is not threading.main_thread():
        return
    for name in _SIGNALS:
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError, OSError):
                _saved[number] = signal.signal(number, _on_signal)


def _restore_signals() -> None:
    if threading.current_thread() is not threading.main_thread():
        return
    for number, previous in list(_saved.items()):
        with contextlib.suppress(ValueError, OSError, TypeError):
            signal.signal(number, previous)
    _saved.clear()


def _on_signal(signum: int, frame: FrameType | None) -> None:
    kill_all()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)  # the default action: the status says which signal ended podium
    os._exit(128 + signum)


def initializer_args(then: Callable[..., Any] | None, *args: Any) -> tuple[Any, ...]:
    """``initargs`` for ``child_initializer``, made in the thread that creates the pool."""
    return (os.getpid(), threading.current_thread() is threading.main_thread(), then, *args)


def child_initializer(
    parent_pid: int, death_signal: bool, then: Callable[..., Any] | None, *args: Any
) -> None:
    """A ``ProcessPoolExecutor`` initializer: ``prepare_child``, then the pool's own initializer."""
    prepare_child(parent_pid, death_signal)
    if then is not None:
        then(*args)
