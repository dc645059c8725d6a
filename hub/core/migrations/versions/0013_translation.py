"""machine translation: the cache of engine answers, and drafts marked by their engine

``translation_cache`` keeps what an engine made of a text, keyed by (text hash,
source, target, engine), so a text is never paid for twice; ``item_translations.machine``
names the engine that drafted a translation (None when a person wrote it).

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "translation_cache",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("target", sa.String(8), nullable=False),
        sa.Column("engine", sa.String(40), nullable=False),
        sa.Column("translation", sa.Text(), nullable=False),
        sa.Column("characters", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_translation_cache")),
        sa.UniqueConstraint(
            "text_hash",
            "source",
            "target",
            "engine",
            name=op.f("uq_translation_cache_text_hash_source_target_engine"),
        ),
    )
    with op.batch_alter_table("item_translations") as batch:
        batch.add_column(sa.Column("machine", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("item_translations") as batch:
        batch.drop_column("machine")
    op.drop_table("translation_cache")
