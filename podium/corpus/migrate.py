"""Bring a corpus database to this podium's schema: create it, upgrade it (recorded by Alembic in
``alembic_version``), or refuse a database written by a newer podium (E403) without touching it."""

from __future__ import annotations

from importlib.resources import files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from podium.corpus.engine import shown
from podium.errors import PodiumError

#: PostgreSQL advisory lock taken while migrating (any constant shared by every podium).
_LOCK_KEY = 7_262_014


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("podium.corpus") / "migrations"))
    return config


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def ensure_schema(engine: Engine) -> None:
    """Create or upgrade the schema to this podium's head revision; E403 for a newer database."""
    config = _config()
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    known = {rev.revision for rev in script.walk_revisions()}
    with engine.connect() as conn:
        revision = current_revision(conn)
        conn.rollback()
    if revision == head:
        return
    if revision is not None and revision not in known:
        raise PodiumError("E403", url=shown(engine.url), revision=revision, known=head)
    with engine.connect().execution_options(podium_write=True) as conn, conn.begin():
        if conn.dialect.name == "postgresql":  # one migrating process at a time (SQLite: BEGIN IMMEDIATE)
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK_KEY})")
        if current_revision(conn) == head:  # another process migrated meanwhile
            return
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
