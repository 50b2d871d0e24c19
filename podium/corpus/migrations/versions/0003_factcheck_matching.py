"""Fact-check matching: ``factcheck_vectors`` (sentence vectors in blocks) and ``claim_matches``.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(
        "factcheck_vectors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("model", sa.Text(), nullable=False, comment="the sentence encoder that made the vectors"),
        sa.Column("count", sa.Integer(), nullable=False, comment="rows in this block"),
        sa.Column(
            "factcheck_ids",
            sa.LargeBinary(),
            nullable=False,
            comment="little-endian int64 factchecks.id, count of them",
        ),
        sa.Column(
            "vectors",
            sa.LargeBinary(),
            nullable=False,
            comment="little-endian float16, count x dim, unit length",
        ),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        comment="sentence vectors of fact-checks, one block per import batch (appended, never rewritten)",
    )
    op.create_table(
        "claim_matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("factcheck_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column(
            "score",
            sa.Float(),
            nullable=False,
            comment="calibrated probability that it checks the same claim",
        ),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["factcheck_id"], ["factchecks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("claim_id", "factcheck_id"),
    )
    op.create_index(op.f("ix_claim_matches_claim_id"), "claim_matches", ["claim_id"], unique=False)
    op.create_index(op.f("ix_claim_matches_factcheck_id"), "claim_matches", ["factcheck_id"], unique=False)


def downgrade() -> None:
    op.drop_table("claim_matches")
    op.drop_table("factcheck_vectors")
