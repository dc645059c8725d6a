"""Feed owners from the configuration: ``[sources.X] member`` makes a member's feed.

The configuration is written as a deployment writes it (hub.toml, loaded by
``load_settings``) and mirrored by ``sync_config``; nothing sets the owner column by
hand. A member's feed pointing at 127.0.0.1 is refused by the SSRF guard, and the
owner is told on their platform when the feed breaks and when it recovers.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings, load_settings
from hub.core.db import transaction
from hub.core.ingest.fetch import FetchLimits, make_client
from hub.core.ingest.poller import CycleReport, Poller, PollPolicy, member_guard
from hub.core.models import Delivery, Member, Source
from hub.testing.feedserver import FeedServer, Route, rss, serving

NOW = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)
FAILING_AFTER = PollPolicy().failing_after
LATER = dt.timedelta(hours=12)  # past any backoff
FEED = rss("Girona", [("g1", "Girona opens its budget", "Assemblies in every district.")])


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with serving() as running:
        yield running


def deployment(tmp_path: Path, url: str, member: str, allow: str = "") -> Settings:
    config = tmp_path / "hub.toml"
    config.write_text(
        f"""
[hub]
languages = ["en", "ca"]
secretariat_channel = "secretariat"
{allow}

[sources.website]
kind = "feed"
url = "{url}"
trusted = true

[sources.girona]
kind = "feed"
title = "Girona participa"
url = "{url}"
member = "{member}"

[channels.secretariat]
platform = "slack"
target = "C0SECRE"

[channels.telegram_members]
platform = "telegram"
target = "@oidp_members"

