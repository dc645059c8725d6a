"""Console forms with a NUL in a field, found by probing ``hub serve`` on PostgreSQL.

``%00`` in any text field (a decline reason, an edited title, a reply to a
member) reached the database as it came: PostgreSQL keeps no NUL in text, so
the view died with an unhandled DataError and the request got no page at
all (SQLite stored it). Every form field now arrives without NUL. A NUL in
the address (``/knowledge/entries/%00``, ``?language=%00``, the API's paths)
was looked up in PostgreSQL and answered 500: it is now a 400 before any view.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select

from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import Item, Source
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
    add_user(engine, EMAIL, PASSWORD, role="admin")
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock())) as client:
        assert client.sign_in(EMAIL, PASSWORD).status_code == 303
        yield client


def pending_item(engine: Engine) -> int:
    with transaction(engine) as session:
        source = session.scalar(select(Source).where(Source.key == "web_form"))
        item = Item(
            source_id=source.id if source else None,
            status="pending",
            title="Youth budget in Cascais",
            language="en",
        )
        session.add(item)
        session.flush()
        return item.id


def test_a_nul_in_a_decline_reason_is_dropped_not_a_crash(
    engine: Engine, client: ConsoleClient
) -> None:
    item_id = pending_item(engine)
    token = csrf_token(client.get("/moderation").text)
    body = f"csrf_token={token}&reason=Off%00 topic".encode()
    headers = {"content-type": "application/x-www-form-urlencoded"}
    response = client.post(f"/items/{item_id}/decline", content=body, headers=headers)
    assert response.status_code == 303
    with transaction(engine) as session:
        item = session.get(Item, item_id)
        assert item is not None
        assert (item.status, item.decline_reason) == ("declined", "Off topic")


def test_a_nul_in_a_new_item_s_title_is_dropped(engine: Engine, client: ConsoleClient) -> None:
    data = {
        "source": "console",
        "title": "Porto\x00 Alegre opens its budget",
        "text": "The city opened the \x00new cycle.",
        "link": "https://example.org/pa",
        "language": "en",
    }
    response = client.submit("/submit", "/submit", data)
    assert response.status_code == 303
    with transaction(engine) as session:
        [item] = session.scalars(select(Item)).all()
        assert item.title == "Porto Alegre opens its budget"
        assert "\x00" not in (item.summary_text or "")


@pytest.mark.parametrize(
    "address",
    [
        "/knowledge/entries/%00",
        "/knowledge/events/x%00y",
        "/items?language=%00",
        "/deliveries?channel=a%00",
        "/api/v1/sources/%00",
        "/api/v1/items?source=%00",
        "/events.ics?lang=%00",
    ],
)
def test_a_nul_in_the_address_is_a_400_before_any_lookup(
    client: ConsoleClient, address: str
) -> None:
    # found by probing: each of these looked the value up in PostgreSQL and answered 500
    response = client.get(address)
    assert (response.status_code, response.text) == (
        400,
        "the address holds a NUL character (%00)",
    )
    assert client.get("/knowledge").status_code == 200  # the console goes on
