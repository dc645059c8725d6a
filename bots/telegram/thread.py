"""A long Telegram post as a short thread of messages (pure).

Telegram refuses a message over 4,096 characters of shown text (the text after
the HTML is parsed: core.telegram.org/bots/api#sendmessage, "1-4096 characters
after entities parsing"). :func:`split_html` cuts the hub's HTML into parts
that each show at most ``limit`` UTF-16 code units (as :mod:`bots.telegram.html`
counts them: never less than the code points Telegram counts), at a paragraph
break where one falls in the second half of the room, else at the end of a
sentence, else between words, and only as a last resort inside a word. A cut
never falls inside a tag or an entity (``&amp;`` is one character): the tags
open at the cut are closed at the end of the part and opened again, with the
same attributes, at the start of the next, so every part is balanced HTML that
Telegram parses alone. The sink posts the parts as replies, each to the one
before (``reply_parameters``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bots.formatting import utf16_len

_ATOM = re.compile(r"<[^>]*>|&(?:#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);?|.", re.DOTALL)
_ENTITY_WIDTH = {"&lt;": 1, "&gt;": 1, "&amp;": 1, "&quot;": 1}
_SENTENCE_END = frozenset(".!?…。;:")
PARAGRAPH, SENTENCE, WORD = 3, 2, 1


@dataclass(frozen=True)
class _Atom:
    source: str
    width: int  # UTF-16 units of shown text (0 for a tag)
    opens: str | None = None  # the tag's name, for an opening tag
    closes: bool = False

    @property
    def space(self) -> bool:
        return self.width > 0 and self.source.isspace()


def _atoms(html: str) -> list[_Atom]:
    atoms = []
    for match in _ATOM.finditer(html):
        token = match.group()
        if token.startswith("</"):
            atoms.append(_Atom(token, 0, closes=True))
        elif token.startswith("<") and len(token) > 1:
            name = token[1:-1].split(None, 1)[0].lower() if len(token) > 2 else ""
            atoms.append(_Atom(token, 0, opens=name))
        elif token.startswith("&") and len(token) > 1:
            atoms.append(_Atom(token, _ENTITY_WIDTH.get(token, 1)))
        else:
            atoms.append(_Atom(token, utf16_len(token)))
    return atoms


def shown_length(html: str) -> int:
    """The UTF-16 units of text ``html`` shows (tags left out, an entity as one)."""
    return sum(atom.width for atom in _atoms(html))


def split_html(html: str, limit: int) -> list[str]:
    """``html`` as parts of at most ``limit`` shown UTF-16 units, each balanced."""
    atoms = _atoms(html)
    parts: list[str] = []
    start = 0
    carried: list[_Atom] = []  # the opening tags still open at the last cut
    while start < len(atoms):
        cut, stack = _cut(atoms, start, carried, limit)
        while cut < len(atoms) and atoms[cut].closes and stack:  # end tags stay with the text
            stack = stack[:-1]
            cut += 1
        body = "".join(atom.source for atom in atoms[start:cut])
        closing = "".join(f"</{atom.opens}>" for atom in reversed(stack))
        opening = "".join(atom.source for atom in carried)
        part = f"{opening}{body}{closing}"
        if shown_length(part) and part.strip():
            parts.append(_tidy(part))
        carried = stack
        start = cut
        while start < len(atoms) and atoms[start].space:
            start += 1
    return parts or [html]


def _cut(
    atoms: list[_Atom], start: int, carried: list[_Atom], limit: int
) -> tuple[int, list[_Atom]]:
    """Where the part that begins at ``start`` ends, and the tags open there."""
    stack = list(carried)
    width = 0
    best: dict[int, tuple[int, int, list[_Atom]]] = {}  # kind -> (index, width, stack)
    previous = ""
    index = start
    while index < len(atoms):
        atom = atoms[index]
        if width + atom.width > limit:
            break
        width += atom.width
        if atom.opens is not None:
            stack.append(atom)
        elif atom.closes and stack:
            stack.pop()
        index += 1
        if atom.space:
            kind = WORD
            if atom.source == "\n" and previous == "\n":
                kind = PARAGRAPH
            elif previous in _SENTENCE_END:
                kind = SENTENCE
            best[kind] = (index, width, list(stack))
        if atom.width:
            previous = atom.source
    if index >= len(atoms):
        return index, stack
    for kind in (PARAGRAPH, SENTENCE, WORD):
        found = best.get(kind)
        if found is not None and found[1] >= limit // 2:
            return found[0], found[2]
    shorter = [found for found in best.values() if found[1] > 0]
    if shorter:  # a short part rather than a cut inside a word
        latest = max(shorter, key=lambda found: found[0])
        return latest[0], latest[2]
    if index == start:  # one atom wider than the limit: take it alone
        return index + 1, stack
    return index, stack


def _tidy(part: str) -> str:
    """Trailing whitespace off the part's text (before its closing tags)."""
    match = re.search(r"\s+((?:</[^>]+>)*)$", part)
    return part[: match.start()] + match.group(1) if match else part
