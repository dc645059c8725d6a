"""Hub message -> Discord webhook requests (pure).

An item is one rich embed: the title (linked to the item), the body in
Discord's markdown, the tags in the footer and the picture, uploaded with the message
(``files[0]``, shown by the embed as ``attachment://``; a machine translation says
so in the author line, linked to the original), within Discord's
limits (:class:`bots.limits.DiscordLimits`: a title of 256 characters, a
description of 4,096, 6,000 across every embed). Member text cannot ping
anyone: ``allowed_mentions`` parses nothing, and markdown in it is escaped so
it shows as typed. An edit is a PATCH of the webhook's message, a retraction
its DELETE. The webhook's token is never in a request: paths carry
``{token}`` and the sink fills it in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bots.api import ApiRequest, is_retraction
from bots.formatting import fetchable_image, fit_runs, machine_mark, safe_link, shorten
from bots.limits import DISCORD, DiscordLimits
from bots.richtext import Run, runs_from_html, runs_from_text
from hub.core.ports import ChannelInfo, Message

TOKEN = "{token}"
_INLINE = re.compile(r"([\\*_~`|\[\]<])")
_LINE_START = re.compile(r"^(\s*)([#>\-+]|\d+\.)", re.MULTILINE)
_HASHTAG_JUNK = re.compile(r"\W+")


def escape_markdown(text: str) -> str:
    """``text`` as Discord shows it literally: markdown characters backslashed, headings,
    quotes and list markers at a line's start defused."""
    escaped = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def _escaped_len(text: str) -> int:
    return len(escape_markdown(text))


_MARKS = (("bold", "**"), ("italic", "*"), ("underline", "__"), ("strike", "~~"))


def _wrap(run: Run, text: str) -> str:
    """The run's markdown around its escaped text (spaces kept outside the marks)."""
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    for style, mark in _MARKS:
        if style in run.styles:
            core = f"{mark}{core}{mark}"
    url = safe_link(run.href)
    if url:
        core = f"[{core}](<{url.replace('>', '%3E')}>)"
    return lead + core + trail


def hashtags(tags: tuple[str, ...]) -> str:
    cleaned = (_HASHTAG_JUNK.sub("_", tag).strip("_") for tag in tags)
    return " ".join(f"#{tag}" for tag in cleaned if tag)


def embed_length(embed: dict[str, object]) -> int:
    """The characters Discord counts toward the 6,000 of a message's embeds."""
    total = len(str(embed.get("title", ""))) + len(str(embed.get("description", "")))
    for key in ("footer", "author"):
        part = embed.get(key)
        if isinstance(part, dict):
            total += len(str(part.get("text") or part.get("name") or ""))
    return total


@dataclass(frozen=True)
class Attachment:
    """The picture uploaded with the message as ``files[0]``: its name (which the embed's
    ``attachment://`` URL names) and its description, Discord's alt text."""

    filename: str
    description: str = ""


def attachment_for(mime: str, alt: str, limits: DiscordLimits = DISCORD) -> Attachment:
    """The upload's name, with an extension Discord shows in an embed (``.png`` or ``.jpg``:
    the hub's copies are PNG or JPEG), and the alt text within Discord's 1,024."""
    name = "picture.png" if mime == "image/png" else "picture.jpg"
    return Attachment(name, shorten(" ".join(alt.split()), limits.attachment_description))


def render(
    message: Message, limits: DiscordLimits = DISCORD, attachment: Attachment | None = None
) -> dict[str, object]:
    """The webhook body: one embed and no mentions, within Discord's limits.

    With ``attachment``, the embed's image is the file uploaded beside the body
    (``attachment://NAME``, developers/reference.mdx, Using Attachments within Embeds) and
    ``attachments`` lists it as ``id`` 0, the ``files[0]`` part; without, ``attachments``
    is empty, so an edit removes a picture the message had (Editing Message Attachments).
    """
    plain_title = " ".join(message.title.split())
    title = escape_markdown(shorten(plain_title, limits.title, cost=_escaped_len))
    footer = shorten(hashtags(message.tags), min(limits.footer, 200), ellipsis="")
    mark = machine_mark(message)
    author = shorten(mark.text, limits.author) if mark else ""
    runs = runs_from_html(message.html) if message.html.strip() else runs_from_text(message.text)
    fixed = len(title) + len(footer) + len(author)
    budget = min(limits.description, limits.body, limits.embeds_total - fixed)
    description, _cut = fit_runs(runs, budget, escape=escape_markdown, wrap=_wrap)
    embed: dict[str, object] = {}  # a webhook's embed is always "rich" (webhook.mdx)
    if mark is not None:  # the author line, above the title, links to the original
        embed["author"] = {"name": author} | ({"url": mark.link} if mark.link else {})
    if title:
        embed["title"] = title
    link = safe_link(message.link)
    if link and title:
        embed["url"] = link
    if description.strip():
        embed["description"] = description.strip()
    if footer:
        embed["footer"] = {"text": footer}
    image = fetchable_image(message.image_url)  # Discord's proxy fetches it: public https
    if attachment is not None:
        embed["image"] = {"url": f"attachment://{attachment.filename}"}
    elif image:
        embed["image"] = {"url": image}
    body: dict[str, object] = {"allowed_mentions": {"parse": []}}
    if attachment is not None:
        upload: dict[str, object] = {"id": 0, "filename": attachment.filename}
        if attachment.description:
            upload["description"] = attachment.description
        body["attachments"] = [upload]
    elif message.edit_of is not None:
        body["attachments"] = []
    if embed:
        body["embeds"] = [embed]
    if link and not title:
        body["content"] = link
    elif not embed:  # nothing to show: Discord refuses an empty message (50006)
        body["content"] = shorten(escape_markdown(message.text.strip()) or "…", limits.content)
    return body


def webhook_path(channel: ChannelInfo) -> str:
    """``/webhooks/{id}/{token}``: the channel's target is the webhook's id."""
    return f"/webhooks/{channel.target.strip()}/{TOKEN}"


def requests_for(
    message: Message,
    channel: ChannelInfo,
    limits: DiscordLimits = DISCORD,
    attachment: Attachment | None = None,
) -> list[ApiRequest]:
    """Execute the webhook (``?wait=true`` so Discord returns the message), edit or delete;
    with ``attachment``, the body goes as ``payload_json`` beside the file (the sink)."""
    base = webhook_path(channel)
    thread = f"thread_id={channel.thread_id}" if channel.thread_id else ""
    if is_retraction(message.kind, message.edit_of):
        query = f"?{thread}" if thread else ""
        return [ApiRequest("DELETE", f"{base}/messages/{message.edit_of}{query}", {})]
    body = render(message, limits, attachment)
    if message.edit_of is not None:
        query = f"?{thread}" if thread else ""
        return [ApiRequest("PATCH", f"{base}/messages/{message.edit_of}{query}", body)]
    query = "?wait=true" + (f"&{thread}" if thread else "")
    return [ApiRequest("POST", f"{base}{query}", body)]
