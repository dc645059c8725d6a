"""event organiser names: an event's organiser in each language (``{"en": ..., "es": ...}``),
so an answer in Spanish names the Ayuntamiento de Madrid and not the City Council of Madrid;
``organiser`` keeps the English name that search and the API use

Revision ID: 0024
Revises: 0023
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(
            sa.Column("organiser_names", sa.JSON(), nullable=False, server_default="{}")
        )


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("organiser_names")
