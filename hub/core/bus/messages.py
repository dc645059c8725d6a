"""What a worker hands to a sink: the channel's sink and the message for each claim.

Item deliveries take their text from the item, in the channel's language when
the item has a translation for it; other kinds (roundup, alert, reply) carry
their text in the delivery's payload.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, select

from hub.core.bus import outbox, queue
from hub.core.bus.outbox import Claim
from hub.core.bus.states import DeliveryKind
from hub.core.config.settings import Settings
from hub.core.errors import ChannelGone, DeliveryError
from hub.core.ingest.pictures import item_pictures
from hub.core.models import Channel, Item, ItemTranslation
from hub.core.ports import ChannelInfo, Message, Picture, Progress, Sink, SinkFactory

items = cast("Table", Item.__table__)
translations = cast("Table", ItemTranslation.__table__)
channels = cast("Table", Channel.__table__)


@dataclass(frozen=True)
class ChannelRow:
    """A channel as the database knows it (settings add thread, base URL and secret)."""

    id: int
    key: str
    platform: str
    target: str
    language: str | None


def load_channels(conn: Connection, ids: Sequence[int]) -> dict[int, ChannelRow]:
    query = select(
        channels.c.id, channels.c.key, channels.c.platform, channels.c.target, channels.c.language
    ).where(channels.c.id.in_(list(ids)))
    return {row.id: ChannelRow(*row) for row in conn.execute(query)}


@dataclass(frozen=True)
class ItemContent:
    """What an item's message says in one channel: its text, in the channel's language."""

    title: str
    text: str
    html: str
    link: str | None
    image_url: str | None
    language: str | None
    tags: tuple[str, ...]
    machine_from: str | None = None
    """The item's own language when the text is a machine draft no person edited."""
    original_link: str | None = None
    """The item's own page, when the text is such a machine draft."""


Translated = dict[tuple[int, str], tuple[str, str, str, str | None, str | None]]
"""(item id, language) -> the translation's title, text, HTML, link (None: the item's) and
engine (None: a person wrote or edited it, or it came from a feed)."""


def item_contents(
    conn: Connection, item_ids: set[int], languages: set[str]
) -> tuple[dict[int, Any], Translated]:
    """The items' rows by id, and their translations into ``languages`` by (id, language)."""
    if not item_ids:
        return {}, {}
    query = select(
        items.c.id,
        items.c.title,
        items.c.summary_text,
        items.c.summary_html,
        items.c.link,
        items.c.image_url,
        items.c.language,
        items.c.tags,
    ).where(items.c.id.in_(item_ids))
    item_rows = {row.id: row for row in conn.execute(query)}
    translated: Translated = {}
    if languages:
        query_t = select(
            translations.c.item_id,
            translations.c.language,
            translations.c.title,
            translations.c.summary_text,
            translations.c.summary_html,
            translations.c.link,
            translations.c.machine,
        ).where(translations.c.item_id.in_(item_ids), translations.c.language.in_(languages))
        for item_id, language, title, text_, html, link, machine in conn.execute(query_t):
            translated[(item_id, language)] = (title, text_, html, link, machine)
    return item_rows, translated


def content_for(
    row: Any,
    translated: Translated,
    channel_language: str | None,
) -> ItemContent:
    """The item's text in the channel's language when it has a translation, else its own
    (and the link of that language's page when the translation came from one). A machine
    draft nobody edited carries the item's own language and page, for the post's mark."""
    title, text_, html, language = row.title, row.summary_text, row.summary_html, row.language
    link = row.link
    machine_from: str | None = None
    if channel_language and channel_language != row.language:
        found = translated.get((row.id, channel_language))
        if found:
            title, text_, html, translated_link, machine = found
            language, link = channel_language, translated_link or row.link
            if machine:
                machine_from = row.language
    return ItemContent(
        title=title,
        text=text_ or "",
        html=html or "",
        link=link,
        image_url=row.image_url,
        language=language,
        tags=tuple(row.tags or ()),
        machine_from=machine_from,
        original_link=row.link if machine_from else None,
    )


