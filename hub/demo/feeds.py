"""A loopback server for the demo's website feed, calendar and pictures.

The feed names two pictures (``{{website}}`` in news.rss becomes the server's URL):
one a photograph made with Pillow at start (with a camera's EXIF and a GPS
position, which the hub strips), the other an address that answers with an HTML
page, as a website's "not found" page often does; the hub refuses it as not an
image and the item goes out as text.
"""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable
from functools import partial
from importlib.resources import files

from aiohttp import web

FILES = {
    "/news.rss": ("news.rss", "application/rss+xml"),
    "/events.ics": ("events.ics", "text/calendar"),
}


class DemoWebsite:
    """Serves the demo feed and calendar on 127.0.0.1 with a free port."""

    def __init__(self) -> None:
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def start(self) -> str:
        app = web.Application()
        self._runner = web.AppRunner(app, access_log=None)
        for path, (name, content_type) in FILES.items():
            body = files("hub.demo").joinpath(name).read_bytes()
            app.router.add_get(path, _serve(partial(self._filled, body), content_type))
        photo = demo_photograph()
        app.router.add_get("/pictures/distincion.jpg", _serve(lambda: photo, "image/jpeg"))
        not_found = b"<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>"
        app.router.add_get("/pictures/seminaire.jpg", _serve(lambda: not_found, "text/html"))
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    def _filled(self, body: bytes) -> bytes:
        return body.replace(b"{{website}}", self.url.encode())

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


def demo_photograph(width: int = 1600, height: int = 1000) -> bytes:
    """A picture for the demo's award news: a sky-to-grass gradient with a sun, saved as a
    camera would, with its make and a GPS position in the EXIF (Barcelona)."""
    from PIL import Image, ImageDraw

    sky = Image.linear_gradient("L").resize((width, height))  # dark at the top
    red, green = sky.point(lambda v: 90 + v // 3), sky.point(lambda v: 150 + v // 4)
    image = Image.merge("RGB", (red, green, Image.new("L", (width, height), 235)))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height * 2 // 3, width, height), fill=(60, 140, 70))
    draw.ellipse((width - 360, 80, width - 160, 280), fill=(250, 210, 60))
    exif = Image.Exif()
    exif[0x010F] = "Demo camera"
    exif[0x8825] = {1: "N", 2: (41.0, 23.0, 0.0), 3: "E", 4: (2.0, 10.0, 0.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def _serve(
    body: Callable[[], bytes], content_type: str
) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def handler(_request: web.Request) -> web.Response:
        return web.Response(body=body(), content_type=content_type)

    return handler
