"""``hub preview``'s second half: how far a post reaches on each platform, as data.

For one message on one platform, :class:`Reach` says whether the item's picture
goes with it and how (the hub's copy uploaded, a URL the platform fetches, or
dropped and why), and what messages the post becomes (one, or the parts of a
thread, with their lengths counted as the platform counts). Every answer comes
from the sink's own functions: the same renderers and splitters
(``part_texts``, ``thread_statuses``, ``thread_records``), the same picture
limits and :func:`hub.core.pictures.fit`, and the Bluesky sink's own
``with_picture``; the decisions follow each sink's ``send`` step by step (named
in each function). Nothing is sent or uploaded.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from bots.formatting import grapheme_len, safe_link
from hub.core.pictures import PictureLimits, PictureRefused, fit
from hub.core.ports import ChannelInfo, Message, Picture


@dataclass(frozen=True)
class Reach:
    """How one message reaches one platform."""

    picture: str
    """One line: "uploaded: ...", "URL: ...", "dropped: <why>" or "none"."""
    parts: tuple[str, ...]
    """The text of each message the post becomes (one unless it goes as a thread)."""
    lengths: tuple[int, ...]
    unit: str
    """How ``lengths`` count (as the platform counts its limit)."""


def _size(picture: Picture) -> str:
    return f"{picture.width} x {picture.height}, {len(picture.data):,} bytes"


def _fitted(picture: Picture, limits: PictureLimits) -> tuple[Picture | None, str]:
    """The platform's copy of ``picture``, or None and why it cannot be made."""
    try:
        return fit(picture, limits), ""
    except PictureRefused as exc:
        return None, str(exc)


def _no_stored_copy(message: Message, takes: str) -> str:
    if message.image_url:
        return f"none: the hub holds no checked copy of {message.image_url} yet ({takes})"
    return "none"


def telegram(message: Message, channel: ChannelInfo, now: datetime) -> Reach:
    """As ``TelegramSink.send`` and ``_send_picture`` decide."""
    from bots.limits import TELEGRAM, TELEGRAM_PHOTO
    from bots.telegram.format import part_texts, render
    from bots.telegram.thread import shown_length

    unit = "characters shown, after entities"
    url = safe_link(message.image_url)
    if message.picture is None and url:
        # requests_for: sendPhoto with the URL, the post cut to a caption
        caption = render(message, TELEGRAM.caption)
        how = f"URL: sendPhoto with {url} (Telegram fetches it; refused, the post goes as text)"
        return Reach(how, (caption,), (shown_length(caption),), unit)
    text_only = replace(message, image_url=None, picture=None)
    texts = part_texts(text_only)
    lengths = tuple(shown_length(text) for text in texts)
    if message.picture is None:
        return Reach("none", tuple(texts), lengths, unit)
    if len(texts) > 1:
        how = (
            f"dropped: the text continues as a thread of {len(texts)} text messages "
            f"(a photo's caption holds {TELEGRAM.caption:,} characters)"
        )
        return Reach(how, tuple(texts), lengths, unit)
    caption = render(text_only, TELEGRAM.caption)
    if caption != render(text_only, TELEGRAM.text):
        how = (
            f"dropped: the text is longer than a photo caption ({TELEGRAM.caption:,} "
            "characters): sent as text with the link's preview"
        )
        return Reach(how, tuple(texts), lengths, unit)
    fitted, why = _fitted(message.picture, TELEGRAM_PHOTO)
    if fitted is None:
        return Reach(f"dropped: {why}; sent as text", tuple(texts), lengths, unit)
    how = f"uploaded: sendPhoto with the hub's copy ({_size(fitted)}), the post as its caption"
    return Reach(how, (caption,), (shown_length(caption),), unit)


def mastodon(message: Message, channel: ChannelInfo, now: datetime) -> Reach:
    """As ``MastodonSink.send`` decides (a thread route's statuses go by ``send_thread``)."""
    from bots.limits import MASTODON_IMAGE
    from bots.mastodon.format import render, status_length, thread_statuses

    threaded = bool(message.extra.get("thread"))
    statuses = thread_statuses(message) if threaded else [render(message)]
    lengths = tuple(status_length(status) for status in statuses)
    unit = "characters as Mastodon counts, a URL as 23"
    if message.picture is None:
        how = _no_stored_copy(message, "Mastodon takes uploaded media only")
    elif threaded:
        how = "dropped: on a thread = true route the statuses go without media"
    else:
        fitted, why = _fitted(message.picture, MASTODON_IMAGE)
        how = (
            f"dropped: {why}; sent as text"
            if fitted is None
            else f"uploaded: POST /api/v2/media ({_size(fitted)}) with its description, "
            "attached to the status"
        )
    return Reach(how, tuple(statuses), lengths, unit)


def bluesky(message: Message, channel: ChannelInfo, now: datetime) -> Reach:
    """As ``BlueskySink.send`` and ``_send_picture`` decide, the posts made at ``now``."""
    from bots.bluesky.format import record, requests_for, thread_records
    from bots.bluesky.sink import with_picture
    from bots.limits import BLUESKY_IMAGE

    threaded = bool(message.extra.get("thread"))
    posts = thread_records(message, now) if threaded else [record(message, now)]
    texts = tuple(str(post.get("text", "")) for post in posts)
    lengths = tuple(grapheme_len(text) for text in texts)
    unit = "graphemes"
    if message.picture is None:
        how = _no_stored_copy(message, "Bluesky takes uploaded blobs only")
    elif threaded:
        how = "dropped: on a thread = true route the posts go without the picture"
    else:
        fitted, why = _fitted(message.picture, BLUESKY_IMAGE)
        if fitted is None:
            how = f"dropped: {why}; sent without the picture"
        else:
            target = channel if channel.target else replace(channel, target="preview.bsky.social")
            [request] = requests_for(message, target, now=now)
            blob = {"$type": "blob", "ref": {"$link": "(uploaded)"}, "mimeType": fitted.mime}
            embed = with_picture(request, blob, fitted).body["record"]["embed"]
            where = (
                "the link card's thumb"
                if embed.get("$type") == "app.bsky.embed.external"
                else "an image embed with its alt text"
            )
            how = f"uploaded: uploadBlob ({_size(fitted)}) as {where}"
    return Reach(how, texts, lengths, unit)


def by_requests(message: Message, requests: list[dict[str, Any]]) -> Reach:
    """Any other platform: its picture is whatever URL its requests name (its sink
    uploads nothing), and its post is one message."""
    said = json.dumps(requests, ensure_ascii=False)
    if message.image_url and message.image_url in said:
        how = f"URL: the request names {message.image_url} (the platform fetches it)"
    elif message.image_url or message.picture is not None:
        how = "none: this platform's request carries no picture"
    else:
        how = "none"
    return Reach(how, (), (), "")


REACH: dict[str, Callable[[Message, ChannelInfo, datetime], Reach]] = {
    "telegram": telegram,
    "mastodon": mastodon,
    "bluesky": bluesky,
}
"""The platforms whose sinks upload pictures or cut threads, each called with the injected
clock's ``now`` (the time of the posts it makes); the others go :func:`by_requests`."""
