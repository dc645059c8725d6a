"""HTML translated as HTML: only the text between tags goes to the engine.

The hub's HTML is already sanitised (an allow-list of tags), so a tag is ``<...>``
with no ``>`` inside quotes left unescaped. Tags, attributes (links included) and
comments are kept byte for byte; entities (``&amp;``, ``&#8364;``) are kept as
written, through placeholders; text inside ``<code>``, ``<pre>``, ``<script>`` and
``<style>`` is not translated; text with no letter (numbers, punctuation) is not
sent. Each text node keeps its leading and trailing white space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
UNTRANSLATED = frozenset({"code", "pre", "script", "style"})
LETTER = re.compile(r"[^\W\d_]")
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)")


@dataclass(frozen=True)
class Piece:
    """A run of the document: markup or text kept as is, or a text node to translate."""

    text: str
    translate: bool


def split_html(document: str) -> list[Piece]:
    """The document as pieces; joining their ``text`` gives it back unchanged."""
    pieces: list[Piece] = []
    skipping: list[str] = []
    position = 0
    for match in TAG.finditer(document):
        if match.start() > position:
            pieces.extend(_text(document[position : match.start()], not skipping))
        tag = match.group(0)
        pieces.append(Piece(tag, False))
        name = _TAG_NAME.match(tag)
        if name and name.group(1).lower() in UNTRANSLATED and not tag.endswith("/>"):
            if tag.startswith("</"):
                if skipping:
                    skipping.pop()
            else:
                skipping.append(name.group(1).lower())
        position = match.end()
    if position < len(document):
        pieces.extend(_text(document[position:], not skipping))
    return pieces


def split_text(text: str) -> list[Piece]:
    """Plain text as pieces: its white space kept, its words to translate."""
    return _text(text, True)


def _text(run: str, translatable: bool) -> list[Piece]:
    if not translatable or not LETTER.search(run):
        return [Piece(run, False)]
    core = run.strip()
    start = run.index(core)
    pieces = [Piece(run[:start], False), Piece(core, True), Piece(run[start + len(core) :], False)]
    return [p for p in pieces if p.text]


_BOUNDARIES = (
    re.compile(r"\n[ \t]*\n\s*"),  # paragraphs
    re.compile(r"\n\s*"),  # lines
    re.compile(r"(?<=[.!?…;:])[\"'»”)\]]*\s+"),  # sentences (and a closing quote)
    re.compile(r"\s+"),  # words
)
"""Where a text too long for the engine is cut, best first; each cut falls after white
space, so a placeholder (``⟦1⟧``) or a word is never cut in two unless nothing else fits."""


def split_long(text: str, limit: int) -> list[str]:
    """``text`` in consecutive parts of at most ``limit`` characters that join back into
    it, cut at the best boundary that makes them fit (paragraph, line, sentence, word;
    a cut inside a word only for a word longer than ``limit``)."""
    if limit < 1:
        raise ValueError("a limit must be at least one character")
    if len(text) <= limit:
        return [text]
    for boundary in _BOUNDARIES:
        atoms = _cut_after(text, boundary)
        if len(atoms) == 1:
            continue
        parts: list[str] = []
        for packed in _pack(atoms, limit):
            parts.extend(split_long(packed, limit) if len(packed) > limit else [packed])
        return parts
    return [text[start : start + limit] for start in range(0, len(text), limit)]


def _cut_after(text: str, boundary: re.Pattern[str]) -> list[str]:
    atoms: list[str] = []
    start = 0
    for match in boundary.finditer(text):
        if match.end() > start and match.start() > start:
            atoms.append(text[start : match.end()])
            start = match.end()
    if start < len(text):
        atoms.append(text[start:])
    return atoms


def _pack(atoms: list[str], limit: int) -> list[str]:
    """Consecutive atoms joined greedily while they fit in ``limit``."""
    packed: list[str] = []
    current = ""
    for atom in atoms:
        if current and len(current) + len(atom) > limit:
            packed.append(current)
            current = ""
        current += atom
    if current:
        packed.append(current)
    return packed
