"""Which database: ``--db`` / ``PODIUM_DB`` resolved to an SQLAlchemy engine, and database failures
turned into podium's coded errors.

A path or ``sqlite:///PATH`` is an SQLite file (WAL journal, a busy timeout, foreign keys on; writes
take the lock at the start of their transaction, so concurrent writers queue instead of failing);
``postgresql://`` is a PostgreSQL server through psycopg 3. Nothing here knows the tables.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from podium.corpus.settings import DEFAULT, DEFAULT_LOCK_TIMEOUT, ENV
from podium.errors import PodiumError

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def resolve(db: str | None) -> URL:
    """The SQLAlchemy URL for ``--db`` (else ``PODIUM_DB``, else ``./podium.db``)."""
    raw = db or os.environ.get(ENV) or DEFAULT
    if not _SCHEME.match(raw):
        return URL.create("sqlite+pysqlite", database=str(Path(raw).expanduser()))
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise PodiumError("E401", url=raw, reason=str(exc)) from exc
    backend = url.get_backend_name()
    if backend == "sqlite" and url.database:
        return url.set(drivername="sqlite+pysqlite")
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    reason = "an SQLite URL needs a file path" if backend == "sqlite" else f"unknown scheme '{backend}'"
    raise PodiumError("E401", url=shown(url), reason=reason)


def shown(url: URL) -> str:
    """The URL as it may appear in messages: never with its password."""
    return url.render_as_string(hide_password=True).replace("+pysqlite", "").replace("+psycopg", "")


def connect(url: URL, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Engine:
    """An engine for ``url``; SQLite files get WAL, a busy timeout and foreign keys."""
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": lock_timeout})
        _sqlite_setup(engine, lock_timeout)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    except NoSuchModuleError as exc:  # pragma: no cover - psycopg is a declared dependency
        raise PodiumError("E408", feature="PostgreSQL", package="psycopg", extra="postgres") from exc


def _sqlite_setup(engine: Engine, lock_timeout: float) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # podium issues BEGIN itself (below)
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(lock_timeout * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")  # readers never block the writer; kept by the file
        # With WAL, NORMAL loses no committed transaction when a process dies (kill -9 included), only
        # possibly the last ones on a power cut; it saves an fsync per document.
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get("podium_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


@contextmanager
def errors(url: URL, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Iterator[None]:
    """Turn the database driver's failures inside the block into coded PodiumErrors."""
    try:
        yield
    except DBAPIError as exc:
        raise translate(exc, url, lock_timeout) from exc


def translate(exc: DBAPIError, url: URL, lock_timeout: float) -> PodiumError:
    message = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
    lowered = message.lower()
    where = shown(url)
    if url.get_backend_name() == "sqlite":
        if "locked" in lowered or "busy" in lowered:
            return PodiumError("E404", url=where, seconds=f"{lock_timeout:g}")
        if "not a database" in lowered or "malformed" in lowered:
            return PodiumError(
                "E402",
                url=where,
                reason=message,
                hint="The file is not an SQLite database or is damaged; "
                "restore it from a backup or give another --db.",
            )
        return PodiumError(
            "E402", url=where, reason=message, hint="Check that the folder exists and you may write to it."
        )
    if exc.connection_invalidated or "connection" in lowered or "password" in lowered:
        return PodiumError("E405", url=where, reason=message)
    return PodiumError("E402", url=where, reason=message, hint="Check the server's log for details.")
