"""Changes made in Mailchimp come back through the webhook (secret in the URL)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from sqlalchemy import Engine

from hub.core.db import transaction
from hub.core.models import Member
from hub.web.testing import ConsoleClient, console_app, example_settings

SECRET = "mc-hook-7f3a9c1e5b"


@pytest.fixture
def client(engine: Engine) -> Iterator[ConsoleClient]:
    with transaction(engine) as session:
        session.add(
            Member(
                organisation="Ajuntament", email="Ana@Example.org", newsletter_status="subscribed"
            )
        )
    app = console_app(example_settings(), engine)
    app.state.mailchimp_webhook_secret = SECRET
    with ConsoleClient(app) as client:
        yield client


def status_of(engine: Engine) -> str | None:
    with transaction(engine) as session:
        member = session.query(Member).one()
        return member.newsletter_status


UNSUBSCRIBE = "type=unsubscribe&fired_at=2026-11-22+10%3A00%3A00&data%5Bemail%5D=ana%40example.org"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def test_mailchimp_checks_the_url_with_a_get(client: ConsoleClient) -> None:
    assert client.get(f"/mailchimp/webhook/{SECRET}").status_code == 200


def test_an_unsubscribe_in_mailchimp_reaches_the_member(
    engine: Engine, client: ConsoleClient
) -> None:
    response = client.post(f"/mailchimp/webhook/{SECRET}", content=UNSUBSCRIBE, headers=FORM)
    assert response.status_code == 200 and response.text == "changed"
    assert status_of(engine) == "unsubscribed"
    again = client.post(f"/mailchimp/webhook/{SECRET}", content=UNSUBSCRIBE, headers=FORM)
    assert again.text == "nothing to change"


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/mailchimp/webhook/wrong-secret", UNSUBSCRIBE, 401),
        (f"/mailchimp/webhook/{SECRET}", "x" * 70_000, 413),
    ],
)
def test_anything_else_changes_nothing(
    engine: Engine, client: ConsoleClient, path: str, body: str, status: int
) -> None:
    assert client.post(path, content=body, headers=FORM).status_code == status
    assert status_of(engine) == "subscribed"


@pytest.mark.parametrize(
    "new_email",
    ["joao@example.org", "JOAO@example.org", "not an email", "a@b@c", "x" * 320 + "@e.org"],
)
def test_an_email_change_to_a_taken_or_invalid_address_changes_nothing(
    engine: Engine, client: ConsoleClient, new_email: str
) -> None:
    # found by probing a running hub: a change to another member's address failed the unique
    # index, and the webhook answered 500 (Mailchimp's every retry too)
    with transaction(engine) as session:
        session.add(Member(organisation="Prefeitura", email="joao@example.org"))
    body = urlencode(
        {"type": "upemail", "data[old_email]": "ana@example.org", "data[new_email]": new_email}
    )
    response = client.post(f"/mailchimp/webhook/{SECRET}", content=body, headers=FORM)
    assert (response.status_code, response.text) == (200, "nothing to change")
    with transaction(engine) as session:
        emails = sorted(str(m.email) for m in session.query(Member))
    assert emails == ["Ana@Example.org", "joao@example.org"]


def test_an_email_change_to_a_free_address_is_made(engine: Engine, client: ConsoleClient) -> None:
    body = urlencode(
        {"type": "upemail", "data[old_email]": "ana@example.org", "data[new_email]": "ana@new.org"}
    )
    response = client.post(f"/mailchimp/webhook/{SECRET}", content=body, headers=FORM)
    assert (response.status_code, response.text) == (200, "changed")
    with transaction(engine) as session:
        assert session.query(Member).one().email == "ana@new.org"
