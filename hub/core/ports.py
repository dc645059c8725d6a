"""The ports: what a platform module implements for the core.

**The sink port**: how the bus hands a message to a platform. A platform module
(``bots/slack``, ``bots/telegram``, ...) implements :class:`Sink` and the
application layer wires its factory by platform name (``hub.wiring.SINKS``); the
bus is given that mapping and never names a platform. A sink:

- must turn a :class:`Message` into the platform's payload within the
  platform's limits and markup, send it, and return a :class:`Receipt` with the
  platform's id for the message;
- must raise one of :mod:`hub.core.errors`' ``DeliveryError`` classes on failure
  (``RateLimited`` with the platform's retry-after, ``ChannelGone``, ...);
- must not sleep, retry or throttle: the bus's limiter and outbox do that;
- declares its rate limits as data (:meth:`Sink.rate_limits`), shared by
  every worker of a deployment. The bus takes one token from every budget
  before a send, and a ``RateLimited`` answer pauses every budget of that
  message, for every worker, for exactly ``retry_after`` seconds.

**The stand-in port**: a local server on 127.0.0.1 that speaks a platform's real
API (:class:`StandIn`). ``hub demo`` starts one per platform of the enabled
channels, points those channels' ``base_url`` at it, and the console shows what
each received.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, TypeVar, runtime_checkable

_Frozen = TypeVar("_Frozen")


class _Factory:
    """A field's default that its default factory makes anew for each instance."""

    def __repr__(self) -> str:
        return "<factory>"  # as dataclasses show it in a signature


_NOTHING: Any = _Factory()


