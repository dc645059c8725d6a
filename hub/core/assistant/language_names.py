"""The names of the five languages in each of them (Babel's CLDR data): "version
française", "en castellano", "la versió catalana" name a language, never a place or a
name of the records misspelt ("française" is no "Francisco"). Said elsewhere the same word
is often a nationality ("ciudades españolas": of Spain), which is read as before."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from babel import Locale

from hub.core.assistant.text import normalise

LANGUAGES = ("en", "es", "fr", "ca", "pt")
VERSION_WORDS = frozenset(
    {"version", "versio", "versao", "translation", "traduction", "traduccion", "traduccio"}
    | {"traducao", "language", "langue", "idioma", "llengua", "lingua", "en", "in", "em"}
)
"""Words beside which a language's name names the language ("la version française", "en
castellano", "in the Spanish version", "em português")."""


@lru_cache(maxsize=1)
def language_names() -> frozenset[tuple[str, str]]:
    """(language written in, the normalised name of a language in it), for the five."""
    return frozenset(
        (written, normalise(name))
        for written in LANGUAGES
        for code in LANGUAGES
        if (name := Locale.parse(written).languages.get(code))
    )


def names_a_language(
    words: list[str], i: int, language: str, stem: Callable[[str, str], str]
) -> bool:
    """``words[i]`` (normalised) is a language's name or one of its forms ("française",
    "francesa", "catalana") beside a word saying it is one ("version", "en"): its stem in
    the question's language is that of a name."""
    beside = {words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)}
    if not beside & VERSION_WORDS:
        return False
    said = stem(words[i], language)
    return any(
        said == stem(name, language) for written, name in language_names() if written == language
    )