[[routes]]
name = "all"
to = ["secretariat"]
""",
        encoding="utf-8",
    )
    return load_settings(config)


def poll(engine: Engine, settings: Settings, now: dt.datetime) -> dict[str, tuple[str, str]]:
    async def go() -> CycleReport:
        async with make_client() as client:
            poller = Poller(
                engine,
                settings,
                client,
                policy=PollPolicy(limits=FetchLimits(deadline_seconds=5.0)),
                clock=lambda: now,
                guard=member_guard(settings),
            )
            return await poller.run_once()

    return {o.key: (o.status, o.error or "") for o in asyncio.run(go()).outcomes}


def notices(engine: Engine) -> list[Delivery]:
    with transaction(engine) as session:
        rows = list(session.scalars(select(Delivery).where(Delivery.kind == "reply")))
        session.expunge_all()
        return rows


def test_the_configured_member_owns_the_feed_found_by_email_or_added(
    engine: Engine, tmp_path: Path
) -> None:
    with transaction(engine) as session:
        session.add(Member(organisation="Ajuntament de Girona", email="Girona@Example.org"))
    settings = deployment(tmp_path, "https://girona.example/rss", "girona@example.org")
    with transaction(engine) as session:
        sync_config(session, settings)
        sync_config(session, settings)  # idempotent: no second member
        owner = session.scalars(select(Source).where(Source.key == "girona")).one().member_id
        known = session.scalars(select(Member)).one()
        assert owner == known.id
        assert (
            session.scalars(select(Source.member_id).where(Source.key == "website")).one() is None
        )
    other = deployment(tmp_path, "https://girona.example/rss", "Ville de Nantes")
    with transaction(engine) as session:
        sync_config(session, other)
        owner = session.scalars(select(Source).where(Source.key == "girona")).one().member_id
        added = session.get(Member, owner)
        assert added is not None and added.organisation == "Ville de Nantes"


def test_a_member_feed_to_loopback_is_refused_and_its_owner_told(
    engine: Engine, tmp_path: Path, server: FeedServer
) -> None:
    route = Route(body=FEED)
    url = server.add("/feed", route)
    with transaction(engine) as session:
        session.add(
            Member(
                organisation="Girona",
                email="girona@example.org",
                telegram_chat_id=42,
                language="ca",
                preferred_platform="telegram",
            )
        )
    settings = deployment(tmp_path, url, "girona@example.org")
    with transaction(engine) as session:
        sync_config(session, settings)
    outcomes = poll(engine, settings, NOW)
    assert outcomes["website"][0] == "changed"  # the secretariat's own feed: not guarded
    assert outcomes["girona"][0] == "failed" and "loopback" in outcomes["girona"][1]
    assert route.hits == 1  # the secretariat's feed only: the member's never connected
    for attempt in range(1, FAILING_AFTER):  # told once the failure is not a passing one
        assert notices(engine) == []
        poll(engine, settings, NOW + attempt * LATER)
    [notice] = notices(engine)
    assert notice.payload["extra"] == {"reply_to": "42", "platform": "telegram"}
    assert "Girona participa" in notice.payload["text"]


def test_the_owner_is_told_when_the_feed_breaks_and_when_it_recovers(
    engine: Engine, tmp_path: Path, server: FeedServer
) -> None:
    route = Route(status=500, body=b"oops")
    url = server.add("/feed", route)
    with transaction(engine) as session:
        member = Member(organisation="Girona", email="girona@example.org", slack_user_id="U7")
        session.add(member)
    allow = 'fetch_allow_private = ["127.0.0.1/32"]'
    settings = deployment(tmp_path, url, "girona@example.org", allow)
    with transaction(engine) as session:
        sync_config(session, settings)
    for attempt in range(FAILING_AFTER):
        assert poll(engine, settings, NOW + attempt * LATER)["girona"][0] == "failed"
    route.status, route.body = 200, FEED
    assert poll(engine, settings, NOW + FAILING_AFTER * LATER)["girona"][0] == "changed"
    texts = [n.payload["text"] for n in notices(engine)]
    assert len(texts) == 2
    assert "cannot be read" in texts[0] and "HTTP 500" in texts[0]
    assert "can be read again" in texts[1]
    assert all(n.payload["extra"]["reply_to"] == "U7" for n in notices(engine))


def test_a_member_registers_their_feed_on_the_form_and_it_is_theirs(
    engine: Engine, tmp_path: Path, server: FeedServer
) -> None:
    """The members' form, on a deployment written as hub.toml: the feed becomes a source
    owned by the member with the address given, kept at the next sync, fetched from
    public addresses only (a loopback feed is refused before any connection)."""
    from hub.core.config.catalog import MEMBER_FEED_PREFIX
    from hub.web.testing import (
        TEST_SECRET_KEY,
        ConsoleClient,
        SteppingClock,
        console_app,
    )

    route = Route(body=FEED)
    url = server.add("/member-feed", route)
    with transaction(engine) as session:
        session.add(Member(organisation="Ajuntament de Girona", email="girona@example.org"))
    settings = deployment(tmp_path, "https://oidp.example/rss", "girona@example.org")
    settings = settings.model_copy(update={"secrets": {"HUB_SECRET_KEY": TEST_SECRET_KEY}})
    with transaction(engine) as session:
        sync_config(session, settings)
    app = console_app(settings, engine, clock=SteppingClock(NOW))
    form = {"url": url, "title": "Lleida participa", "email": "Lleida@Example.org"}
    with ConsoleClient(app) as client:
        assert "Feed address" in client.get("/submit-feed?lang=en").text
        done = client.submit("/submit-feed?lang=ca", "/submit-feed?lang=ca", form)
        assert done.status_code == 303
        assert "el teu feed està registrat" in client.follow(done).text
        again = client.submit("/submit-feed?lang=en", "/submit-feed?lang=en", form)
        assert again.status_code == 400 and "already known" in again.text
        bad = client.submit("/submit-feed", "/submit-feed", {**form, "url": "ftp://x", "email": ""})
        assert bad.status_code == 400
    with transaction(engine) as session:
        sync_config(session, settings)  # hub.toml does not name it: it stays, enabled
        [feed] = session.scalars(select(Source).where(Source.url == url)).all()
        owner = session.get(Member, feed.member_id) if feed.member_id else None
        assert feed.key.startswith(MEMBER_FEED_PREFIX) and feed.enabled and not feed.trusted
        assert owner is not None and owner.email == "lleida@example.org"
        key = feed.key
    outcomes = poll(engine, settings, NOW)
    assert outcomes[key][0] == "failed" and "loopback" in outcomes[key][1]
    assert route.hits == 0  # never connected
