"""Personal digests: each member who chose a period gets the news that matches their choices.

A member chooses on their preferences page (``Member.digest``: ``day``, ``week``
or ``month``) to receive a digest, and which topics interest them
(``Member.topics``; none: every topic), their language and where they follow the
network (``Member.channels``). A ``[schedules.X] kind = "digests"`` schedule of
the same period then sends each such member, in the scheduler's transaction:

- the items approved since the previous firing whose topics meet the member's,
  in the member's language (the item's own text or its translation; an item
  with no version in that language is left out: it is not theirs to read);
- the events coming up before the next firing and the award calls open now
  (the reminders of the period), matching topics when the event has any;
- a link to their preferences page, to change the digest or stop it.

Where it goes is :func:`hub.core.members.addressing.address_member`'s answer:
their Slack or Telegram direct message through that platform's reply channel,
as ``kind="reply"`` deliveries of the outbox. A member who ticked no chat
platform (e-mail only) gets the news by the newsletter, whose editions go out
per language with their topics as Mailchimp tags: the digest counts them and
sends nothing by chat. An erased member, one with no digest, and one with no
chat account the hub knows get nothing.

Platform limits: a digest longer than the platform's text limit (given by the
application layer per platform, counted in UTF-16 code units, the stricter of
the usual counts) is split between entries into numbered parts, never cut.

One pass for any number of members: one query for the members, one for the
period's items with their translations, one each for events and calls, one
for the reply channels, one for the deliveries already queued, and one
multi-row insert (``hub bench digests`` measures 10,000 members). Each part's
dedup key is ``digest:<member>:<period key>:<part>``, so a second run of the
same period queues nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.core.bus.outbox import insert_ignoring_duplicates, notify
from hub.core.bus.states import DEFAULT_MAX_ATTEMPTS, DeliveryKind, DeliveryStatus
from hub.core.config.settings import ScheduleSettings, Settings
from hub.core.members.addressing import CHAT_PLATFORMS, address_member
from hub.core.members.links import preferences_url
from hub.core.models import (
    Award,
    AwardStep,
    Channel,
    Delivery,
    Event,
    Item,
    ItemTranslation,
    Member,
)
from hub.core.schedule.periods import latest_due
from hub.core.schedule.roundups import count_words, format_day, topic_label

log = logging.getLogger(__name__)

PERIODS = ("day", "week", "month")
DEFAULT_TEXT_LIMIT = 4000
"""Characters per message when the application layer gives no limit for a platform."""
MAX_ENTRIES = 40
"""Items per digest at most (the newest); the rest are counted in a last line."""
AHEAD = {"day": 1, "week": 7, "month": 31}
"""Days ahead whose events a digest of each period announces."""

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "day": "Your daily digest",
        "week": "Your weekly digest",
        "month": "Your monthly digest",
        "events": "Coming up",
        "calls": "Open calls",
        "closes": "closes {date}",
        "more": "and {count} more in the console's news",
        "prefs": "Change or stop this digest: {url}",
        "part": "part {n} of {total}",
    },
    "es": {
        "day": "Tu resumen diario",
        "week": "Tu resumen semanal",
        "month": "Tu resumen mensual",
        "events": "Próximamente",
        "calls": "Convocatorias abiertas",
        "closes": "cierra el {date}",
        "more": "y {count} más",
        "prefs": "Cambia o detén este resumen: {url}",
        "part": "parte {n} de {total}",
    },
    "fr": {
        "day": "Votre récapitulatif du jour",
        "week": "Votre récapitulatif de la semaine",
        "month": "Votre récapitulatif du mois",
        "events": "À venir",
        "calls": "Appels ouverts",
        "closes": "clôture le {date}",
        "more": "et {count} de plus",
        "prefs": "Modifier ou arrêter ce récapitulatif : {url}",
        "part": "partie {n} sur {total}",
    },
    "ca": {
        "day": "El teu resum diari",
        "week": "El teu resum setmanal",
        "month": "El teu resum mensual",
        "events": "Properament",
        "calls": "Convocatòries obertes",
        "closes": "tanca el {date}",
        "more": "i {count} més",
        "prefs": "Canvia o atura aquest resum: {url}",
        "part": "part {n} de {total}",
    },
    "pt": {
        "day": "O seu resumo diário",
        "week": "O seu resumo semanal",
        "month": "O seu resumo mensal",
        "events": "Em breve",
        "calls": "Chamadas abertas",
        "closes": "encerra em {date}",
        "more": "e mais {count}",
        "prefs": "Altere ou pare este resumo: {url}",
        "part": "parte {n} de {total}",
    },
}
"""A digest's words in the network's five working languages."""


def words(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS["en"])


def utf16_length(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units); at least Slack's character count."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Story:
    """One approved item, as every language can read it."""

    item_id: int
    tags: frozenset[str]
    versions: Mapping[str, tuple[str, str | None]]
    """Language -> (title, link)."""


@dataclass(frozen=True)
class Dated:
    """An event or an open call: its day, its line per language, its topics."""

    day: dt.date
    lines: Mapping[str, str]
    topics: frozenset[str]
    kind: str  # "events" or "calls"


@dataclass
class DigestRun:
    """What one firing did; :attr:`outcome` is the scheduler's line."""

    period: str
    period_key: str
    members: int = 0
    queued: int = 0
    messages: int = 0
    nothing_new: int = 0
    by_newsletter: int = 0
    unreachable: int = 0
    already: int = 0
    parts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        return (
            f"{self.queued} {self.period} digest(s) queued in {self.messages} message(s) for "
            f"{self.members} member(s); {self.nothing_new} with nothing new, "
            f"{self.by_newsletter} by the newsletter, {self.unreachable} with no chat to reach, "
            f"{self.already} queued before"
        )


