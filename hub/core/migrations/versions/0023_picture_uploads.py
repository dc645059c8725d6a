"""pictures uploaded to a platform once (the newsletter's, to Mailchimp's file manager)

``picture_uploads``: one row per item and target: the URL the platform gave its
copy of the item's picture, the copy's size, and the ``image_url`` it came from
(a new one makes the row stale), so that pushing an edition again or a later
edition with the same item uploads nothing.

Revision ID: 0023
Revises: 0022
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "picture_uploads",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(40), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["items.id"],
            name=op.f("fk_picture_uploads_item_id_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("item_id", "target", name=op.f("pk_picture_uploads")),
    )


def downgrade() -> None:
    op.drop_table("picture_uploads")
