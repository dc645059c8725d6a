"""What a valid configuration may still get wrong: settings that load but cannot work.

:func:`config_warnings` reads a loaded :class:`~hub.core.config.settings.Settings`
and says, as :class:`~hub.core.errors.Problem` rows with the file, the key and
the line, where the deployment will quietly do nothing:

- a roundup on a channel where nothing is held (an ``immediate`` channel that no
  ``digest`` route feeds): the roundup never has an item to post;
- a route to a disabled channel: what it matches goes nowhere there;
- a reminders schedule that fires once a day (or week, or month): a reminder due
  after its time waits for the next firing, and one due at 09:00 on the member's
  clock is sent a day late by a job firing at 08:30;
- a source of news that no route takes: its items are stored and approved, and
  sent nowhere;
- ``thread = true`` on a route none of whose channels can continue a post as a
  thread (only Mastodon and Bluesky read it; Telegram always continues), or on a
  ``digest`` route (a roundup is one post).
- a mailbox whose replies have no enabled ``email`` channel to go through: members'
  questions are kept as news instead of being answered.

``hub config check`` prints them after the problems; they do not fail the check.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

from hub.core.config.settings import Settings, _dotted
from hub.core.config.tomllines import KeyPath, key_lines, line_of
from hub.core.errors import Problem

NEWS_KINDS = ("feed", "slack", "telegram", "web", "console", "mailbox")
"""Sources whose entries become items (an ``ical`` source feeds the events, not routes)."""


def config_warnings(settings: Settings) -> list[Problem]:
    """Every configuration that loads but cannot work, in file order."""
    try:
        lines = key_lines(Path(settings.path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        lines = {}

    def warning(loc: KeyPath, message: str) -> Problem:
        return Problem(settings.path, _dotted(loc), message, line_of(lines, loc))

    found = list(_warnings(settings, warning))
    return sorted(found, key=lambda p: (p.line or 0, p.key))


def _held_on(settings: Settings, channel_key: str) -> bool:
    """Whether items can be held for ``channel_key`` (its mode, or a digest route to it)."""
    if settings.channels[channel_key].mode == "digest":
        return True
    return any(r.mode == "digest" and channel_key in r.to for r in settings.routes)


def _warnings(settings: Settings, warning: Callable[[KeyPath, str], Problem]) -> Iterator[Problem]:
    for key, schedule in settings.schedules.items():
        if not schedule.enabled:
            continue
        channel = settings.channels.get(schedule.channel or "")
        if schedule.kind == "roundup" and channel is not None and schedule.channel:
            if not channel.enabled:
                yield warning(
                    ("schedules", key, "channel"),
                    f"the channel {schedule.channel!r} is disabled: this roundup never posts",
                )
            elif not _held_on(settings, schedule.channel):
                yield warning(
                    ("schedules", key, "channel"),
                    f"nothing is held for {schedule.channel!r}, an immediate channel, so this "
                    'roundup never has an item to post: set mode = "digest" on '
                    f"[channels.{schedule.channel}] or on a route to it, or remove the schedule",
                )
        if schedule.kind == "reminders" and schedule.period != "minutes":
            yield warning(
                ("schedules", key, "period"),
                f"reminders fire once a {schedule.period} at {schedule.time}: a reminder due "
                "after that (09:00 on the member's clock, the day before) waits for the next "
                'firing and arrives late; use period = "minutes" and every = 5',
            )
    for index, route in enumerate(settings.routes):
        for name in route.to:
            channel = settings.channels.get(name)
            if channel is not None and not channel.enabled:
                yield warning(
                    ("routes", index, "to"),
                    f"the route {route.name!r} sends to {name!r}, which is disabled: "
                    "what it matches is not sent there (enable the channel once its "
                    "secret is set, or take it out of the route)",
                )
        yield from _thread_warnings(settings, index, warning)
    catch_all = any(not route.match.sources for route in settings.routes)
    routed = {name for route in settings.routes for name in route.match.sources}
    for key, source in settings.sources.items():
        if source.enabled and source.kind in NEWS_KINDS and not catch_all and key not in routed:
            yield warning(
                ("sources", key, "kind"),
                f"no route takes the items of {key!r}: they are approved and sent nowhere "
                "(name it in a route's match.sources)",
            )
        if source.enabled and source.kind == "mailbox" and answering_channel(settings, key) is None:
            yield warning(
                ("sources", key, "reply_channel"),
                "no enabled email channel to answer through: members' questions sent to this "
                "mailbox are kept as news, not answered (enable the reply channel)",
            )


THREADED = ("mastodon", "bluesky")
"""The platforms whose channels read a route's ``thread = true``."""


def _thread_warnings(
    settings: Settings, index: int, warning: Callable[[KeyPath, str], Problem]
) -> Iterator[Problem]:
    route = settings.routes[index]
    if not route.thread:
        return
    if route.mode == "digest":
        yield warning(
            ("routes", index, "thread"),
            f"the route {route.name!r} is a digest: a roundup is one post, so thread = true "
            "does nothing here",
        )
        return
    platforms = {settings.channels[n].platform for n in route.to if n in settings.channels}
    if not platforms & set(THREADED):
        yield warning(
            ("routes", index, "thread"),
            f"thread = true does nothing on the route {route.name!r}: only Mastodon and "
            "Bluesky channels read it (a long Telegram post always continues as a thread)",
        )


def answering_channel(settings: Settings, source_key: str) -> str | None:
    """The enabled ``email`` channel a mailbox's answers go through: its ``reply_channel``,
    else the first email channel; None when there is none enabled."""
    named = settings.sources[source_key].reply_channel
    if named is not None:
        channel = settings.channels.get(named)
        return named if channel is not None and channel.enabled else None
    return next(
        (k for k, c in settings.channels.items() if c.platform == "email" and c.enabled), None
    )
