"""What every platform stand-in shares: a loopback aiohttp server and flood windows.

A stand-in is a real HTTP server on 127.0.0.1 with a free port, so the real
client libraries talk to it unchanged with only their base URL pointed
there. Rate limits are sliding windows on an injected clock: tests move the
clock instead of sleeping, and ``retry_after`` is exact.
"""

from __future__ import annotations

import io
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Self

from aiohttp import web

Clock = Callable[[], float]


class FloodWindow:
    """At most ``count`` events in any ``seconds``-long window, per key."""

    def __init__(self, count: int, seconds: float) -> None:
        self.count = count
        self.seconds = seconds
        self._events: dict[str, deque[float]] = {}

    def wait(self, key: str, now: float) -> float:
        """Seconds until an event for ``key`` is allowed (0 if it is now)."""
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.seconds:
            events.popleft()
        if len(events) < self.count:
            return 0.0
        return events[0] + self.seconds - now

    def used(self, key: str, now: float) -> int:
        """How many events for ``key`` are in the window ending ``now``."""
        self.wait(key, now)
        return len(self._events.get(key, ()))

    def record(self, key: str, now: float) -> None:
        self._events.setdefault(key, deque()).append(now)


def whole_seconds(wait: float) -> int:
    """A wait as the whole seconds platforms announce (at least 1)."""
    return max(1, math.ceil(wait))


class LoopbackServer:
    """Runs an aiohttp application on 127.0.0.1 with a free port.

    Use as ``async with Server(...) as server:`` or ``await start()`` /
    ``await close()``; ``url`` is the base URL once started.
    """

    def __init__(self) -> None:
        self._runner: web.AppRunner | None = None
        self.url = ""

    def routes(self, app: web.Application) -> None:
        """Add the platform's routes to ``app``."""
        raise NotImplementedError

    async def start(self) -> str:
        app = web.Application(client_max_size=20 * 1024 * 1024)
        self.routes(app)
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
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


async def request_params(request: web.Request) -> dict[str, Any]:
    """The request's parameters from a JSON, form or multipart body, plus the query."""
    params: dict[str, Any] = dict(request.query)
    if request.can_read_body:
        if request.content_type == "application/json":
            body = await request.json()
            if isinstance(body, dict):
                params.update(body)
        else:
            form = await request.post()
            for key, value in form.items():
                params[key] = value if isinstance(value, str) else getattr(value, "filename", "")
    return params


@dataclass(frozen=True)
class Upload:
    """A file a client sent in a multipart body: its part's name, filename, type, bytes."""

    field: str
    filename: str
    content_type: str
    data: bytes


async def request_files(request: web.Request) -> dict[str, Upload]:
    """The files of a multipart body by field name (after :func:`request_params`: aiohttp
    keeps the parsed form)."""
    if not request.content_type.startswith("multipart/"):
        return {}
    form = await request.post()
    files = {}
    for key, value in form.items():
        if isinstance(value, web.FileField):
            value.file.seek(0)
            files[key] = Upload(key, value.filename, value.content_type, value.file.read())
    return files


@dataclass(frozen=True)
class ImageFacts:
    """What a platform's server learns of an uploaded image by decoding it."""

    format: str  # JPEG, PNG, GIF, WEBP
    width: int
    height: int
    has_exif: bool


def described(facts: ImageFacts | None) -> str | None:
    """An image in a few words for the demo and the console (``1600×1000 JPEG``)."""
    if facts is None:
        return None
    exif = ", with EXIF" if facts.has_exif else ""
    return f"{facts.width}×{facts.height} {facts.format}{exif}"


def image_facts(data: bytes) -> ImageFacts | None:
    """The image in ``data`` as a platform's server reads it, or None when it is not one."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
            return ImageFacts(str(image.format), image.width, image.height, len(exif) > 0)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


def default_clock() -> float:
    return time.monotonic()
