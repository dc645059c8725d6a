"""Logs: secrets and e-mail addresses never reach a line; ids ride on every line about them."""

from __future__ import annotations

import io
import json
import logging

import pytest

from hub.core.logs import configure_logging, log_context, redact

SLACK_BOT = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx"
SLACK_USER = "xoxp-1111-2222-3333-abcdef0123456789"
TELEGRAM = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_"
MAILCHIMP = "0123456789abcdef0123456789abcdef-us21"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"posting with token {SLACK_BOT}", SLACK_BOT),
        (f"user token={SLACK_USER}&x=1", SLACK_USER),
        (f"POST https://api.telegram.org/bot{TELEGRAM}/sendMessage", TELEGRAM),
        (f"mailchimp key {MAILCHIMP} rejected", MAILCHIMP),
        ("Authorization: Bearer abc.DEF-ghi_jkl~mno+pqr/stu=", "abc.DEF-ghi_jkl~mno+pqr/stu="),
        ("postgresql://hub:s3cr3t-pw@db.internal:5432/hub", "s3cr3t-pw"),
        ("connect https://user:pa55word@example.org/path", "pa55word"),
        ("member ana.garcia+iopd@ajuntament.barcelona.cat asked", "ana.garcia+iopd@"),
        ("contact: JOAO@Prefeitura.SP.gov.br", "JOAO@Prefeitura"),
        ("?password=hunter22&user=x", "hunter22"),
    ],
)
def test_redact_masks_tokens_keys_passwords_and_addresses(text, secret):
    masked = redact(text)
    assert secret not in masked
    assert masked != text


def test_redact_keeps_ordinary_text():
    text = "sent delivery 12 to #general at 2026-11-22 09:00:00 (3 items, 4096 chars)"
    assert redact(text) == text


def test_literal_secrets_are_masked_wherever_they_appear():
    assert redact("the token is plainword123", secrets=["plainword123"]) == "the token is ***"


def lines_of(stream: io.StringIO) -> list[str]:
    return [line for line in stream.getvalue().splitlines() if line.strip()]


@pytest.fixture
def restore_root():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    from hub.core.logs import _installed

    for handler in _installed:
        root.removeHandler(handler)
    _installed.clear()
    for handler in handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    root.setLevel(level)


def test_json_lines_carry_ids_and_are_redacted(restore_root):
    stream = io.StringIO()
    configure_logging({"HUB_LOG_FORMAT": "json"}, stream=stream, secrets=["very-secret-env"])
    log = logging.getLogger("hub.test")
    log.info("sent with %s", SLACK_BOT, extra={"delivery": 12, "channel": "slack_general"})
    with log_context(item=7, channel="telegram_fr"):
        log.warning("failed for %s using very-secret-env", "someone@example.org")
        try:
            raise RuntimeError(f"boom {TELEGRAM}")
        except RuntimeError:
            log.exception("crashed", extra={"delivery_id": 99})
    log.info("no ids here")
    entries = [json.loads(line) for line in lines_of(stream)]
    assert entries[0]["delivery"] == 12 and entries[0]["channel"] == "slack_general"
    assert entries[0]["msg"] == "sent with xox*-***"
    assert entries[1] == {**entries[1], "item": 7, "channel": "telegram_fr", "level": "warning"}
    assert (
        "someone@example.org" not in entries[1]["msg"]
        and "very-secret-env" not in entries[1]["msg"]
    )
    assert entries[2]["delivery"] == 99 and entries[2]["item"] == 7
    assert TELEGRAM not in entries[2]["exc"] and "RuntimeError" in entries[2]["exc"]
    assert "item" not in entries[3] and "delivery" not in entries[3]
    assert TELEGRAM not in stream.getvalue() and SLACK_BOT not in stream.getvalue()


def test_text_lines_are_readable_with_ids(restore_root):
    stream = io.StringIO()
    configure_logging({}, stream=stream)
    logging.getLogger("hub.test").info(
        "queued for %s", "member@example.org", extra={"item": 3, "channel": "weekly"}
    )
    (line,) = lines_of(stream)
    assert line.endswith("INFO hub.test queued for [email] [item=3 channel=weekly]")


def test_configuring_twice_keeps_one_handler(restore_root):
    stream = io.StringIO()
    configure_logging({}, stream=stream)
    configure_logging({}, stream=stream)
    logging.getLogger("hub.test").info("once")
    assert len(lines_of(stream)) == 1


@pytest.mark.parametrize(
    ("template", "args", "ids"),
    [
        ("delivery %d: sink raised %r", (12, ValueError("x")), {"delivery": 12}),
        ("sent item %s to channel %s (100%% done)", (7, "slack"), {"item": 7, "channel": "slack"}),
        ("took back %d deliveries whose lease expired", (3,), {}),
        ("reminder %s not sent: %s", (4, "no channel"), {}),
    ],
)
def test_ids_named_in_the_message_template_are_found(template, args, ids):
    from hub.core.logs import ids_of

    record = logging.LogRecord("hub.x", logging.INFO, __file__, 1, template, args, None)
    assert ids_of(record) == ids


def test_extra_wins_over_the_template():
    from hub.core.logs import ids_of

    record = logging.LogRecord("hub.x", logging.INFO, __file__, 1, "delivery %d", (1,), None)
    record.delivery = 2
    assert ids_of(record) == {"delivery": 2}
