"""A real headless Chromium keeps the knowledge: an editor creates an event, and it is in the
public calendar feed at once. (Mistakes answer 400, which the harness counts as a console
error, so errors beside their fields are tested through the ASGI client.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from browser import browser_page, needs_chromium, screenshot, serve, sign_in
from icalendar import Calendar
from sqlalchemy import Engine

from hub.core.db import transaction
from hub.core.knowledge import load_directory, sync
from hub.core.models import utcnow
from hub.web.testing import add_user, console_app, example_settings

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
EMAIL, PASSWORD = "eli@example.org", "correct horse battery"

pytestmark = [pytest.mark.slow, needs_chromium]


@pytest.fixture
def console_url(sqlite_engine: Engine) -> Iterator[str]:
    with transaction(sqlite_engine) as session:
        sync(session, load_directory(KNOWLEDGE), now=utcnow())
    add_user(sqlite_engine, EMAIL, PASSWORD, name="Eli", role="editor")
    with serve(console_app(example_settings(), sqlite_engine)) as url:
        yield url


def test_an_editor_creates_an_event_and_finds_it_in_the_calendar_feed(console_url: str) -> None:
    with browser_page() as page:
        sign_in(page, console_url, EMAIL, PASSWORD)
        page.get_by_role("link", name="Knowledge").click()
        page.wait_for_url(f"{console_url}/knowledge")
        screenshot(page, "knowledge")
        page.get_by_role("link", name="New event").click()
        page.locator("#kind").select_option("seminar")
        page.locator("#name_en").fill("Seminar on sortition, Porto")
        page.locator("#name_pt").fill("Seminário sobre sorteio, Porto")
        page.locator("#starts_on").fill("2027-03-31")
        page.locator("#city").fill("Porto")
        page.locator("#country").fill("PT")
        page.locator("#ends_on").fill("2027-03-01")  # before it starts: said beside the field
        page.get_by_role("button", name="Save").click()
        ends = page.locator("#ends_on")
        assert ends.get_attribute("aria-invalid") == "true"
        assert page.locator("#ends_on-error").inner_text().strip() != ""
        assert page.locator("#name_pt").input_value() == "Seminário sobre sorteio, Porto"  # kept
        ends.fill("2027-04-01")
        screenshot(page, "knowledge-event")
        page.get_by_role("button", name="Save").click()
        page.wait_for_url(f"{console_url}/knowledge")
        assert "created" in page.locator(".flash").inner_text()
        assert (
            "Seminar on sortition, Porto"
            in page.locator("#events-heading + p + form + table").inner_text()
        )

        feed_link = page.get_by_role("link", name="/events.ics")
        assert feed_link.get_attribute("href") == "/events.ics"

    feed = Calendar.from_ical(httpx.get(f"{console_url}/events.ics").content)  # no session
    seminars = [
        e for e in feed.walk("VEVENT") if str(e["summary"]) == "Seminar on sortition, Porto"
    ]
    assert len(seminars) == 1
    assert str(seminars[0]["uid"]) == "seminar-on-sortition-porto@iopd-hub.invalid"
    assert str(seminars[0].decoded("dtstart")) == "2027-03-31"
