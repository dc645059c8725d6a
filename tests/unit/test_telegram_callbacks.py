"""The hub's inline buttons: ``callback_data`` within Telegram's 64 bytes, read back only
for what the hub knows, and the Bot API requests a reply with buttons or a tap's answer
becomes (pure)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bots.telegram import callbacks
from bots.telegram.format import requests_for
from hub.core.ports import ChannelInfo, Message

CHANNEL = ChannelInfo("telegram_assistant", "telegram", "-100")
KNOWN = [("conference-20-abidjan", None), ("iopd-award-2020", "call_for_entries")]


@given(st.text(min_size=1, max_size=120), st.one_of(st.none(), st.text(max_size=40)))
def test_a_remind_button_fits_64_bytes_and_reads_back_as_its_record(
    record_id: str, step: str | None
) -> None:
    data = callbacks.remind_data(record_id, step)
    assert 1 <= len(data.encode("utf-8")) <= 64
    assert callbacks.read_remind(data, [*KNOWN, (record_id, step)]) == (record_id, step)


def test_a_long_record_id_is_written_as_a_digest_and_found_again() -> None:
    long_id = "work-plan-2014-priority-10-other-conferences-and-more-words-to-pass-64"
    data = callbacks.remind_data(long_id, None)
    assert data.startswith("rm#") and len(data) <= 64
    assert callbacks.read_remind(data, KNOWN) is None  # not a record the hub knows now
    assert callbacks.read_remind(data, [*KNOWN, (long_id, None)]) == (long_id, None)


@pytest.mark.parametrize(
    "data",
    ["rm:unknown", "rm:iopd-award-2020", "rm:iopd-award-2020|evaluation", "rm#00", "xx", ""],
)
def test_what_names_no_known_record_is_none(data: str) -> None:
    assert callbacks.read_remind(data, KNOWN) is None


@pytest.mark.parametrize(
    ("data", "read"),
    [("rc:12", 12), ("rc:0", None), ("rc:-1", None), ("rc:1x", None), ("rc:", None)],
)
def test_a_cancel_button_names_a_positive_reminder_id(data: str, read: int | None) -> None:
    assert callbacks.read_cancel(data) == read


def test_a_language_button_names_one_of_the_languages() -> None:
    languages = ("en", "es")
    assert callbacks.read_language(callbacks.language_data("es"), languages) == "es"
    assert callbacks.read_language("lang:xx", languages) is None
    assert callbacks.read_language("es", languages) is None


def reply(**extra: Any) -> Message:
    return Message(1, "reply", "", text="Hello", extra={"reply_to": "42", **extra})


def test_a_reply_with_buttons_carries_an_inline_keyboard() -> None:
    [request] = requests_for(reply(buttons=[[("Remind me", "rm:x")]]), CHANNEL)
    assert (request.path, request.body["chat_id"]) == ("/sendMessage", 42)
    assert request.body["reply_markup"] == {
        "inline_keyboard": [[{"text": "Remind me", "callback_data": "rm:x"}]]
    }


def test_a_tap_s_answer_is_answer_callback_query_with_at_most_200_characters() -> None:
    [request] = requests_for(reply(callback_query_id="99"), CHANNEL)
    assert request.path == "/answerCallbackQuery"
    assert request.body == {"callback_query_id": "99", "text": "Hello"}
    long = Message(1, "reply", "", text="word " * 100, extra={"callback_query_id": "9"})
    [request] = requests_for(long, CHANNEL)
    assert len(request.body["text"]) <= 200


def test_an_edit_of_the_keyboard_alone_is_edit_message_reply_markup() -> None:
    message = Message(1, "reply", "", edit_of="7", extra={"reply_to": "42", "markup_only": True})
    [request] = requests_for(message, CHANNEL)
    assert (request.path, request.body) == (
        "/editMessageReplyMarkup",
        {"chat_id": 42, "message_id": 7},  # no reply_markup: the keyboard goes
    )
