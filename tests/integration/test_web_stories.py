"""The item page merges another item into its story and splits a language off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select

from hub.core.accounts import AuditEntry
from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import Item
from hub.web.testing import (
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    csrf_token,
    example_settings,
)

EMAIL, PASSWORD = "editor@example.org", "correct horse battery"


@pytest.fixture
def client(engine: Engine) -> Iterator[ConsoleClient]:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, EMAIL, PASSWORD, role="editor")
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock())) as client:
        client.sign_in(EMAIL, PASSWORD)
        yield client


def items(engine: Engine) -> tuple[int, int]:
    with transaction(engine) as session:
        english = Item(title="A guide on youth participation", language="en", status="pending")
        spanish = Item(title="Una guía sobre participación juvenil", language="es")
        spanish.link, spanish.status = "https://oidp.net/es/guia", "pending"
        session.add_all([english, spanish])
        session.flush()
        return english.id, spanish.id


def test_merge_then_split_from_the_item_page(engine: Engine, client: ConsoleClient) -> None:
    english, spanish = items(engine)
    page = client.get(f"/items/{english}").text
    assert f'action="/items/{english}/merge"' in page
    token = csrf_token(page)
    nothing = client.post(f"/items/{english}/merge", data={"csrf_token": token, "other": "999"})
    assert "There is no item number 999." in client.follow(nothing).text
    merged = client.post(
        f"/items/{english}/merge", data={"csrf_token": token, "other": str(spanish)}
    )
    shown = client.follow(merged).text
    assert f"Item {spanish} is now this story&#39;s es version." in shown
    assert "Una guía sobre participación juvenil" in shown and "https://oidp.net/es/guia" in shown
    with transaction(engine) as session:
        other = session.get(Item, spanish)
        assert other is not None and other.status == "declined"
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        assert "merge" in actions

    split = client.post(f"/items/{english}/split", data={"csrf_token": token, "language": "es"})
    assert "an item of its own, waiting for a decision" in client.follow(split).text
    with transaction(engine) as session:
        alone = session.scalars(select(Item).order_by(Item.id.desc())).first()
        assert alone is not None and alone.id not in (english, spanish)
        assert (alone.language, alone.status) == ("es", "pending")
        assert alone.link == "https://oidp.net/es/guia"
    again = client.post(f"/items/{english}/split", data={"csrf_token": token, "language": "es"})
    assert f"item {english} has no es version to split off" in client.follow(again).text
