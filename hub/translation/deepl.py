"""DeepL's API: ``POST /v2/translate`` (developers.deepl.com, API reference and
"Error handling").

The key goes in the header ``Authorization: DeepL-Auth-Key KEY``; a Free key (ending
``:fx``) is served by ``https://api-free.deepl.com``, a Pro key by
``https://api.deepl.com``. The JSON body ``{"text": [...], "source_lang": "ES",
"target_lang": "FR"}`` answers ``{"translations": [{"detected_source_language",
"text"}]}``, in order. Targets English and Portuguese need a variant (``EN-GB``,
``PT-PT``). Errors: 400 bad request, 403 authorisation failed, 413 request too
large, 429 too many requests and 529 too many requests under load (retry later),
456 quota exceeded (the month's characters or the Cost Control limit), 5xx
temporary; error bodies are ``{"message": "..."}``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx

from hub.core.translation.port import TranslationRefused, TranslationUnavailable

FREE_API = "https://api-free.deepl.com"
PRO_API = "https://api.deepl.com"
TARGET_VARIANTS = {"en": "EN-GB", "pt": "PT-PT"}
"""DeepL deprecates the bare EN and PT as targets."""


def api_url(key: str) -> str:
    """The API's address for ``key``: Free keys end in ``:fx``."""
    return FREE_API if key.endswith(":fx") else PRO_API


class DeepL:
    """The translator port on DeepL's API."""

    name = "deepl"

    def __init__(
        self,
        key: str,
        url: str | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.url = (url or api_url(key)).rstrip("/")
        self._key = key
        self._transport = transport

    async def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        body: dict[str, Any] = {
            "text": list(texts),
            "source_lang": source.upper(),
            "target_lang": TARGET_VARIANTS.get(target, target.upper()),
        }
        headers = {"Authorization": f"DeepL-Auth-Key {self._key}"}
        client = httpx.AsyncClient(base_url=self.url, transport=self._transport, timeout=None)
        async with client:
            try:
                response = await client.post("/v2/translate", json=body, headers=headers)
            except httpx.HTTPError as exc:
                raise TranslationUnavailable(
                    f"no answer from DeepL: {type(exc).__name__}"
                ) from None
        try:
            data = response.json()
        except ValueError:
            data = None
        if response.status_code != 200:
            raise _error(response, data)
        rows = data.get("translations") if isinstance(data, dict) else None
        if not isinstance(rows, list):
            raise TranslationUnavailable("DeepL's answer has no translations")
        return [str(row.get("text", "")) for row in rows if isinstance(row, dict)]

    async def close(self) -> None:
        """Nothing held: each call opens and closes its own connection pool."""


def _error(response: httpx.Response, data: Any) -> Exception:
    status = response.status_code
    said = data.get("message") if isinstance(data, dict) else None
    words = f"DeepL {status}: {said or response.reason_phrase or 'no message'}"
    if status == 456:
        return TranslationRefused(f"{words} (the quota of characters is spent)")
    if status in (429, 529):
        retry = response.headers.get("Retry-After")
        seconds = float(retry) if retry and retry.isdigit() else None
        return TranslationUnavailable(words, retry_after=seconds)
    if status >= 500:
        return TranslationUnavailable(words)
    return TranslationRefused(words)
