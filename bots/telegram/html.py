"""Telegram's HTML parse mode, read the way the Bot API reads it.

:func:`parse` turns a ``parse_mode=HTML`` string into the plain text Telegram
shows and its entities (offsets in UTF-16 code units), or raises
:class:`HtmlError` with the description the Bot API gives after
``Bad Request: can't parse entities:``. The stand-in uses it to accept or
refuse what the sink sends; the tests use it (``strict=True``) to check that
every formatter output is well-formed.

A port of tdlib's ``parse_html`` (td/telegram/MessageEntity.cpp, which the Bot
API server runs for ``parse_mode=HTML``), byte by byte over the UTF-8 text as
tdlib reads it, so offsets in errors are byte offsets and only tdlib's own
errors are raised: an ``&`` that starts no known entity stays literal (the
``;`` is optional: ``&lt`` is ``<``), an ``<a>`` without ``href`` links its own
text, an unquoted attribute value is a name token (letters, digits, ``.`` and
``-``), ``</>`` closes whatever is open. Nesting inside ``pre``/``code`` and
nested blockquotes are no parse error: tdlib drops such entities later
(``fix_entities``), and :func:`parse` drops them too. ``strict`` adds the
hub's own rules for its formatter (every ``&`` and ``>`` escaped, nothing
nested in code): those are not Telegram's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
    "tg-time": "date_time",
}
ENTITY_OF_TAG = TAGS  # the name older callers import
NAMED_ENTITIES = {b"lt": "<", b"gt": ">", b"amp": "&", b"quot": '"'}
_SPACE = frozenset(b" \t\r\n\x00\x0b")  # tdutils is_space, NUL included (the C string's end)


class HtmlError(ValueError):
    """The text is not valid Telegram HTML; the message is Telegram's description."""


@dataclass
class _Open:
    tag: str
    argument: str
    offset: int  # UTF-16 units of text before it
    begin: int  # bytes of text before it
    date: int = 0


def _alnum(c: int) -> bool:
    return 0x30 <= c <= 0x39 or 0x61 <= (c | 0x20) <= 0x7A


def _decode_entity(data: bytes, pos: int) -> tuple[int, int]:
    """tdlib's decode_html_entity: (code point, position after it), or (0, pos)."""
    at = _at(data)
    end = pos + 1
    code = 0
    if at(pos + 1) == ord("#"):
        end += 1
        if at(pos + 2) == ord("x"):  # only a small x, as tdlib reads it
            end += 1
            while at(end) and chr(at(end)) in "0123456789abcdefABCDEF":
                code = code * 16 + int(chr(at(end)), 16)
                end += 1
        else:
            while 0x30 <= at(end) <= 0x39:
                code = code * 10 + at(end) - 0x30
                end += 1
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return 0, pos
    else:
        while 0x61 <= (at(end) | 0x20) <= 0x7A and at(end):
            end += 1
        named = NAMED_ENTITIES.get(data[pos + 1 : end])
        if named is None:
            return 0, pos
        code = ord(named)
    return code, end + 1 if at(end) == ord(";") else end


def _at(data: bytes) -> Any:
    size = len(data)
    return lambda i: data[i] if i < size else 0


