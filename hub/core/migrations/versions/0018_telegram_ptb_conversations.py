"""Telegram's /submit forms in python-telegram-bot's form: a form begun before the
upgrade goes on after it

The hand-written /submit kept one ``bot_conversations`` row per chat
(``kind = "submit"``, ``chat_key`` the chat's id, ``step`` and the answers in
``data``). PTB's ``ConversationHandler`` with the hub's persistence
(``bots.telegram.persistence``) keeps the state in a ``conv:submit:[<chat>]``
row and the answers in the chat's ``chat:<chat>`` row (``chat_data``, the step
among them). Each old row becomes those two; downgrading turns them back.
No column changes.

Revision ID: 0018
Revises: 0017
"""

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROWS = sa.table(
    "bot_conversations",
    sa.column("id", sa.Integer()),
    sa.column("platform", sa.String()),
    sa.column("chat_key", sa.String()),
    sa.column("kind", sa.String()),
    sa.column("step", sa.String()),
    sa.column("data", sa.JSON()),
    sa.column("updated_at", sa.DateTime(timezone=True)),
)
TELEGRAM = ROWS.c.platform == "telegram"


def _data(value: Any) -> dict[str, Any]:
    if isinstance(value, str):  # a driver that hands JSON back as text
        value = json.loads(value)
    return dict(value) if isinstance(value, dict) else {}


def upgrade() -> None:
    bind = op.get_bind()
    old = bind.execute(
        sa.select(ROWS).where(TELEGRAM, ROWS.c.kind == "submit", ~ROWS.c.chat_key.like("conv:%"))
    ).all()
    for row in old:
        chat = int(row.chat_key)
        bind.execute(sa.delete(ROWS).where(ROWS.c.id == row.id))
        bind.execute(sa.delete(ROWS).where(TELEGRAM, ROWS.c.chat_key == f"chat:{chat}"))
        common = {"platform": "telegram", "updated_at": row.updated_at}
        bind.execute(
            sa.insert(ROWS).values(
                chat_key=f"conv:submit:[{chat}]", kind="submit", step=row.step, data={}, **common
            )
        )
        answers = {**_data(row.data), "step": row.step}
        bind.execute(
            sa.insert(ROWS).values(
                chat_key=f"chat:{chat}", kind="chat_data", step="-", data=answers, **common
            )
        )


def downgrade() -> None:
    bind = op.get_bind()
    forms = bind.execute(
        sa.select(ROWS).where(TELEGRAM, ROWS.c.chat_key.like("conv:submit:[%"))
    ).all()
    for form in forms:
        chat = form.chat_key[len("conv:submit:[") : -1]
        answers = bind.execute(
            sa.select(ROWS.c.data).where(TELEGRAM, ROWS.c.chat_key == f"chat:{chat}")
        ).scalar()
        data = {key: value for key, value in _data(answers).items() if key != "step"}
        bind.execute(sa.delete(ROWS).where(ROWS.c.id == form.id))
        bind.execute(
            sa.insert(ROWS).values(platform="telegram", chat_key=chat, kind="submit",
                                   step=form.step, data=data, updated_at=form.updated_at)
        )  # fmt: skip
    bind.execute(sa.delete(ROWS).where(TELEGRAM, ROWS.c.kind == "chat_data"))
