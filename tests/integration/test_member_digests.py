"""A member's personal digest, from their preferences page to their Telegram chat.

A deployment written as hub.toml (a weekly digests schedule, a Telegram channel on
the stand-in); João chooses on his preferences page a weekly digest on climate,
in Portuguese, on Telegram; the scheduler fires the week's digests and the worker
sends his through the Telegram stand-in: the period's climate news in Portuguese
(a translation when the item was written in another language), the youth item and
the item with no Portuguese version left out, the events coming up, his link. A
member who ticked only e-mail is left to the newsletter; firing again sends nothing.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from sqlalchemy import Engine, select

from bots.telegram.standin import TelegramStandIn
from hub.core.bus.messages import ChannelSinks
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings, load_settings
from hub.core.db import transaction
from hub.core.members.links import preferences_token
from hub.core.models import Delivery, Event, Item, ItemTranslation, Member
from hub.core.schedule.digests import split_messages, utf16_length
from hub.core.schedule.scheduler import Scheduler
from hub.web.testing import TEST_SECRET_KEY, ConsoleClient, SteppingClock, console_app
from hub.wiring import SINKS, TEXT_LIMITS

TG_TOKEN = "123456:digest-test-token"
JOAO_CHAT = 777_001
MONDAY = dt.datetime(2026, 11, 23, 7, 5, tzinfo=dt.UTC)  # 08:05 in Madrid, a Monday
LAST_WEEK = MONDAY - dt.timedelta(days=3)

HUB_TOML = """
[hub]
languages = ["en", "es", "fr", "pt"]
timezone = "Europe/Madrid"

[sources.website_news]
kind = "feed"
url = "https://oidp.example/news.rss"
trusted = true

[channels.telegram_latam_pt]
platform = "telegram"
target = "@oidp_latam_pt"
language = "pt"
base_url = "{telegram}"
token_env = "TELEGRAM_BOT_TOKEN"

[[routes]]
name = "Portuguese news"
match = {{ languages = ["pt"] }}
to = ["telegram_latam_pt"]

