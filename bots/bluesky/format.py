"""Hub message -> AT Protocol request for an ``app.bsky.feed.post`` (pure).

A post is the title, the body, the tags and a "Read more" label, at most 300
graphemes (and 3000 UTF-8 bytes). Links are not in the text as URLs: they
are facets over the words they belong to, whose ``byteStart``/``byteEnd``
count UTF-8 bytes as the AT Protocol requires; tags are tag facets. The item
link is also an external card (title and description). The text is plain,
so nothing needs escaping, and facets never cut a grapheme because each one
covers whole pieces of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from bots.api import ApiRequest, is_retraction
from bots.formatting import (
    ELLIPSIS,
    cut_prefix,
    grapheme_len,
    machine_mark,
    read_more_label,
    safe_link,
    shorten,
)
from bots.limits import BLUESKY, BlueskyLimits
from bots.richtext import Run, plain_text, runs_from_html, runs_from_text
from bots.threads import split_text
from hub.core.ports import ChannelInfo, Message, part_ids

COLLECTION = "app.bsky.feed.post"
LINK = "app.bsky.richtext.facet#link"
TAG = "app.bsky.richtext.facet#tag"
_TAG_JUNK = re.compile(r"[\W]+")


@dataclass
class _Text:
    """Text built piece by piece, with facets at UTF-8 byte offsets."""

    parts: list[str] = field(default_factory=list)
    facets: list[dict[str, Any]] = field(default_factory=list)
    bytes: int = 0

    def add(self, text: str, feature: dict[str, Any] | None = None) -> None:
        size = len(text.encode("utf-8"))
        if feature and text.strip():
            index = {"byteStart": self.bytes, "byteEnd": self.bytes + size}
            self.facets.append({"index": index, "features": [feature]})
        self.parts.append(text)
        self.bytes += size

    @property
    def text(self) -> str:
        return "".join(self.parts)


def tag_names(tags: tuple[str, ...]) -> list[str]:
    cleaned = (_TAG_JUNK.sub("_", tag).strip("_") for tag in tags)
    return [tag[:64] for tag in cleaned if tag and not tag.isdigit()]


def _body(runs: list[Run], budget: int, out: _Text) -> None:
    """Add runs within ``budget`` graphemes, links as facets, cut between words."""
    used = 0
    for run in runs:
        link = safe_link(run.href)
        feature = {"$type": LINK, "uri": link} if link else None
        size = grapheme_len(run.text)
        if used + size <= budget:
            out.add(run.text, feature)
            used += size
            continue
        prefix = cut_prefix(run.text, budget - used - grapheme_len(ELLIPSIS), grapheme_len)
        if prefix.strip():
            out.add(prefix, feature)
        while out.parts and not out.parts[-1].strip():  # no dangling blank lines
            out.bytes -= len(out.parts.pop().encode("utf-8"))
        out.add(ELLIPSIS)
        return


def compose(message: Message, body_budget: int, limits: BlueskyLimits) -> _Text:
    """The post text and facets with the body cut to ``body_budget`` graphemes."""
    out = _Text()
    title = shorten(message.title.strip(), limits.graphemes // 3, grapheme_len)
    if title:
        out.add(title)
    runs = runs_from_html(message.html) if message.html.strip() else runs_from_text(message.text)
    if runs and body_budget > 0:
        out.add("\n\n" if out.parts else "")
        _body(runs, body_budget, out)
    mark = machine_mark(message)
    if mark is not None:
        out.add("\n\n" if out.parts else "")
        out.add(mark.text, {"$type": LINK, "uri": mark.link} if mark.link else None)
    tags = tag_names(message.tags)
    link = safe_link(message.link)
    if tags or link:
        out.add("\n\n" if out.parts else "")
    for index, tag in enumerate(tags):
        out.add(" " if index else "")
        out.add(f"#{tag}", {"$type": TAG, "tag": tag})
    if link:
        out.add(" " if tags else "")
        out.add(read_more_label(message.language), {"$type": LINK, "uri": link})
    return out


def post_text(message: Message, limits: BlueskyLimits = BLUESKY) -> _Text:
    """The post within ``limits.graphemes`` graphemes and ``limits.text_bytes`` bytes."""
    message = _fit_tags(message, limits)
    budget = limits.graphemes - grapheme_len(compose(message, 0, limits).text) - 2
    while True:
        out = compose(message, budget, limits)
        over = max(
            grapheme_len(out.text) - limits.graphemes,
            (out.bytes - limits.text_bytes + 9) // 10 if out.bytes > limits.text_bytes else 0,
        )
        if over <= 0 or budget <= 0:
            return out if over <= 0 else compose(message, 0, limits)
        budget -= max(over, 1)


def _fit_tags(message: Message, limits: BlueskyLimits) -> Message:
    """Keep only the tags that fit in a fifth of the post."""
    kept: list[str] = []
    for tag in message.tags:
        if grapheme_len(" #".join([*kept, tag])) + 1 > limits.graphemes // 5:
            break
        kept.append(tag)
    return replace(message, tags=tuple(kept))


def record(message: Message, now: datetime, limits: BlueskyLimits = BLUESKY) -> dict[str, Any]:
    """The ``app.bsky.feed.post`` record, with facets, language and an external card."""
    out = post_text(message, limits)
    created = now.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    post: dict[str, Any] = {"$type": COLLECTION, "text": out.text, "createdAt": created}
    if out.facets:
        post["facets"] = out.facets
    if message.language:
        post["langs"] = [message.language]
    link = safe_link(message.link)
    if link:
        runs = (
            runs_from_html(message.html) if message.html.strip() else runs_from_text(message.text)
        )
        external = {
            "uri": link,
            "title": shorten(message.title.strip(), limits.card_title, grapheme_len),
            "description": shorten(plain_text(runs).strip(), limits.card_description, grapheme_len),
        }
        post["embed"] = {"$type": "app.bsky.embed.external", "external": external}
    return post


def thread_records(
    message: Message, now: datetime, limits: BlueskyLimits = BLUESKY
) -> list[dict[str, Any]]:
    """The posts of a thread (``thread = true``), without their ``reply`` references
    (the sink adds them: they name the parts' CIDs, known once posted).

    The whole post (up to ``limits.thread_parts`` posts' worth) is cut at paragraph,
    sentence or word boundaries into parts within 300 graphemes and 3,000 bytes; each
    facet is cut to the part it falls in and counted again from that part's first byte.
    The head keeps the link card; a post that fits is the one :func:`record` makes.
    """
    if grapheme_len(compose(message, 1 << 30, limits).text) <= limits.graphemes:
        return [record(message, now, limits)]
    whole = compose(message, limits.graphemes * limits.thread_parts, limits)

    def cost(text: str) -> int:
        return max(
            grapheme_len(text),
            -(-len(text.encode("utf-8")) * limits.graphemes // limits.text_bytes),
        )

    head = record(message, now, limits)
    posts: list[dict[str, Any]] = []
    searched = 0
    for part in split_text(whole.text, limits.graphemes, cost):
        start = whole.text.index(part, searched)
        searched = start + len(part)
        first = len(whole.text[:start].encode("utf-8"))
        last = first + len(part.encode("utf-8"))
        facets = []
        for facet in whole.facets:
            begin = max(facet["index"]["byteStart"], first)
            end = min(facet["index"]["byteEnd"], last)
            if begin < end:
                index = {"byteStart": begin - first, "byteEnd": end - first}
                facets.append({"index": index, "features": facet["features"]})
        post: dict[str, Any] = {"$type": COLLECTION, "text": part, "createdAt": head["createdAt"]}
        if facets:
            post["facets"] = facets
        if message.language:
            post["langs"] = [message.language]
        if not posts and "embed" in head:
            post["embed"] = head["embed"]
        posts.append(post)
    return posts


def split_uri(uri: str, repo: str) -> tuple[str, str]:
    """(repo, rkey) from ``at://did/app.bsky.feed.post/rkey`` (or a bare rkey)."""
    if uri.startswith("at://"):
        parts = uri.removeprefix("at://").split("/")
        return parts[0], parts[-1]
    return repo, uri


def requests_for(
    message: Message, channel: ChannelInfo, now: datetime, limits: BlueskyLimits = BLUESKY
) -> list[ApiRequest]:
    """The XRPC calls that deliver ``message``: create, put (correction) or delete a record."""
    if is_retraction(message.kind, message.edit_of):  # every part of a thread
        requests = []
        for part in part_ids(message.edit_of):
            repo, rkey = split_uri(part, channel.target)
            body: dict[str, Any] = {"repo": repo, "collection": COLLECTION, "rkey": rkey}
            requests.append(ApiRequest("POST", "/xrpc/com.atproto.repo.deleteRecord", body))
        return requests
    post = record(message, now, limits)
    if message.edit_of is not None:
        repo, rkey = split_uri(message.edit_of, channel.target)
        body = {"repo": repo, "collection": COLLECTION, "rkey": rkey, "record": post}
        return [ApiRequest("POST", "/xrpc/com.atproto.repo.putRecord", body)]
    body = {"repo": channel.target, "collection": COLLECTION, "record": post}
    return [ApiRequest("POST", "/xrpc/com.atproto.repo.createRecord", body)]
