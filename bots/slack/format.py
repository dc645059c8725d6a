"""Hub message -> Slack Web API request with Block Kit (pure).

A post is a header block with the title, an image block when the item has
one (its picture uploaded to Slack, ``slack_file``, else a public https
``image_url`` Slack fetches itself), section blocks with the body in mrkdwn
(each at most 3000 characters, split between words and never inside a link
or a styled span), a context
block with the tags and a section linking to the full item. All the blocks
together stay within ``limits.blocks_text_budget`` characters (Slack refuses
more with ``msg_blocks_too_long``): the body is cut to what is left, and
the rest is behind the link. ``text`` is the
plain fallback Slack shows in notifications. User text is mrkdwn-escaped
(``&``, ``<``, ``>``) so it can never form a link, a mention or a
``<!channel>`` ping; links are written as ``<url|text>``.

The message ``metadata`` carries the hub's delivery id (event type
``hub_delivery``), so a duplicate post can be recognised in the channel's
history later.
"""

from __future__ import annotations

import re
from typing import Any

from bots.api import ApiRequest, is_retraction
from bots.formatting import (
    ELLIPSIS,
    cut_prefix,
    fetchable_image,
    graphemes,
    machine_mark,
    read_more_label,
    safe_link,
    shorten,
)
from bots.limits import SLACK, SLACK_IMAGE_ALT, SlackLimits
from bots.richtext import Run, runs_from_html, runs_from_text
from hub.core.ports import ChannelInfo, Message, part_ids

METADATA_EVENT = "hub_delivery"
PIECE = 1000  # long runs are split into pieces this long so sections can be packed
_MARK_OF_STYLE = (("bold", "*"), ("italic", "_"), ("strike", "~"))
_HASHTAG_JUNK = re.compile(r"[\W]+")


def escape(text: str) -> str:
    """Escape text for mrkdwn: ``&``, ``<`` and ``>`` (Slack's control characters)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str, label: str) -> str:
    """A mrkdwn link ``<url|label>`` that no character of either part can break."""
    safe_url = escape(url).replace("|", "%7C")
    return f"<{safe_url}|{escape(label).replace('|', '¦')}>"


def wrap(run: Run, escaped: str) -> str:
    """Put escaped text inside the run's mrkdwn marks, spaces kept outside them."""
    core = escaped.strip()
    if not core:
        return escaped
    start = escaped.index(core[0])
    lead, trail = escaped[:start], escaped[start + len(core) :]
    if "pre" in run.styles:
        return f"{lead}```{core}```{trail}"
    if "code" in run.styles:
        return f"{lead}`{core.replace('`', 'ˋ')}`{trail}"
    if run.href:
        core = f"<{escape(run.href).replace('|', '%7C')}|{core.replace('|', '¦')}>"
    for style, mark in _MARK_OF_STYLE:
        if style in run.styles:
            core = f"{mark}{core}{mark}"
    return f"{lead}{core}{trail}"


def _pieces(runs: list[Run]) -> list[Run]:
    """Split runs longer than PIECE between words, so each renders to a small piece."""
    pieces: list[Run] = []
    for run in runs:
        rest = run.text
        while len(escape(rest)) > PIECE:
            head = cut_prefix(rest, PIECE, lambda g: len(escape(g)))
            if not head.strip():  # one grapheme longer than a piece (a tower of marks)
                rest = rest[len(graphemes(rest)[0]) :]
                continue
            pieces.append(Run(head, run.styles, run.href))
            rest = rest[len(head) :]
        if rest:
            pieces.append(Run(rest, run.styles, run.href))
    return pieces


