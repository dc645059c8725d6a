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

- images in a card (cards-format, Inline images in cards): "The supported image formats
  are .png, .jpg, or .gif. Keep the dimensions within 1024 x 1024 pixels and file size
  less than 1 MB. Animated .gif images aren't supported"; an Image's ``url`` may be a
  ``data:`` URI from schema 1.2 (adaptivecards.io, Image; microsoft/AdaptiveCards#628,
  MicrosoftDocs/msteams-docs#10687). Teams does not refuse a card for its picture: it
  shows the card without it. The stand-in decodes each inline picture and records whether
  Teams would show it, and why not (:class:`CardImage`); an address it cannot fetch is
  recorded as such.

It records what it received (an incoming webhook's path, which is its secret, as
``/webhookb2/{webhook}``) and lists the posts at ``GET /_standin/messages``.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from aiohttp import web

from bots.limits import TEAMS, TEAMS_IMAGE, TeamsLimits
from bots.standin import Clock, FloodWindow, ImageFacts, LoopbackServer, default_clock, image_facts

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


_DATA_URI = re.compile(r"data:(image/[\w.+-]+);base64,([A-Za-z0-9+/=\s]*)", re.DOTALL)
CARD_IMAGE_TYPES = {"image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF"}


@dataclass
class CardImage:
    """An Image element as Teams would show it: decoded from its ``data:`` URI (``facts``),
    or an address Teams would fetch; ``refused`` says why Teams would not show it."""

    inline: bool
    facts: ImageFacts | None = None
    size: int = 0
    refused: str | None = None


def _version(value: object) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in str(value).split("."))
    except ValueError:
        return (0,)


def _animated(data: bytes) -> bool:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            return bool(getattr(image, "is_animated", False))
    except (OSError, ValueError):
        return False


def card_image(url: str, version: object) -> CardImage:
    """What Teams makes of an Image's ``url`` in a card of ``version``."""
    found = _DATA_URI.fullmatch(url.strip())
    if not url.startswith("data:"):
        return CardImage(inline=False)
    if found is None:
        return CardImage(True, refused="not a base64 data URI")
    if _version(version) < (1, 2):
        return CardImage(True, refused="data URIs need schema 1.2 or later")
    try:
        data = base64.b64decode(found.group(2), validate=False)
    except (binascii.Error, ValueError):
        return CardImage(True, refused="the base64 does not decode")
    facts = image_facts(data)
    limits = TEAMS_IMAGE
    if facts is None or facts.format not in CARD_IMAGE_TYPES.values():
        return CardImage(True, facts, len(data), "not a PNG, JPEG or GIF image")
    if CARD_IMAGE_TYPES.get(found.group(1)) != facts.format:
        return CardImage(True, facts, len(data), "the data URI's type is not the image's")
    side = limits.max_side or 0
    if facts.width > side or facts.height > side:
        return CardImage(True, facts, len(data), f"larger than {side} x {side} pixels")
    if len(data) > limits.max_bytes:
        return CardImage(True, facts, len(data), "1 MB or more")
    if facts.format == "GIF" and _animated(data):
        return CardImage(True, facts, len(data), "an animated GIF")
    return CardImage(True, facts, len(data))


@dataclass
class StoredCard:
    id: str
    webhook: str
    card: dict[str, Any]
    images: list[CardImage] = field(default_factory=list)

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
            content = attachment["content"]
            images = [
                card_image(str(element["url"]), content.get("version"))
                for element in content["body"]
                if isinstance(element, dict) and element.get("type") == "Image"
            ]
            self.stored.append(StoredCard(str(len(self.stored) + 1), path, content, images))
        return web.Response(status=202) if workflow else web.Response(text="1")