def window(
    schedule: ScheduleSettings, now: dt.datetime, timezone: str
) -> tuple[dt.datetime, dt.datetime, str]:
    """(since, until, period key) of the firing at ``now``: since the previous firing."""
    current = latest_due(schedule, now, timezone)
    previous = latest_due(schedule, current.fires_at - dt.timedelta(seconds=1), timezone)
    return previous.fires_at, current.fires_at, current.key


def _stories(session: Session, since: dt.datetime, until: dt.datetime) -> list[Story]:
    items = session.execute(
        select(Item.id, Item.language, Item.title, Item.link, Item.tags)
        .where(Item.status == "approved", Item.approved_at > since, Item.approved_at <= until)
        .order_by(Item.approved_at.desc(), Item.id.desc())
    ).all()
    ids = [row.id for row in items]
    versions: dict[int, dict[str, tuple[str, str | None]]] = {i: {} for i in ids}
    for item_id, language, title, link in session.execute(
        select(
            ItemTranslation.item_id,
            ItemTranslation.language,
            ItemTranslation.title,
            ItemTranslation.link,
        )
        .join(Item, Item.id == ItemTranslation.item_id)
        .where(Item.status == "approved", Item.approved_at > since, Item.approved_at <= until)
    ):
        versions[item_id][language] = (title, link)
    stories = []
    for row in items:
        own = versions[row.id]
        if row.language:
            own[row.language] = (row.title, row.link)
        for language, (title, link) in list(own.items()):
            own[language] = (title, link or row.link)
        stories.append(Story(row.id, frozenset(row.tags or ()), own))
    return stories


