"""A DeepL API stand-in: ``POST /v2/translate`` and ``GET /v2/usage`` on loopback, whose
"translations" are the text marked with the target language (``[FR] ...``).

Its rules come from DeepL's API documentation (developers.deepl.com: "Translate text",
"Error handling", "Authentication") and error bodies DeepL's servers send:

- the key comes in ``Authorization: DeepL-Auth-Key KEY``; none or an unknown one is
  403; a Pro key on the Free API (or the reverse) is 403 ``{"message": "Wrong endpoint.
  Use https://api.deepl.com"}``;
- JSON or form bodies: ``text`` (a list, required: 400 ``"Parameter 'text' not
  specified."``), ``target_lang`` (400 ``"Value for 'target_lang' not supported."``),
  ``source_lang`` optional (400 ``"Value for 'source_lang' not supported."``);
  variants such as EN-GB and PT-PT are targets only;
- every character of ``text`` counts against the month's quota: past it, 456
  ``{"message": "Quota exceeded"}``; ``GET /v2/usage`` says ``character_count`` and
  ``character_limit``;
- a request body over 128 KiB is refused with 413 (developers.deepl.com, "Usage and
  limits": total request size 128*1024 bytes; "Error handling": 413, the request size
  exceeds the limit); the body's words are not documented, so the stand-in says
  ``{"message": "Request Entity Too Large"}``, the status's own name;
- ``too_many`` makes it answer 429 ``{"message": "Too many requests"}`` (DeepL asks for
  retries with backoff; it sends no Retry-After).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bots.standin import LoopbackServer

SOURCES = frozenset({"EN", "ES", "FR", "PT", "DE", "IT", "NL", "PL", "JA", "ZH"})
TARGETS = SOURCES | {"EN-GB", "EN-US", "PT-PT", "PT-BR"}


@dataclass
class DeepLStandIn(LoopbackServer):
    """The server; ``url`` once started. ``keys`` it accepts; ``free`` plays the Free API
    (keys ending ``:fx``); ``character_limit`` the month's quota; ``too_many`` 429s."""

    keys: set[str] = field(default_factory=lambda: {"standin-key:fx"})
    free: bool = True
    character_limit: int = 500_000
    character_count: int = 0
    too_many: bool = False
    body_limit: int = 128 * 1024
    bodies: list[int] = field(default_factory=list)
    """The size in bytes of each translate request's body received (tests read it)."""
    url: str = ""
    _runner: web.AppRunner | None = None

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/v2/translate", self._translate)
        app.router.add_get("/v2/usage", self._usage)

    def _refusal(self, request: web.Request) -> web.Response | None:
        header = request.headers.get("Authorization", "")
        key = header.removeprefix("DeepL-Auth-Key ").strip() if header.startswith("DeepL-") else ""
        if key and key.endswith(":fx") != self.free:
            other = "https://api.deepl.com" if self.free else "https://api-free.deepl.com"
            return _message(403, f"Wrong endpoint. Use {other}")
        if key not in self.keys:
            return web.Response(status=403)
        return None

    async def _usage(self, request: web.Request) -> web.Response:
        refused = self._refusal(request)
        if refused is not None:
            return refused
        usage = {"character_count": self.character_count, "character_limit": self.character_limit}
        return web.json_response(usage)

    async def _translate(self, request: web.Request) -> web.Response:
        refused = self._refusal(request)
        if refused is not None:
            return refused
        if self.too_many:
            return _message(429, "Too many requests")
        size = len(await request.read())
        self.bodies.append(size)
        if size > self.body_limit:
            return _message(413, "Request Entity Too Large")
        body: dict[str, Any]
        if request.content_type == "application/json":
            try:
                loaded = await request.json()
            except ValueError:
                return _message(400, "Invalid request: expected a JSON object")
            body = loaded if isinstance(loaded, dict) else {}
            texts = body.get("text")
        else:
            form = await request.post()
            body = {k: v for k, v in form.items() if isinstance(v, str)}
            texts = [t for t in form.getall("text", []) if isinstance(t, str)]
        if not texts or not isinstance(texts, list):
            return _message(400, "Parameter 'text' not specified.")
        target = str(body.get("target_lang") or "").upper()
        source = str(body.get("source_lang") or "").upper()
        if target not in TARGETS:
            return _message(400, "Value for 'target_lang' not supported.")
        if source and source not in SOURCES:
            return _message(400, "Value for 'source_lang' not supported.")
        cost = sum(len(str(t)) for t in texts)
        if self.character_count + cost > self.character_limit:
            return _message(456, "Quota exceeded")
        self.character_count += cost
        rows = [
            {"detected_source_language": source or "EN", "text": f"[{target}] {t}"} for t in texts
        ]
        return web.json_response({"translations": rows})


def _message(status: int, message: str) -> web.Response:
    return web.json_response({"message": message}, status=status)
