"""ChannelSinks builds and starts one sink per channel, however many sends ask at once."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from hub.core.bus.messages import ChannelRow, ChannelSinks
from hub.core.ports import Message, RateLimit, Receipt


class SlowStartSink:
    platform: ClassVar[str] = "test"
    built = 0

    def __init__(self) -> None:
        SlowStartSink.built += 1
        self.closed = False

    async def start(self) -> None:
        await asyncio.sleep(0.01)  # a real sink checks its token over the network here

    async def send(self, message: Message) -> Receipt:
        return Receipt("1")

    def rate_limits(self, message: Message) -> list[RateLimit]:
        return []

    async def close(self) -> None:
        self.closed = True


def test_concurrent_sends_to_one_channel_share_one_sink() -> None:
    SlowStartSink.built = 0
    sinks = ChannelSinks(lambda row: SlowStartSink())
    row = ChannelRow(1, "news", "test", "C1", "en")

    async def main() -> list:
        got = await asyncio.gather(*(sinks.get(row) for _ in range(16)))
        await sinks.close()
        return got

    got = asyncio.run(main())
    assert SlowStartSink.built == 1
    assert all(sink is got[0] for sink in got)
    assert got[0].closed
