"""Roundups: a channel's digest of the period's news, like the OGP Local Roundup.

A channel in ``digest`` mode gets no single posts: the router writes its
deliveries with status ``held``. A roundup gathers the channel's held item
deliveries (oldest first, at most :data:`MAX_ITEMS` and :data:`HTML_BUDGET`),
groups them by topic or country with counts and links, adds the next events and the open award
calls from the knowledge tables, and is enqueued as ONE delivery of kind
``roundup`` with dedup key ``roundup:<channel>:<period_key>``: one per channel
per period, whoever asks and however often.

What happens to the held rows it covers: their status becomes ``digested``
and their ``payload`` becomes ``{"roundup_delivery_id": <the roundup's
delivery id>}``, in the same transaction as the enqueue. Nothing is dropped:

- held rows past :data:`MAX_ITEMS` or :data:`HTML_BUDGET` stay held and lead the
  next roundup;
- when a roundup delivery ends ``failed`` or ``dead`` (a platform kept
  rate-limiting it past its attempts, say), the next roundup of the channel
  first gives its rows back (``digested`` -> ``held``) and covers them again.

A roundup with no items is never posted: :func:`run_roundup` returns a
``skipped`` outcome and logs why. The message payload uses the keys the
bus's :func:`hub.core.bus.messages.build_messages` reads (``title``, ``text``,
``html``, ``link``, ``language``, ``extra``); each platform's formatter turns
the sanitised ``html`` into its own markup.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.core.bus.outbox import digest_held, enqueue, notify, undigest_failed_roundups
from hub.core.bus.states import DeliveryKind, DeliveryStatus
from hub.core.config.settings import Settings
from hub.core.ingest.tags import TOPICS_FILE, topic_names
from hub.core.models import Award, AwardStep, Channel, Delivery, Event, Item, ItemTranslation
from hub.core.schedule.periods import period_key

log = logging.getLogger(__name__)

MAX_ITEMS = 30
"""Items per roundup at most; the rest stay held for the next one."""
HTML_BUDGET = 4000
"""Characters of body HTML per roundup at most (markup and links included): within
Telegram's 4096 visible characters and Slack's section packing with room to spare, so
the events and open calls at the end are never cut off. Items past it wait, held."""
EVENTS_SHOWN = 3

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "day": "Daily roundup",
        "week": "Weekly roundup",
        "month": "Monthly roundup",
        "count": "{count} new items",
        "events": "Next events",
        "calls": "Open calls",
        "closes": "closes {date}",
        "other": "Other news",
    },
    "es": {
        "day": "Resumen diario",
        "week": "Resumen semanal",
        "month": "Resumen mensual",
        "count": "{count} noticias nuevas",
        "events": "Próximos eventos",
        "calls": "Convocatorias abiertas",
        "closes": "cierra el {date}",
        "other": "Otras noticias",
    },
    "fr": {
        "day": "Récapitulatif du jour",
        "week": "Récapitulatif de la semaine",
        "month": "Récapitulatif du mois",
        "count": "{count} nouvelles",
        "events": "Prochains événements",
        "calls": "Appels ouverts",
        "closes": "clôture le {date}",
        "other": "Autres nouvelles",
    },
    "ca": {
        "day": "Resum diari",
        "week": "Resum setmanal",
        "month": "Resum mensual",
        "count": "{count} notícies noves",
        "events": "Propers esdeveniments",
        "calls": "Convocatòries obertes",
        "closes": "tanca el {date}",
        "other": "Altres notícies",
    },
    "pt": {
        "day": "Resumo diário",
        "week": "Resumo semanal",
        "month": "Resumo mensal",
        "count": "{count} notícias novas",
        "events": "Próximos eventos",
        "calls": "Chamadas abertas",
        "closes": "encerra em {date}",
        "other": "Outras notícias",
    },
}
"""Section words of a roundup in the five working languages."""


COUNT_FORMS: dict[str, dict[str, str]] = {
    "en": {"one": "{count} new item", "other": "{count} new items"},
    "es": {"one": "{count} noticia nueva", "other": "{count} noticias nuevas"},
    "fr": {"one": "{count} nouvelle", "other": "{count} nouvelles"},
    "ca": {"one": "{count} notícia nova", "other": "{count} notícies noves"},
    "pt": {"one": "{count} notícia nova", "other": "{count} notícias novas"},
}
"""A roundup's count of items, per CLDR plural category (``other`` stands in for the rest)."""


def words(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS["en"])


def count_words(count: int, language: str) -> str:
    """``1 noticia nueva``, ``2 noticias nuevas``: the form Babel's plural rules choose."""
    from babel import Locale

    if language not in COUNT_FORMS:
        language = "en"
    forms = COUNT_FORMS[language]
    return forms.get(Locale.parse(language).plural_form(count), forms["other"]).format(count=count)


