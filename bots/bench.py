"""``python -m bots.bench``: what formatting and a stand-in round trip cost here.

Prints milliseconds per message for each formatter on a ~6 KB item and the
sequential sends per second through the real client libraries into the
Telegram, Slack, Discord, webhook, Matrix, Teams and Apprise stand-ins (their flood
limits lifted). Both numbers show
that neither the formatters nor the stand-ins come near the platforms' own
limits, which are the hub's real ceiling.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from bots.apprise.format import requests_for as apprise_requests
from bots.apprise.sink import AppriseSink
from bots.apprise.standin import AppriseJsonStandIn
from bots.bluesky.format import requests_for as bluesky_requests
from bots.discord.format import requests_for as discord_requests
from bots.discord.sink import DiscordSink
from bots.discord.standin import DiscordStandIn
from bots.limits import (
    DiscordLimits,
    MatrixLimits,
    SlackLimits,
    TeamsLimits,
    TelegramLimits,
    WebhookLimits,
)
from bots.mastodon.format import requests_for as mastodon_requests
from bots.matrix.format import requests_for as matrix_requests
from bots.matrix.sink import MatrixSink
from bots.matrix.standin import MatrixStandIn
from bots.slack.format import requests_for as slack_requests
from bots.slack.sink import SlackSink
from bots.slack.standin import SlackStandIn
from bots.teams.format import requests_for as teams_requests
from bots.teams.sink import TeamsSink
from bots.teams.standin import TeamsStandIn
from bots.telegram.format import requests_for as telegram_requests
from bots.telegram.sink import TelegramSink
from bots.telegram.standin import TelegramStandIn
from bots.webhook.format import requests_for as webhook_requests
from bots.webhook.sink import WebhookSink
from bots.webhook.standin import WebhookStandIn
from hub.core.ports import ChannelInfo, Message

PARAGRAPH = (
    "<p>Les villes <b>participatives</b> &amp; <a href='https://oidp.net/x'>l'OIDP</a>"
    " 🇪🇸 👨\u200d👩\u200d👧 é.</p>"
)
ITEM = Message(
    delivery_id=1,
    kind="item",
    title="Séminaire de l'OIDP à Dakar",
    html=PARAGRAPH * 60,
    link="https://oidp.net/n/1",
    tags=("climat", "Afrique"),
    language="fr",
)


def per_message_ms(format_one: Callable[[], object], count: int = 200) -> float:
    started = time.perf_counter()
    for _ in range(count):
        format_one()
    return (time.perf_counter() - started) / count * 1000


async def sends_per_second(count: int = 300) -> dict[str, float]:
    small = Message(1, "item", "Title", html="<p>Body <b>x</b></p>", link="https://oidp.net/1")
    rates = {}
    unlimited = TelegramLimits(overall_per_second=10**6, group_per_minute=10**6)
    async with TelegramStandIn(("1:bench",), limits=unlimited) as telegram:
        telegram.add_chat(-1)
        sink = TelegramSink(ChannelInfo("b", "telegram", "-1", base_url=telegram.url), "1:bench")
        rates["telegram (python-telegram-bot)"] = await _drive(sink, small, count)
    async with SlackStandIn(
        tokens=("xoxb-bench",), limits=SlackLimits(per_channel_burst=10**6)
    ) as slack:
        slack.add_channel("C1", "bench")
        sink_ = SlackSink(ChannelInfo("b", "slack", "C1", base_url=slack.url), "xoxb-bench")
        rates["slack (slack_sdk)"] = await _drive(sink_, small, count)
    async with DiscordStandIn(
        webhooks={"1": "bench"}, limits=DiscordLimits(per_window=10**6)
    ) as discord:
        sink_d = DiscordSink(ChannelInfo("b", "discord", "1", base_url=discord.url), "bench")
        rates["discord (httpx)"] = await _drive(sink_d, small, count)
    async with WebhookStandIn(secret_key="bench", limits=WebhookLimits(per_window=10**6)) as hook:
        sink_w = WebhookSink(ChannelInfo("b", "webhook", "http://x/h", base_url=hook.url), "bench")
        rates["webhook (httpx, signed)"] = await _drive(sink_w, small, count, distinct=True)
    matrix_limits = MatrixLimits(per_second=10**6, burst_count=10**6)
    async with MatrixStandIn(
        tokens={"bench": "@b:x"}, rooms={"!r:x": {"@b:x"}}, limits=matrix_limits
    ) as mx:
        sink_m = MatrixSink(ChannelInfo("b", "matrix", "!r:x", base_url=mx.url), "bench")
        rates["matrix (matrix-nio)"] = await _drive(sink_m, small, count, distinct=True)
    teams_limits = TeamsLimits(per_second=10**6, per_hour=10**6)
    async with TeamsStandIn(hooks={"/webhookb2/bench": ""}, limits=teams_limits) as teams:
        sink_t = TeamsSink(
            ChannelInfo("b", "teams", "b", base_url=teams.url), "https://t/webhookb2/bench"
        )
        rates["teams (httpx)"] = await _drive(sink_t, small, count)
    async with AppriseJsonStandIn(per_window=10**6) as receiver:
        sink_a = AppriseSink(ChannelInfo("b", "apprise", "b"), receiver.apprise_url())
        rates["apprise (apprise, json://)"] = await _drive(sink_a, small, count)
    return rates


async def _drive(
    sink: TelegramSink
    | SlackSink
    | DiscordSink
    | WebhookSink
    | MatrixSink
    | TeamsSink
    | AppriseSink,
    message: Message,
    count: int,
    *,
    distinct: bool = False,
) -> float:
    """``distinct``: a new delivery id each time (the receiver drops repeats)."""
    await sink.start()
    started = time.perf_counter()
    for number in range(count):
        await sink.send(replace(message, delivery_id=number + 1) if distinct else message)
    elapsed = time.perf_counter() - started
    await sink.close()
    return count / elapsed


def main() -> None:
    now = datetime.now(UTC)
    formatters = {
        "telegram": lambda: telegram_requests(ITEM, ChannelInfo("b", "telegram", "-1")),
        "slack": lambda: slack_requests(ITEM, ChannelInfo("b", "slack", "C1")),
        "mastodon": lambda: mastodon_requests(ITEM, ChannelInfo("b", "mastodon", "a")),
        "bluesky": lambda: bluesky_requests(ITEM, ChannelInfo("b", "bluesky", "a"), now=now),
        "discord": lambda: discord_requests(ITEM, ChannelInfo("b", "discord", "1")),
        "webhook": lambda: webhook_requests(ITEM, ChannelInfo("b", "webhook", "http://x/h")),
        "matrix": lambda: matrix_requests(ITEM, ChannelInfo("b", "matrix", "!r:x")),
        "teams": lambda: teams_requests(ITEM),
        "apprise": lambda: apprise_requests(ITEM),
    }
    print(f"formatting one {len(ITEM.html)}-character item:")
    for name, format_one in formatters.items():
        print(f"  {name:<9} {per_message_ms(format_one):6.2f} ms")
    print("sequential sends into the stand-ins:")
    for name, rate in asyncio.run(sends_per_second()).items():
        print(f"  {name:<32} {rate:7.0f} /s")


if __name__ == "__main__":
    main()
