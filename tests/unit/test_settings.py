"""The configuration loader: every problem names the file, the key and the line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hub.core.config.settings import load_settings, missing_secrets, require_secrets
from hub.core.config.tomllines import key_lines
from hub.core.errors import ConfigError

EXAMPLE = Path(__file__).parents[2] / "config" / "hub.toml"
SECRETS = {"SLACK_BOT_TOKEN": "xoxb-test", "TELEGRAM_BOT_TOKEN": "1:test"}
PLATFORMS = {"slack", "telegram", "mastodon", "bluesky", "mailchimp"}


def problems_of(path: Path, environ: dict[str, str] | None = None) -> list:
    with pytest.raises(ConfigError) as caught:
        load_settings(path, SECRETS if environ is None else environ, platforms=PLATFORMS)
    return caught.value.problems


def edited_copy(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of the example config with one edit, and the line the edit is on."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text, old
    copy = tmp_path / "hub.toml"
    copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    return copy, line


def test_the_example_deployment_is_valid() -> None:
    settings = load_settings(EXAMPLE, SECRETS, platforms=PLATFORMS)
    assert settings.hub.languages == ["en", "es", "fr", "ca", "pt"]
    assert {"website_news", "website_events"} <= set(settings.sources)
    assert settings.channels["telegram_africa_fr"].language == "fr"
    assert settings.secret("slack_news") == "xoxb-test"
    assert all(name in settings.channels for route in settings.routes for name in route.to)


@pytest.mark.parametrize(
    ("old", "new", "key", "words"),
    [
        (
            'token_env = "SLACK_BOT_TOKEN"',
            'tokn_env = "SLACK_BOT_TOKEN"',
            "channels.slack_news.tokn_env",
            "did you mean 'token_env'",
        ),
        (
            "interval_minutes = 15",
            "intervall_minutes = 15",
            "sources.website_news.intervall_minutes",
            "unknown key",
        ),
        (
            "interval_minutes = 15",
            'interval_minutes = "often"',
            "sources.website_news.interval_minutes",
            "integer",
        ),
        (
            'to = ["slack_news"]',
            'to = ["slack_newz"]',
            "routes[0].to",
            "no channel named 'slack_newz' (did you mean 'slack_news'?)",
        ),
        (
            'match = { sources = ["website_news", "website_news_es", "console"] }',
            'match = { source = ["website_news"] }',
            "routes[0].match.source",
            "unknown key",
        ),
        (
            'timezone = "Europe/Madrid"',
            'timezone = "Europe/Barcelona"',
            "hub.timezone",
            "unknown time zone",
        ),
        ('weekday = "mon"', 'weekday = "monday"', "schedules.weekly_roundup.weekday", "'mon'"),
    ],
)
def test_a_wrong_key_or_value_is_named_with_its_line(
    tmp_path: Path, old: str, new: str, key: str, words: str
) -> None:
    copy, line = edited_copy(tmp_path, old, new)
    [problem] = problems_of(copy)
    assert (problem.file, problem.key, problem.line) == (str(copy), key, line)
    assert words in problem.message
    assert str(problem).startswith(f"{copy}:{line} [{key}]: ")


def test_a_missing_secret_is_no_problem_for_reading_the_file(tmp_path: Path) -> None:
    settings = load_settings(EXAMPLE, {}, platforms={"slack", "telegram", "mailchimp"})
    assert settings.channels["slack_news"].enabled
    assert settings.secret("slack_news") is None


def test_a_missing_secret_for_an_enabled_channel_is_an_error_where_it_sends(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "hub.toml"
    shutil.copy(EXAMPLE, copy)
    settings = load_settings(copy, {"SLACK_BOT_TOKEN": "xoxb-test"})
    with pytest.raises(ConfigError) as caught:
        require_secrets(settings)
    problems = caught.value.problems
    assert problems == missing_secrets(settings)
    assert all(problem.line for problem in problems)
    require_secrets(settings, ["slack_news"])  # only the channels that will send
    keys = {problem.key for problem in problems}
    assert keys == {
        f"channels.{name}.token_env"
        for name in ("telegram_africa_fr", "telegram_latam_es", "telegram_latam_pt")
    }
    assert all("TELEGRAM_BOT_TOKEN is not set" in problem.message for problem in problems)
    assert "1:test" not in " ".join(str(problem) for problem in problems)


def test_a_disabled_channel_needs_neither_secret_nor_installed_sink(tmp_path: Path) -> None:
    settings = load_settings(EXAMPLE, SECRETS, platforms={"slack", "telegram"})
    assert settings.channels["mastodon"].enabled is False


def test_an_enabled_channel_without_an_installed_sink_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(EXAMPLE, SECRETS, platforms={"slack"})
    assert {p.key for p in caught.value.problems} == {
        f"channels.{name}.platform"
        for name in ("telegram_africa_fr", "telegram_latam_es", "telegram_latam_pt")
    }


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    copy, _ = edited_copy(tmp_path, 'default_language = "en"', 'default_language = "EN"\nfoo = 1')
    assert {p.key for p in problems_of(copy)} == {"hub.foo", "hub.default_language"}
    copy, _ = edited_copy(tmp_path, 'channel = "slack_roundups"', 'channel = "slack_round"')
    text = copy.read_text().replace('to = ["slack_news"]', 'to = ["nowhere"]', 1)
    copy.write_text(text)
    assert {p.key for p in problems_of(copy)} == {
        "schedules.weekly_roundup.channel",
        "routes[0].to",
    }


def test_a_file_not_in_utf8_names_the_line_and_column(tmp_path: Path) -> None:
    # found by probing: a Latin-1 "é" was "cannot read the file: ... in position 12230"
    text = EXAMPLE.read_text(encoding="utf-8")
    old = 'title = "#iopd-news"'
    line = text[: text.index(old)].count("\n") + 1
    copy = tmp_path / "hub.toml"
    copy.write_bytes(text.replace(old, old + "  # caf\0", 1).encode().replace(b"\0", b"\xe9"))
    [problem] = problems_of(copy)
    assert (problem.line, problem.message) == (
        line,
        "not UTF-8: byte 0xe9 at column 28; save the file as UTF-8",
    )


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    copy, line = edited_copy(tmp_path, 'title = "#iopd-news"', 'title = "#iopd-news')
    [problem] = problems_of(copy)
    assert problem.line == line
    assert "invalid TOML" in problem.message


def test_a_missing_file_is_one_clear_problem(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "nowhere.toml")
    assert problem.message == "file not found"


def test_database_url_prefers_the_environment(tmp_path: Path) -> None:
    settings = load_settings(
        EXAMPLE, {**SECRETS, "HUB_DATABASE_URL": "postgresql://x/y"}, platforms=PLATFORMS
    )
    assert settings.database_url() == "postgresql://x/y"
    settings = load_settings(EXAMPLE, SECRETS, platforms=PLATFORMS)
    assert settings.database_url() == "sqlite:///data/hub.db"


@pytest.mark.parametrize(
    ("text", "path", "line"),
    [
        ("[a]\nx = 1\n[b.c]\ny = 2\n", ("b", "c", "y"), 4),
        ("[[r]]\nn = 1\n[[r]]\nn = 2\nm = { s = 1, t = 2 }\n", ("r", 1, "m", "t"), 5),
        ('k = """\n[not.a.table]\n"""\nz = 3\n', ("z",), 4),
        ('a.b = 1\n"q x" = 2\n', ("q x",), 2),
    ],
)
def test_key_lines_follow_tables_arrays_and_inline_tables(
    text: str, path: tuple, line: int
) -> None:
    assert key_lines(text)[path] == line


def enabled_mailbox(tmp_path: Path, old: str = "", new: str = "") -> Path:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "enabled = false                      # switch on once MAILBOX_PASSWORD", "enabled = true #"
    )
    assert old in text, old
    copy = tmp_path / "hub.toml"
    copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


def test_the_example_mailbox_is_valid_once_switched_on(tmp_path: Path) -> None:
    settings = load_settings(enabled_mailbox(tmp_path), {**SECRETS, "MAILBOX_PASSWORD": "pw"})
    mailbox = settings.sources["secretariat_mail"]
    assert (mailbox.kind, mailbox.enabled, mailbox.tls) == ("mailbox", True, "on")
    assert settings.source_secret("secretariat_mail") == "pw"
    assert settings.channels[mailbox.reply_channel or ""].platform == "email"


@pytest.mark.parametrize(
    ("old", "new", "key", "words"),
    [
        (
            'url = "imaps://imap.example.org"',
            'url = "https://imap.example.org"',
            "sources.secretariat_mail.url",
            'imaps://HOST" (TLS)',
        ),
        (
            'url = "imaps://imap.example.org"',
            'url = "imap://imap.example.org"\ntls = "off"',
            "sources.secretariat_mail.tls",
            "only for a server on this machine",
        ),
        (
            'reply_channel = "email_replies"',
            'reply_channel = "slack_news"',
            "sources.secretariat_mail.reply_channel",
            "is a slack channel, not an email one",
        ),
        (
            'password_env = "MAILBOX_PASSWORD"',
            'password_env = "mailbox password"',
            "sources.secretariat_mail.password_env",
            "should match pattern",
        ),
        (
            'username = "hub@oidp.net"\n',
            "",
            "sources.secretariat_mail.kind",
            "needs username",
        ),
    ],
)
def test_a_wrong_mailbox_is_reported_at_its_key(
    tmp_path: Path, old: str, new: str, key: str, words: str
) -> None:
    [problem] = problems_of(enabled_mailbox(tmp_path, old, new))
    assert problem.key == key and words in problem.message, problem
    assert problem.line is not None


def test_a_mailbox_without_an_email_channel_is_warned_about(tmp_path: Path) -> None:
    from hub.core.config.warnings import config_warnings

    settings = load_settings(enabled_mailbox(tmp_path), SECRETS)
    [warning] = [w for w in config_warnings(settings) if w.key.startswith("sources.secretariat")]
    assert warning.key == "sources.secretariat_mail.reply_channel"
    assert "questions sent to this mailbox are kept as news" in warning.message
    assert warning.line is not None