def build_messages(
    conn: Connection,
    claims: Sequence[Claim],
    channel_rows: dict[int, ChannelRow],
    progress_of: Callable[[Claim], Progress] | None = None,
) -> dict[int, Message | DeliveryError]:
    """The message for each claim by delivery id, or the error that makes it unsendable.

    Corrections and retractions carry their text and the platform id they edit
    or delete (``edit_of``) in the payload, like every kind other than ``item``.
    Every message carries its claim's attempt number and whether an earlier
    attempt may have reached the platform unrecorded (``in_doubt``), so a sink
    can look before sending again, and ``progress_of(claim)`` as its ``progress``.
    """
    item_ids = {c.item_id for c in claims if c.kind == DeliveryKind.ITEM and c.item_id is not None}
    wanted = {ch.language for ch in channel_rows.values() if ch.language}
    item_rows, translated = item_contents(conn, item_ids, wanted)
    stored, refused = item_pictures(conn, item_ids)
    messages: dict[int, Message | DeliveryError] = {}
    for claim in claims:
        channel = channel_rows.get(claim.channel_id)
        row = item_rows.get(claim.item_id) if claim.item_id is not None else None
        messages[claim.id] = message_for(
            claim,
            row,
            translated,
            channel.language if channel else None,
            stored.get(claim.item_id) if claim.item_id is not None else None,
            refused.get(claim.item_id) if claim.item_id is not None else None,
            progress_of(claim) if progress_of is not None else None,
        )
    return messages


def message_for(
    claim: Claim,
    row: Any,
    translated: Translated,
    channel_language: str | None,
    picture: Picture | None = None,
    picture_refused: str | None = None,
    progress: Progress | None = None,
) -> Message | DeliveryError:
    """The message of one claim: an item's (``row``, its ``translated`` texts, its stored
    ``picture`` or why it was refused), or the text its payload carries; ``progress`` is
    what a sink posting a thread calls after each part."""
    if claim.kind != DeliveryKind.ITEM:
        p = claim.payload or {}
        return Message(
            delivery_id=claim.id,
            kind=claim.kind,
            title=str(p.get("title", "")),
            text=str(p.get("text", "")),
            html=str(p.get("html", "")),
            link=p.get("link"),
            image_url=p.get("image_url"),
            language=p.get("language"),
            tags=tuple(p.get("tags", ())),
            edit_of=p.get("edit_of"),
            extra=dict(p.get("extra", {})),
            attempt=claim.attempt,
            in_doubt=claim.in_doubt,
            posted=claim.posted,
            machine_from=p.get("machine_from"),
            original_link=p.get("original_link"),
            progress=progress,
        )
    if row is None:
        return ChannelGone("the item was deleted")
    c = content_for(row, translated, channel_language)
    return Message(
        delivery_id=claim.id,
        kind="item",
        title=c.title,
        text=c.text,
        html=c.html,
        link=c.link,
        # a picture the hub refused is not handed on as a URL either: the post is text
        image_url=None if picture_refused is not None else c.image_url,
        picture=picture,
        picture_refused=picture_refused,
        language=c.language,
        tags=c.tags,
        extra={"thread": True} if (claim.payload or {}).get("thread") else {},
        attempt=claim.attempt,
        in_doubt=claim.in_doubt,
        posted=claim.posted,
        machine_from=c.machine_from,
        original_link=c.original_link,
        progress=progress,
    )


