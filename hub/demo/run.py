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
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from hub.core.config.settings import MANUAL_PLATFORMS, Settings, load_settings
from hub.core.members.links import SECRET_KEY_ENV
from hub.core.models import Delivery, Event, Item, ItemPicture, Member, utcnow
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
    from hub.runner import HubProcess
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

DEMO_QUESTIONS = (
    ("en", "What is the next event?"),
    ("es", "donde esta la oficina regional de america latina"),
    ("fr", "Quand a été créée la plateforme africaine ?"),
    ("ca", "On es va fer la 13a conferencia?"),
    ("pt", "Quais são as prioridades temáticas?"),
    ("fr", "Quel est le budget du secrétariat ?"),
)
"""What the demo's members ask, as people type (the last one the knowledge cannot answer)."""
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


@dataclass(frozen=True)
class Conversations:
    """What the demo's members asked, what came back, and the roles that failed meanwhile."""

    lines: list[str]
    asked: int
    answered: int
    failed_roles: dict[str, str] = field(default_factory=dict)
    """Role -> the error it stopped on."""

    def problem(self) -> str | None:
        """One line saying why the members got no answers, or None when the bots worked."""
        if self.failed_roles:
            return "; ".join(
                f"the {role} role stopped on an error: {error}"
                for role, error in self.failed_roles.items()
            )
        if self.asked and not self.answered:
            return f"none of the {self.asked} questions got an answer in time"
        return None


async def demo_conversations(
    engine: Engine, settings: Settings, world: DemoWorld, *, deadline_s: float = 45.0
) -> Conversations:
    """Members ask the bot in five languages through the stand-ins that can play them;
    the hub's bots and worker roles answer; returns the exchanges for the terminal."""
    from hub.runner import HubProcess

    chats = {p: s for p, s in world.standins.items() if isinstance(s, MemberChat)}
    if not chats:
        return Conversations(["assistant: no stand-in here can play a member"], 0, 0)
    asked = [
        (platform, chat, language, question, chat.member_says(question, language=language))
        for platform, chat in sorted(chats.items())
        for language, question in DEMO_QUESTIONS
    ]
    process = HubProcess(settings, engine, {"bots", "worker"})
    stop = asyncio.Event()
    running = asyncio.create_task(process.run(stop))
    loop = asyncio.get_running_loop()
    end = loop.time() + deadline_s
    # The stand-ins hold replies in memory and signal nothing: look five times a second,
    # until every question is answered or the process stops (a role failed).
    while (  # noqa: ASYNC110
        loop.time() < end
        and not running.done()
        and not all(chat.replies(ref) for _, chat, _, _, ref in asked)
    ):
        await asyncio.sleep(0.2)
    stop.set()
    await running
    lines = []
    answered = 0
    for platform, chat, language, question, ref in asked:
        answers = chat.replies(ref)
        answered += bool(answers)
        lines.append(f"  {platform} member [{language}]: {question}")
        for answer in answers or ["(no answer in time)"]:
            first = answer.strip().splitlines()[0] if answer.strip() else "(empty)"
            lines.append(f"    bot: {first[:110]}")
    return Conversations(lines, len(asked), answered, _failed_roles(process))


def _failed_roles(process: HubProcess) -> dict[str, str]:
    """The roles of a stopped ``HubProcess`` that ended on an error, with that error."""
    failed = {}
    for task in process.tasks:
        if task.done() and not task.cancelled() and task.exception() is not None:
            error = task.exception()
            failed[task.get_name().removeprefix("hub-")] = str(error) or type(error).__name__
    return failed


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


DEMO_SPANISH_NEWS = (
    "Dakar acoge un encuentro africano de presupuestos participativos",
    "Alcaldes de Senegal, Mali y Costa de Marfil comparten en Dakar lo que aprendieron "
    "de sus presupuestos participativos con la OIDP.",
)
"""A member's news in Spanish about Africa: the French channel's route says translate = true."""


