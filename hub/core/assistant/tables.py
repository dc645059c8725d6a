"""How the assistant words its answers: :mod:`hub.core.assistant.phrases` in English, and the
Babel catalogues in ``locale/`` beside this file for the other languages.

Loaded once per process (:func:`load_tables`); each language's catalogue is compiled when
first asked (:func:`hub.core.translations.catalogue`). Each phrase is a sentence template
filled in with a record's fields; what the assistant reads in a question is in
:mod:`hub.core.assistant.vocabulary`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from hub.core.assistant.phrases import PHRASES
from hub.core.translations import catalogue

HERE = Path(__file__).parent
LANGUAGES = ("en", "es", "fr", "ca", "pt")


@dataclass
class Tables:
    """The answer phrases, per key, translated by the catalogues under ``locale_dir``."""

    phrases: dict[str, str]
    locale_dir: Path

    def phrase(self, key: str, language: str, /, **values: Any) -> str:
        """The answer phrase ``key`` in ``language`` (English if missing), filled in.

        Positional-only, so a phrase may have a ``{language}`` of its own (``only_in_note``).
        """
        return self._text(key, language).format(**values)

    def words_for(self, key: str, language: str) -> dict[str, str]:
        """A phrase table of names (steps, seasons) in ``language``."""
        prefix = f"{key}."
        return {
            name.removeprefix(prefix): self._text(name, language)
            for name in self.phrases
            if name.startswith(prefix)
        }

    def _text(self, key: str, language: str) -> str:
        """The catalogue's words for ``key`` (its context) in ``language``; English when the
        language has no catalogue or the entry is not translated."""
        return str(catalogue(self.locale_dir, language).pgettext(key, self.phrases[key]))


@cache
def load_tables(locale_dir: Path = HERE / "locale") -> Tables:
    """The phrases once per process (cached by catalogue directory)."""
    return Tables(phrases=PHRASES, locale_dir=locale_dir)