def quick_init(cls: type[_Frozen]) -> type[_Frozen]:
    """Give a frozen dataclass an ``__init__`` that writes its fields straight into the
    instance's ``__dict__``: the same signature, defaults and default factories as the
    one :func:`dataclasses.dataclass` wrote, and the instance still frozen afterwards
    (assignment raises ``FrozenInstanceError`` as before).

    A frozen dataclass's own ``__init__`` goes through ``object.__setattr__`` once per
    field, past its frozen ``__setattr__``: a :class:`Message` of 21 fields cost about
    2.5 us to build, three times this, and the worker builds a message, a claim, a
    receipt and a result for every delivery. Only for plain fields (no ``__post_init__``,
    ``InitVar``, keyword-only field or ``__slots__``); anything else is refused here.
    """
    if not dataclasses.is_dataclass(cls) or not cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__} is not a frozen dataclass")
    if hasattr(cls, "__post_init__") or "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: __post_init__ or __slots__ is not supported")
    namespace: dict[str, Any] = {"_NOTHING": _NOTHING}
    params, stores = [], []
    for f in dataclasses.fields(cls):
        if not f.init or f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain init fields are supported")
        if f.default is not dataclasses.MISSING:
            namespace[f"_d_{f.name}"] = f.default
            params.append(f"{f.name}=_d_{f.name}")
            stores.append(f"    d[{f.name!r}] = {f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            namespace[f"_f_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_NOTHING")
            value = f"_f_{f.name}() if {f.name} is _NOTHING else {f.name}"
            stores.append(f"    d[{f.name!r}] = {value}")
        else:
            params.append(f.name)
            stores.append(f"    d[{f.name!r}] = {f.name}")
    source = f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__\n"
    exec(source + "\n".join(stores) + "\n", namespace)  # built from the field names
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = dict(cls.__init__.__annotations__)
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


@dataclass(frozen=True)
class ChannelInfo:
    """What a sink knows of the channel it posts to."""

    key: str
    platform: str
    target: str
    language: str | None = None
    thread_id: int | None = None
    base_url: str | None = None


Progress = Callable[[tuple[str, ...]], Awaitable[None]]
"""Records the ids of the parts of a message posted so far (see :class:`Message`)."""


def part_ids(platform_message_id: str | None) -> tuple[str, ...]:
    """The ids of a message's parts, from the ledger's ``platform_message_id``: one id
    for a single message, several (space-separated, the first one the head) for a thread.
    """
    return tuple((platform_message_id or "").split())


def thread_head(platform_message_id: str) -> str:
    """The id of a thread's first part (a single message's own id)."""
    parts = part_ids(platform_message_id)
    return parts[0] if parts else platform_message_id


@quick_init
@dataclass(frozen=True)
class Picture:
    """An item's picture as the hub stores it: re-encoded bytes with no metadata
    (:func:`hub.core.pictures.prepare`), their type and size, and the alt text.
    ``item_id`` is the item it belongs to, when it was read from the item's stored row
    (what its public address is made from: :mod:`hub.core.picture_links`)."""

    data: bytes = field(repr=False)
    mime: str
    width: int
    height: int
    alt: str = ""
    item_id: int | None = None


@quick_init
@dataclass(frozen=True)
class Message:
    """Platform-neutral content for one delivery.

    ``kind`` is ``item`` (one news item), ``roundup``, ``alert`` (to the
    secretariat) or ``reply`` (to a member). ``text`` is plain text; ``html`` is
    already sanitised by the hub. ``picture`` is the item's picture, fetched and
    checked once by the hub (a sink fits it to its platform with
    :func:`hub.core.pictures.fit` and uploads it; when the platform refuses it the
    post goes as text and the receipt's ``note`` says why). ``edit_of`` carries the
    platform id of an earlier message when this is a correction.

    ``machine_from`` and ``original_link`` are set when the text is a machine
    translation: readers are told so, with a link to the original.

    ``attempt`` counts the claims of this delivery (1 the first time).
    ``in_doubt`` says an earlier attempt may have reached the platform without the
    hub recording it (a worker killed between the platform's answer and the
    commit, a lease taken over, an answer lost): a sink that can look the message
    up on the platform (Slack's metadata, a Mailchimp campaign's status) must do
    so before sending again, and return what it finds as the receipt.

    A sink that posts one message as several (a thread of parts) reports each part's
    id as it is posted through ``progress`` (the ids so far, in order), which the
    worker writes to the ledger at once; ``posted`` holds what an earlier attempt so
    recorded, and such a sink continues after those parts instead of posting them
    again. Its receipt is every part's id, in order, joined by spaces (see
    :func:`part_ids`).
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
    picture: Picture | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    attempt: int = 1
    in_doubt: bool = False
    posted: tuple[str, ...] = ()
    progress: Progress | None = field(default=None, compare=False, repr=False)
    machine_from: str | None = None
    """The language the text was machine-translated from, when it is a machine draft no
    person edited: every formatter marks such a post as machine-translated."""
    original_link: str | None = None
    """The original's page (in ``machine_from``), linked from that mark."""
    picture_refused: str | None = None
    """Why an item that named a picture has none: the hub refused it when fetching it (not
    an image, unreachable, too large). The post goes as text and the worker records this
    reason on the sent delivery, as it does a receipt's ``note``."""


@quick_init
@dataclass(frozen=True)
class Receipt:
    """The platform's answer: the id it gave the message.

    ``note`` says what the post lacks though it was sent (the platform refused the
    picture, so it went as text); the ledger keeps it beside the sent delivery.
    """

    platform_message_id: str
    note: str | None = None


@quick_init
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
        """Deliver ``message`` or raise a ``hub.core.errors.DeliveryError``."""
        ...

    def rate_limits(self, message: Message) -> list[RateLimit]:
        """The budgets a send of ``message`` spends, most specific last."""
        ...

    async def close(self) -> None:
        """Release connections; the sink is not used afterwards."""


Permalink = Callable[[ChannelInfo, str], "str | None"]
"""Where a person can see a message a sink sent, from the channel and the platform's id
for it; None when the platform gives it no address (a private chat)."""


@dataclass(frozen=True)
class SenderLookup:
    """How a platform names the person behind a submission, for the moderation cards.

    ``event_key`` finds, from an item origin's ``external_id``, the key of the
    platform event the submission came in (in the durable inbox); ``person`` reads
    that event's payload for the ``@handle`` and the display name, when it has them.
    """

    event_key: Callable[[str], str | None]
    person: Callable[[Mapping[str, Any]], tuple[str | None, str | None]]


SinkFactory = Callable[[ChannelInfo, str | None], Sink]
"""Builds a sink for a channel from its description and its secret (or None)."""


# --- the stand-in port -----------------------------------------------------------------


@dataclass(frozen=True)
class ReceivedPost:
    """A message a stand-in holds, as a person would see it on the platform.

    ``html`` is the platform's rich text turned into HTML by the platform
    module; callers still sanitise it before showing it. ``picture`` describes the
    picture that came with it as the platform decoded it (``1600×1000 JPEG``), if any.
    """

    platform: str
    channel: str
    message_id: str
    text: str
    html: str
    edited: bool = False
    deleted: bool = False
    picture: str | None = None


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
"""Builds a platform's stand-in (not started)."""
