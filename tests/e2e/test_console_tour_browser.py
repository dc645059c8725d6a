"""A secretariat's day in a real Chromium: every main page used, checked and photographed.

Sign in; approve an inbox item and see its deliveries appear, then sent by a worker; approve
two more in bulk; retry a failed delivery and see it pending again; ask the routes why an
item goes where it goes; answer a handed-off question. A form posted without its CSRF
token is refused, and every console page asks a visitor without a session to sign in.
Screenshots of each main page (and of the dashboard at a phone's width) land in
``test-artifacts/screenshots``; the README shows the dashboard's.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pytest
from browser import browser_page, needs_chromium, screenshot, serve, sign_in
from playwright.sync_api import expect
from sqlalchemy import Engine, select
from starlette.routing import Route

from hub.core.bus.messages import ChannelSinks
from hub.core.bus.router import approve_item
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Delivery, Item, Question, Source, utcnow
from hub.core.ports import ReceivedPost
from hub.web.testing import TEST_SECRET_KEY, add_user, console_app
from hub.wiring import SINKS

pytestmark = [pytest.mark.slow, needs_chromium]

EMAIL, PASSWORD = "ana@example.org", "correct horse battery"
TO_APPROVE = "Sortition assembly in Barcelona chooses its first 100 members"
IN_BULK = ("Youth budget in Cascais opens its vote", "Porto Alegre hosts a budgeting school")
FAILED = "Dakar seminar on participatory budgeting: the programme"
QUESTION = "When are the 2027 Best Practice awards handed out?"
PUBLIC_PATHS = {
    "/healthz",
    "/readyz",
    "/favicon.ico",
    "/metrics",
    "/login",
    "/submit-news",
    "/submit-feed",
    "/preferences/{token}",
    "/events.ics",
}
"""Pages anyone may open; every other console GET route must ask for a sign-in."""


def tour_settings() -> Settings:
    """Three channels of the in-memory sink, one a weekly digest, and three routes."""
    memory = "memory"
    return Settings.model_validate(
        {
            "hub": {
                "name": "IOPD hub",
                "timezone": "Europe/Madrid",
                "languages": ["en", "es", "fr", "ca", "pt"],
            },
            "sources": {
                "console": {"kind": "console", "trusted": True, "title": "The secretariat"},
                "web_form": {"kind": "web", "title": "Members' web form"},
            },
            "channels": {
                "news_en": {"platform": memory, "target": "news", "title": "#iopd-news"},
                "news_es": {
                    "platform": memory,
                    "target": "noticias",
                    "language": "es",
                    "title": "Noticias OIDP",
                },
                "roundup": {
                    "platform": memory,
                    "target": "roundups",
                    "mode": "digest",
                    "title": "Weekly roundup",
                },
            },
            "routes": [
                {
                    "name": "everything in English",
                    "match": {"languages": ["en"]},
                    "to": ["news_en", "roundup"],
                },
                {"name": "Spanish news", "match": {"languages": ["es"]}, "to": ["news_es"]},
                {
                    "name": "budgets everywhere",
                    "match": {"tags": ["participatory-budgeting"]},
                    "to": ["news_en", "news_es"],
                },
            ],
            "secrets": {"HUB_SECRET_KEY": TEST_SECRET_KEY},
        }
    )


@dataclass
class SandboxStandIn:
    """Plays a platform stand-in for the sandbox page: what it 'received'."""

    url: str

    def posts(self) -> list[ReceivedPost]:
        text = f"{FAILED}\nThe programme of the seminar, day by day."
        html = f"<p><strong>{FAILED}</strong></p><p>The programme of the seminar, day by day.</p>"
        return [ReceivedPost("slack", "C0IOPDNEWS", "1700000000.000100", text, html)]


@dataclass
class World:
    url: str
    engine: Engine
    settings: Settings
    app: Any
    ids: dict[str, int]


def seed(engine: Engine, settings: Settings) -> dict[str, int]:
    """Members' news waiting, one item posted, one whose delivery failed, a question."""
    now = utcnow()
    ids: dict[str, int] = {}
    with transaction(engine) as session:
        sync_config(session, settings)
        form = session.scalars(select(Source).where(Source.key == "web_form")).one()
        summaries = {
            TO_APPROVE: "<p>Citizens drawn by lot will deliberate on the climate plan.</p>",
            IN_BULK[0]: "<p>Young people choose how to spend 300,000 euros.</p>",
            IN_BULK[1]: "<p>A week of training for officials from twelve cities.</p>",
            FAILED: "<p>Three days of exchanges between African cities.</p>",
        }
        for title, summary in summaries.items():
            item = Item(
                source_id=form.id,
                title=title,
                summary_html=summary,
                language="en",
                tags=["climate"] if title == TO_APPROVE else ["participatory-budgeting"],
                status="pending",
                link="https://oidp.net/news",
                created_at=now - dt.timedelta(hours=len(ids) + 1),
            )
            session.add(item)
            session.flush()
            ids[title] = item.id
        failed = session.get(Item, ids[FAILED])
        assert failed is not None
        for delivery in approve_item(session, failed, settings, by="seed", now=now):
            if delivery.status == "pending":
                delivery.status, delivery.attempts = "sent", 1
                delivery.sent_at, delivery.platform_message_id = now, f"m{delivery.id}"
        broken = session.scalars(
            select(Delivery).where(Delivery.item_id == failed.id, Delivery.status == "sent")
        ).first()
        assert broken is not None
        broken.status, broken.sent_at, broken.platform_message_id = "failed", None, None
        broken.last_error = "ChannelGone: channel_not_found (the channel was archived)"
        broken.error_kind = "ChannelGone"  # as the worker records it
        ids["failed_delivery"] = broken.id
        question = Question(
            platform="memory",
            reply_to="U123",
            text=QUESTION,
            language="en",
            handoff=True,
            status="open",
            answer="I do not know that yet.",
        )
        session.add(question)
        session.flush()
        ids["question"] = question.id
    return ids


