"""Text as every response can write it: the console's pages, the API, the public exports.

A stored string may hold what no response can carry: a lone UTF-16 surrogate
(``"\\ud800"``, which a JSON column kept from before the inputs refused it, and which
no UTF-8 encoder writes) or a control character (which XML 1.0 forbids, lxml refuses,
RFC 5545 leaves out of text values and HTML calls an error). One such row must not take
a page, an API list or a public feed down: each lone surrogate is written as U+FFFD, the
replacement character (as :func:`hub.core.bodies.storable_text` stores it), and each
control character other than tab, line feed and carriage return is left out, so the rest
of the text is written as it is.

JSON text (``json.dumps`` output) goes through the same function: JSON escapes every
control character, so only its lone surrogates change.
"""

from __future__ import annotations

import re

from hub.core.bodies import storable_text

_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f]")
"""C0 controls but NUL (which :func:`storable_text` leaves out), tab, line feed and CR."""


def writable(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD and without C0 control characters
    (tab, line feed and carriage return kept): what UTF-8, XML 1.0, HTML and iCalendar
    carry. Text with none of them (nearly every page) is read once and kept as it is."""
    if not _UNWRITABLE.search(text):
        return text
    return _CONTROL.sub("", storable_text(text))
