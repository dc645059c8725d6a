"""A loopback server for the demo's website feed and calendar."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
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
        for path, (name, content_type) in FILES.items():
            body = files("hub.demo").joinpath(name).read_bytes()
            app.router.add_get(path, _serve(body, content_type))
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


def _serve(body: bytes, content_type: str) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def handler(_request: web.Request) -> web.Response:
        return web.Response(body=body, content_type=content_type)

    return handler
