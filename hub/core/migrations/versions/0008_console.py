"""console growth: a user's interface language, members' channels and last activity

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("language", sa.String(5), nullable=False, server_default="en"))
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("channels", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_column("last_seen_at")
        batch.drop_column("channels")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("language")
