"""Every console page on a phone (390 x 844): nothing scrolls sideways, no table cell is hidden
off-screen; tables become one card per row (CSS only). The pages are found from the app's own
routes, as in the accessibility test, so a new page is checked without anyone adding it here.
Two screenshots are kept in test-artifacts/screenshots."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from browser import browser_page, needs_chromium, screenshot, serve, sign_in
from sqlalchemy import Engine, func, select
from starlette.routing import Route

from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.members.links import preferences_token
from hub.core.models import (
    Award,
    AwardStep,
    Channel,
    Delivery,
    Event,
    Item,
    ItemOrigin,
    KnowledgeEntry,
    Member,
    NewsletterEdition,
    Question,
    Source,
)
from hub.web.testing import TEST_SECRET_KEY, add_user, console_app, example_settings

EMAIL, PASSWORD = "ana@example.org", "correct horse battery"
WIDTH, HEIGHT = 390, 844
NOT_PAGES = {"/healthz", "/readyz", "/favicon.ico", "/metrics", "/events.ics"}
LONG_LINK = "https://participation.example.org/" + "a-very-long-path-segment-" * 6 + "end"
LONG_TITLE = "Participatory budgeting assemblies in Porto Alegre, Cascais and Dakar " * 2
ADDRESS = "claire.long.address@lyon.example.org"
LONG_ERROR = "channel_not_found:" + "x" * 120

pytestmark = [pytest.mark.slow, needs_chromium]

OVERFLOW = """() => {
  const width = window.innerWidth;
  const off = [];
  for (const cell of document.querySelectorAll('td, th, table')) {
    const box = cell.getBoundingClientRect();
    const hidden = getComputedStyle(cell).display === 'none' || box.width === 0;
    if (!hidden && (box.right > width + 1 || box.left < -1)) {
      off.push(cell.tagName + ': ' + (cell.textContent || '').trim().slice(0, 40));
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, off: off.slice(0, 5)};
}"""


def seed(engine: Engine, now: dt.datetime) -> dict[str, str]:
    """One of everything a page can show, with the long words that push pages wide."""
    with transaction(engine) as session:
        sync_config(session, example_settings())
        web = session.scalar(select(Source).where(Source.key == "web_form"))
        assert web is not None
        item = Item(
            status="pending",
            title=LONG_TITLE,
            summary_html=f"<p>{LONG_LINK}</p>",
            summary_text=LONG_LINK,
            link=LONG_LINK,
            image_url=LONG_LINK,
            language="en",
            tags=["youth", "participatory-budgeting"],
            countries=["SN", "BR", "PT"],
            regions=["africa"],
            source_id=web.id,
        )
        member = Member(
            organisation="Ajuntament de L'Hospitalet de Llobregat (Barcelona)",
            contact_name="Claire",
            email=ADDRESS,
        )
        session.add_all([item, member])
        session.add(
            Event(
                id="conf-2026",
                kind="conference",
                name={"en": LONG_TITLE},
                starts_on=(now + dt.timedelta(days=10)).date(),
            )
        )
        session.add(Award(id="award-2026", year=now.year, name={"en": "Award"}))
        session.add(
            KnowledgeEntry(
                id="faq-office", kind="faq", name={"en": "Where?"}, body={"en": LONG_LINK}
            )
        )
        start = now.date().replace(day=1)
        session.add(
            NewsletterEdition(
                language="en",
                period_start=start,
                period_end=start + dt.timedelta(days=27),
                subject=LONG_TITLE[:200],
            )
        )
        session.flush()
        session.add(
            ItemOrigin(
                item_id=item.id,
                source_id=web.id,
                external_id="web:1",
                platform="web",
                reply_to=ADDRESS,
            )
        )
        step = AwardStep(award_id="award-2026", step="call", starts_on=now.date())
        session.add(step)
        session.add(
            Question(
                platform="telegram",
                reply_to="1",
                text=LONG_LINK,
                handoff=True,
                status="open",
                member_id=member.id,
            )
        )
        for channel_id in session.scalars(select(Channel.id)):
            session.add(
                Delivery(
                    item_id=item.id, channel_id=channel_id, status="dead", last_error=LONG_ERROR
                )
            )
        session.flush()
        return {
            "item_id": str(item.id),
            "member_id": str(member.id),
            "edition_id": str(session.scalar(select(func.min(NewsletterEdition.id)))),
            "event_id": "conf-2026",
            "award_id": "award-2026",
            "step_id": str(step.id),
            "entry_id": "faq-office",
            "token": preferences_token(TEST_SECRET_KEY, member.id, now),
        }


def page_paths(app: Any, ids: dict[str, str]) -> list[str]:
    """Every GET page of the console, from its routes, with the seeded ids filled in."""
    paths = []
    for route in app.routes:
        if not isinstance(route, Route) or "GET" not in (route.methods or ()):
            continue
        if route.path in NOT_PAGES or route.path.startswith(
            ("/slack/", "/telegram/", "/mailchimp/")
        ):
            continue
        if route.path.endswith((".json", ".txt", "/preview", "/picture")):  # not pages
            continue
        paths.append(re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: ids[m.group(1)], route.path))
    return sorted(set(paths))


NOW = dt.datetime(2026, 2, 27, 9, 30, tzinfo=dt.UTC)
"""The console's injected clock and the seed's dates: the last days of a short month, so a
month-long roundup period and an event ten days on both cross a month's end."""


@pytest.fixture
def console(sqlite_engine: Engine) -> Iterator[tuple[str, list[str]]]:
    now = NOW
    ids = seed(sqlite_engine, now)
    add_user(sqlite_engine, EMAIL, PASSWORD, name="Ana Puig", role="admin")
    app = console_app(example_settings(), sqlite_engine, clock=lambda: now)
    with serve(app) as url:
        yield url, page_paths(app, ids)


def test_no_console_page_scrolls_sideways_on_a_phone(console: tuple[str, list[str]]) -> None:
    url, paths = console
    assert len(paths) >= 25, paths
    wide: dict[str, Any] = {}
    with browser_page(WIDTH, HEIGHT) as page:
        page.goto(f"{url}/login")
        found = page.evaluate(OVERFLOW)
        if found["scroll"] > found["width"] or found["off"]:
            wide["/login"] = found
        sign_in(page, url, EMAIL, PASSWORD)
        for path in paths:
            response = page.goto(f"{url}{path}")
            assert response is not None and response.status == 200, path
            found = page.evaluate(OVERFLOW)
            assert found["width"] == WIDTH
            if found["scroll"] > found["width"] or found["off"]:
                wide[path] = found
        page.goto(f"{url}/")
        screenshot(page, "phone-dashboard")
        item_path = next(p for p in paths if re.fullmatch(r"/items/\d+", p))
        page.goto(f"{url}{item_path}")
        screenshot(page, "phone-item")
    assert wide == {}


def test_a_table_row_becomes_a_card_with_its_column_names(
    console: tuple[str, list[str]],
) -> None:
    url, paths = console
    item_path = next(p for p in paths if re.fullmatch(r"/items/\d+", p))
    with browser_page(WIDTH, HEIGHT) as page:
        sign_in(page, url, EMAIL, PASSWORD)
        page.goto(f"{url}{item_path}")
        cells = page.evaluate(
            """() => [...document.querySelectorAll('td[data-label]')].map(td => ({
                display: getComputedStyle(td).display,
                label: getComputedStyle(td, '::before').content}))"""
        )
        shown = [c for c in cells if c["display"] != "none"]  # empty cells are left out
        assert shown, "the item page's deliveries label their cells"
        assert all(c["display"] == "block" for c in shown), shown[:3]
        assert all(c["label"] not in ("none", "normal", '""') for c in shown), shown[:3]
    with browser_page(1280, 900) as page:  # a wide screen keeps the table
        sign_in(page, url, EMAIL, PASSWORD)
        page.goto(f"{url}{item_path}")
        shown = page.evaluate(
            "() => getComputedStyle(document.querySelector('td[data-label]')).display"
        )
        assert shown == "table-cell"
