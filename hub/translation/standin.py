"""A LibreTranslate stand-in: a loopback server with LibreTranslate's API and errors,
whose "translations" are the text marked with the target language (``[fr] ...``), so a
machine draft is plain to see in tests and ``hub demo``.

Its rules come from LibreTranslate's server (``libretranslate/app.py``):

- ``POST /translate`` takes JSON or a form: ``q`` (a text or a list), ``source`` (a
  code or ``auto``), ``target``, ``format`` (``text``, the default, or ``html``),
  ``api_key``; answers ``{"translatedText": ...}`` in the shape of ``q``, with
  ``detectedLanguage`` when ``source`` is ``auto``;
- 400 ``{"error": "Invalid request: missing q parameter"}`` (and source, target);
  ``"xx is not supported"``; ``"xml format is not supported"``; ``"Invalid request:
  request (N) exceeds text limit (L)"`` past ``--char-limit`` (per text) or
  ``--batch-limit`` (texts in a batch); with ``--api-keys``, a missing key is
  400 ``"Please contact the server operator to get an API key"`` and an unknown one
  403 ``"Invalid API key"``;
- 429 ``{"error": "Slowdown: N per 1 minute"}`` past ``--req-limit``: flask-limiter's
  moving window of a minute, a batch costing one request per text
  (``request.req_cost``), no Retry-After header;
- ``GET /languages``: ``[{"code", "name", "targets"}]``;
- ``GET /frontend/settings``: ``{"charLimit", ...}`` (``charLimit`` is ``--char-limit``,
  -1 for none), the other keys as the server sends them.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from aiohttp import web

from bots.standin import LoopbackServer

NAMES = {"en": "English", "es": "Spanish", "fr": "French", "ca": "Catalan", "pt": "Portuguese"}
_TEXT_NODE = re.compile(r"(>|^)([^<]+)(?=<|$)")


@dataclass
class LibreTranslateStandIn(LoopbackServer):
    """The server; ``url`` once started. Knobs for tests: ``api_keys`` (None: no keys),
    ``req_limit`` per minute (0: none), ``char_limit``, ``batch_limit``, ``delay``
    seconds before answering, ``broken`` (answer 500)."""

    languages: Sequence[str] = tuple(NAMES)
    api_keys: set[str] | None = None
    req_limit: int = 0
    char_limit: int = -1
    batch_limit: int = -1
    delay: float = 0.0
    broken: bool = False
    clock: Callable[[], float] = time.monotonic
    url: str = ""
    requests: list[dict[str, Any]] = field(default_factory=list)
    _window: deque[tuple[float, int]] = field(default_factory=deque)
    _runner: web.AppRunner | None = None

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/translate", self._translate)
        app.router.add_get("/languages", self._languages)
        app.router.add_get("/frontend/settings", self._frontend_settings)

    def characters(self) -> int:
        """Characters received for translation so far (what an engine would bill)."""
        total = 0
        for request in self.requests:
            q = request.get("q")
            total += sum(len(t) for t in q) if isinstance(q, list) else len(str(q or ""))
        return total

    async def _languages(self, request: web.Request) -> web.Response:
        return web.json_response(
            [
                {"code": c, "name": NAMES.get(c, c), "targets": [t for t in self.languages]}
                for c in self.languages
            ]
        )

    async def _frontend_settings(self, request: web.Request) -> web.Response:
        source, target = (self.languages[0], self.languages[-1]) if self.languages else ("", "")
        return web.json_response(
            {
                "charLimit": self.char_limit,
                "frontendTimeout": 500,
                "apiKeys": self.api_keys is not None,
                "keyRequired": False,
                "suggestions": False,
                "filesTranslation": False,
                "supportedFilesFormat": [],
                "language": {
                    "source": {"code": source, "name": NAMES.get(source, source)},
                    "target": {"code": target, "name": NAMES.get(target, target)},
                },
            }
        )

    async def _translate(self, request: web.Request) -> web.Response:
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                return _error(400, "Invalid JSON format")
            if not isinstance(body, dict):
                return _error(400, "Invalid JSON format")
        else:
            body = dict(await request.post())
        if self.api_keys is not None:
            key = body.get("api_key")
            if key and key not in self.api_keys:
                return _error(403, "Invalid API key")
            if not key:
                return _error(400, "Please contact the server operator to get an API key")
        q, source, target = body.get("q"), body.get("source"), body.get("target")
        for name, value in (("q", q), ("source", source), ("target", target)):
            if not value:
                return _error(400, f"Invalid request: missing {name} parameter")
        texts = [str(t) for t in q] if isinstance(q, list) else [str(q)]
        if self.batch_limit != -1 and isinstance(q, list) and len(q) > self.batch_limit:
            limit = self.batch_limit
            return _error(400, f"Invalid request: request ({len(q)}) exceeds text limit ({limit})")
        if self.char_limit != -1:
            for text in texts:
                if len(text) > self.char_limit:
                    size, limit = len(text), self.char_limit
                    return _error(
                        400, f"Invalid request: request ({size}) exceeds text limit ({limit})"
                    )
        if self.req_limit > 0:
            now = self.clock()
            while self._window and self._window[0][0] <= now - 60:
                self._window.popleft()
            if sum(cost for _, cost in self._window) >= self.req_limit:
                return _error(429, f"Slowdown: {self.req_limit} per 1 minute")
            self._window.append((now, len(texts)))
        for code in (source, target):
            if code != "auto" and code not in self.languages:
                return _error(400, f"{code} is not supported")
        text_format = body.get("format") or "text"
        if text_format not in ("text", "html"):
            return _error(400, f"{text_format} format is not supported")
        self.requests.append(dict(body))
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.broken:
            return _error(500, "Cannot translate text: model failed")
        marked = [_mark(t, str(target), text_format) for t in texts]
        result: dict[str, Any] = {"translatedText": marked if isinstance(q, list) else marked[0]}
        if source == "auto":
            detected = {"confidence": 90.0, "language": "en"}
            result["detectedLanguage"] = (
                [detected] * len(texts) if isinstance(q, list) else detected
            )
        return web.json_response(result)


class Server(Protocol):
    async def start(self) -> str: ...

    async def close(self) -> None: ...


S = TypeVar("S", bound=Server)


@contextmanager
def serving(standin: S) -> Iterator[S]:
    """Run ``standin`` (this or the DeepL stand-in) on its own event loop in a background
    thread, for synchronous callers: the translation service runs its own loop per call."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="libretranslate-standin", daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(standin.start(), loop).result(timeout=30)
    try:
        yield standin
    finally:
        asyncio.run_coroutine_threadsafe(standin.close(), loop).result(timeout=30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=30)
        loop.close()


def _mark(text: str, target: str, text_format: str) -> str:
    if text_format == "html":
        return _TEXT_NODE.sub(
            lambda m: (
                m.group(1) + (f"[{target}] {m.group(2)}" if m.group(2).strip() else m.group(2))
            ),
            text,
        )
    return f"[{target}] {text}"


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)