@cache
def _topic_keywords() -> dict[str, dict[str, list[str]]]:
    data = yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8")) or {}
    return {str(k): v for k, v in data.items() if isinstance(v, dict)}


def topic_label(tag: str, language: str) -> str:
    """A topic tag as a heading: its name in ``language`` (``topics.yaml``), else its first
    whole keyword in ``language``, else the tag itself."""
    name = topic_names().get(tag, {}).get(language)
    if name:
        return name
    keywords = _topic_keywords().get(tag, {}).get(language) or []
    whole = [k.strip() for k in keywords if "*" not in k and k.strip()]
    word = whole[0] if whole else next((k.rstrip("*").strip() for k in keywords), "")
    label = word or tag.replace("-", " ").replace("_", " ")
    return label[:1].upper() + label[1:]


def country_label(code: str, language: str) -> str:
    """A country code as a name in ``language`` (Babel's territory names)."""
    from babel import Locale

    try:
        return str(Locale.parse(language).territories.get(code.upper(), code.upper()))
    except Exception:  # an unknown locale still gets the code
        return code.upper()


def format_day(day: dt.date, language: str) -> str:
    from babel.dates import format_date

    try:
        return str(format_date(day, format="medium", locale=language))
    except Exception:
        return day.isoformat()


@dataclass(frozen=True)
class Entry:
    """One item of a roundup."""

    delivery_id: int
    item_id: int
    title: str
    link: str | None


@dataclass
class Roundup:
    """A roundup ready to render: groups of entries, then events and open calls."""

    channel: str
    period: str
    period_key: str
    language: str
    issued_on: dt.date | None = None
    groups: list[tuple[str, list[Entry]]] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    link: str | None = None
    group_by: str = "topic"

    @property
    def entries(self) -> list[Entry]:
        return [entry for _, group in self.groups for entry in group]

    @property
    def title(self) -> str:
        """``Weekly roundup · Nov 23, 2026``: the issue's date in the channel's language."""
        when = format_day(self.issued_on, self.language) if self.issued_on else self.period_key
        return f"{words(self.language)[self.period]} · {when}"

    def html(self) -> str:
        """The body as the small, escaped HTML every platform formatter reads."""
        w = words(self.language)
        parts = [f"<p>{escape(count_words(len(self.entries), self.language))}</p>"]
        for label, group in self.groups:
            parts.append(f"<p><b>{escape(label)} ({len(group)})</b></p><ul>")
            for entry in group:
                title = escape(entry.title)
                if entry.link:
                    parts.append(f'<li><a href="{escape(entry.link, quote=True)}">{title}</a></li>')
                else:
                    parts.append(f"<li>{title}</li>")
            parts.append("</ul>")
        for heading, lines in ((w["events"], self.events), (w["calls"], self.calls)):
            if lines:
                items = "".join(f"<li>{escape(line)}</li>" for line in lines)
                parts.append(f"<p><b>{escape(heading)}</b></p><ul>{items}</ul>")
        return "".join(parts)

    def text(self) -> str:
        """The same as plain text (what ``--dry-run`` prints)."""
        w = words(self.language)
        lines = [self.title, "", count_words(len(self.entries), self.language)]
        for label, group in self.groups:
            lines += ["", f"{label} ({len(group)})"]
            lines += [f"- {e.title}" + (f" {e.link}" if e.link else "") for e in group]
        for heading, extra in ((w["events"], self.events), (w["calls"], self.calls)):
            if extra:
                lines += ["", heading] + [f"- {line}" for line in extra]
        return "\n".join(lines)

    def payload(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "text": self.text(),
            "html": self.html(),
            "link": self.link,
            "language": self.language,
            "extra": {
                "period": self.period,
                "period_key": self.period_key,
                "items": [e.item_id for e in self.entries],
                "issued_on": self.issued_on.isoformat() if self.issued_on else None,
                "group_by": self.group_by,
            },
        }


@dataclass(frozen=True)
class RoundupResult:
    """What :func:`run_roundup` did: enqueued (with the delivery id), or skipped and why."""

    outcome: str
    roundup: Roundup | None = None
    delivery_id: int | None = None


def channel_language(settings: Settings, channel_key: str, language: str | None = None) -> str:
    configured = settings.channels[channel_key].language
    return language or configured or settings.hub.default_language


def current_period_key(settings: Settings, channel_key: str, period: str, now: dt.datetime) -> str:
    """The period ``now`` falls in, in the channel's time zone (for roundups made by hand)."""
    zone = ZoneInfo(settings.channels[channel_key].timezone or settings.hub.timezone)
    return period_key(period, now.astimezone(zone).date())


