"""Alembic environment: podium runs migrations in-process on the connection it opened (never from a
config file), so the same code path serves SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import context

from podium.corpus.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
