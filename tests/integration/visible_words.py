"""What a reader sees of a page or a message, as words, and which of them are English left over.

Shared by the language tests of the members' pages, the console and the bots' replies: a
rendering in another language is compared with the English rendering of the same thing, and
every English word that shows in both is a failure unless it is exempt (a name, or a word the
other language's own texts use too: "no", "total" and "hub" are Spanish as well). Nothing lists
the English words to look for, so a word added in English only fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.pofile import read_po

WORD = re.compile(r"[^\W\d_]{2,}")
NOT_WORDS = re.compile(r"https?://\S+|(?<!\w)/[\w/.-]+|\S+@\S+|…|\b\w+(?:_\w+)+\b")
"""Addresses, paths, commands (``/skip``) and codes (``channel_not_found``) are not words."""
SEEN_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
"""Attributes a reader sees or hears (a tooltip, an empty field's hint, a screen reader)."""


class VisibleText(HTMLParser):
    """The text a reader sees: text nodes outside scripts and styles, and seen attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._hidden += 1
        self.parts += [value for name, value in attrs if name in SEEN_ATTRIBUTES and value]
        shown = dict(attrs)
        if tag == "input" and shown.get("type") in ("submit", "button") and shown.get("value"):
            self.parts.append(str(shown["value"]))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def words_in(text: str) -> set[str]:
    """The words of plain text (a chat message), lower-cased, addresses and codes left out."""
    return {word.lower() for word in WORD.findall(NOT_WORDS.sub(" ", text))}


def words_of(page: str) -> set[str]:
    """The words a reader sees on an HTML page."""
    parser = VisibleText()
    parser.feed(page)
    return words_in(" ".join(parser.parts))


def catalogue_words(language: str, catalogues: Iterable[Path]) -> set[str]:
    """The words of ``language``'s translations in these ``.po`` files (a text left identical to
    its English source is not counted as the language's own)."""
    texts: list[str] = []
    for path in catalogues:
        with path.open("rb") as po:
            catalog = read_po(po, locale=language)
        for message in catalog:
            string, identifier = message.string, message.id
            strings = tuple(string) if isinstance(string, list | tuple) else (string or "",)
            ids = tuple(identifier) if isinstance(identifier, list | tuple) else (identifier,)
            texts += [s for s in strings if s and s not in ids]
    return {word for text in texts for word in words_in(text)}


def english_left(english: set[str], other: set[str], exempt: set[str]) -> set[str]:
    """The English rendering's words that show in the other one and are not exempt."""
    return (english & other) - exempt
