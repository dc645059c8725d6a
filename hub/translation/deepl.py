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
temporary; error bodies are ``{"message": "..."}``. A request's body may hold at most
128 KiB ("Usage and limits": total request size 128*1024 bytes): texts are sent in as
many requests as it takes, and the service cuts any one text to :data:`CHARS_PER_TEXT`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import httpx

from hub.core.translation.port import TextLimits, TranslationRefused, TranslationUnavailable

FREE_API = "https://api-free.deepl.com"
PRO_API = "https://api.deepl.com"
TARGET_VARIANTS = {"en": "EN-GB", "pt": "PT-PT"}
"""DeepL deprecates the bare EN and PT as targets."""
REQUEST_BYTES = 128 * 1024
"""DeepL's largest request body ("Usage and limits": total request size)."""
CHARS_PER_TEXT = 20_000
"""The longest text sent: even with every character escaped as ``\\u001f`` (6 bytes) it
fits in one request with room for the rest of the body."""


def encoded(body: dict[str, Any]) -> bytes:
    """The request body's bytes, as sent (compact JSON, UTF-8)."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def requests_for(texts: Sequence[str], envelope: dict[str, Any]) -> list[list[str]]:
    """``texts`` in consecutive groups whose body (``envelope`` plus ``"text"``) fits in
    :data:`REQUEST_BYTES`; a text too long on its own goes alone (DeepL refuses it: 413)."""
    base = len(encoded({**envelope, "text": []}))
    groups: list[list[str]] = []
    size = base
    for text in texts:
        cost = len(encoded({"t": [text]})) - len(encoded({"t": []})) + 1  # the text and a comma
        if groups and groups[-1] and size + cost <= REQUEST_BYTES:
            groups[-1].append(text)
            size += cost
            continue
        groups.append([text])
        size = base + cost
    return groups


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

    async def limits(self) -> TextLimits:
        """One text of at most :data:`CHARS_PER_TEXT` always fits in a request."""
        return TextLimits(chars_per_text=CHARS_PER_TEXT)

    async def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        envelope: dict[str, Any] = {
            "source_lang": source.upper(),
            "target_lang": TARGET_VARIANTS.get(target, target.upper()),
        }
        headers = {
            "Authorization": f"DeepL-Auth-Key {self._key}",
            "Content-Type": "application/json",
        }
        translated: list[str] = []
        client = httpx.AsyncClient(base_url=self.url, transport=self._transport, timeout=None)
        async with client:
            for group in requests_for(texts, envelope):
                content = encoded({"text": group, **envelope})
                translated += await self._send(client, content, headers, len(group))
        return translated

    async def _send(
        self, client: httpx.AsyncClient, content: bytes, headers: dict[str, str], count: int
    ) -> list[str]:
        try:
            response = await client.post("/v2/translate", content=content, headers=headers)
        except httpx.HTTPError as exc:
            raise TranslationUnavailable(f"no answer from DeepL: {type(exc).__name__}") from None
        try:
            data = response.json()
        except ValueError:
            data = None
        if response.status_code != 200:
            raise _error(response, data)
        rows = data.get("translations") if isinstance(data, dict) else None
        if not isinstance(rows, list):
            raise TranslationUnavailable("DeepL's answer has no translations")
        texts = [str(row.get("text", "")) for row in rows if isinstance(row, dict)]
        if len(texts) != count:
            raise TranslationUnavailable(f"DeepL gave {len(texts)} translations for {count} texts")
        return texts

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
