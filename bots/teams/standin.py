"""A Microsoft Teams webhook stand-in on loopback: incoming webhooks and Workflows triggers.

From Microsoft's documentation (learn.microsoft.com, microsoftteams/platform/
webhooks-and-connectors/how-to/add-incoming-webhook and connectors-using; the Teams
connector's "Known issues and limitations", learn.microsoft.com/connectors/teams):

- ``POST /webhookb2/...`` (an incoming webhook's URL) answers 200 with the text ``1``;
  ``POST /workflows/{id}/triggers/manual/paths/invoke?...&sig=...`` (a Workflows
  trigger) answers 202 with no body, and 401 when ``sig`` is wrong (Azure Logic Apps'
  ``DirectApiInvalidAuthorizationSignature``); an unknown webhook 404;
- the card message Microsoft documents: ``{"type": "message", "attachments": [{
  "contentType": "application/vnd.microsoft.card.adaptive", "content": {"type":
  "AdaptiveCard", "version", "body": [...]}}]}``; each element a known Adaptive Card
  type with what that type requires (a TextBlock's ``text``, an Image's ``url``, an
  Action.OpenUrl's ``url``; adaptivecards.io schema). Anything else is 400 with the
  text incoming webhooks answer for it, "Bad payload received by generic incoming
  webhook.";
- "The message size limit is 28 KB. When the size exceeds 28 KB, you receive an error":
  413 with ``Webhook message delivery failed with error: Microsoft Teams endpoint
  returned HTTP error 413 with ContextId ...``;
- "If more than four requests are made in a second, the client connection is
  throttled", and 100 an hour (Rate limiting for connectors): 429 with the same
  sentence for 429. Microsoft documents no ``Retry-After`` for webhooks, so none is sent.

It records what it received (an incoming webhook's path, which is its secret, as
``/webhookb2/{webhook}``) and lists the posts at ``GET /_standin/messages``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from aiohttp import web

from bots.limits import TEAMS, TeamsLimits
from bots.standin import Clock, FloodWindow, LoopbackServer, default_clock

CARD_TYPE = "application/vnd.microsoft.card.adaptive"
BAD_PAYLOAD = "Bad payload received by generic incoming webhook."
ELEMENTS = {
    "TextBlock": "text",
    "Image": "url",
    "RichTextBlock": "inlines",
    "Container": "items",
    "ColumnSet": "columns",
    "FactSet": "facts",
    "ImageSet": "images",
    "ActionSet": "actions",
    "Table": "rows",
}
ACTIONS = {"Action.OpenUrl": "url", "Action.Submit": None, "Action.ShowCard": "card"}


def delivery_failed(status: int) -> str:
    return (
        "Webhook message delivery failed with error: Microsoft Teams endpoint returned"
        f" HTTP error {status} with ContextId tcid=0,server=msgapi-standin,cv=standin.0."
    )


@dataclass
class StoredCard:
    id: str
    webhook: str
    card: dict[str, Any]

    def texts(self) -> list[str]:
        return [
            str(e.get("text", ""))
            for e in self.card.get("body", [])
            if isinstance(e, dict) and e.get("type") == "TextBlock"
        ]


@dataclass
class Received:
    path: str
    status: int
    body_bytes: int


class Refused(Exception):
    def __init__(self, status: int, text: str, as_json: dict[str, Any] | None = None) -> None:
        super().__init__(text)
        self.status, self.text, self.as_json = status, text, as_json


def _check_card(content: Any) -> None:
    if not isinstance(content, dict) or content.get("type") != "AdaptiveCard":
        raise Refused(400, BAD_PAYLOAD)
    if not isinstance(content.get("version"), str) or not isinstance(content.get("body"), list):
        raise Refused(400, BAD_PAYLOAD)
    for element in content["body"]:
        needs = ELEMENTS.get(str(element.get("type"))) if isinstance(element, dict) else None
        if needs is None or element.get(needs) in (None, ""):
            raise Refused(400, BAD_PAYLOAD)
    for action in content.get("actions", []):
        kind = action.get("type") if isinstance(action, dict) else None
        if kind not in ACTIONS:
            raise Refused(400, BAD_PAYLOAD)
        needs = ACTIONS[kind]
        if needs and not action.get(needs):
            raise Refused(400, BAD_PAYLOAD)


@dataclass
class TeamsStandIn(LoopbackServer):
    """Teams for the webhooks in ``hooks``: path -> the ``sig`` a Workflows URL needs
    (empty for an incoming webhook)."""

    hooks: dict[str, str] = field(
        default_factory=lambda: {"/webhookb2/standin@tenant/IncomingWebhook/abc/owner": ""}
    )
    clock: Clock = default_clock
    limits: TeamsLimits = TEAMS
    received: list[Received] = field(default_factory=list)
    stored: list[StoredCard] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()
        self._second = FloodWindow(self.limits.per_second, 1.0)
        self._hour = FloodWindow(self.limits.per_hour, 3600.0)
        self._failures: list[Refused] = []

    def fail_next(self, status: int, text: str) -> None:
        """Answer the next post with this status and text instead."""
        self._failures.append(Refused(status, text))

    def routes(self, app: web.Application) -> None:
        app.router.add_get("/_standin/messages", self._list)
        app.router.add_post("/webhookb2/{rest:.*}", self._handle)
        app.router.add_post("/workflows/{id}/triggers/manual/paths/invoke", self._handle)

    async def _list(self, request: web.Request) -> web.Response:
        return web.json_response([asdict(c) for c in self.stored])

    async def _handle(self, request: web.Request) -> web.Response:
        raw = await request.read()
        shown = "/webhookb2/{webhook}" if request.path.startswith("/webhookb2/") else request.path
        try:
            answer = self._answer(request, raw)
        except Refused as exc:
            self.received.append(Received(shown, exc.status, len(raw)))
            if exc.as_json is not None:
                return web.json_response(exc.as_json, status=exc.status)
            return web.Response(status=exc.status, text=exc.text)
        self.received.append(Received(shown, answer.status, len(raw)))
        return answer

    def _answer(self, request: web.Request, raw: bytes) -> web.Response:
        path = request.path
        if path not in self.hooks:
            raise Refused(404, "Not Found")
        workflow = path.startswith("/workflows/")
        if workflow and request.query.get("sig") != self.hooks[path]:
            raise Refused(
                401,
                "",
                {
                    "error": {
                        "code": "DirectApiInvalidAuthorizationSignature",
                        "message": "The provided authorization signature is not valid.",
                    }
                },
            )
        if self._failures:
            raise self._failures.pop(0)
        if len(raw) > self.limits.payload_bytes:
            raise Refused(413, delivery_failed(413))
        now = self.clock()
        if self._second.wait(path, now) > 0 or self._hour.wait(path, now) > 0:
            raise Refused(429, delivery_failed(429))
        if request.content_type != "application/json":
            raise Refused(400, BAD_PAYLOAD)
        try:
            body = json.loads(raw)
        except ValueError:
            raise Refused(400, BAD_PAYLOAD) from None
        attachments = body.get("attachments") if isinstance(body, dict) else None
        if body.get("type") != "message" or not isinstance(attachments, list) or not attachments:
            raise Refused(400, BAD_PAYLOAD)
        for attachment in attachments:
            if not isinstance(attachment, dict) or attachment.get("contentType") != CARD_TYPE:
                raise Refused(400, BAD_PAYLOAD)
            _check_card(attachment.get("content"))
        self._second.record(path, now)
        self._hour.record(path, now)
        for attachment in attachments:
            self.stored.append(StoredCard(str(len(self.stored) + 1), path, attachment["content"]))
        return web.Response(status=202) if workflow else web.Response(text="1")
