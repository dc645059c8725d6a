"""Each platform's limits, declared once and read by the formatters and stand-ins.

The numbers are the platforms' documented ones; where a platform counts in a
unit other than Python characters, the field says which.
"""

from __future__ import annotations

from dataclasses import dataclass

from hub.core.pictures import PictureLimits


@dataclass(frozen=True)
class TelegramLimits:
    """Bot API limits, counted in UTF-16 code units like Telegram does."""

    text: int = 4096
    caption: int = 1024
    thread_parts: int = 6  # our own cap: a long post continues in at most about this many
    overall_per_second: float = 30.0
    private_chat_per_second: float = 1.0
    group_per_minute: float = 20.0


@dataclass(frozen=True)
class SlackLimits:
    """Web API and Block Kit limits, counted in characters."""

    section_text: int = 3000
    header_text: int = 150
    context_text: int = 2000
    blocks: int = 50
    fallback_text: int = 3000
    message_text: int = 40000
    body: int = 12000  # our own cap: a news post, not a document
    # Slack refuses a message whose blocks hold too much text with ``msg_blocks_too_long``
    # but publishes no number (api.slack.com/methods/chat.postMessage lists the error
    # only); slackapi/bolt-js#2509 measured 13,297 characters of markdown blocks, less
    # with a divider added. The stand-in refuses past ``blocks_text`` (every string in
    # the blocks counted); the formatter keeps its blocks within ``blocks_text_budget``.
    blocks_text: int = 12000
    blocks_text_budget: int = 11000
    per_channel_per_second: float = 1.0
    per_channel_burst: float = 2.0
    # The stand-in allows burst + rate x window posts in any window this long,
    # exactly what a token bucket of that rate and burst can spend.
    flood_window_seconds: float = 2.0


@dataclass(frozen=True)
class MastodonLimits:
    """Mastodon's default instance limits; every URL counts as ``url_length``."""

    status: int = 500
    url_length: int = 23
    thread_parts: int = 6  # our own cap on a thread (route thread = true)
    # Posting budget per account: the stand-in allows ``statuses_per_window`` in any
    # window this long; the sink's bucket (burst + rate x window) stays within it.
    statuses_per_window: int = 300
    window_seconds: float = 3 * 3600
    burst: float = 10.0
    per_account_per_second: float = (300 - 10) / (3 * 3600)
    # Deleting statuses has its own budget: 30 in 30 minutes per account
    # (config/initializers/rack_attack.rb, throttle_api_delete); the sink's bucket
    # (delete_burst + deletes_per_second x 1800) stays within it.
    deletes_per_window: int = 30
    delete_window_seconds: float = 30 * 60
    delete_burst: float = 5.0
    deletes_per_second: float = (30 - 5) / (30 * 60)


@dataclass(frozen=True)
class BlueskyLimits:
    """app.bsky.feed.post limits: graphemes for text, bytes for its storage."""

    graphemes: int = 300
    text_bytes: int = 3000
    thread_parts: int = 6  # our own cap on a thread (route thread = true)
    card_title: int = 300
    card_description: int = 1000
    # 5,000 write points an hour and 35,000 a day per account; a create costs 3, an
    # update 2, a delete 1 (docs.bsky.app/docs/advanced-guides/rate-limits: "at most
    # 1,666 records per hour and 11,666 records per day"). The stand-in spends points
    # in both windows; the sink's two buckets allow ``writes_per_hour`` and
    # ``writes_per_day`` writes, each counted as a create, so they stay within the
    # points whatever the mix: the hour's bucket paces a burst, the day's (a burst of
    # ``day_burst`` writes, then the rest of the day's spread over 24 hours) keeps a
    # busy day from running on at the hour's pace into the day's 429.
    write_points_per_hour: int = 5000
    write_points_per_day: int = 35000
    writes_per_hour: int = 1666
    writes_per_day: int = 11666
    burst: float = 10.0
    per_account_per_second: float = (1666 - 10) / 3600
    day_burst: float = 1000.0
    per_account_per_day_second: float = (11666 - 1000) / 86400