_CLAIM_MESSAGES_POSTGRES = (
    f"WITH {outbox.CLAIMED_POSTGRES}"
    " SELECT c.id, c.item_id, c.channel_id, c.kind, CAST(c.payload AS text), c.attempts,"
    " c.max_attempts, c.last_error, c.platform_message_id,"
    " i.id, i.title, i.summary_text, i.summary_html, i.link, i.image_url, i.language,"
    " CAST(i.tags AS text),"
    " ch.language, t.title, t.summary_text, t.summary_html, t.link, t.machine,"
    " p.item_id, p.data, p.mime, p.width, p.height, p.alt, p.error"
    " FROM claimed AS c"
    " LEFT JOIN channels AS ch ON ch.id = c.channel_id"
    " LEFT JOIN LATERAL (SELECT id, title, summary_text, summary_html, link, image_url,"
    " language, tags FROM items WHERE items.id = c.item_id AND c.kind = 'item' LIMIT 1)"
    " AS i ON true"
    " LEFT JOIN LATERAL (SELECT title, summary_text, summary_html, link, machine"
    " FROM item_translations WHERE item_id = i.id AND language = ch.language"
    " AND i.language IS DISTINCT FROM ch.language LIMIT 1)"
    " AS t ON true"
    " LEFT JOIN LATERAL (SELECT item_id, data, mime, width, height, alt, error"
    " FROM item_pictures WHERE item_id = i.id AND source_url = i.image_url"
    " AND i.image_url IS NOT NULL LIMIT 1)"
    " AS p ON true"
)
"""The claim and what its messages need (:func:`build_messages`' three reads: the items,
their translations into the channel's language, their current pictures), in one
statement: one round trip, and on its own no transaction to open and commit. Each read
is a lateral lookup by key (``LIMIT 1`` keeps the planner from turning it into a join
that may scan the whole items table for a hundred claims); a translation is looked for
only in a language other than the item's own, and a picture only for an item that names
one (a test of the outer row's values, done before the lookup: most items need neither).
The two JSON columns come as text, read by :func:`_json`: most are empty (``{}``,
``[]``), and a parse per row and column cost a fifth of the claim's Python. In the
driver's placeholders: :func:`hub.core.bus.queue.driver_rows` runs it."""


def _json(value: str | None) -> Any:
    """A JSON column read as text: the empty object and list without a parse."""
    if value is None:
        return None
    if value == "{}":
        return {}
    if value == "[]":
        return []
    return json.loads(value)


def claim_messages(
    conn: Connection,
    *,
    token: str,
    now: dt.datetime,
    limit: int,
    lease_seconds: float,
    channel_rows: dict[int, ChannelRow],
    progress_of: Callable[[Claim], Progress] | None = None,
) -> tuple[list[Claim], dict[int, Message | DeliveryError]]:
    """Claim up to ``limit`` due deliveries (:func:`outbox.claim_due`) and build their
    messages (:func:`build_messages`, each message's ``progress`` from ``progress_of``);
    on PostgreSQL in one statement (``_CLAIM_MESSAGES_POSTGRES``), which the caller may
    run without a transaction. ``channel_rows`` gains the claims' channels it did not
    know."""
    if conn.dialect.name != "postgresql":
        due = outbox.claim_due(conn, token=token, now=now, limit=limit, lease_seconds=lease_seconds)
        _add_channels(conn, due, channel_rows)
        return due, build_messages(conn, due, channel_rows, progress_of)
    parameters = outbox.claim_parameters(
        token=token, now=now, limit=limit, lease_seconds=lease_seconds
    )
    rows = queue.driver_rows(conn, _CLAIM_MESSAGES_POSTGRES, parameters)
    claims = [outbox.claim_of(row, token, _json(row[4])) for row in rows]
    _add_channels(conn, claims, channel_rows)
    messages: dict[int, Message | DeliveryError] = {}
    for claim, row in zip(claims, rows, strict=True):
        progress = progress_of(claim) if progress_of is not None else None
        if claim.kind != DeliveryKind.ITEM:
            messages[claim.id] = message_for(claim, None, {}, None, None, None, progress)
        elif row[9] is None:
            messages[claim.id] = ChannelGone("the item was deleted")
        else:
            channel = channel_rows.get(claim.channel_id)
            messages[claim.id] = _item_message(
                claim, row, channel.language if channel else None, progress
            )
    return claims, messages


