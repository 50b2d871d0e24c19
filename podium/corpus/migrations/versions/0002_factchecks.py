"""Fact-checks: the ``factchecks`` table (ClaimReview and archive imports).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "factchecks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "key", sa.Text(), nullable=False, comment="url:<URL> or sha256:<hash>; import is idempotent"
        ),
        sa.Column(
            "claim_reviewed", sa.Text(), nullable=False, comment="the claim as the fact-checker states it"
        ),
        sa.Column("rating", sa.Text(), nullable=False, comment="false … true, or other"),
        sa.Column("rating_original", sa.Text(), nullable=True, comment="the verdict as published"),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("date", sa.Text(), nullable=True, comment="ISO date of the review"),
        sa.Column("claimant", sa.Text(), nullable=True),
        sa.Column("claim_date", sa.Text(), nullable=True),
        sa.Column("appearances", sa.JSON(), nullable=False),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True, comment="the article, where the archive has it"),
        sa.Column("source_id", sa.Text(), nullable=True, comment="the id in the archive it came from"),
        sa.Column("source", sa.Text(), nullable=False, comment="the file it was imported from"),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_index(op.f("ix_factchecks_date"), "factchecks", ["date"], unique=False)
    op.create_index(op.f("ix_factchecks_publisher"), "factchecks", ["publisher"], unique=False)
    op.create_index(op.f("ix_factchecks_rating"), "factchecks", ["rating"], unique=False)


def downgrade() -> None:
    op.drop_table("factchecks")
