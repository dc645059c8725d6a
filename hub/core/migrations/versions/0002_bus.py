"""bus: wake idle PostgreSQL workers when deliveries are inserted

A statement-level trigger sends one NOTIFY per inserting statement (at
commit) on the ``hub_deliveries`` channel, whoever wrote the rows (router,
roundups, alerts, replies). SQLite has no LISTEN: its single worker polls.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """
        CREATE OR REPLACE FUNCTION hub_deliveries_notify() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('hub_deliveries', '');
            RETURN NULL;
        END $$;
        """
    )
    op.execute(
        """
        CREATE TRIGGER deliveries_notify AFTER INSERT ON deliveries
        FOR EACH STATEMENT EXECUTE FUNCTION hub_deliveries_notify();
        """
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS deliveries_notify ON deliveries")
    op.execute("DROP FUNCTION IF EXISTS hub_deliveries_notify()")
