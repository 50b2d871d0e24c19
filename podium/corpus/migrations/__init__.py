"""Alembic migrations of the corpus database (applied by ``podium.corpus.migrate``)."""
