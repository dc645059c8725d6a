"""A real headless Chromium uses the console: sign in, send news, approve it, see deliveries.

Debian's Chromium (``/usr/bin/chromium``, installed by ``make setup`` with
apt-get) is driven by Playwright's Python package; Playwright's own browser
downloads are never used. The console runs under uvicorn on a free loopback
port in a thread. Screenshots land in /tmp for a person to look at.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from hub.catalog import sync_config
from hub.db import transaction
from hub.web.testing import add_user, console_app, example_settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EMAIL, PASSWORD = "ana@example.org", "correct horse battery"
TITLE = "Sortition assembly in Barcelona chooses its first 100 members"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists() and shutil.which("chromium") is None,
        reason="Debian's chromium is not installed (make setup installs it with apt-get)",
    ),
]


@pytest.fixture
def console_url(sqlite_engine: Engine) -> Iterator[str]:
    import uvicorn

    settings = example_settings()
    with transaction(sqlite_engine) as session:
        sync_config(session, settings)
    add_user(sqlite_engine, EMAIL, PASSWORD, name="Ana Puig", role="admin")
    app = console_app(settings, sqlite_engine)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(500):
        if server.started:
            break
        time.sleep(0.01)
    assert server.started, "uvicorn did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_sign_in_submit_approve_and_see_deliveries(console_url: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))

            page.goto(f"{console_url}/submit-news")
            page.get_by_label("Title").fill(TITLE)
            page.get_by_label("Text").fill(
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
            page.screenshot(path="/tmp/console-moderation.png", full_page=True)

            page.get_by_role("button", name="Approve").click()
            page.wait_for_url(f"{console_url}/moderation")
            assert "2 deliveries" in page.locator(".flash").inner_text()
            assert "Nothing waits for moderation" in page.content()

            page.get_by_role("link", name="Items").click()
            page.get_by_role("link", name=TITLE).click()
            rows = page.locator("section:has(h2:text('Deliveries')) tbody tr")
            assert rows.count() == 2
            text = rows.all_inner_texts()
            assert any("#news" in row and "pending" in row for row in text), text
            assert any("news_es" in row for row in text), text
            page.screenshot(path="/tmp/console.png", full_page=True)

            # The stylesheet loads under the Content-Security-Policy and nothing is refused.
            header = page.locator("header.top")
            assert header.evaluate("e => getComputedStyle(e).display") == "flex"
            assert problems == []
        finally:
            browser.close()