def body_sections(
    runs: list[Run], limits: SlackLimits = SLACK, budget: int | None = None
) -> list[str]:
    """The body as mrkdwn section texts, each within the section limit, cut at ``limits.body``
    characters (or ``budget``, when smaller)."""
    cap = limits.body if budget is None else min(limits.body, budget)
    sections: list[str] = []
    current = ""
    total = 0
    for run in _pieces(runs):
        piece = wrap(run, escape(run.text))
        if len(piece) > limits.section_text - 1:  # only a monstrous URL gets here
            piece = escape(run.text)
        if total + len(piece) > cap - len(ELLIPSIS):
            current = current.rstrip() + ELLIPSIS
            break
        if current and len(current) + len(piece) > limits.section_text - len(ELLIPSIS):
            sections.append(current)
            current = piece.lstrip()
        else:
            current += piece
        total += len(piece)
    sections.append(current)
    return [section.strip() for section in sections if section.strip()]


def hashtags(tags: tuple[str, ...]) -> str:
    cleaned = (_HASHTAG_JUNK.sub("_", tag).strip("_") for tag in tags)
    return " ".join(f"#{escape(tag)}" for tag in cleaned if tag)


def strings_size(value: Any) -> int:
    """Characters in every string of a JSON value (what the blocks' total budget counts)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(strings_size(v) for v in value.values())
    if isinstance(value, list):
        return sum(strings_size(v) for v in value)
    return 0


def blocks_for(
    message: Message, limits: SlackLimits = SLACK, slack_file: str | None = None
) -> list[dict[str, Any]]:
    """The Block Kit blocks of a post: at most ``limits.blocks`` of them, holding at most
    ``limits.blocks_text_budget`` characters in all (the body is cut to fit). ``slack_file``
    is the id of the item's picture uploaded to Slack, shown instead of an ``image_url``."""
    runs = runs_from_html(message.html) if message.html.strip() else runs_from_text(message.text)
    budget = limits.body
    while True:
        blocks = _blocks(message, runs, limits, budget, slack_file)
        excess = strings_size(blocks) - limits.blocks_text_budget
        if excess <= 0 or budget <= 0:
            return blocks
        budget -= excess  # the body's share shrinks by what is over, then again if need be


def _blocks(
    message: Message,
    runs: list[Run],
    limits: SlackLimits,
    body_budget: int,
    slack_file: str | None = None,
) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    title = shorten(message.title.strip(), limits.header_text)
    if title:
        text = {"type": "plain_text", "text": title, "emoji": True}
        blocks.append({"type": "header", "text": text})
    described = message.picture.alt if message.picture else message.title
    alt = shorten(described.strip(), SLACK_IMAGE_ALT) or "image"
    image_url = fetchable_image(message.image_url)  # Slack fetches it: public https only
    if slack_file:
        blocks.append({"type": "image", "slack_file": {"id": slack_file}, "alt_text": alt})
    elif image_url and len(image_url) <= 3000:
        blocks.append({"type": "image", "image_url": image_url, "alt_text": alt})
    for section in body_sections(runs, limits, body_budget):
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": section}})
    tags = shorten(hashtags(message.tags), limits.context_text, ellipsis="")
    if tags:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": tags}]})
    mark = machine_mark(message)
    if mark is not None:
        words = link(mark.link, mark.text) if mark.link else escape(mark.text)
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"_{words}_"}]})
    url = safe_link(message.link)
    if url and len(url) < limits.section_text // 2:
        label = read_more_label(message.language)
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": link(url, label)}})
    moderate = message.extra.get("moderate_item") if message.kind == "alert" else None
    if moderate is not None:
        return [*blocks[: limits.blocks - 1], moderation_actions(int(moderate))]
    return blocks[: limits.blocks]


APPROVE_ACTION = "hub_approve"
DECLINE_ACTION = "hub_decline"
EDIT_ACTION = "hub_edit"


def edit_button(item_id: int) -> dict[str, Any]:
    """The button that opens the item in a modal to correct it before deciding."""
    text = {"type": "plain_text", "text": "Edit"}
    return {"type": "button", "text": text, "action_id": EDIT_ACTION, "value": str(item_id)}


