"""A reply as an e-mail (pure): addressed, threaded, in the member's language, loop-safe."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bots.email.format import MAX_REFERENCES, email_for, reply_subject
from hub.core.errors import BadPayload
from hub.core.ports import ChannelInfo, Message

CHANNEL = ChannelInfo("email_replies", "email", "IOPD <secretariat@oidp.example>")


def reply(text: str = "La cuota es...", **extra: Any) -> Message:
    base = {"reply_to": "ana@cascais.example", "subject": "Cuota"}
    return Message(delivery_id=42, kind="reply", title="", text=text, language="es",
                   extra={**base, **extra})  # fmt: skip


@pytest.mark.parametrize(
    ("subject", "shown"),
    [
        ("Cuota", "Re: Cuota"),
        ("Re: Cuota", "Re: Cuota"),
        ("RE: re:Cuota", "Re: Cuota"),
        ("", "Re:"),
    ],
)
def test_the_subject_is_answered_once(subject: str, shown: str) -> None:
    assert reply_subject(subject) == shown


def test_a_reply_is_threaded_addressed_and_in_the_language() -> None:
    mail = email_for(
        reply(in_reply_to="<q@cascais.example>", references="<a@x> <q@cascais.example>"),
        CHANNEL,
        date=dt.datetime(2030, 5, 1, 10, tzinfo=dt.UTC),
    )
    assert mail["To"] == "ana@cascais.example"
    assert mail["From"] == "IOPD <secretariat@oidp.example>"
    assert mail["Subject"] == "Re: Cuota"
    assert mail["In-Reply-To"] == "<q@cascais.example>"
    assert mail["References"] == "<a@x> <q@cascais.example>"
    assert mail["Message-ID"] == "<hub.reply.42@oidp.example>"
    assert mail["Content-Language"] == "es"
    assert mail["Auto-Submitted"] is None
    assert mail.get_content().strip() == "La cuota es..."


def test_the_assistants_answers_say_they_are_automatic() -> None:
    assert email_for(reply(automatic=True), CHANNEL)["Auto-Submitted"] == "auto-replied"


def test_a_long_thread_keeps_its_first_and_last_references() -> None:
    chain = " ".join(f"<m{n}@x.example>" for n in range(50))
    kept = email_for(reply(in_reply_to="<m49@x.example>", references=chain), CHANNEL)
    ids = kept["References"].split()
    assert len(ids) == MAX_REFERENCES and ids[0] == "<m0@x.example>"
    assert ids[-1] == "<m49@x.example>"


@pytest.mark.parametrize(
    ("message", "why"),
    [
        (reply(reply_to=""), "no e-mail address"),
        (reply(reply_to="ana@x.example\r\nBcc: all@x.example"), "no e-mail address"),
        (Message(delivery_id=1, kind="item", title="News"), "not 'item'"),
    ],
)
def test_what_cannot_be_sent_is_refused(message: Message, why: str) -> None:
    with pytest.raises(BadPayload, match=why):
        email_for(message, CHANNEL)