@pytest.fixture
def world(sqlite_engine: Engine) -> Iterator[World]:
    settings = tour_settings()
    ids = seed(sqlite_engine, settings)
    add_user(sqlite_engine, EMAIL, PASSWORD, name="Ana Puig", role="admin")
    app = console_app(settings, sqlite_engine, standins={"slack": SandboxStandIn("local")})
    with serve(app) as url:
        yield World(url, sqlite_engine, settings, app, ids)


def send_due(world: World) -> None:
    """What the worker role does: send every due delivery (here to the in-memory sink)."""

    async def run() -> None:
        sinks = ChannelSinks.from_settings(world.settings, SINKS)
        try:
            await Worker(world.engine, sinks, config=WorkerConfig(until_idle=True)).run()
        finally:
            await sinks.close()

    with ThreadPoolExecutor(1) as pool:  # Playwright's sync API keeps a loop in this thread
        pool.submit(asyncio.run, run()).result(timeout=60)


def private_paths(app: Any) -> list[str]:
    """Every console GET route that is not public, with ``1`` for its path parameters."""
    platform = app.state.platform_routes
    paths = [
        r.path
        for r in app.routes
        if isinstance(r, Route) and "GET" in (r.methods or ()) and r not in platform
    ]
    return [re.sub(r"\{[^}]+\}", "1", p) for p in paths if p not in PUBLIC_PATHS]


def delivery_rows(page: Any) -> list[str]:
    rows: list[str] = page.locator("section#deliveries tbody tr").all_inner_texts()
    return rows


