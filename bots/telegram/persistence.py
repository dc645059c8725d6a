"""python-telegram-bot's persistence over the hub's database (``bot_conversations``).

PTB's :class:`~telegram.ext.ConversationHandler` keeps the state of each
conversation, and the Application each chat's ``chat_data``; with a
persistence they survive a restart. The hub's persistence keeps both in the
``bot_conversations`` table (no pickle file beside the process):

- a conversation's state: ``chat_key = "conv:<name>:<key>"``, ``kind`` the
  handler's name, ``step`` the state; a conversation that ends is deleted;
- a chat's ``chat_data``: ``chat_key = "chat:<chat_id>"``, ``kind = "chat_data"``,
  the dict in ``data`` (JSON, so only JSON values are stored).

User data, bot data and callback data are not kept (``PersistenceInput``
says so to the Application): the hub keeps members in its own tables.
``chat_data`` is read again from the table before each update
(:meth:`refresh_chat_data`), so a second process sees what the first wrote;
conversation states are read when the Application is initialised, which is
what PTB's ``ConversationHandler`` offers.

PTB reads conversation states only there: a process that loaded them before
another process took a step of a chat's form would hold the older step. So the
hub reads the one state of the update's chat again before each update
(:meth:`HubPersistence.conversation_state`, put into the handler by
:meth:`bots.telegram.handlers.TelegramHandlers.reload_form`), as it does for
``chat_data``: two bots processes on one database can take turns on one chat's
form. What stays true of them is what the inbox gives: a chat's updates are
ordered within a process (its lanes), not across processes, so two updates of
one chat taken at the same moment by two processes may be answered in either
order.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, delete, select
from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import CDCData, ConversationDict, ConversationKey

from hub.core.db import transaction
from hub.core.models import BotConversation, utcnow

PLATFORM = "telegram"
ChatData = dict[str, Any]


def conversation_key(name: str, key: ConversationKey) -> str:
    return f"conv:{name}:{json.dumps(list(key))}"


class HubPersistence(BasePersistence[dict[Any, Any], ChatData, dict[Any, Any]]):
    """Conversation states and ``chat_data`` in ``bot_conversations`` (see the module doc)."""

    def __init__(self, engine: Engine, clock: Callable[[], dt.datetime] = utcnow) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=True, user_data=False, callback_data=False
            ),
            update_interval=60,  # the hub calls update_persistence after each update itself
        )
        self.engine = engine
        self.clock = clock

    # --- what is read ------------------------------------------------------------------

    def _rows(self, kind: str, prefix: str) -> list[BotConversation]:
        with transaction(self.engine) as session:
            rows = session.scalars(
                select(BotConversation).where(
                    BotConversation.platform == PLATFORM,
                    BotConversation.kind == kind,
                    BotConversation.chat_key.startswith(prefix),
                )
            ).all()
            session.expunge_all()
            return list(rows)

    async def get_conversations(self, name: str) -> ConversationDict:
        prefix = f"conv:{name}:"
        rows = await asyncio.to_thread(self._rows, name, prefix)
        return {tuple(json.loads(row.chat_key[len(prefix) :])): row.step for row in rows}

    def _step(self, chat_key: str) -> str | None:
        with transaction(self.engine) as session:
            row = session.scalar(self._select(chat_key))
            return row.step if row is not None else None

    async def conversation_state(self, name: str, key: ConversationKey) -> str | None:
        """The stored state of one conversation (None: not in one), as written last by any
        process."""
        return await asyncio.to_thread(self._step, conversation_key(name, key))

    async def get_chat_data(self) -> dict[int, ChatData]:
        rows = await asyncio.to_thread(self._rows, "chat_data", "chat:")
        return {int(row.chat_key[len("chat:") :]): dict(row.data or {}) for row in rows}

    def _chat_data(self, chat_id: int) -> ChatData | None:
        with transaction(self.engine) as session:
            row = session.scalar(self._select(f"chat:{chat_id}"))
            return dict(row.data or {}) if row is not None else None

    async def refresh_chat_data(self, chat_id: int, chat_data: ChatData) -> None:
        stored = await asyncio.to_thread(self._chat_data, chat_id)
        if stored is not None:
            chat_data.clear()
            chat_data.update(stored)

    async def get_user_data(self) -> dict[int, dict[Any, Any]]:
        return {}

    async def get_bot_data(self) -> dict[Any, Any]:
        return {}

    async def get_callback_data(self) -> CDCData | None:
        return None

    # --- what is written ---------------------------------------------------------------

    @staticmethod
    def _select(chat_key: str) -> Any:
        return select(BotConversation).where(
            BotConversation.platform == PLATFORM, BotConversation.chat_key == chat_key
        )

    def _put(self, chat_key: str, kind: str, step: str, data: dict[str, Any]) -> None:
        with transaction(self.engine) as session:
            row = session.scalar(self._select(chat_key))
            if row is None:
                row = BotConversation(platform=PLATFORM, chat_key=chat_key, kind=kind)
                session.add(row)
            row.step, row.data, row.updated_at = step, data, self.clock()

    def _drop(self, chat_key: str) -> None:
        with transaction(self.engine) as session:
            session.execute(
                delete(BotConversation).where(
                    BotConversation.platform == PLATFORM, BotConversation.chat_key == chat_key
                )
            )

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        chat_key = conversation_key(name, key)
        if new_state is None:
            await asyncio.to_thread(self._drop, chat_key)
        else:
            await asyncio.to_thread(self._put, chat_key, name, str(new_state), {})

    async def update_chat_data(self, chat_id: int, data: ChatData) -> None:
        stored = json.loads(json.dumps(data, default=str))
        await asyncio.to_thread(self._put, f"chat:{chat_id}", "chat_data", "-", stored)

    async def drop_chat_data(self, chat_id: int) -> None:
        await asyncio.to_thread(self._drop, f"chat:{chat_id}")

    async def update_user_data(self, user_id: int, data: dict[Any, Any]) -> None:
        return None

    async def update_bot_data(self, data: dict[Any, Any]) -> None:
        return None

    async def update_callback_data(self, data: CDCData) -> None:
        return None

    async def drop_user_data(self, user_id: int) -> None:
        return None

    async def refresh_user_data(self, user_id: int, user_data: dict[Any, Any]) -> None:
        return None

    async def refresh_bot_data(self, bot_data: dict[Any, Any]) -> None:
        return None

    async def flush(self) -> None:
        return None  # every update was written when it was made
