"""The translator port: what a machine translation engine implements.

TranslationError
├── TranslationUnavailable   worth trying later: a time-out, a rate limit, a 5xx, no answer
└── TranslationRefused       the engine will not translate this: a bad key, a spent quota,
                             a language it does not offer, a text it refuses

An engine:

- translates plain texts (one per input, in order) from ``source`` to ``target``
  (two-letter codes); the service has already split HTML into its text nodes and put
  placeholders (``⟦1⟧``) where glossary terms and entities were: the engine must pass
  them through and must not add markup;
- raises a :class:`TranslationError` on failure, never returns the input as if
  translated, never sleeps or retries (the caller leaves the text untranslated and
  says why);
- names itself (``name``): the name goes into the cache key and onto every draft;
- may say how long one text may be (:class:`LimitedTranslator`): the service then cuts
  longer texts at paragraph, line, sentence or word boundaries, sends the parts and
  joins their translations, so no engine is sent what it would refuse for length.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from hub.core.errors import HubError


class TranslationError(HubError):
    """A text could not be machine-translated."""


class TranslationUnavailable(TranslationError):
    """The engine did not translate now (time-out, rate limit, server error); later may work."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(message)


class TranslationRefused(TranslationError):
    """The engine will not translate this (key, quota, language pair, text)."""


class Translator(Protocol):
    """One machine translation engine."""

    name: str

    async def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """``texts`` in ``target``, one per text and in order, or a ``TranslationError``."""
        ...

    async def close(self) -> None:
        """Release connections; the translator is not used afterwards."""


@dataclass(frozen=True)
class TextLimits:
    """What one request to an engine may hold: ``chars_per_text`` characters in one text
    (None: no limit known)."""

    chars_per_text: int | None = None


@runtime_checkable
class LimitedTranslator(Protocol):
    """An engine that says its limits (asked once, before the first long text)."""

    async def limits(self) -> TextLimits:
        """The engine's limits; a ``TranslationError`` when it cannot tell now."""
        ...
