"""members' personal digests and time zones

``members.digest`` is the period of the member's personal digest (``day``,
``week``, ``month``; NULL: none); ``members.timezone`` is the member's IANA time
zone (NULL: the deployment's), which places their reminders on their clock.

Revision ID: 0015
Revises: 0014
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("digest", sa.String(10), nullable=True))
        batch.add_column(sa.Column("timezone", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_column("timezone")
        batch.drop_column("digest")
