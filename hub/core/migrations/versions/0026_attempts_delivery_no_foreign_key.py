"""attempts' delivery without a foreign key: a delivery's removal still removes its attempt
history, by a trigger on ``deliveries`` instead of the key's cascade.

The attempt history is written only by the outbox, for deliveries it claimed (and by hand
for a manual channel's post, of a delivery it holds), so the key's check proved nothing
that was not already true, and it cost every recorded attempt a lookup of its delivery
and a row lock on it, written to the WAL (``hub bench bus``: about 3 us of the server's
60-70 us per delivery). What the key's ``ON DELETE CASCADE`` did is kept: removing a
delivery (a removed channel's, through its own cascade) removes its attempts, once per
statement on PostgreSQL (its removed rows as a transition table), per row on SQLite.

Revision ID: 0026
Revises: 0025
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("delivery_attempts") as batch:
        batch.drop_constraint(
            op.f("fk_delivery_attempts_delivery_id_deliveries"), type_="foreignkey"
        )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE OR REPLACE FUNCTION hub_deliveries_remove_attempts() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                DELETE FROM delivery_attempts WHERE delivery_id IN (SELECT id FROM removed);
                RETURN NULL;
            END $$;
            """
        )
        op.execute(
            """
            CREATE TRIGGER deliveries_remove_attempts AFTER DELETE ON deliveries
            REFERENCING OLD TABLE AS removed
            FOR EACH STATEMENT EXECUTE FUNCTION hub_deliveries_remove_attempts();
            """
        )
    else:
        op.execute(
            """
            CREATE TRIGGER deliveries_remove_attempts AFTER DELETE ON deliveries
            FOR EACH ROW BEGIN
                DELETE FROM delivery_attempts WHERE delivery_id = OLD.id;
            END
            """
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS deliveries_remove_attempts ON deliveries")
        op.execute("DROP FUNCTION IF EXISTS hub_deliveries_remove_attempts()")
    else:
        op.execute("DROP TRIGGER IF EXISTS deliveries_remove_attempts")
    # attempts whose delivery is gone would fail the key: they go first
    op.execute("DELETE FROM delivery_attempts WHERE delivery_id NOT IN (SELECT id FROM deliveries)")
    with op.batch_alter_table("delivery_attempts") as batch:
        batch.create_foreign_key(
            op.f("fk_delivery_attempts_delivery_id_deliveries"),
            "deliveries",
            ["delivery_id"],
            ["id"],
            ondelete="CASCADE",
        )