def demo_translation(engine: Engine, settings: Settings) -> list[str]:
    """Machine translation drafts, as a person sees them: a Spanish item drafted in French
    for the African channel and approved by a moderator, a knowledge entry given its
    missing languages. Deliveries are left for :func:`deliver_all`."""
    from hub.core.models import ItemTranslation, KnowledgeEntry
    from hub.core.moderation.decisions import approve
    from hub.core.translation.drafts import (
        draft_entry_languages,
        draft_pending,
        draft_record_languages,
    )
    from hub.web.news_intake import Submission, submit_news

    service = translation_service(settings, engine)
    web_form = next(
        (key for key, s in settings.sources.items() if s.kind == "web" and s.enabled), None
    )
    if service is None or web_form is None:
        return ["translation: off in this configuration"]
    now = utcnow()
    title, text = DEMO_SPANISH_NEWS
    with Session(engine) as session, session.begin():
        submission = Submission(title=title, text=text, language="es")
        submit_news(session, settings, web_form, submission, now=now, platform="web")
        item_id = session.scalar(select(Item.id).where(Item.title == title))
    report = draft_pending(engine, settings, service)
    lines = [f"translation ({service.name}): drafted {', '.join(report.drafted) or 'nothing'}"]
    lines += [f"  not translated {k}: {v}" for k, v in report.untranslated.items()]
    with Session(engine) as session, session.begin():
        item = session.get(Item, item_id)
        assert item is not None
        for draft in session.scalars(
            select(ItemTranslation).where(ItemTranslation.item_id == item_id)
        ):
            lines.append(
                f"  {draft.language}: {draft.title}  (machine-translated, {draft.machine})"
            )
        approve(session, item, settings, by="demo moderator", now=now)
        lines.append(f"  approved by a moderator with its translation: {item.title}")
    with Session(engine) as session, session.begin():
        for entry in session.scalars(select(KnowledgeEntry).order_by(KnowledgeEntry.id)):
            missing = [c for c in settings.hub.languages if not (entry.body or {}).get(c)]
            if missing and (entry.body or {}).get(settings.hub.default_language):
                drafted = draft_entry_languages(
                    session, entry, settings.hub.languages, service, settings.hub.default_language
                )
                gained = ", ".join(drafted.drafted) or "nothing"
                lines.append(f"  knowledge {entry.id} gained {gained} (marked translated)")
                break
        events = select(Event).where(Event.source_id.is_(None))
        lacking = [
            event
            for event in session.scalars(events.order_by(Event.starts_on.desc(), Event.id))
            if any(
                t and not set(settings.hub.languages) <= set(t)
                for t in (event.name, event.theme, event.description)
            )
        ]
        if not lacking:  # the seed knowledge has its five languages: one written in English
            lacking = [english_only_event(session, settings, now)]
        event = lacking[0]
        drafted = draft_record_languages(
            session, event, settings.hub.languages, service, settings.hub.default_language
        )
        gained = ", ".join(drafted.drafted) or "nothing"
        lines.append(f"  knowledge event {event.id} gained {gained} (marked translated)")
    return lines


def english_only_event(session: Session, settings: Settings, now: dt.datetime) -> Event:
    """An event the secretariat wrote in its default language only, as the console's event
    form allows: a past online seminar, so it changes no answer about what is coming."""
    language = settings.hub.default_language
    event = Event(
        id="demo-seminar-youth-budgets",
        kind="seminar",
        name={language: "OIDP online seminar: participatory budgets with young people"},
        description={
            language: "Cities share how young people propose and vote projects in "
            "participatory budgets."
        },
        starts_on=(now - dt.timedelta(days=20)).date(),
        organiser="IOPD Technical Secretariat",
    )
    session.add(event)
    session.flush()
    return event


def machine_posts(world: DemoWorld) -> list[str]:
    """The posts the stand-ins hold that carry a machine translation (marked ``[xx]``)."""
    from bots.formatting import machine_mark_texts

    marks = sorted(machine_mark_texts(), key=len, reverse=True)
    lines = []
    for platform, standin in world.standins.items():
        for post in standin.posts():
            if post.text.lstrip().startswith("[") and "] " in post.text[:8]:
                first = post.text.strip().splitlines()[0]
                lines.append(f"  {platform} {post.channel} received: {first[:90]}")
                mark = next((words for words in marks if words in post.text), None)
                lines.append(f"    marked for readers: {mark or 'NOT MARKED'}")
    return lines


