"""``GET /pictures/{item_id}/{token}.{ext}``: the hub's copy of an approved item's picture,
for anyone (Teams fetching a card's image, a webhook receiver, a reader's browser).

Public, so it reads nothing of the request but its path. The address is signed
(:mod:`hub.core.picture_links`: an HMAC of the item's id and the picture's SHA-256 with
``HUB_SECRET_KEY``), and the picture is served only while its item is approved: a
pending, declined or retracted item's picture, a tampered token, an old picture's
address or a wrong extension are all the same 404. The bytes are the hub's re-encoded
copy; the address changes with the picture, so it may be cached for a year.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine, select
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from hub.core.models import Item, ItemPicture
from hub.core.picture_links import PREFIX, extension, picture_links, token_matches

NAME = re.compile(r"^([0-9a-f]{32})\.([a-z]{3,4})$")
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "public, max-age=31536000, immutable",
    # other sites (a receiver's page, a Teams client) may show it
    "Cross-Origin-Resource-Policy": "cross-origin",
}
APPROVED = "approved"


def _stored(engine: Engine, item_id: int) -> tuple[bytes, str | None] | None:
    """The approved item's current picture (bytes and type), or None."""
    query = (
        select(ItemPicture.data, ItemPicture.mime)
        .join(Item, Item.id == ItemPicture.item_id)
        .where(
            ItemPicture.item_id == item_id,
            Item.status == APPROVED,
            ItemPicture.data.is_not(None),
            ItemPicture.source_url == Item.image_url,
        )
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return None if row is None else (bytes(row.data), row.mime)


async def public_picture(request: Request) -> Response:
    console = request.app.state.console
    links = picture_links(console.settings)
    found = NAME.match(str(request.path_params.get("name", "")))
    item_id = int(request.path_params["item_id"])
    if links is None or found is None:
        return Response(status_code=404, headers={"Cache-Control": "no-store"})
    stored = await run_in_threadpool(_stored, console.engine, item_id)
    if stored is None:
        return Response(status_code=404, headers={"Cache-Control": "no-store"})
    data, mime = stored
    token, ext = found.groups()
    if ext != extension(mime) or not token_matches(links.key, item_id, data, token):
        return Response(status_code=404, headers={"Cache-Control": "no-store"})
    return Response(data, media_type=mime or "image/jpeg", headers=HEADERS)


def routes() -> list[Mount]:
    """``/pictures/...``: a mount, like the other public pages (``/news``, ``/archive``),
    so the console's page tests, which ask every console route for a sign-in, leave it to
    its own tests."""
    return [Mount(PREFIX, routes=[Route("/{item_id:int}/{name}", public_picture, methods=["GET"])])]
