"""Moderation cards: who sent the item, and the region control that routes follow."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select

from hub.core.accounts import AuditEntry
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import InboxEvent, Item, ItemOrigin, Member, Source
from hub.web.testing import (
    TEST_SECRET_KEY,
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    csrf_token,
    example_settings,
)

EMAIL, PASSWORD = "editor@example.org", "correct horse battery"
HOSTILE = '<img src=x onerror="alert(1)">'


def settings_with_an_african_route() -> Settings:
    data = example_settings().model_dump()
    data["secrets"] = {"HUB_SECRET_KEY": TEST_SECRET_KEY}
    data["hub"]["languages"] = ["en", "es", "ca", "fr", "pt"]
    data["channels"]["africa_fr"] = {
        "platform": "memory",
        "target": "africa-fr",
        "title": "African platform",
    }
    data["routes"].append(
        {
            "name": "Africa",
            "match": {"languages": ["fr"], "regions": ["africa"]},
            "to": ["africa_fr"],
        }
    )
    return Settings.model_validate(data)


@pytest.fixture
def client(engine: Engine) -> Iterator[ConsoleClient]:
    settings = settings_with_an_african_route()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, EMAIL, PASSWORD, role="admin")
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock())) as client:
        assert client.sign_in(EMAIL, PASSWORD).status_code == 303
        yield client


def pending(engine: Engine, title: str, **fields: object) -> int:
    with transaction(engine) as session:
        source = session.scalar(select(Source).where(Source.key == "web_form"))
        assert source is not None
        item = Item(source_id=source.id, status="pending", title=title, language="fr", **fields)
        session.add(item)
        session.flush()
        return item.id


def add_origin(engine: Engine, item_id: int, **fields: object) -> None:
    with transaction(engine) as session:
        source = session.scalar(select(Source).where(Source.key == "web_form"))
        assert source is not None
        session.add(ItemOrigin(item_id=item_id, source_id=source.id, **fields))


def card(page: str, title: str) -> str:
    """The text of the card whose heading is ``title``."""
    start = page.index(title)
    return page[start : page.index("</article>", start)]


def test_a_telegram_submission_shows_the_member_and_the_handle(
    engine: Engine, client: ConsoleClient
) -> None:
    now = SteppingClock().now  # the console's clock in the client fixture
    with transaction(engine) as session:
        member = Member(organisation="Ville de Dakar", contact_name="Awa Diop", language="fr")
        session.add(member)
        session.add(
            InboxEvent(
                platform="telegram",
                event_key="5501",
                received_at=now,
                next_attempt_at=now,
                status="done",
                payload={
                    "message": {"from": {"id": 77, "username": "awa_dk", "first_name": "Awa"}}
                },
            )
        )
        session.flush()
        member_id = member.id
    item_id = pending(engine, "Budget des jeunes", member_id=member_id)
    add_origin(engine, item_id, external_id="telegram:77:5501", platform="telegram", reply_to="77")
    page = card(client.get("/moderation").text, "Budget des jeunes")
    assert "Sent by:" in page and f'href="/members/{member_id}"' in page
    assert "Awa Diop, Ville de Dakar" in page
    assert "Telegram" in page and "@awa_dk" in page


def test_without_the_inbox_event_the_chat_id_is_shown(
    engine: Engine, client: ConsoleClient
) -> None:
    item_id = pending(engine, "Assemblée de quartier")
    add_origin(engine, item_id, external_id="slack:Ev0001", platform="slack", reply_to="U0MEMBER")
    page = card(client.get("/moderation").text, "Assemblée de quartier")
    assert "a person who is not a known member" in page
    assert "Slack" in page and "U0MEMBER" in page


def test_member_supplied_names_are_escaped(engine: Engine, client: ConsoleClient) -> None:
    now = SteppingClock().now  # the console's clock in the client fixture
    with transaction(engine) as session:
        member = Member(organisation=HOSTILE, contact_name=HOSTILE, language="fr")
        session.add(member)
        session.add(
            InboxEvent(
                platform="telegram",
                event_key="9",
                received_at=now,
                next_attempt_at=now,
                payload={"message": {"from": {"id": 5, "first_name": HOSTILE}}},
            )
        )
        session.flush()
        member_id = member.id
    item_id = pending(engine, "Hostile names", member_id=member_id)
    add_origin(engine, item_id, external_id="telegram:5:9", platform="telegram", reply_to="5")
    page = client.get("/moderation").text
    assert HOSTILE not in page
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page


def test_the_web_form_keeps_the_e_mail_and_a_french_item_about_dakar_goes_to_africa(
    engine: Engine, client: ConsoleClient
) -> None:
    with transaction(engine) as session:
        session.add(Member(organisation="Ville de Dakar", email="budget@dakar.example"))
    form = client.get("/submit-news").text
    data = {
        "csrf_token": csrf_token(form),
        "title": "Le budget participatif de Dakar",
        "text": "Les habitants votent pour leurs projets de quartier.",
        "language": "fr",
        "email": "Budget@Dakar.example",
    }
    assert client.post("/submit-news", data=data).status_code == 303
    with transaction(engine) as session:
        item = session.scalar(select(Item).where(Item.title == "Le budget participatif de Dakar"))
        assert item is not None and item.countries == ["SN"] and item.regions == ["africa"]
    page = card(client.get("/moderation").text, "Le budget participatif de Dakar")
    assert "web form" in page and "Budget@Dakar.example" in page
    with transaction(engine) as session:  # the address is the member's: the item is theirs
        dakar = session.scalar(select(Member).where(Member.organisation == "Ville de Dakar"))
        assert dakar is not None
        assert f'<a href="/members/{dakar.id}">Ville de Dakar</a>' in page
    assert "African platform" in page  # where approving sends it


def test_a_bad_e_mail_on_the_web_form_says_so(engine: Engine, client: ConsoleClient) -> None:
    form = client.get("/submit-news").text
    data = {"csrf_token": csrf_token(form), "title": "News", "email": "not an address"}
    response = client.post("/submit-news", data=data)
    assert response.status_code == 400
    assert "is not an e-mail address" in response.text
    with transaction(engine) as session:
        assert session.scalar(select(Item)) is None


def test_the_region_control_changes_where_the_item_goes(
    engine: Engine, client: ConsoleClient
) -> None:
    item_id = pending(engine, "Conseil de quartier", regions=[])
    page = client.get("/moderation").text
    assert "African platform" not in card(page, "Conseil de quartier")
    data = {"csrf_token": csrf_token(page), "region": ["africa"], "back": "/moderation"}
    saved = client.follow(client.post(f"/items/{item_id}/regions", data=data)).text
    assert "Saved the region of “Conseil de quartier”: africa." in saved
    assert "African platform" in card(saved, "Conseil de quartier")
    assert 'value="africa" checked' in card(saved, "Conseil de quartier")
    with transaction(engine) as session:
        item = session.get(Item, item_id)
        assert item is not None and item.regions == ["africa"]
        entry = session.scalar(select(AuditEntry).where(AuditEntry.target == f"item:{item_id}"))
        assert entry is not None and entry.action == "classify"
        assert entry.detail == "regions: - -> africa" and entry.actor == EMAIL
    cleared = {"csrf_token": csrf_token(saved), "back": "/moderation"}
    client.post(f"/items/{item_id}/regions", data=cleared)
    with transaction(engine) as session:
        item = session.get(Item, item_id)
        assert item is not None and item.regions == []


def test_the_region_control_refuses_what_is_not_a_region_and_needs_the_token(
    engine: Engine, client: ConsoleClient
) -> None:
    item_id = pending(engine, "Forum", regions=["europe"])
    token = csrf_token(client.get("/moderation").text)
    bad = {"csrf_token": token, "region": ["atlantis"], "back": "/moderation"}
    assert (
        "Choose regions from the list."
        in client.follow(client.post(f"/items/{item_id}/regions", data=bad)).text
    )
    forged = client.post(f"/items/{item_id}/regions", data={"region": ["africa"]})
    assert forged.status_code in (400, 403)
    missing = client.follow(client.post("/items/9999/regions", data={"csrf_token": token}))
    assert "no such item" in missing.text
    with transaction(engine) as session:
        item = session.get(Item, item_id)
        assert item is not None and item.regions == ["europe"]
