"""Telegram's HTML parse mode, read the way the Bot API reads it.

:func:`parse` turns a ``parse_mode=HTML`` string into the plain text Telegram
shows and its entities (offsets in UTF-16 code units), or raises
:class:`HtmlError` with the description the Bot API gives after
``Bad Request: can't parse entities:``. The stand-in uses it to accept or
refuse what the sink sends; the tests use it (``strict=True``) to check that
every formatter output is well-formed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bots.formatting import utf16_len

ENTITY_OF_TAG = {
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
}
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>\"']+))?)*)\s*>"
)
_ATTR = re.compile(r"([a-zA-Z-]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+)))?")
_ENTITY = re.compile(r"&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));")


class HtmlError(ValueError):
    """The text is not valid Telegram HTML; the message is Telegram's description."""


@dataclass
class _Open:
    tag: str
    offset: int
    attrs: dict[str, str] = field(default_factory=dict)


def _byte_offset(html: str, index: int) -> int:
    return len(html[:index].encode("utf-8"))


def _entity(open_tag: _Open, end: int) -> dict[str, Any] | None:
    kind = ENTITY_OF_TAG[open_tag.tag]
    if kind == "code" and open_tag.attrs.get("class", "").startswith("language-"):
        return None  # a language hint for the enclosing <pre>
    entity: dict[str, Any] = {
        "type": kind,
        "offset": open_tag.offset,
        "length": end - open_tag.offset,
    }
    if kind == "text_link":
        entity["url"] = open_tag.attrs.get("href", "")
    if entity["length"] == 0:
        return None
    return entity


def _check_start(tag: str, attrs: dict[str, str], stack: list[_Open], where: int) -> None:
    if tag not in ENTITY_OF_TAG:
        raise HtmlError(f'Unsupported start tag "{tag}" at byte offset {where}')
    if tag == "span" and attrs.get("class") != "tg-spoiler":
        raise HtmlError(f'Tag "span" must have class "tg-spoiler" at byte offset {where}')
    if tag == "a" and not attrs.get("href"):
        raise HtmlError(f"Can't find href in the tag at byte offset {where}")
    inside = [t.tag for t in stack]
    if "code" in inside or ("pre" in inside and tag != "code"):
        raise HtmlError(f'Can\'t nest "{tag}" inside pre or code at byte offset {where}')
    if tag == "blockquote" and "blockquote" in inside:
        raise HtmlError(f"Can't nest blockquotes at byte offset {where}")


def parse(html: str, *, strict: bool = False) -> tuple[str, list[dict[str, Any]]]:
    """The shown text and entities of ``html``; raises HtmlError like the Bot API.

    Telegram keeps a ``&`` that starts no known entity as a literal; with
    ``strict`` that is an error too, to catch formatters that forget to escape.
    """
    text: list[str] = []
    length = 0  # UTF-16 units of text so far
    stack: list[_Open] = []
    entities: list[dict[str, Any]] = []
    i = 0
    while i < len(html):
        char = html[i]
        if char == "<":
            match = _TAG.match(html, i)
            if not match:
                raise HtmlError(f"Unclosed start tag at byte offset {_byte_offset(html, i)}")
            closing, tag, raw_attrs = match.group(1), match.group(2).lower(), match.group(3)
            where = _byte_offset(html, i)
            if closing:
                if not stack:
                    raise HtmlError(f"Unexpected end tag at byte offset {where}")
                if stack[-1].tag != tag:
                    raise HtmlError(
                        f'Unmatched end tag at byte offset {where}, expected "</{stack[-1].tag}>", '
                        f'found "</{tag}>"'
                    )
                entity = _entity(stack.pop(), length)
                if entity:
                    entities.append(entity)
            else:
                attrs = {
                    m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
                    for m in _ATTR.finditer(raw_attrs)
                }
                attrs = {k: _unescape(v, strict) for k, v in attrs.items()}
                _check_start(tag, attrs, stack, where)
                stack.append(_Open(tag, length, attrs))
            i = match.end()
            continue
        if char == "&":
            match = _ENTITY.match(html, i)
            decoded = _decode_entity(match) if match else None
            if decoded is None:
                if strict:
                    raise HtmlError(f"Unsupported entity at byte offset {_byte_offset(html, i)}")
                decoded, end = "&", i + 1
            else:
                end = match.end() if match else i + 1
            text.append(decoded)
            length += utf16_len(decoded)
            i = end
            continue
        if strict and char == ">":
            raise HtmlError(f"Unescaped > at byte offset {_byte_offset(html, i)}")
        text.append(char)
        length += utf16_len(char)
        i += 1
    if stack:
        raise HtmlError(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(text), entities


def _decode_entity(match: re.Match[str]) -> str | None:
    decimal, hexadecimal, name = match.groups()
    if name is not None:
        return NAMED_ENTITIES.get(name)
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code)


def _unescape(value: str, strict: bool) -> str:
    def replace(match: re.Match[str]) -> str:
        decoded = _decode_entity(match)
        if decoded is None:
            if strict:
                raise HtmlError("Unsupported entity in an attribute")
            return match.group(0)
        return decoded

    return _ENTITY.sub(replace, value)
