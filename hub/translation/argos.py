"""Argos Translate offline, in-process, when ``argostranslate`` and its language
packages are installed (``argospm install translate-es_fr``).

Argos's API (argostranslate/translate.py): ``get_translation_from_codes(from, to)``
gives an object whose ``translate(text)`` returns the text in the target language; it
raises or gives None when no installed package covers the pair. Translating is CPU
work, so it runs in a thread, one text at a time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Protocol

from hub.core.translation.port import TranslationRefused


class ArgosTranslation(Protocol):
    def translate(self, text: str) -> str: ...


PairLookup = Callable[[str, str], "ArgosTranslation | None"]


def installed_pairs() -> PairLookup:
    """Argos's own lookup; TranslationRefused when argostranslate is not installed."""
    try:
        from argostranslate import translate
    except ImportError:
        raise TranslationRefused(
            "Argos Translate is not installed (pip install argostranslate)"
        ) from None

    def lookup(source: str, target: str) -> ArgosTranslation | None:
        try:
            found: ArgosTranslation | None = translate.get_translation_from_codes(source, target)
        except (AttributeError, ValueError, LookupError):
            return None
        return found

    return lookup


class Argos:
    """The translator port on Argos Translate's installed packages."""

    name = "argos"

    def __init__(self, lookup: PairLookup | None = None) -> None:
        self._lookup = lookup

    async def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        lookup = self._lookup or installed_pairs()
        translation = lookup(source, target)
        if translation is None:
            raise TranslationRefused(f"no Argos package translates {source} to {target}")
        return await asyncio.to_thread(lambda: [translation.translate(t) for t in texts])

    async def close(self) -> None:
        """Nothing held."""