def _dated(session: Session, today: dt.date, ahead: int, languages: Sequence[str]) -> list[Dated]:
    found: list[Dated] = []
    last = today + dt.timedelta(days=ahead)
    seen: set[tuple[dt.date, str]] = set()
    events = session.scalars(
        select(Event)
        .where(Event.starts_on >= today, Event.starts_on <= last)
        .order_by(Event.starts_on, Event.id)
    )
    for event in events:
        assert event.starts_on is not None
        default = event.name.get("en") or next(iter(event.name.values()), event.id)
        key = (event.starts_on, default)
        if key in seen:  # the same event from the calendar and from the seed files
            continue
        seen.add(key)
        place = f", {event.city}" if event.city else ""
        lines = {
            language: f"{format_day(event.starts_on, language)} · "
            f"{event.name.get(language) or default}{place}"
            for language in languages
        }
        found.append(Dated(event.starts_on, lines, frozenset(event.topics or ()), "events"))
    steps = session.scalars(
        select(AwardStep)
        .join(Award)
        .where(AwardStep.step.like("call%"), AwardStep.starts_on <= today)
        .where(AwardStep.ends_on >= today)
        .order_by(AwardStep.ends_on)
    )
    for step in steps:
        assert step.ends_on is not None
        award = step.award
        lines = {}
        for language in languages:
            name = award.name.get(language) or award.name.get("en") or award.id
            closes = words(language)["closes"].format(date=format_day(step.ends_on, language))
            lines[language] = f"{name} ({closes})"
        found.append(Dated(step.ends_on, lines, frozenset(), "calls"))
    return found


def _wants(topics: frozenset[str], tags: frozenset[str]) -> bool:
    return not topics or not tags.isdisjoint(topics)


# Babel's locale lookups dominate a pass over thousands of members: the same few
# words are asked for again and again, so each is worked out once.
_day = cache(format_day)
_label = cache(topic_label)
_count = cache(count_words)


def digest_text(
    member: Member,
    language: str,
    period: str,
    issued_on: dt.date,
    stories: Sequence[Story],
    dated: Sequence[Dated],
    prefs_url: str | None,
) -> list[list[str]]:
    """The digest as blocks of lines (a block is never split between messages)."""
    w = words(language)
    topics = frozenset(member.topics or ())
    matching = [s for s in stories if language in s.versions and _wants(topics, s.tags)]
    head = [f"{w[period]} · {_day(issued_on, language)}"]
    blocks: list[list[str]] = [head]
    if not matching:
        return []
    head.append(_count(len(matching), language))
    groups: dict[str, list[Story]] = {}
    for story in matching[:MAX_ENTRIES]:
        chosen = [t for t in sorted(story.tags) if t in topics] or sorted(story.tags)
        label = _label(chosen[0], language) if chosen else "·"
        groups.setdefault(label, []).append(story)
    for label, group in groups.items():
        block = [f"{label} ({len(group)})"]
        for story in group:
            title, link = story.versions[language]
            block.append(f"- {title}" + (f" {link}" if link else ""))
        blocks.append(block)
    if len(matching) > MAX_ENTRIES:
        blocks.append([w["more"].format(count=len(matching) - MAX_ENTRIES)])
    for kind in ("events", "calls"):
        lines = [
            f"- {d.lines[language]}"
            for d in dated
            if d.kind == kind and language in d.lines and (not d.topics or _wants(topics, d.topics))
        ]
        if lines:
            blocks.append([w[kind], *lines])
    if prefs_url:
        blocks.append([w["prefs"].format(url=prefs_url)])
    return blocks


