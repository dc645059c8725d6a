"""``hub demo``: the IOPD deployment on demo data, with every platform played locally.

The real configuration (``config/hub.toml``) is loaded with three changes
made before validation: the website's feed and calendar point at a local
server of demo data, every channel whose platform ships a stand-in points at
that stand-in (with a token it accepts), and the others are switched off.
Then the hub does what it always does: poll, approve trusted items, route,
deliver, and the stand-ins hold what a member would see.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from hub.core.config.settings import MANUAL_PLATFORMS, Settings, load_settings
from hub.core.members.links import SECRET_KEY_ENV
from hub.core.models import Delivery, Item, ItemPicture, Member, utcnow
from hub.core.ports import ChannelInfo, MemberChat, StandIn
from hub.demo.feeds import DemoWebsite
from hub.testing.dovecot import DovecotServer, find_dovecot
from hub.wiring import (
    PLATFORMS,
    STANDINS,
    sink_factories,
    translation_service,
    translation_standin,
)

if TYPE_CHECKING:
    from hub.translation.standin import LibreTranslateStandIn

FEED_SOURCES = {"website_news": "/news.rss", "website_events": "/events.ics"}
DEMO_MAILBOX = "secretariat_mail"
"""The mailbox source the demo reads (its password: ``MAILBOX_PASSWORD``)."""
DEMO_PLATFORMS = {
    "slack",
    "telegram",
    "mastodon",
    "bluesky",
    "discord",
    "webhook",
    "matrix",
    "teams",
    "apprise",
    "mailchimp",
    "email",
}
"""Platforms whose stand-ins the demo starts, when their module ships one."""


@dataclass
class DemoWorld:
    """The local servers the demo runs: the website and one stand-in per platform.

    ``secret_key`` is the demo's ``HUB_SECRET_KEY``, new at each run like its login: it
    signs the console's cookies and the members' preferences links.
    """

    website: DemoWebsite = field(default_factory=DemoWebsite)
    standins: dict[str, StandIn] = field(default_factory=dict)
    translator: LibreTranslateStandIn = field(default_factory=translation_standin)
    """The LibreTranslate stand-in the demo's machine translation drafts come from."""
    signing_secret: str = field(default_factory=lambda: secrets.token_hex(16))
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    mailbox: DovecotServer | None = None
    """Debian's Dovecot, when installed (``make dovecot``): the mailbox source reads it."""

    async def start(self, platforms: set[str]) -> None:
        await self.website.start()
        await self.translator.start()
        if "email" in platforms and find_dovecot() is not None:
            server = DovecotServer(username="secretariat@oidp.net")
            try:
                self.mailbox = await asyncio.to_thread(server.start)
            except (OSError, RuntimeError):  # the demo goes on without it, saying so
                self.mailbox = None
        for platform in sorted(platforms & STANDINS.keys()):
            standin = STANDINS[platform]()
            await standin.start()
            self.standins[platform] = standin

    async def close(self) -> None:
        if self.mailbox is not None:
            await asyncio.to_thread(self.mailbox.stop)
        for standin in self.standins.values():
            await standin.close()
        await self.translator.close()
        await self.website.close()

    def overrides(self, data_dir: Path) -> Callable[[dict[str, Any]], None]:
        """Point the parsed config at this world (applied before validation)."""

        def change(data: dict[str, Any]) -> None:
            hub = data.setdefault("hub", {})
            hub["data_dir"] = str(data_dir)
            hub.pop("database_url", None)
            # No public URL: Telegram is polled from its stand-in, cookies go over plain http.
            hub.pop("public_url", None)
            # the demo's pictures are on its loopback website; member feeds stay refused there
            hub["picture_allow_private"] = ["127.0.0.1/32"]
            for key, source in data.get("sources", {}).items():
                if source.get("kind") in ("feed", "ical"):
                    path = FEED_SOURCES.get(key)
                    source["enabled"] = path is not None
                    if path:
                        source["url"] = self.website.url + path
                if source.get("kind") == "mailbox":  # Dovecot on loopback, or none
                    source["enabled"] = self.mailbox is not None and key == DEMO_MAILBOX
                    if self.mailbox is not None:
                        source.update(
                            url=f"imap://127.0.0.1:{self.mailbox.port}",
                            tls="off",
                            username=self.mailbox.username,
                        )
            translation = data.setdefault("translation", {})
            translation.update(engine="libretranslate", url=self.translator.url)
            translation.pop("key_env", None)
            if getattr(self.standins.get("slack"), "app_token", None):
                hub["slack_mode"] = "socket"  # no public URL: Slack over Socket Mode
            for channel in data.get("channels", {}).values():
                standin = self.standins.get(channel.get("platform", ""))
                # a manual channel (X, LinkedIn) needs no stand-in: its drafts wait in the console
                channel["enabled"] = (
                    standin is not None or channel.get("platform") in MANUAL_PLATFORMS
                )
                if standin is not None:
                    channel["base_url"] = standin.url

        return change

    def environ(self, settings_data_channels: dict[str, Any]) -> dict[str, str]:
        """The secrets the stand-ins accept, under the names the config gives, and the
        demo's own secret key."""
        values = {
            "SLACK_SIGNING_SECRET": self.signing_secret,
            "TELEGRAM_WEBHOOK_SECRET": self.signing_secret,
            SECRET_KEY_ENV: self.secret_key,
        }
        app_token = getattr(self.standins.get("slack"), "app_token", None)
        if app_token:
            values["SLACK_APP_TOKEN"] = str(app_token)
        for channel in settings_data_channels.values():
            standin = self.standins.get(channel.get("platform", ""))
            if standin is not None and channel.get("token_env"):
                values[channel["token_env"]] = standin.secret()
        if self.mailbox is not None:
            values["MAILBOX_PASSWORD"] = self.mailbox.password
        return values


