"""A member's question from a chat, answered into that chat (platform-neutral).

The Slack and Telegram handlers call :func:`answer_into_chat` from the inbox
worker: the assistant answers, the question is stored (handed off to the
console's queue when the knowledge cannot answer it), and the answer is
queued as a ``reply`` delivery whose ``extra["reply_to"]`` is the member's
chat, so the sink posts it there. Everything happens in one transaction and
the reply's dedup key is the inbox event's, so processing an event twice
answers once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from hub.core.assistant.assistant import Answer, Assistant
from hub.core.assistant.store import ask_and_record, reply_channel
from hub.core.bus.outbox import enqueue
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Delivery, Member


@dataclass(frozen=True)
class ChatQuestion:
    """What a handler extracted from a platform event."""

    platform: str
    event_key: str
    text: str
    reply_to: str
    member_id: int | None = None
    lang: str | None = None


def find_member(engine: Engine, **column: object) -> Member | None:
    """The member whose platform id matches (``slack_user_id=...``, ``telegram_chat_id=...``)."""
    with transaction(engine) as session:
        query = select(Member).where(Member.erased_at.is_(None)).filter_by(**column)
        return session.scalars(query.limit(1)).first()


def answer_into_chat(
    engine: Engine,
    assistant: Assistant,
    settings: Settings,
    question: ChatQuestion,
    now: dt.datetime,
    *,
    extra_for: Callable[[Answer], Mapping[str, Any]] | None = None,
) -> Answer | None:
    """Answer and queue the reply; None when this event was answered already.

    ``extra_for`` gives what the platform adds to the reply's ``extra`` for this answer
    (Telegram: a "remind me" button under an answer about a dated record).
    """
    dedup = f"answer:{question.platform}:{question.event_key}"[:200]
    with transaction(engine) as session:
        if session.scalar(select(Delivery.id).where(Delivery.dedup_key == dedup)) is not None:
            return None
        member = session.get(Member, question.member_id) if question.member_id else None
        answer = ask_and_record(
            session,
            assistant,
            question.text,
            platform=question.platform,
            reply_to=question.reply_to,
            member_id=question.member_id,
            now=now,
            lang=question.lang,
            member=member,
            notify_channel=settings.hub.secretariat_channel,
            timezone=settings.hub.timezone,
        )
        enqueue(
            session,
            channel_key=reply_channel(session, question.platform),
            kind="reply",
            payload={
                "title": "",
                "text": answer.answer,
                "language": answer.language,
                "extra": {
                    "reply_to": question.reply_to,
                    "platform": question.platform,
                    "question_id": answer.question_id,
                    **(extra_for(answer) if extra_for is not None else {}),
                },
            },
            dedup_key=dedup,
            now=now,
        )
        return answer


def say_into_chat(
    engine: Engine,
    *,
    platform: str,
    reply_to: str,
    text: str,
    language: str,
    dedup_key: str,
    now: dt.datetime,
    extra: Mapping[str, Any] | None = None,
    edit_of: str | None = None,
) -> None:
    """Queue a short message (help, a form's next question) to a member's chat.

    ``extra`` adds what the platform's sink reads (Telegram: buttons, the callback query
    answered); ``edit_of`` makes it an edit of the bot's message with that id.
    """
    payload: dict[str, Any] = {
        "title": "",
        "text": text,
        "language": language,
        "extra": {"reply_to": reply_to, "platform": platform, **(extra or {})},
    }
    if edit_of is not None:
        payload["edit_of"] = edit_of
    with transaction(engine) as session:
        enqueue(
            session,
            channel_key=reply_channel(session, platform),
            kind="reply",
            payload=payload,
            dedup_key=dedup_key[:200],
            now=now,
        )
