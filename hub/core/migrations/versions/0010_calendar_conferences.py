"""calendar conferences: events imported from a calendar whose title names a conference

The calendar importer now stores an event whose CATEGORIES or title name a
conference (conference, conferencia, conférence, conferència, conferência)
as kind ``conference`` instead of ``event`` or ``meeting``, so the
assistant's "when is the next conference?" finds it. Rows imported before
keep their kind until the calendar changes (a calendar that answers "not
modified" is not read again), so this applies the title rule to them now.
CATEGORIES were not stored and cannot be read back here: the next changed
fetch applies that part. Rows edited in the console keep the kind a person
chose. The downgrade leaves the kinds as they are: ``conference`` is the
truer word either way.

Revision ID: 0010
Revises: 0009
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here, as migrations are: the importer's rule on the day of this migration.
CONFERENCE_WORD = re.compile(r"\bconferen(?:ce|cia|cie)s?\b")

events = sa.table(
    "events",
    sa.column("id", sa.String),
    sa.column("kind", sa.String),
    sa.column("name", sa.JSON),
    sa.column("external_uid", sa.String),
    sa.column("edited_at", sa.DateTime(timezone=True)),
)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(events.c.id, events.c.name).where(
            events.c.kind.in_(("event", "meeting")),
            events.c.external_uid.is_not(None),
            events.c.edited_at.is_(None),
        )
    ).all()
    conferences = [
        row.id
        for row in rows
        if isinstance(row.name, dict)
        and any(CONFERENCE_WORD.search(_plain(str(title))) for title in row.name.values())
    ]
    for start in range(0, len(conferences), 500):
        connection.execute(
            sa.update(events)
            .where(events.c.id.in_(conferences[start : start + 500]))
            .values(kind="conference")
        )


def downgrade() -> None:
    pass