@dataclass(frozen=True)
class DiscordLimits:
    """Discord's message limits for webhooks, counted in characters (code points).

    content: "the message contents (up to 2000 characters)" and embeds: "array of
    up to 10 embed objects" (developers/resources/webhook.mdx, Execute Webhook);
    the embed limits and the 6,000 characters across every embed of a message
    (developers/resources/message.mdx, Embed Limits).
    """

    content: int = 2000
    embeds: int = 10
    title: int = 256
    description: int = 4096
    footer: int = 2048
    author: int = 256
    embeds_total: int = 6000
    body: int = 3000  # our own cap: a news post, not a document
    # Discord publishes no number for webhooks ("don't hard-code", developers/topics/
    # rate-limits.mdx) and sends it in X-RateLimit-* headers; webhook routes answer
    # with X-RateLimit-Limit: 5 and X-RateLimit-Reset-After: 2, which the stand-in
    # plays. The sink's bucket (burst + rate x 2 s) stays within it.
    per_window: int = 5
    window_seconds: float = 2.0
    burst: float = 3.0
    per_webhook_per_second: float = 1.0
    # Uploads (developers/reference.mdx, Uploading Files): "The file upload size limit
    # applies to each file in a request"; the documented default has moved (25 MiB, then
    # 10 MiB for accounts and servers without Nitro or boosts in 2024, 20 MiB in the
    # current text): the stand-in refuses past the lower 10 MiB, so what passes it passes
    # Discord, with 413 and {"code": 40005, "message": "Request entity too large"}
    # (developers/topics/opcodes-and-status-codes.mdx, JSON error codes).
    attachment_bytes: int = 10 * 1024 * 1024
    # an attachment's description (alt text) is at most 1,024 characters
    # (developers/resources/message.mdx, Attachment Object)
    attachment_description: int = 1024


@dataclass(frozen=True)
class WebhookLimits:
    """The hub's own signed webhook: the contract is ours (bots/webhook/__init__.py)."""

    body_bytes: int = 256 * 1024  # our cap on one event's JSON
    text: int = 20000
    picture_bytes: int = 96 * 1024  # the picture's copy in the event (128 KiB in base64)
    picture_side: int = 1600
    signature_tolerance_seconds: int = 300  # a receiver refuses older timestamps
    # The stand-in's receiver allows ``per_window`` events in any window this long and
    # answers 429 with Retry-After past it; the sink's bucket stays within it.
    per_window: int = 10
    window_seconds: float = 10.0
    burst: float = 5.0
    per_receiver_per_second: float = 0.5


@dataclass(frozen=True)
class MatrixLimits:
    """Matrix's limits for an ``m.room.message`` sent through the Client-Server API.

    "The complete event MUST NOT be larger than 65536 bytes, when formatted with the
    federation event format, including any signatures, and encoded as Canonical JSON"
    (matrix-org/matrix-spec, content/client-server-api/_index.md, Size limits); Synapse
    refuses a larger one with 413 ``M_TOO_LARGE`` (synapse/api/constants.py
    MAX_PDU_SIZE, synapse/events/validator.py). The spec sets no character limit.
    Synapse's default ``rc_message`` is ``per_second: 0.2, burst_count: 10``
    (docs/usage/configuration/config_documentation.md), answered with 429
    ``M_LIMIT_EXCEEDED`` and ``retry_after_ms``.
    """

    event_bytes: int = 65536
    envelope_bytes: int = 2048  # room for the federation envelope around the content
    body: int = 12000  # our own cap on an item's text: a news post, not a document
    per_second: float = 0.2
    burst_count: int = 10
    sink_burst: float = 5.0


@dataclass(frozen=True)
class TeamsLimits:
    """Microsoft Teams incoming webhooks and Workflows (Power Automate) posts.

    "The message size limit is 28 KB. When the size exceeds 28 KB, you receive an
    error" and "If more than four requests are made in a second, the client
    connection is throttled" (learn.microsoft.com, microsoftteams/platform/
    webhooks-and-connectors/how-to/add-incoming-webhook); over an hour, 100
    requests (the same docs' "Rate limiting for connectors" table: 4 per second,
    60 per 30 s, 100 per hour, 1,800 per day). The Teams connector of Power
    Automate: "the message size limit is approximately 28 KB ... fails with
    'Request Entity too large'" (learn.microsoft.com/connectors/teams, Known
    issues and limitations).
    """

    payload_bytes: int = 28 * 1024
    body: int = 8000  # our own cap on an item's text in a card
    per_second: int = 4
    per_hour: int = 100
    sink_burst: float = 4.0


@dataclass(frozen=True)
class AppriseLimits:
    """Apprise delivers to many services, each with its own limits the hub cannot know:
    the hub's own modest budget per Apprise URL, and a cap on the text."""

    body: int = 4000
    per_second: float = 0.2
    burst: float = 3.0


