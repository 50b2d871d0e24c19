"""Claim reviews: ``claim_reviews`` (the workflow state of a claim) and ``claim_review_log`` (its edits).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.create_table(
        "claim_reviews",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column(
            "status", sa.Text(), nullable=False, comment="new, to_check, checked or not_worth_checking"
        ),
        sa.Column(
            "verdict", sa.Text(), nullable=True, comment="one of podium.factchecks.RATINGS, once checked"
        ),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("review_url", sa.Text(), nullable=True, comment="the published fact-check"),
        sa.Column("reviewer", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("claim_id"),
        comment="the review workflow of a claim (podium serve); a claim without a row is new",
    )
    op.create_index(op.f("ix_claim_reviews_status"), "claim_reviews", ["status"], unique=False)
    op.create_table(
        "claim_review_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=True),
        sa.Column(
            "changes", sa.JSON(), nullable=False, comment="field -> [before, after] of what this edit changed"
        ),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        comment="every edit of a claim review: who changed what, when",
    )
    op.create_index(op.f("ix_claim_review_log_claim_id"), "claim_review_log", ["claim_id"], unique=False)


def downgrade() -> None:
    op.drop_table("claim_review_log")
    op.drop_table("claim_reviews")
