"""Plain text cut into the parts of a thread (pure), for platforms that count text their
own way (Mastodon's 500 with URLs as 23, Bluesky's 300 graphemes).

:func:`split_text` cuts only at whitespace, so a URL, a hashtag or a word is never
split (a single word longer than a part, which no real post has, is cut by
characters): at a paragraph break that falls in the second half of the room, else
after a sentence, else between words. ``cost`` measures a part as the platform
does; it need not be additive (Mastodon counts a URL as 23 wherever it ends).

The limits a thread's parts keep, and where each comes from:

- Telegram: 4,096 characters of shown text per message, after entities are parsed
  (core.telegram.org/bots/api#sendmessage; tdlib's ``message_text_length_max``);
  cut by :mod:`bots.telegram.thread`, which keeps the HTML balanced.
- Mastodon: 500 characters per status, every URL counted as 23
  (app/validators/status_length_validator.rb: ``MAX_CHARS = 500``, ``URL_PLACEHOLDER``
  of 23 characters).
- Bluesky: 300 graphemes and 3,000 bytes of UTF-8 per post (lexicons/app/bsky/feed/
  post.json: ``text`` has ``maxGraphemes: 300``, ``maxLength: 3000``).
- A thread is at most about six parts (``thread_parts`` in :mod:`bots.limits`): the
  hub's own cap, so that a long item continues rather than floods a channel.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_SPACE = re.compile(r"(\s+)")
_SENTENCE_END = (".", "!", "?", "…", "。", ";", ":")


def split_text(text: str, limit: int, cost: Callable[[str], int]) -> list[str]:
    """``text`` as parts each costing at most ``limit``."""
    pieces = [piece for piece in _SPACE.split(text.strip()) if piece]
    parts: list[str] = []
    start = 0
    while start < len(pieces):
        end, candidates = start, {}
        while end < len(pieces) and cost("".join(pieces[start : end + 1]).strip()) <= limit:
            end += 1
            piece = pieces[end - 1]
            if piece.isspace() and end - 1 > start:
                before = pieces[end - 2]
                kind = 3 if "\n\n" in piece else 2 if before.endswith(_SENTENCE_END) else 1
                candidates[kind] = end
        if end >= len(pieces):
            parts.append("".join(pieces[start:]).strip())
            break
        half = [
            candidates[kind]
            for kind in (3, 2, 1)
            if kind in candidates
            and cost("".join(pieces[start : candidates[kind]]).strip()) >= limit // 2
        ]
        if half:
            cut = half[0]
        elif candidates:
            cut = max(candidates.values())
        else:  # one word longer than a part
            word, room = pieces[start], limit
            while room > 1 and cost(word[:room]) > limit:
                room -= 1
            pieces[start : start + 1] = [word[:room], "", word[room:]]
            cut = start + 1
        parts.append("".join(pieces[start:cut]).strip())
        start = cut
        while start < len(pieces) and (not pieces[start] or pieces[start].isspace()):
            start += 1
    return [part for part in parts if part]
