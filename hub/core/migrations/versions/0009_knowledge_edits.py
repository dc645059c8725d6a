"""knowledge edited in the console: who last edited a record there, and when

``hub knowledge load`` keeps a record whose ``edited_at`` is set instead of
overwriting it with the seed files' version.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("events", "awards", "award_steps", "knowledge_entries")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True))
            batch.add_column(sa.Column("edited_by", sa.String(320), nullable=True))


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("edited_by")
            batch.drop_column("edited_at")
