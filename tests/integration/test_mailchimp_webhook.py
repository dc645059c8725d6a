"""Changes made in Mailchimp come back through the webhook (secret in the URL)."""

from __future__ import annotations

from collections.abc import Iterator

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
