"""The first corpus schema: documents, sentences, spans, claims, events, actors, full-text search.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None

# The tables of schema 1 are spelled out here (not imported from schema.py), so this migration keeps
# creating exactly version 1 whatever schema.py becomes; later changes come as later migrations.
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
    op.create_table(
        "actors",
        sa.Column("id", sa.Text(), nullable=False, comment="canonical id, e.g. ISR"),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("wikidata", sa.Text(), nullable=True),
        sa.Column("known", sa.Boolean(), nullable=False),
        sa.Column("state", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False, comment="sha256 of the text"),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("date", sa.Text(), nullable=True, comment="ISO 8601 date of the speech, if known"),
        sa.Column("source", sa.Text(), nullable=True, comment="path or URL it was read from"),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("side", sa.Text(), nullable=True, comment="whom the speaker's 'we' stands for"),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.Column(
            "text", sa.Text(), nullable=False, comment="the normalised text; every offset points into it"
        ),
        sa.Column(
            "meta", sa.JSON(), nullable=False, comment="the analysis' meta as in podium analyze -f json"
        ),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("podium_version", sa.Text(), nullable=False),
        sa.Column("analysers", sa.JSON(), nullable=False, comment="analyser names that ran"),
        sa.Column("json_schema_version", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash"),
    )
    op.create_index(op.f("ix_documents_date"), "documents", ["date"], unique=False)
    op.create_table(
        "document_actors",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False, comment="the actor as in podium analyze -f json"),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
        ),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.UniqueConstraint("document_id", "actor_id"),
    )
    op.create_index(op.f("ix_document_actors_actor_id"), "document_actors", ["actor_id"], unique=False)
    op.create_table(
        "document_speakers",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.UniqueConstraint("document_id", "position"),
    )
    op.create_index(op.f("ix_document_speakers_name"), "document_speakers", ["name"], unique=False)
    op.create_table(
        "segments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False, comment="paragraph, turn or header"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("attrs", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_segments_document_kind", "segments", ["document_id", "kind", "position"], unique=False
    )
    op.create_table(
        "sentences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("attrs", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "position"),
    )
    op.create_index(op.f("ix_sentences_speaker"), "sentences", ["speaker"], unique=False)
    op.create_table(
        "actor_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("sentence_id", sa.Integer(), nullable=True),
        sa.Column("actor_id", sa.Text(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("attrs", sa.JSON(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
        ),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["sentence_id"], ["sentences.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_actor_mentions_actor_id"), "actor_mentions", ["actor_id"], unique=False)
    op.create_index(
        "ix_actor_mentions_document", "actor_mentions", ["document_id", "char_start"], unique=False
    )
    op.create_index("ix_actor_mentions_sentence", "actor_mentions", ["sentence_id"], unique=False)
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("sentence_id", sa.Integer(), nullable=True),
        sa.Column("claim_key", sa.Text(), nullable=False, comment="the claim's id in the document's JSON"),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False, comment="check-worthiness probability"),
        sa.Column("type", sa.Text(), nullable=True),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("parts", sa.JSON(), nullable=False),
        sa.Column(
            "vector", sa.LargeBinary(), nullable=True, comment="sentence vector for recurring-claim matching"
        ),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["sentence_id"], ["sentences.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claims_document", "claims", ["document_id"], unique=False)
    op.create_index(op.f("ix_claims_score"), "claims", ["score"], unique=False)
    op.create_index(op.f("ix_claims_speaker"), "claims", ["speaker"], unique=False)
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("sentence_id", sa.Integer(), nullable=True),
        sa.Column("event_key", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False, comment="PLOVER type"),
        sa.Column("source_actor", sa.Text(), nullable=True),
        sa.Column("target_actor", sa.Text(), nullable=True),
        sa.Column("char_start", sa.Integer(), nullable=False, comment="start of the evidence clause"),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("modality", sa.Text(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False, comment="the event as in podium analyze -f json"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["sentence_id"], ["sentences.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_events_document", "events", ["document_id"], unique=False)
    op.create_index(op.f("ix_events_source_actor"), "events", ["source_actor"], unique=False)
    op.create_index(op.f("ix_events_target_actor"), "events", ["target_actor"], unique=False)
    op.create_index(op.f("ix_events_type"), "events", ["type"], unique=False)
    op.create_table(
        "spans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("sentence_id", sa.Integer(), nullable=True),
        sa.Column("layer", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("attrs", sa.JSON(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["sentence_id"], ["sentences.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_spans_document", "spans", ["document_id", "char_start"], unique=False)
    op.create_index("ix_spans_layer_label", "spans", ["layer", "label"], unique=False)
    op.create_index("ix_spans_sentence", "spans", ["sentence_id"], unique=False)
    for statement in _SQLITE_FTS if bind.dialect.name == "sqlite" else _POSTGRES_FTS:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE sentences_fts")
        op.execute("DROP VIEW sentence_texts")
    for table in ("actor_mentions", "document_actors", "events", "claims", "spans", "sentences", "segments"):
        op.drop_table(table)
    for table in ("document_speakers", "actors", "documents"):
        op.drop_table(table)
