"""What a worker hands to a sink: the channel's sink and the message for each claim.

Item deliveries take their text from the item, in the channel's language when
the item has a translation for it; other kinds (roundup, alert, reply) carry
their text in the delivery's payload.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, select

from hub.core.bus.outbox import Claim
from hub.core.bus.states import DeliveryKind
from hub.core.config.settings import Settings
from hub.core.errors import ChannelGone, DeliveryError
from hub.core.ingest.pictures import item_pictures
from hub.core.models import Channel, Item, ItemTranslation
from hub.core.ports import ChannelInfo, Message, Sink, SinkFactory

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
    conn: Connection, claims: Sequence[Claim], channel_rows: dict[int, ChannelRow]
) -> dict[int, Message | DeliveryError]:
    """The message for each claim by delivery id, or the error that makes it unsendable.

    Corrections and retractions carry their text and the platform id they edit
    or delete (``edit_of``) in the payload, like every kind other than ``item``.
    Every message carries its claim's attempt number and whether an earlier
    attempt may have reached the platform unrecorded (``in_doubt``), so a sink
    can look before sending again.
    """
    item_ids = {c.item_id for c in claims if c.kind == DeliveryKind.ITEM and c.item_id is not None}
    wanted = {ch.language for ch in channel_rows.values() if ch.language}
    item_rows, translated = item_contents(conn, item_ids, wanted)
    stored, refused = item_pictures(conn, item_ids)

    messages: dict[int, Message | DeliveryError] = {}
    for claim in claims:
        channel = channel_rows.get(claim.channel_id)
        if claim.kind != DeliveryKind.ITEM:
            p = claim.payload or {}
            messages[claim.id] = Message(
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
            )
            continue
        row = item_rows.get(claim.item_id) if claim.item_id is not None else None
        if row is None:
            messages[claim.id] = ChannelGone("the item was deleted")
            continue
        c = content_for(row, translated, channel.language if channel else None)
        messages[claim.id] = Message(
            delivery_id=claim.id,
            kind="item",
            title=c.title,
            text=c.text,
            html=c.html,
            link=c.link,
            # a picture the hub refused is not handed on as a URL either: the post is text
            image_url=None if claim.item_id in refused else c.image_url,
            picture=stored.get(row.id),
            picture_refused=refused.get(row.id),
            language=c.language,
            tags=c.tags,
            extra={"thread": True} if (claim.payload or {}).get("thread") else {},
            attempt=claim.attempt,
            in_doubt=claim.in_doubt,
            posted=claim.posted,
            machine_from=c.machine_from,
            original_link=c.original_link,
        )
    return messages


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
