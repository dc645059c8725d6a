"""The platforms' demo stand-ins, wired in ``hub.wiring.STANDINS`` and fed by the real sinks.

What ``hub demo`` and the console rely on: a prepared channel accepts the
stand-in's own secret, and ``posts()`` shows what arrived as a person would
see it (HTML that escapes member text).
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from hub.core.errors import BadPayload
from hub.core.ports import ChannelInfo, Message, ReceivedPost
from hub.wiring import SINKS, STANDINS

TARGETS = {
    "slack": "C0DEMO",
    "telegram": "@oidp_demo",
    "mastodon": "oidp",
    "bluesky": "oidp.net",
    "discord": "1234567890123456789",
    "webhook": "https://intranet.example.org/hooks/iopd",
    "matrix": "!iopdnews:standin.local",
}
SEND_ONLY = {"teams": "IOPD / News", "apprise": "ntfy: iopd-news"}
# PTB 22 warns about retry_after's future type while building RetryAfter.
pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")


def deliver(platform: str) -> list[ReceivedPost]:
    async def main() -> list[ReceivedPost]:
        standin = STANDINS[platform]()
        await standin.start()
        try:
            target = {**TARGETS, **SEND_ONLY}[platform]
            channel = ChannelInfo("demo", platform, target, "es", None, standin.url)
            standin.prepare(channel)
            sink = SINKS[platform](channel, standin.secret())
            await sink.start()
            message = Message(
                delivery_id=1,
                kind="item",
                title="Premio <OIDP> & más",
                html='<p>Abierto <a href="https://oidp.net/x">hasta marzo</a>.</p>',
                link="https://oidp.net/premio",
                language="es",
                tags=("premio",),
            )
            first = await sink.send(message)
            correction = replace(
                message,
                delivery_id=2,  # a correction is a delivery of its own
                title="Premio corregido",
                edit_of=first.platform_message_id,
            )
            if platform in SEND_ONLY:
                with pytest.raises(BadPayload, match="send-only"):
                    await sink.send(correction)
            else:
                await sink.send(correction)
            await sink.close()
            return standin.posts()
        finally:
            await standin.close()

    return asyncio.run(main())


@pytest.mark.parametrize("platform", sorted(TARGETS))
def test_a_sent_and_corrected_item_shows_in_the_standin(platform: str) -> None:
    [post] = deliver(platform)
    assert post.platform == platform
    assert post.edited and not post.deleted
    assert "Premio corregido" in post.text
    assert "hasta marzo" in post.html  # Slack's text is the notification fallback
    assert 'href="https://oidp.net/' in post.html
    assert "<OIDP>" not in post.html


@pytest.mark.parametrize("platform", sorted(SEND_ONLY))
def test_a_send_only_platform_shows_the_item_and_refuses_its_correction(platform: str) -> None:
    [post] = deliver(platform)
    assert post.platform == platform and not post.edited
    assert "Premio <OIDP> & más" in post.text and "Premio corregido" not in post.text
    assert "hasta marzo" in post.html and "<OIDP>" not in post.html


@pytest.mark.parametrize("platform", ["discord", "webhook", "matrix", "teams", "apprise"])
def test_the_consoles_standins_page_shows_them_without_their_secret(platform: str) -> None:
    from hub.web.standins import read_standin

    async def main() -> tuple[str, str]:
        standin = STANDINS[platform]()
        await standin.start()
        try:
            target = {**TARGETS, **SEND_ONLY}[platform]
            channel = ChannelInfo("demo", platform, target, "en", None, standin.url)
            standin.prepare(channel)
            sink = SINKS[platform](channel, standin.secret())
            await sink.send(
                Message(delivery_id=1, kind="item", title="Award", html="<p><b>Open</b> now</p>")
            )
            await sink.close()
            view = read_standin(platform, standin)
            return " ".join(str(m.body) for m in view.messages), " ".join(view.requests)
        finally:
            await standin.close()

    body, requests = asyncio.run(main())
    if platform == "apprise":  # notifications are plain text
        assert "<b>Award</b><br>Open now" in body
    else:
        assert "<b>Open</b> now" in body or "<strong>Open</strong> now" in body
    assert STANDINS[platform]().secret() not in body + requests
