"""How the assistant words its answers: ``phrases.yaml`` beside this file.

Loaded once per process (:func:`load_tables`). Each phrase is a sentence
template in the five languages, filled in with a record's fields; what the
assistant reads in a question is in :mod:`hub.core.assistant.vocabulary`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from hub.core.assistant.text import read_yaml

HERE = Path(__file__).parent
LANGUAGES = ("en", "es", "fr", "ca", "pt")


@dataclass
class Tables:
    """The answer phrases of ``phrases.yaml``, per key and language."""

    phrases: dict[str, dict[str, str]]

    def phrase(self, key: str, language: str, /, **values: Any) -> str:
        """The answer phrase ``key`` in ``language`` (English if missing), filled in.

        Positional-only, so a phrase may have a ``{language}`` of its own (``only_in_note``).
        """
        table = self.phrases[key]
        template = table.get(language) or table["en"]
        return str(template).format(**values)

    def words_for(self, key: str, language: str) -> dict[str, str]:
        """A phrase table of names (steps, seasons) in ``language``."""
        table: Any = self.phrases[key]
        return dict(table.get(language) or table["en"])


@cache
def load_tables(phrases_path: Path = HERE / "phrases.yaml") -> Tables:
    """Read the phrases once per process (cached by path)."""
    return Tables(phrases=read_yaml(phrases_path)["phrases"])
