"""The first corpus schema: documents, sentences, spans, claims, events, actors, full-text search.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from alembic import op

from podium.corpus.schema import metadata

revision = "0001"
down_revision = None

# Schema 1 is schema.py as first released. When schema.py changes, the change gets its own migration
# (op.add_column, ...), and this file must then spell out the version-1 tables instead of importing them.
_SQLITE_FTS = (
    "CREATE VIEW sentence_texts AS SELECT s.id AS id, substr(d.text, s.char_start + 1, "
    "s.char_end - s.char_start) AS text FROM sentences s JOIN documents d ON d.id = s.document_id",
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentence_texts', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
)
_POSTGRES_FTS = (
    "ALTER TABLE sentences ADD COLUMN tsv tsvector",
    "CREATE INDEX ix_sentences_tsv ON sentences USING GIN (tsv)",
    "CREATE INDEX ix_documents_speakers_lower ON document_speakers (lower(name))",
)


def upgrade() -> None:
    bind = op.get_bind()
    metadata.create_all(bind)
    for statement in _SQLITE_FTS if bind.dialect.name == "sqlite" else _POSTGRES_FTS:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE sentences_fts")
        op.execute("DROP VIEW sentence_texts")
    metadata.drop_all(bind)