def parse(html: str, *, strict: bool = False) -> tuple[str, list[dict[str, Any]]]:
    """The shown text and entities of ``html``; raises HtmlError like the Bot API."""
    data = html.encode("utf-8", "surrogatepass")
    at = _at(data)
    out = bytearray()
    utf16 = 0
    nested: list[_Open] = []
    entities: list[dict[str, Any]] = []
    surrogates = False
    i = 0
    while i < len(data):
        c = data[i]
        if c == ord("&"):
            code, end = _decode_entity(data, i)
            if code:
                utf16 += 1 + (code > 0xFFFF)
                surrogates = surrogates or 0xD800 <= code <= 0xDFFF
                out += chr(code).encode("utf-8", "surrogatepass")
                i = end
                continue
            if strict:
                raise HtmlError(f"Unsupported entity at byte offset {i}")
        if c != ord("<"):
            if strict and c == ord(">"):
                raise HtmlError(f"Unescaped > at byte offset {i}")
            if c & 0xC0 != 0x80:
                utf16 += 1 + (c >= 0xF0)
            out.append(c)
            i += 1
            continue
        begin = i
        i += 1
        if at(i) != ord("/"):
            i = _start_tag(data, begin, i, nested, utf16, len(out), strict)
        else:
            i = _end_tag(data, begin, i, nested, utf16, out, entities)
        i += 1  # past the '>'
    if nested:
        raise HtmlError(f'Can\'t find end tag corresponding to start tag "{nested[-1].tag}"')
    text = bytes(out).decode("utf-8", "surrogatepass")
    if surrogates:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise HtmlError(
                "Text contains invalid Unicode characters after decoding HTML entities, check "
                "for unmatched surrogate code units"
            ) from None
    # tdlib's sort_entities: by offset, longer first, then the containing kinds first
    order = ("blockquote", "expandable_blockquote", "pre", "code")
    entities.sort(key=lambda e: (e["offset"], -e["length"], e["type"] not in order))
    return text, _without_nested_in_code(entities)


def _start_tag(
    data: bytes, begin: int, i: int, nested: list[_Open], utf16: int, size: int, strict: bool
) -> int:
    at = _at(data)
    while at(i) not in _SPACE and at(i) != ord(">"):
        i += 1
    if at(i) == 0:
        raise HtmlError(f"Unclosed start tag at byte offset {begin}")
    tag = data[begin + 1 : i].decode("utf-8", "replace").lower()
    if tag not in TAGS:
        raise HtmlError(f'Unsupported start tag "{tag}" at byte offset {begin}')
    argument, date = "", 0
    while at(i) != ord(">"):
        while at(i) and at(i) in _SPACE:
            i += 1
        if at(i) == ord(">"):
            break
        name_start = i
        while at(i) not in _SPACE and at(i) not in b"=>/\"'":
            i += 1
        name = data[name_start:i].decode("utf-8", "replace")
        if not name:
            raise HtmlError(f'Empty attribute name in the tag "{tag}" at byte offset {begin}')
        while at(i) and at(i) in _SPACE:
            i += 1
        if at(i) != ord("="):
            if at(i) == 0:
                raise HtmlError(f'Unclosed start tag "{tag}" at byte offset {begin}')
            if tag == "blockquote" and name == "expandable":
                argument = "1"
            continue
        i += 1
        while at(i) and at(i) in _SPACE:
            i += 1
        if at(i) == 0:
            raise HtmlError(f'Unclosed start tag "{tag}" at byte offset {begin}')
        if at(i) not in b"\"'":
            token_start = i
            while _alnum(at(i)) or at(i) in b".-":
                i += 1
            value = data[token_start:i].decode().lower()
            if at(i) not in _SPACE and at(i) != ord(">"):
                raise HtmlError(f"Unexpected end of name token at byte offset {token_start}")
        else:
            quote = at(i)
            i += 1
            raw = bytearray()
            while at(i) != quote and at(i):
                if at(i) == ord("&"):
                    code, end = _decode_entity(data, i)
                    if code:
                        raw += chr(code).encode("utf-8", "surrogatepass")
                        i = end
                        continue
                    if strict:
                        raise HtmlError("Unsupported entity in an attribute")
                raw.append(at(i))
                i += 1
            if at(i) == quote and at(i):
                i += 1
            value = bytes(raw).decode("utf-8", "replace")
        if at(i) == 0:
            raise HtmlError(f"Unclosed start tag at byte offset {begin}")
        if tag == "a" and name == "href":
            argument = value
        elif tag == "code" and name == "class" and value.startswith("language-"):
            argument = value[9:]
        elif tag == "span" and name == "class" and value.startswith("tg-"):
            argument = value[3:]
        elif (tag == "tg-emoji" and name == "emoji-id") or (tag == "tg-time" and name == "format"):
            argument = value
        elif tag == "blockquote" and name == "expandable":
            argument = "1"
        elif tag == "tg-time" and name == "unix":
            date = int(value) if value.isdigit() else 0
    if tag == "span" and argument != "spoiler":
        raise HtmlError(f'Tag "span" must have class "tg-spoiler" at byte offset {begin}')
    if strict and any(o.tag in ("pre", "code") for o in nested) and tag != "code":
        raise HtmlError(f'Can\'t nest "{tag}" inside pre or code at byte offset {begin}')
    nested.append(_Open(tag, argument, utf16, size, date))
    return i