def release_failed_roundups(session: Session, channel_id: int) -> int:
    """Give the rows of this channel's failed or dead roundups back to ``held``."""
    released = undigest_failed_roundups(session, channel_id)
    if released:
        log.warning(
            "%d items of failed roundups go into the next one",
            released,
            extra={"channel": channel_id},
        )
    return released


def held_entries(
    session: Session, channel_id: int, language: str, until: dt.datetime, limit: int = MAX_ITEMS
) -> list[tuple[Entry, Item]]:
    """The channel's held item deliveries made before ``until``, oldest first."""
    rows = session.execute(
        select(Delivery.id, Item)
        .join(Item, Item.id == Delivery.item_id)
        .where(Delivery.channel_id == channel_id, Delivery.status == DeliveryStatus.HELD)
        .where(Delivery.kind == DeliveryKind.ITEM, Delivery.created_at <= until)
        .where(Item.status == "approved")
        .order_by(Delivery.created_at, Delivery.id)
        .limit(limit)
    ).all()
    return _entries(session, [(delivery_id, item) for delivery_id, item in rows], language)


def _entries(
    session: Session, rows: list[tuple[int, Item]], language: str
) -> list[tuple[Entry, Item]]:
    """Each (delivery id, item) as a roundup entry in ``language`` (its translation's title
    and page when it has one)."""
    item_ids = [item.id for _, item in rows]
    translated = {
        item_id: (title, link)
        for item_id, title, link in session.execute(
            select(ItemTranslation.item_id, ItemTranslation.title, ItemTranslation.link).where(
                ItemTranslation.item_id.in_(item_ids), ItemTranslation.language == language
            )
        )
    }

    def entry(delivery_id: int, item: Item) -> Entry:
        if item.language == language or item.id not in translated:
            return Entry(delivery_id, item.id, item.title, item.link)
        title, link = translated[item.id]
        return Entry(delivery_id, item.id, title, link or item.link)

    return [(entry(delivery_id, item), item) for delivery_id, item in rows]


def group_entries(
    pairs: list[tuple[Entry, Item]], language: str, by: str = "topic"
) -> list[tuple[str, list[Entry]]]:
    """Entries grouped by their item's first topic (or country); bigger groups first."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    other = words(language)["other"]
    for entry, item in pairs:
        if by == "country" and item.countries:
            label = country_label(item.countries[0], language)
        elif by == "topic" and item.tags:
            label = topic_label(item.tags[0], language)
        else:
            label = other
        groups[label].append(entry)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == other, -len(kv[1]), kv[0]))
    return ordered


def next_events(
    session: Session, today: dt.date, language: str, limit: int = EVENTS_SHOWN
) -> list[str]:
    events = session.scalars(
        select(Event)
        .where(Event.starts_on >= today)
        .order_by(Event.starts_on, Event.id)
        .limit(limit * 3)
    )
    lines = []
    for event in events:
        name = (
            event.name.get(language)
            or event.name.get("en")
            or next(iter(event.name.values()), event.id)
        )
        place = f", {event.city}" if event.city else ""
        when = format_day(event.starts_on, language) if event.starts_on else ""
        line = f"{when} · {name}{place}"
        if line not in lines:  # the same event from the calendar and from the seed files
            lines.append(line)
        if len(lines) == limit:
            break
    return lines


def open_calls(session: Session, today: dt.date, language: str) -> list[str]:
    steps = session.scalars(
        select(AwardStep)
        .join(Award)
        .where(AwardStep.step.like("call%"), AwardStep.starts_on <= today)
        .where(AwardStep.ends_on >= today)
        .order_by(AwardStep.ends_on)
    )
    lines = []
    for step in steps:
        award = step.award
        name = award.name.get(language) or award.name.get("en") or award.id
        closes = words(language)["closes"].format(date=format_day(step.ends_on, language))  # type: ignore[arg-type]
        lines.append(f"{name} ({closes})")
    return lines


def build_roundup(
    session: Session,
    settings: Settings,
    channel_key: str,
    period: str,
    now: dt.datetime,
    *,
    period_key: str | None = None,
    language: str | None = None,
    group_by: str = "topic",
) -> Roundup:
    """The roundup of ``channel_key`` at ``now`` (its held items; possibly none)."""
    channel_id = session.scalar(select(Channel.id).where(Channel.key == channel_key))
    if channel_id is None:
        from hub.core.errors import HubError

        raise HubError(f"no channel {channel_key!r} in the database (is it in hub.toml?)")
    language = channel_language(settings, channel_key, language)
    key = period_key or current_period_key(settings, channel_key, period, now)
    zone = ZoneInfo(settings.channels[channel_key].timezone or settings.hub.timezone)
    today = now.astimezone(zone).date()
    pairs = held_entries(session, channel_id, language, now)
    roundup = Roundup(
        channel=channel_key,
        period=period,
        period_key=key,
        language=language,
        issued_on=today,
        groups=group_entries(pairs, language, group_by),
        events=next_events(session, today, language),
        calls=open_calls(session, today, language),
        group_by=group_by,
    )
    while len(roundup.html()) > HTML_BUDGET and len(pairs) > 1:
        pairs = pairs[: max(1, len(pairs) - max(1, len(pairs) // 8))]
        roundup.groups = group_entries(pairs, language, group_by)
    return roundup


def dedup_key(channel_key: str, key: str) -> str:
    return f"roundup:{channel_key}:{key}"


def run_roundup(
    session: Session,
    settings: Settings,
    channel_key: str,
    period: str,
    now: dt.datetime,
    *,
    period_key: str | None = None,
    language: str | None = None,
    group_by: str = "topic",
) -> RoundupResult:
    """Build and enqueue the roundup in the caller's transaction, or say why not."""
    key = period_key or current_period_key(settings, channel_key, period, now)
    existing = session.scalar(
        select(Delivery.id).where(Delivery.dedup_key == dedup_key(channel_key, key))
    )
    if existing is not None:
        return RoundupResult(
            f"skipped: the {key} roundup is already queued (delivery {existing})",
            delivery_id=existing,
        )
    channel_id = session.scalar(select(Channel.id).where(Channel.key == channel_key))
    if channel_id is not None:
        release_failed_roundups(session, channel_id)
    roundup = build_roundup(
        session,
        settings,
        channel_key,
        period,
        now,
        period_key=key,
        language=language,
        group_by=group_by,
    )
    if not roundup.entries:
        log.info(
            "roundup %s for %s skipped: no held items",
            channel_key,
            key,
            extra={"channel": channel_key},
        )
        return RoundupResult("skipped: nothing to report", roundup)
    delivery = enqueue(
        session,
        channel_key=channel_key,
        kind="roundup",
        payload=roundup.payload(),
        dedup_key=dedup_key(channel_key, key),
        now=now,
    )
    digest_held(session, [e.delivery_id for e in roundup.entries], delivery.id)
    notify(session.connection())
    log.info(
        "roundup %s for %s queued with %d items",
        channel_key,
        key,
        len(roundup.entries),
        extra={"channel": channel_key, "delivery": delivery.id},
    )
    return RoundupResult(
        f"queued delivery {delivery.id} with {len(roundup.entries)} items", roundup, delivery.id
    )