def test_a_day_at_the_console(world: World) -> None:
    url, ids = world.url, world.ids
    with browser_page() as page:
        # Without a session, every console page sends the visitor to the sign-in page.
        paths = private_paths(world.app)
        assert len(paths) >= 20, paths
        for path in paths:
            page.goto(url + path)
            assert page.url.startswith(f"{url}/login?next="), (path, page.url)
        screenshot(page, "login")

        sign_in(page, url, EMAIL, PASSWORD)
        assert page.get_by_role("heading", level=1).count() == 1

        # Approve one item from the inbox: its deliveries appear, then the worker sends them.
        page.goto(f"{url}/moderation")
        screenshot(page, "moderation")
        card = page.locator("article.card", has_text=TO_APPROVE)
        card.get_by_role("button", name="Approve").click()
        page.wait_for_url(f"{url}/moderation")
        assert "2 deliveries" in page.locator(".flash").inner_text()
        page.goto(f"{url}/items/{ids[TO_APPROVE]}")
        rows = delivery_rows(page)
        assert len(rows) == 2 and all("pending" in r or "held" in r for r in rows), rows
        send_due(world)
        page.reload()
        rows = delivery_rows(page)
        assert any("#iopd-news" in r and "sent" in r for r in rows), rows
        assert any("Weekly roundup" in r and "held" in r for r in rows), rows
        screenshot(page, "item")

        # Two more in one go: tick both, approve, and read what happened to each.
        page.goto(f"{url}/moderation")
        for title in IN_BULK:
            page.get_by_label(f"Tick “{title[:37]}").check()
        page.get_by_label("Action").select_option("approve")
        page.get_by_role("button", name="Apply to the ticked items").click()
        # A click does not wait for the page it loads: wait for the results, as a reader would.
        expect(page.locator(".bulk-results li")).to_have_count(2)
        results = page.locator(".bulk-results li").all_inner_texts()
        assert len(results) == 2 and all(r.startswith("Done") for r in results), results
        assert "Nothing waits for moderation" in page.content()

        # A delivery failed: retry it from the deliveries page and see it pending again.
        page.goto(f"{url}/deliveries")
        failed_row = page.locator(f"#delivery-{ids['failed_delivery']}")
        assert "no longer exists" in failed_row.inner_text()
        screenshot(page, "deliveries")
        failed_row.get_by_role("button", name="Retry").click()
        assert "will be sent again shortly" in page.locator(".flash").inner_text()
        page.get_by_role("link", name="Clear").click()
        expect(page.get_by_text("Nothing failed")).to_be_visible()
        page.goto(f"{url}/items/{ids[FAILED]}")
        retried = page.locator(f"#delivery-{ids['failed_delivery']}").inner_text()
        assert "pending" in retried and "0 / 8" in retried, retried

        # Why does an item go where it goes? The dry run answers in place (htmx).
        page.goto(f"{url}/channels")
        page.get_by_label("Item number").fill(str(ids[TO_APPROVE]))
        page.get_by_role("button", name="Show the routes").click()
        page.locator("#dry-run table").wait_for()
        assert page.url == f"{url}/channels"  # swapped in place, no page load
        decisions = page.locator("#dry-run tbody tr").all_inner_texts()
        assert any("Spanish news" in d and "languages: needs one of" in d for d in decisions)
        assert sum("matched" in d for d in decisions) == 2, decisions
        screenshot(page, "channels")

        # A question the assistant handed off: answer it.
        page.goto(f"{url}/questions")
        screenshot(page, "questions")
        page.get_by_label("Your reply").fill("In November, at the IOPD conference.")
        page.get_by_role("button", name="Send reply").click()
        assert f"Reply to question {ids['question']} sent." in page.locator(".flash").inner_text()

        page.goto(f"{url}/standins")
        assert FAILED in page.locator(".standin-slack").inner_text()
        screenshot(page, "standins")
        page.goto(f"{url}/account")
        screenshot(page, "account")
        page.goto(f"{url}/")  # after the day's work, so the dashboard has something to show
        assert page.get_by_role("heading", name="Dashboard").is_visible()
        screenshot(page, "dashboard")

        # A form posted without its CSRF token is refused, and nothing changes.
        pending = new_pending_item(world)
        refused = page.request.post(
            f"{url}/items/{pending}/approve", form={"back": "/moderation"}, max_redirects=0
        )
        assert refused.status == 403 and "could not be accepted" in refused.text()
        with transaction(world.engine) as session:
            assert session.get(Item, pending).status == "pending"  # type: ignore[union-attr]

    with browser_page(width=390, height=844) as phone:
        sign_in(phone, url, EMAIL, PASSWORD)
        assert phone.locator("nav").first.is_visible()
        # Wide tables scroll inside their box; the page itself never scrolls sideways.
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        screenshot(phone, "dashboard-phone")


def new_pending_item(world: World) -> int:
    with transaction(world.engine) as session:
        item = Item(title="Forged approval target", status="pending", language="en")
        session.add(item)
        session.flush()
        return item.id