def _item_message(
    claim: Claim, row: tuple[Any, ...], channel_language: str | None, progress: Progress | None
) -> Message:
    """:func:`message_for` of an item's claim, read straight from its row of
    ``_CLAIM_MESSAGES_POSTGRES`` (what :func:`content_for` does, without the item's row,
    its translations and its content as objects of their own: a claim builds a hundred)."""
    title, text_, html, link, image_url, own = row[10:16]
    language, machine_from, original_link = own, None, None
    # the translation the statement found, when it is in the channel's language
    if (
        channel_language
        and channel_language != own
        and row[18] is not None
        and row[17] == channel_language
    ):
        title, text_, html, translated_link, machine = row[18:23]
        language = channel_language
        if machine:
            machine_from = own
        original_link = link if machine_from else None
        link = translated_link or link
    picture: Picture | None = None
    refused: str | None = None
    if row[23] is not None:
        data, mime, width, height, alt, error = row[24:30]
        if data is None:
            refused = error or "refused"
        else:
            alt_text = (alt or row[10] or "").strip()  # the item's own title
            picture = Picture(bytes(data), mime, width, height, alt_text, row[9])
    tags = _json(row[16])
    return Message(
        delivery_id=claim.id,
        kind="item",
        title=title,
        text=text_ or "",
        html=html or "",
        link=link,
        # a picture the hub refused is not handed on as a URL either: the post is text
        image_url=None if refused is not None else image_url,
        picture=picture,
        picture_refused=refused,
        language=language,
        tags=tuple(tags) if tags else (),
        extra={"thread": True} if (claim.payload or {}).get("thread") else {},
        attempt=claim.attempt,
        in_doubt=claim.in_doubt,
        posted=claim.posted,
        machine_from=machine_from,
        original_link=original_link,
        progress=progress,
    )


def _add_channels(
    conn: Connection, claims: Sequence[Claim], channel_rows: dict[int, ChannelRow]
) -> None:
    missing = {c.channel_id for c in claims} - set(channel_rows)
    if missing:
        channel_rows.update(load_channels(conn, list(missing)))


SinkBuilder = Callable[[ChannelRow], Sink]


class ChannelSinks:
    """Builds, starts and keeps one sink per channel; closes them all at the end."""

    def __init__(self, build: SinkBuilder) -> None:
        self._build = build
        self._sinks: dict[int, Sink] = {}
        self._starting = asyncio.Lock()

    @classmethod
    def from_settings(
        cls, settings: Settings, factories: Mapping[str, SinkFactory]
    ) -> ChannelSinks:
        """Sinks made by ``factories`` (one per platform: ``hub.wiring.SINKS``), with the
        configured thread, URL and secret."""

        def build(row: ChannelRow) -> Sink:
            configured = settings.channels.get(row.key)
            if configured is None or not configured.enabled:
                raise ChannelGone(f"channel {row.key!r} is no longer configured or is disabled")
            if configured.platform not in factories:
                raise ChannelGone(f"no sink installed for platform {configured.platform!r}")
            info = ChannelInfo(
                key=row.key,
                platform=configured.platform,
                target=configured.target,
                language=configured.language,
                thread_id=configured.thread_id,
                base_url=configured.base_url,
            )
            return factories[configured.platform](info, settings.secret(row.key))

        return cls(build)

    def started(self, channel_id: int) -> Sink | None:
        """The channel's sink if it is built and started already (no await: the hot path)."""
        return self._sinks.get(channel_id)

    async def get(self, row: ChannelRow) -> Sink:
        sink = self._sinks.get(row.id)
        if sink is not None:
            return sink
        # Sends of one batch ask for the same channel at once: build its sink only once,
        # or the extra ones would never be closed.
        async with self._starting:
            sink = self._sinks.get(row.id)
            if sink is None:
                sink = self._build(row)
                await sink.start()
                self._sinks[row.id] = sink
        return sink

    async def close(self) -> None:
        for sink in self._sinks.values():
            await sink.close()
        self._sinks.clear()