def load_demo_settings(config: Path, world: DemoWorld, data_dir: Path) -> Settings:
    import tomllib

    try:
        raw = tomllib.loads(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        raw = {}  # load_settings below reports the problem with its file and line
    return load_settings(
        config,
        world.environ(raw.get("channels", {})),
        platforms=PLATFORMS,
        overrides=world.overrides(data_dir),
    )


def prepare_standins(settings: Settings, world: DemoWorld) -> None:
    for key, channel in settings.channels.items():
        standin = world.standins.get(channel.platform)
        if standin is not None and channel.enabled:
            standin.prepare(
                ChannelInfo(
                    key,
                    channel.platform,
                    channel.target,
                    channel.language,
                    channel.thread_id,
                    channel.base_url,
                )
            )


async def deliver_all(engine: Engine, settings: Settings, *, deadline_s: float = 60.0) -> None:
    """Run a worker until every due-now or soon-due delivery is out (rate limits permitting)."""
    from hub.core.bus.messages import ChannelSinks
    from hub.core.bus.worker import Worker, WorkerConfig

    sinks = ChannelSinks.from_settings(settings, sink_factories(settings))
    worker = Worker(engine, sinks, config=WorkerConfig(until_idle=True, poll_interval=0.2))
    loop = asyncio.get_running_loop()
    end = loop.time() + deadline_s
    try:
        while loop.time() < end:
            await worker.run()
            with Session(engine) as session:
                next_due = session.scalar(
                    select(func.min(Delivery.due_at)).where(Delivery.status == "pending")
                )
            if next_due is None:
                return
            wait = (next_due - utcnow()).total_seconds()
            await asyncio.sleep(min(max(wait, 0.05), max(end - loop.time(), 0)))
    finally:
        await sinks.close()


def drafts_lines(engine: Engine, settings: Settings) -> list[str]:
    """The drafts waiting for a person to post them on networks without an open API."""
    from hub.core.bus.drafts import waiting_drafts

    with Session(engine) as session:
        drafts = waiting_drafts(session, settings)
    if not drafts:
        return []
    counts = Counter(settings.channels[d.channel].title or d.channel for d in drafts)
    lines = ["Drafts waiting to be posted by hand (the console's Drafts page):"]
    lines += [f"  {title}: {count}" for title, count in sorted(counts.items())]
    return lines


def picture_lines(engine: Engine) -> list[str]:
    """Each item's picture: stored (fetched once, through the SSRF guard) or refused."""
    lines = []
    with Session(engine) as session:
        rows = session.execute(
            select(Item.title, Item.image_url, ItemPicture).join(
                ItemPicture, ItemPicture.item_id == Item.id
            )
        ).all()
    for title, image_url, picture in rows:
        if picture.source_url != image_url:  # a member's link read for its og:image
            if picture.error:
                lines.append(f"no picture from the link of “{title[:50]}” ({picture.error})")
        elif picture.data is not None:
            lines.append(
                f"picture of “{title[:50]}”: fetched once, {picture.width}×{picture.height} "
                f"{picture.mime}, EXIF and GPS removed; each platform gets a copy within its limits"
            )
        elif picture.error:
            lines.append(f"picture of “{title[:50]}” refused ({picture.error}): posted as text")
    return lines


def summary(engine: Engine, world: DemoWorld) -> list[str]:
    """What happened, for the terminal."""
    lines = []
    with Session(engine) as session:
        items = Counter(session.scalars(select(Item.status)))
        rows = session.execute(
            select(Delivery.status, func.count()).group_by(Delivery.status)
        ).all()
    lines.append(
        "items: " + ", ".join(f"{count} {status}" for status, count in sorted(items.items()))
    )
    lines.append("deliveries: " + ", ".join(f"{count} {status}" for status, count in rows))
    lines += picture_lines(engine)
    for platform, standin in world.standins.items():
        posts = standin.posts()
        lines.append(f"{platform} stand-in ({standin.url}) holds {len(posts)} messages:")
        for post in posts[:8]:
            first = post.text.strip().splitlines()[0] if post.text.strip() else "(empty)"
            picture = f"  [picture {post.picture}]" if post.picture else ""
            lines.append(f"  {post.channel:<16} {first[:90]}{picture}")
        if len(posts) > 8:
            lines.append(f"  ... and {len(posts) - 8} more")
    return lines


def newsletter_lines(engine: Engine, settings: Settings) -> list[str]:
    """Draft, approve and push this month's editions to the Mailchimp stand-in, if present."""
    import importlib.util

    channel = next(
        (c for c in settings.channels.values() if c.platform == "mailchimp" and c.enabled), None
    )
    if channel is None or importlib.util.find_spec("newsletters") is None:
        return ["newsletter: no Mailchimp stand-in in this installation"]
    from newsletters.publish import newsletter_demo

    translator = translation_service(settings, engine)
    return newsletter_demo(engine, settings, utcnow(), translator=translator)


def demo_roundups(engine: Engine, settings: Settings) -> list[str]:
    """Queue this week's roundup for every digest channel now (as `hub roundup` does)."""
    from hub.core.db import transaction
    from hub.core.schedule.roundups import run_roundup

    lines = []
    for key, channel in settings.channels.items():
        if channel.enabled and channel.mode == "digest" and channel.platform != "mailchimp":
            with transaction(engine) as session:
                result = run_roundup(session, settings, key, "week", utcnow())
            lines.append(f"roundup {key} (week): {result.outcome}")
    return lines


def demo_digests(engine: Engine, settings: Settings, world: DemoWorld) -> list[str]:
    """João, in Porto Alegre, chose weekly Telegram digests on climate in Portuguese: he
    opens a chat with the bot, and this week's digest is queued for him now."""
    import datetime as dt

    from hub.core.config.settings import ScheduleSettings
    from hub.core.schedule.digests import run_digests
    from hub.wiring import TEXT_LIMITS

    chat = world.standins.get("telegram")
    if not isinstance(chat, MemberChat):
        return ["digest: no Telegram stand-in to play the member"]
    chat_id = chat.member_says("/start", language="pt")
    organisation, contact, email, language, country, kind, _, _ = DEMO_MEMBERS[1]
    now = utcnow()
    with Session(engine) as session, session.begin():
        session.add(
            Member(
                organisation=organisation,
                contact_name=contact,
                email=email,
                language=language,
                country=country,
                member_type=kind,
                topics=["climate"],
                channels=["telegram"],
                digest="week",
                telegram_chat_id=int(chat_id),
                newsletter_status="subscribed",
            )
        )
        session.flush()
        weekly = next(
            (s for s in settings.schedules.values() if s.kind == "digests" and s.period == "week"),
            ScheduleSettings(kind="digests", period="week", weekday="mon"),
        )
        week = (now - dt.timedelta(days=7), now, f"demo-{now:%Y-%m-%d}")
        run = run_digests(
            session, settings, weekly, now, text_limits=TEXT_LIMITS, period_window=week
        )
    return [f"digests (week, {contact}: climate, pt, Telegram): {run.outcome}"]


async def demo_feed_owner(engine: Engine, settings: Settings, world: DemoWorld) -> list[str]:
    """João registers his city's feed (as on the members' form); it points at a private
    address, so the hub refuses to fetch it; after three failures he is told on Telegram."""
    import datetime as dt

    from hub.core.config.catalog import register_member_feed
    from hub.core.ingest.fetch import make_client
    from hub.core.ingest.poller import Poller, PollPolicy, member_guard

    _, contact, email, *_ = DEMO_MEMBERS[1]
    with Session(engine) as session, session.begin():
        source = register_member_feed(
            session,
            url=f"{world.website.url}/porto-alegre.rss",
            title="Prefeitura de Porto Alegre: notícias",
            owner_email=email,
        )
        key = source.key
    policy = PollPolicy()
    start = utcnow()
    outcome = None

    def at(moment: dt.datetime) -> Callable[[], dt.datetime]:
        return lambda: moment

    async with make_client() as client:
        # One poll each half day, the last one now (a clock set back, so the notice is due).
        for attempt in range(policy.failing_after):
            back = dt.timedelta(hours=12 * (policy.failing_after - 1 - attempt))
            clock = at(start - back)
            poller = Poller(engine, settings, client, guard=member_guard(settings), clock=clock)
            report = await poller.run_once()
            outcome = next((o for o in report.outcomes if o.key == key), outcome)
    error = outcome.error if outcome is not None else "not polled"
    return [
        f"member feed {key} of {contact}: failed {policy.failing_after} times ({error}); "
        f"{contact} is told on Telegram"
    ]


DemoMember = tuple[str, str | None, str, str, str, str, list[str], int | None]
# Left unformatted (fmt: skip): a table, each member on its own two lines.
DEMO_MEMBERS: tuple[DemoMember, ...] = (
    # organisation, contact, e-mail, language, country, type, topics, days since last seen
    ("Ajuntament de Barcelona", "Laia Serra", "laia@barcelona.example.org", "ca", "ES",
     "local government", ["participatory-budgeting"], 3),
    ("Prefeitura de Porto Alegre", "João Lima", "joao@portoalegre.example.org", "pt", "BR",
     "local government", ["participatory-budgeting", "youth"], 12),
    ("Ville de Dakar", "Awa Diop", "awa@dakar.example.org", "fr", "SN",
     "local government", ["climate"], 40),
    ("Câmara Municipal de Cascais", "Rita Alves", "rita@cascais.example.org", "pt", "PT",
     "local government", ["youth"], 250),
    ("Ayuntamiento de Madrid", None, "participa@madrid.example.org", "es", "ES",
     "local government", [], 400),
    ("Red de Participación Ciudadana", "Marta Ruiz", "marta@red.example.org", "es", "AR",
     "civil society", ["deliberation"], None),
)  # fmt: skip
"""Members of the demo network (fictional contacts, example.org addresses): the console's
Members page, its inactive list (not heard from in 180 days) and the newsletter audience."""

DEMO_SUBMISSIONS = (
    (
        "Cascais opens the vote on its youth participatory budget",
        "Young people aged 14 to 30 vote until the end of the month on the projects they drew up "
        "in the city's neighbourhood assemblies.",
        "en",
    ),
    (
        "Dakar : des assemblées de quartier préparent le budget participatif",
        "Dans chaque commune d'arrondissement, les habitants proposent et priorisent les projets "
        "qui seront financés l'an prochain.",
        "fr",
    ),
)


def demo_member(row: DemoMember, **extra: Any) -> Member:
    """A member of the demo network from a row of :data:`DEMO_MEMBERS`."""
    organisation, contact, email, language, country, kind, topics, _days = row
    return Member(
        organisation=organisation,
        contact_name=contact,
        email=email,
        language=language,
        country=country,
        member_type=kind,
        topics=topics,
        **extra,
    )


"""News sent through the members' web form that waits for the secretariat's approval."""


def demo_people_and_news(engine: Engine, settings: Settings) -> list[str]:
    """Members for the console, and two submissions waiting in the moderation queue."""
    import datetime as dt

    from hub.web.news_intake import Submission, submit_news

    now = utcnow()
    web_form = next(
        (key for key, s in settings.sources.items() if s.kind == "web" and s.enabled), None
    )
    with Session(engine) as session, session.begin():
        known = set(session.scalars(select(Member.email)))
        for row in DEMO_MEMBERS:
            if row[2] in known:  # João came earlier, for his digest
                continue
            days = row[7]
            seen = now - dt.timedelta(days=days) if days is not None else None
            session.add(demo_member(row, newsletter_status="subscribed", last_seen_at=seen))
        waiting = 0
        if web_form is not None:
            for title, text, language in DEMO_SUBMISSIONS:
                submission = Submission(title=title, text=text, language=language)
                submit_news(session, settings, web_form, submission, now=now, platform="web")
                waiting += 1
    return [
        f"For the console: {len(DEMO_MEMBERS)} members, and {waiting} members' news waiting "
        "for moderation (approve them there and watch the deliveries)"
    ]
