"""The Sources page attaches a feed to its owner (a member) and detaches it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select

from hub.core.accounts import AuditEntry
from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import Member, Source
from hub.web.testing import (
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    csrf_token,
    example_settings,
)

EMAIL, PASSWORD = "admin@example.org", "correct horse battery"


@pytest.fixture
def client(engine: Engine) -> Iterator[ConsoleClient]:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
        session.add(Member(organisation="Ajuntament de Girona", email="girona@example.org"))
    add_user(engine, EMAIL, PASSWORD, role="admin")
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock())) as client:
        client.sign_in(EMAIL, PASSWORD)
        yield client


def owner_of(engine: Engine, key: str) -> int | None:
    with transaction(engine) as session:
        return session.scalars(select(Source.member_id).where(Source.key == key)).one()


def test_a_feed_gets_an_owner_by_email_and_loses_it(engine: Engine, client: ConsoleClient) -> None:
    page = client.get("/sources").text
    assert 'action="/sources/news_feed/owner"' in page and "the secretariat" in page
    token = csrf_token(page)
    response = client.post(
        "/sources/news_feed/owner", data={"csrf_token": token, "owner": "GIRONA@example.org"}
    )
    told = client.follow(response).text
    assert "Ajuntament de Girona owns news_feed now" in told
    assert "girona@example.org" in told  # the owner is shown in the table
    with transaction(engine) as session:
        member_id = session.scalars(select(Member.id)).one()
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "source_owner"))
        assert [a.detail for a in audit] == [f"member:{member_id}"]
    assert owner_of(engine, "news_feed") == member_id

    unknown = client.post(
        "/sources/news_feed/owner", data={"csrf_token": token, "owner": "nobody@example.org"}
    )
    assert "No member has the address, id or name nobody@example.org" in client.follow(unknown).text
    assert owner_of(engine, "news_feed") == member_id

    cleared = client.post("/sources/news_feed/owner", data={"csrf_token": token, "owner": ""})
    assert "news_feed has no owner now" in client.follow(cleared).text
    assert owner_of(engine, "news_feed") is None

    missing = client.post("/sources/no_such/owner", data={"csrf_token": token, "owner": "1"})
    assert "There is no such feed" in client.follow(missing).text
