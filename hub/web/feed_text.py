"""Text as the public exports (``/events.ics``, the news feeds) can always write it.

A stored string may hold what no export can carry: a lone UTF-16 surrogate
(``"\\ud800"``, which a JSON column kept from before the inputs refused it, and which
no UTF-8 encoder writes) or a control character (which XML 1.0 forbids, lxml refuses,
and RFC 5545 leaves out of text values). One such row must not take a public feed
down for every subscriber: each lone surrogate is written as U+FFFD, the replacement
character, and each control character other than tab, line feed and carriage return is
left out, so the rest of the text (and of the feed) is written as it is.
"""

from __future__ import annotations

import re

_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def writable(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD and without C0 control characters
    (tab, line feed and carriage return kept): what UTF-8, XML 1.0 and iCalendar carry."""
    if not _UNWRITABLE.search(text):
        return text
    return _UNWRITABLE.sub(lambda found: "\ufffd" if found.group() >= "\ud800" else "", text)
