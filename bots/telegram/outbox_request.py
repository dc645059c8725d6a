"""The transport of the Application's bot in :mod:`bots.telegram.handlers`: it never sends.

python-telegram-bot's ``Application`` needs a ``Bot``; the hub's replies, taps' answers
and edits go through the outbox instead (which retries, rate-limits and records them),
so this request object answers ``getMe`` itself and refuses every other method.
"""

from __future__ import annotations

import json
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_ID = 1
"""The id of the Application's own bot when the hub runs without learning Telegram's."""


class OutboxOnly(BaseRequest):
    """The Application bot's transport: ``getMe`` is answered with the hub's own idea of
    the bot (PTB's ``CommandHandler`` reads its username to tell ``/next@us`` from
    ``/next@another_bot``); every other method is refused, because replies go through
    the outbox, which retries, rate-limits and records them."""

    def __init__(self, username: str | None) -> None:
        self.username = username or ""

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        if url.endswith("/getMe"):
            me = {"id": BOT_ID, "is_bot": True, "first_name": "IOPD hub", "username": self.username}
            return 200, json.dumps({"ok": True, "result": me}).encode()
        why = "Bad Request: the hub's replies go through the outbox"
        refusal = {"ok": False, "error_code": 400, "description": why}
        return 400, json.dumps(refusal).encode()
