"""Replies go to the member's own chat: formatters and sink budgets (pure, table-driven)."""

from __future__ import annotations

from typing import Any

import pytest

from bots.slack.format import APPROVE_ACTION, DECLINE_ACTION, EDIT_ACTION
from bots.slack.format import requests_for as slack_requests
from bots.slack.sink import SlackSink
from bots.telegram.format import requests_for as telegram_requests
from bots.telegram.sink import CHAT_JITTER_SECONDS, TelegramSink
from hub.core.ports import ChannelInfo, Message

SLACK = ChannelInfo(key="slack_assistant", platform="slack", target="C0ASSIST")
TELEGRAM = ChannelInfo(key="tg", platform="telegram", target="-1001", thread_id=7)


def message(kind: str = "reply", **extra: Any) -> Message:
    return Message(delivery_id=1, kind=kind, title="", text="La próxima conferencia…", extra=extra)


@pytest.mark.parametrize(
    ("msg", "channel", "thread_ts"),
    [
        (message(reply_to="D0MEMBER"), "D0MEMBER", None),
        (message(reply_to="C0GENERAL:1578657600.000200"), "C0GENERAL", "1578657600.000200"),
        (message(to="U0OWNER"), "U0OWNER", None),  # the feed owners' notices
        (message(), "C0ASSIST", None),  # no address: the channel's target
        (message(reply_to=""), "C0ASSIST", None),
        (message("item", reply_to="D0MEMBER"), "C0ASSIST", None),  # only replies are redirected
        (message("alert", reply_to="D0MEMBER"), "C0ASSIST", None),
    ],
)
def test_slack_replies_go_to_the_members_conversation_and_thread(
    msg: Message, channel: str, thread_ts: str | None
) -> None:
    [request] = slack_requests(msg, SLACK)
    assert request.body["channel"] == channel
    assert request.body.get("thread_ts") == thread_ts
    sink = SlackSink(SLACK, "xoxb-test")
    [limit] = sink.rate_limits(msg)
    assert limit.key.endswith(f":channel:{channel}")


def test_a_slack_reply_without_title_notifies_with_its_text() -> None:
    [request] = slack_requests(message(reply_to="D1"), SLACK)
    assert request.body["text"].startswith("La próxima conferencia")


@pytest.mark.parametrize(
    ("msg", "chat", "thread"),
    [
        (message(reply_to="555001"), 555001, None),  # a private chat, not the forum topic
        (message(to="555002"), 555002, None),
        (message(reply_to="-100999"), -100999, None),
        (message(), -1001, 7),
        (message("item", reply_to="555001"), -1001, 7),
    ],
)
def test_telegram_replies_go_to_the_members_chat(
    msg: Message, chat: int, thread: int | None
) -> None:
    [request] = telegram_requests(msg, TELEGRAM)
    assert request.body["chat_id"] == chat
    assert request.body.get("message_thread_id") == thread
    limits = TelegramSink(TELEGRAM, "123:abc").rate_limits(msg)
    assert limits[-1].key.endswith(f":chat:{chat}")
    private = chat > 0
    paced = 1 / (1 + CHAT_JITTER_SECONDS)  # Telegram's one a second, with room for jitter
    assert limits[-1].rate == pytest.approx(paced if private else 20 / 60)


def test_a_moderation_alert_carries_approve_decline_and_edit_buttons() -> None:
    alert = Message(
        delivery_id=2,
        kind="alert",
        title="Submission #42",
        text="body",
        extra={"moderate_item": 42},
    )
    [request] = slack_requests(alert, SLACK)
    [actions] = [b for b in request.body["blocks"] if b["type"] == "actions"]
    assert [(e["action_id"], e["value"]) for e in actions["elements"]] == [
        (APPROVE_ACTION, "42"),
        (DECLINE_ACTION, "42"),
        (EDIT_ACTION, "42"),
    ]
    plain = Message(delivery_id=3, kind="alert", title="Feed failing", text="body")
    [request] = slack_requests(plain, SLACK)
    assert all(b["type"] != "actions" for b in request.body["blocks"])
