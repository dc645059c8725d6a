"""The stand-in port: local servers that play a platform, for the demo and the console.

Each platform module may register, under the ``hub.standins`` entry-point
group, a factory returning a :class:`StandIn`: a server on 127.0.0.1 that
speaks the platform's real API. ``hub demo`` starts one per platform of the
enabled channels, points those channels' ``base_url`` at it, and the console
shows what each received. The core never names a platform.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from typing import Any, Protocol, runtime_checkable

from hub.sinks import ChannelInfo

ENTRY_POINT_GROUP = "hub.standins"


@dataclass(frozen=True)
class ReceivedPost:
    """A message a stand-in holds, as a person would see it on the platform.

    ``html`` is the platform's rich text turned into HTML by the platform
    module; callers still sanitise it before showing it.
    """

    platform: str
    channel: str
    message_id: str
    text: str
    html: str
    edited: bool = False
    deleted: bool = False


class StandIn(Protocol):
    """A local server that plays one platform."""

    platform: str
    url: str

    async def start(self) -> str:
        """Start serving on 127.0.0.1 and return the base URL."""
        ...

    async def close(self) -> None:
        """Stop serving."""

    def secret(self) -> str:
        """A token the stand-in accepts (demo only)."""
        ...

    def prepare(self, channel: ChannelInfo) -> None:
        """Make the channel (chat, account) known so posts to it succeed."""

    def posts(self) -> list[ReceivedPost]:
        """Everything it holds, oldest first."""
        ...


@runtime_checkable
class MemberChat(Protocol):
    """A stand-in that can also play a member writing to the hub's bot (optional)."""

    def member_says(self, text: str, *, language: str) -> str:
        """Make a member send ``text`` to the bot; returns the conversation's reference."""
        ...

    def replies(self, conversation: str) -> list[str]:
        """What the bot has answered in that conversation, oldest first (plain text)."""
        ...


StandInFactory = Callable[[], StandIn]


@cache
def _registry() -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def installed_standins() -> set[str]:
    """Platforms that ship a stand-in."""
    return set(_registry())


def standin_factory(platform: str) -> StandInFactory:
    """The stand-in factory registered for ``platform``; KeyError if none."""
    factory: StandInFactory = _registry()[platform].load()
    return factory
