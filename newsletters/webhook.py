"""Mailchimp's webhook: unsubscribes, profile and e-mail changes made in Mailchimp.

Mailchimp signs nothing, so the URL carries a secret
(``/mailchimp/webhook/<MAILCHIMP_WEBHOOK_SECRET>``, configured in the
audience's webhook settings) compared in constant time. Mailchimp checks the
URL with a GET first; each POST is a form-encoded event applied to the member
at once (``apply_webhook``). The periodic ``hub members pull`` remains the
safety net for events a webhook missed.
"""

from __future__ import annotations

import datetime as dt
import hmac
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from hub.core.bodies import BodyTooLarge, read_capped
from hub.core.config.settings import Settings
from hub.core.db import transaction
from newsletters.audience import apply_webhook

SECRET_ENV = "MAILCHIMP_WEBHOOK_SECRET"
MAX_BODY = 64 * 1024
"""Mailchimp's events are a few hundred bytes; anything far larger is not Mailchimp."""


async def mailchimp_webhook(request: Request) -> Response:
    expected = getattr(request.app.state, "mailchimp_webhook_secret", None)
    if not expected:
        return PlainTextResponse("the Mailchimp webhook is not configured", status_code=503)
    given = request.path_params["secret"]
    if not hmac.compare_digest(given.encode(), expected.encode()):
        return PlainTextResponse("unknown webhook", status_code=401)
    if request.method == "GET":
        return PlainTextResponse("ok")  # Mailchimp's check of the URL
    try:  # read as it comes, so a chunked body is refused at the cap, not after
        body = await read_capped(request.stream(), request.headers.get("content-length"), MAX_BODY)
    except BodyTooLarge:
        return PlainTextResponse("too large for a Mailchimp event", status_code=413)
    try:
        payload = body.decode("utf-8")
    except UnicodeDecodeError:
        return PlainTextResponse("not a form-encoded Mailchimp event", status_code=400)
    engine: Engine = request.app.state.engine

    def apply() -> bool:
        with transaction(engine) as session:
            return apply_webhook(session, payload)

    changed = await run_in_threadpool(apply)
    return PlainTextResponse("changed" if changed else "nothing to change")


def routes() -> list[Route]:
    return [Route("/mailchimp/webhook/{secret}", mailchimp_webhook, methods=["GET", "POST"])]


def install_ingress(
    app: Any, settings: Settings, engine: Engine, clock: Callable[[], dt.datetime] | None = None
) -> None:
    """Wired in ``hub.wiring.INGRESS``: mount the webhook and give it its secret."""
    app.router.routes.extend(routes())
    app.state.engine = engine
    app.state.mailchimp_webhook_secret = settings.secrets.get(SECRET_ENV)
