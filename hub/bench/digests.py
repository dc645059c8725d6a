"""``hub bench digests``: every member's personal digest in one pass.

A scratch database (SQLite, or PostgreSQL with ``--database-url``) holds
``members`` members (default 10,000) who chose a weekly digest, with topics,
languages and chat platforms drawn at random (a fixed seed), a week of approved
items (some with translations), and events coming up. The figure is the time
:func:`hub.core.schedule.digests.run_digests` takes to build and queue every
digest, and how many SQL statements it sends. Beside it, on the same database,
the same digests built with one items query per member (what a loop over
members would do), on a sample of members, per member: the ratio compares the
two per member.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, insert, select
from sqlalchemy.orm import Session

from hub.bench import scratch_postgres_database
from hub.core.config.catalog import sync_config
from hub.core.config.settings import ScheduleSettings, Settings
from hub.core.db import make_engine, transaction, upgrade
from hub.core.members.addressing import address_member
from hub.core.members.links import topics
from hub.core.models import Event, Item, ItemTranslation, Member
from hub.core.schedule import digests
from hub.core.schedule.digests import run_digests, window

LANGUAGES = ("en", "es", "fr", "ca", "pt")
NOW = dt.datetime(2026, 11, 23, 7, 5, tzinfo=dt.UTC)  # a Monday, 08:05 in Madrid
WEEKLY = ScheduleSettings(kind="digests", period="week", weekday="mon", time="08:00")
TEXT_LIMITS = {"telegram": 4096, "slack": 3000}
SAMPLE = 500


def _settings() -> Settings:
    return Settings.model_validate(
        {
            "hub": {"languages": list(LANGUAGES), "timezone": "Europe/Madrid"},
            "channels": {
                "telegram_assistant": {"platform": "telegram", "target": "@bot"},
                "slack_assistant": {"platform": "slack", "target": "C0BOT"},
            },
            "schedules": {"digests_weekly": WEEKLY.model_dump()},
        }
    )


def _fill(engine: Engine, settings: Settings, members: int, items: int) -> None:
    rng = random.Random(21)
    names = topics()
    since, until, _ = window(WEEKLY, NOW, settings.hub.timezone)
    span = (until - since).total_seconds()
    with transaction(engine) as session:
        sync_config(session, settings)
        rows = []
        for n in range(members):
            platform = rng.choice(("telegram", "slack", "telegram", "email"))
            rows.append(
                {
                    "organisation": f"Member {n}",
                    "email": f"m{n}@bench.example",
                    "language": rng.choice(LANGUAGES),
                    "topics": rng.sample(names, rng.choice((0, 1, 2, 3))),
                    "channels": [platform],
                    "telegram_chat_id": 10_000 + n,
                    "slack_user_id": f"U{n:07d}",
                    "digest": "week",
                }
            )
        session.execute(insert(Member), rows)
        item_rows = [
            {
                "title": f"Item {n} about {' and '.join(tags)}",
                "link": f"https://bench.example/{n}",
                "language": rng.choice(LANGUAGES),
                "tags": tags,
                "status": "approved",
                "approved_at": since + dt.timedelta(seconds=rng.uniform(1, span)),
            }
            for n in range(items)
            for tags in [rng.sample(names, rng.choice((1, 2)))]
        ]
        session.execute(insert(Item), item_rows)
        ids = list(session.scalars(select(Item.id)))
        session.execute(
            insert(ItemTranslation),
            [
                {"item_id": i, "language": rng.choice(LANGUAGES), "title": f"Item {i} translated"}
                for i in rng.sample(ids, len(ids) // 3)
            ],
        )
        for n in range(20):
            session.add(
                Event(
                    id=f"event-{n}",
                    kind="seminar",
                    name={code: f"Event {n} ({code})" for code in LANGUAGES},
                    starts_on=NOW.date() + dt.timedelta(days=n % 10),
                    topics=rng.sample(names, 1),
                )
            )


@contextmanager
def _counting(engine: Engine) -> Iterator[list[int]]:
    count = [0]

    def before(*_: Any) -> None:
        count[0] += 1

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield count
    finally:
        event.remove(engine, "before_cursor_execute", before)


def _one_pass(engine: Engine, settings: Settings) -> dict[str, Any]:
    with _counting(engine) as count, Session(engine) as session:
        started = time.perf_counter()
        run = run_digests(session, settings, WEEKLY, NOW, text_limits=TEXT_LIMITS)
        seconds = time.perf_counter() - started
        session.rollback()
    return {
        "seconds": round(seconds, 3),
        "queries": count[0],
        "digests": run.queued,
        "messages": run.messages,
        "by_newsletter": run.by_newsletter,
        "nothing_new": run.nothing_new,
    }


def _per_member(engine: Engine, settings: Settings, sample: int) -> dict[str, Any]:
    """The same digests with one items query per member (the loop the one pass avoids)."""
    since, until, _ = window(WEEKLY, NOW, settings.hub.timezone)
    with _counting(engine) as count, Session(engine) as session:
        started = time.perf_counter()
        members = session.scalars(
            select(Member).where(Member.digest == "week").order_by(Member.id).limit(sample)
        ).all()
        built = 0
        for member in members:
            stories = digests._stories(session, since, until)
            dated = digests._dated(session, NOW.date(), 7, LANGUAGES)
            to = address_member(member, platform=None, reply_to=None, language=member.language)
            blocks = digests.digest_text(
                member, to.language, "week", NOW.date(), stories, dated, None
            )
            built += bool(blocks)
        seconds = time.perf_counter() - started
    return {
        "members": len(members),
        "seconds": round(seconds, 3),
        "queries": count[0],
        "digests": built,
    }


def run_digests_bench(
    server_url: str | None, members: int = 10_000, items: int = 500
) -> dict[str, Any]:
    """Build and queue every member's weekly digest once; the ``--json`` contract."""
    settings = _settings()
    result: dict[str, Any] = {"members": members, "items": items}
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'bench.db'}"
        result["sqlite"] = _measure(url, settings, members, items)
    if server_url:
        with scratch_postgres_database(server_url, "hub_bench_digests") as pg_url:
            result["postgresql"] = _measure(pg_url, settings, members, items)
    return result


