"""matching: groups, decisions, suggestions, token index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_token",
        sa.Column("token", sa.String(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
        ),
        sa.PrimaryKeyConstraint("token", "claim_id"),
    )
    with op.batch_alter_table("claim_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_token_claim_id"), ["claim_id"], unique=False)

    op.create_table(
        "match_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_a_id", sa.Integer(), nullable=False),
        sa.Column("claim_b_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(), nullable=False),
        sa.Column("reviewer", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_a_id"],
            ["claim.id"],
        ),
        sa.ForeignKeyConstraint(
            ["claim_b_id"],
            ["claim.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("match_decision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_match_decision_claim_a_id"), ["claim_a_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_match_decision_claim_b_id"), ["claim_b_id"], unique=False
        )

    op.create_table(
        "suggested_match",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_a_id", sa.Integer(), nullable=False),
        sa.Column("claim_b_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_a_id"],
            ["claim.id"],
        ),
        sa.ForeignKeyConstraint(
            ["claim_b_id"],
            ["claim.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("claim_a_id", "claim_b_id", name="uq_suggested_pair"),
    )
    with op.batch_alter_table("suggested_match", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_suggested_match_claim_a_id"), ["claim_a_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_suggested_match_claim_b_id"), ["claim_b_id"], unique=False
        )

    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("suggested_outdated", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("differing_spans", sa.JSON(), server_default="[]", nullable=False)
        )

    with op.batch_alter_table("claim_group", schema=None) as batch_op:
        batch_op.add_column(sa.Column("relation_reason", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("size", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(
            sa.Column("source_count", sa.Integer(), server_default="1", nullable=False)
        )
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_claim_group_relation"), ["relation"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("claim_group", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_group_relation"))
        batch_op.drop_column("updated_at")
        batch_op.drop_column("source_count")
        batch_op.drop_column("size")
        batch_op.drop_column("relation_reason")

    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_column("differing_spans")
        batch_op.drop_column("suggested_outdated")

    with op.batch_alter_table("suggested_match", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_suggested_match_claim_b_id"))
        batch_op.drop_index(batch_op.f("ix_suggested_match_claim_a_id"))

    op.drop_table("suggested_match")
    with op.batch_alter_table("match_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_decision_claim_b_id"))
        batch_op.drop_index(batch_op.f("ix_match_decision_claim_a_id"))

    op.drop_table("match_decision")
    with op.batch_alter_table("claim_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_token_claim_id"))

    op.drop_table("claim_token")
