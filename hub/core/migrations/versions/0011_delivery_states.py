"""delivery states: the database refuses a status, kind or outcome the hub does not know;
``error_kind`` says why the last attempt failed

Until now the state machine lived in string literals; a typo wrote a status no
query looks for, and the delivery was silently lost to every worker. The values
are frozen here, as migrations are: those of ``hub.core.bus.states`` on the day
of this migration. ``error_kind`` is filled from the ``ClassName: detail`` that
``last_error`` held until now, so old rows read the same as new ones.

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = (
    "held",
    "pending",
    "in_flight",
    "sent",
    "failed",
    "dead",
    "digested",
    "cancelled",
    "draft",
    "scheduled",
)
KINDS = ("item", "roundup", "alert", "reply", "correction", "retraction", "campaign", "test_send")
OUTCOMES = ("sent", "retry", "failed", "dead", "released")
ERROR_CLASSES = (
    "RateLimited",
    "Timeout",
    "TransientError",
    "ChannelGone",
    "Forbidden",
    "BadPayload",
    "PermanentError",
    "DeliveryError",
)


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(sa.Column("error_kind", sa.String(40), nullable=True))
        batch.create_check_constraint(op.f("ck_deliveries_status"), _in("status", STATUSES))
        batch.create_check_constraint(op.f("ck_deliveries_kind"), _in("kind", KINDS))
    with op.batch_alter_table("delivery_attempts") as batch:
        batch.create_check_constraint(
            op.f("ck_delivery_attempts_outcome"), _in("outcome", OUTCOMES)
        )
    deliveries = sa.table("deliveries", sa.column("last_error"), sa.column("error_kind"))
    for name in ERROR_CLASSES:
        op.execute(
            deliveries.update()
            .where(deliveries.c.last_error.like(f"{name}:%"))
            .values(error_kind=name)
        )
    op.execute(
        deliveries.update()
        .where(deliveries.c.last_error.like("lease expired%"))
        .values(error_kind="LeaseExpired")
    )
    op.execute(
        deliveries.update()
        .where(deliveries.c.last_error.like("released at shutdown%"))
        .values(error_kind="ReleasedAtShutdown")
    )


def downgrade() -> None:
    with op.batch_alter_table("delivery_attempts") as batch:
        batch.drop_constraint(op.f("ck_delivery_attempts_outcome"), type_="check")
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_constraint(op.f("ck_deliveries_kind"), type_="check")
        batch.drop_constraint(op.f("ck_deliveries_status"), type_="check")
        batch.drop_column("error_kind")
