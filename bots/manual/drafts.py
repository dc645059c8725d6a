"""A ready text per network for an item, sized by that network's own counting (pure).

:func:`draft_for` composes the title, the body, the hashtags and the link in the
item's text (already in the channel's language), shortening the body between words
until the network's count fits its limit (see :mod:`bots.manual` for the limits and
their sources). X gets the title, the link and the tags, the body only as far as it
fits; the others get the whole post up to their limit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bots.formatting import safe_link, shorten
from bots.manual import facebook, instagram, linkedin, x
from bots.richtext import plain_text, runs_from_html, runs_from_text
from hub.core.ports import Message

_HASHTAG_JUNK = re.compile(r"\W+")
_HASHTAG = re.compile(r"(?<![\w#])#\w+")


@dataclass(frozen=True)
class Network:
    """What the hub knows of one network without an open API."""

    key: str
    name: str
    limit: int
    count: Callable[[str], int]
    unit: str  # "weighted" (X) or "characters"
    fold: int | None = None
    hashtags: int | None = None
    needs_image: bool = False


NETWORKS = {
    "x": Network("x", x.NAME, x.LIMIT, x.weighted_length, "weighted"),
    "linkedin": Network("linkedin", linkedin.NAME, linkedin.LIMIT, len, "characters"),
    "facebook": Network(
        "facebook", facebook.NAME, facebook.LIMIT, len, "characters", fold=facebook.FOLD
    ),
    "instagram": Network(
        "instagram",
        instagram.NAME,
        instagram.LIMIT,
        len,
        "characters",
        hashtags=instagram.HASHTAGS,
        needs_image=True,
    ),
}


@dataclass(frozen=True)
class Draft:
    """The ready text and what the console says about it."""

    network: Network
    text: str
    length: int
    shortened: bool
    fold_at: int | None = None
    """Where in ``text`` the feed folds it ("See more"), when it is longer than that."""
    hashtags_dropped: int = 0
    missing_image: bool = False

    @property
    def fits(self) -> bool:
        return self.length <= self.network.limit


def hashtags(tags: tuple[str, ...]) -> list[str]:
    cleaned = (_HASHTAG_JUNK.sub("", tag.title()) for tag in tags)
    return [f"#{tag}" for tag in cleaned if tag and not tag.isdigit()]


def draft_for(message: Message, platform: str) -> Draft:
    """The draft of ``message`` for ``platform`` (a key of :data:`NETWORKS`)."""
    network = NETWORKS[platform]
    runs = runs_from_html(message.html) if message.html.strip() else runs_from_text(message.text)
    body = re.sub(r"\n{3,}", "\n\n", plain_text(runs)).strip()
    tags = hashtags(message.tags)
    dropped = 0
    if network.hashtags is not None:
        in_text = len(_HASHTAG.findall(f"{message.title} {body}"))
        room = max(0, network.hashtags - in_text)
        dropped, tags = max(0, len(tags) - room), tags[:room]
    link = safe_link(message.link) or ""
    title = message.title.strip()

    def compose(text: str) -> str:
        if platform == "x":
            head = f"{title}: {text}" if text else title
            return "\n\n".join(part for part in (head, " ".join(tags), link) if part)
        return "\n\n".join(part for part in (title, text, " ".join(tags), link) if part)

    text, shortened = compose(body), False
    budget = network.limit - network.count(compose("")) - 3
    while network.count(text) > network.limit and budget > 0:
        text, shortened = compose(shorten(body, budget, network.count)), True
        budget -= max(1, network.count(text) - network.limit)
    if network.count(text) > network.limit:  # not even the title and link fit
        text = shorten(compose(""), network.limit, network.count)
        shortened = True
    fold_at = None
    if network.fold is not None and len(text) > network.fold:
        cut = text.rfind(" ", 0, network.fold)
        fold_at = cut if cut > network.fold // 2 else network.fold
    return Draft(
        network=network,
        text=text,
        length=network.count(text),
        shortened=shortened,
        fold_at=fold_at,
        hashtags_dropped=dropped,
        missing_image=network.needs_image and not safe_link(message.image_url),
    )