TELEGRAM = TelegramLimits()
SLACK = SlackLimits()
MASTODON = MastodonLimits()
BLUESKY = BlueskyLimits()
DISCORD = DiscordLimits()
WEBHOOK = WebhookLimits()
MATRIX = MatrixLimits()
TEAMS = TeamsLimits()
APPRISE = AppriseLimits()


# Pictures: what each platform takes as an upload, for :func:`hub.core.pictures.fit`
# (each stand-in checks its platform's rules itself, with the source named there).
TELEGRAM_PHOTO = PictureLimits(max_bytes=10 * 1024 * 1024, max_side_sum=10_000, max_ratio=20)
"""sendPhoto (core.telegram.org/bots/api#sendphoto): at most 10 MB, width + height at most
10000, ratio at most 20."""
MASTODON_IMAGE = PictureLimits(max_bytes=16 * 1024 * 1024, max_pixels=8_294_400)
"""app/models/media_attachment.rb: IMAGE_LIMIT = 16.megabytes; the server shrinks a larger
image to 8,294,400 pixels (3840x2160, since 4.2), so nothing larger is worth uploading."""
MASTODON_DESCRIPTION = 1500
"""MediaAttachment's MAX_DESCRIPTION_LENGTH: alt text up to 1,500 characters."""
DISCORD_IMAGE = PictureLimits(max_bytes=DISCORD.attachment_bytes, max_side=4096)
"""A webhook's file upload (developers/reference.mdx, Uploading Files): 10 MiB a file (see
:class:`DiscordLimits`); Discord sets no pixel limit, the hub's stored copy is at most 4096
a side. Only ``.jpg``, ``.jpeg``, ``.png``, ``.webp`` and ``.gif`` may be shown in an embed
through ``attachment://`` (the same section's note)."""
TEAMS_IMAGE = PictureLimits(max_bytes=1024 * 1024 - 1, max_side=1024)
"""An image in a Teams card: "The supported image formats are .png, .jpg, or .gif. Keep
the dimensions within 1024 x 1024 pixels and file size less than 1 MB. Animated .gif
images aren't supported" (learn.microsoft.com, microsoftteams/platform/task-modules-and-
cards/cards/cards-format, Inline images in cards)."""
TEAMS_THUMBNAIL = PictureLimits(max_bytes=12_000, max_side=640)
"""The copy a card carries inline as a ``data:`` URI (Adaptive Cards' ``Image.url``
"Supports data URI" since schema 1.2, microsoft/AdaptiveCards#628; sent through an
incoming webhook as in MicrosoftDocs/msteams-docs#10687): 12,000 bytes are 16,000 in
base64, which leaves a card's 28 KB (:class:`TeamsLimits`) room for its text."""
BLUESKY_IMAGE = PictureLimits(max_bytes=1_000_000, max_side=2000)
"""lexicons/app/bsky/embed/images.json and embed/external.json: the blob's maxSize is
1,000,000 bytes; 2000 pixels a side is what Bluesky's own app uploads (an earlier version
of the lexicon said maxWidth/maxHeight 2000)."""
SLACK_IMAGE = PictureLimits(max_bytes=1024 * 1024 * 1024)
"""files.getUploadURLExternal then the upload URL: at most 1 GB a file (slack_sdk's
``MAX_V2_FILE_SIZE``, "Slack files.upload limit"); an image block's ``slack_file`` must be a
png, jpg, jpeg or gif (docs.slack.dev/reference/block-kit/composition-objects/
slack-file-object), which the hub's JPEG or PNG copy always is."""
SLACK_ALT_TEXT = 1000
"""files.getUploadURLExternal's ``alt_txt``: "longer than the limit of 1000 character" is
``alt_txt_too_large`` (the method's errors)."""
SLACK_IMAGE_ALT = 2000
"""An image block's ``alt_text``: at most 2,000 characters (Block Kit, Image block)."""
MATRIX_UPLOAD = PictureLimits(max_bytes=50 * 1024 * 1024)
"""``POST /_matrix/media/v3/upload``: Synapse's default ``max_upload_size`` is "50M"
(synapse/config/repository.py, parsed as 50 x 1024 x 1024); a homeserver says its own in
``GET /_matrix/client/v1/media/config`` (``m.upload.size``)."""
