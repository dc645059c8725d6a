"""Refusing dangerous XML before any parser sees it.

An entity-expansion bomb ("billion laughs") and an external entity pointing
at a local file both live in a DOCTYPE's internal subset. We look at the
prolog ourselves and refuse: a subset larger than :data:`MAX_SUBSET` bytes,
any external (``SYSTEM``/``PUBLIC``) or parameter entity, and any entity whose
value refers to another entity (the shape of every expansion bomb). A plain
DOCTYPE naming an external DTD (old RSS 0.91 feeds do) is allowed; feedparser
never loads it.
"""

from __future__ import annotations

import re

from hub.ingest.errors import FeedError

MAX_SUBSET = 2048
_PROLOG = 64 * 1024
_DOCTYPE = re.compile(rb"<!DOCTYPE\b", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY\s+(%\s*)?([^\s>]+)\s*(.*?)>", re.IGNORECASE | re.DOTALL)
_ELEMENT = re.compile(rb"<[A-Za-z_]")
_NAMED_REF = re.compile(rb"&[A-Za-z_:][\w.:-]*;|%[A-Za-z_:][\w.:-]*;")
# "&#38;name;" becomes "&name;" when the entity is declared: a reference in disguise.
_ESCAPED_AMP = re.compile(rb"&#(0*38|x0*26|0*37|x0*25);", re.IGNORECASE)


def _prolog(data: bytes) -> bytes:
    head = data[:_PROLOG]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:4]:
        head = head.replace(b"\x00", b"")  # UTF-16/32: the ASCII markup is what matters
    return head


def check_xml(data: bytes) -> None:
    """Raise :class:`FeedError` (``unsafe_xml``) if ``data`` declares dangerous entities."""
    head = _prolog(data)
    found = _DOCTYPE.search(head)
    if found is None:
        if b"<!ENTITY" in head.upper():
            raise FeedError("unsafe_xml", "refused: an entity declaration outside a DOCTYPE")
        if len(data) > _PROLOG and not _ELEMENT.search(head):
            # Still in the prolog after 64 KB (padding before a DOCTYPE?): refuse.
            raise FeedError("unsafe_xml", "refused: no root element within the first 64 KB")
        return
    rest = head[found.end() :]
    close = rest.find(b">")
    open_bracket = rest.find(b"[")
    if open_bracket == -1 or (close != -1 and close < open_bracket):
        return  # no internal subset
    end = re.search(rb"\]\s*>", rest[open_bracket:])
    if end is None or end.start() > MAX_SUBSET:
        raise FeedError(
            "unsafe_xml",
            f"refused: the DOCTYPE's internal subset is larger than {MAX_SUBSET} bytes "
            "(a possible entity-expansion bomb); nothing was expanded",
        )
    subset = rest[open_bracket + 1 : open_bracket + end.start()]
    for match in _ENTITY.finditer(subset):
        parameter, name, body = match.group(1), match.group(2), match.group(3)
        shown = name.decode("ascii", "replace")
        if parameter:
            raise FeedError("unsafe_xml", f"refused: a parameter entity %{shown} in the DOCTYPE")
        if re.match(rb"(SYSTEM|PUBLIC)\b", body.strip(), re.IGNORECASE):
            raise FeedError(
                "unsafe_xml",
                f"refused: the external entity &{shown}; would read another file or URL; "
                "nothing was read",
            )
        if _NAMED_REF.search(body) or _ESCAPED_AMP.search(body):
            raise FeedError(
                "unsafe_xml",
                f"refused: the entity &{shown}; refers to other entities "
                "(an entity-expansion bomb); nothing was expanded",
            )
