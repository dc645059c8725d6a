"""A delivery's platform id may name every part of a thread

A long post continues as a thread (Telegram always; Mastodon and Bluesky when the
route says ``thread = true``), and the ledger keeps every part's id, space-separated,
in ``deliveries.platform_message_id`` (``hub.core.ports.part_ids``): a Bluesky part's
``at://`` URI is about 70 characters, so three of them no longer fit 200. The column
becomes TEXT; downgrading keeps each thread's first part only (its head, what a
single message would have held).

Revision ID: 0019
Revises: 0018
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.alter_column(
            "platform_message_id",
            existing_type=sa.String(length=200),
            type_=sa.Text(),
            existing_nullable=True,
        )


def downgrade() -> None:
    deliveries = sa.table("deliveries", sa.column("id"), sa.column("platform_message_id"))
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(deliveries.c.id, deliveries.c.platform_message_id).where(
            deliveries.c.platform_message_id.like("% %")
        )
    ).all()
    for row in rows:
        head = str(row.platform_message_id).split()[0][:200]
        connection.execute(
            deliveries.update().where(deliveries.c.id == row.id).values(platform_message_id=head)
        )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.alter_column(
            "platform_message_id",
            existing_type=sa.Text(),
            type_=sa.String(length=200),
            existing_nullable=True,
        )
