"""A real headless Chromium uses the console: sign in, send news, approve it, see deliveries.

Debian's Chromium (``/usr/bin/chromium``, installed by ``make setup`` with
apt-get) is driven by Playwright's Python package; Playwright's own browser
downloads are never used. The console runs under uvicorn on a free loopback
port in a thread. Screenshots land in /tmp for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import browser_page, needs_chromium, screenshot, serve
from playwright.sync_api import expect
from sqlalchemy import Engine

from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.web.testing import add_user, console_app, example_settings

EMAIL, PASSWORD = "ana@example.org", "correct horse battery"
TITLE = "Sortition assembly in Barcelona chooses its first 100 members"

pytestmark = [pytest.mark.slow, needs_chromium]


@pytest.fixture
def console_url(sqlite_engine: Engine) -> Iterator[str]:
    settings = example_settings()
    with transaction(sqlite_engine) as session:
        sync_config(session, settings)
    add_user(sqlite_engine, EMAIL, PASSWORD, name="Ana Puig", role="admin")
    with serve(console_app(settings, sqlite_engine)) as url:
        yield url


def test_sign_in_submit_approve_and_see_deliveries(console_url: str) -> None:
    with browser_page() as page:
        page.goto(f"{console_url}/submit-news")
        page.get_by_label("Title").fill(TITLE)
        page.get_by_label("Text", exact=True).fill(
            "Citizens drawn by lot will meet every month to deliberate on the city's "
            "climate plan and make recommendations to the council."
        )
        page.get_by_label("Link").fill("https://example.org/barcelona-sortition")
        page.get_by_label("Language").select_option("en")
        page.get_by_role("button", name="Send").click()
        assert "will review your news" in page.locator(".flash").inner_text()

        page.goto(f"{console_url}/moderation")
        assert page.url.startswith(f"{console_url}/login")
        page.get_by_label("E-mail address").fill(EMAIL)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{console_url}/moderation")
        assert TITLE in page.locator("article.card h2").inner_text()
        screenshot(page, "moderation")

        page.get_by_role("button", name="Approve").click()
        page.wait_for_url(f"{console_url}/moderation")
        assert "2 deliveries" in page.locator(".flash").inner_text()
        assert "Nothing waits for moderation" in page.content()

        page.get_by_role("link", name="Items").click()
        page.get_by_role("link", name=TITLE).click()
        rows = page.locator("section:has(h2:text('Deliveries')) tbody tr")
        expect(rows).to_have_count(2)  # a click does not wait for the page it loads
        text = rows.all_inner_texts()
        assert any("#news" in row and "pending" in row for row in text), text
        assert any("news_es" in row for row in text), text
        screenshot(page, "item")

        # The stylesheet loads under the Content-Security-Policy and nothing is refused.
        header = page.locator("header.top")
        assert header.evaluate("e => getComputedStyle(e).display") == "flex"
