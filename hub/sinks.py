"""The sink port: how the bus hands a message to a platform, and finds platforms.

A platform module (``bots/slack``, ``bots/telegram``, ...) implements
:class:`Sink` and registers a factory under the ``hub.sinks`` entry-point
group in ``pyproject.toml``; the bus never names a platform. A sink:

- must turn a :class:`Message` into the platform's payload within the
  platform's limits and markup, send it, and return a :class:`Receipt` with the
  platform's id for the message;
- must raise one of :mod:`hub.errors`' ``DeliveryError`` classes on failure
  (``RateLimited`` with the platform's retry-after, ``ChannelGone``, ...);
- must not sleep, retry or throttle: the bus's limiter and outbox do that;
- declares its rate limits as data (:meth:`Sink.rate_limits`), shared by
  every worker of a deployment. The bus takes one token from every budget
  before a send, and a ``RateLimited`` answer pauses every budget of that
  message, for every worker, for exactly ``retry_after`` seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import entry_points
from typing import Any, ClassVar, Protocol

ENTRY_POINT_GROUP = "hub.sinks"


@dataclass(frozen=True)
class ChannelInfo:
    """What a sink knows of the channel it posts to."""

    key: str
    platform: str
    target: str
    language: str | None = None
    thread_id: int | None = None
    base_url: str | None = None


@dataclass(frozen=True)
class Message:
    """Platform-neutral content for one delivery.

    ``kind`` is ``item`` (one news item), ``roundup``, ``alert`` (to the
    secretariat) or ``reply`` (to a member). ``text`` is plain text; ``html`` is
    already sanitised by the hub. ``edit_of`` carries the platform id of an
    earlier message when this is a correction.

    ``attempt`` counts the claims of this delivery (1 the first time).
    ``in_doubt`` says an earlier attempt may have reached the platform without the
    hub recording it (a worker killed between the platform's answer and the
    commit, a lease taken over, an answer lost): a sink that can look the message
    up on the platform (Slack's metadata, a Mailchimp campaign's status) must do
    so before sending again, and return what it finds as the receipt.
    """

    delivery_id: int
    kind: str
    title: str
    text: str = ""
    html: str = ""
    link: str | None = None
    image_url: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    edit_of: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    attempt: int = 1
    in_doubt: bool = False


@dataclass(frozen=True)
class Receipt:
    """The platform's answer: the id it gave the message."""

    platform_message_id: str


@dataclass(frozen=True)
class RateLimit:
    """A budget: ``rate`` sends per second on average, at most ``burst`` at once.

    ``key`` names what is limited (a bot token's name, a chat, a channel); two
    sinks that share a key share the budget across every worker.
    """

    key: str
    rate: float
    burst: float = 1.0


class Sink(Protocol):
    """One platform's way of posting to one channel."""

    platform: ClassVar[str]

    async def start(self) -> None:
        """Open connections; called once before the first send."""

    async def send(self, message: Message) -> Receipt:
        """Deliver ``message`` or raise a ``hub.errors.DeliveryError``."""
        ...

    def rate_limits(self, message: Message) -> list[RateLimit]:
        """The budgets a send of ``message`` spends, most specific last."""
        ...

    async def close(self) -> None:
        """Release connections; the sink is not used afterwards."""


SinkFactory = Callable[[ChannelInfo, str | None], Sink]
"""Builds a sink for a channel from its description and its secret (or None)."""


@cache
def _registry() -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def installed_platforms() -> set[str]:
    """The platform names that have a sink installed."""
    return set(_registry())


def sink_factory(platform: str) -> SinkFactory:
    """The factory registered for ``platform``; KeyError if none is installed."""
    factory: SinkFactory = _registry()[platform].load()
    return factory
