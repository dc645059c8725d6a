"""The ``bots`` role: what the integrator mounts and calls.

- :func:`ingress_routes` gives the Starlette routes ``POST /slack/events`` and
  ``POST /telegram/webhook``; mount them on the web app, and fill its state
  with :func:`configure_ingress` (engine, Slack signing secret from
  ``SLACK_SIGNING_SECRET``, Telegram webhook secret from
  ``TELEGRAM_WEBHOOK_SECRET``).
- :func:`run_bots` runs the inbox worker with the Slack and Telegram
  handlers until ``stop`` is set, and Telegram polling when the deployment
  has no ``[hub] public_url`` (no webhook can reach it).

The bots answer through the outbox: replies are ``reply`` deliveries sent by
the bus worker role, so a ``hub serve`` running ``bots`` needs ``worker``
somewhere too.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from sqlalchemy import Engine
from starlette.routing import Route

from bots.slack import ingress as slack_ingress
from bots.telegram import ingress as telegram_ingress
from hub.core.assistant.assistant import Assistant
from hub.core.bus.inbox import Handler, InboxWorker, purge_done
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import utcnow

log = logging.getLogger(__name__)
INBOX_KEEP = dt.timedelta(days=7)
"""How long processed platform events are kept: Slack retries for minutes, Telegram for a day."""
INBOX_PURGE_EVERY = 3600.0
SLACK_SIGNING_SECRET_ENV = "SLACK_SIGNING_SECRET"
TELEGRAM_WEBHOOK_SECRET_ENV = "TELEGRAM_WEBHOOK_SECRET"


def ingress_routes() -> list[Route]:
    """``POST /slack/events`` and ``POST /telegram/webhook`` (see :func:`configure_ingress`)."""
    return slack_ingress.routes() + telegram_ingress.routes()


def install_ingress(
    app: Any, settings: Settings, engine: Engine, clock: Callable[[], dt.datetime] | None = None
) -> None:
    """Wired in ``hub.wiring.INGRESS``: mount the endpoints on ``app`` and fill its state."""
    app.router.routes.extend(ingress_routes())
    configure_ingress(app.state, settings, engine, clock)


def configure_ingress(
    state: Any,
    settings: Settings,
    engine: Engine,
    clock: Callable[[], dt.datetime] | None = None,
) -> None:
    """Put what the ingress endpoints read on ``app.state``."""
    state.engine = engine
    state.slack_signing_secret = settings.secrets.get(SLACK_SIGNING_SECRET_ENV)
    state.telegram_webhook_secret = settings.secrets.get(TELEGRAM_WEBHOOK_SECRET_ENV)
    if clock is not None:
        state.clock = clock


def bot_channel(settings: Settings, platform: str) -> str | None:
    """The channel whose token and base URL the bot of ``platform`` uses.

    ``<platform>_assistant`` if configured, else the secretariat channel when
    it is on that platform, else the first enabled channel of the platform.
    """
    channels = {k: c for k, c in settings.channels.items() if c.enabled and c.platform == platform}
    for key in (f"{platform}_assistant", settings.hub.secretariat_channel):
        if key in channels:
            return key
    return next(iter(channels), None)


def slack_client(settings: Settings) -> Any:
    """An ``AsyncWebClient`` for views.open (the submission form), or None."""
    from slack_sdk.web.async_client import AsyncWebClient

    key = bot_channel(settings, "slack")
    token = settings.secret(key) if key else None
    if key is None or not token:
        return None
    base = (settings.channels[key].base_url or "https://slack.com").rstrip("/")
    return AsyncWebClient(token=token, base_url=f"{base}/api/", retry_handlers=[])


def telegram_bot(settings: Settings) -> Any:
    """A python-telegram-bot ``Bot`` for polling, or None without a Telegram channel."""
    from telegram import Bot
    from telegram.request import HTTPXRequest

    from bots.telegram.sink import _install_redaction

    _install_redaction()  # PTB and httpx log request URLs, which carry the bot token
    key = bot_channel(settings, "telegram")
    token = settings.secret(key) if key else None
    if key is None or not token:
        return None
    base = (settings.channels[key].base_url or "https://api.telegram.org").rstrip("/")
    request = HTTPXRequest(read_timeout=40, connection_pool_size=2)
    return Bot(token, base_url=f"{base}/bot", request=request)


async def set_telegram_delivery(bot: Any, settings: Settings, *, polling: bool) -> None:
    """Tell Telegram how updates reach the hub: the webhook at ``public_url`` with the
    secret token, or no webhook (Telegram refuses getUpdates while one is set)."""
    try:
        if polling:
            await bot.delete_webhook()
            return
        secret = settings.secrets.get(TELEGRAM_WEBHOOK_SECRET_ENV)
        if not secret or not settings.hub.public_url:
            log.warning(
                "telegram: no %s or public_url; the webhook is left as it is",
                TELEGRAM_WEBHOOK_SECRET_ENV,
            )
            return
        url = settings.hub.public_url.rstrip("/") + "/telegram/webhook"
        # messages, and the taps on the hub's inline buttons (/language, "remind me")
        updates = ["message", "callback_query"]
        await bot.set_webhook(url=url, secret_token=secret, allowed_updates=updates)
    except Exception as error:  # Telegram unreachable now: updates wait on its side
        log.warning("telegram: could not set how updates are delivered: %s", error)


def slack_socket_mode(
    slack: Any, settings: Settings, client: Any, stop: asyncio.Event
) -> Coroutine[Any, Any, None] | None:
    """Slack's Socket Mode for ``[hub] slack_mode = "socket"``: the bots role dials out
    with the app-level token named by ``slack_app_token_env`` (no public URL needed)."""
    if settings.hub.slack_mode != "socket":
        return None
    from bots.slack.app import run_socket_mode

    app_token = settings.secrets.get(settings.hub.slack_app_token_env)
    if not app_token or client is None:
        log.warning(
            "slack: slack_mode is socket but %s or the bot token is not set; Slack is not heard",
            settings.hub.slack_app_token_env,
        )
        return None
    return run_socket_mode(slack.app, app_token, client, stop)


def load_assistant(engine: Engine) -> Assistant:
    with transaction(engine) as session:
        return Assistant.from_session(session)


async def run_bots(
    settings: Settings,
    engine: Engine,
    stop: asyncio.Event,
    *,
    assistant: Assistant | None = None,
    clock: Callable[[], dt.datetime] = utcnow,
    poll_interval: float = 0.5,
    telegram_polling: bool | None = None,
) -> None:
    """Run the inbox worker (and Telegram polling) until ``stop`` is set.

    ``telegram_polling`` defaults to "no ``public_url`` configured".
    """
    from bots.slack.handlers import SlackHandlers, slack_lane
    from bots.telegram.commands import register_commands
    from bots.telegram.handlers import TelegramHandlers, telegram_lane
    from bots.telegram.polling import TelegramPoller

    if assistant is None:
        assistant = await asyncio.to_thread(load_assistant, engine)
    client = slack_client(settings)
    bot = telegram_bot(settings)
    username = None
    if bot is not None:
        try:
            await bot.initialize()
            username = bot.username
        except Exception as error:  # the Slack side must work even if Telegram is down
            log.warning("telegram: getMe failed (%s); answering without the bot's name", error)
    slack = SlackHandlers(engine, settings, assistant, client, clock=clock)
    handlers: dict[str, Handler] = {
        "slack": slack,
        "telegram": TelegramHandlers(engine, settings, assistant, username),
    }
    worker = InboxWorker(
        engine,
        handlers,
        clock=clock,
        poll_interval=poll_interval,
        lanes={"slack": slack_lane, "telegram": telegram_lane},
        concurrency=1 if engine.dialect.name == "sqlite" else 8,
    )
    tasks = [
        asyncio.create_task(worker.run(stop), name="bots-inbox"),
        asyncio.create_task(purge_inbox(engine, stop, clock=clock), name="bots-inbox-purge"),
    ]
    socket = slack_socket_mode(slack, settings, client, stop)
    if socket is not None:
        tasks.append(asyncio.create_task(socket, name="bots-slack-socket-mode"))
    if telegram_polling is None:
        telegram_polling = not settings.hub.public_url
    if bot is not None:
        await set_telegram_delivery(bot, settings, polling=telegram_polling)
        await register_commands(bot)  # the command menu, in each language
    if telegram_polling and bot is not None:
        poller = TelegramPoller(engine, bot, clock=clock)
        tasks.append(asyncio.create_task(poller.run(stop), name="bots-telegram-polling"))
    names = {task.get_name() for task in tasks}
    log.info(
        "bots started: inbox worker%s%s",
        ", Slack Socket Mode" if "bots-slack-socket-mode" in names else "",
        ", Telegram polling" if "bots-telegram-polling" in names else "",
    )
    try:
        await asyncio.gather(*tasks)
    finally:
        if bot is not None:
            try:
                await bot.shutdown()
            except Exception:  # closing is best effort
                log.debug("telegram: shutdown failed", exc_info=True)
        if client is not None and client.session is not None:
            await client.session.close()


async def purge_inbox(
    engine: Engine,
    stop: asyncio.Event,
    *,
    clock: Callable[[], dt.datetime] = utcnow,
    keep: dt.timedelta = INBOX_KEEP,
    every: float = INBOX_PURGE_EVERY,
) -> None:
    """Delete processed inbox events older than ``keep``, now and then every ``every`` seconds.

    Only ``done`` events go: failed and dead ones stay for the secretariat to see and retry.
    """
    while not stop.is_set():
        try:
            removed = await asyncio.to_thread(purge_done, engine, clock() - keep)
            if removed:
                log.info("inbox: purged %d processed events older than %s", removed, keep)
        except Exception:  # a failed purge is retried at the next round, never fatal
            log.warning("inbox: purge failed", exc_info=True)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=every)
