"""A real Chromium finds drafts for X and LinkedIn, copies one and marks both as posted.

An approved item is routed to an X and a LinkedIn channel (manual: no worker sends
there). The Drafts page shows each network's ready text with its own count; marking
one as posted with a URL elsewhere is refused; with the post's URL it records a sent
delivery, and the item's page links to the post.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from browser import browser_page, needs_chromium, screenshot, serve, sign_in
from sqlalchemy import Engine, select

from hub.core.bus.router import approve_item
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Delivery, Item, Source
from hub.web.testing import TEST_SECRET_KEY, add_user, console_app, example_settings

EMAIL, PASSWORD = "ana@example.org", "correct horse battery"
BODY = "Cities that let residents decide part of the budget. " * 12

pytestmark = [pytest.mark.slow, needs_chromium]
expect: Any = pytest.importorskip("playwright.sync_api").expect


def deployment() -> Settings:
    data = example_settings().model_dump()
    data["channels"]["x"] = {"platform": "x", "target": "@oidp", "title": "X @oidp"}
    data["channels"]["linkedin"] = {
        "platform": "linkedin",
        "target": "company/oidp",
        "title": "LinkedIn IOPD",
        "language": "es",
    }
    data["routes"] = [{"name": "social", "to": ["x", "linkedin"]}]
    return Settings.model_validate({**data, "secrets": {"HUB_SECRET_KEY": TEST_SECRET_KEY}})


@pytest.fixture
def console_url(sqlite_engine: Engine) -> Iterator[str]:
    settings = deployment()
    moment = dt.datetime(2026, 11, 10, 10, tzinfo=dt.UTC)
    with transaction(sqlite_engine) as session:
        sync_config(session, settings)
        feed = session.scalar(select(Source).where(Source.key == "news_feed"))
        assert feed is not None
        item = Item(
            title="Participatory budgets grow",
            summary_html=f"<p>{BODY}</p>",
            link="https://oidp.net/news/pb",
            language="en",
            status="pending",
            source_id=feed.id,
            tags=["budget"],
            published_at=moment,
        )
        session.add(item)
        session.flush()
        deliveries = approve_item(session, item, settings, by="test", now=moment)
        assert {d.status for d in deliveries} == {"held"}
    add_user(sqlite_engine, EMAIL, PASSWORD, name="Ana Puig", role="editor")
    with serve(console_app(settings, sqlite_engine)) as url:
        yield url


def test_drafts_for_x_and_linkedin_are_marked_as_posted(
    console_url: str, sqlite_engine: Engine
) -> None:
    with browser_page() as page:
        sign_in(page, console_url, EMAIL, PASSWORD)
        page.goto(f"{console_url}/drafts")
        sections = page.locator("section.draft")
        expect(sections).to_have_count(2)
        x_draft = sections.filter(has_text="X @oidp")
        expect(x_draft.locator(".draft-count")).to_contain_text(re.compile(r"\d+ of 280"))
        text = x_draft.locator("textarea").input_value()
        assert text.startswith("Participatory budgets grow") and "https://oidp.net/news/pb" in text
        expect(x_draft.get_by_role("button", name="Copy the text")).to_be_visible()
        linkedin = sections.filter(has_text="LinkedIn IOPD")
        expect(linkedin.locator(".draft-count")).to_contain_text("of 3000 characters")
        screenshot(page, "drafts")

        x_draft.get_by_label("Address of the post").fill("https://example.org/not-x")
        x_draft.get_by_role("button", name="Mark as posted").click()
        expect(page.locator(".flashes")).to_contain_text("Give the address of the post on X")

        x_draft = page.locator("section.draft").filter(has_text="X @oidp")
        x_draft.get_by_label("Address of the post").fill("https://x.com/oidp/status/1")
        x_draft.get_by_role("button", name="Mark as posted").click()
        expect(page.locator(".flashes")).to_contain_text("Marked as posted")
        expect(page.locator("section.draft")).to_have_count(1)

        page.locator("section.draft a[href^='/items/']").click()
        expect(page.locator("#deliveries")).to_contain_text("A draft waits to be posted by hand")
        link = page.locator("#deliveries a[href='https://x.com/oidp/status/1']")
        expect(link).to_have_count(1)

    with sqlite_engine.connect() as conn:
        rows = conn.execute(
            select(Delivery.status, Delivery.platform_message_id).order_by(Delivery.id)
        ).all()
    assert ("sent", "https://x.com/oidp/status/1") in rows
    assert ("held", None) in rows
