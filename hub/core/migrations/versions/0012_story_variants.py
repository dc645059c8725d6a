"""stories across languages: which language variant an origin supplied, and its fingerprint

``item_origins.language`` is set when the origin's entry was attached to an item
as a translation (one story in another language) rather than as the item's own
text; ``item_translations.content_hash`` is the fingerprint of the entry a
translation came from (None for one written by a person), so an edit of the
translated entry updates that translation and nothing else; ``item_translations.link``
is that entry's own link (the story's page in that language).

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("item_origins") as batch:
        batch.add_column(sa.Column("language", sa.String(2), nullable=True))
    with op.batch_alter_table("item_translations") as batch:
        batch.add_column(sa.Column("content_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("link", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("item_translations") as batch:
        batch.drop_column("link")
        batch.drop_column("content_hash")
    with op.batch_alter_table("item_origins") as batch:
        batch.drop_column("language")