def _end_tag(
    data: bytes,
    begin: int,
    i: int,
    nested: list[_Open],
    utf16: int,
    out: bytearray,
    entities: list[dict[str, Any]],
) -> int:
    at = _at(data)
    if not nested:
        raise HtmlError(f"Unexpected end tag at byte offset {begin}")
    while at(i) not in _SPACE and at(i) != ord(">"):
        i += 1
    end_tag = data[begin + 2 : i].decode("utf-8", "replace").lower()
    while at(i) and at(i) in _SPACE:
        i += 1
    if at(i) != ord(">"):
        raise HtmlError(f"Unclosed end tag at byte offset {begin}")
    top = nested.pop()
    if end_tag and end_tag != top.tag:
        expected, found = f"</{top.tag}>", f"</{end_tag}>"
        raise HtmlError(
            f'Unmatched end tag at byte offset {begin}, expected "{expected}", found "{found}"'
        )
    if utf16 > top.offset:
        entity = _entity(top, utf16 - top.offset, bytes(out[top.begin :]), entities)
        if entity is not None:
            entities.append(entity)
    return i


def _entity(
    top: _Open, length: int, inner: bytes, entities: list[dict[str, Any]]
) -> dict[str, Any] | None:
    kind = TAGS[top.tag]
    entity: dict[str, Any] = {"type": kind, "offset": top.offset, "length": length}
    if top.tag == "tg-emoji":
        if not top.argument.isdigit() or int(top.argument) == 0:
            raise HtmlError("Invalid custom emoji identifier specified")
        entity["custom_emoji_id"] = top.argument
    elif top.tag == "tg-time":
        if top.date <= 0:
            return None
        entity["unix_time"] = top.date
    elif top.tag == "a":
        entity["url"] = top.argument or inner.decode("utf-8", "replace")
    elif top.tag == "blockquote" and top.argument:
        entity["type"] = "expandable_blockquote"
    elif top.tag in ("pre", "code"):
        last = entities[-1] if entities else None
        same = last is not None and (last["offset"], last["length"]) == (top.offset, length)
        if top.tag == "pre" and same and last and last["type"] == "code" and last.get("language"):
            last["type"] = "pre"
            return None
        if top.tag == "code" and top.argument:
            if same and last and last["type"] == "pre":
                last["language"] = top.argument
                return None
            entity["language"] = top.argument  # kept until a <pre> around it takes it
    return entity


def _without_nested_in_code(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entities inside ``pre``/``code`` and blockquotes inside blockquotes are dropped,
    as tdlib's fix_entities does after parsing; a code's leftover language goes."""
    kept: list[dict[str, Any]] = []
    for entity in entities:
        if entity["type"] == "code":
            entity.pop("language", None)
        start, end = entity["offset"], entity["offset"] + entity["length"]
        inside = [k for k in kept if k["offset"] <= start and end <= k["offset"] + k["length"]]
        if any(k["type"] in ("pre", "code") for k in inside):
            continue
        quote = ("blockquote", "expandable_blockquote")
        if entity["type"] in quote and any(k["type"] in quote for k in inside):
            continue
        kept.append(entity)
    return kept
