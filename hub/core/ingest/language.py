"""Which of the network's languages a text is written in.

lingua (``lingua-language-detector``) restricted to the five working
languages: its n-gram models ship inside the wheel (no download at run
time), and it separates Catalan from Spanish and Portuguese far better than
general-purpose detectors. Measured on 260 hand-written sentences of the
network's topics, 52 per language, 60-110 characters
(``tests/fixtures/feeds/language_sentences.tsv``, checked by
``tests/unit/test_ingest_language.py``): 100% correct on whole sentences,
99.2% on their first 40 characters (2 of 260 wrong: es and ca taken for pt),
80% on their first 20 (hence :data:`MIN_LENGTH`). The first call loads the
models (under a second); each call after costs about 0.15 ms for a sentence,
and only the first :data:`SAMPLE` characters are looked at.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

SUPPORTED = ("en", "es", "fr", "ca", "pt")
SAMPLE = 400
MIN_LENGTH = 20

_LINGUA_NAMES = {
    "en": "ENGLISH",
    "es": "SPANISH",
    "fr": "FRENCH",
    "ca": "CATALAN",
    "pt": "PORTUGUESE",
    "de": "GERMAN",
    "it": "ITALIAN",
}


class LanguageDetector:
    """Detects one of ``languages`` (ISO 639-1 codes); None for text too short to tell."""

    def __init__(self, languages: Iterable[str] = SUPPORTED) -> None:
        from lingua import Language, LanguageDetectorBuilder

        self.languages = tuple(languages)
        unknown = [code for code in self.languages if code not in _LINGUA_NAMES]
        if unknown:
            raise ValueError(f"no language model for {unknown}; known: {sorted(_LINGUA_NAMES)}")
        chosen = [getattr(Language, _LINGUA_NAMES[code]) for code in self.languages]
        self._codes: dict[Any, str] = {
            getattr(Language, _LINGUA_NAMES[code]): code for code in self.languages
        }
        self._detector = LanguageDetectorBuilder.from_languages(*chosen).build()

    def detect(self, text: str) -> str | None:
        """The language of ``text``, or None when it is shorter than :data:`MIN_LENGTH`."""
        sample = " ".join(text[:SAMPLE].split())
        if len(sample) < MIN_LENGTH:
            return None
        found = self._detector.detect_language_of(sample)
        return self._codes.get(found) if found is not None else None


@lru_cache(maxsize=4)
def detector_for(languages: tuple[str, ...] = SUPPORTED) -> LanguageDetector:
    """A detector shared by the process (building one and loading models costs time)."""
    return LanguageDetector(languages)
