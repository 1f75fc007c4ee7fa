"""claim revision counter for safe concurrent reviewing

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", sa.Integer(), server_default="0", nullable=False))
    # Existing review logs count: a claim with three reviews is at revision 3.
    op.execute(
        "UPDATE claim SET revision = (SELECT COUNT(*) FROM review WHERE review.claim_id = claim.id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_column("revision")
