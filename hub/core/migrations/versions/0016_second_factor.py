"""a second factor for console accounts: TOTP (RFC 6238) and recovery codes

``users.totp_secret`` is the base32 secret of an account that turned the second
factor on (None: off); ``users.totp_last_step`` the time step of the last code
accepted, so a code is never accepted twice; ``users.recovery_codes`` the
SHA-256 hashes of the one-time recovery codes left, as a JSON list.

Revision ID: 0016
Revises: 0015
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("totp_secret", sa.String(64), nullable=True))
        batch.add_column(sa.Column("totp_last_step", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("recovery_codes", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("recovery_codes")
        batch.drop_column("totp_last_step")
        batch.drop_column("totp_secret")
