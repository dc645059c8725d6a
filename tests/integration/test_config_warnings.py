"""``hub config check`` warns about configurations that load but cannot work, each with the
file, the key and the line; the shipped configuration has only its two disabled social
accounts to warn about."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from hub.cli import _register, app
from hub.core.config.settings import load_settings
from hub.core.config.warnings import config_warnings

SHIPPED = Path(__file__).parents[2] / "config" / "hub.toml"
BROKEN = """[hub]
languages = ["en", "fr"]

[sources.website]
kind = "feed"
url = "https://oidp.example/news.rss"

[sources.partners]
kind = "feed"
url = "https://partners.example/news.rss"

[channels.news]
platform = "slack"
target = "C0NEWS"

[channels.africa]
platform = "telegram"
target = "@oidp_afrique"

[channels.mastodon]
platform = "mastodon"
target = "oidp"
enabled = false

[[routes]]
name = "Website news"
match = { sources = ["website"] }
to = ["news", "mastodon"]

[schedules.monthly_roundup_fr]
kind = "roundup"
channel = "africa"
period = "month"
day = 1
time = "10:00"

[schedules.reminders]
kind = "reminders"
period = "day"
time = "08:30"
"""


def test_each_configuration_that_cannot_work_is_a_warning_with_file_key_and_line(
    tmp_path: Path,
) -> None:
    config = tmp_path / "hub.toml"
    config.write_text(BROKEN, encoding="utf-8")
    warnings = config_warnings(load_settings(config, {}))
    found = {(w.key, w.line) for w in warnings}
    assert found == {
        ("sources.partners.kind", 9),  # no route takes its items
        ("routes[0].to", 28),  # the route sends to a disabled channel
        ("schedules.monthly_roundup_fr.channel", 32),  # a roundup on an immediate channel
        ("schedules.reminders.period", 39),  # fires once a day, before reminders are due
    }
    assert all(w.file == str(config) for w in warnings)
    texts = " ".join(w.message for w in warnings)
    assert "'mastodon', which is disabled" in texts
    assert "nothing is held for 'africa', an immediate channel" in texts
    assert 'use period = "minutes"' in texts

    _register()
    done = CliRunner().invoke(app, ["config", "check", str(config)])
    assert done.exit_code == 0, done.output  # warnings, not problems
    assert f"warning: {config}:32 [schedules.monthly_roundup_fr.channel]:" in done.output
    assert "4 warnings" in done.output


def test_a_digest_route_makes_the_roundup_work_and_the_shipped_file_warns_only_of_social(
    tmp_path: Path,
) -> None:
    fixed = BROKEN.replace(
        "[schedules.monthly_roundup_fr]",
        '[[routes]]\nname = "Africa monthly"\nmatch = { languages = ["fr"] }\n'
        'to = ["africa"]\nmode = "digest"\n\n[schedules.monthly_roundup_fr]',
    )
    config = tmp_path / "hub.toml"
    config.write_text(fixed, encoding="utf-8")
    keys = {w.key for w in config_warnings(load_settings(config, {}))}
    assert "schedules.monthly_roundup_fr.channel" not in keys
    shipped = config_warnings(load_settings(SHIPPED, {}))
    assert [w.message.split(",")[0] for w in shipped] == [
        "the route 'Awards and conferences on social media' sends to 'mastodon'",
        "the route 'Awards and conferences on social media' sends to 'bluesky'",
        "the route 'Awards and conferences on social media' sends to 'discord'",
        "the route 'Awards and conferences on social media' sends to 'webhook'",
        "the route 'Awards and conferences on social media' sends to 'matrix'",
        "the route 'Awards and conferences on social media' sends to 'teams'",
        "the route 'Awards and conferences on social media' sends to 'apprise'",
    ]


def test_only_reminders_run_every_few_minutes(tmp_path: Path) -> None:
    import pytest

    from hub.core.errors import ConfigError

    config = tmp_path / "hub.toml"
    config.write_text(
        '[hub]\nlanguages = ["en"]\n\n[schedules.digests]\nkind = "digests"\nperiod = "minutes"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as refused:
        load_settings(config, {})
    [problem] = refused.value.problems
    assert (problem.key, problem.line) == ("schedules.digests.period", 6)
    assert "only reminders run every few minutes" in problem.message


def test_thread_true_warns_where_no_channel_reads_it(tmp_path: Path) -> None:
    threaded = BROKEN.replace(
        "[schedules.monthly_roundup_fr]",
        '[[routes]]\nname = "Africa"\nto = ["africa", "news"]\nthread = true\n\n'
        '[[routes]]\nname = "Social"\nto = ["mastodon"]\nthread = true\n\n'
        "[schedules.monthly_roundup_fr]",
    )
    config = tmp_path / "hub.toml"
    config.write_text(threaded, encoding="utf-8")
    settings = load_settings(config, {})
    assert [r.thread for r in settings.routes] == [False, True, True]
    thread_warnings = [w for w in config_warnings(settings) if w.key.endswith(".thread")]
    assert [(w.key, w.line) for w in thread_warnings] == [("routes[1].thread", 33)]
    assert "only Mastodon and Bluesky channels read it" in thread_warnings[0].message
