"""Mailchimp merge-tag syntax in what members write (pure).

Mailchimp fills ``*|TAG|*`` in a campaign with each reader's data: a member
who gets ``https://their.server/?e=*|EMAIL|*`` into a link or an image
address learns every reader's address when the e-mail opens. Intake refuses
such addresses with a reason; the newsletter renderer leaves out any that
got in before (an older item, a feed).
"""

from __future__ import annotations

import html
from urllib.parse import unquote

DECODING_ROUNDS = 4


def carries_merge_tag(url: str) -> bool:
    """Whether ``url`` holds merge-tag syntax (``*|`` or ``|*``), even percent- or
    entity-encoded (``*%7CEMAIL%7C*``, ``*&#124;EMAIL&#124;*``), or is encoded over
    and over so deeply that it cannot be told."""
    seen = url
    for _ in range(DECODING_ROUNDS):
        plain = seen.replace("\u200b", "")
        if "*|" in plain or "|*" in plain:
            return True
        decoded = html.unescape(unquote(seen))
        if decoded == seen:
            return False
        seen = decoded
    return True
