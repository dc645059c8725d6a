"""A member's preferences link from the console: the admin copies it from the member's page,
and it opens that member's preferences page; in ``hub demo`` too, whose secret key is new at
each run."""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.members.links import member_of_token
from hub.core.models import Member
from hub.demo.run import DEMO_PLATFORMS, DemoWorld, load_demo_settings
from hub.web.testing import (
    TEST_SECRET_KEY,
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    example_settings,
)

ROOT = Path(__file__).parents[2]
ADMIN, PASSWORD = "admin@example.org", "correct horse battery"
LINK = re.compile(r'id="preferences-link"[^>]* value="([^"]+)"')


def add_member(engine: Engine, **values: object) -> int:
    with transaction(engine) as session:
        member = Member(
            **{
                "organisation": "Ajuntament de Girona",
                "email": "ana@girona.cat",
                "language": "es",
                "topics": [],
                **values,
            }
        )
        session.add(member)
        session.flush()
        return member.id


def signed_in(
    engine: Engine, settings: Settings, clock: SteppingClock, **options: object
) -> ConsoleClient:
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, ADMIN, PASSWORD, role="admin")
    app = console_app(settings, engine, clock=clock, **options)
    client = ConsoleClient(app, base_url=settings.hub.public_url or "http://console.test")
    client.sign_in(ADMIN, PASSWORD)
    return client


def link_on_member_page(client: ConsoleClient, member_id: int) -> str | None:
    page = client.get(f"/members/{member_id}")
    assert page.status_code == 200
    found = LINK.search(page.text)
    return html.unescape(found.group(1)) if found else None


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


def test_the_member_page_gives_a_link_that_opens_that_members_preferences(
    engine: Engine, clock: SteppingClock
) -> None:
    with signed_in(engine, example_settings(), clock) as client:
        girona = add_member(engine)
        lleida = add_member(engine, organisation="Paeria de Lleida", email="info@lleida.cat")
        link = link_on_member_page(client, girona)
        # An address to send: absolute on the console's own address when there is no
        # public URL, with a copy button the script shows (the field is copyable without it).
        assert link is not None and link.startswith("http://console.test/preferences/")
        page = client.get(f"/members/{girona}").text
        assert 'data-copy="preferences-link"' in page and '<script src="/static/copy.js"' in page
        assert client.get("/static/copy.js").status_code == 200
        token = link.rsplit("/", 1)[1]
        assert member_of_token(TEST_SECRET_KEY, token, clock.now) == girona
        with ConsoleClient(client.app) as member_browser:  # the member has no session
            own = member_browser.get(link.removeprefix("http://console.test"))
            assert own.status_code == 200
            assert "Ajuntament de Girona" in own.text and "Paeria de Lleida" not in own.text
            assert member_browser.get(f"/members/{lleida}").status_code == 303  # to sign in
        other = link_on_member_page(client, lleida)
        assert other is not None and other != link
        assert member_of_token(TEST_SECRET_KEY, other.rsplit("/", 1)[1], clock.now) == lleida


def test_the_link_is_on_the_public_url_and_none_is_given_for_an_erased_member(
    engine: Engine, clock: SteppingClock
) -> None:
    settings = example_settings(public_url="https://hub.example.org")
    with signed_in(engine, settings, clock) as client:
        girona = add_member(engine)
        link = link_on_member_page(client, girona)
        assert link is not None and link.startswith("https://hub.example.org/preferences/")
        with transaction(engine) as session:
            member = session.get(Member, girona)
            assert member is not None
            member.erased_at = clock.now
        assert link_on_member_page(client, girona) is None


def test_without_a_secret_key_in_the_settings_links_are_refused_not_a_server_error(
    engine: Engine, clock: SteppingClock
) -> None:
    settings = example_settings().model_copy(update={"secrets": {}})
    with signed_in(engine, settings, clock, secret_key=TEST_SECRET_KEY) as client:
        girona = add_member(engine)
        assert link_on_member_page(client, girona) is None  # nothing could sign it
        refused = client.get("/preferences/anything.at-all")
        assert refused.status_code == 404 and "not valid any more" in refused.text


@pytest.fixture
def demo_settings(tmp_path: Path) -> Iterator[tuple[Settings, DemoWorld]]:
    """The settings ``hub demo`` runs its console with (its stand-ins started, then closed)."""
    world = DemoWorld()

    async def load() -> Settings:
        await world.start(DEMO_PLATFORMS)
        try:
            return load_demo_settings(ROOT / "config" / "hub.toml", world, tmp_path / "demo")
        finally:
            await world.close()

    yield asyncio.run(load()), world


def test_the_demos_preferences_page_opens_real_links_and_refuses_junk(
    engine: Engine, clock: SteppingClock, demo_settings: tuple[Settings, DemoWorld]
) -> None:
    settings, world = demo_settings
    assert len(world.secret_key) >= 32 and world.secret_key != DemoWorld().secret_key
    # As `hub demo` starts its console: the world's secret key signs the cookies too.
    with signed_in(engine, settings, clock, secret_key=world.secret_key) as client:
        dakar = add_member(
            engine, organisation="Ville de Dakar", email="awa@dakar.example.org", language="fr"
        )
        link = link_on_member_page(client, dakar)
        assert link is not None
        path = "/preferences/" + link.rsplit("/preferences/", 1)[1]
        page = client.get(path)
        assert page.status_code == 200 and "Ville de Dakar" in page.text
        for junk in ("/preferences/junk", path[:-3] + "abc", path + "x"):
            refused = client.get(junk)
            assert refused.status_code == 404, junk
            assert "not valid any more" in refused.text
