"""The test suite's secrets, in one place: the values no test output may ever contain.

A test that puts a secret into a configuration or an environment on purpose
(to prove it is used, or never shown) takes its value from here, so that
:mod:`secret_guard` can search the whole session's output for it. The
console's test helpers (:data:`hub.web.testing.TEST_SECRET_KEY`) cannot
import the tests, so they hold a copy of ``CONSOLE_TEST_KEY``, and
``tests/unit/test_secret_guard.py`` checks that the two stay equal (this
module imports nothing from the hub: the plugin loads it in every session).

Each value is long and distinctive, so finding one in output is a leak, not
a coincidence; :data:`FRAGMENTS` catch a value that was cut or re-encoded.
"""

from __future__ import annotations

SECRETS = {
    "SLACK_BOT_TOKEN": "xoxb-111111111111-222222222222-SeCrEtSlAcKtOkEn01",
    "SLACK_SIGNING_SECRET": "5f2b0d9e8c7a6b5f4e3d2c1b0a9f8e7d",
    "TELEGRAM_BOT_TOKEN": "7654321:AAFsEcReTtElEgRaMtOkEnAbCdEfGh123",
    "TELEGRAM_WEBHOOK_SECRET": "tg-webhook-SeCrEt-0123456789",
    "MAILCHIMP_API_KEY": "0123456789abcdef0123456789abcdef-us21",
    "MASTODON_TOKEN": "mastodon-SeCrEt-token-ABCDEFGHIJ",
    "BLUESKY_APP_PASSWORD": "abcd-efgh-ijkl-mnop",
    "DISCORD_WEBHOOK_TOKEN": "discord-SeCrEt-webhook-token-0123456789",
    "WEBHOOK_SIGNING_SECRET": "webhook-SeCrEt-signing-key-0123456789",
    "MATRIX_ACCESS_TOKEN": "syt_matrix-SeCrEt-access-token-0123456789",
    "TEAMS_WEBHOOK_URL": "https://iopd.webhook.office.com/webhookb2/SeCrEt-0123456789",
    "APPRISE_URL": "ntfys://tk_SeCrEt0123456789@ntfy.sh/iopd-news",
    "HUB_SECRET_KEY": "hub-console-SeCrEt-key-0123456789abcdef0123456789",
}
"""Secrets a test may hand to the hub as environment variables, by their variable's name."""

CONSOLE_TEST_KEY = "test-secret-key-for-the-console-0123456789"
"""The console's signing key in tests (``hub.web.testing.TEST_SECRET_KEY``)."""

TEST_SECRETS = {**SECRETS, "HUB_SECRET_KEY (console tests)": CONSOLE_TEST_KEY}
"""Every secret of the suite, by a name that may be shown (the value never is)."""

FRAGMENTS = ["SeCrEt", "AAFsEcRe", "5f2b0d9e8c7a6b5f", "0123456789abcdef0123456789abcdef"]
"""Pieces that identify a secret above even when it was cut or re-encoded."""


def leaks(text: str) -> list[str]:
    """The names of the secrets (and the fragments) found in ``text``; empty when none is."""
    found = [name for name, value in TEST_SECRETS.items() if value in text]
    return found + [
        f"a fragment of a secret ({fragment[:3]}…)" for fragment in FRAGMENTS if fragment in text
    ]