def _measure(url: str, settings: Settings, members: int, items: int) -> dict[str, Any]:
    engine = make_engine(url)
    try:
        upgrade(engine)
        _fill(engine, settings, members, items)
        one = _one_pass(engine, settings)
        loop = _per_member(engine, settings, min(SAMPLE, members))
    finally:
        engine.dispose()
    per_member_one = one["seconds"] / max(members, 1)
    per_member_loop = loop["seconds"] / max(loop["members"], 1)
    return {
        "one_pass": one,
        "per_member_loop": loop,
        "ms_per_member": {
            "one_pass": round(per_member_one * 1000, 3),
            "per_member_loop": round(per_member_loop * 1000, 3),
        },
        "ratio": round(per_member_loop / per_member_one, 1) if per_member_one else None,
    }


def render_digests_bench(result: dict[str, Any]) -> str:
    lines = [f"digests for {result['members']:,} members, {result['items']} items of the week:"]
    for name in ("sqlite", "postgresql"):
        if name not in result:
            continue
        measured = result[name]
        one, loop = measured["one_pass"], measured["per_member_loop"]
        lines.append(
            f"  {name}: one pass {one['seconds']} s, {one['queries']} statements, "
            f"{one['digests']} digests in {one['messages']} messages; "
            f"one query per member: {measured['ms_per_member']['per_member_loop']} ms a member "
            f"({loop['queries']} statements for {loop['members']}) against "
            f"{measured['ms_per_member']['one_pass']} ms: {measured['ratio']}x"
        )
    return "\n".join(lines)
