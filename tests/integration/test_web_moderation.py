"""Moderation from the console: approve writes deliveries, decline, edit, retry, hostile text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, select

from hub.core.accounts import AuditEntry
from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import Delivery, Item, ItemOrigin, Source
from hub.web.testing import (
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    csrf_token,
    example_settings,
)

EMAIL, PASSWORD = "editor@example.org", "correct horse battery"
HOSTILE = (
    '<p>Good news<script>alert("x")</script></p>'
    '<img src="https://example.org/a.png" onerror="alert(1)">'
    '<a href="javascript:alert(1)">click</a><iframe src="https://evil.example"></iframe>'
)


@pytest.fixture
def client(engine: Engine) -> Iterator[ConsoleClient]:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, EMAIL, PASSWORD, role="admin")
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock())) as client:
        assert client.sign_in(EMAIL, PASSWORD).status_code == 303
        yield client


def pending_item(engine: Engine, **fields: object) -> int:
    with transaction(engine) as session:
        source = session.scalar(select(Source).where(Source.key == "web_form"))
        values = {"title": "Youth budget in Cascais", "language": "en", "tags": ["youth"]}
        item = Item(source_id=source.id if source else None, status="pending", **values | fields)
        session.add(item)
        session.flush()
        return item.id


def test_the_queue_shows_pending_items_with_an_empty_state(
    engine: Engine, client: ConsoleClient
) -> None:
    assert "Nothing waits for moderation" in client.get("/moderation").text
    pending_item(engine, summary_html="<p>Assemblies in every parish.</p>")
    page = client.get("/moderation").text
    assert "Youth budget in Cascais" in page and "Assemblies in every parish." in page
    assert "Members&#39; web form" in page and "English (en)" in page and "youth" in page
    assert "Approving sends it to: <strong>#news, news_es</strong>" in page


def test_approving_writes_the_deliveries(engine: Engine, client: ConsoleClient) -> None:
    item_id = pending_item(engine)
    token = csrf_token(client.get("/moderation").text)
    response = client.post(
        f"/items/{item_id}/approve", data={"csrf_token": token, "back": "/moderation"}
    )
    assert response.status_code == 303 and response.headers["location"] == "/moderation"
    assert "2 deliveries (news_en, news_es)" in client.get("/moderation").text
    with transaction(engine) as session:
        item = session.get(Item, item_id)
        assert item is not None and item.status == "approved"
        assert item.approved_by == EMAIL
        deliveries = session.scalars(select(Delivery).where(Delivery.item_id == item_id)).all()
        assert sorted(d.status for d in deliveries) == ["pending", "pending"]
        assert session.scalar(select(AuditEntry.action).where(AuditEntry.action == "approve"))
    detail = client.get(f"/items/{item_id}").text
    assert "#news" in detail and "news_es" in detail and "0 / 8" in detail
    audit = client.get("/audit").text
    assert f'<a href="/items/{item_id}">item:{item_id}</a>' in audit and "2 deliveries" in audit


def test_declining_needs_a_reason(engine: Engine, client: ConsoleClient) -> None:
    item_id = pending_item(engine)
    token = csrf_token(client.get("/moderation").text)
    refused = client.post(f"/items/{item_id}/decline", data={"csrf_token": token, "reason": ""})
    assert "Say why" in client.follow(refused).text
    client.post(f"/items/{item_id}/decline", data={"csrf_token": token, "reason": "Off topic"})
    with transaction(engine) as session:
        item = session.get(Item, item_id)
        assert item is not None and item.status == "declined"
        assert item.decline_reason == "Off topic"
        assert session.scalar(select(func.count()).select_from(Delivery)) == 0


def test_an_approved_item_cannot_be_declined(engine: Engine, client: ConsoleClient) -> None:
    item_id = pending_item(engine)
    token = csrf_token(client.get("/moderation").text)
    client.post(f"/items/{item_id}/approve", data={"csrf_token": token})
    response = client.post(f"/items/{item_id}/decline", data={"csrf_token": token, "reason": "x"})
    assert "may already be posted" in client.follow(response).text
    with transaction(engine) as session:
        assert session.get(Item, item_id).status == "approved"  # type: ignore[union-attr]


def test_editing_sanitises_and_retags(engine: Engine, client: ConsoleClient) -> None:
    item_id = pending_item(engine)
    form = client.get(f"/items/{item_id}/edit").text
    data = {
        "csrf_token": csrf_token(form),
        "title": "Presupuesto joven en Cascais",
        "summary_html": HOSTILE,
        "link": "https://example.org/cascais?utm_source=x",
        "image_url": "",
        "language": "es",
        "tags": "Youth, Participatory Budgeting",
    }
    response = client.post(f"/items/{item_id}/edit", data=data)
    assert response.headers["location"] == f"/items/{item_id}"
    with transaction(engine) as session:
        item = session.get(Item, item_id)
        assert item is not None
        assert item.title == "Presupuesto joven en Cascais" and item.language == "es"
        assert item.tags == ["youth", "participatory-budgeting"]
        assert "script" not in item.summary_html and "onerror" not in item.summary_html
        assert "javascript" not in item.summary_html and "iframe" not in item.summary_html


def test_a_bad_edit_changes_nothing(engine: Engine, client: ConsoleClient) -> None:
    item_id = pending_item(engine)
    token = csrf_token(client.get(f"/items/{item_id}/edit").text)
    data = {"csrf_token": token, "title": "New title", "link": "javascript:alert(1)"}
    response = client.post(f"/items/{item_id}/edit", data=data)
    assert "not an http(s) link" in client.follow(response).text
    with transaction(engine) as session:
        assert session.get(Item, item_id).title == "Youth budget in Cascais"  # type: ignore[union-attr]


def test_hostile_text_never_reaches_the_page(engine: Engine, client: ConsoleClient) -> None:
    item_id = pending_item(engine, title='<script>alert("t")</script>Title', summary_html=HOSTILE)
    for path in ("/moderation", f"/items/{item_id}", "/items", "/"):
        page = client.get(path).text
        assert "<script>alert" not in page and "onerror" not in page, path
        assert "javascript:" not in page and "<iframe" not in page, path
    assert "&lt;script&gt;" in client.get(f"/items/{item_id}").text


def test_retrying_a_failed_delivery(engine: Engine, client: ConsoleClient) -> None:
    item_id = pending_item(engine)
    token = csrf_token(client.get("/moderation").text)
    client.post(f"/items/{item_id}/approve", data={"csrf_token": token})
    with transaction(engine) as session:
        delivery = session.scalars(select(Delivery).where(Delivery.item_id == item_id)).first()
        assert delivery is not None
        delivery.status, delivery.attempts, delivery.last_error = "failed", 3, "channel_not_found"
        delivery.platform_message_id = None
        delivery_id = delivery.id
    page = client.get(f"/items/{item_id}").text
    assert "channel_not_found" in page and f"/deliveries/{delivery_id}/retry" in page
    assert "Youth budget" in client.get("/items?delivery=failed").text
    assert 'href="/deliveries"><strong>1</strong>' in client.get("/").text  # an admin's link
    response = client.post(f"/deliveries/{delivery_id}/retry", data={"csrf_token": token})
    assert "will be sent again" in client.follow(response).text
    with transaction(engine) as session:
        delivery = session.get(Delivery, delivery_id)
        assert delivery is not None and delivery.status == "pending" and delivery.attempts == 0
    again = client.post(f"/deliveries/{delivery_id}/retry", data={"csrf_token": token})
    assert "only failed ones are retried" in client.follow(again).text


def test_items_are_filtered(engine: Engine, client: ConsoleClient) -> None:
    pending_item(engine, title="Uno", language="es", tags=["youth"])
    pending_item(engine, title="Two", language="en", tags=["climate"])
    assert "Uno" in client.get("/items?language=es").text
    assert "Two" not in client.get("/items?language=es").text
    assert "Two" in client.get("/items?tag=climate").text
    assert "Uno" not in client.get("/items?tag=climate").text
    assert "No items match" in client.get("/items?status=approved").text
    assert "Uno" in client.get("/items?source=web_form&status=pending").text
    assert "No items match" in client.get("/items?source=news_feed").text
    assert "No items match" in client.get("/items?delivery=failed").text


def test_items_are_searched_by_free_text(engine: Engine, client: ConsoleClient) -> None:
    """Words anywhere in the title, the text, the link or a translation; each word must match."""
    from hub.core.models import ItemTranslation

    climate = pending_item(engine, title="Climate assemblies in Dakar", summary_text="Citizens")
    pending_item(engine, title="Youth budget in Cascais", summary_text="Vote 100% online")
    translated = pending_item(engine, title="Award call", link="https://oidp.net/en/award")
    with transaction(engine) as session:
        session.add(
            ItemTranslation(item_id=translated, language="es", title="Convocatoria del premio")
        )
    found = client.get("/items?q=dakar+CLIMATE").text
    assert "Climate assemblies in Dakar" in found and "Cascais" not in found
    assert f"/items/{climate}" in found
    assert "Cascais" in client.get("/items?q=100%25").text  # % taken literally
    assert "No items match" in client.get("/items?q=50%25").text
    assert "Award call" in client.get("/items?q=convocatoria").text  # the Spanish version
    assert "Award call" in client.get("/items?q=oidp.net/en").text
    assert "No items match" in client.get("/items?q=dakar+youth").text
    assert 'value="dakar youth"' in client.get("/items?q=dakar+youth").text


def test_unknown_items_say_so(client: ConsoleClient) -> None:
    response = client.get("/items/999")
    assert response.status_code == 303
    assert "no such item" in client.follow(response).text


def _from_a_chat(engine: Engine) -> int:
    item_id = pending_item(engine)
    with transaction(engine) as session:
        source = session.scalar(select(Source).where(Source.key == "web_form"))
        assert source is not None
        origin = ItemOrigin(
            item_id=item_id,
            source_id=source.id,
            external_id="chat:1",
            platform="memory",
            reply_to="U0MEMBER",
        )
        session.add(origin)
    return item_id


@pytest.mark.parametrize(("action", "told"), [("approve", "approved"), ("decline", "declined")])
def test_the_member_is_told_on_the_platform_they_used(
    engine: Engine, client: ConsoleClient, action: str, told: str
) -> None:
    pytest.importorskip("bots.chat_news")
    item_id = _from_a_chat(engine)
    token = csrf_token(client.get("/moderation").text)
    data = {"csrf_token": token, "reason": "Not about participation"}
    page = client.follow(client.post(f"/items/{item_id}/{action}", data=data)).text
    assert "The member is told." in page
    with transaction(engine) as session:
        notices = session.scalars(select(Delivery).where(Delivery.kind == "reply")).all()
        assert len(notices) == 1
        assert notices[0].payload["extra"]["reply_to"] == "U0MEMBER"
        assert notices[0].dedup_key.endswith(f":{told}")  # type: ignore[union-attr]
    again = client.post(f"/items/{item_id}/approve", data=data) if told == "approved" else None
    if again is not None:
        assert "The member is told." not in client.follow(again).text
    with transaction(engine) as session:
        assert session.scalar(select(func.count()).where(Delivery.kind == "reply")) == 1
        audit = session.scalars(select(AuditEntry).where(AuditEntry.target == f"item:{item_id}"))
        assert [(a.actor, a.action) for a in audit] == [
            (EMAIL, action)
        ]  # approving again: no entry


def test_translations_are_sanitised_and_replaced(engine: Engine, client: ConsoleClient) -> None:
    item_id = pending_item(engine)
    page = client.get(f"/items/{item_id}").text
    assert "No translation yet" in page
    token = csrf_token(page)
    data = {"csrf_token": token, "language": "es", "title": "Presupuesto <b>joven</b>"}
    data["summary"] = "Asambleas <script>alert(1)</script> en cada barrio."
    client.post(f"/items/{item_id}/translations", data=data)
    client.post(f"/items/{item_id}/translations", data={**data, "title": "Presupuesto joven"})
    same = client.post(f"/items/{item_id}/translations", data={**data, "language": "en"})
    assert "edit the item itself" in client.follow(same).text
    with transaction(engine) as session:
        item = session.get(Item, item_id)
        assert item is not None
        [translation] = item.translations
        assert translation.title == "Presupuesto joven"
        assert "<script" not in translation.summary_html
        assert "&lt;script&gt;" in translation.summary_html
    assert "Español (es): Presupuesto joven" in client.get(f"/items/{item_id}").text
