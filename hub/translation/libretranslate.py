"""LibreTranslate over HTTP: a self-hosted server, the default for a network that keeps its data.

The API (LibreTranslate's ``libretranslate/app.py``): ``POST /translate`` with JSON
``{"q": [texts], "source", "target", "format": "text", "api_key"}`` answers
``{"translatedText": [texts]}``; every error is ``{"error": "..."}``: 400 for a
missing parameter, an unsupported language, a text or batch over the server's limits
or a missing key; 403 for an invalid key or an address banned for flooding; 429
``"Slowdown: N per 1 minute"`` past the per-minute limit (flask-limiter's moving
window, no Retry-After header); 500 when the model fails. ``GET /languages`` lists
``[{"code", "name", "targets"}]``. ``GET /frontend/settings`` says, among others,
``charLimit``: the most characters of one text (``--char-limit``, -1 for none); a text
over it is refused with 400 ``"Invalid request: request (N) exceeds text limit (L)"``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx

from hub.core.translation.port import TextLimits, TranslationRefused, TranslationUnavailable

RATE_WINDOW = 60.0
"""LibreTranslate's limits are per minute (``--req-limit``): a 429 is worth a minute's wait."""


class LibreTranslate:
    """The translator port on a LibreTranslate server at ``url``."""

    name = "libretranslate"

    def __init__(
        self,
        url: str,
        api_key: str | None = None,
        *,
        char_limit: int | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        self._api_key = api_key
        self._char_limit = char_limit
        self._transport = transport

    def _client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=self.url, transport=self._transport, timeout=None)

    async def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        body: dict[str, Any] = {"q": list(texts), "source": source, "target": target}
        body["format"] = "text"
        if self._api_key:
            body["api_key"] = self._api_key
        async with self._client() as client:
            try:
                response = await client.post("/translate", json=body)
            except httpx.HTTPError as exc:
                raise TranslationUnavailable(f"no answer from {self.url}: {exc}") from None
        data = _json(response)
        if response.status_code != 200:
            raise _error(response.status_code, data)
        translated = data.get("translatedText") if isinstance(data, dict) else None
        if not isinstance(translated, list) or not all(isinstance(t, str) for t in translated):
            raise TranslationUnavailable("the server's answer has no list of translatedText")
        return translated

    async def languages(self) -> dict[str, list[str]]:
        """The server's languages and, for each, the languages it translates into."""
        async with self._client() as client:
            try:
                response = await client.get("/languages")
            except httpx.HTTPError as exc:
                raise TranslationUnavailable(f"no answer from {self.url}: {exc}") from None
        data = _json(response)
        if response.status_code != 200 or not isinstance(data, list):
            raise _error(response.status_code, data)
        return {str(lang["code"]): [str(t) for t in lang.get("targets", [])] for lang in data}

    async def limits(self) -> TextLimits:
        """The configured ``char_limit``, else the server's ``charLimit`` from
        ``/frontend/settings`` (a server without that page is taken to have no limit)."""
        if self._char_limit is not None:
            return TextLimits(chars_per_text=self._char_limit)
        async with self._client() as client:
            try:
                response = await client.get("/frontend/settings")
            except httpx.HTTPError as exc:
                raise TranslationUnavailable(f"no answer from {self.url}: {exc}") from None
        data = _json(response)
        if response.status_code == 404:
            return TextLimits()
        if response.status_code != 200 or not isinstance(data, dict):
            raise _error(response.status_code, data)
        limit = data.get("charLimit")
        if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0:
            return TextLimits(chars_per_text=limit)
        return TextLimits()

    async def close(self) -> None:
        """Nothing held: each call opens and closes its own connection pool."""


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _error(status: int, data: Any) -> Exception:
    said = data.get("error") if isinstance(data, dict) else None
    words = f"LibreTranslate {status}: {said or 'no error message'}"
    if status == 429:
        return TranslationUnavailable(words, retry_after=RATE_WINDOW)
    if status == 403 and said and "request limits" in said:
        return TranslationUnavailable(words, retry_after=RATE_WINDOW)
    if status >= 500 or status == 200:
        return TranslationUnavailable(words)
    return TranslationRefused(words)
