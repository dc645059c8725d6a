"""The inbox: tags and language per item, and bulk approve, decline, language and tag."""

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


@pytest.fixture
def client(engine: Engine) -> Iterator[ConsoleClient]:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, EMAIL, PASSWORD, role="editor")
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock())) as client:
        assert client.sign_in(EMAIL, PASSWORD).status_code == 303
        yield client


def item(engine: Engine, title: str, status: str = "pending", **fields: object) -> int:
    with transaction(engine) as session:
        values: dict[str, object] = {"language": "en", "tags": ["youth"]} | fields
        row = Item(title=title, status=status, **values)
        session.add(row)
        session.flush()
        return row.id


def bulk(client: ConsoleClient, ids: list[int], **fields: str) -> str:
    token = csrf_token(client.get("/moderation").text)
    data: dict[str, str | list[str]] = {"csrf_token": token, "item": [str(i) for i in ids]}
    response = client.post("/moderation/bulk", data=data | fields)
    assert response.status_code in (200, 303), response.status_code
    return response.text if response.status_code == 200 else client.follow(response).text


def items(engine: Engine, ids: list[int]) -> dict[int, Item]:
    with transaction(engine) as session:
        return {i.id: i for i in session.scalars(select(Item).where(Item.id.in_(ids)))}


def test_the_inbox_offers_topics_and_languages_per_item(
    engine: Engine, client: ConsoleClient
) -> None:
    item_id = item(engine, "Uno")
    page = client.get("/moderation").text
    assert f'id="pick-{item_id}" name="item" value="{item_id}" form="bulk"' in page
    assert f'id="topic-{item_id}-youth" name="topic" value="youth" checked' in page
    assert f'id="topic-{item_id}-climate" name="topic" value="climate">' in page
    response = client.post(
        f"/items/{item_id}/classify",
        data={
            "csrf_token": csrf_token(page),
            "back": "/moderation",
            "language": "es",
            "topic": ["climate", "gender"],
            "other_tags": "Barcelona, Pilot!",
        },
    )
    assert "Saved the tags and language of “Uno”." in client.follow(response).text
    saved = items(engine, [item_id])[item_id]
    assert saved.language == "es" and saved.tags == ["climate", "gender", "barcelona", "pilot"]
    bad = client.post(
        f"/items/{item_id}/classify", data={"csrf_token": csrf_token(page), "language": "xx"}
    )
    assert "Choose one of en, es, ca." in client.follow(bad).text


def test_bulk_approve_reports_each_item_and_audits(engine: Engine, client: ConsoleClient) -> None:
    first, second = item(engine, "First"), item(engine, "Second")
    gone = item(engine, "Gone", status="retracted")
    page = bulk(client, [first, second, gone], action="approve")
    results = page.split('class="card bulk-results"')[1].split("</section>")[0]
    assert "Approved “First”: 2 deliveries (news_en, news_es)." in results
    assert "Approved “Second”: 2 deliveries" in results
    assert "Not done" in results and "a retracted item cannot be approved" in results
    assert "Nothing waits for moderation" in page
    saved = items(engine, [first, second, gone])
    assert [saved[i].status for i in (first, second, gone)] == ["approved", "approved", "retracted"]
    with transaction(engine) as session:
        assert session.scalar(select(func.count()).select_from(Delivery)) == 4
        audit = session.scalars(select(AuditEntry.target).where(AuditEntry.action == "approve"))
        assert sorted(audit, key=str) == [f"item:{first}", f"item:{second}"]


def test_bulk_decline_needs_a_reason_and_skips_approved_items(
    engine: Engine, client: ConsoleClient
) -> None:
    pending, approved = item(engine, "Pending"), item(engine, "Posted", status="approved")
    assert "Say why the items are declined" in bulk(client, [pending], action="decline")
    assert items(engine, [pending])[pending].status == "pending"
    page = bulk(client, [pending, approved], action="decline", reason="Off topic")
    assert "Declined “Pending”." in page and "may already be posted" in page
    saved = items(engine, [pending, approved])
    assert saved[pending].status == "declined" and saved[pending].decline_reason == "Off topic"
    assert saved[approved].status == "approved"


def test_bulk_language_and_tag(engine: Engine, client: ConsoleClient) -> None:
    first, second = item(engine, "First"), item(engine, "Second", tags=None)
    page = bulk(client, [first, second], action="language", language="ca")
    assert page.count("Done</strong>") == 2
    page = bulk(client, [first, second], action="tag", tag="Climate")
    assert "Saved “First”." in page and "Saved “Second”." in page
    saved = items(engine, [first, second])
    assert saved[first].language == saved[second].language == "ca"
    assert saved[first].tags == ["youth", "climate"] and saved[second].tags == ["climate"]
    assert "Tick at least one item." in bulk(client, [], action="approve")
    assert "Choose one of" in bulk(client, [first], action="language", language="xx")
    assert "Name the tag" in bulk(client, [first], action="tag", tag="!!")


@pytest.mark.parametrize(("action", "told"), [("approve", "approved"), ("decline", "declined")])
def test_bulk_decisions_tell_a_member_once(
    engine: Engine, client: ConsoleClient, action: str, told: str
) -> None:
    pytest.importorskip("bots.chat_news")
    item_id = item(engine, "Sent from a chat")
    with transaction(engine) as session:
        source_id = session.scalar(select(Source.id).where(Source.key == "web_form"))
        assert source_id is not None
        session.add(
            ItemOrigin(
                item_id=item_id,
                source_id=source_id,
                external_id="chat:1",
                platform="memory",
                reply_to="U0MEMBER",
            )
        )
    fields = {"action": action, "reason": "Not about participation"}
    assert "The member is told." in bulk(client, [item_id], **fields)
    assert "The member is told." not in bulk(client, [item_id], **fields)
    with transaction(engine) as session:
        [notice] = session.scalars(select(Delivery).where(Delivery.kind == "reply")).all()
        assert notice.payload["extra"]["reply_to"] == "U0MEMBER"
        assert notice.dedup_key is not None and notice.dedup_key.endswith(f":{told}")
        audit = session.scalars(select(AuditEntry).where(AuditEntry.target == f"item:{item_id}"))
        assert [(a.actor, a.action) for a in audit] == [
            (EMAIL, action)
        ]  # the second changed nothing
