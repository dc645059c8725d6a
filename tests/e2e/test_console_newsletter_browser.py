"""A real Chromium composes a newsletter edition and hands it to the Mailchimp stand-in.

The console runs under uvicorn on a loopback port; Mailchimp is the stand-in
``hub demo`` uses, on another loopback port, configured as the deployment's
``[channels.newsletter]``. The browser signs in, drafts November, moves an
item up, writes the introduction, checks the phone-width preview, approves,
sends a test, pushes, and finds the campaign among what the stand-in received.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from browser import browser_page, needs_chromium, screenshot, serve, sign_in
from PIL import Image
from sqlalchemy import Engine, select

from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.ingest.pictures import Outcome, store
from hub.core.models import Item, Source
from hub.core.pictures import prepare
from hub.web.testing import TEST_SECRET_KEY, add_user, console_app, example_settings
from newsletters.demo_standin import MailchimpDemoStandIn

EMAIL, PASSWORD = "ana@example.org", "correct horse battery"
INTRO = "Dear members, November brought assemblies in three cities."
PICTURE_URL = "https://oidp.net/media/cascais.jpg"

pytestmark = [pytest.mark.slow, needs_chromium]
expect: Any = pytest.importorskip("playwright.sync_api").expect


@pytest.fixture
def mailchimp() -> Iterator[MailchimpDemoStandIn]:
    standin = MailchimpDemoStandIn()
    asyncio.run(standin.start())
    try:
        yield standin
    finally:
        asyncio.run(standin.close())


def deployment(standin: MailchimpDemoStandIn) -> Settings:
    data = example_settings().model_dump()
    data["channels"]["newsletter"] = {
        "platform": "mailchimp",
        "target": standin.server.list_id,
        "base_url": standin.url,
        "token_env": "MAILCHIMP_API_KEY",
    }
    secrets = {"HUB_SECRET_KEY": TEST_SECRET_KEY, "MAILCHIMP_API_KEY": standin.secret()}
    return Settings.model_validate({**data, "secrets": secrets})


def seed(engine: Engine, settings: Settings) -> None:
    with transaction(engine) as session:
        sync_config(session, settings)
        feed = session.scalar(select(Source).where(Source.key == "news_feed"))
        assert feed is not None
        for day, title in [(10, "Citizens' assembly in Lyon"), (12, "Youth budget in Cascais")]:
            moment = dt.datetime(2026, 11, day, 10, tzinfo=dt.UTC)
            item = Item(
                title=title,
                summary_html=f"<p>{title}: what the residents decided.</p>",
                link=f"https://oidp.net/news/{day}",
                image_url=PICTURE_URL if day == 12 else None,
                language="en",
                status="approved",
                source_id=feed.id,
                tags=[],
                published_at=moment,
                approved_at=moment,
            )
            session.add(item)
            session.flush()
            if item.image_url:  # fetched and checked already, as the poller does
                out = io.BytesIO()
                Image.new("RGB", (900, 600), (40, 140, 90)).save(out, format="JPEG")
                picture = prepare(out.getvalue(), alt="Young people voting in Cascais")
                store(session.connection(), Outcome(item.id, PICTURE_URL, picture), moment)


@pytest.fixture
def console_url(sqlite_engine: Engine, mailchimp: MailchimpDemoStandIn) -> Iterator[str]:
    settings = deployment(mailchimp)
    seed(sqlite_engine, settings)
    add_user(sqlite_engine, EMAIL, PASSWORD, name="Ana Puig", role="admin")
    app = console_app(settings, sqlite_engine, standins={"mailchimp": mailchimp})
    with serve(app) as url:
        yield url


def test_compose_preview_test_and_push_an_edition(
    console_url: str, mailchimp: MailchimpDemoStandIn
) -> None:
    with browser_page() as page:
        sign_in(page, console_url, EMAIL, PASSWORD)
        page.goto(f"{console_url}/newsletter")
        page.get_by_label("First day").fill("2026-11-01")
        page.get_by_label("Last day").fill("2026-11-30")
        page.get_by_label("Language").select_option("en")
        page.get_by_role("button", name="Draft the edition").click()
        page.wait_for_url(re.compile(r".*/newsletter/\d+$"))
        titles = page.locator("ol.compose-items .compose-title a")
        expect(titles).to_have_text(["Youth budget in Cascais", "Citizens' assembly in Lyon"])

        page.get_by_role("button", name="Move “Citizens' assembly in Lyon” up").click()
        expect(titles).to_have_text(["Citizens' assembly in Lyon", "Youth budget in Cascais"])
        expect(page.locator(".flashes")).to_contain_text("Moved “Citizens' assembly in Lyon”")

        page.get_by_role("textbox", name="Subject", exact=True).fill("November in the network")
        page.get_by_role("textbox", name="Introduction", exact=True).fill(INTRO)
        page.get_by_role("button", name="Save and refresh the preview").click()
        expect(page.locator(".flashes")).to_contain_text("Saved the subject and the introduction")

        phone = page.locator("iframe[title='Preview at phone width']")
        phone.scroll_into_view_if_needed()
        box = phone.bounding_box()
        assert box is not None and 370 <= box["width"] <= 380, box
        email = page.frame_locator("iframe[title='Preview at phone width']")
        expect(email.locator("body")).to_contain_text(INTRO)
        expect(email.locator("body")).to_contain_text("Citizens' assembly in Lyon")
        body = email.locator("body").inner_text()
        assert body.index("Citizens' assembly in Lyon") < body.index("Youth budget in Cascais")
        # the picture, from the console's own route behind its sign-in, loads in the
        # sandboxed frame (decoded: its natural size is the stored copy's)
        shown = email.locator("img[alt='Young people voting in Cascais']")
        expect(shown).to_have_attribute("src", re.compile(r"^/items/\d+/picture$"))
        shown.scroll_into_view_if_needed()
        expect(shown).to_have_js_property("naturalWidth", 900)

        page.get_by_role("button", name="Approve this edition").click()
        expect(page.locator(".flashes")).to_contain_text("approved")
        page.get_by_label("To (addresses separated by commas)").fill("proof@example.org")
        page.get_by_role("button", name="Send a test").click()
        expect(page.locator(".flashes")).to_contain_text("sent to proof@example.org")
        page.get_by_role("button", name="Push to Mailchimp").click()
        expect(page.locator(".flashes")).to_contain_text("updated in Mailchimp")
        expect(email.locator("body")).to_contain_text(INTRO)  # the swapped-in frames loaded
        desktop = page.frame_locator("iframe[title='Preview at desktop width']")
        expect(desktop.locator("body")).to_contain_text(INTRO)
        # Chromium paints frames only within the viewport: make it as tall as the page.
        height = page.evaluate("document.documentElement.scrollHeight")
        page.set_viewport_size({"width": 1280, "height": height})
        expect(desktop.locator("body")).to_contain_text(INTRO)
        screenshot(page, "newsletter")

        state = mailchimp.server.state
        assert len(state.campaigns) == 1
        ((campaign_id, campaign),) = state.campaigns.items()
        assert campaign["settings"]["subject_line"] == "November in the network"
        assert INTRO in state.contents[campaign_id]["html"]
        [uploaded] = state.file_manager.files.values()  # the picture, once, to Mailchimp
        url = state.file_manager.body(uploaded)["full_size_url"]
        assert f'src="{url}"' in state.contents[campaign_id]["html"]
        assert PICTURE_URL not in state.contents[campaign_id]["html"]
        assert state.tests == [{"campaign_id": campaign_id, "emails": ["proof@example.org"]}]

        page.goto(f"{console_url}/standins")
        expect(page.locator("body")).to_contain_text(campaign_id)
        expect(page.locator("body")).to_contain_text("November in the network")