[schedules.digests_weekly]
kind = "digests"
period = "week"
weekday = "mon"
time = "08:00"
"""


def written(tmp_path: Path, telegram_url: str) -> Settings:
    config = tmp_path / "hub.toml"
    config.write_text(HUB_TOML.format(telegram=telegram_url), encoding="utf-8")
    secrets = {"TELEGRAM_BOT_TOKEN": TG_TOKEN, "HUB_SECRET_KEY": TEST_SECRET_KEY}
    return load_settings(config, secrets)


def approved(session, title: str, language: str, tags: list[str], **fields) -> Item:
    item = Item(
        title=title,
        language=language,
        tags=tags,
        status="approved",
        approved_at=LAST_WEEK,
        link=f"https://oidp.example/{language}/{len(title)}",
        **fields,
    )
    session.add(item)
    session.flush()
    return item


def choose(engine: Engine, settings: Settings, member_id: int, **choices: str) -> None:
    """The member saves their choices on their own preferences page."""
    clock = SteppingClock(MONDAY - dt.timedelta(days=5))
    app = console_app(settings, engine, clock=clock)
    link = f"/preferences/{preferences_token(TEST_SECRET_KEY, member_id, clock.now)}"
    with ConsoleClient(app) as client:
        saved = client.submit(link, link, choices)
        assert saved.status_code == 303, saved.text


def test_a_weekly_telegram_digest_on_climate_in_portuguese(engine: Engine, tmp_path: Path) -> None:
    asyncio.run(weekly_digest(engine, tmp_path))


async def weekly_digest(engine: Engine, tmp_path: Path) -> None:
    telegram = TelegramStandIn((TG_TOKEN,))
    telegram.add_chat(-100_777, type="channel", title="latam pt", username="oidp_latam_pt")
    telegram.add_chat(JOAO_CHAT, type="private", title="João")
    async with telegram:
        settings = written(tmp_path, telegram.url)
        with transaction(engine) as session:
            sync_config(session, settings)
            joao = Member(organisation="Porto Alegre", email="joao@poa.example", language="en")
            joao.telegram_chat_id = JOAO_CHAT
            rita = Member(organisation="Cascais", email="rita@cascais.example", language="pt")
            rita.telegram_chat_id = 777_002
            session.add_all([joao, rita])
            session.flush()
            joao_id, rita_id = joao.id, rita.id
            approved(session, "Porto Alegre debate a ação climática local", "pt", ["climate"])
            approved(session, "Orçamento participativo jovem", "pt", ["youth"])
            approved(session, "Séminaire sur le climat à Dakar", "fr", ["climate"])
            english = approved(session, "Climate assemblies in Lisbon", "en", ["climate"])
            session.add(
                ItemTranslation(
                    item_id=english.id,
                    language="pt",
                    title="Assembleias climáticas em Lisboa",
                    link="https://oidp.example/pt/lisboa",
                )
            )
            approved(session, "Old climate news", "pt", ["climate"]).approved_at = (
                MONDAY - dt.timedelta(days=9)
            )
            session.add(
                Event(
                    id="climate-forum",
                    kind="seminar",
                    name={"en": "Climate forum", "pt": "Fórum do clima"},
                    starts_on=MONDAY.date() + dt.timedelta(days=3),
                    city="Porto Alegre",
                    topics=["climate"],
                )
            )
        choose(
            engine,
            settings,
            joao_id,
            language="pt",
            topics="climate",
            channels="telegram",
            digest="week",
            timezone="America/Sao_Paulo",
        )
        choose(
            engine, settings, rita_id, language="pt", digest="week", newsletter="on"
        )  # e-mail only
        with transaction(engine) as session:
            chosen = session.get(Member, joao_id)
            assert chosen is not None
            assert (chosen.digest, chosen.topics, chosen.channels) == (
                "week",
                ["climate"],
                ["telegram"],
            )
            assert chosen.timezone == "America/Sao_Paulo"

        scheduler = Scheduler(engine, settings, text_limits=TEXT_LIMITS)
        [firing] = scheduler.tick(MONDAY)
        assert firing.schedule == "digests_weekly" and firing.period == "2026-W48"
        assert "1 week digest(s) queued in 1 message(s) for 2 member(s)" in firing.outcome
        assert "1 by the newsletter" in firing.outcome

        sinks = ChannelSinks.from_settings(settings, SINKS)
        config = WorkerConfig(until_idle=True, poll_interval=0.05)
        await Worker(engine, sinks, config=config, clock=lambda: MONDAY).run()
        await sinks.close()

        [digest] = telegram.messages(JOAO_CHAT)
        text = digest.text
        assert text.startswith("O seu resumo semanal")
        assert "Porto Alegre debate a ação climática local" in text
        assert "Assembleias climáticas em Lisboa https://oidp.example/pt/lisboa" in text
        assert "jovem" not in text  # not one of his topics
        assert "Dakar" not in text  # no Portuguese version
        assert "Old climate news" not in text  # last week's digest had it
        assert "Fórum do clima, Porto Alegre" in text
        assert "Altere ou pare este resumo: /preferences/" in text
        assert telegram.messages(777_002) == []

        again = Scheduler(engine, settings, text_limits=TEXT_LIMITS)
        assert again.tick(MONDAY + dt.timedelta(minutes=1)) == []  # recorded: fires once
        with transaction(engine) as session:
            digests = session.scalars(
                select(Delivery).where(Delivery.dedup_key.startswith("digest:"))
            ).all()
            assert len(digests) == 1 and digests[0].status == "sent"


def test_a_long_digest_is_split_between_entries_within_the_platforms_limit() -> None:
    blocks = [["O seu resumo semanal"]] + [
        [f"Tema {n}"] + [f"- Notícia número {n}.{i} com um título longo 🌍" for i in range(20)]
        for n in range(12)
    ]
    limit = TEXT_LIMITS["telegram"]
    messages = split_messages(blocks, limit, "pt")
    assert len(messages) > 1
    assert all(utf16_length(m) <= limit for m in messages)
    assert messages[0].endswith(f"(parte 1 de {len(messages)})")
    joined = "\n".join(messages)
    for n in range(12):  # nothing cut, nothing lost
        for i in range(20):
            assert f"Notícia número {n}.{i} com" in joined
