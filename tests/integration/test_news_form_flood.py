"""Security finding (issue 16): the members' public news form could be flooded.

34 of 40 posts sent at once passed a limit of 20 (each request counted before
any had written its row), 60 of 60 from different addresses passed (the limit
was per address only), and nothing told a bot from a person. Now a post is
written before the posts are counted, the form has a daily cap whatever the
address, and a honeypot field a person never sees keeps a bot's post out.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import Engine, select

from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import Item
from hub.web import submit_views
from hub.web.submit_views import MEMBER_LIMIT
from hub.web.testing import ConsoleClient, SteppingClock, console_app, csrf_token, example_settings


def news(number: int) -> dict[str, str]:
    return {
        "title": f"Assembly {number} opens its budget",
        "text": f"District {number} votes on {number * 13} proposals this spring.",
        "link": f"https://example.org/news/{number}",
    }


def item_count(engine: Engine) -> int:
    with transaction(engine) as session:
        return len(session.scalars(select(Item.id)).all())


def parallel_posts(engine: Engine, count: int, addresses: int) -> list[int]:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    app = console_app(settings, engine, clock=SteppingClock())

    async def main() -> list[int]:
        clients, tokens = [], []
        for number in range(addresses):
            client_address = (f"203.0.113.{number % 250 + 1}", 4000 + number // 250)
            transport = httpx.ASGITransport(app=app, client=client_address)
            client = httpx.AsyncClient(transport=transport, base_url="http://c.test")
            clients.append(client)
            tokens.append(csrf_token((await client.get("/submit-news")).text))

        async def post(number: int) -> int:
            which = number % addresses
            data = {"csrf_token": tokens[which], **news(number)}
            return (await clients[which].post("/submit-news", data=data)).status_code

        statuses = await asyncio.gather(*(post(n) for n in range(count)))
        for client in clients:
            await client.aclose()
        return list(statuses)

    return asyncio.run(main())


def test_forty_parallel_posts_from_one_address_pass_the_limit_no_more(engine: Engine) -> None:
    statuses = parallel_posts(engine, 40, addresses=1)
    assert statuses.count(303) == MEMBER_LIMIT and statuses.count(429) == 40 - MEMBER_LIMIT
    assert item_count(engine) == MEMBER_LIMIT


def test_posts_from_many_addresses_stop_at_the_daily_cap(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(submit_views, "MEMBER_DAILY_CAP", 12)
    statuses = parallel_posts(engine, 30, addresses=30)
    assert statuses.count(303) == 12 and statuses.count(429) == 18
    assert item_count(engine) == 12


def test_a_filled_honeypot_is_thanked_and_kept_out(engine: Engine) -> None:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock())) as member:
        form = member.get("/submit-news").text
        assert 'name="website"' in form and 'class="trap"' in form
        bot = member.submit("/submit-news", "/submit-news", {**news(1), "website": "x.example"})
        assert bot.status_code == 303 and "will review" in member.follow(bot).text
        assert item_count(engine) == 0
        person = member.submit("/submit-news", "/submit-news", {**news(2), "website": ""})
        assert person.status_code == 303 and item_count(engine) == 1
