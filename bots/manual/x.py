"""X (Twitter): a post of at most 280 by twitter-text's weighted count.

twitter-text's config/v3.json (the counting X's own clients run): each code point
weighs 200 except those in 0-4351, 8192-8205, 8208-8223 and 8242-8247 (100); the
sum is divided by 100 and may reach 280 (``maxWeightedTweetLength``). Every URL
the extractor finds, with or without a protocol, counts as 23
(``transformedURLLength``), and an emoji sequence counts as 2 whatever its code
points (``emojiParsingEnabled``). The text is NFC-normalised first. Ported from
js/src/parseTweet.js; checked against twitter-text's conformance cases
(tests/unit/test_manual_drafts.py).
"""

from __future__ import annotations

import unicodedata

import regex

from bots.mastodon.urls import urls_as_x_finds

NAME = "X"
LIMIT = 280
URL_LENGTH = 23
SCALE = 100
DEFAULT_WEIGHT = 200
LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_EMOJI = regex.compile(
    r"(?:\p{Regional_Indicator}{2})"
    r"|(?:[0-9#*]\uFE0F?\u20E3)"
    r"|(?:\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u20E3|\p{M}|[\U000E0020-\U000E007F])*"
    r"(?:\u200D\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\p{M})*)*)"
)


def _weight(code_point: int) -> int:
    for start, end in LIGHT_RANGES:
        if start <= code_point <= end:
            return SCALE
    return DEFAULT_WEIGHT


def _is_emoji(sequence: str) -> bool:
    """An emoji as twemoji's parser reads one: a pictograph shown as emoji (a few text-style
    symbols such as ``©`` or ``™`` only with the emoji selector U+FE0F), a flag, a keycap."""
    if len(sequence) == 1 and unicodedata.category(sequence) != "So":
        return "\ufe0f" in sequence
    # ©, ®: text unless asked to be emoji
    return ord(sequence[0]) >= 0x2000 or "\ufe0f" in sequence or "\u20e3" in sequence


def weighted_length(text: str) -> int:
    """The length X counts (``parseTweet(text).weightedLength``)."""
    text = unicodedata.normalize("NFC", text)
    starts = {url.start: url.end for url in urls_as_x_finds(text)}
    emoji = {m.start(): m.end() for m in _EMOJI.finditer(text) if _is_emoji(m.group())}
    total, index = 0, 0
    while index < len(text):
        if index in starts:
            total += URL_LENGTH * SCALE
            index = starts[index]
        elif index in emoji:
            total += DEFAULT_WEIGHT
            index = emoji[index]
        else:
            total += _weight(ord(text[index]))
            index += 1
    return total // SCALE
