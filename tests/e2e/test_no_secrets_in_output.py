"""Known test secrets in the environment never appear in anything the hub prints or raises.

A representative slice: ``hub config check`` on a broken config (with a token
pasted into the file under a wrong key), ``hub demo --once`` in a real
process, a Slack send refused for a revoked token, Telegram sends that fail
(wrong token, nobody listening). Everything captured — stdout, stderr, log
lines through the hub's logging, exception messages and full tracebacks with
their causes — is searched for the secrets: zero hits. The secrets are the
suite's set (tests/known_secrets.py), which tests/secret_guard.py also looks
for in every test's captured output across the whole suite.
"""

from __future__ import annotations

import asyncio
import io
import logging
import os
import socket
import subprocess
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from known_secrets import SECRETS, leaks

from hub.core.logs import configure_logging
from hub.core.ports import ChannelInfo, Message

ROOT = Path(__file__).parents[2]


def environment() -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if not k.endswith("_TOKEN")}
    environ.pop("HUB_DATABASE_URL", None)
    return environ | SECRETS


def hub(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hub", *args],
        cwd=cwd,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=240,
        stdin=subprocess.DEVNULL,
    )


def test_config_check_on_a_broken_config_prints_no_secret(tmp_path: Path) -> None:
    text = (ROOT / "config" / "hub.toml").read_text(encoding="utf-8")
    token = SECRETS["SLACK_BOT_TOKEN"]
    broken = text.replace(
        "[hub]\n", f'[hub]\nslack_token = "{token}"\ndatabase_url = 12\n', 1
    ).replace('timezone = "Europe/Madrid"', 'timezone = "Mars/Olympus"')
    config = tmp_path / "hub.toml"
    config.write_text(broken, encoding="utf-8")
    result = hub("config", "check", str(config))
    assert result.returncode != 0
    assert "slack_token" in result.stdout + result.stderr  # the problem is reported...
    assert leaks(result.stdout + result.stderr) == []  # ...without echoing the value


def test_demo_prints_and_logs_no_secret(tmp_path: Path) -> None:
    result = hub("demo", "--once", "--data-dir", str(tmp_path / "demo"))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "items: 5 approved" in result.stdout  # the round trip ran
    assert leaks(result.stdout + result.stderr) == []


@pytest.fixture
def hub_log() -> Iterator[io.StringIO]:
    """The hub's own logging (as ``hub serve`` sets it up), at DEBUG, into a buffer."""
    stream = io.StringIO()
    root = logging.getLogger()
    level = root.level
    handler = configure_logging({}, level=logging.DEBUG, stream=stream)
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def failure_text(exc: BaseException) -> str:
    """What a failure can show anywhere: message, repr and the whole chained traceback."""
    return "\n".join([str(exc), repr(exc), "".join(traceback.format_exception(exc))])


def item() -> Message:
    return Message(delivery_id=7, kind="item", title="Conference", text="In Barcelona.")


def test_a_slack_send_refused_for_its_token_shows_no_secret(hub_log: io.StringIO) -> None:
    from bots.slack.sink import slack_sink
    from bots.slack.standin import SlackStandIn
    from hub.core.errors import Forbidden

    async def body() -> str:
        async with SlackStandIn(tokens=("xoxb-the-right-one",)) as standin:
            standin.add_channel("C0NEWS", "news")
            channel = ChannelInfo("slack", "slack", "C0NEWS", base_url=standin.url)
            sink = slack_sink(channel, SECRETS["SLACK_BOT_TOKEN"])
            try:
                await sink.send(item())
            except Forbidden as exc:
                logging.getLogger("hub.core.bus.worker").exception(
                    "delivery 7: sink raised %r", exc
                )
                return failure_text(exc)
            finally:
                await sink.close()
        raise AssertionError("the stand-in accepted a wrong token")

    shown = asyncio.run(body())
    assert "invalid_auth" in shown
    assert "sink raised" in hub_log.getvalue()  # the failure was logged, traceback and all
    assert leaks(shown) == [] and leaks(hub_log.getvalue()) == []


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_telegram_sink_errors_show_no_secret(hub_log: io.StringIO) -> None:
    from bots.telegram.sink import telegram_sink
    from bots.telegram.standin import TelegramStandIn
    from hub.core.errors import HubError

    async def body() -> list[str]:
        shown = []
        async with TelegramStandIn(("1:the-right-one",)) as standin:
            standin.add_chat(-100, type="channel", username="news")
            for base_url in (standin.url, f"http://127.0.0.1:{_closed_port()}"):
                channel = ChannelInfo("tg", "telegram", "-100", base_url=base_url)
                sink = telegram_sink(channel, SECRETS["TELEGRAM_BOT_TOKEN"])
                for send in (False, True):
                    try:
                        await (sink.send(item()) if send else sink.start())
                    except HubError as exc:
                        logging.getLogger("hub.core.bus.worker").exception("sink raised %r", exc)
                        shown.append(failure_text(exc))
                await sink.close()
        return shown

    shown = asyncio.run(body())
    assert len(shown) == 4
    assert [leaks(text) for text in shown] == [[]] * 4, shown
    assert hub_log.getvalue().count("sink raised") == 4
    assert leaks(hub_log.getvalue()) == []
