"""``POST /telegram/webhook``: Telegram's updates, into the inbox before the 200.

Set the webhook with ``secret_token`` (``setWebhook``); Telegram then sends
it in ``X-Telegram-Bot-Api-Secret-Token`` with every update, and anything
without it, or with another one, is refused with 401 (compared in constant
time). A body that is not an update (not JSON, no integer ``update_id``, no
content) is refused with 400 and a reason, and nothing is stored. Text the
database cannot hold (NUL, a lone surrogate escaped in the JSON) is cleaned
first, so such an update is answered rather than failing at every attempt. A valid
update is committed to the inbox under its ``update_id`` (Telegram's
re-sends are deduplicated) and only then answered 200, so nothing
acknowledged is lost if the process dies right after.

Reads from ``request.app.state``: ``engine``, ``telegram_webhook_secret``
(str) and optionally ``clock`` (callable returning an aware UTC datetime).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hmac
import json
import logging
from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from hub.core.bodies import BodyTooLarge, read_capped, storable
from hub.core.bus.inbox import accept
from hub.core.db import transaction

PLATFORM = "telegram"
MAX_BODY = 1024 * 1024
SECRET_HEADER = "x-telegram-bot-api-secret-token"
log = logging.getLogger(__name__)


class MalformedUpdate(ValueError):
    """The body is not a Telegram update; the message says why."""


def validate_update(body: bytes) -> dict[str, Any]:
    """The update as a dict, or :class:`MalformedUpdate` saying what is wrong with it."""
    try:
        update = storable(json.loads(body.decode("utf-8")))  # no NUL, no lone surrogate
    except (UnicodeDecodeError, ValueError):
        raise MalformedUpdate("the body is not JSON") from None
    except RecursionError:  # nested deeper than Python's parser goes: no update is
        raise MalformedUpdate("the body is nested too deeply") from None
    if not isinstance(update, dict):
        raise MalformedUpdate("an update is a JSON object")
    update_id = update.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool) or update_id < 0:
        raise MalformedUpdate("update_id is missing or not a non-negative integer")
    contents = [key for key, value in update.items() if key != "update_id"]
    if not contents or not all(isinstance(update[key], dict) for key in contents):
        raise MalformedUpdate("the update carries no object (message, callback_query...)")
    message = update.get("message")
    if message is not None and not isinstance(message.get("chat"), dict):
        raise MalformedUpdate("message.chat is missing")
    return update


def store_update(engine: Any, update: dict[str, Any], now: dt.datetime) -> bool:
    """Commit ``update`` to the inbox; True when it was new."""
    with transaction(engine) as session:
        return accept(session, PLATFORM, str(update["update_id"]), update, now)


def secret_matches(given: str | None, expected: str) -> bool:
    if given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))


async def telegram_webhook(request: Request) -> Response:
    """The ``POST /telegram/webhook`` endpoint (see the module docstring)."""
    state = request.app.state
    expected = getattr(state, "telegram_webhook_secret", None)
    if not expected:
        return PlainTextResponse("Telegram webhook is not configured", status_code=503)
    if not secret_matches(request.headers.get(SECRET_HEADER), expected):
        return PlainTextResponse("wrong or missing secret token", status_code=401)
    try:  # read as it comes, so a chunked body is refused at the cap, not after
        body = await read_capped(request.stream(), request.headers.get("content-length"), MAX_BODY)
    except BodyTooLarge:
        return PlainTextResponse("update too large", status_code=413)
    try:
        update = validate_update(body)
    except MalformedUpdate as error:
        return PlainTextResponse(f"malformed update: {error}", status_code=400)
    clock = getattr(state, "clock", None)
    now = clock() if clock is not None else dt.datetime.now(dt.UTC)
    try:
        await asyncio.to_thread(store_update, state.engine, update, now)
    except Exception:
        log.exception(
            "telegram: could not store update %s; Telegram will re-send", update_id(update)
        )
        return PlainTextResponse("temporarily unavailable", status_code=503)
    return Response(status_code=200)


def update_id(update: dict[str, Any]) -> int:
    return int(update["update_id"])


def routes() -> list[Route]:
    return [Route("/telegram/webhook", telegram_webhook, methods=["POST"])]
