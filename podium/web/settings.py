"""The settings of one ``podium serve`` process, and the rule on where it may listen.

Kept free of FastAPI so the CLI can check its options (E501) before loading the web stack.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from podium.errors import PodiumError
from podium.ingest import DEFAULT_MAX_BYTES

#: Addresses only this machine can reach: served without a token.
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
TOKEN_ENV = "PODIUM_TOKEN"
DEFAULT_PORT = 8000
DEFAULT_TIMEOUT = 300.0


@dataclass(frozen=True)
class Settings:
    db: str | None = None
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    token: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float | None = DEFAULT_TIMEOUT
    workers: int = 1
    max_queue: int = 100
    factchecks: str | None = None
    match_threshold: float | None = None

    @property
    def local(self) -> bool:
        return is_local(self.host)


def is_local(host: str) -> bool:
    return host.strip("[]").lower() in LOCAL_HOSTS or host.startswith("127.")


def default_workers() -> int:
    """One worker per two cores, at most four: each worker holds the models (about 1 GB)."""
    return max(1, min(4, (os.cpu_count() or 1) // 2))


def check_bind(host: str, token: str | None) -> None:
    """E501 unless the address is local or a token protects the server."""
    if not is_local(host) and not token:
        raise PodiumError("E501", host=host)
