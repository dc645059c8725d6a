"""the console at a million deliveries: sent rows and failures indexed by time, each
attempt's channel, and the ledger's days sealed once they are over

- ``ix_deliveries_sent``: deliveries by status and ``sent_at`` (with channel and
  kind), partial on ``sent_at IS NOT NULL``, so "sent today", "sent in the last hour"
  and the days not sealed yet are read from it alone; a row enters it when it is sent.
- ``delivery_attempts.channel_id`` (filled from the delivery) with
  ``(channel_id, id)``: a channel's latest attempt is one lookup instead of a join of
  the whole history; ``ix_delivery_attempts_unsuccessful``: attempts that did not
  succeed, by time (failures, rate limits), a partial index.
- ``ix_deliveries_edits``: corrections and retractions by dedup key (an item's page
  lists its own; their ``item_id`` is NULL); ``ix_items_created_at_source_id`` and
  ``ix_items_source_id_status``: the dashboard's items per day, ``/metrics``' items.
- ``delivery_days`` and ``ledger_seals``: per UTC day, channel and kind, what was sent,
  failed and rate-limited, written once a day is over (``hub.core.bus.ledger_days``),
  so the dashboard's 30 days and ``/metrics`` count no more than the open days' rows.

Revision ID: 0017
Revises: 0016
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EDITS = "kind IN ('correction', 'retraction')"


def upgrade() -> None:
    op.create_index(
        "ix_deliveries_sent",
        "deliveries",
        ["status", "sent_at", "channel_id", "kind"],
        postgresql_where=sa.text("sent_at IS NOT NULL"),
        sqlite_where=sa.text("sent_at IS NOT NULL"),
    )
    op.create_index(
        "ix_deliveries_edits",
        "deliveries",
        ["dedup_key"],
        postgresql_where=sa.text(EDITS),
        sqlite_where=sa.text(EDITS),
    )
    op.create_index("ix_items_created_at_source_id", "items", ["created_at", "source_id"])
    op.create_index("ix_items_source_id_status", "items", ["source_id", "status"])
    with op.batch_alter_table("delivery_attempts") as batch:
        batch.add_column(sa.Column("channel_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE delivery_attempts SET channel_id = (SELECT deliveries.channel_id "
        "FROM deliveries WHERE deliveries.id = delivery_attempts.delivery_id)"
    )
    with op.batch_alter_table("delivery_attempts") as batch:
        batch.alter_column("channel_id", existing_type=sa.Integer(), nullable=False)
        batch.create_foreign_key(
            op.f("fk_delivery_attempts_channel_id_channels"),
            "channels",
            ["channel_id"],
            ["id"],
            ondelete="CASCADE",
        )
    op.create_index("ix_delivery_attempts_channel_id_id", "delivery_attempts", ["channel_id", "id"])
    op.create_index(
        "ix_delivery_attempts_unsuccessful",
        "delivery_attempts",
        ["finished_at"],
        postgresql_where=sa.text("outcome <> 'sent'"),
        sqlite_where=sa.text("outcome <> 'sent'"),
    )
    op.create_table(
        "delivery_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("sent", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("rate_limited", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["channel_id"],
            ["channels.id"],
            name=op.f("fk_delivery_days_channel_id_channels"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("day", "channel_id", "kind", name=op.f("pk_delivery_days")),
    )
    op.create_table(
        "ledger_seals",
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("through", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_ledger_seals")),
    )


def downgrade() -> None:
    op.drop_table("ledger_seals")
    op.drop_table("delivery_days")
    op.drop_index("ix_delivery_attempts_unsuccessful", table_name="delivery_attempts")
    op.drop_index("ix_delivery_attempts_channel_id_id", table_name="delivery_attempts")
    with op.batch_alter_table("delivery_attempts") as batch:
        batch.drop_constraint(op.f("fk_delivery_attempts_channel_id_channels"), type_="foreignkey")
        batch.drop_column("channel_id")
    op.drop_index("ix_items_source_id_status", table_name="items")
    op.drop_index("ix_items_created_at_source_id", table_name="items")
    op.drop_index("ix_deliveries_edits", table_name="deliveries")
    op.drop_index("ix_deliveries_sent", table_name="deliveries")