def rebuilt_roundup(session: Session, roundup: Delivery) -> Roundup:
    """The roundup ``roundup`` (a delivery) as it reads now: its items that are still
    approved, with their current titles, in the order and groups it was built with.

    The events and open calls are those of the day it was issued. A retraction or an
    edit of one of its items uses this to correct the roundup (see
    :mod:`hub.core.moderation.corrections`).
    """
    payload = roundup.payload or {}
    extra = payload.get("extra") or {}
    channel = session.get(Channel, roundup.channel_id)
    language = str(payload.get("language") or (channel.language if channel else None) or "en")
    issued = extra.get("issued_on")
    issued_on = dt.date.fromisoformat(issued) if issued else roundup.created_at.date()
    item_ids = [int(i) for i in extra.get("items") or []]
    covered = session.execute(
        select(Delivery.id, Item)
        .join(Item, Item.id == Delivery.item_id)
        .where(Delivery.channel_id == roundup.channel_id, Delivery.item_id.in_(item_ids))
        .where(Delivery.status == DeliveryStatus.DIGESTED, Item.status == "approved")
    ).all()
    order = {item_id: position for position, item_id in enumerate(item_ids)}
    rows = sorted(((d, item) for d, item in covered), key=lambda pair: order[pair[1].id])
    group_by = str(extra.get("group_by") or "topic")
    return Roundup(
        channel=channel.key if channel else str(roundup.channel_id),
        period=str(extra.get("period") or "week"),
        period_key=str(extra.get("period_key") or ""),
        language=language,
        issued_on=issued_on,
        groups=group_entries(_entries(session, rows, language), language, group_by),
        events=next_events(session, issued_on, language),
        calls=open_calls(session, issued_on, language),
        link=payload.get("link"),
        group_by=group_by,
    )


def roundups_of(session: Session, item_id: int) -> list[Delivery]:
    """The roundup deliveries that took ``item_id`` in (one per digest channel at most)."""
    covered = session.scalars(
        select(Delivery.payload).where(
            Delivery.item_id == item_id, Delivery.status == DeliveryStatus.DIGESTED
        )
    ).all()
    ids = {int(p["roundup_delivery_id"]) for p in covered if p and "roundup_delivery_id" in p}
    if not ids:
        return []
    query = select(Delivery).where(Delivery.id.in_(ids), Delivery.kind == DeliveryKind.ROUNDUP)
    return list(session.scalars(query.order_by(Delivery.id)))