def split_messages(blocks: Sequence[Sequence[str]], limit: int, language: str) -> list[str]:
    """Blocks packed into messages within ``limit`` UTF-16 units, numbered when more than one.

    A block longer than a message on its own is split between its lines; a line
    longer than that (never from a sanitised title and link) is cut.
    """
    room = max(limit - 40, 200)  # the "part n of m" line
    pieces: list[str] = []
    for block in blocks:
        text = "\n".join(block)
        if utf16_length(text) <= room:
            pieces.append(text)
        else:
            pieces.extend(line[: room // 2] for line in block)
    messages: list[str] = []
    current = ""
    for piece in pieces:
        joined = f"{current}\n\n{piece}" if current else piece
        if utf16_length(joined) <= room:
            current = joined
        else:
            messages.append(current)
            current = piece
    if current:
        messages.append(current)
    if len(messages) > 1:
        part = words(language)["part"]
        total = len(messages)
        messages = [f"{m}\n\n({part.format(n=n, total=total)})" for n, m in enumerate(messages, 1)]
    return messages


def dedup_key(member_id: int, period_key: str, part: int) -> str:
    return f"digest:{member_id}:{period_key}:{part}"


def run_digests(
    session: Session,
    settings: Settings,
    schedule: ScheduleSettings,
    now: dt.datetime,
    *,
    text_limits: Mapping[str, int] | None = None,
    period_window: tuple[dt.datetime, dt.datetime, str] | None = None,
) -> DigestRun:
    """Queue every member's digest of ``schedule.period`` in the caller's transaction.

    ``period_window`` (since, until, key) replaces the schedule's last period (``hub demo``
    sends the week so far).
    """
    limits = text_limits or {}
    since, until, key = period_window or window(schedule, now, settings.hub.timezone)
    run = DigestRun(schedule.period, key)
    members = list(
        session.scalars(
            select(Member)
            .where(Member.digest == schedule.period, Member.erased_at.is_(None))
            .order_by(Member.id)
        )
    )
    run.members = len(members)
    if not members:
        return run
    zone = ZoneInfo(schedule.timezone or settings.hub.timezone)
    issued_on = until.astimezone(zone).date()
    stories = _stories(session, since, until)
    dated = _dated(session, issued_on, AHEAD[schedule.period], settings.hub.languages)
    channels = _reply_channels(session)
    queued_before = set(
        session.scalars(
            select(Delivery.dedup_key).where(
                Delivery.dedup_key.startswith("digest:", autoescape=True),
                Delivery.dedup_key.endswith(f":{key}:1", autoescape=True),
            )
        )
    )
    rows: list[dict[str, Any]] = []
    for member in members:
        if dedup_key(member.id, key, 1) in queued_before:
            run.already += 1
            continue
        to = address_member(
            member,
            platform=None,
            reply_to=None,
            language=member.language,
            languages=settings.hub.languages,
        )
        chat = [p for p in (member.channels or CHAT_PLATFORMS) if p in CHAT_PLATFORMS]
        if not chat and member.channels is not None and "email" in member.channels:
            run.by_newsletter += 1
            continue
        if not to.reachable or to.platform not in channels:
            run.unreachable += 1
            continue
        assert to.platform is not None
        blocks = digest_text(
            member,
            to.language,
            schedule.period,
            issued_on,
            stories,
            dated,
            preferences_url(settings, member.id, now),
        )
        if not blocks:
            run.nothing_new += 1
            continue
        limit = limits.get(to.platform, DEFAULT_TEXT_LIMIT)
        messages = split_messages(blocks, limit, to.language)
        channel_id = channels[to.platform]
        for part, text in enumerate(messages, 1):
            rows.append(
                {
                    "channel_id": channel_id,
                    "kind": DeliveryKind.REPLY,
                    "dedup_key": dedup_key(member.id, key, part),
                    "payload": {
                        "title": "",
                        "text": text,
                        "language": to.language,
                        "extra": {
                            "reply_to": to.reply_to,
                            "platform": to.platform,
                            "digest": key,
                            "member_id": member.id,
                        },
                    },
                    "mode": "immediate",
                    "status": DeliveryStatus.PENDING,
                    "attempts": 0,
                    "max_attempts": DEFAULT_MAX_ATTEMPTS,
                    "due_at": now,
                    "created_at": now,
                }
            )
        run.queued += 1
        run.messages += len(messages)
    insert_ignoring_duplicates(session, rows, ["dedup_key"])
    if rows:
        notify(session.connection())
    run.parts = rows
    log.info("digests %s: %s", key, run.outcome)
    return run


def _reply_channels(session: Session) -> dict[str, int]:
    """Platform -> the channel id replies go through (``<platform>_assistant``, else the
    first enabled channel of the platform), as :func:`hub.core.assistant.store.reply_channel`."""
    rows = session.execute(
        select(Channel.id, Channel.key, Channel.platform)
        .where(Channel.enabled.is_(True))
        .order_by(Channel.id)
    ).all()
    chosen: dict[str, int] = {}
    for channel_id, key, platform in rows:
        if platform not in chosen or key == f"{platform}_assistant":
            chosen[platform] = channel_id
    return chosen