DEMO_MAIL: tuple[tuple[str, str, str, dict[str, str]], ...] = (
    # sender, subject, text, extra headers
    (
        "Marta Ruiz <marta@red.example.org>",
        "Rosario abre su presupuesto participativo joven",
        "Jóvenes de 13 a 18 años votan 30 proyectos de barrio hasta junio.\n\n"
        "Más: https://red.example.org/rosario-joven",
        {},
    ),
    ("Marta Ruiz <marta@red.example.org>", "Cuota", "¿Cuánto cuesta ser miembro del OIDP?", {}),
    ("Someone <someone@elsewhere.example>", "Hello", "Please add us to your network.", {}),
    (
        "Marta Ruiz <marta@red.example.org>",
        "Fuera de la oficina",
        "Vuelvo el lunes.",
        {"Auto-Submitted": "auto-replied"},
    ),
)
"""What the demo's mailbox receives: a member's news, her question, a stranger's note and her
out-of-office reply."""


@runtime_checkable
class _SmtpLike(Protocol):
    """A stand-in that keeps the e-mails it received (the SMTP one)."""

    def messages(self) -> list[EmailMessage]: ...


async def demo_mailbox(engine: Engine, settings: Settings, world: DemoWorld) -> list[str]:
    """Mail to the secretariat, read from a real IMAP server (Dovecot), and the answer sent
    back by e-mail through the SMTP stand-in (aiosmtpd). Without Dovecot, one line says so."""
    import imaplib
    from email.utils import make_msgid

    from hub.core.ingest.mailbox import MailboxPoller
    from hub.core.models import MailboxMessage, Member

    server = world.mailbox
    if server is None or DEMO_MAILBOX not in settings.sources:
        return [
            "Mail: Dovecot is not installed here (`make dovecot` installs Debian's "
            "dovecot-imapd), so the mailbox source is not shown; its tests run against it in CI."
        ]
    with Session(engine) as session, session.begin():
        if session.scalar(select(Member.id).where(Member.email == "marta@red.example.org")) is None:
            session.add(demo_member(DEMO_MEMBERS[-1]))

    def append_all() -> None:
        client = imaplib.IMAP4("127.0.0.1", server.port)
        try:
            client.login(server.username, server.password)
            for sender, subject, text, headers in DEMO_MAIL:
                mail = EmailMessage()
                mail["From"], mail["To"] = sender, server.username
                mail["Subject"], mail["Message-ID"] = subject, make_msgid(domain="example.org")
                for name, value in headers.items():
                    mail[name] = value
                mail.set_content(text)
                client.append("INBOX", None, None, mail.as_bytes())
        finally:
            client.logout()

    await asyncio.to_thread(append_all)
    outcome = await asyncio.to_thread(MailboxPoller(engine, settings).poll, DEMO_MAILBOX)
    await deliver_all(engine, settings)
    lines = [f"Mail: {server.username} at imap://127.0.0.1:{server.port} (Dovecot)"]
    if outcome.error:
        lines.append(f"  could not read it: {outcome.error}")
    with Session(engine) as session:
        for row in session.scalars(select(MailboxMessage).order_by(MailboxMessage.id)):
            what = row.reason or row.outcome
            if row.outcome == "item":
                what = f"item #{row.item_id} waiting for moderation"
            elif row.outcome == "question":
                what = f"question #{row.question_id} for the assistant"
            lines.append(f"  {row.sender}: {row.subject!r} -> {what}"[:200])
    standin = world.standins.get("email")
    sent: list[EmailMessage] = standin.messages() if isinstance(standin, _SmtpLike) else []
    for reply in sent:
        body = reply.get_body(("plain",))
        text = body.get_content().strip().splitlines()[0] if body is not None else ""
        lines.append(
            f"  answered by e-mail to {reply['To']} [{reply['Content-Language']}], "
            f"{reply['Subject']!r}, In-Reply-To {reply['In-Reply-To']}: {text[:80]}"
        )
    return lines
