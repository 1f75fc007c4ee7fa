"""index claim vectors by model

Every grouping run drops the vectors of any other model; without an index that check reads
every stored vector (0.2 s for 100,000 claims, a fifth of the incremental budget).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_claim_vector_model", "claim_vector", ["model"])


def downgrade() -> None:
    op.drop_index("ix_claim_vector_model", table_name="claim_vector")
