"""Member submissions from the chat platforms, and what the member is told.

Shared by the Slack and Telegram handlers (platform-neutral: nothing here
imports a platform library):

- :func:`submit_from_chat` stores what a member sent as an item of the
  platform's submissions source (``slack_submissions``,
  ``telegram_submissions``), pending unless the source is trusted, and queues
  the moderation notice to the secretariat's channel (an ``alert`` whose
  ``extra["moderate_item"]`` makes the Slack formatter add Approve and
  Decline buttons);
- :func:`tell_submitter` queues "approved" or "declined" to the chat each
  origin of the item came from, in the member's language, once per outcome.
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bots.i18n import N_, say
from hub.core.assistant.store import reply_channel
from hub.core.bus.outbox import enqueue
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.errors import HubError
from hub.core.ingest.sanitise import clean_title, usable_base
from hub.core.members.addressing import Address, address_member
from hub.core.models import Item, ItemOrigin, Member, Source
from hub.core.moderation.submissions import SubmissionError, submission_candidate, submit

log = logging.getLogger(__name__)

TOLD = {
    "received": N_("Thank you! Your news “{title}” was received and waits for the secretariat."),
    "approved": N_("Your news “{title}” was approved and is being shared. Thank you!"),
    "declined": N_("Your news “{title}” was not published: {reason}"),
    "declined_quietly": N_("Your news “{title}” was not published."),
}
"""What a member is told about their news, in English; ``bots/locale`` holds the translations."""

REFUSED = {
    "closed": N_("news submissions are not open on this platform"),
    "title": N_("a submission needs a title"),
    "link": N_("the link must start with http:// or https://"),
}
"""Why a chat submission is refused, in English (the core's own checks say the same)."""


def told(kind: str, language: str | None, **values: str) -> str:
    """The sentence of ``kind`` in ``language`` (English when unknown)."""
    if kind == "declined" and not values.get("reason"):
        kind = "declined_quietly"  # no reason given: no colon left hanging
    return say(language, TOLD[kind], **values)


WEB_FORM = "web"
"""The platform of the members' web form: its origins keep the e-mail address given."""


def web_submitter(session: Session, email: str, language: str) -> Address | None:
    """Where the member who gave ``email`` on the web form follows the network, if known."""
    member = session.scalar(select(Member).where(func.lower(Member.email) == email.lower()))
    if member is None:
        return None
    return address_member(member, platform=None, reply_to=None, language=language)


def member_language(session: Session, member_id: int | None, fallback: str = "en") -> str:
    member = session.get(Member, member_id) if member_id is not None else None
    return member.language if member is not None and member.language else fallback


def submit_from_chat(
    session: Session,
    settings: Settings,
    *,
    source_key: str,
    platform: str,
    external_id: str,
    title: str,
    text: str,
    link: str | None,
    image_url: str | None,
    reply_to: str,
    member_id: int | None,
    now: dt.datetime,
    language: str | None = None,
) -> Item | None:
    """Store a member's submission; None when it merged into nothing new (a repeat).

    Raises :class:`SubmissionError` (say it to the member: it is in ``language``) for a
    closed source, a missing title or a link that is not a web address.
    """
    configured = settings.sources.get(source_key)
    if configured is None or not configured.enabled:
        raise SubmissionError(say(language, REFUSED["closed"]))
    if not clean_title(title):
        raise SubmissionError(say(language, REFUSED["title"]))
    if link and usable_base(link) is None:
        raise SubmissionError(say(language, REFUSED["link"]))
    source = session.scalar(select(Source).where(Source.key == source_key))
    if source is None:
        sync_config(session, settings)
        source = session.scalar(select(Source).where(Source.key == source_key))
    if source is None:
        raise HubError(f"source {source_key!r} missing after sync")
    candidate = submission_candidate(
        external_id=external_id,
        title=title,
        text=text,
        link=link or None,
        image_url=image_url or None,
        now=now,
        default_language=configured.language or settings.hub.default_language,
    )
    report = submit(
        session,
        source,
        candidate,
        platform=platform,
        reply_to=reply_to,
        member_id=member_id,
        settings=settings,
        now=now,
    )
    stored = report.created or report.merged
    item = stored[0] if stored else None
    if item is not None and item.status == "pending":
        queue_moderation_notice(session, settings, item, platform=platform, now=now)
    return item


def queue_moderation_notice(
    session: Session, settings: Settings, item: Item, *, platform: str, now: dt.datetime
) -> None:
    """The secretariat's message for a pending item, with the buttons (once per item)."""
    channel = settings.hub.secretariat_channel
    if not channel:
        return
    body = item.summary_text[:1500]
    if item.link:
        body += f"\n{item.link}"
    enqueue(
        session,
        channel_key=channel,
        kind="alert",
        payload={
            "title": f"Submission #{item.id} from {platform}: {item.title}"[:140],
            "text": body,
            "language": "en",
            "extra": {"moderate_item": item.id, "platform": platform},
        },
        dedup_key=f"moderate:{item.id}",
        now=now,
    )


def tell_submitter(
    session: Session, item: Item, outcome: str, *, now: dt.datetime, reason: str = ""
) -> int:
    """Queue ``approved`` or ``declined`` to every chat the item was submitted from.

    Returns how many notices were queued (an origin without a chat, or a
    platform without a channel, is skipped).
    """
    origins = session.scalars(
        select(ItemOrigin).where(ItemOrigin.item_id == item.id, ItemOrigin.reply_to.is_not(None))
    ).all()
    queued = 0
    for origin in origins:
        if not origin.platform or not origin.reply_to:
            continue
        platform, reply_to = origin.platform, origin.reply_to
        language = member_language(session, item.member_id, item.language or "en")
        if platform == WEB_FORM:
            # The web form keeps the address the member gave; the hub sends no e-mail of
            # its own, so a member it knows by that address is told on their chat platform.
            to = web_submitter(session, reply_to, language)
            if to is None or not to.reachable or to.platform is None or to.reply_to is None:
                log.info("item %s: the web-form submitter has no chat the hub knows", item.id)
                continue
            platform, reply_to, language = to.platform, to.reply_to, to.language
        try:
            channel_key = reply_channel(session, platform)
        except HubError as error:
            log.warning("item %s: member not told: %s", item.id, error)
            continue
        text = told(outcome, language, title=item.title, reason=reason or "")
        enqueue(
            session,
            channel_key=channel_key,
            kind="reply",
            payload={
                "title": "",
                "text": text,
                "language": language,
                "extra": {"reply_to": reply_to, "platform": platform},
            },
            dedup_key=f"told:{item.id}:{origin.id}:{outcome}",
            now=now,
        )
        queued += 1
    return queued
