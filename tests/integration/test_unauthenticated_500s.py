"""Security finding (issue 16): input PostgreSQL cannot store gave unauthenticated 500s.

A NUL byte in the public news form's link, or an e-mail address over 320
characters at sign-in, reached the database and failed there. The NUL is now dropped
before any view reads a form (no person types one), and the address is refused. Run
with HUB_TEST_DATABASE_URL for the PostgreSQL variant, where the 500s happened.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select

from hub.core.accounts import LoginAttempt
from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import Item
from hub.web.testing import ConsoleClient, SteppingClock, console_app, example_settings

NEWS = {"title": "Budget", "text": "A story.", "image_url": "", "language": ""}


@pytest.fixture
def visitor(engine: Engine) -> Iterator[ConsoleClient]:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock())) as client:
        yield client


@pytest.mark.parametrize(
    "change",
    [
        {"link": "https://example.org/a\x00b"},
        {"title": "Budget\x00"},
        {"text": "A\x00story"},
    ],
)
def test_a_nul_byte_in_the_public_form_is_dropped_not_a_500(
    engine: Engine, visitor: ConsoleClient, change: dict[str, str]
) -> None:
    """Every form's text fields lose their NULs before any view reads them
    (``hub.web.page.storable_form``: no person types one), so the news is taken as
    the member meant it instead of failing in the database."""
    response = visitor.submit("/submit-news", "/submit-news", {**NEWS, **change})
    assert response.status_code == 303
    with transaction(engine) as session:
        item = session.scalars(select(Item)).one()
    ((field, value),) = change.items()
    stored = {"link": item.link, "title": item.title, "text": item.summary_text}[field]
    assert stored is not None and "\x00" not in stored
    assert stored.replace(" ", "") == value.replace("\x00", "").replace(" ", "")


def test_an_overlong_or_nul_email_at_sign_in_is_a_wrong_address_not_a_500(
    engine: Engine, visitor: ConsoleClient
) -> None:
    for email in ("a" * 400 + "@example.org", "ana\x00@example.org"):
        response = visitor.sign_in(email, "guess")
        assert response.status_code == 401
    with transaction(engine) as session:
        stored = list(session.scalars(select(LoginAttempt.email)))
    assert all(len(email) <= 320 and "\x00" not in email for email in stored)
