"""Find the line on which each key of a TOML document is written.

``tomllib`` gives values without positions, so error messages could not name
a line. This scanner reads the same text once and maps every key path, for
example ``("routes", 2, "to")`` or ``("channels", "slack_news", "token_env")``,
to its 1-based line. It understands table headers, arrays of tables, dotted
keys and the keys of single-line inline tables, which covers the way
configuration files are written by hand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

KeyPath = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_INLINE_KEY = re.compile(r"""[{,]\s*([A-Za-z0-9_-]+|"[^"]*")\s*=""")


def _split_dotted(key: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", key)
    return [p.strip("\"'") for p in parts]


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map each key path in ``text`` to the line where it is written."""
    lines: dict[KeyPath, int] = {}
    array_counts: dict[KeyPath, int] = {}
    table: KeyPath = ()
    in_multiline = None  # the closing quotes of a multi-line string we are inside
    for number, raw in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if in_multiline in raw:
                in_multiline = None
            continue
        header = _HEADER.match(raw)
        if header and not _KEY.match(raw):
            names = _split_dotted(header.group(2))
            if header.group(1) == "[[":
                base = tuple(names)
                index = array_counts.get(base, -1) + 1
                array_counts[base] = index
                table = (*base, index)
                lines.setdefault(base, number)
            else:
                table = _resolve(tuple(names), array_counts)
            lines.setdefault(table, number)
            continue
        key = _KEY.match(raw)
        if not key:
            continue
        path = (*table, *_split_dotted(key.group(1)))
        lines.setdefault(path, number)
        rest = raw[key.end() :]
        for quote in ('"""', "'''"):
            if rest.count(quote) == 1:
                in_multiline = quote
        if "{" in rest:
            for inner in _INLINE_KEY.finditer(rest):
                lines.setdefault((*path, inner.group(1).strip("\"'")), number)
    return lines


def _resolve(names: KeyPath, array_counts: dict[KeyPath, int]) -> KeyPath:
    """Point a sub-table header such as ``[routes.match]`` at the latest array element."""
    for cut in range(len(names), 0, -1):
        base = names[:cut]
        if base in array_counts:
            return (*base, array_counts[base], *names[cut:])
    return names


def line_of(lines: dict[KeyPath, int], path: Sequence[str | int]) -> int | None:
    """The line of ``path`` or of its nearest written ancestor."""
    for cut in range(len(path), 0, -1):
        found = lines.get(tuple(path[:cut]))
        if found is not None:
            return found
    return None
