"""The migrations build exactly the tables of ``schema.py`` (so a change to one without the other fails
here), on both engines, and the database records its revision."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from podium.corpus import Corpus
from podium.corpus.migrate import current_revision
from podium.corpus.schema import SEARCH_OBJECTS, metadata


def test_migrations_build_exactly_the_declared_schema(db_url: str) -> None:
    with Corpus(db_url) as store, store.engine.connect() as conn:
        declared_only = {"include_object": lambda obj, name, *_: name not in SEARCH_OBJECTS}
        diff = compare_metadata(MigrationContext.configure(conn, opts=declared_only), metadata)
        assert diff == []
        assert current_revision(conn) is not None


def test_processes_creating_the_schema_at_once_do_not_collide(db_url: str) -> None:
    """Several processes opening a new database together: one creates the schema, the others wait."""
    import subprocess
    import sys

    code = f"from podium.corpus import Corpus; Corpus({db_url!r}).close()"
    procs = [
        subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True) for _ in range(4)
    ]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
