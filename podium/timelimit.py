"""A wall-clock limit on one document's analysis, so one pathological input cannot hang a batch.

Uses ``SIGALRM`` where the platform has it and the caller is the main thread (the CLI and batch
workers are); elsewhere the limit is not enforced. It does not kill child processes.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from podium.errors import PodiumError


@contextmanager
def time_limit(seconds: float | None, path: str) -> Iterator[None]:
    """Raise E015 naming ``path`` if the block runs longer than ``seconds`` (None or 0: no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise PodiumError("E015", path=path, seconds=seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
