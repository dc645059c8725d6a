"""The composition root: the one place that names ``bots`` and ``newsletters``.

The core (:mod:`hub.core`) names no platform. It is handed what it needs as typed
callables, and this module is where the application layer (the CLI, the console,
the process runner, the demo) finds them:

- ``SINKS``: a sink factory per channel ``platform`` (the bus's only registry);
- ``STANDINS``: the platforms' local stand-in servers, for the demo and the console;
- ``PREVIEWS``: the exact API requests a sink would send (``hub preview``);
- ``DISPLAYS``: a message as each platform shows it (the console's previews);
- ``PERMALINKS``: where a person sees a message a sink sent (the console's links);
- :func:`platform_name`: how people call a platform (each platform package's ``NAME``),
  :func:`sends_only`: whether it can only post (``SEND_ONLY``: no edits, no retractions), and
  :func:`has_newsletter_audience`: whether a deployment has a newsletter platform's channel;
- ``SENDERS``: how a chat platform names the person behind a submission;
- ``INGRESS``: webhook routes mounted on the console's server;
- ``MODERATION_NOTICES``: who tells a member that their news was approved;
- ``SCHEDULED_JOBS``: scheduled jobs that talk to the outside world;
- ``TRANSLATORS``: machine translation engines by ``[translation] engine``, and
  :func:`translation_service` that puts the chosen one behind the glossary and the cache;
- :func:`run_bots` and :func:`mailchimp_eraser`.

Each entry imports its platform module when it is first called, not when this
module is imported: ``hub ask`` and ``hub status`` start without loading five
platform SDKs (the atproto SDK alone takes about a second to import). A new
platform is one package in ``bots/`` and one line per table here.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib
import importlib.util
from collections.abc import Callable, Iterable, Mapping
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hub.core.config.settings import MANUAL_PLATFORMS, ScheduleSettings, Settings
from hub.core.config.tomllines import key_lines, line_of
from hub.core.errors import ConfigError, Problem
from hub.core.ports import (
    ChannelInfo,
    Message,
    Permalink,
    SenderLookup,
    Sink,
    SinkFactory,
    StandIn,
    StandInFactory,
    thread_head,
)

if TYPE_CHECKING:
    # Types only: the modules behind them (the bus's messages, which load the picture and
    # HTTP libraries; the scheduler, which loads the member assistant) take seconds to import
    # on a busy machine, and every ``hub`` command imports this module to read its settings.
    from typing import TypeAlias

    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from bots.preview_reach import Reach
    from hub.core.bus.drafts import Drafter, SizedDraft
    from hub.core.models import Item
    from hub.core.moderation.decisions import SubmitterNotice
    from hub.core.picture_links import PictureAddress
    from hub.core.schedule.scheduler import OutsideJob
    from hub.core.translation.port import Translator
    from hub.core.translation.service import TranslationService
    from hub.translation.standin import LibreTranslateStandIn

Clock = Callable[[], dt.datetime]
Preview = Callable[[Message, ChannelInfo, dt.datetime], list[dict[str, Any]]]
Ingress: TypeAlias = "Callable[[Any, Settings, Engine, Clock], None]"
ModerationNotice: TypeAlias = "SubmitterNotice"
"""``notice(session, item, outcome, *, now, reason) -> how many notices were queued``."""


# --- sinks ------------------------------------------------------------------------------


def _memory_sink(channel: ChannelInfo, secret: str | None) -> Sink:
    from hub.testing.sinks import InstantSink

    return InstantSink(channel, secret)


def _recording_sink(channel: ChannelInfo, secret: str | None) -> Sink:
    from hub.testing.sinks import RecordingSink

    return RecordingSink(channel, secret)


def _slack_sink(
    channel: ChannelInfo, secret: str | None, picture_url: PictureAddress | None = None
) -> Sink:
    from bots.slack.sink import slack_sink

    return slack_sink(channel, secret, picture_url)


def _telegram_sink(channel: ChannelInfo, secret: str | None) -> Sink:
    from bots.telegram.sink import telegram_sink

    return telegram_sink(channel, secret)


def _mastodon_sink(channel: ChannelInfo, secret: str | None) -> Sink:
    from bots.mastodon.sink import mastodon_sink

    return mastodon_sink(channel, secret)


def _bluesky_sink(channel: ChannelInfo, secret: str | None) -> Sink:
    from bots.bluesky.sink import bluesky_sink

    return bluesky_sink(channel, secret)


def _discord_sink(
    channel: ChannelInfo, secret: str | None, picture_url: PictureAddress | None = None
) -> Sink:
    from bots.discord.sink import discord_sink

    return discord_sink(channel, secret, picture_url)


def _webhook_sink(
    channel: ChannelInfo, secret: str | None, picture_url: PictureAddress | None = None
) -> Sink:
    from bots.webhook.sink import webhook_sink

    return webhook_sink(channel, secret, picture_url)


def _matrix_sink(channel: ChannelInfo, secret: str | None) -> Sink:
    from bots.matrix.sink import matrix_sink

    return matrix_sink(channel, secret)


def _teams_sink(
    channel: ChannelInfo, secret: str | None, picture_url: PictureAddress | None = None
) -> Sink:
    from bots.teams.sink import teams_sink

    return teams_sink(channel, secret, picture_url)


def _apprise_sink(channel: ChannelInfo, secret: str | None) -> Sink:
    from bots.apprise.sink import apprise_sink

    return apprise_sink(channel, secret)


def _email_sink(channel: ChannelInfo, secret: str | None) -> Sink:
    from bots.email.sink import email_sink

    return email_sink(channel, secret)


def _mailchimp_sink(channel: ChannelInfo, secret: str | None) -> Sink:
    from newsletters.sink import mailchimp_sink

    return mailchimp_sink(channel, secret)


SINKS: Mapping[str, SinkFactory] = {
    "memory": _memory_sink,
    "recording": _recording_sink,
    "slack": _slack_sink,
    "telegram": _telegram_sink,
    "mastodon": _mastodon_sink,
    "bluesky": _bluesky_sink,
    "discord": _discord_sink,
    "webhook": _webhook_sink,
    "matrix": _matrix_sink,
    "teams": _teams_sink,
    "apprise": _apprise_sink,
    "email": _email_sink,
    "mailchimp": _mailchimp_sink,
}
"""A sink factory per channel ``platform``; ``memory`` and ``recording`` are in-process
doubles for tests and trials (:mod:`hub.testing.sinks`)."""


def sink_factories(settings: Settings) -> Mapping[str, SinkFactory]:
    """``SINKS`` for ``settings``: with ``[hub] public_url`` and ``HUB_SECRET_KEY`` set,
    the sinks that can name a picture's address (Slack, Discord, the webhook, Teams) are
    given the hub's public, signed one (:mod:`hub.core.picture_links`); without them,
    ``SINKS`` as it is."""
    from hub.core.picture_links import picture_links

    links = picture_links(settings)
    if links is None:
        return SINKS
    linked: dict[str, SinkFactory] = {
        "slack": partial(_slack_sink, picture_url=links.url),
        "discord": partial(_discord_sink, picture_url=links.url),
        "webhook": partial(_webhook_sink, picture_url=links.url),
        "teams": partial(_teams_sink, picture_url=links.url),
    }
    return {**SINKS, **linked}


PLATFORMS = frozenset(SINKS)


def preload_sinks(platforms: Iterable[str]) -> list[str]:
    """Import the sink modules of ``platforms`` now (``bots/<platform>/sink.py``).

    The factories above import them at a worker's first claim of a channel: a
    platform library takes a second or more to import on a busy machine, and a worker
    that does it with claims in hand sends them late (a rate budget reserved for a
    moment it then misses is forfeited). A worker calls this before it starts
    claiming; returns the modules imported."""
    loaded = []
    for platform in sorted(set(platforms)):
        name = f"bots.{platform}.sink"
        try:
            if importlib.util.find_spec(f"bots.{platform}") is None:
                continue
            importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        loaded.append(name)
    return loaded


OUTLETS = (
    "slack",
    "telegram",
    "mastodon",
    "bluesky",
    "discord",
    "webhook",
    "matrix",
    "teams",
    "apprise",
)
"""The platforms with a preview, a display and a permalink (``bots/NAME/links.py``)."""
"""The platform names a channel may use."""


# --- stand-ins --------------------------------------------------------------------------


def _slack_standin() -> StandIn:
    from bots.slack.demo import slack_standin

    return slack_standin()


def _telegram_standin() -> StandIn:
    from bots.telegram.demo import telegram_standin

    return telegram_standin()


def _mastodon_standin() -> StandIn:
    from bots.mastodon.demo import mastodon_standin

    return mastodon_standin()


def _bluesky_standin() -> StandIn:
    from bots.bluesky.demo import bluesky_standin

    return bluesky_standin()


def _discord_standin() -> StandIn:
    from bots.discord.demo import discord_standin

    return discord_standin()


def _webhook_standin() -> StandIn:
    from bots.webhook.demo import webhook_standin

    return webhook_standin()


def _matrix_standin() -> StandIn:
    from bots.matrix.demo import matrix_standin

    return matrix_standin()


def _teams_standin() -> StandIn:
    from bots.teams.demo import teams_standin

    return teams_standin()


def _apprise_standin() -> StandIn:
    from bots.apprise.demo import apprise_standin

    return apprise_standin()


def _email_standin() -> StandIn:
    from bots.email.demo import email_standin

    return email_standin()


def _mailchimp_standin() -> StandIn:
    from newsletters.demo_standin import mailchimp_standin

    return mailchimp_standin()


STANDINS: Mapping[str, StandInFactory] = {
    "slack": _slack_standin,
    "telegram": _telegram_standin,
    "mailchimp": _mailchimp_standin,
    "mastodon": _mastodon_standin,
    "bluesky": _bluesky_standin,
    "discord": _discord_standin,
    "webhook": _webhook_standin,
    "matrix": _matrix_standin,
    "teams": _teams_standin,
    "apprise": _apprise_standin,
    "email": _email_standin,
}
"""A local server per platform that plays it (``hub demo``, the console's sandbox)."""


# --- previews, ingress, notices ----------------------------------------------------------


def _preview(platform: str) -> Preview:
    def preview(message: Message, channel: ChannelInfo, now: dt.datetime) -> list[dict[str, Any]]:
        import bots.preview

        found: Preview = getattr(bots.preview, platform)
        return found(message, channel, now)

    return preview


PREVIEWS: Mapping[str, Preview] = {name: _preview(name) for name in OUTLETS}
"""The exact requests a platform's sink would send for a message at ``now`` (the injected
clock's; ``hub preview``)."""


def reach(
    platform: str,
    message: Message,
    channel: ChannelInfo,
    requests: list[dict[str, Any]],
    now: dt.datetime,
) -> Reach:
    """How ``message`` reaches ``platform`` at ``now`` (``hub preview``): its picture, and
    the parts of a thread, from the platform sink's own functions (``bots/preview_reach.py``)."""
    import bots.preview_reach

    found = bots.preview_reach.REACH.get(platform)
    if found is None:
        return bots.preview_reach.by_requests(message, requests)
    return found(message, channel, now)


PLATFORM_PACKAGES: Mapping[str, str] = {
    "x": "bots.manual.x",
    "linkedin": "bots.manual.linkedin",
    "facebook": "bots.manual.facebook",
    "instagram": "bots.manual.instagram",
    "slack": "bots.slack",
    "telegram": "bots.telegram",
    "mastodon": "bots.mastodon",
    "bluesky": "bots.bluesky",
    "discord": "bots.discord",
    "webhook": "bots.webhook",
    "matrix": "bots.matrix",
    "teams": "bots.teams",
    "apprise": "bots.apprise",
    "email": "bots.email",
    "mailchimp": "newsletters",
}
"""The package of each platform; its ``__init__`` names it (``NAME``) and imports no SDK."""

NEWSLETTER_PLATFORMS = frozenset({"mailchimp"})
"""Platforms whose channel is a newsletter audience (members' e-mail addresses sync to it)."""


@cache
def platform_name(platform: str) -> str:
    """How people call ``platform`` ("Telegram"), from its package; a channel kind that is no
    platform of its own (``email``) is shown as it is written."""
    package = PLATFORM_PACKAGES.get(platform)
    if package is None:
        return platform
    name: str = importlib.import_module(package).NAME
    return name


@cache
def sends_only(platform: str) -> bool:
    """Whether ``platform`` can only post: no edits, no retractions (its package's
    ``SEND_ONLY``, as Microsoft Teams webhooks and Apprise declare)."""
    package = PLATFORM_PACKAGES.get(platform)
    if package is None:
        return False
    return bool(getattr(importlib.import_module(package), "SEND_ONLY", False))


def has_newsletter_audience(settings: Settings) -> bool:
    """Whether a channel of ``settings`` is a newsletter platform's audience (Mailchimp's)."""
    return any(c.platform in NEWSLETTER_PLATFORMS for c in settings.channels.values())


Display = Callable[[Message, ChannelInfo, dt.datetime], str]


def _display(platform: str) -> Display:
    def display(message: Message, channel: ChannelInfo, now: dt.datetime) -> str:
        import bots.preview

        found: Display = getattr(bots.preview, f"shown_{platform}")
        return found(message, channel, now)

    return display


DISPLAYS: Mapping[str, Display] = {name: _display(name) for name in OUTLETS}
"""A message as each platform shows it at ``now``, as HTML to sanitise (the console's previews)."""


def _permalink(platform: str) -> Permalink:
    def permalink(channel: ChannelInfo, platform_message_id: str) -> str | None:
        module = importlib.import_module(f"bots.{platform}.links")
        found: Permalink = module.permalink
        return found(channel, thread_head(platform_message_id))  # a thread's first part

    return permalink


def _posted_url(channel: ChannelInfo, platform_message_id: str) -> str | None:
    """A post made by hand is recorded with its URL: that is where it is seen."""
    return platform_message_id if platform_message_id.startswith("https://") else None


PERMALINKS: Mapping[str, Permalink] = {
    **{name: _permalink(name) for name in OUTLETS},
    **{name: _posted_url for name in MANUAL_PLATFORMS},
}


def _drafter(platform: str) -> Drafter:
    def drafter(message: Message) -> SizedDraft:
        from bots.manual.drafts import draft_for
        from hub.core.bus.drafts import SizedDraft

        draft = draft_for(message, platform)
        return SizedDraft(
            network=draft.network.name,
            text=draft.text,
            length=draft.length,
            limit=draft.network.limit,
            unit=draft.network.unit,
            shortened=draft.shortened,
            fold_at=draft.fold_at,
            hashtags_dropped=draft.hashtags_dropped,
            missing_image=draft.missing_image,
        )

    return drafter


DRAFTERS: Mapping[str, Drafter] = {name: _drafter(name) for name in sorted(MANUAL_PLATFORMS)}
"""A ready text per network without an open API (``bots.manual``): the Drafts page."""
"""Where a person sees a sent message, per platform (each platform module's ``links.py``)."""


def _sender_lookup(platform: str) -> SenderLookup:
    def event_key(external_id: str) -> str | None:
        found: str | None = importlib.import_module(f"bots.{platform}.links").submission_event_key(
            external_id
        )
        return found

    def person(payload: Mapping[str, Any]) -> tuple[str | None, str | None]:
        found: tuple[str | None, str | None] = importlib.import_module(
            f"bots.{platform}.links"
        ).person(payload)
        return found

    return SenderLookup(event_key, person)


SENDERS: Mapping[str, SenderLookup] = {name: _sender_lookup(name) for name in ("slack", "telegram")}
"""The chat platforms members submit news from, and how each names the sender."""


def _bots_ingress(app: Any, settings: Settings, engine: Engine, clock: Clock) -> None:
    from bots.runtime import install_ingress

    install_ingress(app, settings, engine, clock)


def _mailchimp_ingress(app: Any, settings: Settings, engine: Engine, clock: Clock) -> None:
    from newsletters.webhook import install_ingress

    install_ingress(app, settings, engine, clock)


INGRESS: tuple[Ingress, ...] = (_bots_ingress, _mailchimp_ingress)
"""Platform webhooks (``POST /slack/events``, Telegram, Mailchimp) on the console's server."""


def _tell_submitter(
    session: Session, item: Item, outcome: str, *, now: dt.datetime, reason: str = ""
) -> int:
    from bots.chat_news import tell_submitter

    return tell_submitter(session, item, outcome, now=now, reason=reason)


MODERATION_NOTICES: tuple[ModerationNotice, ...] = (_tell_submitter,)
"""Who tells a member, on the platform they used, that their news was approved or declined."""


async def run_bots(settings: Settings, engine: Engine, stop: asyncio.Event) -> None:
    """The ``bots`` role: the platform inbox's worker, and Telegram polling without a URL."""
    from bots.runtime import run_bots as run

    await run(settings, engine, stop)


def mailchimp_eraser() -> Callable[[Settings, str], bool]:
    """Deletes a contact permanently from the Mailchimp audience (``hub erase``)."""
    from newsletters.audience import erase_member

    return erase_member


# --- scheduled jobs ----------------------------------------------------------------------


def draft_newsletters(
    engine: Engine, settings: Settings, schedule: ScheduleSettings, now: dt.datetime
) -> str:
    from newsletters.publish import draft_scheduled

    translator = translation_service(settings, engine)
    editions = draft_scheduled(engine, settings, now, schedule.period, translator)
    return f"drafted {len(editions)} edition(s)"


def sync_audience(
    engine: Engine, settings: Settings, schedule: ScheduleSettings, now: dt.datetime
) -> str:
    from newsletters.publish import account_from_settings
    from newsletters.publish import sync_audience as sync

    total, report = sync(engine, account_from_settings(settings))
    return f"synced {report.members} of {total} members, {report.errored} errors"


SCHEDULED_JOBS: Mapping[str, OutsideJob] = {
    "newsletter_draft": draft_newsletters,
    "audience_sync": sync_audience,
}
"""Scheduled jobs of ``newsletters``, by schedule ``kind``; the core runs roundups,
reminders and the members' digests itself."""


# --- machine translation -----------------------------------------------------------------


def _translation_problem(settings: Settings, key: str, message: str) -> ConfigError:
    try:
        lines = key_lines(Path(settings.path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        lines = {}
    line = line_of(lines, ("translation", key)) or line_of(lines, ("translation",))
    return ConfigError([Problem(settings.path, f"translation.{key}", message, line)])


def _libretranslate(settings: Settings) -> Translator:
    from hub.translation.libretranslate import LibreTranslate

    if not settings.translation.url:
        message = 'LibreTranslate needs the url of its server (url = "http://...:5000")'
        raise _translation_problem(settings, "url", message)
    return LibreTranslate(
        settings.translation.url,
        settings.translation_key(),
        char_limit=settings.translation.char_limit,
    )


def _deepl(settings: Settings) -> Translator:
    from hub.translation.deepl import DeepL

    key = settings.translation_key()
    if not key:
        env = settings.translation.key_env
        message = (
            f"the environment variable {env} is not set"
            if env
            else "DeepL needs key_env, the environment variable holding its key"
        )
        raise _translation_problem(settings, "key_env", message)
    return DeepL(key, settings.translation.url)


def _argos(settings: Settings) -> Translator:
    from hub.translation.argos import Argos

    return Argos()


TRANSLATORS: Mapping[str, Callable[[Settings], Translator]] = {
    "libretranslate": _libretranslate,
    "deepl": _deepl,
    "argos": _argos,
}
"""A machine translation engine by ``[translation] engine`` (``hub.toml``)."""


def translation_service(
    settings: Settings, engine: Engine, clock: Clock | None = None
) -> TranslationService | None:
    """The deployment's translation service, or None when ``[translation]`` names no engine.

    Raises ConfigError (file, key, line) when the engine lacks what it needs or the
    glossary is wrong.
    """
    from hub.core.translation.glossary import load_glossary
    from hub.core.translation.service import TranslationService

    section = settings.translation
    if section.engine is None:
        return None
    factory = TRANSLATORS.get(section.engine)
    if factory is None:
        known = ", ".join(sorted(TRANSLATORS))
        message = f"no translation engine {section.engine!r} (installed: {known})"
        raise _translation_problem(settings, "engine", message)
    return TranslationService(
        factory(settings),
        engine,
        load_glossary(settings.glossary_path()),
        timeout=section.timeout_seconds,
        batch_size=section.batch_size,
        clock=clock,
    )


def check_translation(settings: Settings) -> list[Problem]:
    """What ``[translation]`` lacks (``hub config check``): the engine's url or key, a
    wrong glossary. Raises nothing; an empty list when all is well or translation is off."""
    from hub.core.translation.glossary import load_glossary

    section = settings.translation
    factory = TRANSLATORS.get(section.engine) if section.engine else None
    problems: list[Problem] = []
    if factory is not None:
        try:
            factory(settings)
        except ConfigError as exc:
            problems += exc.problems
        try:
            load_glossary(settings.glossary_path())
        except ConfigError as exc:
            problems += exc.problems
    return problems


def translation_standin() -> LibreTranslateStandIn:
    """A LibreTranslate stand-in (not started) for ``hub demo`` and the tests."""
    from hub.translation.standin import LibreTranslateStandIn

    return LibreTranslateStandIn()


def _text_limits() -> dict[str, int]:
    from bots.limits import SLACK, TELEGRAM

    # A member's digest is one reply: Telegram's text limit (UTF-16 units), and Slack's
    # section text (a reply's text goes into section blocks of at most 3,000 characters).
    return {"telegram": TELEGRAM.text, "slack": SLACK.section_text}


TEXT_LIMITS: Mapping[str, int] = _text_limits()
"""Platform -> characters a message to one member may hold (the scheduler's digests)."""