def moderation_actions(item_id: int) -> dict[str, Any]:
    """Approve and Decline buttons carrying the item id (handled by ``bots.slack.handlers``)."""

    def button(label: str, action: str, style: str) -> dict[str, Any]:
        text = {"type": "plain_text", "text": label}
        return {
            "type": "button",
            "text": text,
            "action_id": action,
            "value": str(item_id),
            "style": style,
        }

    return {
        "type": "actions",
        "block_id": f"moderate:{item_id}",
        "elements": [
            button("Approve", APPROVE_ACTION, "primary"),
            button("Decline", DECLINE_ACTION, "danger"),
            edit_button(item_id),
        ],
    }


def fallback_text(message: Message, limits: SlackLimits = SLACK) -> str:
    """The plain notification text: the escaped title (a reply's text), and the link."""
    if not message.title.strip() and message.kind == "reply" and message.text.strip():
        return escape(shorten(message.text.strip(), limits.fallback_text // 2))
    title = shorten(message.title.strip() or "(untitled)", limits.header_text)
    text = escape(title)
    url = safe_link(message.link)
    if url and len(url) < limits.fallback_text // 2:
        text += " " + link(url, read_more_label(message.language))
    return text


def reply_address(message: Message) -> tuple[str, str | None] | None:
    """(conversation, thread ts or None) of a member's own chat for a ``reply`` message.

    ``extra["reply_to"]`` (or ``extra["to"]``) is a conversation id (``D0123``,
    a user id ``U0123`` opens the DM) or ``conversation:thread_ts`` to answer
    in a thread; None when the message goes to the channel's target.
    """
    if message.kind != "reply":
        return None
    raw = str(message.extra.get("reply_to") or message.extra.get("to") or "").strip()
    if not raw:
        return None
    conversation, sep, thread_ts = raw.partition(":")
    return conversation, (thread_ts or None) if sep else None


def split_message_id(platform_message_id: str, target: str) -> tuple[str, str]:
    """(channel id, ts) from a receipt ``C123:1700000000.000100`` (or a bare ts), followed
    by the uploaded picture's file id (``C123:1700000000.000100 F0123``) when it has one."""
    head = part_ids(platform_message_id)
    channel, sep, ts = (head[0] if head else platform_message_id).rpartition(":")
    return (channel, ts) if sep else (target, platform_message_id)


def uploaded_file(platform_message_id: str | None) -> str | None:
    """The id of the picture uploaded with a post, from its receipt (None when it has none)."""
    parts = part_ids(platform_message_id)
    return parts[1] if len(parts) > 1 else None


def requests_for(
    message: Message,
    channel: ChannelInfo,
    limits: SlackLimits = SLACK,
    slack_file: str | None = None,
) -> list[ApiRequest]:
    """The Web API calls that deliver ``message`` to ``channel`` (a post or an edit shows
    the uploaded picture ``slack_file``; an edit keeps the one its original had unless
    ``slack_file`` is ``""``)."""
    if is_retraction(message.kind, message.edit_of):
        channel_id, ts = split_message_id(str(message.edit_of), channel.target)
        return [ApiRequest("POST", "/chat.delete", {"channel": channel_id, "ts": ts})]
    if slack_file is None and message.edit_of is not None:
        slack_file = uploaded_file(message.edit_of)
    payload: dict[str, Any] = {"delivery_id": message.delivery_id, "kind": message.kind}
    if slack_file:
        payload["file_id"] = slack_file  # found again with the post when it is in doubt
    body: dict[str, Any] = {
        "channel": channel.target,
        "text": fallback_text(message, limits),
        "blocks": blocks_for(message, limits, slack_file),
        "metadata": {"event_type": METADATA_EVENT, "event_payload": payload},
    }
    if message.edit_of is not None:
        channel_id, ts = split_message_id(message.edit_of, channel.target)
        body |= {"channel": channel_id, "ts": ts}
        return [ApiRequest("POST", "/chat.update", body)]
    body |= {"unfurl_links": False, "unfurl_media": False}
    address = reply_address(message)
    if address is not None:
        body["channel"] = address[0]
        if address[1]:
            body["thread_ts"] = address[1]
    return [ApiRequest("POST", "/chat.postMessage", body)]
