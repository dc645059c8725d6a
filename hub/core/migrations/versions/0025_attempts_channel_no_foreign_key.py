"""attempts' channel without a foreign key: ``delivery_attempts.channel_id`` is a copy of
its delivery's channel (for the Channels page's index), and the delivery's own foreign
keys already tie it to the channel (a channel's deletion removes its deliveries, and
theirs their attempts). The second check cost every recorded attempt a lookup in
``channels`` and a row lock on it (``hub bench bus``: about a fifth of the history
insert's time on PostgreSQL)

Revision ID: 0025
Revises: 0024
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("delivery_attempts") as batch:
        batch.drop_constraint(op.f("fk_delivery_attempts_channel_id_channels"), type_="foreignkey")


def downgrade() -> None:
    with op.batch_alter_table("delivery_attempts") as batch:
        batch.create_foreign_key(
            op.f("fk_delivery_attempts_channel_id_channels"),
            "channels",
            ["channel_id"],
            ["id"],
            ondelete="CASCADE",
        )
