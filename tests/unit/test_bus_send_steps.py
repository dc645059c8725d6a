"""The worker runs a send's first step by hand (no timer for a send that never waits):
the rest of a send that does wait is driven as ``await`` would drive it."""

from __future__ import annotations

import asyncio

import pytest

from hub.core.bus.worker import _resumed


async def _two_steps() -> int:
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return 5


def test_the_rest_of_a_waiting_coroutine_returns_its_value():
    async def main() -> int:
        sending = _two_steps()
        waiting = sending.send(None)
        return await _resumed(sending, waiting)

    assert asyncio.run(main()) == 5


def test_a_timeout_cancels_the_send_itself():
    seen: list[str] = []

    async def hangs() -> None:
        try:
            await asyncio.get_running_loop().create_future()
        except asyncio.CancelledError:
            seen.append("cancelled")
            raise

    async def main() -> None:
        sending = hangs()
        waiting = sending.send(None)
        async with asyncio.timeout(0):
            await _resumed(sending, waiting)

    with pytest.raises(TimeoutError):
        asyncio.run(main())
    assert seen == ["cancelled"]


def test_an_error_after_a_wait_reaches_the_caller():
    async def fails() -> None:
        await asyncio.sleep(0)
        raise ValueError("refused")

    async def main() -> None:
        sending = fails()
        waiting = sending.send(None)
        await _resumed(sending, waiting)

    with pytest.raises(ValueError, match="refused"):
        asyncio.run(main())
