"""Refusing dangerous XML before any parser sees it.

An entity-expansion bomb ("billion laughs") and an external entity pointing
at a local file both live in a DOCTYPE's internal subset. We look at the
prolog ourselves and refuse: a subset larger than :data:`MAX_SUBSET` bytes,
any external (``SYSTEM``/``PUBLIC``) or parameter entity, and any entity whose
value refers to another entity (the shape of every expansion bomb). A plain
DOCTYPE naming an external DTD (old RSS 0.91 feeds do) is allowed; feedparser
never loads it.

Two shapes stay cheap for the guard and dear for the parser, so they are
weighed before parsing too. One plain entity referenced thousands of times
("quadratic blowup": 2 KB of text times 15,000 references is a 30-million
character title; expat stops at its amplification limit, and feedparser's
fallback parser then expands it anyway) is refused when its references would
expand to more than :data:`MAX_EXPANSION` characters. A body of more than
:data:`MAX_ELEMENTS` elements (hundreds of thousands of tiny entries, or
elements nested thousands deep) or :data:`MAX_REFERENCES` entity references
(``&lt;`` by the million) is refused before feedparser spends seconds and
hundreds of megabytes on it; CDATA sections are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hub.core.ingest.errors import FeedError

MAX_SUBSET = 2048
MAX_ENTITIES = 64
MAX_EXPANSION = 100_000
MAX_ELEMENTS = 20_000
MAX_REFERENCES = 400_000  # a 5 MB feed of escaped HTML has about 240,000
_PROLOG = 64 * 1024
_DOCTYPE = re.compile(rb"<!DOCTYPE\b", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY\s+(%\s*)?([^\s>]+)\s*(.*?)>", re.IGNORECASE | re.DOTALL)
_ELEMENT = re.compile(rb"<[A-Za-z_]")
_NAMED_REF = re.compile(rb"&[A-Za-z_:][\w.:-]*;|%[A-Za-z_:][\w.:-]*;")
# "&#38;name;" becomes "&name;" when the entity is declared: a reference in disguise.
_ESCAPED_AMP = re.compile(rb"&#(0*38|x0*26|0*37|x0*25);", re.IGNORECASE)
_LITERAL = re.compile(rb"""\s*(?:"([^"]*)"|'([^']*)')""")
_CDATA_OPEN, _CDATA_CLOSE = b"<![CDATA[", b"]]>"


def _prolog(data: bytes) -> bytes:
    head = data[:_PROLOG]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:4]:
        head = head.replace(b"\x00", b"")  # UTF-16/32: the ASCII markup is what matters
    return head


def _ascii_view(data: bytes) -> bytes:
    """The bytes whose ASCII markup can be counted (UTF-16/32 with their zero bytes dropped)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]:
        return data.replace(b"\x00", b"")
    return data


def _outside_cdata(view: bytes) -> Iterator[bytes]:
    """The stretches of ``view`` outside CDATA sections (an unclosed one runs to the end)."""
    position = 0
    while True:
        start = view.find(_CDATA_OPEN, position)
        if start == -1:
            yield view[position:]
            return
        yield view[position:start]
        end = view.find(_CDATA_CLOSE, start + len(_CDATA_OPEN))
        if end == -1:
            return
        position = end + len(_CDATA_CLOSE)


def count_markup(data: bytes, limit: int = MAX_ELEMENTS) -> tuple[int, int]:
    """Start tags (counted no further than ``limit + 1``) and references outside CDATA."""
    elements = references = 0
    for stretch in _outside_cdata(_ascii_view(data)):
        references += stretch.count(b"&")
        for _match in _ELEMENT.finditer(stretch):
            elements += 1
            if elements > limit:
                return elements, references
    return elements, references


def check_xml(data: bytes) -> None:
    """Raise :class:`FeedError` (``unsafe_xml``) if ``data`` declares dangerous entities.

    Also refuses (``too_complex``) a body too costly to parse: more than
    :data:`MAX_ELEMENTS` elements or :data:`MAX_REFERENCES` references.
    """
    _check_entities(data)
    elements, references = count_markup(data)
    if elements > MAX_ELEMENTS:
        raise FeedError(
            "too_complex",
            f"refused: more than {MAX_ELEMENTS:,} XML elements (tiny entries by the hundred "
            "thousand, or elements nested thousands deep); nothing was parsed",
        )
    if references > MAX_REFERENCES:
        raise FeedError(
            "too_complex",
            f"refused: {references:,} entity references, more than {MAX_REFERENCES:,} "
            "(markup escaped by the million); nothing was parsed",
        )


def _check_entities(data: bytes) -> None:
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
    declared = list(_ENTITY.finditer(subset))
    if len(declared) > MAX_ENTITIES:
        raise FeedError(
            "unsafe_xml", f"refused: more than {MAX_ENTITIES} entities declared in the DOCTYPE"
        )
    for match in declared:
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
    _check_expansion(data, declared)


def _check_expansion(data: bytes, declared: list[re.Match[bytes]]) -> None:
    """Refuse when the plain entities' references would expand past :data:`MAX_EXPANSION`."""
    body = _ascii_view(data)
    expansion = 0
    for match in declared:
        literal = _LITERAL.match(match.group(3))
        value = (literal.group(1) or literal.group(2) or b"") if literal else b""
        reference = b"&" + match.group(2) + b";"
        if len(value) <= len(reference):
            continue  # no amplification: the text gets no longer
        expansion += body.count(reference) * len(value)
        if expansion > MAX_EXPANSION:
            shown = match.group(2).decode("ascii", "replace")
            raise FeedError(
                "unsafe_xml",
                f"refused: the entity &{shown}; is referenced so often that it would expand "
                f"to more than {MAX_EXPANSION:,} characters (a quadratic blowup); "
                "nothing was expanded",
            )
