"""Security finding (issue 16): very long or non-ASCII digits in ``page``, ``before``,
``days`` and ``item`` gave 500s: ``str.isdigit()`` accepts '²' (int() refuses it) and
other scripts' digits, and a number past an integer column fails on PostgreSQL.
Run with HUB_TEST_DATABASE_URL for the PostgreSQL variant."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.web.page import whole_number
from hub.web.testing import ConsoleClient, SteppingClock, add_user, console_app, example_settings

ODD = ["²", "٣٣", "9" * 30, "99999999999", "-1", "1e3", " "]
PAGES = [
    "/items?before={}",
    "/deliveries?before={}",
    "/audit?before={}",
    "/members?page={}",
    "/members/inactive?days={}",
    "/channels?item={}",
    "/moderation?page={}",
]


@pytest.mark.parametrize("value", ODD)
def test_odd_numbers_in_addresses_are_ignored_not_a_500(engine: Engine, value: str) -> None:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, "admin@example.org", "correct horse battery", role="admin")
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock())) as client:
        assert client.sign_in("admin@example.org", "correct horse battery").status_code == 303
        for page in PAGES:
            response = client.get(page.format(value))
            assert response.status_code == 200, (page, value, response.status_code)


@pytest.mark.parametrize(
    ("text", "number"),
    [("12", 12), ("0", 0), ("²", None), ("٣", None), ("9" * 13, None), ("2147483648", None)],
)
def test_whole_number_takes_ascii_digits_within_range(text: str, number: int | None) -> None:
    assert whole_number(text) == number
