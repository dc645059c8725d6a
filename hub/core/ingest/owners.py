"""Telling a feed's owner, once, that their feed fails, and once that it works again.

The notice is a ``reply`` delivery in the outbox (so it is retried like any
message), addressed to the member on the platform they use: the first
enabled channel of that platform carries it, with the member's id in
``payload["extra"]["reply_to"]`` for the sink to open a direct message (as
the assistant's answers do). When no
channel of the member's platform is configured, the notice goes to the
secretariat's channel instead, asking a person to pass it on. The dedup key
names the source, the state and the moment of the change, so a change is
queued exactly once even if the poller's transaction is replayed.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from sqlalchemy.orm import Session

from hub.core.config.settings import Settings
from hub.core.members.addressing import address_member
from hub.core.models import Delivery, Member, Source

State = Literal["failing", "recovered"]

_TEXTS: dict[str, dict[State, str]] = {
    "en": {
        "failing": "Your feed “{title}” cannot be read: {reason}. We will keep trying.",
        "recovered": "Your feed “{title}” can be read again. Thank you!",
    },
    "es": {
        "failing": "No podemos leer tu feed «{title}»: {reason}. Seguiremos intentándolo.",
        "recovered": "Ya podemos volver a leer tu feed «{title}». ¡Gracias!",
    },
    "fr": {
        "failing": "Votre flux « {title} » est illisible : {reason}. Nous réessaierons.",
        "recovered": "Votre flux « {title} » est de nouveau lisible. Merci !",
    },
    "ca": {
        "failing": "No podem llegir el vostre feed «{title}»: {reason}. Ho continuarem provant.",
        "recovered": "Ja podem tornar a llegir el vostre feed «{title}». Gràcies!",
    },
    "pt": {
        "failing": "Não conseguimos ler o seu feed “{title}”: {reason}. Vamos continuar a tentar.",
        "recovered": "O seu feed “{title}” voltou a poder ser lido. Obrigado!",
    },
}


def _address(member: Member) -> tuple[str | None, str | None]:
    """The member's chat on the platform they chose (see :mod:`hub.core.members.addressing`)."""
    to = address_member(member, platform=None, reply_to=None, language=member.language)
    return (to.platform, to.reply_to) if to.reachable else (to.platform, None)


def tell_owner(
    session: Session,
    source: Source,
    *,
    state: State,
    reason: str | None,
    settings: Settings | None,
    now: dt.datetime,
) -> Delivery | None:
    """Queue the notice of ``state`` for the owner of ``source``; None if nobody can carry it."""
    if source.member_id is None or settings is None:
        return None
    member = session.get(Member, source.member_id)
    if member is None or member.erased_at is not None:
        return None
    from hub.core.bus.outbox import enqueue

    language = member.language if member.language in _TEXTS else "en"
    title = source.title or source.key
    text = _TEXTS[language][state].format(title=title, reason=reason or "")
    platform, to = _address(member)
    channel_key = next(
        (
            key
            for key, channel in settings.channels.items()
            if channel.enabled and channel.platform == platform
        ),
        None,
    )
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S")
    dedup = f"feed-owner:{source.key}:{state}:{stamp}"
    if channel_key and to:
        extra = {"reply_to": to, "platform": platform}
        payload = {"title": title, "text": text, "language": language, "extra": extra}
    elif settings.hub.secretariat_channel:
        channel_key = settings.hub.secretariat_channel
        who = member.contact_name or member.organisation
        payload = {
            "title": f"Please tell {who}: feed {state}",
            "text": f"{who} ({member.organisation}) has no reachable chat account. "
            f"Please pass this on: {text}",
            "language": "en",
        }
    else:
        return None
    return enqueue(
        session, channel_key=channel_key, kind="reply", payload=payload, dedup_key=dedup, now=now
    )
