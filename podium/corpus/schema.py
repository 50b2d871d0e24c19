"""The corpus tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Readable as they are: a person opening the database in ``sqlite3`` or datasette finds ``documents`` (the
text, stored once, and its meta), ``sentences``, ``spans``, ``claims``, ``events``, ``actors`` and
``actor_mentions``; every offset (``char_start``, ``char_end``) is a character range ``[start, end)`` of
``documents.text``. Full-text search adds engine-specific objects (an FTS5 table on SQLite, a ``tsvector``
column on PostgreSQL), created by the migrations. Changing a table here needs a new migration in
``podium/corpus/migrations/versions``.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _document_fk() -> Column[int]:
    return Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


def _sentence_fk() -> Column[int]:
    return Column("sentence_id", ForeignKey("sentences.id", ondelete="CASCADE"))


documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True, comment="sha256 of the text"),
    Column("title", Text),
    Column("date", Text, index=True, comment="ISO 8601 date of the speech, if known"),
    Column("source", Text, comment="path or URL it was read from"),
    Column("language", Text),
    Column("side", Text, comment="whom the speaker's 'we' stands for"),
    Column("words", Integer, nullable=False),
    Column("text", Text, nullable=False, comment="the normalised text; every offset points into it"),
    Column("meta", JSON, nullable=False, comment="the analysis' meta as in podium analyze -f json"),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("podium_version", Text, nullable=False),
    Column("analysers", JSON, nullable=False, comment="analyser names that ran"),
    Column("json_schema_version", Text, nullable=False),
)

document_speakers = Table(
    "document_speakers",
    metadata,
    _document_fk(),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False, index=True),
    UniqueConstraint("document_id", "position"),
)

segments = Table(
    "segments",
    metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("kind", Text, nullable=False, comment="paragraph, turn or header"),
    Column("position", Integer, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("speaker", Text),
    Column("attrs", JSON, nullable=False),
    Index("ix_segments_document_kind", "document_id", "kind", "position"),
)

sentences = Table(
    "sentences",
    metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("position", Integer, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("speaker", Text, index=True),
    Column("attrs", JSON, nullable=False),
    UniqueConstraint("document_id", "position"),
)

spans = Table(
    "spans",
    metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    _sentence_fk(),
    Column("layer", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("score", Float),
    Column("attrs", JSON, nullable=False),
    Column("source", Text, nullable=False),
    Index("ix_spans_layer_label", "layer", "label"),
    Index("ix_spans_document", "document_id", "char_start"),
    Index("ix_spans_sentence", "sentence_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    _sentence_fk(),
    Column("claim_key", Text, nullable=False, comment="the claim's id in the document's JSON"),
    Column("rank", Integer, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("score", Float, nullable=False, index=True, comment="check-worthiness probability"),
    Column("type", Text),
    Column("speaker", Text, index=True),
    Column("parts", JSON, nullable=False),
    Column("vector", LargeBinary, comment="sentence vector for recurring-claim matching"),
    Index("ix_claims_document", "document_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    _sentence_fk(),
    Column("event_key", Text, nullable=False),
    Column("type", Text, nullable=False, index=True, comment="PLOVER type"),
    Column("source_actor", Text, index=True),
    Column("target_actor", Text, index=True),
    Column("char_start", Integer, nullable=False, comment="start of the evidence clause"),
    Column("char_end", Integer, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("modality", Text, nullable=False),
    Column("record", JSON, nullable=False, comment="the event as in podium analyze -f json"),
    Index("ix_events_document", "document_id"),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Text, primary_key=True, comment="canonical id, e.g. ISR"),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("wikidata", Text),
    Column("known", Boolean, nullable=False),
    Column("state", Text),
)

document_actors = Table(
    "document_actors",
    metadata,
    _document_fk(),
    Column("actor_id", ForeignKey("actors.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("mention_count", Integer, nullable=False),
    Column("record", JSON, nullable=False, comment="the actor as in podium analyze -f json"),
    UniqueConstraint("document_id", "actor_id"),
)

actor_mentions = Table(
    "actor_mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    _sentence_fk(),
    Column("actor_id", ForeignKey("actors.id"), nullable=False, index=True),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("score", Float),
    Column("attrs", JSON, nullable=False),
    Column("source", Text, nullable=False),
    Index("ix_actor_mentions_document", "document_id", "char_start"),
    Index("ix_actor_mentions_sentence", "sentence_id"),
)

factchecks = Table(
    "factchecks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "key", Text, nullable=False, unique=True, comment="url:<URL> or sha256:<hash>; import is idempotent"
    ),
    Column("claim_reviewed", Text, nullable=False, comment="the claim as the fact-checker states it"),
    Column("rating", Text, nullable=False, index=True, comment="false … true, or other"),
    Column("rating_original", Text, comment="the verdict as published"),
    Column("publisher", Text, index=True),
    Column("url", Text),
    Column("date", Text, index=True, comment="ISO date of the review"),
    Column("claimant", Text),
    Column("claim_date", Text),
    Column("appearances", JSON, nullable=False),
    Column("language", Text),
    Column("title", Text),
    Column("text", Text, comment="the article, where the archive has it"),
    Column("source_id", Text, comment="the id in the archive it came from"),
    Column("source", Text, nullable=False, comment="the file it was imported from"),
    Column("imported_at", DateTime(timezone=True), nullable=False),
)

factcheck_vectors = Table(
    "factcheck_vectors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("model", Text, nullable=False, comment="the sentence encoder that made the vectors"),
    Column("count", Integer, nullable=False, comment="rows in this block"),
    Column(
        "factcheck_ids",
        LargeBinary,
        nullable=False,
        comment="little-endian int64 factchecks.id, count of them",
    ),
    Column("vectors", LargeBinary, nullable=False, comment="little-endian float16, count x dim, unit length"),
    Column("added_at", DateTime(timezone=True), nullable=False),
    comment="sentence vectors of fact-checks, one block per import batch (appended, never rewritten)",
)

claim_matches = Table(
    "claim_matches",
    metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("claim_id", ForeignKey("claims.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("factcheck_id", ForeignKey("factchecks.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("rank", Integer, nullable=False),
    Column("score", Float, nullable=False, comment="calibrated probability that it checks the same claim"),
    UniqueConstraint("claim_id", "factcheck_id"),
)

claim_reviews = Table(
    "claim_reviews",
    metadata,
    Column("claim_id", ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "status", Text, nullable=False, index=True, comment="new, to_check, checked or not_worth_checking"
    ),
    Column("verdict", Text, comment="one of podium.factchecks.RATINGS, once checked"),
    Column("note", Text),
    Column("review_url", Text, comment="the published fact-check"),
    Column("reviewer", Text),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    comment="the review workflow of a claim (podium serve); a claim without a row is new",
)

claim_review_log = Table(
    "claim_review_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("claim_id", ForeignKey("claims.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("changed_at", DateTime(timezone=True), nullable=False),
    Column("reviewer", Text),
    Column("changes", JSON, nullable=False, comment="field -> [before, after] of what this edit changed"),
    comment="every edit of a claim review: who changed what, when",
)

#: Engine-specific full-text objects the migrations add beside these tables (not declared above).
SEARCH_OBJECTS = frozenset(
    {
        "sentences_fts",
        "sentences_fts_config",
        "sentences_fts_data",
        "sentences_fts_docsize",
        "sentences_fts_idx",
        "sentence_texts",
        "tsv",
        "ix_sentences_tsv",
        "ix_documents_speakers_lower",
    }
)
