"""``hub preview`` per platform: the exact API requests a sink would send, as data.

Each function here is wired in ``hub.wiring.PREVIEWS`` and called by
``hub/cli/preview_cmd.py`` with a hub ``Message``, ``ChannelInfo`` and the injected
clock's ``now`` (a post's time, as Bluesky's ``createdAt``, is that); it returns
the JSON contract ``[{"method", "path", "body"}, ...]``. The requests come from
the same ``requests_for`` the sink sends, so a preview is what would be posted.
Platform modules are imported lazily so one platform's missing library never
breaks another's preview.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from hub.core.ports import ChannelInfo, Message

Preview = list[dict[str, Any]]


def _with_target(channel: ChannelInfo, default: str) -> ChannelInfo:
    return channel if channel.target else replace(channel, target=default)


def slack(message: Message, channel: ChannelInfo, now: datetime) -> Preview:
    """chat.postMessage (or chat.update / chat.delete) with Block Kit."""
    from bots.slack.format import requests_for

    return [r.as_json() for r in requests_for(message, _with_target(channel, "#preview"))]


def telegram(message: Message, channel: ChannelInfo, now: datetime) -> Preview:
    """sendMessage or sendPhoto (or an edit / delete) in HTML parse mode."""
    from bots.telegram.format import requests_for

    return [r.as_json() for r in requests_for(message, _with_target(channel, "@preview"))]


def mastodon(message: Message, channel: ChannelInfo, now: datetime) -> Preview:
    """POST /api/v1/statuses with the item's language."""
    from bots.mastodon.format import requests_for

    return [r.as_json() for r in requests_for(message, _with_target(channel, "@preview"))]


def bluesky(message: Message, channel: ChannelInfo, now: datetime) -> Preview:
    """com.atproto.repo.createRecord of an app.bsky.feed.post with facets and a card."""
    from bots.bluesky.format import requests_for

    target = _with_target(channel, "preview.bsky.social")
    return [r.as_json() for r in requests_for(message, target, now=now)]


def discord(message: Message, channel: ChannelInfo, now: datetime) -> Preview:
    """Execute Webhook (?wait=true) with one embed, or its PATCH / DELETE; the token is
    ``{token}``."""
    from bots.discord.format import requests_for

    return [r.as_json() for r in requests_for(message, _with_target(channel, "{webhook_id}"))]


def webhook(message: Message, channel: ChannelInfo, now: datetime) -> Preview:
    """The signed JSON event POSTed to the receiver (the signature headers are added on send)."""
    from bots.webhook.format import requests_for

    target = _with_target(channel, "https://receiver.example/hub")
    return [r.as_json() for r in requests_for(message, target)]


def matrix(message: Message, channel: ChannelInfo, now: datetime) -> Preview:
    """PUT .../send/m.room.message/hub-<delivery> (an m.replace edit, or a redaction)."""
    from bots.matrix.format import requests_for

    return [r.as_json() for r in requests_for(message, _with_target(channel, "!room:preview"))]


def teams(message: Message, channel: ChannelInfo, now: datetime) -> Preview:
    """The Adaptive Card POSTed to the webhook (its URL, the secret, is ``{webhook_url}``);
    nothing for an edit or a retraction, which Teams webhooks cannot make."""
    from bots.teams.format import requests_for

    return [r.as_json() for r in requests_for(message)]


def apprise(message: Message, channel: ChannelInfo, now: datetime) -> Preview:
    """The title and body Apprise is asked to notify (its URL, the secret, is
    ``{apprise_url}``); nothing for an edit or a retraction."""
    from bots.apprise.format import requests_for

    return [r.as_json() for r in requests_for(message)]


# --- as each platform shows it -------------------------------------------------------
#
# The console's per-platform preview (moderation cards, item page): the same requests
# as above, rendered by the stand-in sandbox's renderers, which show a message as the
# platform does. The HTML is the platform's rich text; the console sanitises it.

Shown = str


def _body(requests: Preview) -> dict[str, Any]:
    return dict(requests[-1]["body"]) if requests else {}


def shown_slack(message: Message, channel: ChannelInfo, now: datetime) -> Shown:
    """Block Kit as Slack lays it out (header bold, sections' mrkdwn, context small)."""
    from bots.slack.demo import SlackDemoStandIn

    body = _body(slack(message, channel, now))
    return SlackDemoStandIn._rendered(body.get("blocks") or [], str(body.get("text", "")))


def shown_telegram(message: Message, channel: ChannelInfo, now: datetime) -> Shown:
    """The HTML parse mode text (or a photo's caption) with its line breaks."""
    body = _body(telegram(message, channel, now))
    text = str(body.get("text") or body.get("caption") or "")
    photo = body.get("photo")
    shown = text.replace("\n", "<br>")
    return (f'<img src="{photo}" alt="">' if isinstance(photo, str) else "") + shown


def shown_mastodon(message: Message, channel: ChannelInfo, now: datetime) -> Shown:
    """The status as Mastodon shows it: paragraphs, line breaks, linked URLs."""
    from bots.mastodon.demo import status_to_html

    return status_to_html(str(_body(mastodon(message, channel, now)).get("status", "")))


def shown_bluesky(message: Message, channel: ChannelInfo, now: datetime) -> Shown:
    """The post as Bluesky shows it: link facets as links, and its card."""
    from bots.bluesky.demo import post_to_html

    body = _body(bluesky(message, channel, now))
    record = body.get("record")
    return post_to_html(record if isinstance(record, dict) else {})


def shown_discord(message: Message, channel: ChannelInfo, now: datetime) -> Shown:
    """The webhook message as Discord shows it: the content and the embed as a card."""
    from bots.discord.demo import message_to_html

    body = _body(discord(message, channel, now))
    embeds = body.get("embeds")
    return message_to_html(
        str(body.get("content") or ""), embeds if isinstance(embeds, list) else []
    )


def shown_webhook(message: Message, channel: ChannelInfo, now: datetime) -> Shown:
    """The event as a receiver might show it: title, text and picture."""
    from bots.webhook.demo import event_to_html

    body = _body(webhook(message, channel, now))
    link, image = body.get("link"), body.get("image_url")
    return event_to_html(
        str(body.get("title") or ""),
        str(body.get("text") or ""),
        link if isinstance(link, str) else None,
        image if isinstance(image, str) else None,
        str(body.get("html") or ""),
    )


def shown_matrix(message: Message, channel: ChannelInfo, now: datetime) -> Shown:
    """The message's ``formatted_body`` (an edit's new content)."""
    body = _body(matrix(message, channel, now))
    new = body.get("m.new_content")
    content = new if isinstance(new, dict) else body
    return str(content.get("formatted_body") or content.get("body") or "")


def shown_teams(message: Message, channel: ChannelInfo, now: datetime) -> Shown:
    """The Adaptive Card as Teams lays it out: text blocks, picture, buttons."""
    from bots.teams.demo import card_to_html

    attachments = _body(teams(message, channel, now)).get("attachments")
    if not isinstance(attachments, list) or not attachments:
        return ""
    content = attachments[0].get("content") if isinstance(attachments[0], dict) else None
    return card_to_html(content if isinstance(content, dict) else {})


def shown_apprise(message: Message, channel: ChannelInfo, now: datetime) -> Shown:
    """The notification's title and plain text, as most services show it."""
    import html

    body = _body(apprise(message, channel, now))
    title = html.escape(str(body.get("title", "")))
    text = html.escape(str(body.get("body", ""))).replace("\n", "<br>")
    return f"<b>{title}</b><br>{text}" if title else text
